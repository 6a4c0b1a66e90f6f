//! Read models: what pages and reports need, read without loading the registry. None of these
//! queries touches the bytes of stored source files; each reads rows in proportion to what it
//! returns.
//!
//! - [`position_slice`]: a few positions (by id, after a cursor) with every version of their job
//!   descriptions, the positions they name and their substitution links — the unit of the
//!   streaming reports (checks, review due lists, card updates; see `ametijuhend_domain::reports`).
//!   [`for_each_slice`](crate::for_each_slice) walks the registry with it.
//! - [`positions_by_id`]: the positions with the given ids (names and units for a page's rows).

use crate::Result;
use crate::records::{self, Filter};
use crate::sql::{Arg, Driver, TxMode};
use ametijuhend_domain::slice::PositionSlice;
use ametijuhend_domain::{Position, PositionId};

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

async fn load_by_id<S: crate::sql::Session>(
    s: &mut S,
    ids: &[PositionId],
) -> Result<Vec<Position>> {
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
