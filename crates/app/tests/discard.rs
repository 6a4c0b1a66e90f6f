//! Discarding a draft against a real (SQLite) store: who may, what is refused (nothing
//! written), and what a discarded draft leaves: an audit entry with its content, no task.

mod common;
use ametijuhend_app::discard::{DiscardCommand, discard};
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_app::{AppError, FixedClock, Principal, tasks};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{Action, NextStep, new_version_draft};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Role, Status};
use ametijuhend_store::{ChangeSet, Store, revision_of};
use common::*;

fn clock() -> FixedClock {
    FixedClock::on_day(day(2026, 3, 6))
}

/// Adds a new draft (version 2) of the division head's position, which nothing refers to.
async fn free_draft(store: &Store) -> JobDescription {
    let base = store
        .get_job_description(&ids::job_description(&ids::head_of_division(), 1))
        .await
        .unwrap()
        .unwrap();
    let draft = new_version_draft(
        &base,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        2,
        ametijuhend_app::Clock::timestamp(&clock()),
        Some("juht".into()),
    );
    store
        .apply(&ChangeSet {
            job_descriptions: vec![draft.clone()],
            ..ChangeSet::default()
        })
        .await
        .unwrap();
    draft
}

/// The registry, its revision and the audit trail: what a refusal must leave as it was.
async fn snapshot(store: &Store) -> (String, u64, usize) {
    (
        serde_json::to_string(&store.export().await.unwrap()).unwrap(),
        store.revision().await.unwrap(),
        store.recent_audit(1000).await.unwrap().len(),
    )
}

fn none() -> DiscardCommand {
    DiscardCommand::new(None).unwrap()
}

async fn to_submit(store: &Store, who: &Principal) -> Vec<JobDescriptionId> {
    let t = tasks::for_principal(store.as_ref(), &clock(), who, 50)
        .await
        .unwrap();
    t.sections
        .iter()
        .filter(|s| s.step == NextStep::Submit)
        .flat_map(|s| s.items.iter().map(|i| i.job_description.clone()))
        .collect()
}

#[tokio::test]
async fn whoever_may_edit_a_draft_discards_it() {
    let allowed = [
        principal("hr", Role::Hr, None, None),
        principal("admin", Role::Administrator, None, None),
        // The manager of the services department, whom the division head reports to …
        principal(
            "juht",
            Role::Manager,
            Some(ids::services_department()),
            Some(ids::head_of_department()),
        ),
        // … and the division's own manager: whoever may edit the position's drafts.
        principal(
            "talitus",
            Role::Manager,
            Some(ids::family_benefits_division()),
            Some(ids::head_of_division()),
        ),
    ];
    // The agency's manager has every draft of the agency to submit.
    let lists = principal("agency", Role::Manager, Some(ids::agency()), None);
    for who in allowed {
        let (store, dir) = store().await;
        let draft = free_draft(&store).await;
        assert!(to_submit(&store, &lists).await.contains(&draft.id));
        let revision = revision_of(&draft);
        let done = discard(
            store.as_ref(),
            &clock(),
            &who,
            &draft.id,
            &DiscardCommand::new(Some(&revision)).unwrap(),
        )
        .await
        .unwrap_or_else(|e| panic!("{} may discard it: {e}", who.account()));
        assert_eq!(done.jd, draft);
        assert_eq!(done.position.id, ids::head_of_division());
        assert_eq!(store.get_job_description(&draft.id).await.unwrap(), None);
        assert!(
            !to_submit(&store, &lists).await.contains(&draft.id),
            "the task list no longer shows it"
        );
        let history = store
            .audit_history("position", ids::head_of_division().as_str())
            .await
            .unwrap();
        let last = &history.last().unwrap().entry;
        assert_eq!(
            (last.action.as_str(), last.actor.as_str()),
            ("job_description.discarded", who.account())
        );
        assert_eq!(
            last.before,
            Some(serde_json::to_value(&draft).unwrap()),
            "the history keeps the discarded content"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn nobody_else_discards_and_a_refusal_writes_nothing() {
    let (store, dir) = store().await;
    let draft = free_draft(&store).await;
    let before = snapshot(&store).await;
    let refused = [
        principal("it", Role::Manager, Some(ids::it_department()), None),
        principal("holder", Role::Staff, None, Some(ids::head_of_division())),
        principal("auditor", Role::Auditor, None, None),
    ];
    for who in &refused {
        let e = discard(store.as_ref(), &clock(), who, &draft.id, &none())
            .await
            .unwrap_err();
        assert_eq!((e.status(), e.code()), (403, "not_permitted"), "{e}");
        let state = VersionState::load(store.as_ref(), &draft.id)
            .await
            .unwrap()
            .unwrap();
        assert!(state.may_discard(who).is_err(), "not offered either");
    }
    // A revision other than the stored one: the client saw another version.
    let e = discard(
        store.as_ref(),
        &clock(),
        &principal("hr", Role::Hr, None, None),
        &draft.id,
        &DiscardCommand::new(Some("00000000000000ff")).unwrap(),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::Stale { .. }), "{e}");
    assert_eq!(e.status(), 409);
    assert_eq!(snapshot(&store).await, before, "nothing was written");
    assert_eq!(
        DiscardCommand::new(Some("not a revision"))
            .unwrap_err()
            .code(),
        "invalid"
    );
    let e = discard(
        store.as_ref(),
        &clock(),
        &principal("hr", Role::Hr, None, None),
        &JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        &none(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.status(), 404);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn only_an_unreferenced_draft_is_discarded() {
    let (store, dir) = store().await;
    let hr = principal("hr", Role::Hr, None, None);
    let before = snapshot(&store).await;
    // Every version of the sample that is not a draft: a document of record, or in coordination.
    for jd in sample().job_descriptions {
        let e = discard(store.as_ref(), &clock(), &hr, &jd.id, &none()).await;
        match jd.status {
            Status::Draft => {
                // The department head's draft is an annex of a directive not yet registered.
                let e = e.unwrap_err();
                assert_eq!((e.status(), e.code()), (409, "annex_of_directive"), "{e}");
                assert!(e.to_string().contains("annex 1"), "{e}");
            }
            status => {
                let e = e.unwrap_err();
                assert_eq!((e.status(), e.code()), (409, "not_a_draft"), "{status:?}");
            }
        }
    }
    assert_eq!(snapshot(&store).await, before, "nothing was written");

    // A version returned to draft is a draft: discarded.
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1);
    lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &Action::Return {
            comment: "Ei ole enam vaja.".into(),
        },
    )
    .await
    .unwrap();
    discard(store.as_ref(), &clock(), &hr, &lawyer_v1, &none())
        .await
        .unwrap();
    assert!(
        store
            .list_job_descriptions(&ids::lawyer())
            .await
            .unwrap()
            .is_empty()
    );
    let _ = std::fs::remove_dir_all(dir);
}
