//! Only actions that would succeed are offered: for every version of the sample registry and
//! every kind of account, each action the lifecycle panel offers is performed (on a fresh copy
//! of the registry, with the input its form sends by default) and must succeed. Discarding a
//! draft (not a transition, offered beside them) is covered the same way.

mod common;
use ametijuhend_app::FixedClock;
use ametijuhend_app::discard::{DiscardCommand, discard};
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{Action, ActionKind, DirectiveApproval, new_version_draft};
use ametijuhend_domain::{JobDescriptionId, Registry, Role};
use chrono::NaiveDate;
use common::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 6).unwrap()
}

/// The action as its form sends it by default (dates today, a comment where one is required).
fn as_form_sends(kind: ActionKind) -> Action {
    match kind {
        ActionKind::Submit => Action::Submit,
        ActionKind::SignOffAsSupervisor => Action::SignOffAsSupervisor { comment: None },
        ActionKind::SignOffAsHr => Action::SignOffAsHr { comment: None },
        ActionKind::Return => Action::Return {
            comment: "Täpsusta eesmärki.".into(),
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
        ActionKind::Supersede | ActionKind::Repeal => Action::Repeal {
            reason: "Ametikoht kaotatakse.".into(),
        },
    }
}

/// The sample registry with one more draft that nothing refers to (a new version of the
/// division head's job description), so that discarding is offered somewhere.
fn with_free_draft() -> Registry {
    let mut r = sample();
    let base = r
        .job_description(&ids::job_description(&ids::head_of_division(), 1))
        .unwrap()
        .clone();
    let at = ametijuhend_domain::Timestamp::parse("2026-03-01T08:00:00Z").unwrap();
    r.job_descriptions.push(new_version_draft(
        &base,
        JobDescriptionId::derived("offered:free-draft"),
        2,
        at,
        Some("hr".into()),
    ));
    r.canonicalize();
    r
}

#[tokio::test]
async fn every_offered_action_succeeds() {
    let r = with_free_draft();
    let clock = FixedClock::on_day(today());
    let mut who = vec![
        principal("hr", Role::Hr, None, None),
        principal("admin", Role::Administrator, None, None),
        principal("juht", Role::Manager, Some(ids::agency()), None),
        principal("auditor", Role::Auditor, None, None),
    ];
    for p in &r.positions {
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
    let (reader, dir) = store_of(&r).await;
    let mut tried = 0;
    let mut discarded = 0;
    let mut offered_nothing = 0;
    for jd in &r.job_descriptions {
        let state = VersionState::load(reader.as_ref(), &jd.id)
            .await
            .unwrap()
            .unwrap();
        for p in &who {
            let offered = state.available(p, clock_now(&clock), today());
            let may_discard = state.may_discard(p).is_ok();
            if offered.is_empty() && !may_discard {
                offered_nothing += 1;
            }
            if may_discard {
                let (fresh, fresh_dir) = store_of(&r).await;
                let done = discard(
                    fresh.as_ref(),
                    &clock,
                    p,
                    &jd.id,
                    &DiscardCommand::new(None).unwrap(),
                )
                .await;
                assert!(
                    done.is_ok(),
                    "{} was offered discarding version {} ({:?}) but it was refused: {}",
                    p.account(),
                    jd.version,
                    jd.status,
                    done.unwrap_err()
                );
                discarded += 1;
                let _ = std::fs::remove_dir_all(fresh_dir);
            }
            for kind in offered {
                let (fresh, fresh_dir) = store_of(&r).await;
                let done =
                    lifecycle::perform(fresh.as_ref(), &clock, p, &jd.id, &as_form_sends(kind))
                        .await;
                assert!(
                    done.is_ok(),
                    "{} was offered {} on version {} ({:?}) but it was refused: {}",
                    p.account(),
                    kind.as_str(),
                    jd.version,
                    jd.status,
                    done.unwrap_err()
                );
                tried += 1;
                let _ = std::fs::remove_dir_all(fresh_dir);
            }
        }
    }
    assert!(tried >= 10, "the sample offers actions to try ({tried})");
    assert!(
        discarded >= 3,
        "discarding the free draft is offered ({discarded})"
    );
    assert!(offered_nothing > 0, "and some accounts are offered nothing");
    let _ = std::fs::remove_dir_all(dir);
}

fn clock_now(c: &FixedClock) -> ametijuhend_domain::Timestamp {
    ametijuhend_app::Clock::timestamp(c)
}

#[tokio::test]
async fn refused_actions_are_not_offered() {
    let r = sample();
    let (store, dir) = store_of(&r).await;
    let clock = FixedClock::on_day(today());
    let hr = principal("hr", Role::Hr, None, None);
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1);
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    // After HR signed off, HR's sign-off is no longer offered.
    let before = VersionState::load(store.as_ref(), &lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    let now = clock_now(&clock);
    assert!(
        before
            .available(&hr, now, today())
            .contains(&ActionKind::SignOffAsHr)
    );
    assert!(
        !before
            .available(&hr, now, today())
            .contains(&ActionKind::Approve),
        "not before both sign-offs"
    );
    lifecycle::perform(
        store.as_ref(),
        &clock,
        &hr,
        &lawyer_v1,
        &Action::SignOffAsHr { comment: None },
    )
    .await
    .unwrap();
    let after = VersionState::load(store.as_ref(), &lawyer_v1)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !after
            .available(&hr, now, today())
            .contains(&ActionKind::SignOffAsHr)
    );
    // A draft that is an annex of a directive not yet registered is approved by registering it.
    let v3 = VersionState::load(store.as_ref(), &head_v3)
        .await
        .unwrap()
        .unwrap();
    assert!(!v3.directives.is_empty());
    assert!(
        !v3.available(&hr, now, today())
            .contains(&ActionKind::Approve)
    );
    // Nor is such a draft offered for discarding: the directive refers to it.
    assert_eq!(
        v3.may_discard(&hr).unwrap_err().code(),
        "annex_of_directive"
    );
    let _ = std::fs::remove_dir_all(dir);
}
