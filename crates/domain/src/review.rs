//! The annual review: "Ametijuhend vaadatakse üle kord aastas vahetu juhiga" — the supervisor
//! reviews the job description once a year.
//!
//! Rules chosen here:
//!
//! - A review is due one year after the later of the last review and the approval of the
//!   position's current version ([`review_due`]): the same day and month a year later; from
//!   29 February it is 28 February, so that the interval never exceeds a year.
//! - The approval date is the approving directive's date, not the effective date: a version
//!   approved on 10.06.2024 with effect from 01.01.2024 (retroactively) is due on 10.06.2025.
//!   When the directive's date is not known, the day the approval was recorded counts.
//! - A review is a [`ReviewRecord`] on the version it reviewed (kept in the version's
//!   [`crate::workflow::Workflow`], so it travels with the version in storage and in the
//!   interchange format). Reviews of earlier versions of the position count too.
//! - [`due_report`] lists, by unit, the positions whose review is overdue or due within a
//!   horizon (30 days by default); [`reminders`] lists the supervisors to remind 30 days ahead.

use crate::ids::{JobDescriptionId, PersonId, PositionId, UnitId};
use crate::job_description::JobDescription;
use crate::registry::Registry;
use crate::text::estonian_cmp;
use crate::workflow::current_version;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days ahead of the due date that supervisors are reminded.
pub const REMINDER_LEAD_DAYS: u32 = 30;
/// Default horizon of "due soon" in the report.
pub const DEFAULT_HORIZON_DAYS: u32 = 30;

/// What came of a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// The job description stays as it is.
    NoChange,
    /// A new version was started (the draft, when it exists already).
    NewVersionStarted {
        #[serde(default)]
        draft: Option<JobDescriptionId>,
    },
}

/// One annual review of a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReviewRecord {
    pub date: NaiveDate,
    /// The reviewer's account.
    pub reviewer: String,
    #[serde(default)]
    pub reviewer_name: Option<String>,
    pub outcome: ReviewOutcome,
    #[serde(default)]
    pub comment: Option<String>,
}

/// Why a review cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error(
        "recording the review is refused: version {version} is {status}; only an approved, signed or in-force version is reviewed"
    )]
    NotValidDocument { version: u32, status: &'static str },
    #[error("recording the review is refused: its date {date} is after today ({today})")]
    DateInFuture { date: NaiveDate, today: NaiveDate },
    #[error(
        "recording the review is refused: its date {date} is before the version's approval ({approved_on})"
    )]
    BeforeApproval {
        date: NaiveDate,
        approved_on: NaiveDate,
    },
    #[error("recording the review is refused: the reviewer is not named")]
    NoReviewer,
}

impl ReviewError {
    /// A stable code for the user interface to translate.
    pub fn code(&self) -> &'static str {
        match self {
            ReviewError::NotValidDocument { .. } => "not_valid_document",
            ReviewError::DateInFuture { .. } => "date_in_future",
            ReviewError::BeforeApproval { .. } => "before_approval",
            ReviewError::NoReviewer => "no_reviewer",
        }
    }
}

/// The next review: one year after `last_review_or_approval`; 29 February → 28 February.
pub fn review_due(last_review_or_approval: NaiveDate) -> NaiveDate {
    last_review_or_approval
        .checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX)
}

/// The day a version was approved: its directive's date, else the day the approval was
/// recorded. Never its effective date (see the module notes on retroactive approvals).
pub fn approval_date(jd: &JobDescription) -> Option<NaiveDate> {
    jd.approval
        .as_ref()
        .and_then(|a| a.directive_date)
        .or_else(|| jd.workflow.approved_at().map(|t| t.date()))
}

/// Records a review on a version (kept in date order).
pub fn record_review(
    jd: &mut JobDescription,
    record: ReviewRecord,
    today: NaiveDate,
) -> Result<(), ReviewError> {
    if !jd.status.is_valid_document() {
        return Err(ReviewError::NotValidDocument {
            version: jd.version,
            status: jd.status.as_str(),
        });
    }
    if record.reviewer.trim().is_empty() {
        return Err(ReviewError::NoReviewer);
    }
    if record.date > today {
        return Err(ReviewError::DateInFuture {
            date: record.date,
            today,
        });
    }
    if let Some(approved_on) = approval_date(jd)
        && record.date < approved_on
    {
        return Err(ReviewError::BeforeApproval {
            date: record.date,
            approved_on,
        });
    }
    let at = jd
        .workflow
        .reviews
        .partition_point(|r| r.date <= record.date);
    jd.workflow.reviews.insert(at, record);
    Ok(())
}

/// What the next review is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReviewBasis {
    Review { date: NaiveDate },
    Approval { date: NaiveDate },
}

impl ReviewBasis {
    pub fn date(self) -> NaiveDate {
        match self {
            ReviewBasis::Review { date } | ReviewBasis::Approval { date } => date,
        }
    }
}

/// The basis of the position's next review: the later of its last review (of any version) and
/// the approval of its current version. None when the position has no current version, or
/// neither date is known.
pub fn review_basis(registry: &Registry, position: &PositionId) -> Option<ReviewBasis> {
    let current = current_version(&registry.job_descriptions, position)?;
    let approval = approval_date(current).map(|date| ReviewBasis::Approval { date });
    let review = registry
        .job_descriptions
        .iter()
        .filter(|j| &j.position == position)
        .flat_map(|j| j.workflow.reviews.iter())
        .map(|r| r.date)
        .max()
        .map(|date| ReviewBasis::Review { date });
    match (approval, review) {
        (Some(a), Some(r)) if r.date() >= a.date() => Some(r),
        (Some(a), _) => Some(a),
        (None, r) => r,
    }
}

