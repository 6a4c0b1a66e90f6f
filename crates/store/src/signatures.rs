//! Digital signatures kept with the records: what the registry issued to be signed (the SHA-256
//! of each data file of an unsigned container) and the signed containers attached to a job
//! description version or a directive (the file, the verifier's report, what it completed, who
//! attached it and when).
//!
//! Like the audit trail, none of this is part of the registry document. Attaching a container
//! that completes a lifecycle step stores the container, the step's changes and their audit
//! entries in one transaction ([`store_signed_container`]).

use crate::accounts::{AuditEntry, apply_in, check_unchanged, serialise_writers};
use crate::check::check_change_set;
use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
use crate::{ChangeSet, Result};
use ametijuhend_domain::{JobDescription, Timestamp};
use serde_json::Value;

/// The kind of record a container belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedKind {
    JobDescription,
    Directive,
}

impl SignedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SignedKind::JobDescription => "job_description",
            SignedKind::Directive => "directive",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "job_description" => Some(SignedKind::JobDescription),
            "directive" => Some(SignedKind::Directive),
            _ => None,
        }
    }
}

/// One data file the registry issued to be signed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IssuedFile {
    pub kind: SignedKind,
    pub target_id: String,
    pub file_name: String,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
    pub issued_at: Timestamp,
    /// The account it was issued to.
    pub issued_by: String,
}

/// A signed container attached to a record (without its bytes; see
/// [`signed_container_content`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SignedContainer {
    /// A random UUID.
    pub id: String,
    pub kind: SignedKind,
    pub target_id: String,
    /// The file name as uploaded.
    pub file_name: String,
    /// SHA-256 of the container, lower-case hex.
    pub sha256: String,
    /// The verifier's verdict ("valid", "valid-seal" …).
    pub verdict: String,
    /// What it completed (the domain's `signing::Outcome`, as JSON).
    pub outcome: Value,
    /// The verifier's report (JSON, shaped like SiVa's).
    pub report: Value,
    pub uploaded_by: String,
    pub uploaded_at: Timestamp,
}

/// Records issued files (a file issued before, byte for byte, stays as first recorded) and,
/// when any is new, the audit entry — in one transaction. Returns how many were new.
pub(crate) async fn record_issued<D: Driver>(
    d: &D,
    files: &[IssuedFile],
    audit: &AuditEntry,
) -> Result<u64> {
    let mut s = d.begin(TxMode::Write).await?;
    let mut new = 0;
    for f in files {
        new += s
            .execute(
                Stmt::new(
                    "INSERT INTO issued_documents (target_kind, target_id, file_name, sha256, \
                     issued_at, issued_by) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (target_kind, target_id, file_name, sha256) DO NOTHING",
                )
                .text(f.kind.as_str())
                .text(&f.target_id)
                .text(&f.file_name)
                .text(&f.sha256)
                .timestamp(f.issued_at)
                .text(&f.issued_by),
            )
            .await?;
    }
    if new > 0 {
        apply_in(&mut s, &ChangeSet::default(), std::slice::from_ref(audit)).await?;
    }
    s.commit().await?;
    Ok(new)
}

/// Every file issued for a record, oldest first.
pub(crate) async fn issued_files<D: Driver>(
    d: &D,
    kind: SignedKind,
    target_id: &str,
) -> Result<Vec<IssuedFile>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(
                "SELECT file_name, sha256, issued_at, issued_by FROM issued_documents \
                 WHERE target_kind = $1 AND target_id = $2",
            )
            .text(kind.as_str())
            .text(target_id),
        )
        .await?;
    let mut out = Vec::new();
    for row in &rows {
        let mut c = Cols::new("issued_documents", row);
        out.push(IssuedFile {
            kind,
            target_id: target_id.to_string(),
            file_name: c.text()?,
            sha256: c.text()?,
            issued_at: c.timestamp()?,
            issued_by: c.text()?,
        });
    }
    out.sort_by(|a, b| (a.issued_at, &a.file_name).cmp(&(b.issued_at, &b.file_name)));
    Ok(out)
}

/// Stores a signed container with the changes it completes (an acknowledgement) and the audit
/// entries, in one transaction, only while each version of `unchanged` is still stored exactly
/// as given; otherwise fails with [`StoreError::Changed`] and writes nothing.
pub(crate) async fn store_signed_container<D: Driver>(
    d: &D,
    container: &SignedContainer,
    content: &[u8],
    changes: &ChangeSet,
    unchanged: &[JobDescription],
    audit: &[AuditEntry],
) -> Result<()> {
    check_change_set(changes)?;
    let mut s = d.begin(TxMode::Write).await?;
    serialise_writers(&mut s).await?;
    check_unchanged(&mut s, unchanged).await?;
    s.execute(
        Stmt::new(
            "INSERT INTO signed_containers (id, target_kind, target_id, file_name, sha256, \
             content, verdict, outcome, report, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .text(&container.id)
        .text(container.kind.as_str())
        .text(&container.target_id)
        .text(&container.file_name)
        .text(&container.sha256)
        .bytes(content)
        .text(&container.verdict)
        .json(&container.outcome)?
        .json(&container.report)?
        .text(&container.uploaded_by)
        .timestamp(container.uploaded_at),
    )
    .await?;
    apply_in(&mut s, changes, audit).await?;
    s.commit().await
}

const COLUMNS: &str = "id, target_kind, target_id, file_name, sha256, verdict, outcome, report, \
                       uploaded_by, uploaded_at";

fn container_of<R: crate::sql::Row>(row: &R) -> Result<SignedContainer> {
    let mut c = Cols::new("signed_containers", row);
    Ok(SignedContainer {
        id: c.text()?,
        kind: c.name(SignedKind::parse)?,
        target_id: c.text()?,
        file_name: c.text()?,
        sha256: c.text()?,
        verdict: c.text()?,
        outcome: c.json()?,
        report: c.json()?,
        uploaded_by: c.text()?,
        uploaded_at: c.timestamp()?,
    })
}

/// The containers attached to a record, oldest first.
pub(crate) async fn signed_containers<D: Driver>(
    d: &D,
    kind: SignedKind,
    target_id: &str,
) -> Result<Vec<SignedContainer>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT {COLUMNS} FROM signed_containers WHERE target_kind = $1 AND target_id = $2"
            ))
            .text(kind.as_str())
            .text(target_id),
        )
        .await?;
    let mut out = rows.iter().map(container_of).collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| (a.uploaded_at, &a.id).cmp(&(b.uploaded_at, &b.id)));
    Ok(out)
}

/// One attached container and its bytes.
pub(crate) async fn signed_container_content<D: Driver>(
    d: &D,
    id: &str,
) -> Result<Option<(SignedContainer, Vec<u8>)>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT {COLUMNS} FROM signed_containers WHERE id = $1"
            ))
            .text(id),
        )
        .await?;
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let container = container_of(row)?;
    let rows = s
        .fetch(Stmt::new("SELECT content FROM signed_containers WHERE id = $1").text(id))
        .await?;
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let content = Cols::new("signed_containers", row).bytes()?;
    Ok(Some((container, content)))
}
