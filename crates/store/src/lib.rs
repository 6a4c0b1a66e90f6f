//! Storage of the registry. [`Repository`] is the one interface the rest of the program uses;
//! [`sqlite`] and [`postgres`] implement it, each with its own migrations, applied automatically
//! when a store is opened. [`open`] picks the backend from a database URL.
//!
//! Every write is one transaction: it is applied whole or not at all.
//!
//! Both backends share everything but the connection: `sql` is the narrow interface a backend
//! implements, `records` maps records to tables and back, `check` validates what is written and
//! `engine` implements the operations once. The schema is in `migrations/sqlite` and
//! `migrations/postgres` (kept in step).

use ametijuhend_domain::slice::PositionSlice;
use ametijuhend_domain::{
    Competency, CompetencyId, Directive, DirectiveId, JobDescription, JobDescriptionId, Person,
    PersonId, Position, PositionId, Registry, RoleCard, RoleCardId, RoleGlossaryEntry,
    SourceDocument, Substitution, Timestamp, Unit, UnitId,
};
use async_trait::async_trait;
use std::path::Path;
use std::sync::Arc;

mod accounts;
mod changes;
mod check;
mod discard;
mod engine;
mod error;
mod imports;
mod notifications;
mod pickers;
pub mod postgres;
mod read_models;
mod records;
mod revision;
mod signatures;
mod sql;
pub mod sqlite;
mod tasks;
mod transfer;
mod url;
mod usage;

pub use accounts::{AuditEntry, AuditEvent, SessionRecord, User};
pub use changes::Change;
pub use error::StoreError;
pub use imports::PositionKeyRow;
pub use pickers::CandidateRow;
pub use postgres::PostgresStore;
pub use read_models::PositionListRow;
pub use revision::{Expected, RecordKind, revision_of};
pub use signatures::{IssuedFile, SignedContainer, SignedKind};
pub use sqlite::SqliteStore;
pub use tasks::{TaskRow, TaskScope};
pub use transfer::RestoreInput;
pub use url::redact as redact_url;
pub use usage::PositionTitle;

#[cfg(test)]
mod tests;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database holds the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Records to insert or update in one transaction (matched by id; substitutions by their pair;
/// source documents by content hash). Collections may be empty. References may point at
/// records of the same change set or already in the store.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    pub units: Vec<Unit>,
    pub persons: Vec<Person>,
    pub role_glossary: Vec<RoleGlossaryEntry>,
    pub role_cards: Vec<RoleCard>,
    pub competencies: Vec<Competency>,
    pub positions: Vec<Position>,
    /// Links to add (existing ones are kept).
    pub substitutions: Vec<Substitution>,
    /// Links to remove.
    pub remove_substitutions: Vec<Substitution>,
    pub directives: Vec<Directive>,
    pub job_descriptions: Vec<JobDescription>,
    pub source_documents: Vec<SourceDocument>,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
            && self.persons.is_empty()
            && self.role_glossary.is_empty()
            && self.role_cards.is_empty()
            && self.competencies.is_empty()
            && self.positions.is_empty()
            && self.substitutions.is_empty()
            && self.remove_substitutions.is_empty()
            && self.directives.is_empty()
            && self.job_descriptions.is_empty()
            && self.source_documents.is_empty()
    }

    /// Every record of a registry, as one change set.
    pub fn from_registry(r: &Registry) -> Self {
        Self {
            units: r.units.clone(),
            persons: r.persons.clone(),
            role_glossary: r.role_glossary.clone(),
            role_cards: r.role_cards.clone(),
            competencies: r.competencies.clone(),
            positions: r.positions.clone(),
            substitutions: r.substitutions.clone(),
            remove_substitutions: vec![],
            directives: r.directives.clone(),
            job_descriptions: r.job_descriptions.clone(),
            source_documents: r.source_documents.clone(),
        }
    }
}

/// How a restore treats a registry that already holds records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// Refuse unless the store is empty.
    IntoEmpty,
    /// Delete everything first (in the same transaction).
    Replace,
}

/// Counts of records in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub units: u64,
    pub positions: u64,
    pub persons: u64,
    pub role_cards: u64,
    pub role_glossary: u64,
    pub competencies: u64,
    pub job_descriptions: u64,
    pub directives: u64,
    pub source_documents: u64,
}

