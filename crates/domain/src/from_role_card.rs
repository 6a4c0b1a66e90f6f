//! Writing a job description from a role card, and following the card when it changes.
//!
//! [`draft_from_role_card`] starts a draft with the card's purpose, roles and required
//! competences filled in, and remembers the card revision (`written_from`) together with a
//! snapshot of the card as it was. When the card gets a new revision, [`pending_card_updates`]
//! lists every job description written from an older one, with the card's changes as a word
//! diff ([`role_card_changes`]). The manager takes the update in as a new draft
//! ([`take_in_card_update`]) or dismisses it ([`dismiss_card_update`]).
//!
//! Where the role card's text goes in the draft:
//!
//! | role card | job description |
//! |---|---|
//! | "Töö eesmärk ja seos riiklike suundadega" (`purpose`) | `purpose` |
//! | "Milliseid rolle täidab?" (`roles`) | `roles` |
//! | "Vajalikud kompetentsid" (`required_competences`) | `requirements.other`, labelled [`CARD_REQUIREMENTS_LABEL`] |
//!
//! Education, work experience, knowledge and skills and the duties are the manager's to write:
//! the card states them only in general terms.

use crate::diff::WordDiff;
use crate::ids::{JobDescriptionId, PositionId, RoleCardId};
use crate::job_description::{
    GeneralPart, JobDescription, LabelledText, ListSection, Requirements, RoleCardSource, Status,
    Template,
};
use crate::position::{Position, substituted_by, substitutes_for};
use crate::registry::Registry;
use crate::role_card::{RoleCard, RoleRef};
use crate::time::Timestamp;
use crate::workflow::{Workflow, latest_version, new_version_draft, next_version_number};
use serde::{Deserialize, Serialize};

/// The label of the requirement row that holds the card's "Vajalikud kompetentsid".
pub const CARD_REQUIREMENTS_LABEL: &str = "Rollikaardi järgi vajalikud kompetentsid";

/// A draft job description for `position` written from `card`: version 1, general part from the
/// position (the unit's and supervisor's names are left for [`draft_in_registry`] or the caller).
pub fn draft_from_role_card(
    card: &RoleCard,
    position: &Position,
    now: Timestamp,
    id: JobDescriptionId,
) -> JobDescription {
    JobDescription {
        id,
        position: position.id.clone(),
        version: 1,
        status: Status::Draft,
        template: Template::Ska2024,
        created_at: now,
        created_by: None,
        written_from: Some(RoleCardSource {
            role_card: card.id.clone(),
            revision: card.revision,
        }),
        general: GeneralPart {
            title: position.title.clone(),
            specialisation: position.specialisation.clone(),
            staff_group: Some(position.staff_group),
            ..GeneralPart::default()
        },
        purpose: card.purpose.trim().to_string(),
        duties: vec![],
        rights: ListSection::default(),
        responsibilities: ListSection::default(),
        work_equipment: None,
        requirements: Requirements {
            other: card_requirements(card).into_iter().collect(),
            ..Requirements::default()
        },
        competencies: vec![],
        amendment_rules: vec![],
        special_conditions: None,
        signatures: vec![],
        approval: None,
        effective_from: None,
        effective_to: None,
        source: None,
        unplaced: vec![],
        roles: card_roles(card),
        workflow: Workflow {
            card_snapshot: Some(card.clone()),
            ..Workflow::default()
        },
    }
}

fn card_roles(card: &RoleCard) -> Vec<RoleRef> {
    if card.roles.is_empty() && !card.roles_text.trim().is_empty() {
        vec![RoleRef {
            text: card.roles_text.trim().to_string(),
            glossary_entry: None,
        }]
    } else {
        card.roles.clone()
    }
}

fn card_requirements(card: &RoleCard) -> Option<LabelledText> {
    let text = card.required_competences.trim();
    (!text.is_empty()).then(|| LabelledText {
        label: CARD_REQUIREMENTS_LABEL.into(),
        text: text.to_string(),
    })
}

/// Why a draft cannot be written from the registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("position '{0}' is not in the registry")]
    NoPosition(PositionId),
    #[error(
        "position '{0}' has no role card: choose the role card the job description is written from"
    )]
    NoRoleCard(PositionId),
    #[error("role card '{0}' is not in the registry")]
    MissingRoleCard(RoleCardId),
}