/// Where a position stands with its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DueState {
    /// The due date has passed `days` days ago.
    Overdue { days: i64 },
    /// Due in `days` days (0: today).
    DueSoon { days: i64 },
    /// Neither an approval date nor a review is known: due now.
    Unknown,
}

/// A position in the review report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub position: PositionId,
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub title: String,
    pub supervisor: Option<PositionId>,
    pub job_description: JobDescriptionId,
    pub basis: Option<ReviewBasis>,
    pub due: Option<NaiveDate>,
    pub state: DueState,
}

/// One unit's part of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitDue {
    pub unit: UnitId,
    pub unit_name: String,
    /// Most overdue first.
    pub overdue: Vec<DueItem>,
    /// Soonest first.
    pub due_soon: Vec<DueItem>,
    /// No basis date known.
    pub unknown: Vec<DueItem>,
}

/// The review state of one position on `today`, or None when it has no current version or its
/// review is due later than `horizon_days` ahead.
pub fn due_item(
    registry: &Registry,
    position: &PositionId,
    today: NaiveDate,
    horizon_days: u32,
) -> Option<DueItem> {
    let p = registry.position(position)?;
    let current = current_version(&registry.job_descriptions, position)?;
    let basis = review_basis(registry, position);
    let due = basis.map(|b| review_due(b.date()));
    let state = match due {
        None => DueState::Unknown,
        Some(d) if d < today => DueState::Overdue {
            days: (today - d).num_days(),
        },
        Some(d) => {
            let days = (d - today).num_days();
            if days > i64::from(horizon_days) {
                return None;
            }
            DueState::DueSoon { days }
        }
    };
    Some(DueItem {
        position: p.id.clone(),
        title: p.full_title(),
        supervisor: p.supervisor.clone(),
        job_description: current.id.clone(),
        basis,
        due,
        state,
    })
}

/// Positions whose review is overdue or due within `horizon_days`, grouped by unit (units in
/// Estonian alphabetical order; units with nothing due are left out).
pub fn due_report(registry: &Registry, today: NaiveDate, horizon_days: u32) -> Vec<UnitDue> {
    let mut units: Vec<UnitDue> = Vec::new();
    for p in &registry.positions {
        let Some(item) = due_item(registry, &p.id, today, horizon_days) else {
            continue;
        };
        let idx = match units.iter().position(|u| u.unit == p.unit) {
            Some(i) => i,
            None => {
                units.push(UnitDue {
                    unit: p.unit.clone(),
                    unit_name: registry
                        .unit(&p.unit)
                        .map(|u| u.name().to_string())
                        .unwrap_or_else(|| p.unit.to_string()),
                    overdue: vec![],
                    due_soon: vec![],
                    unknown: vec![],
                });
                units.len() - 1
            }
        };
        let u = &mut units[idx];
        match item.state {
            DueState::Overdue { .. } => u.overdue.push(item),
            DueState::DueSoon { .. } => u.due_soon.push(item),
            DueState::Unknown => u.unknown.push(item),
        }
    }
    let by_due_then_title = |a: &DueItem, b: &DueItem| {
        a.due
            .cmp(&b.due)
            .then_with(|| estonian_cmp(&a.title, &b.title))
    };
    for u in &mut units {
        u.overdue.sort_by(by_due_then_title);
        u.due_soon.sort_by(by_due_then_title);
        u.unknown.sort_by(|a, b| estonian_cmp(&a.title, &b.title));
    }
    units.sort_by(|a, b| estonian_cmp(&a.unit_name, &b.unit_name));
    units
}

/// A reminder to send to a position's supervisor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// Stable for one position and due date: "position-id/2025-03-06". The sender records the
    /// keys it sent and sends each once.
    pub key: String,
    pub position: PositionId,
    pub title: String,
    pub supervisor: Option<PositionId>,
    /// Who holds the supervisor position on `today` (whom to write to).
    pub supervisor_holder: Option<PersonId>,
    pub due: NaiveDate,
    pub remind_on: NaiveDate,
}

/// The reminders due on `today`: positions whose review falls within `lead_days` (and is not
/// overdue yet). Run daily; a sender that missed days still finds them, and dedupes by key.
pub fn reminders(registry: &Registry, today: NaiveDate, lead_days: u32) -> Vec<Reminder> {
    let mut out = Vec::new();
    for p in &registry.positions {
        let Some(item) = due_item(registry, &p.id, today, lead_days) else {
            continue;
        };
        let (DueState::DueSoon { .. }, Some(due)) = (item.state, item.due) else {
            continue;
        };
        let supervisor_holder = p
            .supervisor
            .as_ref()
            .and_then(|s| registry.position(s))
            .and_then(|s| s.holder_on(today))
            .cloned();
        out.push(Reminder {
            key: format!("{}/{due}", p.id),
            position: p.id.clone(),
            title: item.title,
            supervisor: p.supervisor.clone(),
            supervisor_holder,
            due,
            remind_on: due
                .checked_sub_days(chrono::Days::new(u64::from(lead_days)))
                .unwrap_or(NaiveDate::MIN),
        });
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.key.cmp(&b.key)));
    out
}

#[cfg(test)]
mod tests;
