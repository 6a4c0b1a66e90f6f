//! The read models on both backends: what they return equals what the same question asked of
//! the whole registry in memory returns, and a slice holds no more than it was asked for.

use super::sample;
use crate::{RestoreMode, SLICE_POSITIONS, Store, for_each_slice};
use ametijuhend_domain::slice::{PositionSlice, slices_of};
use ametijuhend_domain::{Position, PositionId};

async fn restored(store: &Store) -> ametijuhend_domain::Registry {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");
    r
}

pub(in crate::tests) async fn position_slices_hold_what_the_registry_holds_around_them(
    store: Store,
) {
    let r = restored(&store).await;
    assert!(r.positions.len() > 3, "the sample has positions to slice");
    for size in [1_u32, 2, 3, 1000] {
        let expected = slices_of(&r, size as usize);
        let mut got: Vec<PositionSlice> = Vec::new();
        let mut after: Option<PositionId> = None;
        loop {
            let slice = store
                .position_slice(after.as_ref(), size)
                .await
                .expect("a slice");
            assert!(slice.positions.len() <= size as usize, "at most {size}");
            let Some(last) = slice.positions.last() else {
                break;
            };
            after = Some(last.id.clone());
            got.push(slice);
        }
        assert_eq!(got, expected, "slices of {size}");
    }
    // The walk sees every position once.
    let mut seen: Vec<PositionId> = Vec::new();
    for_each_slice(store.as_ref(), |s| {
        seen.extend(s.positions.into_iter().map(|p| p.id));
    })
    .await
    .expect("walks");
    let mut all: Vec<PositionId> = r.positions.iter().map(|p| p.id.clone()).collect();
    all.sort();
    assert_eq!(seen, all);
    assert!(
        all.len() < SLICE_POSITIONS as usize,
        "one slice for the sample"
    );
    // An empty registry has no slice.
    let empty = store
        .position_slice(all.last(), 10)
        .await
        .expect("after the last");
    assert_eq!(empty, PositionSlice::default());
}

pub(in crate::tests) async fn positions_by_id_returns_those_that_exist(store: Store) {
    let r = restored(&store).await;
    let mut wanted: Vec<&Position> = r.positions.iter().take(3).collect();
    wanted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut ids: Vec<PositionId> = wanted.iter().rev().map(|p| p.id.clone()).collect();
    ids.push(PositionId::derived("no such position"));
    ids.push(wanted[0].id.clone());
    let got = store.positions_by_id(&ids).await.expect("reads");
    let expected: Vec<Position> = wanted.into_iter().cloned().collect();
    assert_eq!(got, expected);
    assert!(store.positions_by_id(&[]).await.expect("reads").is_empty());
}
