//! Accounts, sessions, the audit trail, and the audited writes of the web application.
//!
//! None of this is part of the registry document: `export` does not write users, sessions or
//! audit events, and `restore` leaves them alone. Every audited write stores its records and its
//! audit events in one transaction: both or neither.

use crate::check::{check_against_store, check_change_set, check_unit_tree};
use crate::engine::write;
use crate::records::{Filter, load_job_descriptions};
use crate::sql::{Cols, Driver, Row, Session, Stmt, TxMode};
use crate::{ChangeSet, Result, StoreError};
use ametijuhend_domain::{JobDescription, PositionId, Role, Timestamp, UnitId};
use serde_json::Value;

/// A person who signs in to the program.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    /// A random UUID.
    pub id: String,
    /// Unique sign-in name.
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// For a manager: the unit whose subtree they may edit.
    pub unit: Option<UnitId>,
    /// For a staff member: the position they hold.
    pub position: Option<PositionId>,
    /// Preferred interface language: "et", "en" or "ru".
    pub language: String,
    pub created_at: Timestamp,
}

/// A signed-in session. The token itself is never stored, only its SHA-256 (hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub token_hash: String,
    pub user_id: String,
    /// The token every form of this session carries (CSRF protection).
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// One change as the audit trail records it: who, when, what, and the record before and after
/// (as JSON; `None` when the record did not exist before, or no longer exists after).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// The account name.
    pub actor: String,
    /// What was done, e.g. `unit.created`, `job_description.draft_saved`.
    pub action: String,
    /// The kind of record whose history shows the change: `unit`, `position`.
    pub record_kind: String,
    pub record_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl AuditEntry {
    /// An entry for `action` (e.g. `unit.created`) by `actor` on a record; add the record as it
    /// was and as it is with [`AuditEntry::before`] and [`AuditEntry::after`].
    pub fn new(
        at: Timestamp,
        actor: impl Into<String>,
        action: impl Into<String>,
        record_kind: &str,
        record_id: impl std::fmt::Display,
    ) -> Self {
        Self {
            at,
            actor: actor.into(),
            action: action.into(),
            record_kind: record_kind.to_string(),
            record_id: record_id.to_string(),
            before: None,
            after: None,
        }
    }

    /// The record before the change.
    pub fn before(mut self, record: &impl serde::Serialize) -> Self {
        self.before = serde_json::to_value(record).ok();
        self
    }

    /// The record after the change.
    pub fn after(mut self, record: &impl serde::Serialize) -> Self {
        self.after = serde_json::to_value(record).ok();
        self
    }
}

/// A stored [`AuditEntry`] with its sequence number (ascending in the order of writing).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent {
    pub id: i64,
    pub entry: AuditEntry,
}

const USER_COLUMNS: &str =
    "u.id, u.username, u.display_name, u.roles, u.unit_id, u.position_id, u.language, u.created_at";

fn read_user<R: Row>(c: &mut Cols<'_, R>) -> Result<User> {
    Ok(User {
        id: c.text()?,
        username: c.text()?,
        display_name: c.text()?,
        roles: c.json()?,
        unit: c.opt_parsed()?,
        position: c.opt_parsed()?,
        language: c.text()?,
        created_at: c.timestamp()?,
    })
}

/// Creates an account; refused when the username is taken.
pub(crate) async fn create_user<D: Driver>(d: &D, user: &User, password_hash: &str) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    let taken = s
        .fetch(Stmt::new("SELECT id FROM users WHERE username = $1").text(&user.username))
        .await?;
    if !taken.is_empty() {
        return Err(StoreError::Invalid {
            path: "username".into(),
            message: format!(
                "an account named '{}' already exists: choose another username",
                user.username
            ),
        });
    }
    s.execute(
        Stmt::new(
            "INSERT INTO users (id, username, display_name, password_hash, roles, unit_id, \
             position_id, language, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .text(&user.id)
        .text(&user.username)
        .text(&user.display_name)
        .text(password_hash)
        .json(&user.roles)?
        .opt_text(user.unit.as_ref())
        .opt_text(user.position.as_ref())
        .text(&user.language)
        .timestamp(user.created_at),
    )
    .await?;
    s.commit().await
}