/// The storage interface. Implementations: [`sqlite::SqliteStore`], [`postgres::PostgresStore`].
#[async_trait]
pub trait Repository: Send + Sync + 'static {
    fn backend(&self) -> Backend;

    /// True when the store holds no record at all.
    async fn is_empty(&self) -> Result<bool>;
    async fn counts(&self) -> Result<Counts>;

    /// The whole registry, in canonical order.
    async fn export(&self) -> Result<Registry>;
    /// Loads a registry (validated first) in one transaction.
    async fn restore(&self, registry: &Registry, mode: RestoreMode) -> Result<()>;
    /// Writes the whole registry as its JSON document, in canonical order, a page of records
    /// at a time (memory bounded whatever the registry's size); the same bytes as
    /// `serde_json::to_string_pretty(&export())`.
    async fn export_to(&self, out: &mut (dyn std::io::Write + Send)) -> Result<()>;
    /// Loads a registry document as it is read, in ONE transaction: the records arrive in
    /// chunks from the reading thread, the reader's verdict last ([`RestoreInput::End`]); the
    /// transaction commits only when the whole document was read without problems.
    async fn restore_stream(
        &self,
        input: &mut tokio::sync::mpsc::Receiver<RestoreInput>,
        mode: RestoreMode,
    ) -> Result<()>;
    /// Inserts or updates the records of a change set in one transaction. Fails with
    /// [`StoreError::Invalid`] (naming the record and field) when a reference is dangling.
    async fn apply(&self, changes: &ChangeSet) -> Result<()>;

    async fn list_units(&self) -> Result<Vec<Unit>>;
    async fn get_unit(&self, id: &UnitId) -> Result<Option<Unit>>;

    async fn list_persons(&self) -> Result<Vec<Person>>;
    async fn get_person(&self, id: &PersonId) -> Result<Option<Person>>;

    /// Positions, optionally only those of one unit (not its sub-units).
    async fn list_positions(&self, unit: Option<&UnitId>) -> Result<Vec<Position>>;
    async fn get_position(&self, id: &PositionId) -> Result<Option<Position>>;
    /// Substitution links where the position is on either side.
    async fn substitutions_of(&self, position: &PositionId) -> Result<Vec<Substitution>>;

    async fn list_role_glossary(&self) -> Result<Vec<RoleGlossaryEntry>>;
    async fn list_role_cards(&self) -> Result<Vec<RoleCard>>;
    async fn get_role_card(&self, id: &RoleCardId) -> Result<Option<RoleCard>>;

    async fn list_competencies(&self) -> Result<Vec<Competency>>;
    async fn get_competency(&self, id: &CompetencyId) -> Result<Option<Competency>>;

    /// All versions of a position's job description, oldest first.
    async fn list_job_descriptions(&self, position: &PositionId) -> Result<Vec<JobDescription>>;
    async fn get_job_description(&self, id: &JobDescriptionId) -> Result<Option<JobDescription>>;

    async fn list_directives(&self) -> Result<Vec<Directive>>;
    async fn get_directive(&self, id: &DirectiveId) -> Result<Option<Directive>>;
    /// The directives that list this job description version as an annex.
    async fn directives_with_annex(&self, version: &JobDescriptionId) -> Result<Vec<Directive>>;
    /// The directives registered under this number (any date).
    async fn directives_numbered(&self, number: &str) -> Result<Vec<Directive>>;

    async fn get_source_document(&self, content_hash: &str) -> Result<Option<SourceDocument>>;

    // Read models (crates/store/src/read_models.rs): what a page or report needs, without
    // loading the registry.

    /// Up to `limit` positions after `after` in id order (from the first when `None`), with
    /// every version of their job descriptions, the positions they name and their
    /// substitution links. An empty slice: no position comes after `after`.
    async fn position_slice(&self, after: Option<&PositionId>, limit: u32)
    -> Result<PositionSlice>;
    /// The positions with these ids that exist, by id.
    async fn positions_by_id(&self, ids: &[PositionId]) -> Result<Vec<Position>>;
    /// The position (first; empty when there is none), its supervisor chain (nearest first, up
    /// to a cycle), its subordinates and its substitution partners, each once.
    async fn position_neighbourhood(&self, id: &PositionId) -> Result<Vec<Position>>;
    /// Every position's full title, unit and latest version (number and status), by id: light
    /// rows, no documents.
    async fn position_rows(&self) -> Result<Vec<PositionListRow>>;
    // Where units, role cards and competencies are used (crates/store/src/usage.rs).

    /// How many positions each unit has (units without positions are left out), by unit id.
    async fn position_counts_by_unit(&self) -> Result<Vec<(UnitId, u64)>>;
    /// How many positions are written from each role card (others left out), by card id.
    async fn position_counts_by_role_card(&self) -> Result<Vec<(RoleCardId, u64)>>;
    /// The positions written from a role card, by id.
    async fn positions_with_role_card(&self, card: &RoleCardId) -> Result<Vec<PositionTitle>>;
    /// How many positions require each competency (the version that speaks for a position: in
    /// force, else approved or signed, else the latest), by competency id.
    async fn competency_counts(&self) -> Result<Vec<(CompetencyId, u64)>>;
    /// The positions that require a competency, by id.
    async fn positions_requiring(&self, competency: &CompetencyId) -> Result<Vec<PositionTitle>>;
    /// The positions directly in these units, by id (crates/store/src/pickers.rs: what a
    /// form offers, e.g. a position's unit and the units above it).
    async fn positions_in_units(&self, units: &[UnitId]) -> Result<Vec<Position>>;
    /// The versions a directive may approve: of each position in `units` (every position when
    /// `None`), its latest version with `status` (any status when `None`), as light rows by
    /// position id (crates/store/src/pickers.rs).
    async fn directive_candidates(
        &self,
        units: Option<&[UnitId]>,
        status: Option<ametijuhend_domain::Status>,
    ) -> Result<Vec<CandidateRow>>;
    /// Every position's id, title, specialisation and unit: the import's light index
    /// (crates/store/src/imports.rs).
    async fn position_keys(&self) -> Result<Vec<PositionKeyRow>>;
    /// Every version of these positions, by position and version.
    async fn job_descriptions_of(&self, positions: &[PositionId]) -> Result<Vec<JobDescription>>;
    /// True when a source document with this content hash is stored (its bytes are not read).
    async fn source_document_stored(&self, content_hash: &str) -> Result<bool>;
    /// A page of the versions waiting for `step` in `scope`, oldest first (with `due_by`: only
    /// those whose first day is on or before it), and how many there are in all
    /// (crates/store/src/tasks.rs).
    async fn task_rows(
        &self,
        step: ametijuhend_domain::workflow::NextStep,
        scope: &TaskScope,
        due_by: Option<chrono::NaiveDate>,
        offset: u32,
        limit: u32,
    ) -> Result<(u64, Vec<TaskRow>)>;
    /// Computes the next steps of versions stored before they were kept (done on opening).
    async fn fill_next_steps(&self) -> Result<u64>;
    /// The directives not registered yet.
    async fn unregistered_directives(&self) -> Result<Vec<Directive>>;

    // Accounts, sessions and the audit trail (not part of the registry document: `export` does
    // not write them, `restore` leaves them alone).

    /// Creates an account; [`StoreError::Invalid`] (path `username`) when the name is taken.
    async fn create_user(&self, user: &User, password_hash: &str) -> Result<()>;
    /// Every account, by username.
    async fn list_users(&self) -> Result<Vec<User>>;
    /// The account with this username and its password hash (an argon2id PHC string).
    async fn find_user(&self, username: &str) -> Result<Option<(User, String)>>;
    /// Saves an account's interface language ("et", "en", "ru").
    async fn set_user_language(&self, user_id: &str, language: &str) -> Result<()>;
    async fn create_session(&self, session: &SessionRecord) -> Result<()>;
    /// The session with this token hash and its account, expired or not.
    async fn find_session(&self, token_hash: &str) -> Result<Option<(SessionRecord, User)>>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Deletes sessions that expired before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: Timestamp) -> Result<u64>;

    /// [`Repository::apply`] together with audit events, in one transaction.
    async fn apply_audited(&self, changes: &ChangeSet, audit: &[AuditEntry]) -> Result<()>;
    /// [`Repository::apply_audited`] only while each version of `unchanged` is still stored
    /// exactly as given; otherwise fails with [`StoreError::Changed`] and writes nothing
    /// (optimistic concurrency for lifecycle transitions).
    async fn apply_audited_if_unchanged(
        &self,
        changes: &ChangeSet,
        unchanged: &[JobDescription],
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// [`Repository::apply_audited`] only while each record of `expected` is still stored at
    /// the revision given ([`revision_of`]), checked inside the transaction; otherwise fails
    /// with [`StoreError::Stale`] and writes nothing (optimistic concurrency for units,
    /// positions and job description versions).
    async fn apply_audited_at(
        &self,
        changes: &ChangeSet,
        expected: &[Expected],
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// Stores a new draft job description version (in `changes`, with any substitution links
    /// it changes) and its audit event, in one transaction, only while the position's latest
    /// version is still `expected_latest` (`None`: the position had none). Otherwise fails with
    /// [`StoreError::Conflict`] and writes nothing (optimistic concurrency).
    async fn save_job_description_draft(
        &self,
        changes: &ChangeSet,
        position: &PositionId,
        expected_latest: Option<u32>,
        audit: &AuditEntry,
    ) -> Result<()>;
    /// Removes a position that has no versions, subordinates, substitution links or holders
    /// (otherwise [`StoreError::Invalid`] says why) and records the audit event.
    async fn delete_position(&self, id: &PositionId, audit: &AuditEntry) -> Result<()>;
    /// Removes a draft job description version (a discarded draft) with its audit event, in
    /// one transaction, only while it is stored exactly as `version` (otherwise
    /// [`StoreError::Changed`]), is a draft ([`StoreError::Invalid`]) and nothing refers to it:
    /// no directive lists it as an annex, no document was issued for signing and no signed
    /// container stored for it ([`StoreError::InUse`]). The version and its position are logged
    /// as changed (one revision), so the search index follows.
    async fn delete_job_description(
        &self,
        version: &JobDescription,
        audit: &AuditEntry,
    ) -> Result<()>;
    /// The audit events of one record (`unit`, `position` …), oldest first.
    async fn audit_history(&self, record_kind: &str, record_id: &str) -> Result<Vec<AuditEvent>>;
    /// The latest audit events of all records, newest first.
    async fn recent_audit(&self, limit: u32) -> Result<Vec<AuditEvent>>;

    /// The registry's revision: bumped once by every write transaction (0 for a new registry).
    async fn revision(&self) -> Result<u64>;
    /// The records touched by the revisions after `after`, up to `max_revisions` of them
    /// (revisions have no gaps, so every revision returned is complete), oldest first.
    async fn changes_since(&self, after: u64, max_revisions: u32) -> Result<Vec<Change>>;

    /// Of `keys`, the reminder keys already recorded as sent.
    async fn notifications_sent(&self, keys: &[String]) -> Result<Vec<String>>;
    /// Records reminders as sent (once per key; repeats are ignored).
    async fn record_notifications(
        &self,
        keys: &[String],
        recipient: &str,
        at: Timestamp,
    ) -> Result<()>;

    // Digital signatures (crates/store/src/signatures.rs; not part of the registry document).

    /// Records the data files the registry issued to be signed (a file issued before, byte for
    /// byte, is kept as first recorded) and, when any is new, the audit entry, in one
    /// transaction; returns how many were new.
    async fn record_issued(&self, files: &[IssuedFile], audit: &AuditEntry) -> Result<u64>;
    /// Every file issued for a record, oldest first.
    async fn issued_files(&self, kind: SignedKind, target_id: &str) -> Result<Vec<IssuedFile>>;
    /// Stores a signed container (and its bytes) with the changes it completes and their audit
    /// entries in one transaction, only while each version of `unchanged` is still stored as
    /// given; otherwise [`StoreError::Changed`] and nothing is written.
    async fn store_signed_container(
        &self,
        container: &SignedContainer,
        content: &[u8],
        changes: &ChangeSet,
        unchanged: &[JobDescription],
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// The signed containers attached to a record, oldest first (without their bytes).
    async fn signed_containers(
        &self,
        kind: SignedKind,
        target_id: &str,
    ) -> Result<Vec<SignedContainer>>;
    /// One attached container with its bytes.
    async fn signed_container_content(
        &self,
        id: &str,
    ) -> Result<Option<(SignedContainer, Vec<u8>)>>;
}

/// A shared handle to whichever backend was opened.
pub type Store = Arc<dyn Repository>;

/// How many positions a slice of [`for_each_slice`] holds.
pub const SLICE_POSITIONS: u32 = 200;

/// Walks the registry slice by slice ([`Repository::position_slice`], [`SLICE_POSITIONS`]
/// positions each), in id order: memory holds one slice at a time, whatever the registry's
/// size. A write between two slices may be seen by the later ones only.
pub async fn for_each_slice(
    store: &dyn Repository,
    mut f: impl FnMut(PositionSlice) + Send,
) -> Result<()> {
    let mut after: Option<PositionId> = None;
    loop {
        let slice = store
            .position_slice(after.as_ref(), SLICE_POSITIONS)
            .await?;
        let Some(last) = slice.positions.last().map(|p| p.id.clone()) else {
            return Ok(());
        };
        let full = slice.positions.len() >= SLICE_POSITIONS as usize;
        f(slice);
        if !full {
            return Ok(());
        }
        after = Some(last);
    }
}

/// The consistency checks of `today` ([`ametijuhend_domain::lint::LintPass`]) over the stored
/// registry, slice by slice: the same findings as `lint` of the exported registry.
pub async fn lint(
    store: &dyn Repository,
    today: chrono::NaiveDate,
) -> Result<Vec<ametijuhend_domain::Finding>> {
    let mut context = ametijuhend_domain::slice::context(
        store.list_units().await?,
        store.list_role_cards().await?,
    );
    let mut pass = ametijuhend_domain::lint::LintPass::new(today, Default::default());
    for_each_slice(store, |slice| {
        slice.with_registry(&mut context, |r, own| pass.add(r, own));
    })
    .await?;
    Ok(pass.finish().into_iter().map(|l| l.finding).collect())
}

/// The registry-wide reports of `today` (checks, review due list looking `horizon_days` ahead,
/// positions without a valid version, role card updates), computed slice by slice with
/// [`for_each_slice`]: memory holds one slice and the reports.
pub async fn reports(
    store: &dyn Repository,
    today: chrono::NaiveDate,
    horizon_days: u32,
) -> Result<ametijuhend_domain::reports::Reports> {
    let mut context = ametijuhend_domain::slice::context(
        store.list_units().await?,
        store.list_role_cards().await?,
    );
    let mut pass = ametijuhend_domain::reports::ReportPass::new(today, horizon_days);
    for_each_slice(store, |slice| {
        slice.with_registry(&mut context, |r, own| pass.add(r, own));
    })
    .await?;
    Ok(pass.finish())
}

/// Opens the store named by `database_url`, or the SQLite file `registry.db` in `data_dir` when
/// no URL is given (creating the directory and the database on first run), and applies the
/// backend's migrations.
///
/// Accepted URLs: `sqlite://PATH` (or `sqlite:PATH`), `postgres://…`, `postgresql://…`, and
/// `sqlite::memory:` for a private in-memory database (tests and trials). An empty URL counts
/// as none.
pub async fn open(database_url: Option<&str>, data_dir: &Path) -> Result<Store> {
    let target = match database_url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => url::parse(url)?,
        None => {
            tokio::fs::create_dir_all(data_dir)
                .await
                .map_err(|e| StoreError::DataDir {
                    path: data_dir.display().to_string(),
                    message: e.to_string(),
                })?;
            url::Target::SqliteFile(data_dir.join("registry.db"))
        }
    };
    let store: Store = match target {
        url::Target::SqliteFile(path) => Arc::new(SqliteStore::open(&path).await?),
        url::Target::SqliteMemory => Arc::new(SqliteStore::open_in_memory().await?),
        url::Target::Postgres(url) => Arc::new(PostgresStore::open(&url).await?),
    };
    let filled = store.fill_next_steps().await?;
    if filled > 0 {
        tracing::info!(filled, "the next steps of stored versions were computed");
    }
    Ok(store)
}
