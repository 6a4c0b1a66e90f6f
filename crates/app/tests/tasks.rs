//! The task lists against a real (SQLite) store: each principal gets what waits for them, in
//! their scope, only actions they may take; taking the step removes the task.

mod common;
use ametijuhend_app::{Clock, FixedClock, lifecycle, tasks};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{Action, NextStep};
use ametijuhend_domain::{JobDescriptionId, Role};
use chrono::NaiveDate;
use common::*;

fn clock() -> FixedClock {
    FixedClock::on_day(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())
}

fn listed(t: &tasks::Tasks, step: NextStep) -> Vec<JobDescriptionId> {
    t.sections
        .iter()
        .filter(|s| s.step == step)
        .flat_map(|s| s.items.iter().map(|i| i.job_description.clone()))
        .collect()
}

#[tokio::test]
async fn each_principal_gets_what_waits_for_them() {
    let (store, dir) = store().await;
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1);
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    let division_v1 = ids::job_description(&ids::head_of_division(), 1);

    let hr = principal("hr", Role::Hr, None, None);
    let t = tasks::for_principal(store.as_ref(), &clock(), &hr, 10)
        .await
        .unwrap();
    assert!(
        listed(&t, NextStep::SignOffAsHr).contains(&lawyer_v1),
        "{t:?}"
    );
    assert!(
        listed(&t, NextStep::Acknowledge).contains(&division_v1),
        "{t:?}"
    );
    assert!(
        t.directives_to_register
            .iter()
            .any(|d| d.id == ids::unregistered_directive()),
        "{t:?}"
    );
    let sum: u64 = t.sections.iter().map(|s| s.total).sum();
    assert_eq!(t.total, sum + t.directives_to_register.len() as u64);
    let counted = tasks::count(store.as_ref(), &clock(), &hr).await.unwrap();
    assert_eq!(
        counted, t.total,
        "the navigation's count is the lists' total"
    );
    assert!(
        t.sections.iter().all(|s| s.total > 0),
        "only lists with tasks"
    );

    // A manager of the whole agency signs off and submits in their units.
    let manager = principal("juht", Role::Manager, Some(ids::agency()), None);
    let t = tasks::for_principal(store.as_ref(), &clock(), &manager, 10)
        .await
        .unwrap();
    assert!(
        listed(&t, NextStep::SignOffAsSupervisor).contains(&lawyer_v1),
        "{t:?}"
    );
    assert!(listed(&t, NextStep::Submit).contains(&head_v3), "{t:?}");
    assert!(
        listed(&t, NextStep::SignOffAsHr).is_empty(),
        "not HR's lists"
    );
    assert!(t.directives_to_register.is_empty());

    // The holder acknowledges their own position's approved version, and nothing else.
    let holder = principal("mari", Role::Staff, None, Some(ids::head_of_division()));
    let t = tasks::for_principal(store.as_ref(), &clock(), &holder, 10)
        .await
        .unwrap();
    assert_eq!(
        listed(&t, NextStep::Acknowledge),
        std::slice::from_ref(&division_v1),
        "{t:?}"
    );
    assert_eq!(t.sections.len(), 1, "{t:?}");

    // An auditor reads; nothing waits for them.
    let auditor = principal("aino", Role::Auditor, None, None);
    let t = tasks::for_principal(store.as_ref(), &clock(), &auditor, 10)
        .await
        .unwrap();
    assert_eq!(t.total, 0, "{t:?}");

    // Taking the step removes the task.
    lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &Action::SignOffAsHr { comment: None },
    )
    .await
    .unwrap();
    let t = tasks::for_principal(store.as_ref(), &clock(), &hr, 10)
        .await
        .unwrap();
    assert!(
        !listed(&t, NextStep::SignOffAsHr).contains(&lawyer_v1),
        "{t:?}"
    );

    // The full list, a page at a time.
    let pages = tasks::list(store.as_ref(), &clock(), &hr, NextStep::Acknowledge, 0, 1)
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].items.len() <= 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn where_no_account_is_the_supervisor_hr_signs_off_in_their_place() {
    let (store, dir) = store().await;
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1);
    let hr = principal("hr", Role::Hr, None, None);
    let (at, today) = (clock().timestamp(), clock().today());

    // No manager account at all: the supervisor's sign-off waits for HR, who may give it.
    let t = tasks::for_principal(store.as_ref(), &clock(), &hr, 10)
        .await
        .unwrap();
    assert!(
        listed(&t, NextStep::SignOffAsSupervisor).contains(&lawyer_v1),
        "{t:?}"
    );
    let vs = lifecycle::VersionState::load(store.as_ref(), &lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    assert!(!vs.supervisor_account);
    assert!(
        vs.available(&hr, at, today)
            .contains(&ametijuhend_domain::workflow::ActionKind::SignOffAsSupervisor)
    );

    // A manager account over the agency: the step is the manager's, not HR's.
    let manager = ametijuhend_store::User {
        id: uuid::Uuid::new_v4().to_string(),
        username: "juht".into(),
        display_name: "Juht".into(),
        roles: vec![Role::Manager],
        unit: Some(ids::agency()),
        position: None,
        language: "et".into(),
        created_at: at,
    };
    store.create_user(&manager, "x").await.unwrap();
    let t = tasks::for_principal(store.as_ref(), &clock(), &hr, 10)
        .await
        .unwrap();
    assert!(
        listed(&t, NextStep::SignOffAsSupervisor).is_empty(),
        "{t:?}"
    );
    let vs = lifecycle::VersionState::load(store.as_ref(), &lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    assert!(vs.supervisor_account);
    assert!(
        !vs.available(&hr, at, today)
            .contains(&ametijuhend_domain::workflow::ActionKind::SignOffAsSupervisor)
    );
    let refused = lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &Action::SignOffAsSupervisor { comment: None },
    )
    .await;
    assert!(refused.is_err(), "{refused:?}");
    let _ = std::fs::remove_dir_all(dir);
}
