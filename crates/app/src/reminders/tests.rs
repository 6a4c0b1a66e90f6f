//! Planning on a real store with the sample registry and a fixed clock: the same reminders as
//! the domain's whole-registry rule, grouped per supervisor, in the language of the
//! supervisor's account (English) or Estonian without one; sending records them, and the next
//! run sends nothing again.

use super::*;
use crate::FixedClock;
use ametijuhend_domain::review::reminders;
use ametijuhend_domain::{Assignment, Person, Registry};
use ametijuhend_store::{ChangeSet, Store, User};
use std::sync::Mutex;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// The sample registry with a holder (with an e-mail address) for every supervisor position,
/// and the first day on which reminders with a supervisor are due.
async fn store() -> (Store, Registry, NaiveDate) {
    let r = crate::testing::sample();
    let store = crate::testing::store_with(&r).await;
    let mut today = day(2024, 1, 1);
    while !reminders(&r, today, REMINDER_LEAD_DAYS)
        .iter()
        .any(|x| x.supervisor.is_some())
    {
        today = today.succ_opt().expect("a next day");
        assert!(
            today < day(2032, 1, 1),
            "the sample registry has reviews due"
        );
    }
    let mut supervisors: Vec<PositionId> = reminders(&r, today, REMINDER_LEAD_DAYS)
        .into_iter()
        .filter_map(|x| x.supervisor)
        .collect();
    supervisors.sort();
    supervisors.dedup();
    let mut changes = ChangeSet::default();
    for (i, s) in supervisors.iter().enumerate() {
        let person = Person {
            id: PersonId::derived(&format!("test:supervisor {i}")),
            name: format!("Juhan Juht {i}"),
            email: Some(format!("juht{i}@example.ee")),
        };
        let mut position = r.position(s).expect("the supervisor position").clone();
        position.assignments = vec![Assignment {
            person: person.id.clone(),
            from: Some(day(2020, 1, 1)),
            to: None,
        }];
        changes.persons.push(person);
        changes.positions.push(position);
    }
    store.apply(&changes).await.expect("holders stored");
    // The same registry in memory: the test's oracle.
    let r = ametijuhend_ingest::plan::merge(
        &r,
        &Registry {
            persons: changes.persons,
            positions: changes.positions,
            ..Registry::default()
        },
    );
    (store, r, today)
}

fn account(position: &PositionId, language: &str) -> User {
    User {
        id: uuid::Uuid::new_v4().to_string(),
        username: format!("juht-{language}"),
        display_name: "Juhan Juht".into(),
        roles: vec![],
        unit: None,
        position: Some(position.clone()),
        language: language.into(),
        created_at: FixedClock::on_day(day(2024, 1, 1)).timestamp(),
    }
}

#[derive(Default)]
struct Recorder(Mutex<Vec<(String, Mail)>>);

impl Outbox for Recorder {
    async fn send(&self, _name: &str, email: &str, mail: &Mail) -> Result<(), String> {
        self.0
            .lock()
            .expect("not poisoned")
            .push((email.to_string(), mail.clone()));
        Ok(())
    }
}

#[tokio::test]
async fn the_plan_is_the_domain_rule_grouped_per_supervisor_in_their_language() {
    let (store, r, today) = store().await;
    let expected = reminders(&r, today, REMINDER_LEAD_DAYS);
    let first_supervisor = expected
        .iter()
        .find_map(|x| x.supervisor.clone())
        .expect("a supervisor");
    store
        .create_user(&account(&first_supervisor, "en"), "x")
        .await
        .expect("account");

    let plan = plan(store.as_ref(), today).await.expect("plans");
    assert_eq!(plan.today, today);
    assert_eq!(plan.already_sent, 0);
    let mut planned: Vec<Reminder> = plan
        .digests
        .iter()
        .flat_map(|d| d.reminders.iter().map(|p| p.reminder.clone()))
        .chain(plan.undeliverable.iter().map(|(p, _)| p.reminder.clone()))
        .collect();
    planned.sort_by(|a, b| (a.due, &a.key).cmp(&(b.due, &b.key)));
    assert_eq!(
        planned, expected,
        "the same reminders as the whole-registry rule"
    );
    for (p, reason) in &plan.undeliverable {
        assert!(p.reminder.supervisor.is_none(), "{reason}");
        assert_eq!(reason, "the position has no supervisor");
    }
    assert!(!plan.digests.is_empty());
    for d in &plan.digests {
        let holders: Vec<_> = d
            .reminders
            .iter()
            .map(|p| p.reminder.supervisor_holder.clone())
            .collect();
        assert!(holders.iter().all(|h| h.is_some() && *h == holders[0]));
        let supervisor = d.reminders[0].reminder.supervisor.as_ref();
        let want = if supervisor == Some(&first_supervisor) {
            Lang::En
        } else {
            Lang::Et
        };
        assert_eq!(d.lang, want, "{}", d.email);
        for p in &d.reminders {
            let unit = r
                .position(&p.reminder.position)
                .and_then(|x| r.unit(&x.unit))
                .expect("the unit");
            assert_eq!(p.unit_name, unit.name());
        }
    }
    assert!(plan.digests.iter().any(|d| d.lang == Lang::En));
}

