//! What forms offer (crates/store/src/pickers.rs) on both backends: the same answer as the
//! question asked of the whole registry in memory.

use super::sample;
use crate::{RestoreMode, Store};
use ametijuhend_domain::{PositionId, Status, UnitId};

pub(in crate::tests) async fn positions_in_units_are_those_directly_in_them(store: Store) {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");
    let units: Vec<UnitId> = r.units.iter().take(3).map(|u| u.id.clone()).collect();
    let got = store.positions_in_units(&units).await.expect("reads");
    let mut expected: Vec<_> = r
        .positions
        .iter()
        .filter(|p| units.contains(&p.unit))
        .cloned()
        .collect();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(got, expected);
    assert!(
        store
            .positions_in_units(&[])
            .await
            .expect("reads")
            .is_empty()
    );
}

pub(in crate::tests) async fn directive_candidates_are_the_latest_versions_in_a_status(
    store: Store,
) {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");
    let all_units: Vec<UnitId> = r.units.iter().map(|u| u.id.clone()).collect();
    let some_units: Vec<UnitId> = all_units.iter().take(2).cloned().collect();
    let mut nonempty = 0;
    for status in std::iter::once(None).chain(Status::ALL.iter().copied().map(Some)) {
        for units in [None, Some(&all_units[..]), Some(&some_units[..])] {
            let got = store
                .directive_candidates(units, status)
                .await
                .expect("reads");
            let mut expected: Vec<(PositionId, u32)> = Vec::new();
            for p in &r.positions {
                if units.is_some_and(|u| !u.contains(&p.unit)) {
                    continue;
                }
                let latest = r
                    .job_descriptions
                    .iter()
                    .filter(|j| j.position == p.id && status.is_none_or(|s| j.status == s))
                    .max_by_key(|j| j.version);
                if let Some(j) = latest {
                    expected.push((p.id.clone(), j.version));
                }
            }
            expected.sort();
            let ids: Vec<(PositionId, u32)> = got
                .iter()
                .map(|c| (c.position.clone(), c.version))
                .collect();
            assert_eq!(ids, expected, "{status:?} in {units:?}");
            for c in &got {
                let jd = r.job_description(&c.job_description).expect("a version");
                let p = r.position(&c.position).expect("a position");
                assert_eq!(
                    (
                        jd.position.clone(),
                        jd.version,
                        jd.status,
                        c.title.clone(),
                        c.unit.clone()
                    ),
                    (
                        p.id.clone(),
                        c.version,
                        c.status,
                        p.full_title(),
                        p.unit.clone()
                    )
                );
            }
            nonempty += usize::from(!got.is_empty());
        }
    }
    assert!(nonempty > 3, "the sample has candidates");
}
