//! What the use cases' tests share: a real SQLite store holding a registry, and principals.

use crate::Principal;
use ametijuhend_domain::access::{self, Role};
use ametijuhend_domain::sample::sample_registry;
use ametijuhend_domain::{Registry, UnitId};
use ametijuhend_store::{RestoreMode, Store};

/// A store in a new directory under the system's temporary directory holding `r`.
pub(crate) async fn store_with(r: &Registry) -> Store {
    let dir = std::env::temp_dir().join(format!("ametijuhend-app-test-{}", uuid::Uuid::new_v4()));
    let store = ametijuhend_store::open(None, &dir).await.expect("opens");
    store
        .restore(r, RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    store
}

/// The sample registry in canonical order.
pub(crate) fn sample() -> Registry {
    let mut r = sample_registry();
    r.canonicalize();
    r
}

/// A store holding the sample registry.
pub(crate) async fn sample_store() -> Store {
    store_with(&sample()).await
}

/// A principal with one role (and, for a manager, the unit managed).
pub(crate) fn principal(account: &str, role: Role, unit: Option<UnitId>) -> Principal {
    Principal {
        access: access::Principal {
            account: account.into(),
            roles: vec![role],
            unit,
            position: None,
        },
        name: None,
    }
}