#[tokio::test]
async fn the_mail_is_written_in_the_recipients_language() {
    let (store, _, today) = store().await;
    let plan = plan(store.as_ref(), today).await.expect("plans");
    let mut d = plan.digests[0].clone();
    d.reminders.truncate(1);
    let r = &d.reminders[0];
    let due = format_date_et(r.reminder.due);

    d.lang = Lang::Et;
    let et = compose(&d, Some("https://ametijuhend.example.ee/"));
    assert_eq!(
        et.subject,
        format!(
            "Ametijuhendi iga-aastane ülevaatus: {} (tähtaeg {due})",
            r.reminder.title
        )
    );
    assert!(
        et.body.starts_with(&format!("Tere, {}!", d.name)),
        "{}",
        et.body
    );
    assert!(et.body.contains(&format!(
        "- {} ({}) – tähtaeg {due}",
        r.reminder.title, r.unit_name
    )));
    assert!(et.body.contains(&format!(
        "  https://ametijuhend.example.ee/positions/{}\n",
        r.reminder.position
    )));
    assert!(et.body.ends_with("Ametijuhendite register\n"));

    d.lang = Lang::En;
    let en = compose(&d, None);
    assert_eq!(
        en.subject,
        format!(
            "Annual review of the job description: {} (due {due})",
            r.reminder.title
        )
    );
    assert!(en.body.starts_with(&format!("Hello, {}!", d.name)));
    assert!(en.body.contains("within 30 days"));
    assert!(!en.body.contains("/positions/"));

    let mut two = plan.digests[0].clone();
    two.reminders = vec![r.clone(), r.clone()];
    two.lang = Lang::En;
    assert_eq!(
        compose(&two, None).subject,
        "Annual review of job descriptions: 2 positions"
    );
    two.lang = Lang::Ru;
    assert!(compose(&two, None).subject.contains('2'));
}

#[tokio::test]
async fn what_was_sent_is_recorded_and_not_sent_again() {
    let (store, r, today) = store().await;
    let clock = FixedClock::on_day(today);
    let outbox = Recorder::default();
    let (plan, report) = run(store.as_ref(), &clock, &outbox, None)
        .await
        .expect("runs");
    assert_eq!(plan.today, today, "today is the clock's Tallinn day");
    let deliverable = plan.reminder_count();
    assert!(deliverable > 0);
    assert_eq!(report.emails, plan.digests.len());
    assert_eq!(report.reminders, deliverable);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let sent = outbox.0.lock().expect("not poisoned").clone();
    assert_eq!(sent.len(), plan.digests.len());
    assert_eq!(sent[0].0, plan.digests[0].email);

    let again = Recorder::default();
    let (plan2, report2) = run(store.as_ref(), &clock, &again, None)
        .await
        .expect("runs again");
    assert!(plan2.digests.is_empty());
    assert_eq!(plan2.already_sent, deliverable);
    assert_eq!(report2.emails, 0);
    assert!(again.0.lock().expect("not poisoned").is_empty());
    // The day before the first reminder, nothing is due.
    let before = today.pred_opt().expect("a day");
    assert!(
        reminders(&r, before, REMINDER_LEAD_DAYS)
            .iter()
            .all(|x| x.supervisor.is_none())
    );
}
