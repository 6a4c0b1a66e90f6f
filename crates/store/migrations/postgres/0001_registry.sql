-- The registry schema for PostgreSQL.
--
-- Relational where records relate (every reference is a foreign key), JSONB where a part of a
-- record is a document that is only ever read whole (the body of a job description, the text
-- fields of a role card or directive). Lists inside records keep their order in a `seq` column.
-- Foreign keys are DEFERRABLE INITIALLY DEFERRED: a transaction may reference records it writes
-- later, and the keys are checked at commit. Ids are kept as text exactly as given (not as the
-- uuid type, which would rewrite their spelling). Whole numbers are BIGINT (they hold u32).
-- Keep in step with ../sqlite/0001_registry.sql.

CREATE TABLE units (
    id TEXT PRIMARY KEY NOT NULL
);

-- A unit's name, kind and parent during one period, in time order.
CREATE TABLE unit_versions (
    unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    valid_from DATE,
    valid_to DATE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'department', 'division', 'team')),
    parent_id TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (unit_id, seq)
);
CREATE INDEX unit_versions_parent ON unit_versions (parent_id);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT
);

CREATE TABLE role_glossary (
    id TEXT PRIMARY KEY NOT NULL,
    ordinal BIGINT NOT NULL CHECK (ordinal >= 0),
    term TEXT NOT NULL,
    synonyms JSONB NOT NULL CHECK (jsonb_typeof(synonyms) = 'array'),
    definition TEXT NOT NULL
);

-- The card's texts, job families and approval stamp are one JSON document (`body`). The
-- approval's directive is not a foreign key: catalogue approvals may name directives that are
-- not in the registry.
CREATE TABLE role_cards (
    id TEXT PRIMARY KEY NOT NULL,
    catalogue TEXT NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    ordinal BIGINT NOT NULL CHECK (ordinal >= 0),
    title TEXT NOT NULL,
    body JSONB NOT NULL CHECK (jsonb_typeof(body) = 'object')
);

-- The roles a card performs, linked to the glossary where there is an entry.
CREATE TABLE role_card_roles (
    role_card_id TEXT NOT NULL REFERENCES role_cards (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    text TEXT NOT NULL,
    glossary_entry_id TEXT REFERENCES role_glossary (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (role_card_id, seq)
);
CREATE INDEX role_card_roles_glossary ON role_card_roles (glossary_entry_id);

CREATE TABLE competencies (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    indicators JSONB NOT NULL CHECK (jsonb_typeof(indicators) = 'array')
);

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
);
CREATE INDEX positions_unit ON positions (unit_id);
CREATE INDEX positions_supervisor ON positions (supervisor_id);
CREATE INDEX positions_role_card ON positions (role_card_id);

-- Holders of a position, in time order.
CREATE TABLE assignments (
    position_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    person_id TEXT NOT NULL REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED,
    from_date DATE,
    to_date DATE,
    PRIMARY KEY (position_id, seq)
);
CREATE INDEX assignments_person ON assignments (person_id);

-- `substitute` stands in for `substituted`; each link is stored once.
CREATE TABLE substitutions (
    substitute_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    substituted_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (substitute_id, substituted_id)
);
CREATE INDEX substitutions_substituted ON substitutions (substituted_id);

CREATE TABLE source_documents (
    content_hash TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    content BYTEA NOT NULL
);

-- The directive's texts, entry into force and signer are one JSON document (`body`).
CREATE TABLE directives (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT,
    date DATE,
    title TEXT NOT NULL,
    source_hash TEXT REFERENCES source_documents (content_hash) DEFERRABLE INITIALLY DEFERRED,
    source_file_name TEXT,
    body JSONB NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    CHECK ((source_hash IS NULL) = (source_file_name IS NULL))
);
CREATE INDEX directives_source ON directives (source_hash);

CREATE TABLE directive_repeals (
    directive_id TEXT NOT NULL REFERENCES directives (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    repealed_directive_id TEXT REFERENCES directives (id) DEFERRABLE INITIALLY DEFERRED,
    directive_number TEXT,
    directive_date DATE,
    annex BIGINT CHECK (annex >= 0),
    text TEXT NOT NULL,
    PRIMARY KEY (directive_id, seq)
);
CREATE INDEX directive_repeals_repealed ON directive_repeals (repealed_directive_id);

-- One immutable version of a position's job description. What is queried or referenced is a
-- column; the document itself (general part, duties, rights, requirements, signatures …) is
-- `body`. `approval` tells whether the version carries an approval stamp; the stamp's fields
-- are the approval_* columns.
CREATE TABLE job_descriptions (
    id TEXT PRIMARY KEY NOT NULL,
    position_id TEXT NOT NULL REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    version BIGINT NOT NULL CHECK (version >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_coordination', 'approved', 'signed', 'in_force', 'superseded', 'repealed')),
    template TEXT NOT NULL CHECK (template IN ('ska_2023', 'ska_2024', 'other')),
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT,
    written_from_role_card_id TEXT REFERENCES role_cards (id) DEFERRABLE INITIALLY DEFERRED,
    written_from_revision BIGINT CHECK (written_from_revision >= 0),
    approval BOOLEAN NOT NULL,
    approval_directive_id TEXT REFERENCES directives (id) DEFERRABLE INITIALLY DEFERRED,
    approval_directive_number TEXT,
    approval_directive_date DATE,
    approval_annex BIGINT CHECK (approval_annex >= 0),
    approval_approved_by TEXT,
    approval_placeholders JSONB NOT NULL CHECK (jsonb_typeof(approval_placeholders) = 'array'),
    effective_from DATE,
    effective_to DATE,
    source_hash TEXT REFERENCES source_documents (content_hash) DEFERRABLE INITIALLY DEFERRED,
    source_file_name TEXT,
    body JSONB NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    UNIQUE (position_id, version),
    CHECK ((written_from_role_card_id IS NULL) = (written_from_revision IS NULL)),
    CHECK ((source_hash IS NULL) = (source_file_name IS NULL))
);
CREATE INDEX job_descriptions_approval_directive ON job_descriptions (approval_directive_id);
CREATE INDEX job_descriptions_role_card ON job_descriptions (written_from_role_card_id);
CREATE INDEX job_descriptions_source ON job_descriptions (source_hash);

CREATE TABLE directive_annexes (
    directive_id TEXT NOT NULL REFERENCES directives (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    annex BIGINT NOT NULL CHECK (annex >= 0),
    title TEXT NOT NULL,
    job_description_id TEXT REFERENCES job_descriptions (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (directive_id, seq)
);
CREATE INDEX directive_annexes_job_description ON directive_annexes (job_description_id);

-- The competencies a job description requires, in the document's order: "which positions
-- require competency X" is a join.
CREATE TABLE job_description_competencies (
    job_description_id TEXT NOT NULL REFERENCES job_descriptions (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq BIGINT NOT NULL CHECK (seq >= 0),
    competency_id TEXT NOT NULL REFERENCES competencies (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('core', 'additional')),
    PRIMARY KEY (job_description_id, seq)
);
CREATE INDEX job_description_competencies_competency ON job_description_competencies (competency_id);
