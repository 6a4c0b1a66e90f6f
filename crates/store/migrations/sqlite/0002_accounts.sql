-- Accounts, sessions and the audit trail (SQLite). These tables are not part of the registry
-- document: `export` does not write them and `restore` (even with --replace) leaves them alone.
-- They hold no foreign keys into the registry, so that a restore can replace every record.
-- Keep in step with ../postgres/0002_accounts.sql.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- An argon2id PHC string; never a password.
    password_hash TEXT NOT NULL,
    -- JSON array of role names ("administrator", "hr", "manager", "staff", "auditor").
    roles TEXT NOT NULL CHECK (json_valid(roles)),
    -- The unit a manager's scope starts at (its subtree).
    unit_id TEXT,
    -- The position a staff member holds.
    position_id TEXT,
    language TEXT NOT NULL CHECK (language IN ('et', 'en', 'ru')),
    created_at TEXT NOT NULL
) STRICT;

-- Only a SHA-256 of the session token is stored: a copy of the table signs nobody in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

-- Every change made through the program: who, when, what, and the record before and after.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
);
CREATE INDEX audit_events_record ON audit_events (record_kind, record_id);
