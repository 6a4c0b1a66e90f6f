//! Superseded and repealed versions are read-only: for every account, nothing is offered on
//! them, and every lifecycle action, discarding, issuing a container for signing and attaching
//! a signed one is refused — nothing is written. An approved version overtaken by a newer
//! version in force is not offered for putting in force either.

mod common;
use ametijuhend_app::discard::{DiscardCommand, discard};
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_app::signatures::{AttachCommand, SignedRecord, attach, issue};
use ametijuhend_app::{FixedClock, Principal};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{Action, ActionKind, DirectiveApproval};
use ametijuhend_domain::{JobDescriptionId, Role, Status};
use ametijuhend_store::Store;
use chrono::NaiveDate;
use common::*;

fn today() -> NaiveDate {
    day(2026, 3, 6)
}

/// Every kind of account, each related to the positions in every way there is.
fn everyone() -> Vec<Principal> {
    let mut who = vec![
        principal("hr", Role::Hr, None, None),
        principal("admin", Role::Administrator, None, None),
        principal("juht", Role::Manager, Some(ids::agency()), None),
        principal("auditor", Role::Auditor, None, None),
    ];
    for p in sample().positions {
        who.push(principal(
            &format!("holder-{}", p.id),
            Role::Staff,
            None,
            Some(p.id.clone()),
        ));
        who.push(principal(
            &format!("manager-{}", p.id),
            Role::Manager,
            Some(p.unit.clone()),
            p.supervisor.clone(),
        ));
    }
    who
}

/// Every action, with input a form would send (superseding: by the position's version in force).
fn every_action(by: &JobDescriptionId) -> Vec<Action> {
    ActionKind::ALL
        .into_iter()
        .map(|kind| match kind {
            ActionKind::Submit => Action::Submit,
            ActionKind::SignOffAsSupervisor => Action::SignOffAsSupervisor { comment: None },
            ActionKind::SignOffAsHr => Action::SignOffAsHr { comment: None },
            ActionKind::Return => Action::Return {
                comment: "Muuda.".into(),
            },
            ActionKind::Withdraw => Action::Withdraw { comment: None },
            ActionKind::RecordConsent => Action::RecordConsent {
                given_on: today(),
                comment: None,
            },
            ActionKind::Approve => Action::Approve(DirectiveApproval {
                directive: None,
                number: "1-1/77".into(),
                date: today(),
                annex: 1,
                effective_from: None,
                approved_by: None,
            }),
            ActionKind::Acknowledge => Action::Acknowledge {
                date: today(),
                holder: None,
            },
            ActionKind::PutInForce => Action::PutInForce,
            ActionKind::Supersede => Action::Supersede { by: by.clone() },
            ActionKind::Repeal => Action::Repeal {
                reason: "Vananenud.".into(),
            },
        })
        .collect()
}

/// The registry, its revision and the audit trail: what a refusal must leave as it was.
async fn snapshot(store: &Store) -> (String, u64, usize) {
    (
        serde_json::to_string(&store.export().await.unwrap()).unwrap(),
        store.revision().await.unwrap(),
        store.recent_audit(1000).await.unwrap().len(),
    )
}

#[tokio::test]
async fn superseded_and_repealed_versions_take_no_action() {
    let (store, dir) = store().await;
    let clock = FixedClock::on_day(today());
    let at = ametijuhend_app::Clock::timestamp(&clock);
    let superseded = ids::job_description(&ids::head_of_department(), 1);
    let repealed = ids::job_description(&ids::star_support(), 1);
    let successors = [
        (
            superseded.clone(),
            Status::Superseded,
            ids::job_description(&ids::head_of_department(), 2),
        ),
        (
            repealed.clone(),
            Status::Repealed,
            ids::job_description(&ids::star_support(), 2),
        ),
    ];
    let before = snapshot(&store).await;
    let mut refused = 0;
    for (id, status, by) in &successors {
        let state = VersionState::load(store.as_ref(), id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(state.jd.status, *status);
        for who in everyone() {
            let name = who.account().to_string();
            assert!(
                state.available(&who, at, today()).is_empty(),
                "{name} is offered an action on a {status:?} version"
            );
            assert_eq!(
                state.may_discard(&who).unwrap_err().code(),
                "not_a_draft",
                "{name}"
            );
            for action in every_action(by) {
                let e = lifecycle::perform(store.as_ref(), &clock, &who, id, &action)
                    .await
                    .unwrap_err();
                assert_eq!(
                    (e.status(), e.code()),
                    (409, "wrong_status"),
                    "{name}: {} on a {status:?} version",
                    action.kind().as_str()
                );
                refused += 1;
            }
            let e = discard(store.as_ref(), &clock, &who, id, &DiscardCommand::default())
                .await
                .unwrap_err();
            assert_eq!((e.status(), e.code()), (409, "not_a_draft"), "{name}");
        }
        // Not issued for signing, and no signed container taken (checked before the bytes).
        let record = SignedRecord::JobDescription(id.clone());
        let hr = principal("hr", Role::Hr, None, None);
        let e = issue(store.as_ref(), &clock, &hr, &record)
            .await
            .unwrap_err();
        assert_eq!((e.status(), e.code()), (409, "read_only"), "{e}");
        let cmd = AttachCommand::new(record, "allkirjastatud.asice", b"PK".to_vec()).unwrap();
        let e = attach(store.as_ref(), &clock, &hr, cmd).await.unwrap_err();
        assert_eq!((e.status(), e.code()), (409, "read_only"), "{e}");
        assert!(e.to_string().contains(status.as_str()), "{e}");
    }
    assert!(refused > 100, "{refused} refusals");
    assert_eq!(snapshot(&store).await, before, "nothing was written");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn an_approved_version_overtaken_by_a_newer_one_in_force_is_not_put_in_force() {
    // The division head's version 1 is approved; version 2 went in force before it.
    let mut r = sample();
    let v1 = r
        .job_description(&ids::job_description(&ids::head_of_division(), 1))
        .unwrap()
        .clone();
    assert_eq!(v1.status, Status::Approved);
    let mut v2 = v1.clone();
    v2.id = ids::job_description(&ids::head_of_division(), 2);
    v2.version = 2;
    v2.status = Status::InForce;
    r.job_descriptions.push(v2);
    r.canonicalize();
    let (store, dir) = store_of(&r).await;
    let clock = FixedClock::on_day(today());
    let at = ametijuhend_app::Clock::timestamp(&clock);
    let state = VersionState::load(store.as_ref(), &v1.id)
        .await
        .unwrap()
        .unwrap();
    for who in everyone() {
        assert!(
            !state
                .available(&who, at, today())
                .contains(&ActionKind::PutInForce),
            "{}",
            who.account()
        );
    }
    let hr = principal("hr", Role::Hr, None, None);
    let e = lifecycle::perform(store.as_ref(), &clock, &hr, &v1.id, &Action::PutInForce)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "older_than_in_force", "{e}");
    let _ = std::fs::remove_dir_all(dir);
}
