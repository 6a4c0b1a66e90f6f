//! Read models of the import: what matching one document against the registry needs, read
//! without loading the registry (the importer never holds it).
//!
//! - [`position_keys`]: every position's id, title, specialisation and unit — a light index
//!   (no assignments, no documents) read once per batch, in which the importer looks up the
//!   positions a document may name.
//! - [`job_descriptions_of`]: every version of a few positions (the positions of the document's
//!   unit), by position and version.
//! - [`source_document_stored`]: whether a file was imported before, by content hash, without
//!   reading its bytes.

use crate::Result;
use crate::records::{self, Filter};
use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
use ametijuhend_domain::{JobDescription, PositionId, UnitId};

/// Most ids bound in one statement.
const IDS_PER_STATEMENT: usize = 500;

/// A position in the import's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionKeyRow {
    pub id: PositionId,
    pub title: String,
    pub specialisation: Option<String>,
    pub unit: UnitId,
}

pub(crate) async fn position_keys<D: Driver>(d: &D) -> Result<Vec<PositionKeyRow>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(Stmt::new(
            "SELECT id, title, specialisation, unit_id FROM positions ORDER BY id",
        ))
        .await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new("positions", row);
            Ok(PositionKeyRow {
                id: c.parsed()?,
                title: c.text()?,
                specialisation: c.opt_text()?,
                unit: c.parsed()?,
            })
        })
        .collect()
}

pub(crate) async fn job_descriptions_of<D: Driver>(
    d: &D,
    positions: &[PositionId],
) -> Result<Vec<JobDescription>> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut out = Vec::new();
    for chunk in positions.chunks(IDS_PER_STATEMENT) {
        let ids: Vec<String> = chunk.iter().map(|p| p.as_str().to_string()).collect();
        out.extend(
            records::load_job_descriptions(&mut s, Filter::Among("position_id", &ids)).await?,
        );
    }
    out.sort_by(|a, b| (&a.position, a.version).cmp(&(&b.position, b.version)));
    out.dedup_by(|a, b| a.id == b.id);
    Ok(out)
}

pub(crate) async fn source_document_stored<D: Driver>(d: &D, content_hash: &str) -> Result<bool> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new("SELECT content_hash FROM source_documents WHERE content_hash = $1")
                .text(content_hash),
        )
        .await?;
    Ok(!rows.is_empty())
}
