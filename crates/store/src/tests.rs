//! The storage test suite. Every behaviour test is written once, as a function of a [`Store`]
//! in `cases`, and run against both backends by `backend_tests!`: on SQLite in a fresh
//! temporary directory, on PostgreSQL in a fresh database of the server named by
//! `AMETIJUHEND_TEST_POSTGRES_URL` (created for the test and dropped after it, so tests run in
//! parallel). Run everything with `scripts/with-postgres.sh cargo test -p ametijuhend-store`;
//! without the variable the PostgreSQL tests fail and say so.

use super::*;
use ametijuhend_domain::sample::sample_registry;
use sqlx::Connection as _;
use std::future::Future;
use std::path::PathBuf;

mod accounts;
mod cases;
mod changes;
mod discard;
mod imports;
mod pickers;
mod read_models;
mod revisions;
mod signatures;
mod tasks;
mod usage;

/// The sample registry in canonical order.
fn sample() -> Registry {
    let mut r = sample_registry();
    r.canonicalize();
    r
}

fn pretty(r: &Registry) -> String {
    serde_json::to_string_pretty(r).expect("a registry serialises")
}

/// A directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let name = format!("ametijuhend-store-test-{}", uuid::Uuid::new_v4().simple());
        Self(std::env::temp_dir().join(name))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn with_sqlite<F, Fut>(test: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = TempDir::new();
    let store = open(None, &dir.0).await.expect("the SQLite store opens");
    assert_eq!(store.backend(), Backend::Sqlite);
    test(store).await;
}

const POSTGRES_URL_VAR: &str = "AMETIJUHEND_TEST_POSTGRES_URL";

async fn with_postgres<F, Fut>(test: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let server = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| {
        panic!(
            "{POSTGRES_URL_VAR} is not set, so the PostgreSQL tests cannot run: run them via \
             `scripts/with-postgres.sh cargo test -p ametijuhend-store` (it starts a throwaway \
             server), or set {POSTGRES_URL_VAR}=postgres://USER@HOST:PORT"
        )
    });
    let server = server.trim_end_matches('/');
    let name = format!("ametijuhend_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the test server accepts connections to its 'postgres' database");
    // The name is generated above (letters, digits, '_'); DDL takes no parameters.
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("a test database can be created");
    let store = open(Some(&format!("{server}/{name}")), Path::new("."))
        .await
        .expect("the PostgreSQL store opens");
    assert_eq!(store.backend(), Backend::Postgres);
    // Run the test as a task so that the database is dropped even when it panics.
    let outcome = tokio::spawn(test(store)).await;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .expect("the test database can be dropped");
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("the test task failed: {e}"),
        }
    }
}

/// Runs each case of `cases` on both backends.
macro_rules! backend_tests {
    ($($case:ident),* $(,)?) => {
        mod sqlite_backend {
            $(
                #[tokio::test]
                async fn $case() {
                    super::with_sqlite(super::cases::$case).await
                }
            )*
        }
        mod postgres_backend {
            $(
                #[tokio::test]
                async fn $case() {
                    super::with_postgres(super::cases::$case).await
                }
            )*
        }
    };
}

backend_tests!(
    an_empty_store_is_empty,
    round_trip_is_byte_identical,
    restore_refuses_a_non_empty_store_unless_replacing,
    an_invalid_restore_names_the_path_and_changes_nothing,
    apply_writes_nothing_when_a_reference_dangles,
    apply_rolls_back_a_cycle_found_after_writing,
    apply_updates_records_in_place,
    apply_accepts_references_within_the_change_set,
    lists_and_gets_return_what_was_stored,
    substitutions_are_added_and_removed,
    version_numbers_stay_unique,
    concurrent_writers_all_succeed,
    accounts_and_sessions_are_stored,
    accounts_are_not_part_of_the_registry,
    drafts_are_saved_with_audit_or_refused_on_conflict,
    simultaneous_draft_saves_store_one_and_refuse_the_rest,
    positions_with_versions_are_not_deleted,
    transitions_are_refused_when_the_version_changed,
    every_write_is_one_revision_in_the_change_log,
    concurrent_writes_get_distinct_gap_free_revisions,
    reminders_are_recorded_once,
    position_slices_hold_what_the_registry_holds_around_them,
    positions_by_id_returns_those_that_exist,
    a_position_neighbourhood_is_its_chain_subordinates_and_partners,
    position_rows_name_each_position_and_its_latest_version,
    positions_in_units_are_those_directly_in_them,
    directive_candidates_are_the_latest_versions_in_a_status,
    the_import_index_and_versions_match_the_registry,
    racing_position_edits_store_one_and_refuse_the_rest,
    stale_unit_edits_write_nothing,
    a_draft_save_after_the_submission_is_refused,
    task_rows_are_the_versions_waiting_for_a_step,
    signed_containers_are_stored_with_what_they_complete,
    discarded_drafts_are_removed_with_audit_or_refused,
    usage_counts_equal_the_registry_in_memory,
);

