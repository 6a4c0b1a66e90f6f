-- The registry's change log (SQLite): a revision counter bumped once by every write transaction,
-- and the records each revision touched. The search index keeps the revision it reflects and
-- replays what came after it, so the two never stay apart after a crash.
-- Keep in step with ../postgres/0003_changes.sql.

CREATE TABLE registry_revision (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;
INSERT INTO registry_revision (id, value) VALUES (1, 0);

CREATE TABLE registry_changes (
    revision INTEGER NOT NULL,
    -- 'registry' (everything: a restore), 'unit', 'position', 'role_card', 'competency',
    -- 'role_glossary', 'person', 'directive', 'job_description'.
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (revision, kind, record_id)
) STRICT;
