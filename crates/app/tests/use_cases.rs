//! The unit and position use cases against a real (SQLite) store: a move that makes the unit
//! tree a cycle is a 422 with the store's reason, a stale edit is a 409 naming who changed
//! which fields, and the command constructors hold the limits.

mod common;
use common::store;

use ametijuhend_app::{AppError, FixedClock, Principal, positions, units};
use ametijuhend_domain::access;
use ametijuhend_domain::sample::sample_registry;
use ametijuhend_domain::{Role, Unit};
use ametijuhend_store::revision_of;
use chrono::NaiveDate;

fn hr() -> Principal {
    Principal {
        access: access::Principal {
            account: "hr".into(),
            roles: vec![Role::Hr],
            unit: None,
            position: None,
        },
        name: Some("Personal".into()),
    }
}

fn clock() -> FixedClock {
    FixedClock::on_day(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())
}

#[tokio::test]
async fn a_unit_moved_under_its_own_sub_unit_is_a_422_with_the_reason() {
    let (store, dir) = store().await;
    let all = store.list_units().await.unwrap();
    let (parent, child): (Unit, Unit) = all
        .iter()
        .find_map(|c| {
            let p = all.iter().find(|p| Some(&p.id) == c.parent())?;
            Some((p.clone(), c.clone()))
        })
        .expect("the sample has a unit with a parent");
    let mut moved = parent.clone();
    let last = moved.versions.len() - 1;
    moved.versions[last].parent = Some(child.id.clone());
    let cmd = units::UnitCommand::new(moved).unwrap();
    let err = units::update(store.as_ref(), &clock(), &hr(), cmd, &revision_of(&parent))
        .await
        .expect_err("a cycle");
    assert_eq!((err.status(), err.code()), (422, "invalid"), "{err}");
    assert!(err.to_string().contains("cycle"), "{err}");
    assert_eq!(store.get_unit(&parent.id).await.unwrap().unwrap(), parent);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_stale_position_edit_is_a_409_saying_who_changed_what() {
    let (store, dir) = store().await;
    let before = store.list_positions(None).await.unwrap()[0].clone();
    let old = revision_of(&before);
    let mut first = before.clone();
    first.title = "Esimene".into();
    let cmd = positions::PositionCommand::new(first).unwrap();
    let saved = positions::update(store.as_ref(), &clock(), &hr(), cmd, &old)
        .await
        .unwrap();
    assert_ne!(saved.revision, old);
    let mut second = before.clone();
    second.title = "Teine".into();
    let cmd = positions::PositionCommand::new(second).unwrap();
    let err = positions::update(store.as_ref(), &clock(), &hr(), cmd, &old)
        .await
        .expect_err("stale");
    assert_eq!((err.status(), err.code()), (409, "stale"));
    let text = err.to_string();
    assert!(text.contains("by hr") && text.contains("title"), "{text}");
    assert_eq!(
        store.get_position(&before.id).await.unwrap().unwrap().title,
        "Esimene"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn commands_hold_the_limits() {
    let mut p = sample_registry().positions[0].clone();
    p.title = "x".repeat(positions::MAX_TITLE + 1);
    p.supervisor = Some(p.id.clone());
    let err = positions::PositionCommand::new(p).expect_err("too long, self-supervised");
    let fields: Vec<&str> = err.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["title", "supervisor"]);
    assert!(matches!(err, AppError::Invalid(_)));
    let mut u = sample_registry().units[0].clone();
    u.versions[0].name = " ".into();
    assert_eq!(units::UnitCommand::new(u).expect_err("empty").status(), 422);
}
