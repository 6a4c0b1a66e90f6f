//! Starting a draft: what the editor opens on (the position, its versions, the competency
//! library and the positions it offers), the editor's starting point (a blank first version or
//! the next version of one), and the drafts written and saved in one step — from a role card,
//! and a role card's update taken in.

use super::{Origin, SaveDraft, Saved, edit_blocked_by, editable, in_coordination, latest_number};
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::UnitTree;
use ametijuhend_domain::from_role_card::{DraftError, card_update, draft_in_registry};
use ametijuhend_domain::workflow::{Workflow, new_version_draft};
use ametijuhend_domain::{
    Competency, GeneralPart, JobDescription, JobDescriptionId, Position, PositionId, Registry,
    RoleCardId, Status, Template, Timestamp, Unit, UnitId,
};
use ametijuhend_store::Repository;

/// What the editor of a position's job description works with.
#[derive(Debug, Clone)]
pub struct Editing {
    pub position: Position,
    /// Every version of the position, as stored.
    pub versions: Vec<JobDescription>,
    pub library: Vec<Competency>,
    pub units: Vec<Unit>,
    pub tree: UnitTree,
    /// The name of the position's unit.
    pub unit_name: String,
    /// The positions the editor offers as substitutes and names in the general part: those of
    /// the position's unit and of the units above it, and the position's neighbourhood (its
    /// supervisor chain, subordinates and substitution partners), each once, the position
    /// itself not among them.
    pub offered: Vec<Position>,
}

impl Editing {
    /// The name of a unit ("" when unknown).
    pub fn unit_name_of(&self, id: &UnitId) -> String {
        self.units
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name().to_string())
            .unwrap_or_default()
    }
}

/// The positions in `unit` and the units above it, and the neighbourhood of `position`.
async fn offered(
    store: &dyn Repository,
    tree: &UnitTree,
    unit: &UnitId,
    position: &PositionId,
) -> Result<Vec<Position>, AppError> {
    let mut out = store
        .positions_in_units(&tree.ancestors_and_self(unit))
        .await?;
    out.extend(store.position_neighbourhood(position).await?);
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| &p.id != position && seen.insert(p.id.clone()));
    Ok(out)
}

/// Opens the editor of `position`'s job description for `who` (404 when there is no such
/// position, 403 when they may not edit it). Reads no more than the editor shows.
pub async fn open(
    store: &dyn Repository,
    who: &Principal,
    position: &PositionId,
) -> Result<Editing, AppError> {
    let (position, tree) = editable(store, who, position).await?;
    let units = store.list_units().await?;
    let versions = store.list_job_descriptions(&position.id).await?;
    let library = store.list_competencies().await?;
    let offered = offered(store, &tree, &position.unit, &position.id).await?;
    let unit_name = units
        .iter()
        .find(|u| u.id == position.unit)
        .map(|u| u.name().to_string())
        .unwrap_or_default();
    Ok(Editing {
        position,
        versions,
        library,
        units,
        tree,
        unit_name,
        offered,
    })
}

/// The draft the editor's save starts from: the next version of version `base` (a new draft
/// of its content), or — when the position has no such version — a blank version with the
/// general part from the position (title, unit, supervisor, subordinates, staff group).
pub fn next_version(e: &Editing, base: u32, account: &str, at: Timestamp) -> JobDescription {
    let id = JobDescriptionId::from_uuid(uuid::Uuid::new_v4());
    if let Some(b) = e.versions.iter().find(|v| v.version == base) {
        return new_version_draft(b, id, base + 1, at, Some(account.to_string()));
    }
    let p = &e.position;
    let supervisor = p
        .supervisor
        .as_ref()
        .and_then(|s| e.offered.iter().find(|x| &x.id == s))
        .map(Position::full_title);
    JobDescription {
        id,
        position: p.id.clone(),
        version: base + 1,
        status: Status::Draft,
        template: Template::Ska2024,
        created_at: at,
        created_by: Some(account.to_string()),
        written_from: None,
        general: GeneralPart {
            title: p.title.clone(),
            specialisation: p.specialisation.clone(),
            unit: e.unit_name.clone(),
            supervisor,
            subordinates: e
                .offered
                .iter()
                .filter(|x| x.supervisor.as_ref() == Some(&p.id))
                .map(Position::full_title)
                .collect(),
            substituted_by: vec![],
            substitutes_for: vec![],
            staff_group: Some(p.staff_group),
        },
        purpose: String::new(),
        duties: vec![],
        rights: Default::default(),
        responsibilities: Default::default(),
        work_equipment: None,
        requirements: Default::default(),
        competencies: vec![],
        amendment_rules: vec![],
        special_conditions: None,
        signatures: vec![],
        approval: None,
        effective_from: None,
        effective_to: None,
        source: None,
        unplaced: vec![],
        roles: vec![],
        workflow: Workflow::default(),
    }
}

