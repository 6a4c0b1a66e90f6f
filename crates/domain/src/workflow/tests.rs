//! State machine tests: every action from every status, by every kind of actor, and each
//! precondition.

use super::*;
use crate::consent::{ConsentPolicy, classify};
use crate::fixtures::{at, day, peakasutaja, peakasutaja_draft};
use crate::ids::PositionId;
use crate::position::StaffGroup;

mod preconditions;

fn actor(account: &str, roles: &[Role], is_supervisor: bool, is_holder: bool) -> Actor {
    Actor {
        account: account.into(),
        name: Some(format!("{account} name")),
        roles: roles.to_vec(),
        is_supervisor,
        is_holder,
        no_supervisor_account: false,
    }
}

fn admin() -> Actor {
    actor("admin", &[Role::Administrator], false, false)
}
fn hr() -> Actor {
    actor("hr", &[Role::Hr], false, false)
}
fn supervisor() -> Actor {
    actor("juht", &[Role::Manager], true, false)
}
fn other_manager() -> Actor {
    actor("teine.juht", &[Role::Manager], false, false)
}
fn holder() -> Actor {
    actor("holder", &[Role::Staff], false, true)
}
fn staff() -> Actor {
    actor("staff", &[Role::Staff], false, false)
}
fn auditor() -> Actor {
    actor("auditor", &[Role::Auditor], true, true)
}

const NOW: &str = "2024-05-02T09:00:00Z";

fn not_needed() -> ConsentAssessment {
    classify(
        Some(&peakasutaja()),
        &peakasutaja_draft(),
        StaffGroup::Official,
        &ConsentPolicy::default(),
    )
}

/// An assessment that needs consent: the draft's purpose changed.
fn purpose_changed() -> (JobDescription, ConsentAssessment) {
    let mut jd = peakasutaja_draft();
    jd.purpose = "Ametikoha eesmärk on perehüvitiste eelarve ja hangete eest vastutamine.".into();
    let a = classify(
        Some(&peakasutaja()),
        &jd,
        StaffGroup::Official,
        &ConsentPolicy::default(),
    );
    assert!(a.needs_consent);
    (jd, a)
}

fn signed_off(mut jd: JobDescription) -> JobDescription {
    jd.status = Status::InCoordination;
    for (party, by) in [
        (CoordinationParty::Supervisor, "juht"),
        (CoordinationParty::Hr, "personal"),
    ] {
        jd.workflow.sign_offs.push(SignOff {
            party,
            by: by.into(),
            at: at("2024-05-01T09:00:00Z"),
            comment: None,
        });
    }
    jd
}

fn directive(date: NaiveDate, effective_from: Option<NaiveDate>) -> DirectiveApproval {
    DirectiveApproval {
        directive: None,
        number: "1-3/112".into(),
        date,
        annex: 2,
        effective_from,
        approved_by: Some("Sotsiaalkindlustusameti peadirektori".into()),
    }
}

fn approved(status: Status) -> JobDescription {
    let mut jd = peakasutaja_draft();
    jd.status = status;
    jd.approval = Some(crate::job_description::Approval {
        directive_number: Some("1-3/112".into()),
        directive_date: Some(day(2024, 4, 15)),
        annex: Some(2),
        ..Default::default()
    });
    jd.effective_from = Some(day(2024, 4, 15));
    jd
}

/// Everything one case needs: the version, the action and what the context refers to.
struct Case {
    jd: JobDescription,
    action: Action,
    consent: Option<ConsentAssessment>,
    successor: Option<JobDescription>,
}

impl Case {
    fn run(&self, who: &Actor) -> Result<TransitionOutcome, TransitionError> {
        let ctx = TransitionContext {
            consent: self.consent.as_ref(),
            successor: self.successor.as_ref(),
            ..TransitionContext::default()
        };
        transition(&self.jd, &self.action, who, at(NOW), &ctx)
    }
}

