//! Review-due arithmetic across leap years and retroactive approvals; the report and reminders.

use super::*;
use crate::fixtures::{at, day, registry};
use crate::job_description::Status;
use crate::workflow::{ActionKind, Capacity, TransitionRecord};

fn pid(key: &str) -> PositionId {
    PositionId::derived(key)
}

fn jd_mut<'a>(r: &'a mut Registry, key: &str) -> &'a mut JobDescription {
    let id = pid(key);
    r.job_descriptions
        .iter_mut()
        .find(|j| j.position == id)
        .expect("the version is in the fixture")
}

fn approve_on(r: &mut Registry, key: &str, date: NaiveDate) {
    if let Some(a) = jd_mut(r, key).approval.as_mut() {
        a.directive_date = Some(date);
    }
}

fn review(date: NaiveDate, outcome: ReviewOutcome) -> ReviewRecord {
    ReviewRecord {
        date,
        reviewer: "juhan".into(),
        reviewer_name: Some("Juhan Juurikas".into()),
        outcome,
        comment: None,
    }
}

#[test]
fn a_review_is_due_a_year_later() {
    assert_eq!(review_due(day(2023, 3, 6)), day(2024, 3, 6));
    assert_eq!(review_due(day(2023, 12, 31)), day(2024, 12, 31));
}

#[test]
fn leap_days() {
    // From 29 February: 28 February, never more than a year.
    assert_eq!(review_due(day(2024, 2, 29)), day(2025, 2, 28));
    // Into a leap year: the same date, not 29 February.
    assert_eq!(review_due(day(2023, 2, 28)), day(2024, 2, 28));
    assert_eq!(review_due(day(2023, 3, 1)), day(2024, 3, 1));
    assert_eq!(review_due(day(2024, 3, 1)), day(2025, 3, 1));
    // Leap day to leap day four years on needs four reviews, each within its year.
    let mut d = day(2024, 2, 29);
    for _ in 0..4 {
        d = review_due(d);
    }
    assert_eq!(d, day(2028, 2, 28));
    // The end of the calendar does not panic.
    assert_eq!(review_due(NaiveDate::MAX), NaiveDate::MAX);
}

#[test]
fn a_retroactive_approval_counts_from_the_directive() {
    let mut r = registry();
    let jd = jd_mut(&mut r, "teenuse juht");
    // Approved on 10.06.2024 with effect from 01.01.2024.
    jd.effective_from = Some(day(2024, 1, 1));
    approve_on(&mut r, "teenuse juht", day(2024, 6, 10));
    assert_eq!(
        review_basis(&r, &pid("teenuse juht")),
        Some(ReviewBasis::Approval {
            date: day(2024, 6, 10)
        })
    );
    let item = due_item(&r, &pid("teenuse juht"), day(2025, 6, 1), 30).expect("due soon");
    assert_eq!(item.due, Some(day(2025, 6, 10)));
    assert_eq!(item.state, DueState::DueSoon { days: 9 });
}

#[test]
fn without_a_directive_date_the_recorded_approval_counts() {
    let mut r = registry();
    let jd = jd_mut(&mut r, "teenuse juht");
    jd.approval = None;
    jd.workflow.history.push(TransitionRecord {
        from: Status::InCoordination,
        to: Status::Approved,
        action: ActionKind::Approve,
        by: "hr".into(),
        by_name: None,
        capacity: Capacity::Hr,
        at: at("2024-02-29T10:00:00Z"),
        comment: None,
    });
    assert_eq!(
        approval_date(jd_mut(&mut r, "teenuse juht")),
        Some(day(2024, 2, 29))
    );
    let item = due_item(&r, &pid("teenuse juht"), day(2025, 3, 1), 30).expect("overdue");
    assert_eq!(item.state, DueState::Overdue { days: 1 });
}

#[test]
fn the_later_of_review_and_approval_counts() {
    let mut r = registry();
    let today = day(2025, 4, 1);
    let jd = jd_mut(&mut r, "peakasutaja");
    record_review(jd, review(day(2025, 2, 20), ReviewOutcome::NoChange), today).unwrap();
    assert_eq!(
        review_basis(&r, &pid("peakasutaja")),
        Some(ReviewBasis::Review {
            date: day(2025, 2, 20)
        })
    );
    // A newer version approved after the review: its approval counts. The earlier version's
    // review stays in its history.
    let mut v2 = jd_mut(&mut r, "peakasutaja").clone();
    v2.id = crate::ids::JobDescriptionId::derived("peakasutaja/2");
    v2.version = 2;
    v2.workflow = Default::default();
    if let Some(a) = v2.approval.as_mut() {
        a.directive_date = Some(day(2025, 3, 15));
    }
    jd_mut(&mut r, "peakasutaja").status = Status::Superseded;
    r.job_descriptions.push(v2);
    assert_eq!(
        review_basis(&r, &pid("peakasutaja")),
        Some(ReviewBasis::Approval {
            date: day(2025, 3, 15)
        })
    );
}