pub(crate) async fn list_users<D: Driver>(d: &D) -> Result<Vec<User>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(Stmt::new(format!("SELECT {USER_COLUMNS} FROM users u")))
        .await?;
    let mut users = rows
        .iter()
        .map(|r| read_user(&mut Cols::new("users", r)))
        .collect::<Result<Vec<_>>>()?;
    users.sort_by(|a, b| a.username.cmp(&b.username));
    Ok(users)
}

/// The account and its password hash, by username.
pub(crate) async fn find_user<D: Driver>(d: &D, username: &str) -> Result<Option<(User, String)>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.username = $1"
            ))
            .text(username),
        )
        .await?;
    match rows.first() {
        None => Ok(None),
        Some(row) => {
            let mut c = Cols::new("users", row);
            let user = read_user(&mut c)?;
            Ok(Some((user, c.text()?)))
        }
    }
}

pub(crate) async fn set_user_language<D: Driver>(
    d: &D,
    user_id: &str,
    language: &str,
) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    s.execute(
        Stmt::new("UPDATE users SET language = $1 WHERE id = $2")
            .text(language)
            .text(user_id),
    )
    .await?;
    s.commit().await
}

pub(crate) async fn create_session<D: Driver>(d: &D, session: &SessionRecord) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    s.execute(
        Stmt::new(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .text(&session.token_hash)
        .text(&session.user_id)
        .text(&session.csrf_token)
        .timestamp(session.created_at)
        .timestamp(session.expires_at),
    )
    .await?;
    s.commit().await
}

/// The session with this token hash and its account (expired sessions included: the caller
/// compares `expires_at` with the time).
pub(crate) async fn find_session<D: Driver>(
    d: &D,
    token_hash: &str,
) -> Result<Option<(SessionRecord, User)>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, \
                 {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id \
                 WHERE s.token_hash = $1"
            ))
            .text(token_hash),
        )
        .await?;
    match rows.first() {
        None => Ok(None),
        Some(row) => {
            let mut c = Cols::new("sessions", row);
            let session = SessionRecord {
                token_hash: c.text()?,
                user_id: c.text()?,
                csrf_token: c.text()?,
                created_at: c.timestamp()?,
                expires_at: c.timestamp()?,
            };
            Ok(Some((session, read_user(&mut c)?)))
        }
    }
}

pub(crate) async fn delete_session<D: Driver>(d: &D, token_hash: &str) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    s.execute(Stmt::new("DELETE FROM sessions WHERE token_hash = $1").text(token_hash))
        .await?;
    s.commit().await
}

/// Deletes the sessions that expired before `now`; returns how many.
pub(crate) async fn delete_expired_sessions<D: Driver>(d: &D, now: Timestamp) -> Result<u64> {
    let mut s = d.begin(TxMode::Write).await?;
    let n = s
        .execute(Stmt::new("DELETE FROM sessions WHERE expires_at < $1").timestamp(now))
        .await?;
    s.commit().await?;
    Ok(n)
}

