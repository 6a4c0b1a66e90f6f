//! Storage errors. Every message says what went wrong, where (record and field, file, or
//! database), and what to do about it. Database URLs in messages never show a password.

use ametijuhend_domain::RegistryError;
use std::fmt::Write as _;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// One record breaks a rule or refers to a record that does not exist; nothing was written.
    /// `path` names the record and field, e.g. `positions[3].supervisor` (an index into the
    /// registry or change set that was given) or `table positions` for a database-level check.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// Several records break rules (two or more problems; one problem is [`StoreError::Invalid`]).
    /// Nothing was written.
    #[error("{}", list_problems(.0))]
    Problems(Vec<RegistryError>),
    /// A restore without `--replace` into a registry that already holds records.
    #[error("the registry already holds {records} records; use --replace to overwrite it")]
    NotEmpty { records: u64 },
    /// The database URL names no backend this program supports (password redacted).
    #[error("unsupported database URL '{url}': use sqlite://PATH or postgres://USER@HOST:PORT/DB")]
    UnsupportedUrl { url: String },
    /// The database could not be reached or opened (`url` has its password redacted).
    #[error("cannot open the database {url}: {message}")]
    Connection { url: String, message: String },
    /// The data directory for the default SQLite database could not be created.
    #[error(
        "cannot create the data directory '{path}': {message}; check the path and its \
         permissions, or give a database URL"
    )]
    DataDir { path: String, message: String },
    /// The schema could not be brought up to date.
    #[error(
        "cannot update the database schema: {0}; the database may be newer than this program \
         (upgrade it) or damaged (restore it from an export)"
    )]
    Migration(String),
    /// A stored value that this program cannot read back, e.g. changed by hand.
    #[error(
        "the database holds a value this program cannot read ({record}): {message}; restore \
         the registry from an export"
    )]
    Corrupt { record: String, message: String },
    /// Optimistic concurrency: a job description draft was saved from version `expected`, but
    /// the position's latest version is now `found` (someone else saved in between). Nothing
    /// was written.
    #[error(
        "the job description was changed meanwhile: it was edited from version {}, but the \
         latest version is now {}; nothing was written: review the latest version and save again",
        version_name(*.expected),
        version_name(*.found)
    )]
    Conflict {
        expected: Option<u32>,
        found: Option<u32>,
    },
    /// Optimistic concurrency: a record was changed by someone else between reading it and
    /// writing the change made from it. Nothing was written.
    #[error(
        "the {record} was changed meanwhile by someone else; nothing was written: reload it and \
         try again"
    )]
    Changed { record: String },
    /// A record cannot be removed because other records refer to it (`by` says which, in
    /// words). Nothing was written.
    #[error("the {record} cannot be removed: {}; nothing was written", by.join("; "))]
    InUse { record: String, by: Vec<String> },
    /// The registry document could not be written (export) or was not read to its end
    /// (restore); nothing was restored.
    #[error("{0}")]
    Transfer(String),
    /// Optimistic concurrency: a unit, position or job description version was changed by
    /// someone else after the revision the change was made from. Nothing was written.
    #[error(
        "the {kind} '{id}' was changed meanwhile by someone else (it was edited at revision \
         {expected}, it is now at revision {found}); nothing was written: reload it, see what \
         changed and make the change again"
    )]
    Stale {
        kind: &'static str,
        id: String,
        expected: String,
        found: String,
    },
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(String),
}

fn version_name(v: Option<u32>) -> String {
    v.map_or_else(|| "none".to_string(), |n| n.to_string())
}

fn list_problems(problems: &[RegistryError]) -> String {
    let mut out = format!(
        "{} problems in the records (nothing was written); fix them and try again:",
        problems.len()
    );
    for p in problems {
        let _ = write!(out, "\n  {}: {}", p.path, p.message);
    }
    out
}

impl StoreError {
    /// [`StoreError::Invalid`] for one problem, [`StoreError::Problems`] for several.
    pub fn invalid(mut problems: Vec<RegistryError>) -> Self {
        if problems.len() == 1 {
            let p = problems.remove(0);
            StoreError::Invalid {
                path: p.path,
                message: p.message,
            }
        } else {
            StoreError::Problems(problems)
        }
    }

    /// The record problems this error reports (empty for errors that are not about records).
    pub fn problems(&self) -> Vec<RegistryError> {
        match self {
            StoreError::Invalid { path, message } => vec![RegistryError {
                path: path.clone(),
                message: message.clone(),
            }],
            StoreError::Problems(p) => p.clone(),
            _ => vec![],
        }
    }

    /// Translates a database error of a query or commit. Constraint violations become
    /// [`StoreError::Invalid`] naming the table (the store checks references itself before
    /// writing, so these are a last line of defence).
    pub(crate) fn from_sqlx(e: sqlx::Error) -> Self {
        use sqlx::error::ErrorKind;
        match e {
            sqlx::Error::Database(db) => {
                let what = match db.kind() {
                    ErrorKind::ForeignKeyViolation => {
                        Some("a reference points at a record that does not exist")
                    }
                    ErrorKind::UniqueViolation => Some("a record with the same key already exists"),
                    ErrorKind::CheckViolation | ErrorKind::NotNullViolation => {
                        Some("a value breaks a rule of the schema")
                    }
                    _ => None,
                };
                let mut message = db.message().to_string();
                if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    && let Some(detail) = pg.detail()
                {
                    message = format!("{message} ({detail})");
                }
                match what {
                    Some(what) => StoreError::Invalid {
                        path: db
                            .table()
                            .map(|t| format!("table {t}"))
                            .unwrap_or_else(|| "database".to_string()),
                        message: format!("{what}: {message}; nothing was written"),
                    },
                    None => StoreError::Database(message),
                }
            }
            sqlx::Error::PoolTimedOut => StoreError::Database(
                "timed out waiting for a database connection: the database is busy or \
                 unreachable; try again"
                    .to_string(),
            ),
            other => StoreError::Database(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_problem_is_invalid_and_several_are_listed() {
        let p = |path: &str| RegistryError {
            path: path.into(),
            message: "refers to nothing".into(),
        };
        let one = StoreError::invalid(vec![p("positions[3].supervisor")]);
        assert_eq!(
            one.to_string(),
            "positions[3].supervisor: refers to nothing"
        );
        let two = StoreError::invalid(vec![p("units[0]"), p("positions[1].unit")]);
        let text = two.to_string();
        assert!(text.starts_with("2 problems"), "{text}");
        assert!(
            text.contains("\n  positions[1].unit: refers to nothing"),
            "{text}"
        );
        assert_eq!(two.problems().len(), 2);
        assert!(
            StoreError::NotEmpty { records: 7 }
                .to_string()
                .contains("--replace")
        );
    }
}
