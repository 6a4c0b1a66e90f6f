//! Job description drafts: starting one (a blank first version or the next version of the
//! latest for the editor, from a role card, taking in a role card's update) and saving it.
//!
//! Who may: whoever may edit the position (`Permission::Edit`: HR, administrators, the
//! managers of its unit). A draft is saved beside the latest version only while that one is
//! not in coordination (the domain's rule, [`workflow::can_edit`]; asked again inside the
//! transaction), and only while the position's latest version is still the one the draft was
//! made from: the store checks the version number inside the transaction, so a save racing
//! another one writes nothing and is [`AppError::Stale`] (409). Every save is one transaction
//! with its audit entry.
//!
//! Nothing here reads the whole registry: a draft is made from the position, its versions, its
//! role card and the position's neighbourhood (unit names, supervisor, subordinates,
//! substitution partners).

mod start;
#[cfg(test)]
mod tests;

pub use start::{Editing, from_role_card, next_version, open, take_in_card_update};

use crate::{AppError, Clock, Principal, Problem};
use ametijuhend_domain::Substitution;
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::workflow::{self, latest_version};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Position, PositionId, Status};
use ametijuhend_store::{AuditEntry, ChangeSet, Repository};

/// Where a draft comes from: decides the audit entry's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written in the editor (`job_description.draft_saved`).
    Editor,
    /// Written from a role card (`job_description.draft_from_role_card`).
    RoleCard,
    /// A role card's update taken in (`job_description.card_update_taken_in`).
    CardUpdate,
}

impl Origin {
    fn action(self) -> &'static str {
        match self {
            Origin::Editor => "job_description.draft_saved",
            Origin::RoleCard => "job_description.draft_from_role_card",
            Origin::CardUpdate => "job_description.card_update_taken_in",
        }
    }
}

/// Most substitutes one position may have chosen in the editor.
pub const MAX_SUBSTITUTES: usize = ametijuhend_domain::limits::MAX_LIST_ITEMS;

/// A draft to save: the new version, the latest version it was made after (`None`: the
/// position has none), what it was made from (recorded as the audit entry's "before") and,
/// when the editor chose them, the position's substitutes.
#[derive(Debug, Clone)]
pub struct SaveDraft {
    draft: JobDescription,
    expected_latest: Option<u32>,
    before: Option<JobDescription>,
    substitutes: Option<Vec<PositionId>>,
    origin: Origin,
}

impl SaveDraft {
    /// Refuses a draft that is not a draft, is not the version after `expected_latest`, or
    /// breaks a rule every version keeps (the stated limits among them).
    pub fn new(
        draft: JobDescription,
        expected_latest: Option<u32>,
        origin: Origin,
    ) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        if draft.status != Status::Draft {
            problems.push(Problem::new(
                "status",
                format!(
                    "is {}: a new version is saved as a draft",
                    draft.status.as_str()
                ),
            ));
        }
        let next = expected_latest.unwrap_or(0) + 1;
        if draft.version != next {
            problems.push(Problem::new(
                "version",
                format!(
                    "is {}: the version after the latest is {next}",
                    draft.version
                ),
            ));
        }
        problems.extend(
            draft
                .problems()
                .into_iter()
                .map(|(path, message)| Problem::new(path, message)),
        );
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
        Ok(Self {
            draft,
            expected_latest,
            before: None,
            substitutes: None,
            origin,
        })
    }

    /// The version the draft was made from (the audit entry's "before").
    pub fn made_from(mut self, before: JobDescription) -> Self {
        self.before = Some(before);
        self
    }

    /// The position's substitutes as chosen (each once, never the position itself; at most
    /// [`MAX_SUBSTITUTES`]): the links are written to match, and the document's "Kes asendab"
    /// is written anew from their titles when they changed.
    pub fn with_substitutes(mut self, chosen: Vec<PositionId>) -> Result<Self, AppError> {
        let mut out: Vec<PositionId> = Vec::new();
        for id in chosen {
            if id == self.draft.position {
                return Err(AppError::invalid(
                    "substitutes",
                    "a position cannot substitute itself: choose another position",
                ));
            }
            if !out.contains(&id) {
                out.push(id);
            }
        }
        if out.len() > MAX_SUBSTITUTES {
            return Err(AppError::invalid(
                "substitutes",
                format!("at most {MAX_SUBSTITUTES} substitutes may be chosen"),
            ));
        }
        self.substitutes = Some(out);
        Ok(self)
    }

    pub fn draft(&self) -> &JobDescription {
        &self.draft
    }
}

