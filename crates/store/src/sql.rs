//! The narrow interface between the shared storage logic and the two SQL backends.
//!
//! Everything that knows the schema (statements, row mapping, validation) is written once
//! against [`Driver`], [`Session`] and [`Row`]; a backend only opens transactions, binds
//! [`Arg`]s and decodes column values. Both backends take the same SQL: parameters are written
//! `$1`, `$2` … (SQLite accepts that form too), upserts use `ON CONFLICT … DO UPDATE`, and text is
//! never ordered by the database (collations differ): records are sorted in Rust.

use crate::{Backend, Result, StoreError};
use ametijuhend_domain::Timestamp;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fmt::Display;

/// A statement parameter, typed so that a NULL still has its SQL type (PostgreSQL needs it).
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(bool),
    Date(Option<NaiveDate>),
    Timestamp(DateTime<Utc>),
    Bytes(Vec<u8>),
    Json(serde_json::Value),
}

/// A statement with its parameters, built with the chained setters in parameter order.
#[derive(Debug, Clone)]
pub(crate) struct Stmt {
    pub sql: Cow<'static, str>,
    pub args: Vec<Arg>,
}

impl Stmt {
    pub fn new(sql: impl Into<Cow<'static, str>>) -> Self {
        Self {
            sql: sql.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, a: Arg) -> Self {
        self.args.push(a);
        self
    }
    pub fn text(self, v: impl Display) -> Self {
        self.arg(Arg::Text(Some(v.to_string())))
    }
    pub fn opt_text(self, v: Option<impl Display>) -> Self {
        self.arg(Arg::Text(v.map(|v| v.to_string())))
    }
    pub fn int(self, v: impl Into<i64>) -> Self {
        self.arg(Arg::Int(Some(v.into())))
    }
    pub fn opt_int(self, v: Option<impl Into<i64>>) -> Self {
        self.arg(Arg::Int(v.map(Into::into)))
    }
    /// A position in a list (0-based), for the `seq` columns that keep order.
    pub fn seq(self, i: usize) -> Self {
        self.arg(Arg::Int(Some(i64::try_from(i).unwrap_or(i64::MAX))))
    }
    pub fn boolean(self, v: bool) -> Self {
        self.arg(Arg::Bool(v))
    }
    pub fn date(self, v: Option<NaiveDate>) -> Self {
        self.arg(Arg::Date(v))
    }
    pub fn timestamp(self, v: Timestamp) -> Self {
        self.arg(Arg::Timestamp(v.as_datetime()))
    }
    pub fn bytes(self, v: &[u8]) -> Self {
        self.arg(Arg::Bytes(v.to_vec()))
    }
    pub fn json(self, v: &impl Serialize) -> Result<Self> {
        let value = serde_json::to_value(v)
            .map_err(|e| StoreError::Database(format!("cannot encode a record as JSON: {e}")))?;
        Ok(self.arg(Arg::Json(value)))
    }
}

/// How a transaction is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TxMode {
    /// Reads only, from one consistent snapshot.
    Read,
    /// Writes; takes the write lock up front where the backend has one.
    Write,
}

/// A database row; columns are read by position. Errors are plain messages (the caller adds
/// which table and column).
pub(crate) trait Row: Send + Sync {
    fn column_name(&self, i: usize) -> String;
    fn text(&self, i: usize) -> Result<Option<String>, String>;
    fn int(&self, i: usize) -> Result<Option<i64>, String>;
    fn boolean(&self, i: usize) -> Result<Option<bool>, String>;
    fn date(&self, i: usize) -> Result<Option<NaiveDate>, String>;
    fn timestamp(&self, i: usize) -> Result<Option<DateTime<Utc>>, String>;
    fn bytes(&self, i: usize) -> Result<Option<Vec<u8>>, String>;
    fn json(&self, i: usize) -> Result<Option<serde_json::Value>, String>;
}

/// Implements [`Row`] for a backend's row type through `sqlx::Row::try_get`.
macro_rules! impl_row {
    ($row:ty) => {
        impl $crate::sql::Row for $row {
            fn column_name(&self, i: usize) -> String {
                use sqlx::Column as _;
                sqlx::Row::columns(self)
                    .get(i)
                    .map(|c| c.name().to_string())
                    .unwrap_or_else(|| format!("#{}", i + 1))
            }
            fn text(&self, i: usize) -> Result<Option<String>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn int(&self, i: usize) -> Result<Option<i64>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn boolean(&self, i: usize) -> Result<Option<bool>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn date(&self, i: usize) -> Result<Option<chrono::NaiveDate>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn timestamp(&self, i: usize) -> Result<Option<chrono::DateTime<chrono::Utc>>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn bytes(&self, i: usize) -> Result<Option<Vec<u8>>, String> {
                sqlx::Row::try_get(self, i).map_err(|e| e.to_string())
            }
            fn json(&self, i: usize) -> Result<Option<serde_json::Value>, String> {
                sqlx::Row::try_get::<Option<sqlx::types::Json<serde_json::Value>>, _>(self, i)
                    .map(|v| v.map(|j| j.0))
                    .map_err(|e| e.to_string())
            }
        }
    };
}
pub(crate) use impl_row;