pub(crate) async fn insert_audit<S: Session>(s: &mut S, e: &AuditEntry) -> Result<()> {
    let json = |v: &Option<Value>| v.clone().unwrap_or(Value::Null);
    s.execute(
        Stmt::new(
            "INSERT INTO audit_events (at, actor, action, record_kind, record_id, before_json, \
             after_json) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .timestamp(e.at)
        .text(&e.actor)
        .text(&e.action)
        .text(&e.record_kind)
        .text(&e.record_id)
        .json(&json(&e.before))?
        .json(&json(&e.after))?,
    )
    .await?;
    Ok(())
}

/// Writes a change set (checked like [`crate::Repository::apply`]) and its audit events.
pub(crate) async fn apply_in<S: Session>(
    s: &mut S,
    changes: &ChangeSet,
    audit: &[AuditEntry],
) -> Result<()> {
    if !changes.is_empty() {
        check_against_store(s, changes).await?;
        write(s, changes).await?;
        if !changes.units.is_empty() {
            check_unit_tree(s, changes).await?;
        }
    }
    for e in audit {
        insert_audit(s, e).await?;
    }
    Ok(())
}

pub(crate) async fn apply_audited<D: Driver>(
    d: &D,
    changes: &ChangeSet,
    audit: &[AuditEntry],
) -> Result<()> {
    check_change_set(changes)?;
    let mut s = d.begin(TxMode::Write).await?;
    apply_in(&mut s, changes, audit).await?;
    s.commit().await
}

/// Fails with [`StoreError::Changed`] unless each version of `unchanged` is stored exactly as
/// given, inside the caller's write transaction (writers serialised first).
pub(crate) async fn check_unchanged<S: Session>(
    s: &mut S,
    unchanged: &[JobDescription],
) -> Result<()> {
    for expected in unchanged {
        let stored = load_job_descriptions(s, Filter::Id(expected.id.as_str())).await?;
        if stored.first() != Some(expected) {
            return Err(StoreError::Changed {
                record: format!(
                    "job description {} (version {})",
                    expected.id, expected.version
                ),
            });
        }
    }
    Ok(())
}

/// [`apply_audited`] only while every job description of `unchanged` is still stored exactly as
/// given (optimistic concurrency for lifecycle transitions); otherwise fails with
/// [`StoreError::Changed`] and writes nothing. Writers are serialised first (the revision
/// counter's row is locked), so the comparison and the write see the same record.
pub(crate) async fn apply_audited_if_unchanged<D: Driver>(
    d: &D,
    changes: &ChangeSet,
    unchanged: &[JobDescription],
    audit: &[AuditEntry],
) -> Result<()> {
    check_change_set(changes)?;
    let mut s = d.begin(TxMode::Write).await?;
    serialise_writers(&mut s).await?;
    check_unchanged(&mut s, unchanged).await?;
    apply_in(&mut s, changes, audit).await?;
    s.commit().await
}

/// Waits for the other writing transactions and keeps them waiting until this one ends, by
/// locking the revision counter's row (which every write updates anyway). SQLite's writers are
/// serialised already (`BEGIN IMMEDIATE`); on PostgreSQL this makes a check-then-write inside
/// the transaction see every write committed before it.
pub(crate) async fn serialise_writers<S: Session>(s: &mut S) -> Result<()> {
    s.execute(Stmt::new(
        "UPDATE registry_revision SET value = value WHERE id = 1",
    ))
    .await?;
    Ok(())
}

/// The highest version number of a position's job description, if it has any.
async fn latest_version<S: Session>(s: &mut S, position: &PositionId) -> Result<Option<u32>> {
    let rows = s
        .fetch(
            Stmt::new("SELECT MAX(version) FROM job_descriptions WHERE position_id = $1")
                .text(position),
        )
        .await?;
    match rows.first() {
        Some(row) => Cols::new("job_descriptions", row).opt_u32(),
        None => Ok(None),
    }
}

/// Stores a new draft version (with the rest of the change set and the audit event) only when
/// the position's latest version is still `expected_latest` (`None`: no version yet);
/// otherwise fails with [`StoreError::Conflict`] and writes nothing.
pub(crate) async fn save_job_description_draft<D: Driver>(
    d: &D,
    changes: &ChangeSet,
    position: &PositionId,
    expected_latest: Option<u32>,
    audit: &AuditEntry,
) -> Result<()> {
    check_change_set(changes)?;
    let mut s = d.begin(TxMode::Write).await?;
    // Without this, two saves from the same version could both read the same latest version
    // (PostgreSQL, read committed) and the later one would fail on the unique version number
    // instead of being told of the conflict.
    serialise_writers(&mut s).await?;
    let found = latest_version(&mut s, position).await?;
    if found != expected_latest {
        return Err(StoreError::Conflict {
            expected: expected_latest,
            found,
        });
    }
    // A draft is saved beside the latest version only while that one is not in coordination
    // (checked here, inside the transaction, so that a save racing a submission loses).
    if let Some(latest) = found {
        let rows = s
            .fetch(
                Stmt::new(
                    "SELECT status FROM job_descriptions WHERE position_id = $1 AND version = $2",
                )
                .text(position)
                .int(i64::from(latest)),
            )
            .await?;
        if let Some(row) = rows.first()
            && Cols::new("job_descriptions", row).text()? == "in_coordination"
        {
            return Err(StoreError::Changed {
                record: format!(
                    "job description version {latest} (it was submitted for coordination; it \
                     must be returned to draft before it is edited)"
                ),
            });
        }
    }
    apply_in(&mut s, changes, std::slice::from_ref(audit)).await?;
    s.commit().await
}

/// Deletes a position that has no job description versions, subordinates, substitution links
/// or holders, and records the audit event.
pub(crate) async fn delete_position<D: Driver>(
    d: &D,
    id: &PositionId,
    audit: &AuditEntry,
) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    let checks = [
        (
            "SELECT COUNT(*) FROM job_descriptions WHERE position_id = $1",
            "it has job description versions, which are kept for good",
        ),
        (
            "SELECT COUNT(*) FROM positions WHERE supervisor_id = $1",
            "other positions report to it: give them another supervisor first",
        ),
        (
            "SELECT COUNT(*) FROM substitutions WHERE substitute_id = $1 OR substituted_id = $1",
            "it substitutes or is substituted by other positions: remove those links first",
        ),
        (
            "SELECT COUNT(*) FROM assignments WHERE position_id = $1",
            "it has holders recorded",
        ),
    ];
    for (sql, reason) in checks {
        let rows = s.fetch(Stmt::new(sql).text(id)).await?;
        let n = match rows.first() {
            Some(row) => Cols::new("positions", row).i64()?,
            None => 0,
        };
        if n > 0 {
            return Err(StoreError::Invalid {
                path: format!("positions['{id}']"),
                message: format!("cannot be removed: {reason}; nothing was changed"),
            });
        }
    }
    let n = s
        .execute(Stmt::new("DELETE FROM positions WHERE id = $1").text(id))
        .await?;
    if n == 0 {
        return Err(StoreError::Invalid {
            path: format!("positions['{id}']"),
            message: "no such position; nothing was changed".into(),
        });
    }
    insert_audit(&mut s, audit).await?;
    crate::changes::record_one(&mut s, "position", id.as_str()).await?;
    s.commit().await
}

