//! The holder a job description names ("Töötaja: Kalev Lattik") becomes a [`Person`] (id
//! derived from the name and the position, so that re-imports meet; never a personal
//! identification code) and an [`Assignment`] of the position from the holder's signature
//! date, else the version's effective or approval date, else an open start. An assignment of
//! the same person is not added twice (a missing start is filled in); another holder's open
//! assignment ends the day before the new one starts, when that day is known. Drafts name no
//! holder of record: nothing is assigned for them.

use super::{Severity, Work, key, upsert};
use crate::record::JobDescriptionRecord;
use ametijuhend_domain::ids::{PersonId, PositionId};
use ametijuhend_domain::job_description::{JobDescription, SignatureParty};
use ametijuhend_domain::{Assignment, Person};
use chrono::NaiveDate;

/// The id of the person `name` holding `position`.
pub fn person_id(name: &str, position: &PositionId) -> PersonId {
    PersonId::derived(&format!("{}|{position}", key(name)))
}

/// The day the holder took the position up, as far as the document tells.
fn start(jd: &JobDescriptionRecord, version: &JobDescription) -> Option<NaiveDate> {
    jd.signatures
        .iter()
        .filter(|s| s.party == SignatureParty::Holder)
        .find_map(|s| s.date)
        .or_else(|| super::versions::first_day(version))
}

/// Records the holder of `version`'s position (see the module documentation).
pub(super) fn assign_holder(
    w: &mut Work,
    i: usize,
    jd: &JobDescriptionRecord,
    version: &JobDescription,
) {
    let Some(name) = jd
        .holder
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        return;
    };
    if !version.status.is_valid_document() {
        w.note(
            i,
            "holder",
            Severity::Info,
            format!(
                "the draft names '{name}' as the holder: not assigned until a version is approved or signed"
            ),
        );
        return;
    }
    let Some(mut position) = w.view().position(&version.position).cloned() else {
        return;
    };
    let id = person_id(name, &position.id);
    put!(
        w,
        persons,
        Person {
            id: id.clone(),
            name: name.to_string(),
            email: None,
        }
    );
    let from = start(jd, version);
    let before = position.assignments.clone();
    if let Some(a) = position.assignments.iter_mut().find(|a| a.person == id) {
        if a.from.is_none() {
            a.from = from;
        }
    } else {
        for other in position.assignments.iter_mut().filter(|a| a.to.is_none()) {
            match from.and_then(|f| f.pred_opt()) {
                Some(last) if other.from.is_none_or(|f| f <= last) => {
                    other.to = Some(last);
                }
                _ => w.note(
                    i,
                    "holder",
                    Severity::Warning,
                    format!(
                        "'{}' already holds the position with no end date and the new holder's start is not known after it: both assignments are open; check them",
                        w.view().person(&other.person).map_or("?", |p| p.name.as_str())
                    ),
                ),
            }
        }
        position.assignments.push(Assignment {
            person: id,
            from,
            to: None,
        });
        position.assignments.sort_by_key(|a| a.from);
        w.note(
            i,
            "holder",
            Severity::Info,
            match from {
                Some(d) => format!("'{name}' holds '{}' from {d}", position.full_title()),
                None => format!(
                    "'{name}' holds '{}' (start date not in the document)",
                    position.full_title()
                ),
            },
        );
    }
    if position.assignments != before {
        put!(w, positions, position);
    }
}
