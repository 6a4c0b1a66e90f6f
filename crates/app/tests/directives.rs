//! Approval through the directive, against a real (SQLite) store: registering a directive
//! approves its annexes in the same transaction or writes nothing; an approval by hand must
//! agree with the registry's directives.

mod common;
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_app::{AppError, FixedClock, directives};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{Action, DirectiveApproval, TransitionError};
use ametijuhend_domain::{JobDescriptionId, Role, Status};
use ametijuhend_store::{Repository, revision_of};
use chrono::NaiveDate;
use common::*;

fn clock() -> FixedClock {
    FixedClock::on_day(day(2026, 3, 6))
}

/// Takes a version through coordination: submitted (when a draft), signed off by the
/// supervisor (a manager of the whole agency) and by HR, consent recorded when it is needed.
async fn coordinate(store: &dyn Repository, id: &JobDescriptionId) {
    let root = store
        .list_units()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.parent().is_none())
        .unwrap()
        .id;
    let manager = principal("juht", Role::Manager, Some(root), None);
    let hr = principal("hr", Role::Hr, None, None);
    let c = clock();
    let jd = store.get_job_description(id).await.unwrap().unwrap();
    if jd.status == Status::Draft {
        lifecycle::perform(store, &c, &hr, id, &Action::Submit)
            .await
            .unwrap();
    }
    let jd = store.get_job_description(id).await.unwrap().unwrap();
    if jd
        .workflow
        .sign_off(ametijuhend_domain::workflow::CoordinationParty::Supervisor)
        .is_none()
    {
        lifecycle::perform(
            store,
            &c,
            &manager,
            id,
            &Action::SignOffAsSupervisor { comment: None },
        )
        .await
        .unwrap();
    }
    if jd
        .workflow
        .sign_off(ametijuhend_domain::workflow::CoordinationParty::Hr)
        .is_none()
    {
        lifecycle::perform(store, &c, &hr, id, &Action::SignOffAsHr { comment: None })
            .await
            .unwrap();
    }
    let state = VersionState::load(store, id).await.unwrap().unwrap();
    if state.assessment().needs_consent && state.jd.workflow.consent.is_none() {
        let consent = Action::RecordConsent {
            given_on: day(2026, 3, 5),
            comment: None,
        };
        lifecycle::perform(store, &c, &hr, id, &consent)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn registering_a_directive_approves_its_annexes_or_writes_nothing() {
    let (store, dir) = store().await;
    let hr = principal("hr", Role::Hr, None, None);
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    let id = ids::unregistered_directive();
    let before = store.get_directive(&id).await.unwrap().unwrap();
    let register = |revision: Option<String>| {
        directives::Registration::new(" 1-1/124 ", day(2026, 3, 6), revision)
    };

    // Its annex is a draft: refused, naming the annex and why; nothing written.
    let err = directives::register(store.as_ref(), &clock(), &hr, &id, register(None))
        .await
        .expect_err("a draft annex cannot be approved");
    assert_eq!(
        (err.status(), err.code()),
        (409, "annexes_refused"),
        "{err}"
    );
    let AppError::AnnexesRefused(list) = &err else {
        panic!("{err}")
    };
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].annex, 1);
    assert!(
        matches!(list[0].reason, TransitionError::WrongStatus { .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("annex 1 (osakonna juhataja"),
        "{err}"
    );
    assert_eq!(store.get_directive(&id).await.unwrap().unwrap(), before);
    let v3 = store.get_job_description(&head_v3).await.unwrap().unwrap();
    assert_eq!(v3.status, Status::Draft);

    // Staff may not register at all.
    let staff = principal("tiit", Role::Staff, None, None);
    let err = directives::register(store.as_ref(), &clock(), &staff, &id, register(None))
        .await
        .expect_err("staff");
    assert_eq!(err.status(), 403, "{err}");

    coordinate(store.as_ref(), &head_v3).await;

    // A registration made from an older revision of the directive is stale.
    let err = directives::register(
        store.as_ref(),
        &clock(),
        &hr,
        &id,
        register(Some("0000000000000000".into())),
    )
    .await
    .expect_err("stale");
    assert_eq!((err.status(), err.code()), (409, "stale"), "{err}");

    let done = directives::register(
        store.as_ref(),
        &clock(),
        &hr,
        &id,
        register(Some(revision_of(&before))),
    )
    .await
    .expect("registered");
    assert_eq!(done.directive.number.as_deref(), Some("1-1/124"));
    let stored = store.get_directive(&id).await.unwrap().unwrap();
    assert_eq!(stored, done.directive);
    let v3 = store.get_job_description(&head_v3).await.unwrap().unwrap();
    let approval = v3.approval.clone().expect("approved by the directive");
    assert_eq!(approval.directive.as_ref(), Some(&id));
    assert_eq!(approval.directive_number.as_deref(), Some("1-1/124"));
    assert_eq!(approval.directive_date, Some(day(2026, 3, 6)));
    assert_eq!(approval.annex, Some(1));
    assert_eq!(v3.effective_from, stored.first_day_in_force());
    // The position is held: the version waits for its holder's acknowledgement.
    let position = store
        .get_position(&ids::head_of_department())
        .await
        .unwrap()
        .unwrap();
    assert!(position.holder_on(day(2026, 3, 6)).is_some());
    assert_eq!(v3.status, Status::Approved);
    assert_eq!(done.approved.len(), 1);
    let history = store.audit_history("directive", id.as_str()).await.unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.entry.action == "directive.registered")
    );
    let history = store
        .audit_history("position", ids::head_of_department().as_str())
        .await
        .unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.entry.action == "job_description.approve")
    );

    // Once only.
    let err = directives::register(store.as_ref(), &clock(), &hr, &id, register(None))
        .await
        .expect_err("once");
    assert_eq!(
        (err.status(), err.code()),
        (409, "already_registered"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

fn by_hand(number: &str, date: NaiveDate, annex: u32) -> Action {
    Action::Approve(DirectiveApproval {
        directive: None,
        number: number.into(),
        date,
        annex,
        effective_from: None,
        approved_by: None,
    })
}

#[tokio::test]
async fn an_approval_by_hand_must_agree_with_the_directives() {
    let (store, dir) = store().await;
    let hr = principal("hr", Role::Hr, None, None);
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1);
    coordinate(store.as_ref(), &head_v3).await;
    coordinate(store.as_ref(), &lawyer_v1).await;

    // An annex of a directive not yet registered is approved by registering it.
    let err = lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &head_v3,
        &by_hand("1-1/999", day(2026, 3, 1), 5),
    )
    .await
    .expect_err("disagrees");
    assert_eq!(
        (err.status(), err.code()),
        (409, "approval_disagrees_with_directive"),
        "{err}"
    );
    assert!(err.to_string().contains("not registered yet"), "{err}");

    // Directive 49's annex 2 is another version.
    let err = lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &by_hand("49", day(2023, 3, 6), 2),
    )
    .await
    .expect_err("another version's annex");
    assert!(err.to_string().contains("is another version"), "{err}");
    assert_eq!(
        store
            .get_job_description(&lawyer_v1)
            .await
            .unwrap()
            .unwrap()
            .status,
        Status::InCoordination
    );

    // Its annex 3 names no version yet: the approval is linked and the annex filled in.
    lifecycle::perform(
        store.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &by_hand("49", day(2023, 3, 6), 3),
    )
    .await
    .expect("linked to directive 49");
    let v = store
        .get_job_description(&lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v.status, Status::Approved);
    assert_eq!(v.approval.unwrap().directive, Some(ids::directive_49()));
    let d49 = store
        .get_directive(&ids::directive_49())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d49.annex_of(&lawyer_v1).map(|a| a.annex), Some(3));

    // A directive the registry does not have is recorded with the approval.
    let (store2, dir2) = self::store().await;
    coordinate(store2.as_ref(), &lawyer_v1).await;
    lifecycle::perform(
        store2.as_ref(),
        &clock(),
        &hr,
        &lawyer_v1,
        &by_hand("1-3/7", day(2019, 4, 2), 4),
    )
    .await
    .expect("approved outside the system");
    let v = store2
        .get_job_description(&lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    let d = store2
        .get_directive(v.approval.unwrap().directive.as_ref().unwrap())
        .await
        .unwrap()
        .expect("the directive is recorded");
    assert_eq!(d.number.as_deref(), Some("1-3/7"));
    assert_eq!(d.date, Some(day(2019, 4, 2)));
    assert_eq!(d.annex_of(&lawyer_v1).map(|a| a.annex), Some(4));
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}
