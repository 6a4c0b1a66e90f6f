//! Removing a discarded draft: the one place a job description version leaves the registry.
//! Everything is checked inside the write transaction, after the other writers are waited for:
//! the version is still stored exactly as the decision saw it, it is a draft, and nothing refers
//! to it — no directive lists it as an annex, no document was issued for signing and no signed
//! container stored for it. The version and its position are logged as one revision, so the
//! search index (which replays the log) re-indexes the position without the draft.

use crate::accounts::{AuditEntry, check_unchanged, insert_audit, serialise_writers};
use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
use crate::{Result, StoreError};
use ametijuhend_domain::{JobDescription, Status};

/// What may refer to a job description version, each with what the refusal says of it.
const REFERENCES: [(&str, &str); 3] = [
    (
        "SELECT COUNT(*) FROM directive_annexes WHERE job_description_id = $1",
        "a directive lists it as an annex",
    ),
    (
        "SELECT COUNT(*) FROM issued_documents WHERE target_kind = 'job_description' AND \
         target_id = $1",
        "a document was issued for signing from it",
    ),
    (
        "SELECT COUNT(*) FROM signed_containers WHERE target_kind = 'job_description' AND \
         target_id = $1",
        "a signed container is stored for it",
    ),
];

/// What refers to version `id`, in words (empty: nothing).
async fn referenced_by<S: Session>(s: &mut S, id: &str) -> Result<Vec<&'static str>> {
    let mut found = Vec::new();
    for (sql, what) in REFERENCES {
        let rows = s.fetch(Stmt::new(sql).text(id)).await?;
        let n = match rows.first() {
            Some(row) => Cols::new("job_descriptions", row).i64()?,
            None => 0,
        };
        if n > 0 {
            found.push(what);
        }
    }
    Ok(found)
}

/// Removes the draft `version` with its audit event (see the module); otherwise
/// [`StoreError::Changed`], [`StoreError::Invalid`] or [`StoreError::InUse`], and nothing is
/// written.
pub(crate) async fn delete_job_description<D: Driver>(
    d: &D,
    version: &JobDescription,
    audit: &AuditEntry,
) -> Result<()> {
    let record = format!(
        "job description {} (version {})",
        version.id, version.version
    );
    if version.status != Status::Draft {
        return Err(StoreError::Invalid {
            path: format!("job_descriptions['{}']", version.id),
            message: format!(
                "is {}: only a draft is removed; nothing was changed",
                version.status.as_str()
            ),
        });
    }
    let mut s = d.begin(TxMode::Write).await?;
    serialise_writers(&mut s).await?;
    check_unchanged(&mut s, std::slice::from_ref(version)).await?;
    let by = referenced_by(&mut s, version.id.as_str()).await?;
    if !by.is_empty() {
        return Err(StoreError::InUse {
            record,
            by: by.into_iter().map(String::from).collect(),
        });
    }
    s.execute(
        Stmt::new("DELETE FROM job_description_competencies WHERE job_description_id = $1")
            .text(&version.id),
    )
    .await?;
    s.execute(Stmt::new("DELETE FROM job_descriptions WHERE id = $1").text(&version.id))
        .await?;
    insert_audit(&mut s, audit).await?;
    crate::changes::record_touched(
        &mut s,
        &[
            ("job_description", version.id.to_string()),
            ("position", version.position.to_string()),
        ],
    )
    .await?;
    s.commit().await
}
