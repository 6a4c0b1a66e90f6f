//! What a new imported version does to its position's other versions, and where it comes from:
//!
//! - A new approved or signed version supersedes the earlier valid versions (approved, signed,
//!   in force) of its position, through the domain's workflow ([`transition`] with
//!   [`Action::Supersede`], the importer acting as administrator): the earlier version ends the
//!   day before the new one's first day, its effective date or else its approval date. When
//!   neither is known the end stays open (noted); an earlier document imported after a later
//!   one (by their dates) supersedes nothing.
//! - A version of a position linked to a role card records the card and its revision
//!   (`written_from`) and the card as it is (`workflow.card_snapshot`), as a version written
//!   from the card in the program would.

use super::{Severity, Work, upsert};
use ametijuhend_domain::job_description::{JobDescription, RoleCardSource, Status};
use ametijuhend_domain::workflow::{Action, Actor, Role, TransitionContext, transition};
use ametijuhend_domain::{Position, Registry, RoleCard, Timestamp};
use chrono::NaiveDate;

/// The account the importer acts under in a version's history.
pub const IMPORTER_ACCOUNT: &str = "import";

fn importer() -> Actor {
    Actor {
        account: IMPORTER_ACCOUNT.into(),
        name: Some("ametijuhend import".into()),
        roles: vec![Role::Administrator],
        is_supervisor: false,
        is_holder: false,
        no_supervisor_account: false,
    }
}

/// The first day of a version as the documents tell it: its effective date, else the date of
/// its approving directive.
pub(super) fn first_day(jd: &JobDescription) -> Option<NaiveDate> {
    jd.effective_from
        .or_else(|| jd.approval.as_ref().and_then(|a| a.directive_date))
}

/// The role card a position is linked to, as `written_from` and the card itself.
pub(super) fn card_source(
    view: &Registry,
    position: &Position,
) -> Option<(RoleCardSource, RoleCard)> {
    let card = view.role_card(position.role_card.as_ref()?)?;
    Some((
        RoleCardSource {
            role_card: card.id.clone(),
            revision: card.revision,
        },
        card.clone(),
    ))
}

/// Supersedes the earlier valid versions of `new`'s position (see the module documentation).
pub(super) fn supersede_previous(w: &mut Work, i: usize, new: &JobDescription, now: Timestamp) {
    if !matches!(new.status, Status::Approved | Status::Signed) {
        return;
    }
    let starts = first_day(new);
    let earlier: Vec<JobDescription> = w
        .view()
        .job_descriptions
        .iter()
        .filter(|j| {
            j.position == new.position
                && j.id != new.id
                && j.version < new.version
                && j.status.is_valid_document()
        })
        .cloned()
        .collect();
    for mut prev in earlier {
        if let (Some(p), Some(n)) = (first_day(&prev), starts)
            && n < p
        {
            w.note(
                i,
                "job_description",
                Severity::Warning,
                format!(
                    "version {} (from {n}) is dated before version {} (from {p}): version {} stays {}",
                    new.version,
                    prev.version,
                    prev.version,
                    prev.status.as_str()
                ),
            );
            continue;
        }
        let ctx = TransitionContext {
            today: starts,
            successor: Some(new),
            ..TransitionContext::default()
        };
        let action = Action::Supersede { by: new.id.clone() };
        let outcome = match transition(&prev, &action, &importer(), now, &ctx) {
            Ok(o) => o,
            Err(e) => {
                w.note(
                    i,
                    "job_description",
                    Severity::Warning,
                    format!("version {} was not superseded: {e}", prev.version),
                );
                continue;
            }
        };
        let open_end = prev.effective_to;
        if outcome.apply(&mut prev).is_err() {
            continue;
        }
        let ends = match (starts, prev.effective_to) {
            (None, _) => None,
            (Some(_), Some(t)) if prev.effective_from.is_some_and(|f| t < f) => None,
            (Some(_), t) => t,
        };
        if ends.is_none() {
            prev.effective_to = open_end;
        }
        let until = match prev.effective_to {
            Some(t) => format!("in force until {t}"),
            None => "its last day is not known (no effective or approval date on the new version, or it starts before the old one): effective_to left open".into(),
        };
        w.note(
            i,
            "job_description",
            Severity::Info,
            format!(
                "version {} superseded by version {}: {until}",
                prev.version, new.version
            ),
        );
        put!(w, job_descriptions, prev);
    }
}
