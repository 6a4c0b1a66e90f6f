-- The registry schema for SQLite.
--
-- Relational where records relate (every reference is a foreign key), JSON where a part of a
-- record is a document that is only ever read whole (the body of a job description, the text
-- fields of a role card or directive). Lists inside records keep their order in a `seq` column.
-- Foreign keys are DEFERRABLE INITIALLY DEFERRED: a transaction may reference records it writes
-- later, and the keys are checked at commit. Tables are STRICT; dates are ISO 8601 text
-- (YYYY-MM-DD), instants are RFC 3339 text in UTC, JSON is text.
-- Keep in step with ../postgres/0001_registry.sql.

CREATE TABLE units (
    id TEXT PRIMARY KEY NOT NULL
) STRICT;

-- A unit's name, kind and parent during one period, in time order.
CREATE TABLE unit_versions (
    unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    valid_from TEXT,
    valid_to TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'department', 'division', 'team')),
    parent_id TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (unit_id, seq)
) STRICT;
CREATE INDEX unit_versions_parent ON unit_versions (parent_id);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT
) STRICT;

CREATE TABLE role_glossary (
    id TEXT PRIMARY KEY NOT NULL,
    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
    term TEXT NOT NULL,
    synonyms TEXT NOT NULL CHECK (json_valid(synonyms)),
    definition TEXT NOT NULL
) STRICT;

-- The card's texts, job families and approval stamp are one JSON document (`body`). The
-- approval's directive is not a foreign key: catalogue approvals may name directives that are
-- not in the registry.
CREATE TABLE role_cards (
    id TEXT PRIMARY KEY NOT NULL,
    catalogue TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
    title TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body))
) STRICT;

-- The roles a card performs, linked to the glossary where there is an entry.
CREATE TABLE role_card_roles (
    role_card_id TEXT NOT NULL REFERENCES role_cards (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    text TEXT NOT NULL,
    glossary_entry_id TEXT REFERENCES role_glossary (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (role_card_id, seq)
) STRICT;
CREATE INDEX role_card_roles_glossary ON role_card_roles (glossary_entry_id);

CREATE TABLE competencies (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    indicators TEXT NOT NULL CHECK (json_valid(indicators))
) STRICT;

CREATE TABLE positions (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    specialisation TEXT,
    unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    supervisor_id TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    staff_group TEXT NOT NULL CHECK (staff_group IN ('official', 'employee')),
    role_card_id TEXT REFERENCES role_cards (id) DEFERRABLE INITIALLY DEFERRED,
    job_family TEXT,
    job_level TEXT,
    CHECK ((job_family IS NULL) = (job_level IS NULL))
) STRICT;
CREATE INDEX positions_unit ON positions (unit_id);
CREATE INDEX positions_supervisor ON positions (supervisor_id);
CREATE INDEX positions_role_card ON positions (role_card_id);

-- Holders of a position, in time order.
CREATE TABLE assignments (
    position_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    person_id TEXT NOT NULL REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED,
    from_date TEXT,
    to_date TEXT,
    PRIMARY KEY (position_id, seq)
) STRICT;
CREATE INDEX assignments_person ON assignments (person_id);

-- `substitute` stands in for `substituted`; each link is stored once.
CREATE TABLE substitutions (
    substitute_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    substituted_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (substitute_id, substituted_id)
) STRICT;
CREATE INDEX substitutions_substituted ON substitutions (substituted_id);

CREATE TABLE source_documents (
    content_hash TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    content BLOB NOT NULL
) STRICT;

-- The directive's texts, entry into force and signer are one JSON document (`body`).
CREATE TABLE directives (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT,
    date TEXT,
    title TEXT NOT NULL,
    source_hash TEXT REFERENCES source_documents (content_hash) DEFERRABLE INITIALLY DEFERRED,
    source_file_name TEXT,
    body TEXT NOT NULL CHECK (json_valid(body)),
    CHECK ((source_hash IS NULL) = (source_file_name IS NULL))
) STRICT;
CREATE INDEX directives_source ON directives (source_hash);

CREATE TABLE directive_repeals (
    directive_id TEXT NOT NULL REFERENCES directives (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    repealed_directive_id TEXT REFERENCES directives (id) DEFERRABLE INITIALLY DEFERRED,
    directive_number TEXT,
    directive_date TEXT,
    annex INTEGER CHECK (annex >= 0),
    text TEXT NOT NULL,
    PRIMARY KEY (directive_id, seq)
) STRICT;
CREATE INDEX directive_repeals_repealed ON directive_repeals (repealed_directive_id);

-- One immutable version of a position's job description. What is queried or referenced is a
-- column; the document itself (general part, duties, rights, requirements, signatures …) is
-- `body`. `approval` tells whether the version carries an approval stamp; the stamp's fields
-- are the approval_* columns.
CREATE TABLE job_descriptions (
    id TEXT PRIMARY KEY NOT NULL,
    position_id TEXT NOT NULL REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    version INTEGER NOT NULL CHECK (version >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_coordination', 'approved', 'signed', 'in_force', 'superseded', 'repealed')),
    template TEXT NOT NULL CHECK (template IN ('ska_2023', 'ska_2024', 'other')),
    created_at TEXT NOT NULL,
    created_by TEXT,
    written_from_role_card_id TEXT REFERENCES role_cards (id) DEFERRABLE INITIALLY DEFERRED,
    written_from_revision INTEGER CHECK (written_from_revision >= 0),
    approval INTEGER NOT NULL CHECK (approval IN (0, 1)),
    approval_directive_id TEXT REFERENCES directives (id) DEFERRABLE INITIALLY DEFERRED,
    approval_directive_number TEXT,
    approval_directive_date TEXT,
    approval_annex INTEGER CHECK (approval_annex >= 0),
    approval_approved_by TEXT,
    approval_placeholders TEXT NOT NULL CHECK (json_valid(approval_placeholders)),
    effective_from TEXT,
    effective_to TEXT,
    source_hash TEXT REFERENCES source_documents (content_hash) DEFERRABLE INITIALLY DEFERRED,
    source_file_name TEXT,
    body TEXT NOT NULL CHECK (json_valid(body)),
    UNIQUE (position_id, version),
    CHECK ((written_from_role_card_id IS NULL) = (written_from_revision IS NULL)),
    CHECK ((source_hash IS NULL) = (source_file_name IS NULL))
) STRICT;
CREATE INDEX job_descriptions_approval_directive ON job_descriptions (approval_directive_id);
CREATE INDEX job_descriptions_role_card ON job_descriptions (written_from_role_card_id);
CREATE INDEX job_descriptions_source ON job_descriptions (source_hash);

CREATE TABLE directive_annexes (
    directive_id TEXT NOT NULL REFERENCES directives (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    annex INTEGER NOT NULL CHECK (annex >= 0),
    title TEXT NOT NULL,
    job_description_id TEXT REFERENCES job_descriptions (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (directive_id, seq)
) STRICT;
CREATE INDEX directive_annexes_job_description ON directive_annexes (job_description_id);

-- The competencies a job description requires, in the document's order: "which positions
-- require competency X" is a join.
CREATE TABLE job_description_competencies (
    job_description_id TEXT NOT NULL REFERENCES job_descriptions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    competency_id TEXT NOT NULL REFERENCES competencies (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('core', 'additional')),
    PRIMARY KEY (job_description_id, seq)
) STRICT;
CREATE INDEX job_description_competencies_competency ON job_description_competencies (competency_id);
