//! Units: create, and update (rename, re-kind, move under another parent, effective-dated),
//! each one audited transaction; updates are made from a revision checked inside the
//! transaction (see [`crate::positions`]). A move that would make the unit tree a cycle is
//! refused by the store and comes back as [`AppError::Invalid`] (422) with the reason.

use crate::{AppError, Clock, Principal, Problem};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::{Unit, UnitId};
use ametijuhend_store::{AuditEntry, ChangeSet, Expected, RecordKind, Repository, revision_of};

/// The longest unit name, in characters.
pub const MAX_NAME: usize = 200;

/// A unit as it is to be stored: validated (a name within the limits on every version).
#[derive(Debug, Clone)]
pub struct UnitCommand {
    unit: Unit,
}

impl UnitCommand {
    pub fn new(unit: Unit) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        for (i, v) in unit.versions.iter().enumerate() {
            let n = v.name.chars().count();
            if v.name.trim().is_empty() {
                problems.push(Problem::new(
                    format!("versions[{i}].name"),
                    "is empty: give the unit's name",
                ));
            } else if n > MAX_NAME {
                problems.push(Problem::new(
                    format!("versions[{i}].name"),
                    format!("is {n} characters long; at most {MAX_NAME} are allowed"),
                ));
            }
        }
        if unit.versions.is_empty() {
            problems.push(Problem::new(
                "versions",
                "a unit needs at least one version",
            ));
        }
        if problems.is_empty() {
            Ok(Self { unit })
        } else {
            Err(AppError::Invalid(problems))
        }
    }
}

/// A unit as written, with the revision it is stored at now.
#[derive(Debug, Clone)]
pub struct Saved {
    pub unit: Unit,
    pub revision: String,
}

fn parent_target(unit: &Unit) -> Target<'_> {
    match unit.parent() {
        Some(p) => Target::Unit(p),
        None => Target::TopLevel,
    }
}

async fn stored(store: &dyn Repository, id: &UnitId) -> Result<Saved, AppError> {
    let unit = store
        .get_unit(id)
        .await?
        .ok_or_else(|| AppError::not_found("unit", id))?;
    Ok(Saved {
        revision: revision_of(&unit),
        unit,
    })
}

/// Creates a unit under its parent (or at the top), which the account must be allowed to edit.
pub async fn create(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: UnitCommand,
) -> Result<Saved, AppError> {
    let unit = cmd.unit;
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(Permission::Edit, parent_target(&unit), &tree)?;
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "unit.created",
        "unit",
        &unit.id,
    )
    .after(&unit);
    let changes = ChangeSet {
        units: vec![unit.clone()],
        ..ChangeSet::default()
    };
    store.apply_audited(&changes, &[audit]).await?;
    stored(store, &unit.id).await
}

/// Stores a changed unit made from `revision`. The account must be allowed to edit the unit
/// and, when it moves, its new parent.
pub async fn update(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: UnitCommand,
    revision: &str,
) -> Result<Saved, AppError> {
    let unit = cmd.unit;
    let before = store
        .get_unit(&unit.id)
        .await?
        .ok_or_else(|| AppError::not_found("unit", &unit.id))?;
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(Permission::Edit, Target::Unit(&unit.id), &tree)?;
    if unit.parent() != before.parent() {
        who.require(Permission::Edit, parent_target(&unit), &tree)?;
    }
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "unit.changed",
        "unit",
        &unit.id,
    )
    .before(&before)
    .after(&unit);
    let changes = ChangeSet {
        units: vec![unit.clone()],
        ..ChangeSet::default()
    };
    let expected = [Expected::new(RecordKind::Unit, &unit.id, revision)];
    if let Err(e) = store.apply_audited_at(&changes, &expected, &[audit]).await {
        return Err(
            crate::positions::explain_stale(store, e.into(), "unit", unit.id.as_str()).await,
        );
    }
    stored(store, &unit.id).await
}