/// [`draft_from_role_card`] for a position of the registry, from its role card: the next
/// version number, and the general part's names (unit, supervisor, subordinates, substitutes).
pub fn draft_in_registry(
    registry: &Registry,
    position: &PositionId,
    now: Timestamp,
    id: JobDescriptionId,
) -> Result<JobDescription, DraftError> {
    let p = registry
        .position(position)
        .ok_or_else(|| DraftError::NoPosition(position.clone()))?;
    let card_id = p
        .role_card
        .as_ref()
        .ok_or_else(|| DraftError::NoRoleCard(position.clone()))?;
    let card = registry
        .role_card(card_id)
        .ok_or_else(|| DraftError::MissingRoleCard(card_id.clone()))?;
    let mut jd = draft_from_role_card(card, p, now, id);
    jd.version = next_version_number(&registry.job_descriptions, position);
    let title = |id: &PositionId| registry.position(id).map(Position::full_title);
    jd.general.unit = registry
        .unit(&p.unit)
        .map(|u| u.name().to_string())
        .unwrap_or_default();
    jd.general.supervisor = p.supervisor.as_ref().and_then(title);
    jd.general.subordinates = registry
        .positions
        .iter()
        .filter(|s| s.supervisor.as_ref() == Some(position))
        .map(Position::full_title)
        .collect();
    jd.general.substituted_by = substituted_by(&registry.substitutions, position)
        .filter_map(title)
        .collect();
    jd.general.substitutes_for = substitutes_for(&registry.substitutions, position)
        .filter_map(title)
        .collect();
    Ok(jd)
}

/// A field of a role card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CardField {
    Title,
    Note,
    WhyNeeded,
    Roles,
    Purpose,
    Benefit,
    TargetGroups,
    RequiredCompetences,
    CompetenceNote,
    JobFamily,
    JobFamilyNote,
}

impl CardField {
    pub fn as_str(self) -> &'static str {
        match self {
            CardField::Title => "title",
            CardField::Note => "note",
            CardField::WhyNeeded => "why_needed",
            CardField::Roles => "roles",
            CardField::Purpose => "purpose",
            CardField::Benefit => "benefit",
            CardField::TargetGroups => "target_groups",
            CardField::RequiredCompetences => "required_competences",
            CardField::CompetenceNote => "competence_note",
            CardField::JobFamily => "job_family",
            CardField::JobFamilyNote => "job_family_note",
        }
    }

    /// True for the fields a draft takes from the card (purpose, roles, required competences).
    pub fn feeds_job_description(self) -> bool {
        matches!(
            self,
            CardField::Purpose | CardField::Roles | CardField::RequiredCompetences
        )
    }
}

/// One changed field of a role card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardChange {
    pub field: CardField,
    pub old: String,
    pub new: String,
    pub words: WordDiff,
}

fn card_fields(card: &RoleCard) -> Vec<(CardField, String)> {
    let roles = card_roles(card)
        .iter()
        .map(|r| r.text.clone())
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        (CardField::Title, card.title.clone()),
        (CardField::Note, card.note.clone().unwrap_or_default()),
        (CardField::WhyNeeded, card.why_needed.clone()),
        (CardField::Roles, roles),
        (CardField::Purpose, card.purpose.clone()),
        (CardField::Benefit, card.benefit.clone()),
        (CardField::TargetGroups, card.target_groups.join("\n")),
        (
            CardField::RequiredCompetences,
            card.required_competences.clone(),
        ),
        (
            CardField::CompetenceNote,
            card.competence_note.clone().unwrap_or_default(),
        ),
        (CardField::JobFamily, card.job_family_text.clone()),
        (
            CardField::JobFamilyNote,
            card.job_family_note.clone().unwrap_or_default(),
        ),
    ]
}

/// The fields that differ between two revisions of a card, with word diffs.
pub fn role_card_changes(old: &RoleCard, new: &RoleCard) -> Vec<CardChange> {
    changes_between(card_fields(old), card_fields(new))
}

fn changes_between(
    old: Vec<(CardField, String)>,
    new: Vec<(CardField, String)>,
) -> Vec<CardChange> {
    old.into_iter()
        .zip(new)
        .filter(|((_, a), (_, b))| a.trim() != b.trim())
        .map(|((field, a), (_, b))| CardChange {
            field,
            words: WordDiff::new(&a, &b),
            old: a,
            new: b,
        })
        .collect()
}

/// The card-derived fields as a job description holds them (the baseline when no snapshot of
/// the card was kept, e.g. for imported documents).
fn fields_in_job_description(jd: &JobDescription) -> Vec<(CardField, String)> {
    vec![
        (
            CardField::Roles,
            jd.roles
                .iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (CardField::Purpose, jd.purpose.clone()),
        (
            CardField::RequiredCompetences,
            jd.requirements
                .other
                .iter()
                .find(|o| o.label == CARD_REQUIREMENTS_LABEL)
                .map(|o| o.text.clone())
                .unwrap_or_default(),
        ),
    ]
}

/// What the card's changes are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Baseline {
    /// The card revision the job description was written from (its snapshot).
    CardSnapshot,
    /// No snapshot was kept: the job description's own purpose, roles and requirements.
    JobDescription,
}

/// A job description written from an older revision of its role card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardUpdate {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    pub role_card: RoleCardId,
    pub from_revision: u32,
    pub to_revision: u32,
    pub baseline: Baseline,
    pub changes: Vec<CardChange>,
}

