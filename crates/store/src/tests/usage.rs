//! Where units, role cards and competencies are used: the store's counts and lists equal what
//! the same question asked of the whole registry in memory gives.

use super::sample;
use crate::{PositionTitle, RestoreMode, Store};
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{CompetencyId, Registry, RoleCardId, UnitId};
use std::collections::BTreeMap;

fn titles<'a>(
    r: &'a Registry,
    keep: impl Fn(&ametijuhend_domain::Position) -> bool + 'a,
) -> Vec<PositionTitle> {
    let mut out: Vec<PositionTitle> = r
        .positions
        .iter()
        .filter(|p| keep(p))
        .map(|p| PositionTitle {
            id: p.id.clone(),
            title: p.full_title(),
            unit: p.unit.clone(),
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn required(r: &Registry, p: &ametijuhend_domain::Position) -> Vec<CompetencyId> {
    current_version(&r.job_descriptions, &p.id)
        .or_else(|| latest_version(&r.job_descriptions, &p.id))
        .map(|v| {
            v.competencies
                .iter()
                .map(|c| c.competency.clone())
                .collect()
        })
        .unwrap_or_default()
}

pub(in crate::tests) async fn usage_counts_equal_the_registry_in_memory(store: Store) {
    let mut r = sample();
    // A newer draft that lists no competency must not hide what the version in force requires.
    let in_force = r
        .job_descriptions
        .iter()
        .find(|j| j.status == ametijuhend_domain::Status::InForce && !j.competencies.is_empty())
        .cloned()
        .expect("the sample has a version in force with competencies");
    let next = r
        .job_descriptions
        .iter()
        .filter(|j| j.position == in_force.position)
        .map(|j| j.version)
        .max()
        .unwrap_or(1)
        + 1;
    let mut draft = in_force.clone();
    draft.id = ametijuhend_domain::JobDescriptionId::from_uuid(uuid::Uuid::new_v4());
    draft.version = next;
    draft.status = ametijuhend_domain::Status::Draft;
    draft.approval = None;
    draft.effective_from = None;
    draft.effective_to = None;
    draft.competencies.clear();
    r.job_descriptions.push(draft);
    r.canonicalize();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the registry restores");

    let mut by_unit: BTreeMap<UnitId, u64> = BTreeMap::new();
    let mut by_card: BTreeMap<RoleCardId, u64> = BTreeMap::new();
    let mut by_competency: BTreeMap<CompetencyId, u64> = BTreeMap::new();
    for p in &r.positions {
        *by_unit.entry(p.unit.clone()).or_default() += 1;
        if let Some(c) = &p.role_card {
            *by_card.entry(c.clone()).or_default() += 1;
        }
        let mut ids = required(&r, p);
        ids.sort();
        ids.dedup();
        for c in ids {
            *by_competency.entry(c).or_default() += 1;
        }
    }
    assert!(
        !by_competency.is_empty(),
        "the sample requires competencies"
    );
    let got: BTreeMap<_, _> = store
        .position_counts_by_unit()
        .await
        .expect("counts")
        .into_iter()
        .collect();
    assert_eq!(got, by_unit);
    let got: BTreeMap<_, _> = store
        .position_counts_by_role_card()
        .await
        .expect("counts")
        .into_iter()
        .collect();
    assert_eq!(got, by_card);
    let got: BTreeMap<_, _> = store
        .competency_counts()
        .await
        .expect("counts")
        .into_iter()
        .collect();
    assert_eq!(got, by_competency);
    assert!(
        by_competency
            .keys()
            .any(|c| in_force.competencies.iter().any(|x| &x.competency == c)),
        "the version in force speaks, not the newer draft"
    );
    for card in r.role_cards.iter().map(|c| &c.id) {
        let got = store.positions_with_role_card(card).await.expect("a list");
        assert_eq!(
            got,
            titles(&r, |p| p.role_card.as_ref() == Some(card)),
            "{card}"
        );
    }
    for c in r.competencies.iter().map(|c| &c.id) {
        let got = store.positions_requiring(c).await.expect("a list");
        let expected = titles(&r, |p| required(&r, p).contains(c));
        assert_eq!(got, expected, "{c}");
    }
}
