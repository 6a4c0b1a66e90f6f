//! Each precondition of a transition: content, coordination, consent, the directive, dates,
//! acknowledgement, succession.

use super::*;

#[test]
fn submitting_needs_complete_content() {
    let mut c = case(ActionKind::Submit);
    c.jd.duties.clear();
    c.jd.purpose = " ".into();
    let err = c.run(&hr()).unwrap_err();
    assert_eq!(err.code(), "content_incomplete");
    assert!(
        err.to_string().contains("purpose is empty")
            && err.to_string().contains("duties are empty"),
        "{err}"
    );
}

#[test]
fn coordination_needs_both_sign_offs_from_two_people() {
    let mut c = case(ActionKind::Approve);
    c.jd.workflow
        .sign_offs
        .retain(|s| s.party == CoordinationParty::Supervisor);
    let err = c.run(&hr()).unwrap_err();
    assert_eq!(
        err,
        TransitionError::CoordinationIncomplete {
            missing: vec![CoordinationParty::Hr]
        }
    );

    let mut c = case(ActionKind::SignOffAsSupervisor);
    let o = c.run(&supervisor()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(
        c.run(&supervisor()).unwrap_err().code(),
        "already_signed_off"
    );

    // A supervisor who also works in HR cannot give the second sign-off.
    let both = actor("juht", &[Role::Manager, Role::Hr], true, false);
    c.action = Action::SignOffAsHr { comment: None };
    assert_eq!(c.run(&both).unwrap_err().code(), "same_person_signs_twice");
    assert!(c.run(&hr()).is_ok());
}

#[test]
fn returning_needs_a_comment_and_starts_coordination_again() {
    let mut c = case(ActionKind::Approve);
    c.action = Action::Return {
        comment: "  ".into(),
    };
    assert_eq!(c.run(&hr()).unwrap_err().code(), "comment_required");
    c.action = Action::Return {
        comment: "Lisa 3.18 kasutajaõiguste kohta".into(),
    };
    let o = c.run(&supervisor()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.status, Status::Draft);
    assert!(c.jd.workflow.sign_offs.is_empty());
    assert_eq!(
        c.jd.workflow.history[0].comment.as_deref(),
        Some("Lisa 3.18 kasutajaõiguste kohta")
    );
    assert!(can_edit(c.jd.status));
}

#[test]
fn approval_waits_for_the_consent_that_is_needed() {
    let (jd, needed) = purpose_changed();
    let mut jd = signed_off(jd);
    let approve = Action::Approve(directive(day(2024, 5, 2), None));
    let ctx = TransitionContext {
        consent: Some(&needed),
        ..TransitionContext::default()
    };
    let err = transition(&jd, &approve, &hr(), at(NOW), &ctx).unwrap_err();
    assert_eq!(err.code(), "consent_missing");
    assert!(
        err.to_string().contains("official's consent")
            && err.to_string().contains("purpose changed"),
        "{err}"
    );

    let record = Action::RecordConsent {
        given_on: day(2024, 5, 2),
        comment: Some("nõus".into()),
    };
    perform(&mut jd, &record, &holder(), at(NOW), &ctx).unwrap();
    assert_eq!(jd.status, Status::InCoordination);
    let c = jd.workflow.consent.as_ref().unwrap();
    assert_eq!((c.recorded_by.as_str(), c.reasons.len()), ("holder", 1));
    assert!(transition(&jd, &approve, &hr(), at(NOW), &ctx).is_ok());

    // The version changed since: the consent no longer covers it.
    let mut other = needed.clone();
    other
        .reasons
        .push(crate::consent::ConsentReason::DutyRemoved {
            number: "3.12.".into(),
            text: String::new(),
        });
    let ctx = TransitionContext {
        consent: Some(&other),
        ..TransitionContext::default()
    };
    assert_eq!(
        transition(&jd, &approve, &hr(), at(NOW), &ctx)
            .unwrap_err()
            .code(),
        "consent_stale"
    );

    // Without an assessment nothing is approved.
    let none = TransitionContext::default();
    assert_eq!(
        transition(&jd, &approve, &hr(), at(NOW), &none)
            .unwrap_err()
            .code(),
        "consent_not_assessed"
    );
}

#[test]
fn consent_is_recorded_only_when_needed_and_not_ahead_of_time() {
    let mut c = case(ActionKind::RecordConsent);
    c.action = Action::RecordConsent {
        given_on: day(2024, 5, 3),
        comment: None,
    };
    assert_eq!(c.run(&hr()).unwrap_err().code(), "date_in_future");
    c.consent = Some(not_needed());
    c.action = Action::RecordConsent {
        given_on: day(2024, 5, 1),
        comment: None,
    };
    assert_eq!(c.run(&hr()).unwrap_err().code(), "consent_not_needed");
    c.consent = None;
    assert_eq!(c.run(&hr()).unwrap_err().code(), "consent_not_assessed");
}

#[test]
fn the_directive_must_be_complete_and_not_in_the_future() {
    let refused = |a: DirectiveApproval| {
        let mut c = case(ActionKind::Approve);
        c.action = Action::Approve(a);
        c.run(&hr()).unwrap_err()
    };
    let base = directive(day(2024, 5, 2), None);
    let e = refused(DirectiveApproval {
        number: " ".into(),
        ..base.clone()
    });
    assert_eq!(e.code(), "directive_incomplete");
    let e = refused(DirectiveApproval {
        number: "{regNumber}".into(),
        ..base.clone()
    });
    assert!(e.to_string().contains("template field"), "{e}");
    let e = refused(DirectiveApproval {
        annex: 0,
        ..base.clone()
    });
    assert_eq!(e.code(), "directive_incomplete");
    let e = refused(DirectiveApproval {
        date: day(2024, 5, 3),
        ..base
    });
    assert_eq!(e.code(), "date_in_future");
}

#[test]
fn a_retroactive_approval_goes_in_force_at_once() {
    let mut c = case(ActionKind::Approve);
    c.action = Action::Approve(directive(day(2024, 5, 2), Some(day(2024, 1, 1))));
    let o = c.run(&hr()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.effective_from, Some(day(2024, 1, 1)));
    assert_eq!(
        c.jd.approval.as_ref().unwrap().directive_date,
        Some(day(2024, 5, 2))
    );
    let ctx = TransitionContext {
        position_vacant: true,
        ..TransitionContext::default()
    };
    assert!(transition(&c.jd, &Action::PutInForce, &hr(), at(NOW), &ctx).is_ok());
}

#[test]
fn a_version_goes_in_force_only_from_its_effective_date() {
    let mut c = case(ActionKind::PutInForce);
    c.jd.effective_from = Some(day(2024, 6, 1));
    let err = c.run(&hr()).unwrap_err();
    assert_eq!(
        err,
        TransitionError::NotYetEffective {
            effective_from: day(2024, 6, 1),
            today: day(2024, 5, 2)
        }
    );
    let ctx = TransitionContext {
        today: Some(day(2024, 6, 1)),
        ..TransitionContext::default()
    };
    assert!(
        transition(
            &c.jd,
            &Action::PutInForce,
            &hr(),
            at("2024-05-31T22:30:00Z"),
            &ctx
        )
        .is_ok()
    );
    c.jd.effective_from = None;
    assert_eq!(c.run(&hr()).unwrap_err().code(), "no_effective_date");
}

#[test]
fn going_in_force_needs_the_holders_acknowledgement_unless_vacant() {
    let jd = approved(Status::Approved);
    let err = transition(
        &jd,
        &Action::PutInForce,
        &hr(),
        at(NOW),
        &TransitionContext::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_acknowledged");
    let vacant = TransitionContext {
        position_vacant: true,
        ..TransitionContext::default()
    };
    assert!(transition(&jd, &Action::PutInForce, &hr(), at(NOW), &vacant).is_ok());
}

#[test]
fn acknowledgement_is_dated_between_approval_and_today() {
    let mut c = case(ActionKind::Acknowledge);
    c.action = Action::Acknowledge {
        date: day(2024, 4, 14),
        holder: None,
    };
    assert_eq!(c.run(&holder()).unwrap_err().code(), "date_before_approval");
    c.action = Action::Acknowledge {
        date: day(2024, 5, 3),
        holder: None,
    };
    assert_eq!(c.run(&holder()).unwrap_err().code(), "date_in_future");
    // HR records it for the holder, by name.
    c.action = Action::Acknowledge {
        date: day(2024, 4, 20),
        holder: Some("Kalev Lattik".into()),
    };
    let o = c.run(&hr()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.signatures[0].name.as_deref(), Some("Kalev Lattik"));
    assert_eq!(c.jd.status, Status::Signed);
    // A new holder of a position acknowledges the version in force; it stays in force.
    let mut jd = peakasutaja();
    let ack = Action::Acknowledge {
        date: day(2024, 5, 2),
        holder: None,
    };
    perform(
        &mut jd,
        &ack,
        &holder(),
        at(NOW),
        &TransitionContext::default(),
    )
    .unwrap();
    assert_eq!(jd.status, Status::InForce);
}

#[test]
fn going_in_force_supersedes_the_previous_version() {
    let c = case(ActionKind::PutInForce);
    let previous = peakasutaja();
    let ctx = TransitionContext {
        in_force: Some(&previous),
        ..TransitionContext::default()
    };
    let o = transition(&c.jd, &Action::PutInForce, &hr(), at(NOW), &ctx).unwrap();
    assert_eq!(
        o.follow_ups,
        vec![FollowUp::Supersede {
            previous: previous.id.clone(),
            by: c.jd.id.clone()
        }]
    );

    let mut newer = c.jd.clone();
    newer.id = JobDescriptionId::derived("peakasutaja/3");
    newer.version = 3;
    let ctx = TransitionContext {
        in_force: Some(&newer),
        ..TransitionContext::default()
    };
    let err = transition(&c.jd, &Action::PutInForce, &hr(), at(NOW), &ctx).unwrap_err();
    assert_eq!(err.code(), "older_than_in_force");
    // Nor is a version a later one has overtaken acknowledged.
    let ack = case(ActionKind::Acknowledge);
    let mut newer = ack.jd.clone();
    newer.id = JobDescriptionId::derived("overtaking");
    newer.version = ack.jd.version + 1;
    let ctx = TransitionContext {
        in_force: Some(&newer),
        ..TransitionContext::default()
    };
    let action = Action::Acknowledge {
        date: day(2024, 5, 2),
        holder: None,
    };
    let err = transition(&ack.jd, &action, &hr(), at(NOW), &ctx).unwrap_err();
    assert_eq!(err.code(), "older_than_in_force");
}

#[test]
fn only_a_later_valid_version_of_the_same_position_supersedes() {
    let mut c = case(ActionKind::Supersede);
    let o = c.run(&hr()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.status, Status::Superseded);
    // The successor is in force from 15.04.2024 (approved then): this version ended the day before.
    assert_eq!(c.jd.effective_to, Some(day(2024, 4, 14)));
    let mut c = case(ActionKind::Supersede);
    if let Some(s) = c.successor.as_mut() {
        s.effective_from = None;
    }
    let o = c.run(&hr()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(
        c.jd.effective_to,
        Some(day(2024, 5, 1)),
        "without a date: until yesterday"
    );

    let check = |edit: &dyn Fn(&mut JobDescription)| {
        let mut c = case(ActionKind::Supersede);
        if let Some(s) = c.successor.as_mut() {
            edit(s);
        }
        c.run(&hr()).unwrap_err().code()
    };
    assert_eq!(check(&|s| s.status = Status::Draft), "successor_invalid");
    assert_eq!(check(&|s| s.version = 1), "successor_invalid");
    assert_eq!(
        check(&|s| s.position = PositionId::derived("muu")),
        "successor_invalid"
    );
    assert_eq!(
        check(&|s| s.id = JobDescriptionId::derived("x")),
        "successor_invalid"
    );
    let mut c = case(ActionKind::Supersede);
    c.successor = None;
    assert_eq!(c.run(&hr()).unwrap_err().code(), "successor_invalid");
}

#[test]
fn repealing_needs_a_reason() {
    let mut c = case(ActionKind::Repeal);
    c.action = Action::Repeal {
        reason: String::new(),
    };
    assert_eq!(c.run(&hr()).unwrap_err().code(), "comment_required");
    let mut c = case(ActionKind::Repeal);
    let o = c.run(&admin()).unwrap();
    o.apply(&mut c.jd).unwrap();
    assert_eq!(c.jd.status, Status::Repealed);
    assert_eq!(c.jd.workflow.history[0].capacity, Capacity::Administrator);
}