/// A case of `kind` whose preconditions hold, so that only status and role decide.
fn case(kind: ActionKind) -> Case {
    let mut c = Case {
        jd: peakasutaja_draft(),
        action: Action::Submit,
        consent: Some(not_needed()),
        successor: None,
    };
    match kind {
        ActionKind::Submit => {}
        ActionKind::SignOffAsSupervisor | ActionKind::SignOffAsHr => {
            c.jd.status = Status::InCoordination;
            c.action = if kind == ActionKind::SignOffAsHr {
                Action::SignOffAsHr { comment: None }
            } else {
                Action::SignOffAsSupervisor { comment: None }
            };
        }
        ActionKind::Return => {
            c.jd.status = Status::InCoordination;
            c.action = Action::Return {
                comment: "3.5: kirjelda tööriistad üldisemalt".into(),
            };
        }
        ActionKind::Withdraw => {
            c.jd.status = Status::InCoordination;
            c.action = Action::Withdraw { comment: None };
        }
        ActionKind::RecordConsent => {
            let (jd, a) = purpose_changed();
            c.jd = jd;
            c.consent = Some(a);
            c.action = Action::RecordConsent {
                given_on: day(2024, 5, 2),
                comment: None,
            };
        }
        ActionKind::Approve => {
            c.jd = signed_off(peakasutaja_draft());
            c.action = Action::Approve(directive(day(2024, 5, 2), None));
        }
        ActionKind::Acknowledge => {
            c.jd = approved(Status::Approved);
            c.action = Action::Acknowledge {
                date: day(2024, 4, 20),
                holder: None,
            };
        }
        ActionKind::PutInForce => {
            c.jd = approved(Status::Signed);
            c.action = Action::PutInForce;
        }
        ActionKind::Supersede => {
            c.jd = peakasutaja();
            let mut next = approved(Status::InForce);
            next.version = 2;
            c.action = Action::Supersede {
                by: next.id.clone(),
            };
            c.successor = Some(next);
        }
        ActionKind::Repeal => {
            c.jd = peakasutaja();
            c.action = Action::Repeal {
                reason: "ametikoht kaotatakse 01.06.2024".into(),
            };
        }
    }
    c
}

/// Who may do what: the expected permissions, as a table.
#[test]
fn every_action_by_every_actor() {
    let actors = [
        admin(),
        hr(),
        supervisor(),
        other_manager(),
        holder(),
        staff(),
        auditor(),
    ];
    // admin, hr, supervisor, other manager, holder, staff, auditor
    let table: [(ActionKind, [bool; 7]); 10] = [
        (
            ActionKind::Submit,
            [true, true, true, false, false, false, false],
        ),
        (
            ActionKind::SignOffAsSupervisor,
            [false, false, true, false, false, false, false],
        ),
        (
            ActionKind::SignOffAsHr,
            [false, true, false, false, false, false, false],
        ),
        (
            ActionKind::Return,
            [false, true, true, false, false, false, false],
        ),
        (
            ActionKind::RecordConsent,
            [true, true, false, false, true, false, false],
        ),
        (
            ActionKind::Approve,
            [true, true, false, false, false, false, false],
        ),
        (
            ActionKind::Acknowledge,
            [true, true, false, false, true, false, false],
        ),
        (
            ActionKind::PutInForce,
            [true, true, false, false, false, false, false],
        ),
        (
            ActionKind::Supersede,
            [true, true, false, false, false, false, false],
        ),
        (
            ActionKind::Repeal,
            [true, true, false, false, false, false, false],
        ),
    ];
    for (kind, allowed) in table {
        let c = case(kind);
        for (who, allowed) in actors.iter().zip(allowed) {
            let result = c.run(who);
            match (allowed, &result) {
                (true, Ok(o)) => {
                    assert_eq!(o.record.action, kind);
                    assert_eq!(o.to, kind.to_status(c.jd.status));
                }
                (false, Err(e)) => assert_eq!(
                    e.code(),
                    "not_permitted",
                    "{kind:?} by {}: {e}",
                    who.account
                ),
                _ => panic!(
                    "{kind:?} by {}: expected allowed={allowed}, got {result:?}",
                    who.account
                ),
            }
        }
    }
}

