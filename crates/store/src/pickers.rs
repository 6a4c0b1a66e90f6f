//! What a form offers to choose from, read without loading the registry: each query reads rows
//! in proportion to what the form shows.
//!
//! - [`positions_in_units`]: the positions directly in some units (the editor's substitutes,
//!   the position form's supervisor: the unit and the units above it).
//! - [`directive_candidates`]: the versions a directive may approve — of each position in some
//!   units, its latest version (with a status, when one is given) — as light rows without the
//!   documents. The caller orders them (unit, then title, in Estonian order).

use crate::Result;
use crate::records::{self, Filter};
use crate::sql::{Arg, Cols, Driver, Session, Stmt, TxMode};
use ametijuhend_domain::{JobDescriptionId, Position, PositionId, Status, UnitId};

/// Most ids bound in one statement.
const IDS_PER_STATEMENT: usize = 500;

/// A version a directive may approve, with what the form shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    /// The position's full title, "Peaspetsialist (STAR kasutajatugi)".
    pub title: String,
    pub unit: UnitId,
    pub version: u32,
    pub status: Status,
}

/// `$from, $from+1 … ` for `n` parameters.
fn numbered(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ids(chunk: &[UnitId]) -> Vec<Arg> {
    chunk
        .iter()
        .map(|id| Arg::Text(Some(id.as_str().to_string())))
        .collect()
}

pub(crate) async fn positions_in_units<D: Driver>(
    d: &D,
    units: &[UnitId],
) -> Result<Vec<Position>> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut out = Vec::new();
    for chunk in units.chunks(IDS_PER_STATEMENT) {
        let list = numbered(1, chunk.len());
        let args = ids(chunk);
        out.extend(records::load_positions(&mut s, Filter::In("unit_id", &list, &args)).await?);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    Ok(out)
}

/// The key columns of the latest version (with `status`, when given) of each position.
const CANDIDATES: &str = "SELECT j.id, p.id, p.title, p.specialisation, p.unit_id, j.version, \
     j.status FROM positions p JOIN job_descriptions j ON j.position_id = p.id \
     WHERE j.version = (SELECT MAX(k.version) FROM job_descriptions k \
     WHERE k.position_id = p.id AND ($1 = '' OR k.status = $1))";

async fn candidate_rows<S: Session>(
    s: &mut S,
    status: &str,
    units: Option<&[UnitId]>,
) -> Result<Vec<CandidateRow>> {
    let mut stmt = Stmt::new(match units {
        None => format!("{CANDIDATES} ORDER BY p.id"),
        Some(u) => format!(
            "{CANDIDATES} AND p.unit_id IN ({}) ORDER BY p.id",
            numbered(2, u.len())
        ),
    })
    .text(status);
    for a in ids(units.unwrap_or_default()) {
        stmt = stmt.arg(a);
    }
    let rows = s.fetch(stmt).await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new("job_descriptions", row);
            let job_description: JobDescriptionId = c.parsed()?;
            let position: PositionId = c.parsed()?;
            let (title, specialisation) = (c.text()?, c.opt_text()?);
            let unit: UnitId = c.parsed()?;
            let version = c.u32()?;
            let st = c.text()?;
            let status = Status::parse(&st).ok_or_else(|| crate::StoreError::Corrupt {
                record: "table job_descriptions, column status".into(),
                message: format!("'{st}' is not a known value"),
            })?;
            Ok(CandidateRow {
                job_description,
                position,
                title: ametijuhend_domain::text::full_title(&title, specialisation.as_deref()),
                unit,
                version,
                status,
            })
        })
        .collect()
}

pub(crate) async fn directive_candidates<D: Driver>(
    d: &D,
    units: Option<&[UnitId]>,
    status: Option<Status>,
) -> Result<Vec<CandidateRow>> {
    let mut s = d.begin(TxMode::Read).await?;
    let status = status.map(|s| s.as_str()).unwrap_or_default();
    match units {
        None => candidate_rows(&mut s, status, None).await,
        Some(units) => {
            let mut out = Vec::new();
            for chunk in units.chunks(IDS_PER_STATEMENT) {
                out.extend(candidate_rows(&mut s, status, Some(chunk)).await?);
            }
            Ok(out)
        }
    }
}
