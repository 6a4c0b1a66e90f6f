//! The PostgreSQL backend: a connection pool to one database, migrated from
//! `migrations/postgres` when opened. Reads run in REPEATABLE READ transactions so that an
//! export sees one consistent snapshot.

use crate::engine::repository_impl;
use crate::sql::{Driver, Session, Stmt, TxMode, bind_args, impl_row};
use crate::url::redact;
use crate::{Backend, Result, StoreError};
use async_trait::async_trait;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions, PgRow};
use sqlx::{Connection as _, Postgres, SqlSafeStr, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// The registry in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

fn migrator() -> Migrator {
    Migrator::with_migrations(vec![
        Migration::new(
            1,
            "registry".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0001_registry.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            2,
            "accounts".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0002_accounts.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            3,
            "changes".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0003_changes.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            4,
            "notifications".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0004_notifications.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            5,
            "next_steps".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0005_next_steps.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            6,
            "signatures".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0006_signatures.sql").into_sql_str(),
            false,
        ),
        Migration::new(
            7,
            "task_index".into(),
            MigrationType::Simple,
            include_str!("../migrations/postgres/0007_task_index.sql").into_sql_str(),
            false,
        ),
    ])
}

impl PostgresStore {
    /// Connects to the database of `url` (`postgres://USER[:PASSWORD]@HOST:PORT/DB`) and
    /// applies the migrations.
    pub async fn open(url: &str) -> Result<Self> {
        let shown = redact(url);
        let fail = |message: String| StoreError::Connection {
            url: shown.clone(),
            message,
        };
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| fail(format!("the URL is malformed ({e}): correct it")))?;
        let unreachable = |e: sqlx::Error| {
            fail(format!(
                "{e}: check that the server runs, that the URL names it and an existing \
                 database, and that the user may connect"
            ))
        };
        // One plain connection first: the pool would retry a refused connection until its
        // timeout, and the user should hear at once what is wrong.
        PgConnection::connect_with(&options)
            .await
            .map_err(unreachable)?
            .close()
            .await
            .map_err(unreachable)?;
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await
            .map_err(unreachable)?;
        migrator()
            .run(&pool)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        tracing::info!(database = %shown, "opened the PostgreSQL registry");
        Ok(Self { pool })
    }
}

/// A transaction on one pooled connection.
pub(crate) struct PgSession(Transaction<'static, Postgres>);

impl_row!(PgRow);

#[async_trait]
impl Session for PgSession {
    type Row = PgRow;

    async fn execute(&mut self, stmt: Stmt) -> Result<u64> {
        bind_args!(stmt)
            .execute(&mut *self.0)
            .await
            .map(|r| r.rows_affected())
            .map_err(StoreError::from_sqlx)
    }

    async fn fetch(&mut self, stmt: Stmt) -> Result<Vec<PgRow>> {
        bind_args!(stmt)
            .fetch_all(&mut *self.0)
            .await
            .map_err(StoreError::from_sqlx)
    }

    async fn commit(self) -> Result<()> {
        self.0.commit().await.map_err(StoreError::from_sqlx)
    }

    fn binary_collation(&self) -> &'static str {
        " COLLATE \"C\""
    }
}

#[async_trait]
impl Driver for PostgresStore {
    type Session = PgSession;

    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn begin(&self, mode: TxMode) -> Result<PgSession> {
        let begin = match mode {
            TxMode::Read => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            TxMode::Write => "BEGIN",
        };
        self.pool
            .begin_with(begin)
            .await
            .map(PgSession)
            .map_err(StoreError::from_sqlx)
    }
}

repository_impl!(PostgresStore);