#[test]
fn every_action_from_every_status() {
    let mut everyone = actor(
        "everyone",
        &[Role::Administrator, Role::Hr, Role::Manager],
        true,
        true,
    );
    everyone.roles.push(Role::Staff);
    for kind in ActionKind::ALL {
        let c = case(kind);
        assert!(c.run(&everyone).is_ok(), "{kind:?} from {:?}", c.jd.status);
        for status in Status::ALL {
            if kind.from_statuses().contains(&status) {
                continue;
            }
            let mut c = case(kind);
            c.jd.status = status;
            let err = c.run(&everyone).unwrap_err();
            assert_eq!(err.code(), "wrong_status", "{kind:?} from {status:?}");
            assert!(err.to_string().contains(status.as_str()), "{err}");
        }
    }
}

#[test]
fn the_whole_lifecycle_leaves_a_history() {
    let mut jd = peakasutaja_draft();
    let consent = not_needed();
    let ctx = TransitionContext {
        consent: Some(&consent),
        ..TransitionContext::default()
    };
    let steps = [
        (
            Action::Submit,
            supervisor(),
            "2024-04-02T08:00:00Z",
            Status::InCoordination,
        ),
        (
            Action::SignOffAsSupervisor {
                comment: Some("korras".into()),
            },
            supervisor(),
            "2024-04-03T08:00:00Z",
            Status::InCoordination,
        ),
        (
            Action::SignOffAsHr { comment: None },
            hr(),
            "2024-04-04T08:00:00Z",
            Status::InCoordination,
        ),
        (
            Action::Approve(directive(day(2024, 4, 10), None)),
            hr(),
            "2024-04-10T12:00:00Z",
            Status::Approved,
        ),
        (
            Action::Acknowledge {
                date: day(2024, 4, 11),
                holder: None,
            },
            holder(),
            "2024-04-11T12:00:00Z",
            Status::Signed,
        ),
        (
            Action::PutInForce,
            hr(),
            "2024-04-12T05:00:00Z",
            Status::InForce,
        ),
    ];
    for (action, who, when, expected) in steps {
        let o = perform(&mut jd, &action, &who, at(when), &ctx).unwrap();
        assert_eq!(jd.status, expected);
        assert_eq!(o.to, expected);
    }
    let h = &jd.workflow.history;
    assert_eq!(h.len(), 6);
    assert_eq!(h[0].capacity, Capacity::Supervisor);
    assert_eq!(h[1].comment.as_deref(), Some("korras"));
    assert_eq!(
        (h[3].from, h[3].to, h[3].by.as_str()),
        (Status::InCoordination, Status::Approved, "hr")
    );
    assert_eq!(h[4].capacity, Capacity::Holder);
    let a = jd.approval.as_ref().unwrap();
    assert_eq!(
        (a.directive_number.as_deref(), a.annex),
        (Some("1-3/112"), Some(2))
    );
    assert_eq!(jd.effective_from, Some(day(2024, 4, 10)));
    let s = jd.signatures.last().unwrap();
    assert_eq!(
        (s.party, s.date, s.name.as_deref()),
        (
            SignatureParty::Holder,
            Some(day(2024, 4, 11)),
            Some("holder name")
        )
    );
    assert!(jd.workflow.coordination_complete());
    assert_eq!(jd.workflow.approved_at(), Some(at("2024-04-10T12:00:00Z")));
    assert!(!can_edit(jd.status));

    // The interchange keeps all of it.
    let json = serde_json::to_string(&jd).unwrap();
    let back: JobDescription = serde_json::from_str(&json).unwrap();
    assert_eq!(back, jd);
}

#[test]
fn an_empty_workflow_is_not_written_and_reads_back() {
    let jd = peakasutaja();
    let json = serde_json::to_value(&jd).unwrap();
    assert!(json.get("workflow").is_none() && json.get("roles").is_none());
    let back: JobDescription = serde_json::from_value(json).unwrap();
    assert_eq!(back, jd);
}

#[test]
fn only_drafts_can_be_edited() {
    for s in Status::ALL {
        assert_eq!(can_edit(s), s == Status::Draft, "{s:?}");
    }
}

