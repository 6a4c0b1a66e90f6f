//! Why a transition is refused. Every error says what is refused and why, in English, and has a
//! stable [`TransitionError::code`] that the user interface translates.

use super::{ActionKind, CoordinationParty};
use crate::consent::ConsentKind;
use crate::job_description::Status;
use crate::time::Timestamp;
use chrono::NaiveDate;

fn statuses(list: &[Status]) -> String {
    list.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

fn parties(list: &[CoordinationParty]) -> String {
    list.iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" and ")
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("{} is refused: the version is {}; it is possible only when the version is {}", action.as_str(), status.as_str(), statuses(allowed))]
    WrongStatus {
        action: ActionKind,
        status: Status,
        allowed: Vec<Status>,
    },
    #[error("{} is refused: account '{account}' may not do it; it needs {needed}", action.as_str())]
    NotPermitted {
        action: ActionKind,
        account: String,
        needed: String,
    },
    #[error("signing off as {} is refused: {by} already signed off as {} at {at}", party.as_str(), party.as_str())]
    AlreadySignedOff {
        party: CoordinationParty,
        by: String,
        at: Timestamp,
    },
    #[error("signing off is refused: account '{account}' already signed off as {}; the supervisor's and HR's sign-offs must come from two people", other.as_str())]
    SamePersonSignsTwice {
        account: String,
        other: CoordinationParty,
    },
    #[error("{} is refused: give a comment or reason saying why", action.as_str())]
    CommentRequired { action: ActionKind },
    #[error("submitting is refused: the draft is incomplete: {}", problems.join("; "))]
    ContentIncomplete { problems: Vec<String> },
    #[error(
        "approval is refused: coordination is not complete; still to sign off: {}",
        parties(missing)
    )]
    CoordinationIncomplete { missing: Vec<CoordinationParty> },
    #[error(
        "refused: the changes of this version have not been assessed against the version in force (consent rule)"
    )]
    ConsentNotAssessed,
    #[error("approval is refused: the {} is needed and not recorded, because: {}", kind.describe(), reasons.join("; "))]
    ConsentMissing {
        kind: ConsentKind,
        reasons: Vec<String>,
    },
    #[error(
        "approval is refused: the consent recorded was given for other changes than this version has; record the consent again"
    )]
    ConsentStale,
    #[error("recording consent is refused: this version's changes need no consent")]
    ConsentNotNeeded,
    #[error("approval is refused: {problem}")]
    DirectiveIncomplete { problem: String },
    #[error("refused: the date of {what} ({date}) is after today ({today})")]
    DateInFuture {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("refused: the date of {what} ({date}) is before the approval ({approved_on})")]
    DateBeforeApproval {
        what: &'static str,
        date: NaiveDate,
        approved_on: NaiveDate,
    },
    #[error(
        "putting in force is refused: the version has no effective date; approve it with a directive first"
    )]
    NoEffectiveDate,
    #[error(
        "putting in force is refused: the version is in force only from {effective_from} (today is {today})"
    )]
    NotYetEffective {
        effective_from: NaiveDate,
        today: NaiveDate,
    },
    #[error(
        "putting in force is refused: the holder has not acknowledged the version; record the acknowledgement first (only a vacant position's version goes in force without one)"
    )]
    NotAcknowledged,
    #[error(
        "putting in force is refused: version {version} is older than version {in_force_version}, which is in force"
    )]
    OlderThanInForce { version: u32, in_force_version: u32 },
    #[error("superseding is refused: {problem}")]
    SuccessorInvalid { problem: String },
    #[error("refused: the version changed meanwhile (expected {}, found {}); reload and try again", expected.as_str(), found.as_str())]
    Stale { expected: Status, found: Status },
}

impl TransitionError {
    /// A stable code for the user interface to translate.
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::WrongStatus { .. } => "wrong_status",
            TransitionError::NotPermitted { .. } => "not_permitted",
            TransitionError::AlreadySignedOff { .. } => "already_signed_off",
            TransitionError::SamePersonSignsTwice { .. } => "same_person_signs_twice",
            TransitionError::CommentRequired { .. } => "comment_required",
            TransitionError::ContentIncomplete { .. } => "content_incomplete",
            TransitionError::CoordinationIncomplete { .. } => "coordination_incomplete",
            TransitionError::ConsentNotAssessed => "consent_not_assessed",
            TransitionError::ConsentMissing { .. } => "consent_missing",
            TransitionError::ConsentStale => "consent_stale",
            TransitionError::ConsentNotNeeded => "consent_not_needed",
            TransitionError::DirectiveIncomplete { .. } => "directive_incomplete",
            TransitionError::DateInFuture { .. } => "date_in_future",
            TransitionError::DateBeforeApproval { .. } => "date_before_approval",
            TransitionError::NoEffectiveDate => "no_effective_date",
            TransitionError::NotYetEffective { .. } => "not_yet_effective",
            TransitionError::NotAcknowledged => "not_acknowledged",
            TransitionError::OlderThanInForce { .. } => "older_than_in_force",
            TransitionError::SuccessorInvalid { .. } => "successor_invalid",
            TransitionError::Stale { .. } => "stale",
        }
    }
}
