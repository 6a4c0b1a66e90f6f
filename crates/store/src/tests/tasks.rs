//! Task lists on both backends: the versions waiting for a step in a scope are exactly those
//! the domain's `next_steps` names, paged; steps missing from versions stored before they were
//! kept are filled in when the store is opened.

use super::{TempDir, sample};
use crate::{RestoreMode, Store, TaskScope, open};
use ametijuhend_domain::workflow::{NextStep, next_steps};
use ametijuhend_domain::{JobDescriptionId, Registry};
use chrono::NaiveDate;
use std::collections::BTreeSet;

fn expected(
    r: &Registry,
    step: NextStep,
    keep: impl Fn(&ametijuhend_domain::JobDescription) -> bool,
) -> BTreeSet<JobDescriptionId> {
    r.job_descriptions
        .iter()
        .filter(|jd| next_steps(jd).contains(&step) && keep(jd))
        .map(|jd| jd.id.clone())
        .collect()
}

async fn got(
    store: &Store,
    step: NextStep,
    scope: &TaskScope,
    due_by: Option<NaiveDate>,
) -> BTreeSet<JobDescriptionId> {
    let mut all = BTreeSet::new();
    let mut offset = 0;
    loop {
        let (total, rows) = store
            .task_rows(step, scope, due_by, offset, 1)
            .await
            .expect("task rows");
        if rows.is_empty() {
            assert_eq!(total as usize, all.len(), "{step:?} {scope:?}");
            return all;
        }
        assert!(rows.len() <= 1, "a page holds at most its limit");
        offset += 1;
        all.extend(rows.into_iter().map(|r| r.job_description));
    }
}

pub(in crate::tests) async fn task_rows_are_the_versions_waiting_for_a_step(store: Store) {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");
    let mut seen = 0;
    for step in NextStep::ALL {
        let want = expected(&r, step, |_| true);
        seen += want.len();
        assert_eq!(
            got(&store, step, &TaskScope::All, None).await,
            want,
            "{step:?}"
        );
        for p in &r.positions {
            let scope = TaskScope::Position(p.id.clone());
            let want = expected(&r, step, |jd| jd.position == p.id);
            assert_eq!(got(&store, step, &scope, None).await, want, "{step:?}");
            let scope = TaskScope::Units(vec![p.unit.clone()]);
            let unit = |jd: &ametijuhend_domain::JobDescription| {
                r.position(&jd.position).is_some_and(|q| q.unit == p.unit)
            };
            assert_eq!(
                got(&store, step, &scope, None).await,
                expected(&r, step, unit)
            );
            if let Some(sup) = &p.supervisor {
                let scope = TaskScope::Supervised {
                    by: sup.clone(),
                    units: vec![p.unit.clone()],
                };
                let under = |jd: &ametijuhend_domain::JobDescription| {
                    r.position(&jd.position)
                        .is_some_and(|q| q.unit == p.unit && q.supervisor.as_ref() == Some(sup))
                };
                assert_eq!(
                    got(&store, step, &scope, None).await,
                    expected(&r, step, under)
                );
            }
        }
        for jd in &r.job_descriptions {
            if let Some(by) = &jd.created_by {
                let scope = TaskScope::CreatedBy(by.clone());
                let mine =
                    |v: &ametijuhend_domain::JobDescription| v.created_by.as_ref() == Some(by);
                assert_eq!(
                    got(&store, step, &scope, None).await,
                    expected(&r, step, mine)
                );
            }
        }
        for (y, m, d) in [(1900, 1, 1), (2024, 1, 1), (2100, 12, 31)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let due = |jd: &ametijuhend_domain::JobDescription| {
                jd.effective_from.is_some_and(|f| f <= day)
            };
            assert_eq!(
                got(&store, step, &TaskScope::All, Some(day)).await,
                expected(&r, step, due)
            );
        }
    }
    assert!(seen > 3, "the sample has versions waiting for steps");
    assert!(
        got(&store, NextStep::Submit, &TaskScope::Units(vec![]), None)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn versions_stored_before_their_steps_were_kept_get_them_when_the_store_opens() {
    let dir = TempDir::new();
    let store = open(None, &dir.0).await.expect("opens");
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    drop(store);
    {
        use sqlx::Connection as _;
        let url = format!("sqlite://{}", dir.0.join("registry.db").display());
        let mut c = sqlx::SqliteConnection::connect(&url)
            .await
            .expect("connects");
        sqlx::query("UPDATE job_descriptions SET next_steps = NULL")
            .execute(&mut c)
            .await
            .expect("clears the steps");
        c.close().await.expect("closes");
    }
    let store = open(None, &dir.0).await.expect("opens again");
    assert_eq!(store.fill_next_steps().await.expect("nothing left"), 0);
    for step in NextStep::ALL {
        assert_eq!(
            got(&store, step, &TaskScope::All, None).await,
            expected(&r, step, |_| true),
            "{step:?}"
        );
    }
}