#[test]
fn an_outcome_applies_only_to_the_version_as_it_was() {
    let mut c = case(ActionKind::Submit);
    let o = c.run(&hr()).unwrap();
    c.jd.status = Status::InCoordination;
    assert_eq!(o.apply(&mut c.jd).unwrap_err().code(), "stale");
    let mut other = peakasutaja();
    other.status = Status::Draft;
    assert_eq!(o.apply(&mut other).unwrap_err().code(), "stale");
}

#[test]
fn a_withdrawn_version_is_a_draft_again_without_its_sign_offs() {
    let mut c = case(ActionKind::SignOffAsHr);
    let o = c.run(&hr()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.workflow.sign_offs.len(), 1);
    c.action = Action::Withdraw {
        comment: Some("  ".into()),
    };
    let o = c
        .run(&supervisor())
        .expect("the supervisor may withdraw it");
    o.apply(&mut c.jd).unwrap();
    assert_eq!((o.from, o.to), (Status::InCoordination, Status::Draft));
    assert!(
        c.jd.workflow.sign_offs.is_empty(),
        "the sign-offs are cleared"
    );
    assert_eq!(o.record.comment, None, "a blank comment is none");
    assert_eq!(
        crate::workflow::next_steps(&c.jd),
        [crate::workflow::NextStep::Submit],
        "withdrawn, not returned: it waits to be submitted"
    );
    c.jd.status = Status::InCoordination;
    assert_eq!(c.run(&holder()).unwrap_err().code(), "not_permitted");
    assert_eq!(c.run(&auditor()).unwrap_err().code(), "not_permitted");
}

#[test]
fn available_actions_follow_status_and_role() {
    assert_eq!(
        available_actions(Status::Draft, &supervisor()),
        vec![ActionKind::Submit]
    );
    assert_eq!(
        available_actions(Status::InCoordination, &hr()),
        vec![
            ActionKind::SignOffAsHr,
            ActionKind::Return,
            ActionKind::Withdraw,
            ActionKind::RecordConsent,
            ActionKind::Approve
        ]
    );
    assert_eq!(
        available_actions(Status::Approved, &holder()),
        vec![ActionKind::Acknowledge]
    );
    for s in Status::ALL {
        assert!(available_actions(s, &auditor()).is_empty());
        assert!(available_actions(s, &staff()).is_empty());
    }
    // Superseded and repealed versions are read-only, whoever asks.
    for who in [admin(), hr(), supervisor(), other_manager(), holder()] {
        for s in [Status::Superseded, Status::Repealed] {
            assert!(available_actions(s, &who).is_empty(), "{s:?} {who:?}");
        }
    }
}

#[test]
fn roles_and_actions_have_stable_names() {
    for r in Role::ALL {
        assert_eq!(Role::parse(r.as_str()), Some(r));
        assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
    }
    for k in ActionKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    let a: Action = serde_json::from_str(r#"{"action":"return","comment":"Täienda 3.5"}"#).unwrap();
    assert_eq!(a.kind(), ActionKind::Return);
}

#[test]
fn new_version_drafts_start_clean() {
    let mut jd = peakasutaja();
    jd.workflow.history.push(TransitionRecord {
        from: Status::Signed,
        to: Status::InForce,
        action: ActionKind::PutInForce,
        by: "hr".into(),
        by_name: None,
        capacity: Capacity::Hr,
        at: at(NOW),
        comment: None,
    });
    let d = new_version_draft(
        &jd,
        JobDescriptionId::derived("v2"),
        2,
        at(NOW),
        Some("juht".into()),
    );
    assert_eq!(
        (d.status, d.version, d.approval.is_none()),
        (Status::Draft, 2, true)
    );
    assert!(d.workflow.is_empty() && d.effective_from.is_none());
    assert_eq!(d.duties, jd.duties);
    let all = [jd.clone(), d.clone()];
    assert_eq!(
        current_version(&all, &jd.position).map(|j| j.version),
        Some(1)
    );
    assert_eq!(
        latest_version(&all, &jd.position).map(|j| j.version),
        Some(2)
    );
    assert_eq!(next_version_number(&all, &jd.position), 3);
    assert_eq!(next_version_number(&all, &PositionId::derived("none")), 1);
}