/// Writes and saves a new draft of `position` from a role card (the position's own, or
/// `card`): the card's purpose, roles and required competences, the general part from the
/// position's neighbourhood, the card's revision remembered. A position without a card, or an
/// unknown card, is [`AppError::Invalid`] (field `role_card`).
pub async fn from_role_card(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    position: &PositionId,
    card: Option<&RoleCardId>,
) -> Result<Saved, AppError> {
    let (mut p, _) = editable(store, who, position).await?;
    let versions = store.list_job_descriptions(&p.id).await?;
    if let Some(latest) = edit_blocked_by(&versions) {
        return Err(in_coordination(latest));
    }
    if let Some(card) = card {
        p.role_card = Some(card.clone());
    }
    // What `draft_in_registry` reads: the position and the positions it names, its links, its
    // versions, the units and its card.
    let mut positions = vec![p.clone()];
    positions.extend(
        store
            .position_neighbourhood(&p.id)
            .await?
            .into_iter()
            .filter(|x| x.id != p.id),
    );
    let role_cards = match &p.role_card {
        Some(id) => store.get_role_card(id).await?.into_iter().collect(),
        None => Vec::new(),
    };
    let slice = Registry {
        units: store.list_units().await?,
        role_cards,
        positions,
        substitutions: store.substitutions_of(&p.id).await?,
        job_descriptions: versions.clone(),
        ..Registry::default()
    };
    let at = clock.timestamp();
    let mut draft = draft_in_registry(
        &slice,
        &p.id,
        at,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
    )
    .map_err(|e: DraftError| AppError::invalid("role_card", e.to_string()))?;
    draft.created_by = Some(who.account().to_string());
    let cmd = SaveDraft::new(draft, latest_number(&versions, &p.id), Origin::RoleCard)?;
    super::save(store, clock, who, cmd).await
}

/// Takes the pending update of the role card version `id` was written from into a new draft
/// of its position. No pending update is [`AppError::Conflict`] (code `no_card_update`).
pub async fn take_in_card_update(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    id: &JobDescriptionId,
) -> Result<(Saved, Vec<ametijuhend_domain::from_role_card::CardField>), AppError> {
    let jd = store
        .get_job_description(id)
        .await?
        .ok_or_else(|| AppError::not_found("job description", id))?;
    let (position, _) = editable(store, who, &jd.position).await?;
    let none = || AppError::Conflict {
        code: "no_card_update",
        message: format!(
            "version {} has no role card update to take in: its card did not change since",
            jd.version
        ),
    };
    let Some(from) = &jd.written_from else {
        return Err(none());
    };
    let Some(card) = store.get_role_card(&from.role_card).await? else {
        return Err(none());
    };
    if card_update(&jd, &card).is_none() {
        return Err(none());
    }
    let versions = store.list_job_descriptions(&position.id).await?;
    let latest = latest_number(&versions, &position.id);
    let made = ametijuhend_domain::from_role_card::take_in_card_update(
        &jd,
        &card,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        latest.unwrap_or(0) + 1,
        clock.timestamp(),
        Some(who.account().to_string()),
    );
    let cmd = SaveDraft::new(made.draft, latest, Origin::CardUpdate)?.made_from(jd);
    let saved = super::save(store, clock, who, cmd).await?;
    Ok((saved, made.conflicts))
}
