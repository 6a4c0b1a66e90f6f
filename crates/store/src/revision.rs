//! Record revisions: optimistic concurrency for units, positions, job description versions and
//! directives.
//!
//! A record's revision is a short digest of the record exactly as stored ([`revision_of`]):
//! every change of the record changes it, and reading the record gives it. A form or an API
//! client sends back the revision it read; [`apply_audited_at`] writes a change only while
//! every record it was made from is still at that revision, checked inside the write
//! transaction after the other writers are waited for, so of racing writers from the same
//! revision exactly one succeeds and the others get [`StoreError::Stale`] and write nothing.

use crate::accounts::{AuditEntry, apply_in, serialise_writers};
use crate::records::{Filter, load_directives, load_job_descriptions, load_positions, load_units};
use crate::sql::{Driver, Session, TxMode};
use crate::{ChangeSet, Result, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The kinds of records that carry a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Unit,
    Position,
    JobDescription,
    Directive,
}

impl RecordKind {
    /// The name used in messages and in the audit trail (`unit`, `position`, `job_description`).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Unit => "unit",
            RecordKind::Position => "position",
            RecordKind::JobDescription => "job_description",
            RecordKind::Directive => "directive",
        }
    }
}

/// A record a change was made from, at the revision it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub kind: RecordKind,
    pub id: String,
    pub revision: String,
}

impl Expected {
    pub fn new(kind: RecordKind, id: impl ToString, revision: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.to_string(),
            revision: revision.into(),
        }
    }
}

/// The revision of a record: 16 hex digits of the SHA-256 of its JSON form.
pub fn revision_of<T: Serialize>(record: &T) -> String {
    let bytes = serde_json::to_vec(record).unwrap_or_default();
    hex::encode(&Sha256::digest(&bytes)[..8])
}

/// The stored revision of a record inside the caller's transaction (None: no such record).
async fn stored<S: Session>(s: &mut S, kind: RecordKind, id: &str) -> Result<Option<String>> {
    Ok(match kind {
        RecordKind::Unit => load_units(s, Filter::Id(id))
            .await?
            .first()
            .map(revision_of),
        RecordKind::Position => load_positions(s, Filter::Id(id))
            .await?
            .first()
            .map(revision_of),
        RecordKind::JobDescription => load_job_descriptions(s, Filter::Id(id))
            .await?
            .first()
            .map(revision_of),
        RecordKind::Directive => load_directives(s, Filter::Id(id))
            .await?
            .first()
            .map(revision_of),
    })
}

/// [`crate::Repository::apply_audited`] only while every record of `expected` is still at its
/// revision; otherwise [`StoreError::Stale`] (or [`StoreError::Invalid`] when it was removed)
/// and nothing is written.
pub(crate) async fn apply_audited_at<D: Driver>(
    d: &D,
    changes: &ChangeSet,
    expected: &[Expected],
    audit: &[AuditEntry],
) -> Result<()> {
    crate::check::check_change_set(changes)?;
    let mut s = d.begin(TxMode::Write).await?;
    serialise_writers(&mut s).await?;
    for e in expected {
        match stored(&mut s, e.kind, &e.id).await? {
            None => {
                return Err(StoreError::Invalid {
                    path: format!("{}['{}']", e.kind.as_str(), e.id),
                    message: "no such record (it was removed meanwhile); nothing was written"
                        .into(),
                });
            }
            Some(found) if found != e.revision => {
                return Err(StoreError::Stale {
                    kind: e.kind.as_str(),
                    id: e.id.clone(),
                    expected: e.revision.clone(),
                    found,
                });
            }
            Some(_) => {}
        }
    }
    apply_in(&mut s, changes, audit).await?;
    s.commit().await
}
