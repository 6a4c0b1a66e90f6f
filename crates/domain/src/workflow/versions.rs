//! A position's versions: which one is current, the next number, a new draft from an earlier one.

use super::Workflow;
use crate::ids::{JobDescriptionId, PositionId};
use crate::job_description::{JobDescription, Status};
use crate::time::Timestamp;

/// A new draft version of a position from an earlier one: same content (the signature blocks
/// too, unsigned and undated), new id and number, no approval, dates, source file or lifecycle
/// data (the role card snapshot and dismissed card updates carry over).
pub fn new_version_draft(
    previous: &JobDescription,
    id: JobDescriptionId,
    version: u32,
    now: Timestamp,
    created_by: Option<String>,
) -> JobDescription {
    let mut jd = previous.clone();
    jd.id = id;
    jd.version = version;
    jd.status = Status::Draft;
    jd.created_at = now;
    jd.created_by = created_by;
    // Who signs stays (party, name, title); that the earlier version was signed, and when, is
    // that version's own.
    for s in &mut jd.signatures {
        s.signed_digitally = false;
        s.date = None;
    }
    jd.approval = None;
    jd.effective_from = None;
    jd.effective_to = None;
    jd.source = None;
    jd.workflow = Workflow {
        card_snapshot: previous.workflow.card_snapshot.clone(),
        dismissed_card_updates: previous.workflow.dismissed_card_updates.clone(),
        ..Workflow::default()
    };
    jd
}

/// The position's current document: the version in force (the latest, should there be two),
/// else the latest approved or signed one.
pub fn current_version<'a>(
    versions: impl IntoIterator<Item = &'a JobDescription>,
    position: &PositionId,
) -> Option<&'a JobDescription> {
    let mine: Vec<&JobDescription> = versions
        .into_iter()
        .filter(|j| &j.position == position)
        .collect();
    let latest = |pred: &dyn Fn(&JobDescription) -> bool| {
        mine.iter()
            .copied()
            .filter(|j| pred(j))
            .max_by_key(|j| j.version)
    };
    latest(&|j| j.status == Status::InForce).or_else(|| latest(&|j| j.status.is_valid_document()))
}

/// The position's latest version of any status.
pub fn latest_version<'a>(
    versions: impl IntoIterator<Item = &'a JobDescription>,
    position: &PositionId,
) -> Option<&'a JobDescription> {
    versions
        .into_iter()
        .filter(|j| &j.position == position)
        .max_by_key(|j| j.version)
}

/// The number for the position's next version.
pub fn next_version_number<'a>(
    versions: impl IntoIterator<Item = &'a JobDescription>,
    position: &PositionId,
) -> u32 {
    latest_version(versions, position).map_or(1, |j| j.version.saturating_add(1))
}