fn read_audit<R: Row>(row: &R) -> Result<AuditEvent> {
    let mut c = Cols::new("audit_events", row);
    let id = c.i64()?;
    let at = c.timestamp()?;
    let actor = c.text()?;
    let action = c.text()?;
    let record_kind = c.text()?;
    let record_id = c.text()?;
    let some = |v: Value| (!v.is_null()).then_some(v);
    let before = c.opt_json()?.and_then(some);
    let after = c.opt_json()?.and_then(some);
    Ok(AuditEvent {
        id,
        entry: AuditEntry {
            at,
            actor,
            action,
            record_kind,
            record_id,
            before,
            after,
        },
    })
}

const AUDIT_COLUMNS: &str =
    "id, at, actor, action, record_kind, record_id, before_json, after_json";

/// The audit events of one record, oldest first.
pub(crate) async fn audit_history<D: Driver>(
    d: &D,
    record_kind: &str,
    record_id: &str,
) -> Result<Vec<AuditEvent>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT {AUDIT_COLUMNS} FROM audit_events WHERE record_kind = $1 AND \
                 record_id = $2 ORDER BY id"
            ))
            .text(record_kind)
            .text(record_id),
        )
        .await?;
    rows.iter().map(read_audit).collect()
}

/// The latest audit events, newest first.
pub(crate) async fn recent_audit<D: Driver>(d: &D, limit: u32) -> Result<Vec<AuditEvent>> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(format!(
                "SELECT {AUDIT_COLUMNS} FROM audit_events ORDER BY id DESC LIMIT $1"
            ))
            .int(limit),
        )
        .await?;
    rows.iter().map(read_audit).collect()
}
