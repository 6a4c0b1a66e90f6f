//! Why a use case did not happen: [`AppError`]. Each kind maps to one HTTP status (403, 404,
//! 409, 422, or 500 for a failure of the database) and has a stable code the interfaces send
//! and translate; the message says what was refused, where, and what to do.

use crate::directives::{AnnexRefusal, PlanError};
use ametijuhend_domain::RegistrationError;
use ametijuhend_domain::access::Denied;
use ametijuhend_domain::review::ReviewError;
use ametijuhend_domain::workflow::TransitionError;
use ametijuhend_domain::workflow::discard::DiscardError;
use ametijuhend_store::StoreError;

/// One problem with a command's input: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field, e.g. `title` or `duties[3].text`.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The permission decision refused it (403).
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// The record asked for does not exist (404).
    #[error("there is no {what} with id '{id}'")]
    NotFound { what: &'static str, id: String },
    /// The command's input breaks a rule, or the store refused the change for a reason the
    /// request can fix (a unit-tree cycle, a dangling reference) (422). Nothing was written.
    #[error("{}; nothing was written", list(.0))]
    Invalid(Vec<Problem>),
    /// The record was changed by someone else after it was read (the revision sent back is
    /// not the stored one) (409). Nothing was written; `message` says what changed.
    #[error("{message}")]
    Stale { record: String, message: String },
    /// The change conflicts with the state of other records, e.g. a position still in use
    /// (409). Nothing was written.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// The lifecycle rules refused the action (403, 409 or 422 by the domain's reason).
    #[error("{0}")]
    Refused(TransitionError),
    /// Discarding a draft was refused (403 or 409 by the domain's reason). Nothing was written.
    #[error("{0}")]
    Discard(DiscardError),
    /// Recording a directive's registration was refused (409 when it is registered already,
    /// else 422 for the number or date).
    #[error("{0}")]
    Registration(RegistrationError),
    /// A directive's registration would approve annexes that cannot be approved (409); each is
    /// named with the reason. Nothing was written.
    #[error("the directive's annexes cannot all be approved, so its registration was not recorded: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    AnnexesRefused(Vec<AnnexRefusal>),
    /// The versions chosen for a new directive do not make one (422).
    #[error("{0}")]
    Plan(PlanError),
    /// Recording a review was refused (422).
    #[error("{0}")]
    Review(ReviewError),
    /// The database failed (500); the detail goes to the log only.
    #[error("{0}")]
    Store(StoreError),
}

impl AppError {
    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        AppError::NotFound {
            what,
            id: id.to_string(),
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Invalid(vec![Problem::new(field, message)])
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Denied(_) => 403,
            AppError::NotFound { .. } => 404,
            AppError::Invalid(_) => 422,
            AppError::Stale { .. } | AppError::Conflict { .. } => 409,
            AppError::Refused(e) => match e {
                TransitionError::NotPermitted { .. } => 403,
                TransitionError::WrongStatus { .. }
                | TransitionError::Stale { .. }
                | TransitionError::AlreadySignedOff { .. } => 409,
                _ => 422,
            },
            AppError::Discard(e) => e.status(),
            AppError::Registration(RegistrationError::AlreadyRegistered { .. }) => 409,
            AppError::Registration(_) => 422,
            AppError::AnnexesRefused(_) => 409,
            AppError::Plan(_) | AppError::Review(_) => 422,
            AppError::Store(_) => 500,
        }
    }

    /// A stable code: `forbidden`, `not_found`, `invalid`, `stale`, the conflict's own code,
    /// the domain's code of a refused transition, or `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Denied(_) => "forbidden",
            AppError::NotFound { .. } => "not_found",
            AppError::Invalid(_) => "invalid",
            AppError::Stale { .. } => "stale",
            AppError::Conflict { code, .. } => code,
            AppError::Refused(e) => e.code(),
            AppError::Discard(e) => e.code(),
            AppError::Registration(e) => match e {
                RegistrationError::AlreadyRegistered { .. } => "already_registered",
                RegistrationError::NumberMissing => "number_missing",
                RegistrationError::NumberInvalid => "number_invalid",
                RegistrationError::DateInFuture { .. } => "date_in_future",
            },
            AppError::AnnexesRefused(_) => "annexes_refused",
            AppError::Plan(_) => "invalid_choice",
            AppError::Review(e) => e.code(),
            AppError::Store(_) => "internal",
        }
    }

    /// The problems of an [`AppError::Invalid`] (empty otherwise).
    pub fn problems(&self) -> &[Problem] {
        match self {
            AppError::Invalid(p) => p,
            _ => &[],
        }
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        AppError::Denied(d)
    }
}

impl From<DiscardError> for AppError {
    fn from(e: DiscardError) -> Self {
        AppError::Discard(e)
    }
}

impl From<TransitionError> for AppError {
    fn from(e: TransitionError) -> Self {
        AppError::Refused(e)
    }
}

impl From<StoreError> for AppError {
    /// Every refusal of the store is a 4xx with its reason; only database failures are 500.
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Changed { record } => AppError::Stale {
                message: format!(
                    "the {record} was changed meanwhile by someone else; nothing was written: \
                     reload it and try again"
                ),
                record,
            },
            StoreError::Stale {
                kind,
                id,
                expected,
                found,
            } => {
                let record = format!("{kind} '{id}'");
                let message = StoreError::Stale {
                    kind,
                    id,
                    expected,
                    found,
                }
                .to_string();
                AppError::Stale { record, message }
            }
            e @ StoreError::Conflict { .. } => AppError::Stale {
                record: "job description".into(),
                message: e.to_string(),
            },
            StoreError::Invalid { path, message } => {
                AppError::Invalid(vec![Problem::new(path, message)])
            }
            StoreError::Problems(list) => AppError::Invalid(
                list.into_iter()
                    .map(|p| Problem::new(p.path, p.message))
                    .collect(),
            ),
            e @ StoreError::InUse { .. } => AppError::Conflict {
                code: "in_use",
                message: e.to_string(),
            },
            e @ StoreError::NotEmpty { .. } => AppError::Conflict {
                code: "not_empty",
                message: e.to_string(),
            },
            other => AppError::Store(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_status_and_code() {
        let cases: Vec<(AppError, u16, &str)> = vec![
            (AppError::Denied(Denied::StaffReadsOnly), 403, "forbidden"),
            (AppError::not_found("position", "x"), 404, "not_found"),
            (AppError::invalid("title", "is empty"), 422, "invalid"),
            (
                StoreError::Changed {
                    record: "position 'x'".into(),
                }
                .into(),
                409,
                "stale",
            ),
            (
                StoreError::Invalid {
                    path: "units['a'].parent".into(),
                    message: "makes a cycle".into(),
                }
                .into(),
                422,
                "invalid",
            ),
            (StoreError::Database("gone".into()).into(), 500, "internal"),
        ];
        for (e, status, code) in cases {
            assert_eq!((e.status(), e.code()), (status, code), "{e}");
        }
        let e = AppError::invalid("duties", "at most 60 duties");
        assert_eq!(
            e.to_string(),
            "duties: at most 60 duties; nothing was written"
        );
    }
}
