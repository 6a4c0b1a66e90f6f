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

pub(in crate::tests) async fn a_position_neighbourhood_is_its_chain_subordinates_and_partners(
    store: Store,
) {
    let r = restored(&store).await;
    let mut checked = 0;
    for p in &r.positions {
        let got = store.position_neighbourhood(&p.id).await.expect("reads");
        assert_eq!(got.first(), Some(p), "the position comes first");
        let mut expected: Vec<PositionId> = vec![p.id.clone()];
        let mut next = p.supervisor.clone();
        while let Some(s) = next {
            if expected.contains(&s) {
                break;
            }
            next = r.position(&s).and_then(|x| x.supervisor.clone());
            expected.push(s);
        }
        for x in &r.positions {
            if x.supervisor.as_ref() == Some(&p.id) {
                expected.push(x.id.clone());
            }
        }
        for l in &r.substitutions {
            for id in [&l.substitute, &l.substituted] {
                if (l.substitute == p.id || l.substituted == p.id) && id != &p.id {
                    expected.push(id.clone());
                }
            }
        }
        let mut got_ids: Vec<PositionId> = got.iter().map(|x| x.id.clone()).collect();
        got_ids.sort();
        expected.sort();
        expected.dedup();
        assert_eq!(got_ids, expected, "around {}", p.full_title());
        if got.len() > 2 {
            checked += 1;
        }
    }
    assert!(checked > 0, "some position has a neighbourhood");
    let none = store
        .position_neighbourhood(&PositionId::derived("no such position"))
        .await
        .expect("reads");
    assert!(none.is_empty());
}

pub(in crate::tests) async fn position_rows_name_each_position_and_its_latest_version(
    store: Store,
) {
    let r = restored(&store).await;
    let rows = store.position_rows().await.expect("reads");
    assert_eq!(rows.len(), r.positions.len());
    for row in &rows {
        let p = r.position(&row.id).expect("a stored position");
        assert_eq!(row.title, p.full_title());
        assert_eq!(row.unit, p.unit);
        let latest = ametijuhend_domain::workflow::latest_version(&r.job_descriptions, &p.id)
            .map(|j| (j.version, j.status));
        assert_eq!(row.latest, latest, "{}", row.title);
    }
    assert!(rows.iter().any(|r| r.latest.is_some()));
    assert!(rows.windows(2).all(|w| w[0].id < w[1].id), "by id");
}
