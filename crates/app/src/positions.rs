//! Positions: create, update (a change of unit is a move) and delete, each one audited
//! transaction. Changes are made from a revision ([`ametijuhend_store::revision_of`]) that
//! the store checks inside the transaction: of racing edits from the same revision exactly one
//! is written and the others get [`AppError::Stale`] saying who changed what meanwhile.
//!
//! [`PositionCommand::new`] holds the limits of a position's fields.

use crate::{AppError, Clock, Principal, Problem};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::{Position, PositionId};
use ametijuhend_store::{
    AuditEntry, ChangeSet, Expected, RecordKind, Repository, StoreError, revision_of,
};

/// The longest title or specialisation, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest job family or level name, in characters.
pub const MAX_FAMILY: usize = 100;

/// A position as it is to be stored: validated (limits, no self-supervision).
#[derive(Debug, Clone)]
pub struct PositionCommand {
    position: Position,
}

fn too_long(problems: &mut Vec<Problem>, field: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        problems.push(Problem::new(
            field,
            format!("is {n} characters long; at most {max} are allowed: shorten it"),
        ));
    }
}

impl PositionCommand {
    /// Checks the limits of every field; all problems are reported at once.
    pub fn new(position: Position) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        if position.title.trim().is_empty() {
            problems.push(Problem::new("title", "is empty: give the position's title"));
        }
        too_long(&mut problems, "title", &position.title, MAX_TITLE);
        if let Some(s) = &position.specialisation {
            too_long(&mut problems, "specialisation", s, MAX_TITLE);
        }
        if let Some(j) = &position.job_family {
            too_long(&mut problems, "job_family", &j.family, MAX_FAMILY);
            too_long(&mut problems, "job_level", &j.level, MAX_FAMILY);
        }
        if position.supervisor.as_ref() == Some(&position.id) {
            problems.push(Problem::new(
                "supervisor",
                "a position cannot report to itself: choose another supervisor",
            ));
        }
        if problems.is_empty() {
            Ok(Self { position })
        } else {
            Err(AppError::Invalid(problems))
        }
    }

    pub fn position(&self) -> &Position {
        &self.position
    }
}

/// A position as written, with the revision it is stored at now.
#[derive(Debug, Clone)]
pub struct Saved {
    pub position: Position,
    pub revision: String,
}

async fn tree(store: &dyn Repository) -> Result<UnitTree, AppError> {
    Ok(UnitTree::new(&store.list_units().await?))
}

fn target(p: &Position) -> Target<'_> {
    Target::Position {
        id: &p.id,
        unit: &p.unit,
    }
}

/// Says who changed the record last and which fields, for a stale edit.
pub(crate) async fn explain_stale(
    store: &dyn Repository,
    e: AppError,
    kind: &str,
    id: &str,
) -> AppError {
    let AppError::Stale { record, message } = e else {
        return e;
    };
    let last = match store.audit_history(kind, id).await {
        Ok(events) => events.into_iter().last(),
        Err(_) => None,
    };
    let Some(last) = last else {
        return AppError::Stale { record, message };
    };
    let fields = changed_fields(&last.entry.before, &last.entry.after);
    let what = if fields.is_empty() {
        String::new()
    } else {
        format!(" (changed: {})", fields.join(", "))
    };
    AppError::Stale {
        message: format!(
            "{message}; last changed by {} at {}{what}",
            last.entry.actor,
            crate::clock::format_local(&last.entry.at)
        ),
        record,
    }
}

/// The top-level fields that differ between two JSON records.
pub(crate) fn changed_fields(
    before: &Option<serde_json::Value>,
    after: &Option<serde_json::Value>,
) -> Vec<String> {
    let empty = serde_json::Map::new();
    let obj = |v: &Option<serde_json::Value>| match v {
        Some(serde_json::Value::Object(m)) => m.clone(),
        _ => empty.clone(),
    };
    let (b, a) = (obj(before), obj(after));
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| b.get(*k) != a.get(*k))
        .cloned()
        .collect()
}

/// Creates a position (the account must be allowed to edit its unit).
pub async fn create(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: PositionCommand,
) -> Result<Saved, AppError> {
    let position = cmd.position;
    let tree = tree(store).await?;
    who.require(Permission::Edit, Target::Unit(&position.unit), &tree)?;
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "position.created",
        "position",
        &position.id,
    )
    .after(&position);
    let changes = ChangeSet {
        positions: vec![position.clone()],
        ..ChangeSet::default()
    };
    store.apply_audited(&changes, &[audit]).await?;
    stored(store, &position.id).await
}

async fn stored(store: &dyn Repository, id: &PositionId) -> Result<Saved, AppError> {
    let position = store
        .get_position(id)
        .await?
        .ok_or_else(|| AppError::not_found("position", id))?;
    Ok(Saved {
        revision: revision_of(&position),
        position,
    })
}

/// Changes a position made from `revision` (a change of unit moves it): the account must be
/// allowed to edit it where it is and where it goes; its holders are kept.
pub async fn update(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: PositionCommand,
    revision: &str,
) -> Result<Saved, AppError> {
    let mut position = cmd.position;
    let before = store
        .get_position(&position.id)
        .await?
        .ok_or_else(|| AppError::not_found("position", &position.id))?;
    let tree = tree(store).await?;
    who.require(Permission::Edit, target(&before), &tree)?;
    who.require(Permission::Edit, Target::Unit(&position.unit), &tree)?;
    position.assignments = before.assignments.clone();
    let id = position.id.clone();
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "position.changed",
        "position",
        &id,
    )
    .before(&before)
    .after(&position);
    let changes = ChangeSet {
        positions: vec![position],
        ..ChangeSet::default()
    };
    let expected = [Expected::new(RecordKind::Position, &id, revision)];
    if let Err(e) = store.apply_audited_at(&changes, &expected, &[audit]).await {
        return Err(explain_stale(store, e.into(), "position", id.as_str()).await);
    }
    stored(store, &id).await
}

/// Removes a position nothing refers to; otherwise [`AppError::Conflict`] says what stands in
/// the way.
pub async fn delete(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    id: &PositionId,
) -> Result<Position, AppError> {
    let before = store
        .get_position(id)
        .await?
        .ok_or_else(|| AppError::not_found("position", id))?;
    let tree = tree(store).await?;
    who.require(Permission::Edit, target(&before), &tree)?;
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "position.removed",
        "position",
        id,
    )
    .before(&before);
    match store.delete_position(id, &audit).await {
        Ok(()) => Ok(before),
        Err(StoreError::Invalid { message, .. }) => Err(AppError::Conflict {
            code: "in_use",
            message: format!("the position '{}' {message}", before.full_title()),
        }),
        Err(e) => Err(e.into()),
    }
}
