//! Creating accounts: the rules of [`NewAccount::parse`] (every problem at once, by field), and
//! [`create`] against a real store (a free username, existing unit and position, a stored
//! argon2id hash that verifies).

use super::*;
use crate::FixedClock;
use ametijuhend_domain::sample::ids;
use ametijuhend_store::Store;
use chrono::NaiveDate;

fn input<'a>(username: &'a str, roles: &'a [Role]) -> AccountInput<'a> {
    AccountInput {
        username,
        roles,
        language: "et",
        password: "a long secret",
        ..AccountInput::default()
    }
}

fn fields(e: AppError) -> Vec<String> {
    e.problems().iter().map(|p| p.field.clone()).collect()
}

#[test]
fn a_valid_account_defaults_its_display_name_to_the_username() {
    let a = NewAccount::parse(input(" mari.maasikas ", &[Role::Hr, Role::Hr])).unwrap();
    assert_eq!(a.username(), "mari.maasikas");
    assert_eq!(a.display_name, "mari.maasikas");
    assert_eq!(a.roles, vec![Role::Hr], "a role given twice is kept once");
    assert!(
        !format!("{a:?}").contains("a long secret"),
        "Debug hides the password"
    );
}

#[test]
fn every_problem_is_reported_by_its_field() {
    let bad = AccountInput {
        username: "mari maasikas",
        display_name: Some("  "),
        roles: &[Role::Manager],
        position: Some("not-a-uuid"),
        language: "de",
        password: "short",
        ..AccountInput::default()
    };
    assert_eq!(
        fields(NewAccount::parse(bad).unwrap_err()),
        [
            "username",
            "display_name",
            "unit",
            "position",
            "language",
            "password"
        ]
    );
    assert_eq!(
        fields(NewAccount::parse(input("x", &[])).unwrap_err()),
        ["roles"]
    );
    let long = "x".repeat(MAX_USERNAME + 1);
    assert_eq!(
        fields(NewAccount::parse(input(&long, &[Role::Staff])).unwrap_err()),
        ["username"]
    );
    let seven = AccountInput {
        password: "1234567",
        ..input("mari", &[Role::Staff])
    };
    assert_eq!(fields(NewAccount::parse(seven).unwrap_err()), ["password"]);
}

async fn store() -> Store {
    crate::testing::sample_store().await
}

#[tokio::test]
async fn create_checks_the_store_and_stores_a_verifiable_hash() {
    let store = store().await;
    let clock = FixedClock::on_day(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    let unit = ids::it_department().to_string();
    let manager = AccountInput {
        unit: Some(&unit),
        display_name: Some("Mari Maasikas"),
        ..input("mari", &[Role::Manager])
    };
    let user = create(
        store.as_ref(),
        &clock,
        NewAccount::parse(manager.clone()).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(user.display_name, "Mari Maasikas");
    assert_eq!(user.unit, Some(ids::it_department()));
    let (found, hash) = store.find_user("mari").await.unwrap().unwrap();
    assert_eq!(found, user);
    assert!(hash.starts_with("$argon2id$"));
    assert!(verify_password("a long secret", &hash));

    let taken = create(store.as_ref(), &clock, NewAccount::parse(manager).unwrap()).await;
    assert_eq!(fields(taken.unwrap_err()), ["username"]);

    let nowhere = UnitId::derived("test:no such unit").to_string();
    let lost = AccountInput {
        unit: Some(&nowhere),
        ..input("juht", &[Role::Manager])
    };
    let refused = create(store.as_ref(), &clock, NewAccount::parse(lost).unwrap()).await;
    assert_eq!(fields(refused.unwrap_err()), ["unit"]);
    assert!(store.find_user("juht").await.unwrap().is_none());
}