/// Binds a statement's [`Arg`]s to a backend's query.
macro_rules! bind_args {
    ($stmt:expr) => {{
        let stmt: $crate::sql::Stmt = $stmt;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(stmt.sql));
        for a in stmt.args {
            use $crate::sql::Arg;
            q = match a {
                Arg::Text(v) => q.bind(v),
                Arg::Int(v) => q.bind(v),
                Arg::Bool(v) => q.bind(v),
                Arg::Date(v) => q.bind(v),
                Arg::Timestamp(v) => q.bind(v),
                Arg::Bytes(v) => q.bind(v),
                Arg::Json(v) => q.bind(sqlx::types::Json(v)),
            };
        }
        q
    }};
}
pub(crate) use bind_args;

/// One transaction on one connection. Dropping it without [`Session::commit`] rolls it back.
#[async_trait]
pub(crate) trait Session: Send {
    type Row: Row;
    /// Runs a statement; returns the number of rows it changed.
    async fn execute(&mut self, stmt: Stmt) -> Result<u64>;
    async fn fetch(&mut self, stmt: Stmt) -> Result<Vec<Self::Row>>;
    async fn commit(self) -> Result<()>;
    /// The collation clause that orders and compares text byte by byte (as Rust does):
    /// `COLLATE "C"` on PostgreSQL, nothing on SQLite (BINARY is its default).
    fn binary_collation(&self) -> &'static str {
        ""
    }
}

/// A backend: opens transactions.
#[async_trait]
pub(crate) trait Driver: Send + Sync + 'static {
    type Session: Session;
    fn backend(&self) -> Backend;
    async fn begin(&self, mode: TxMode) -> Result<Self::Session>;
}

/// Reads the columns of a row in order, turning unreadable values into [`StoreError::Corrupt`]
/// errors that name the table and column.
pub(crate) struct Cols<'r, R: Row> {
    table: &'static str,
    row: &'r R,
    next: usize,
}

impl<'r, R: Row> Cols<'r, R> {
    pub fn new(table: &'static str, row: &'r R) -> Self {
        Self {
            table,
            row,
            next: 0,
        }
    }

    fn fail(&self, i: usize, message: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt {
            record: format!("table {}, column {}", self.table, self.row.column_name(i)),
            message: message.to_string(),
        }
    }

    fn take<T>(
        &mut self,
        get: impl Fn(&R, usize) -> Result<Option<T>, String>,
    ) -> Result<Option<T>> {
        let i = self.next;
        self.next += 1;
        get(self.row, i).map_err(|e| self.fail(i, e))
    }

    fn required<T>(&self, v: Option<T>) -> Result<T> {
        v.ok_or_else(|| self.fail(self.next - 1, "is NULL where a value is required"))
    }

    pub fn opt_text(&mut self) -> Result<Option<String>> {
        self.take(R::text)
    }
    pub fn text(&mut self) -> Result<String> {
        let v = self.opt_text()?;
        self.required(v)
    }
    pub fn opt_u32(&mut self) -> Result<Option<u32>> {
        match self.take(R::int)? {
            None => Ok(None),
            Some(n) => u32::try_from(n)
                .map(Some)
                .map_err(|_| self.fail(self.next - 1, format!("{n} is out of range"))),
        }
    }
    pub fn u32(&mut self) -> Result<u32> {
        let v = self.opt_u32()?;
        self.required(v)
    }
    pub fn i64(&mut self) -> Result<i64> {
        let v = self.take(R::int)?;
        self.required(v)
    }
    pub fn boolean(&mut self) -> Result<bool> {
        let v = self.take(R::boolean)?;
        self.required(v)
    }
    pub fn opt_date(&mut self) -> Result<Option<NaiveDate>> {
        self.take(R::date)
    }
    pub fn timestamp(&mut self) -> Result<Timestamp> {
        let v = self.take(R::timestamp)?;
        self.required(v).map(Timestamp::from_datetime)
    }
    pub fn bytes(&mut self) -> Result<Vec<u8>> {
        let v = self.take(R::bytes)?;
        self.required(v)
    }
    /// A JSON column that may be NULL.
    pub fn opt_json(&mut self) -> Result<Option<serde_json::Value>> {
        self.take(R::json)
    }
    pub fn json<T: DeserializeOwned>(&mut self) -> Result<T> {
        let v = self.take(R::json)?;
        let v = self.required(v)?;
        serde_json::from_value(v).map_err(|e| self.fail(self.next - 1, e))
    }
    /// A value kept as a JSON string in the interchange format (ids, language codes), read
    /// without normalising it.
    pub fn opt_parsed<T: DeserializeOwned>(&mut self) -> Result<Option<T>> {
        match self.opt_text()? {
            None => Ok(None),
            Some(s) => serde_json::from_value(serde_json::Value::String(s))
                .map(Some)
                .map_err(|e| self.fail(self.next - 1, e)),
        }
    }
    pub fn parsed<T: DeserializeOwned>(&mut self) -> Result<T> {
        let v = self.opt_parsed()?;
        self.required(v)
    }
    /// An enum stored by its `as_str` name.
    pub fn name<T>(&mut self, parse: fn(&str) -> Option<T>) -> Result<T> {
        let s = self.text()?;
        parse(&s).ok_or_else(|| self.fail(self.next - 1, format!("'{s}' is not a known value")))
    }
}