/// A card update the manager looked at and chose not to take in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CardUpdateDismissal {
    pub role_card: RoleCardId,
    pub revision: u32,
    pub by: String,
    pub at: Timestamp,
    #[serde(default)]
    pub comment: Option<String>,
}

/// The update of `jd` to the current revision of `card`, or None when it is written from another
/// card, from this revision (or a later one), was dismissed for it, or nothing changed.
pub fn card_update(jd: &JobDescription, card: &RoleCard) -> Option<CardUpdate> {
    let from = jd.written_from.as_ref()?;
    if from.role_card != card.id || from.revision >= card.revision {
        return None;
    }
    let dismissed = jd
        .workflow
        .dismissed_card_updates
        .iter()
        .any(|d| d.role_card == card.id && d.revision >= card.revision);
    if dismissed || matches!(jd.status, Status::Superseded | Status::Repealed) {
        return None;
    }
    let snapshot = jd
        .workflow
        .card_snapshot
        .as_ref()
        .filter(|s| s.id == card.id && s.revision == from.revision);
    let (baseline, changes) = match snapshot {
        Some(old) => (Baseline::CardSnapshot, role_card_changes(old, card)),
        None => {
            let now: Vec<(CardField, String)> = card_fields(card)
                .into_iter()
                .filter(|(f, _)| f.feeds_job_description())
                .collect();
            (
                Baseline::JobDescription,
                changes_between(fields_in_job_description(jd), now),
            )
        }
    };
    (!changes.is_empty()).then(|| CardUpdate {
        job_description: jd.id.clone(),
        position: jd.position.clone(),
        role_card: card.id.clone(),
        from_revision: from.revision,
        to_revision: card.revision,
        baseline,
        changes,
    })
}

/// Every position whose latest version is written from an older revision of its role card,
/// with the card's changes.
pub fn pending_card_updates(registry: &Registry) -> Vec<CardUpdate> {
    registry
        .positions
        .iter()
        .filter_map(|p| latest_version(&registry.job_descriptions, &p.id))
        .filter_map(|jd| {
            let from = jd.written_from.as_ref()?;
            card_update(jd, registry.role_card(&from.role_card)?)
        })
        .collect()
}

/// A new draft taking in the card's current revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeIn {
    pub draft: JobDescription,
    /// Card fields the manager had reworded in the job description: their text was kept, and
    /// the manager merges the card's change by hand.
    pub conflicts: Vec<CardField>,
}

/// Takes the card's current revision into a new draft of `jd`'s position. A card-derived field
/// the job description still holds as the card had it is replaced by the card's new text; one
/// the manager reworded is kept and listed in [`TakeIn::conflicts`].
pub fn take_in_card_update(
    jd: &JobDescription,
    card: &RoleCard,
    id: JobDescriptionId,
    version: u32,
    now: Timestamp,
    created_by: Option<String>,
) -> TakeIn {
    let mut draft = new_version_draft(jd, id, version, now, created_by);
    let snapshot = jd
        .workflow
        .card_snapshot
        .as_ref()
        .filter(|s| s.id == card.id);
    let mut conflicts = Vec::new();
    let untouched = |field: CardField, value: &str| {
        snapshot.is_some_and(|s| {
            card_fields(s)
                .into_iter()
                .any(|(f, v)| f == field && v.trim() == value.trim())
        })
    };
    let current = fields_in_job_description(jd);
    for (field, value) in &current {
        let new_value_differs = card_fields(card)
            .into_iter()
            .any(|(f, v)| f == *field && v.trim() != value.trim());
        if !new_value_differs {
            continue;
        }
        if !untouched(*field, value) && !value.trim().is_empty() {
            conflicts.push(*field);
            continue;
        }
        match field {
            CardField::Purpose => draft.purpose = card.purpose.trim().to_string(),
            CardField::Roles => draft.roles = card_roles(card),
            CardField::RequiredCompetences => {
                draft
                    .requirements
                    .other
                    .retain(|o| o.label != CARD_REQUIREMENTS_LABEL);
                draft.requirements.other.extend(card_requirements(card));
            }
            _ => {}
        }
    }
    draft.written_from = Some(RoleCardSource {
        role_card: card.id.clone(),
        revision: card.revision,
    });
    draft.workflow.card_snapshot = Some(card.clone());
    TakeIn { draft, conflicts }
}

/// Records that the manager looked at the card's current revision and keeps `jd` as it is.
pub fn dismiss_card_update(
    jd: &mut JobDescription,
    card: &RoleCard,
    by: &str,
    at: Timestamp,
    comment: Option<String>,
) {
    jd.workflow
        .dismissed_card_updates
        .push(CardUpdateDismissal {
            role_card: card.id.clone(),
            revision: card.revision,
            by: by.to_string(),
            at,
            comment,
        });
}

#[cfg(test)]
mod tests;