#[tokio::test]
async fn open_creates_the_data_directory_and_the_database_and_reopens_it() {
    let dir = TempDir::new();
    let data = dir.0.join("nested").join("data");
    let store = open(None, &data).await.expect("opens");
    assert!(data.join("registry.db").is_file());
    store
        .restore(&sample(), RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    drop(store);
    // Opening again applies no migration twice and finds the records.
    let store = open(None, &data).await.expect("opens again");
    let exported = store.export().await.expect("exports");
    assert_eq!(pretty(&exported), pretty(&sample()));
}

#[tokio::test]
async fn open_accepts_every_sqlite_url_form() {
    let dir = TempDir::new();
    std::fs::create_dir_all(&dir.0).expect("temp dir");
    let a = dir.0.join("a.db");
    let b = dir.0.join("b.db");
    for url in [
        format!("sqlite://{}", a.display()),
        format!("sqlite:{}", b.display()),
        "sqlite::memory:".to_string(),
    ] {
        let store = open(Some(&url), Path::new("/nonexistent"))
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        assert!(store.is_empty().await.expect("counts"), "{url}");
    }
    assert!(a.is_file() && b.is_file());
}

#[tokio::test]
async fn open_explains_a_bad_url_without_showing_the_password() {
    let err = open(Some("mysql://root:geheim@db.example/x"), Path::new("."))
        .await
        .err()
        .expect("mysql is not supported");
    let text = err.to_string();
    assert!(matches!(err, StoreError::UnsupportedUrl { .. }), "{text}");
    assert!(
        text.contains("sqlite://PATH") && text.contains("postgres://"),
        "{text}"
    );
    assert!(!text.contains("geheim"), "{text}");

    // Port 1 on the loopback address: nothing listens there.
    let err = open(
        Some("postgres://user:geheim@127.0.0.1:1/db"),
        Path::new("."),
    )
    .await
    .err()
    .expect("nothing listens on port 1");
    let text = err.to_string();
    assert!(matches!(err, StoreError::Connection { .. }), "{text}");
    assert!(
        text.contains("postgres://user:***@127.0.0.1:1/db"),
        "{text}"
    );
    assert!(!text.contains("geheim"), "{text}");

    let dir = TempDir::new();
    let url = format!("sqlite://{}", dir.0.join("missing").join("x.db").display());
    let err = open(Some(&url), Path::new("."))
        .await
        .err()
        .expect("no directory");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[tokio::test]
async fn a_value_changed_by_hand_is_reported_not_panicked_on() {
    let dir = TempDir::new();
    let store = open(None, &dir.0).await.expect("opens");
    store
        .restore(&sample(), RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    let db = dir.0.join("registry.db");
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("connects");
    sqlx::query("UPDATE role_cards SET body = '{\"note\": 5}'")
        .execute(&mut conn)
        .await
        .expect("updates");
    let err = store
        .list_role_cards()
        .await
        .expect_err("the body is not a role card");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains("table role_cards, column body"), "{text}");
    assert!(
        text.contains("restore the registry from an export"),
        "{text}"
    );
}

#[test]
fn the_sample_source_documents_carry_their_real_hashes() {
    use sha2::Digest as _;
    for d in sample().source_documents {
        assert_eq!(
            hex::encode(sha2::Sha256::digest(&d.content)),
            d.content_hash
        );
    }
}
