//! The SQLite backend: one database file (WAL journal, foreign keys on, a busy timeout so that
//! concurrent writers wait instead of failing), migrated from `migrations/sqlite` when opened.

use crate::engine::repository_impl;
use crate::sql::{Driver, Session, Stmt, TxMode, bind_args, impl_row};
use crate::{Backend, Result, StoreError};
use async_trait::async_trait;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{SqlSafeStr, Sqlite, Transaction};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another writer's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The registry in a SQLite database.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

fn migrator() -> Migrator {
    Migrator::with_migrations(vec![
        Migration::new(
            1,
            "registry".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0001_registry.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            2,
            "accounts".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0002_accounts.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            3,
            "changes".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0003_changes.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            4,
            "notifications".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0004_notifications.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            5,
            "next_steps".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0005_next_steps.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            6,
            "signatures".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0006_signatures.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            7,
            "task_index".into(),
            MigrationType::Simple,
            include_str!("../migrations/sqlite/0007_task_index.sql").into_sql_str(),
            false,
        ),
    ])
}

impl SqliteStore {
    /// Opens the database file at `path`, creating the file (not its directory) when it does
    /// not exist, and applies the migrations.
    pub async fn open(path: &Path) -> Result<Self> {
        let shown = format!("sqlite://{}", path.display());
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(StoreError::Connection {
                url: shown,
                message: format!(
                    "the directory '{}' does not exist: create it or correct the path",
                    dir.display()
                ),
            });
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Connection {
                url: shown.clone(),
                message: format!("{e}: check that the file is a SQLite database you may write"),
            })?;
        let store = Self::migrated(pool).await?;
        tracing::info!(database = %shown, "opened the SQLite registry");
        Ok(store)
    }

    /// Opens a private in-memory database (for tests and trials): it is gone when the store is
    /// dropped.
    pub async fn open_in_memory() -> Result<Self> {
        let options = SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(true);
        // Every connection to ":memory:" is a database of its own: keep exactly one, forever.
        let pool = SqlitePoolOptions::new()
            .min_connections(1)
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Connection {
                url: "sqlite::memory:".into(),
                message: e.to_string(),
            })?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<Self> {
        migrator()
            .run(&pool)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(Self { pool })
    }
}

/// A transaction on one pooled connection.
pub(crate) struct SqliteSession(Transaction<'static, Sqlite>);

impl_row!(SqliteRow);

#[async_trait]
impl Session for SqliteSession {
    type Row = SqliteRow;

    async fn execute(&mut self, stmt: Stmt) -> Result<u64> {
        bind_args!(stmt)
            .execute(&mut *self.0)
            .await
            .map(|r| r.rows_affected())
            .map_err(StoreError::from_sqlx)
    }

    async fn fetch(&mut self, stmt: Stmt) -> Result<Vec<SqliteRow>> {
        bind_args!(stmt)
            .fetch_all(&mut *self.0)
            .await
            .map_err(StoreError::from_sqlx)
    }

    async fn commit(self) -> Result<()> {
        self.0.commit().await.map_err(StoreError::from_sqlx)
    }
}

#[async_trait]
impl Driver for SqliteStore {
    type Session = SqliteSession;

    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn begin(&self, mode: TxMode) -> Result<SqliteSession> {
        // A writer takes the write lock at once (IMMEDIATE): a deferred transaction that reads
        // first could not upgrade its lock after another writer committed.
        let begin = match mode {
            TxMode::Read => "BEGIN",
            TxMode::Write => "BEGIN IMMEDIATE",
        };
        self.pool
            .begin_with(begin)
            .await
            .map(SqliteSession)
            .map_err(StoreError::from_sqlx)
    }
}

repository_impl!(SqliteStore);
