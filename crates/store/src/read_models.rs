//! Read models: what pages and reports need, read without loading the registry. None of these
//! queries touches the bytes of stored source files; each reads rows in proportion to what it
//! returns.
//!
//! - [`position_slice`]: a few positions (by id, after a cursor) with every version of their job
//!   descriptions, the positions they name and their substitution links — the unit of the
//!   streaming reports (checks, review due lists, card updates; see `ametijuhend_domain::reports`).
//!   [`for_each_slice`](crate::for_each_slice) walks the registry with it.
//! - [`positions_by_id`]: the positions with the given ids (names and units for a page's rows).
//! - [`position_neighbourhood`]: a position with its supervisor chain, subordinates and
//!   substitution partners (the position page).
//! - [`position_rows`]: every position's title, unit and latest version number and status, in
//!   light rows without documents (the positions list, filtered and paged in the page).

use crate::Result;
use crate::records::{self, Filter};
use crate::sql::{Arg, Cols, Driver, Session, Stmt, TxMode};
use ametijuhend_domain::slice::PositionSlice;
use ametijuhend_domain::{Position, PositionId, Status, UnitId};

/// Most ids bound in one statement.
const IDS_PER_STATEMENT: usize = 500;

/// The positions of a slice: the first `limit` after the cursor, by id.
const SLICE: &str = "SELECT id FROM positions WHERE id > $1 ORDER BY id LIMIT $2";

pub(crate) async fn position_slice<D: Driver>(
    d: &D,
    after: Option<&PositionId>,
    limit: u32,
) -> Result<PositionSlice> {
    let mut s = d.begin(TxMode::Read).await?;
    let args = [
        Arg::Text(Some(
            after.map(|a| a.as_str().to_string()).unwrap_or_default(),
        )),
        Arg::Int(Some(i64::from(limit.max(1)))),
    ];
    let positions = records::load_positions(&mut s, Filter::In("id", SLICE, &args)).await?;
    let substitutions = records::load_substitutions_touching(&mut s, SLICE, &args).await?;
    let job_descriptions =
        records::load_job_descriptions(&mut s, Filter::In("position_id", SLICE, &args)).await?;
    let ids: Vec<PositionId> = PositionSlice::neighbour_ids(&positions, &substitutions)
        .into_iter()
        .collect();
    let neighbours = load_by_id(&mut s, &ids).await?;
    Ok(PositionSlice {
        positions,
        neighbours,
        substitutions,
        job_descriptions,
    })
}

async fn load_by_id<S: Session>(s: &mut S, ids: &[PositionId]) -> Result<Vec<Position>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let list = placeholders.join(", ");
        let args: Vec<Arg> = chunk
            .iter()
            .map(|id| Arg::Text(Some(id.as_str().to_string())))
            .collect();
        out.extend(records::load_positions(s, Filter::In("id", &list, &args)).await?);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    Ok(out)
}

pub(crate) async fn positions_by_id<D: Driver>(d: &D, ids: &[PositionId]) -> Result<Vec<Position>> {
    let mut s = d.begin(TxMode::Read).await?;
    load_by_id(&mut s, ids).await
}

pub(crate) async fn position_neighbourhood<D: Driver>(
    d: &D,
    id: &PositionId,
) -> Result<Vec<Position>> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut out = load_by_id(&mut s, std::slice::from_ref(id)).await?;
    // The supervisor chain, up to a cycle.
    let mut next = out.first().and_then(|p| p.supervisor.clone());
    while let Some(sup) = next {
        if out.iter().any(|p| p.id == sup) {
            break;
        }
        let found = load_by_id(&mut s, std::slice::from_ref(&sup)).await?;
        next = found.first().and_then(|p| p.supervisor.clone());
        out.extend(found);
    }
    if out.is_empty() {
        return Ok(out);
    }
    out.extend(records::load_positions(&mut s, Filter::Where("supervisor_id", id.as_str())).await?);
    let links = records::load_substitutions(&mut s, Some(id.as_str())).await?;
    let partners: Vec<PositionId> = links
        .iter()
        .flat_map(|l| [&l.substitute, &l.substituted])
        .filter(|p| !out.iter().any(|o| &o.id == *p))
        .cloned()
        .collect();
    out.extend(load_by_id(&mut s, &partners).await?);
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.id.clone()));
    Ok(out)
}

/// A position in the positions list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionListRow {
    pub id: PositionId,
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub title: String,
    pub unit: UnitId,
    /// The latest version's number and status.
    pub latest: Option<(u32, Status)>,
}

pub(crate) async fn position_rows<D: Driver>(d: &D) -> Result<Vec<PositionListRow>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(Stmt::new(
            "SELECT p.id, p.title, p.specialisation, p.unit_id, j.version, j.status \
             FROM positions p LEFT JOIN job_descriptions j ON j.position_id = p.id \
             AND j.version = (SELECT MAX(version) FROM job_descriptions WHERE position_id = p.id) \
             ORDER BY p.id",
        ))
        .await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new("positions", row);
            let id: PositionId = c.parsed()?;
            let (title, specialisation) = (c.text()?, c.opt_text()?);
            let unit: UnitId = c.parsed()?;
            let version = c.opt_u32()?;
            let status = c.opt_text()?;
            let latest = match (version, status) {
                (Some(v), Some(st)) => Some((
                    v,
                    Status::parse(&st).ok_or_else(|| crate::StoreError::Corrupt {
                        record: "table job_descriptions, column status".into(),
                        message: format!("'{st}' is not a known value"),
                    })?,
                )),
                _ => None,
            };
            Ok(PositionListRow {
                id,
                title: ametijuhend_domain::text::full_title(&title, specialisation.as_deref()),
                unit,
                latest,
            })
        })
        .collect()
}