#[test]
fn reviews_are_recorded_on_valid_versions_in_date_order() {
    let mut r = registry();
    let today = day(2025, 4, 1);
    let jd = jd_mut(&mut r, "peakasutaja");
    let e = record_review(jd, review(day(2025, 4, 2), ReviewOutcome::NoChange), today);
    assert_eq!(e.unwrap_err().code(), "date_in_future");
    let e = record_review(jd, review(day(2024, 3, 5), ReviewOutcome::NoChange), today);
    assert_eq!(e.unwrap_err().code(), "before_approval");
    let mut nobody = review(day(2025, 3, 1), ReviewOutcome::NoChange);
    nobody.reviewer = " ".into();
    assert_eq!(
        record_review(jd, nobody, today).unwrap_err().code(),
        "no_reviewer"
    );
    let started = ReviewOutcome::NewVersionStarted { draft: None };
    record_review(jd, review(day(2025, 3, 1), started.clone()), today).unwrap();
    record_review(jd, review(day(2024, 12, 1), ReviewOutcome::NoChange), today).unwrap();
    let dates: Vec<_> = jd.workflow.reviews.iter().map(|r| r.date).collect();
    assert_eq!(dates, vec![day(2024, 12, 1), day(2025, 3, 1)]);

    let mut draft = jd.clone();
    draft.status = Status::Draft;
    let e = record_review(&mut draft, review(day(2025, 3, 1), started), today);
    assert_eq!(e.unwrap_err().code(), "not_valid_document");

    // The interchange keeps reviews.
    let json = serde_json::to_string(jd).unwrap();
    assert!(json.contains("\"kind\":\"new_version_started\""), "{json}");
    assert_eq!(&serde_json::from_str::<JobDescription>(&json).unwrap(), jd);
}

#[test]
fn the_report_lists_overdue_and_due_soon_by_unit() {
    let mut r = registry();
    // All approved 06.03.2024: due 06.03.2025. Move some.
    approve_on(&mut r, "teenuse juht", day(2024, 1, 10)); // overdue on 01.03.2025
    approve_on(&mut r, "valdkonna juht", day(2023, 12, 1)); // more overdue
    approve_on(&mut r, "star", day(2024, 5, 1)); // due 01.05.2025: beyond 30 days
    jd_mut(&mut r, "peadirektor").approval = None; // unknown
    let report = due_report(&r, day(2025, 3, 1), DEFAULT_HORIZON_DAYS);
    let names: Vec<&str> = report.iter().map(|u| u.unit_name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Arendusosakond",
            "Hüvitiste osakond",
            "perehüvitiste valdkonna tiim",
            "Sotsiaalkindlustusamet"
        ]
    );
    let team = &report[2];
    let overdue: Vec<(&str, DueState)> = team
        .overdue
        .iter()
        .map(|i| (i.title.as_str(), i.state))
        .collect();
    assert_eq!(
        overdue,
        vec![
            (
                "Perehüvitiste valdkonna juht",
                DueState::Overdue { days: 90 }
            ),
            ("Teenuse juht", DueState::Overdue { days: 50 }),
        ]
    );
    assert_eq!(team.due_soon.len(), 1);
    assert_eq!(team.due_soon[0].state, DueState::DueSoon { days: 5 });
    assert_eq!(report[0].due_soon[0].title, "Osakonnajuhataja");
    assert_eq!(report[1].due_soon[0].title, "Osakonnajuhataja");
    assert_eq!(report[3].unknown[0].title, "Peadirektor");
    // The STAR position (due 01.05.2025) is beyond the horizon; its division is not listed.
    assert!(
        report
            .iter()
            .all(|u| u.due_soon.iter().all(|i| i.position != pid("star")))
    );
    // A shorter horizon leaves out what is due in 5 days.
    let short = due_report(&r, day(2025, 3, 1), 3);
    assert!(short.iter().all(|u| u.due_soon.is_empty()));
}

#[test]
fn supervisors_are_reminded_thirty_days_ahead() {
    let r = registry();
    // Due 06.03.2025; reminders from 04.02.2025.
    assert!(reminders(&r, day(2025, 2, 3), REMINDER_LEAD_DAYS).is_empty());
    let due = reminders(&r, day(2025, 2, 4), REMINDER_LEAD_DAYS);
    assert_eq!(due.len(), r.positions.len());
    let key_user = due
        .iter()
        .find(|x| x.position == pid("peakasutaja"))
        .expect("the key user is due");
    assert_eq!(key_user.remind_on, day(2025, 2, 4));
    assert_eq!(key_user.due, day(2025, 3, 6));
    assert_eq!(key_user.supervisor, Some(pid("valdkonna juht")));
    assert_eq!(
        key_user.supervisor_holder,
        Some(crate::ids::PersonId::derived("juhan"))
    );
    assert_eq!(key_user.key, format!("{}/2025-03-06", pid("peakasutaja")));
    // Once overdue, it is the report's business, not a reminder.
    assert!(reminders(&r, day(2025, 3, 7), REMINDER_LEAD_DAYS).is_empty());
}
