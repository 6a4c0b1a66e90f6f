//! What the use-case tests share: a real SQLite store holding the sample registry, and
//! principals of each role.
#![allow(dead_code)] // each test file uses its own part

use ametijuhend_app::Principal;
use ametijuhend_domain::access;
use ametijuhend_domain::sample::sample_registry;
use ametijuhend_domain::{PositionId, Registry, Role, UnitId};
use ametijuhend_store::{RestoreMode, Store};
use chrono::NaiveDate;

/// The sample registry in canonical order.
pub fn sample() -> Registry {
    let mut r = sample_registry();
    r.canonicalize();
    r
}

/// A new SQLite store in a temporary directory holding `r`, and the directory (remove it after).
pub async fn store_of(r: &Registry) -> (Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("ametijuhend-app-test-{}", uuid::Uuid::new_v4()));
    let store = ametijuhend_store::open(None, &dir).await.expect("opens");
    store
        .restore(r, RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    (store, dir)
}

/// A new store holding the sample registry.
pub async fn store() -> (Store, std::path::PathBuf) {
    store_of(&sample()).await
}

/// A principal of one role (named after its account, in capitals).
pub fn principal(
    account: &str,
    role: Role,
    unit: Option<UnitId>,
    position: Option<PositionId>,
) -> Principal {
    Principal {
        access: access::Principal {
            account: account.into(),
            roles: vec![role],
            unit,
            position,
        },
        name: Some(account.to_uppercase()),
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}
