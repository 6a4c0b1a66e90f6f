-- The registry's change log (PostgreSQL): a revision counter bumped once by every write
-- transaction (the row lock orders writers, so revisions are gap-free and in commit order), and
-- the records each revision touched. The search index keeps the revision it reflects and replays
-- what came after it, so the two never stay apart after a crash.
-- Keep in step with ../sqlite/0003_changes.sql.

CREATE TABLE registry_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO registry_revision (id, value) VALUES (1, 0);

CREATE TABLE registry_changes (
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (revision, kind, record_id)
);