/// A saved draft.
#[derive(Debug, Clone)]
pub struct Saved {
    pub draft: JobDescription,
}

impl Saved {
    pub fn id(&self) -> &JobDescriptionId {
        &self.draft.id
    }
}

/// The version that keeps `versions` from getting a new draft: the latest, while it is in
/// coordination (it must be returned to draft first). None when a draft may be saved.
pub fn edit_blocked_by(versions: &[JobDescription]) -> Option<&JobDescription> {
    let latest = versions.iter().max_by_key(|v| v.version)?;
    (!workflow::can_edit(latest.status) && latest.status == Status::InCoordination)
        .then_some(latest)
}

/// The refusal of a save while `latest` is in coordination (409, code `in_coordination`).
fn in_coordination(latest: &JobDescription) -> AppError {
    AppError::Conflict {
        code: "in_coordination",
        message: format!(
            "version {} is in coordination: it must be returned to draft before a new version \
             is saved",
            latest.version
        ),
    }
}

/// The position when `who` may edit it (404 when there is none, 403 when they may not), with
/// the unit tree.
async fn editable(
    store: &dyn Repository,
    who: &Principal,
    id: &PositionId,
) -> Result<(Position, UnitTree), AppError> {
    let position = store
        .get_position(id)
        .await?
        .ok_or_else(|| AppError::not_found("position", id))?;
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(
        Permission::Edit,
        Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        &tree,
    )?;
    Ok((position, tree))
}

/// Saves a new draft version by `who`: one transaction with its audit entry, checked against
/// the latest version inside it.
pub async fn save(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    cmd: SaveDraft,
) -> Result<Saved, AppError> {
    let SaveDraft {
        mut draft,
        expected_latest,
        before,
        substitutes,
        origin,
    } = cmd;
    let pid = draft.position.clone();
    editable(store, who, &pid).await?;
    let versions = store.list_job_descriptions(&pid).await?;
    if let Some(latest) = edit_blocked_by(&versions) {
        return Err(in_coordination(latest));
    }
    let mut changes = ChangeSet::default();
    if let Some(chosen) = substitutes {
        let found = store.positions_by_id(&chosen).await?;
        if let Some(missing) = chosen.iter().find(|c| !found.iter().any(|p| &p.id == *c)) {
            return Err(AppError::invalid(
                "substitutes",
                format!("there is no position with id '{missing}': choose one of the list"),
            ));
        }
        let existing: Vec<Substitution> = store
            .substitutions_of(&pid)
            .await?
            .into_iter()
            .filter(|l| l.substituted == pid)
            .collect();
        // The document's "Kes asendab" is written anew only when the substitutes changed;
        // otherwise it stays as the document has it (an imported text may name positions the
        // registry does not link).
        let unchanged = chosen.len() == existing.len()
            && existing.iter().all(|e| chosen.contains(&e.substitute));
        if !unchanged {
            draft.general.substituted_by = chosen
                .iter()
                .filter_map(|s| found.iter().find(|p| &p.id == s))
                .map(Position::full_title)
                .collect();
        }
        let wanted: Vec<Substitution> = chosen
            .iter()
            .map(|s| Substitution {
                substitute: s.clone(),
                substituted: pid.clone(),
            })
            .collect();
        changes.substitutions = wanted
            .iter()
            .filter(|w| !existing.contains(w))
            .cloned()
            .collect();
        changes.remove_substitutions = existing
            .iter()
            .filter(|e| !wanted.contains(e))
            .cloned()
            .collect();
    }
    changes.job_descriptions = vec![draft.clone()];
    let mut audit = AuditEntry::new(
        clock.timestamp(),
        who.account().to_string(),
        origin.action(),
        "position",
        &pid,
    )
    .after(&draft);
    if let Some(b) = &before {
        audit = audit.before(b);
    }
    store
        .save_job_description_draft(&changes, &pid, expected_latest, &audit)
        .await?;
    Ok(Saved { draft })
}

/// The latest version's number of a position's versions.
fn latest_number(versions: &[JobDescription], position: &PositionId) -> Option<u32> {
    latest_version(versions, position).map(|v| v.version)
}
