-- Digital signatures (PostgreSQL). Not part of the registry document, like the audit trail:
-- `export` does not write them and `restore` leaves them alone; no foreign keys into the
-- registry, so that a restore can replace every record. Keep in step with
-- ../sqlite/0006_signatures.sql.

-- What the registry issued to be signed: one row per data file of an unsigned container (a
-- job description version's PDF, a directive's PDF), by its SHA-256. A signed container
-- completes something only when each of its data files is one of these, byte for byte.
CREATE TABLE issued_documents (
    target_kind TEXT NOT NULL CHECK (target_kind IN ('job_description', 'directive')),
    target_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    issued_by TEXT NOT NULL,
    PRIMARY KEY (target_kind, target_id, file_name, sha256)
);

-- Signed containers attached to a record: the file as uploaded, the verifier's report (JSON),
-- what it completed (an acknowledgement, a directive signed, or nothing and why), who
-- attached it and when.
CREATE TABLE signed_containers (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('job_description', 'directive')),
    target_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    verdict TEXT NOT NULL,
    outcome JSONB NOT NULL,
    report JSONB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX signed_containers_target ON signed_containers (target_kind, target_id);
