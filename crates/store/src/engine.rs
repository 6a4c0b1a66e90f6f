//! The operations of [`Repository`](crate::Repository), written once over a [`Driver`]: each
//! runs in one transaction of its backend. [`repository_impl!`] makes a driver a `Repository`.

pub(crate) use crate::accounts::{
    apply_audited, apply_audited_if_unchanged, audit_history, create_session, create_user,
    delete_expired_sessions, delete_position, delete_session, find_session, find_user, list_users,
    recent_audit, save_job_description_draft, set_user_language,
};
pub(crate) use crate::changes::{changes_since, revision};
use crate::check::{check_against_store, check_change_set, check_registry, check_unit_tree};
pub(crate) use crate::discard::delete_job_description;
pub(crate) use crate::imports::{job_descriptions_of, position_keys, source_document_stored};
pub(crate) use crate::notifications::{notifications_sent, record_notifications};
pub(crate) use crate::pickers::{directive_candidates, positions_in_units};
pub(crate) use crate::read_models::{
    position_neighbourhood, position_rows, position_slice, positions_by_id,
};
use crate::records::{self, Filter};
pub(crate) use crate::revision::apply_audited_at;
pub(crate) use crate::signatures::{
    issued_files, record_issued, signed_container_content, signed_containers,
    store_signed_container,
};
use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
pub(crate) use crate::tasks::{fill_next_steps, task_rows};
pub(crate) use crate::transfer::{export_to, restore_stream};
pub(crate) use crate::usage::{
    competency_counts, position_counts_by_role_card, position_counts_by_unit, positions_requiring,
    positions_with_role_card,
};
use crate::{ChangeSet, Counts, RestoreMode, Result, StoreError};
use ametijuhend_domain::{
    Competency, CompetencyId, Directive, DirectiveId, JobDescription, JobDescriptionId, Person,
    PersonId, Position, PositionId, Registry, RoleCard, RoleCardId, RoleGlossaryEntry,
    SourceDocument, Substitution, Unit, UnitId,
};

/// Tables in an order that deletes list rows before their records (the keys are deferred, so
/// the order only keeps the work small).
const TABLES: [&str; 16] = [
    "job_description_competencies",
    "directive_annexes",
    "directive_repeals",
    "job_descriptions",
    "directives",
    "source_documents",
    "substitutions",
    "assignments",
    "positions",
    "competencies",
    "role_card_roles",
    "role_cards",
    "role_glossary",
    "persons",
    "unit_versions",
    "units",
];

/// Record counts, plus the substitution links (not part of [`Counts`]).
async fn count<S: Session>(s: &mut S) -> Result<(Counts, u64)> {
    let tables = [
        "units",
        "positions",
        "persons",
        "role_cards",
        "role_glossary",
        "competencies",
        "job_descriptions",
        "directives",
        "source_documents",
        "substitutions",
    ];
    let selects: Vec<String> = tables
        .iter()
        .map(|t| format!("(SELECT COUNT(*) FROM {t})"))
        .collect();
    let rows = s
        .fetch(Stmt::new(format!("SELECT {}", selects.join(", "))))
        .await?;
    let row = rows
        .first()
        .ok_or_else(|| StoreError::Database("counting records returned no row".into()))?;
    let mut c = Cols::new("counts", row);
    let mut n = || c.i64().map(|v| u64::try_from(v).unwrap_or(0));
    let counts = Counts {
        units: n()?,
        positions: n()?,
        persons: n()?,
        role_cards: n()?,
        role_glossary: n()?,
        competencies: n()?,
        job_descriptions: n()?,
        directives: n()?,
        source_documents: n()?,
    };
    let substitutions = n()?;
    Ok((counts, substitutions))
}

fn total(c: &Counts, substitutions: u64) -> u64 {
    c.units
        + c.positions
        + c.persons
        + c.role_cards
        + c.role_glossary
        + c.competencies
        + c.job_descriptions
        + c.directives
        + c.source_documents
        + substitutions
}

pub(crate) async fn counts<D: Driver>(d: &D) -> Result<Counts> {
    let mut s = d.begin(TxMode::Read).await?;
    Ok(count(&mut s).await?.0)
}

pub(crate) async fn is_empty<D: Driver>(d: &D) -> Result<bool> {
    let mut s = d.begin(TxMode::Read).await?;
    let (c, subs) = count(&mut s).await?;
    Ok(total(&c, subs) == 0)
}

pub(crate) async fn export<D: Driver>(d: &D) -> Result<Registry> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut r = Registry {
        units: records::load_units(&mut s, Filter::All).await?,
        persons: records::load_persons(&mut s, Filter::All).await?,
        role_glossary: records::load_role_glossary(&mut s, Filter::All).await?,
        role_cards: records::load_role_cards(&mut s, Filter::All).await?,
        competencies: records::load_competencies(&mut s, Filter::All).await?,
        positions: records::load_positions(&mut s, Filter::All).await?,
        substitutions: records::load_substitutions(&mut s, None).await?,
        directives: records::load_directives(&mut s, Filter::All).await?,
        job_descriptions: records::load_job_descriptions(&mut s, Filter::All).await?,
        source_documents: records::load_source_documents(&mut s, Filter::All).await?,
        ..Registry::default()
    };
    r.canonicalize();
    Ok(r)
}

/// Writes every record of a change set (upserts; substitution links added or removed) and
/// records it in the change log as one revision.
pub(crate) async fn write<S: Session>(s: &mut S, c: &ChangeSet) -> Result<()> {
    write_records(s, c).await?;
    crate::changes::record(s, c).await
}

/// Writes every record of a change set, without touching the change log.
async fn write_records<S: Session>(s: &mut S, c: &ChangeSet) -> Result<()> {
    for r in &c.source_documents {
        records::upsert_source_document(s, r).await?;
    }
    for r in &c.units {
        records::upsert_unit(s, r).await?;
    }
    for r in &c.persons {
        records::upsert_person(s, r).await?;
    }
    for r in &c.role_glossary {
        records::upsert_role_glossary_entry(s, r).await?;
    }
    for r in &c.role_cards {
        records::upsert_role_card(s, r).await?;
    }
    for r in &c.competencies {
        records::upsert_competency(s, r).await?;
    }
    for r in &c.positions {
        records::upsert_position(s, r).await?;
    }
    for r in &c.remove_substitutions {
        records::remove_substitution(s, r).await?;
    }
    for r in &c.substitutions {
        records::add_substitution(s, r).await?;
    }
    for r in &c.directives {
        records::upsert_directive(s, r).await?;
    }
    for r in &c.job_descriptions {
        records::upsert_job_description(s, r).await?;
    }
    Ok(())
}

/// Empties the registry for a restore (`Replace`) or checks that it is empty (`IntoEmpty`),
/// inside the restore's transaction.
pub(crate) async fn prepare_restore<S: Session>(s: &mut S, mode: RestoreMode) -> Result<()> {
    match mode {
        RestoreMode::IntoEmpty => {
            let (c, subs) = count(s).await?;
            let records = total(&c, subs);
            if records > 0 {
                return Err(StoreError::NotEmpty { records });
            }
        }
        RestoreMode::Replace => {
            for table in TABLES {
                s.execute(Stmt::new(format!("DELETE FROM {table}"))).await?;
            }
        }
    }
    Ok(())
}

pub(crate) async fn restore<D: Driver>(d: &D, r: &Registry, mode: RestoreMode) -> Result<()> {
    check_registry(r)?;
    let mut s = d.begin(TxMode::Write).await?;
    prepare_restore(&mut s, mode).await?;
    write_records(&mut s, &ChangeSet::from_registry(r)).await?;
    crate::changes::record_everything(&mut s).await?;
    s.commit().await
}

pub(crate) async fn apply<D: Driver>(d: &D, c: &ChangeSet) -> Result<()> {
    if c.is_empty() {
        return Ok(());
    }
    check_change_set(c)?;
    let mut s = d.begin(TxMode::Write).await?;
    check_against_store(&mut s, c).await?;
    write(&mut s, c).await?;
    if !c.units.is_empty() {
        check_unit_tree(&mut s, c).await?;
    }
    s.commit().await
}

/// Defines the read operations: each loads records with a filter in one read transaction.
/// `all` returns them; `one` returns the first (a get by key).
macro_rules! reads {
    ($($kind:ident $name:ident($($arg:ident: $ty:ty),*) -> $out:ty = $load:ident($filter:expr);)*) => {$(
        pub(crate) async fn $name<D: Driver>(d: &D $(, $arg: $ty)*) -> Result<$out> {
            let mut s = d.begin(TxMode::Read).await?;
            let records = records::$load(&mut s, $filter).await?;
            Ok(reads!(@pick $kind records))
        }
    )*};
    (@pick one $records:ident) => { $records.into_iter().next() };
    (@pick all $records:ident) => { $records };
}

reads! {
    all list_units() -> Vec<Unit> = load_units(Filter::All);
    one get_unit(id: &UnitId) -> Option<Unit> = load_units(Filter::Id(id.as_str()));
    all list_persons() -> Vec<Person> = load_persons(Filter::All);
    one get_person(id: &PersonId) -> Option<Person> = load_persons(Filter::Id(id.as_str()));
    all list_positions(unit: Option<&UnitId>) -> Vec<Position> = load_positions(
        unit.map_or(Filter::All, |u| Filter::Where("unit_id", u.as_str())));
    one get_position(id: &PositionId) -> Option<Position> =
        load_positions(Filter::Id(id.as_str()));
    all substitutions_of(position: &PositionId) -> Vec<Substitution> =
        load_substitutions(Some(position.as_str()));
    all list_role_glossary() -> Vec<RoleGlossaryEntry> = load_role_glossary(Filter::All);
    all list_role_cards() -> Vec<RoleCard> = load_role_cards(Filter::All);
    one get_role_card(id: &RoleCardId) -> Option<RoleCard> =
        load_role_cards(Filter::Id(id.as_str()));
    all list_competencies() -> Vec<Competency> = load_competencies(Filter::All);
    one get_competency(id: &CompetencyId) -> Option<Competency> =
        load_competencies(Filter::Id(id.as_str()));
    all list_job_descriptions(position: &PositionId) -> Vec<JobDescription> =
        load_job_descriptions(Filter::Where("position_id", position.as_str()));
    one get_job_description(id: &JobDescriptionId) -> Option<JobDescription> =
        load_job_descriptions(Filter::Id(id.as_str()));
    all list_directives() -> Vec<Directive> = load_directives(Filter::All);
    one get_directive(id: &DirectiveId) -> Option<Directive> =
        load_directives(Filter::Id(id.as_str()));
    all directives_with_annex(version: &JobDescriptionId) -> Vec<Directive> = load_directives(
        Filter::In("id", ANNEX_OF, &[crate::sql::Arg::Text(Some(version.to_string()))]));
    all directives_numbered(number: &str) -> Vec<Directive> =
        load_directives(Filter::Where("number", number));
    all unregistered_directives() -> Vec<Directive> =
        load_directives(Filter::In("id", UNREGISTERED, &[]));
    one get_source_document(content_hash: &str) -> Option<SourceDocument> =
        load_source_documents(Filter::Id(content_hash));
}

/// The directives the document register has not numbered yet.
const UNREGISTERED: &str = "SELECT id FROM directives WHERE number IS NULL AND date IS NULL";

/// The directives that list a job description version as an annex.
const ANNEX_OF: &str = "SELECT directive_id FROM directive_annexes WHERE job_description_id = $1";

/// Implements [`Repository`](crate::Repository) for a type that implements [`Driver`], by
/// forwarding every method to the function of the same name in this module.
macro_rules! repository_impl {
    ($store:ty) => {
        $crate::engine::repository_impl!(@impl $store;
                is_empty() -> bool;
                counts() -> $crate::Counts;
                export() -> ametijuhend_domain::Registry;
                restore(registry: &ametijuhend_domain::Registry, mode: $crate::RestoreMode) -> ();
                export_to(out: &mut (dyn std::io::Write + Send)) -> ();
                restore_stream(
                    input: &mut tokio::sync::mpsc::Receiver<$crate::RestoreInput>,
                    mode: $crate::RestoreMode
                ) -> ();
                apply(changes: &$crate::ChangeSet) -> ();
                list_units() -> Vec<ametijuhend_domain::Unit>;
                get_unit(id: &ametijuhend_domain::UnitId) -> Option<ametijuhend_domain::Unit>;
                list_persons() -> Vec<ametijuhend_domain::Person>;
                get_person(id: &ametijuhend_domain::PersonId) -> Option<ametijuhend_domain::Person>;
                list_positions(unit: Option<&ametijuhend_domain::UnitId>)
                    -> Vec<ametijuhend_domain::Position>;
                get_position(id: &ametijuhend_domain::PositionId)
                    -> Option<ametijuhend_domain::Position>;
                substitutions_of(position: &ametijuhend_domain::PositionId)
                    -> Vec<ametijuhend_domain::Substitution>;
                list_role_glossary() -> Vec<ametijuhend_domain::RoleGlossaryEntry>;
                list_role_cards() -> Vec<ametijuhend_domain::RoleCard>;
                get_role_card(id: &ametijuhend_domain::RoleCardId)
                    -> Option<ametijuhend_domain::RoleCard>;
                list_competencies() -> Vec<ametijuhend_domain::Competency>;
                get_competency(id: &ametijuhend_domain::CompetencyId)
                    -> Option<ametijuhend_domain::Competency>;
                list_job_descriptions(position: &ametijuhend_domain::PositionId)
                    -> Vec<ametijuhend_domain::JobDescription>;
                get_job_description(id: &ametijuhend_domain::JobDescriptionId)
                    -> Option<ametijuhend_domain::JobDescription>;
                list_directives() -> Vec<ametijuhend_domain::Directive>;
                get_directive(id: &ametijuhend_domain::DirectiveId)
                    -> Option<ametijuhend_domain::Directive>;
                directives_with_annex(version: &ametijuhend_domain::JobDescriptionId)
                    -> Vec<ametijuhend_domain::Directive>;
                directives_numbered(number: &str) -> Vec<ametijuhend_domain::Directive>;
                get_source_document(content_hash: &str)
                    -> Option<ametijuhend_domain::SourceDocument>;
                position_slice(after: Option<&ametijuhend_domain::PositionId>, limit: u32)
                    -> ametijuhend_domain::slice::PositionSlice;
                positions_by_id(ids: &[ametijuhend_domain::PositionId])
                    -> Vec<ametijuhend_domain::Position>;
                position_neighbourhood(id: &ametijuhend_domain::PositionId)
                    -> Vec<ametijuhend_domain::Position>;
                position_rows() -> Vec<$crate::PositionListRow>;
                position_counts_by_unit() -> Vec<(ametijuhend_domain::UnitId, u64)>;
                position_counts_by_role_card() -> Vec<(ametijuhend_domain::RoleCardId, u64)>;
                positions_with_role_card(card: &ametijuhend_domain::RoleCardId)
                    -> Vec<$crate::PositionTitle>;
                competency_counts() -> Vec<(ametijuhend_domain::CompetencyId, u64)>;
                positions_requiring(competency: &ametijuhend_domain::CompetencyId)
                    -> Vec<$crate::PositionTitle>;
                positions_in_units(units: &[ametijuhend_domain::UnitId])
                    -> Vec<ametijuhend_domain::Position>;
                directive_candidates(
                    units: Option<&[ametijuhend_domain::UnitId]>,
                    status: Option<ametijuhend_domain::Status>
                ) -> Vec<$crate::CandidateRow>;
                position_keys() -> Vec<$crate::PositionKeyRow>;
                job_descriptions_of(positions: &[ametijuhend_domain::PositionId])
                    -> Vec<ametijuhend_domain::JobDescription>;
                source_document_stored(content_hash: &str) -> bool;
                task_rows(
                    step: ametijuhend_domain::workflow::NextStep,
                    scope: &$crate::TaskScope,
                    due_by: Option<chrono::NaiveDate>,
                    offset: u32,
                    limit: u32
                ) -> (u64, Vec<$crate::TaskRow>);
                fill_next_steps() -> u64;
                unregistered_directives() -> Vec<ametijuhend_domain::Directive>;
                create_user(user: &$crate::User, password_hash: &str) -> ();
                list_users() -> Vec<$crate::User>;
                find_user(username: &str) -> Option<($crate::User, String)>;
                set_user_language(user_id: &str, language: &str) -> ();
                create_session(session: &$crate::SessionRecord) -> ();
                find_session(token_hash: &str) -> Option<($crate::SessionRecord, $crate::User)>;
                delete_session(token_hash: &str) -> ();
                delete_expired_sessions(now: ametijuhend_domain::Timestamp) -> u64;
                apply_audited(changes: &$crate::ChangeSet, audit: &[$crate::AuditEntry]) -> ();
                apply_audited_if_unchanged(
                    changes: &$crate::ChangeSet,
                    unchanged: &[ametijuhend_domain::JobDescription],
                    audit: &[$crate::AuditEntry]
                ) -> ();
                apply_audited_at(
                    changes: &$crate::ChangeSet,
                    expected: &[$crate::Expected],
                    audit: &[$crate::AuditEntry]
                ) -> ();
                save_job_description_draft(
                    changes: &$crate::ChangeSet,
                    position: &ametijuhend_domain::PositionId,
                    expected_latest: Option<u32>,
                    audit: &$crate::AuditEntry
                ) -> ();
                delete_position(id: &ametijuhend_domain::PositionId, audit: &$crate::AuditEntry)
                    -> ();
                delete_job_description(
                    version: &ametijuhend_domain::JobDescription,
                    audit: &$crate::AuditEntry
                ) -> ();
                audit_history(record_kind: &str, record_id: &str) -> Vec<$crate::AuditEvent>;
                recent_audit(limit: u32) -> Vec<$crate::AuditEvent>;
                revision() -> u64;
                changes_since(after: u64, max_revisions: u32) -> Vec<$crate::Change>;
                notifications_sent(keys: &[String]) -> Vec<String>;
                record_notifications(
                    keys: &[String],
                    recipient: &str,
                    at: ametijuhend_domain::Timestamp
                ) -> ();
                record_issued(files: &[$crate::IssuedFile], audit: &$crate::AuditEntry) -> u64;
                issued_files(kind: $crate::SignedKind, target_id: &str)
                    -> Vec<$crate::IssuedFile>;
                store_signed_container(
                    container: &$crate::SignedContainer,
                    content: &[u8],
                    changes: &$crate::ChangeSet,
                    unchanged: &[ametijuhend_domain::JobDescription],
                    audit: &[$crate::AuditEntry]
                ) -> ();
                signed_containers(kind: $crate::SignedKind, target_id: &str)
                    -> Vec<$crate::SignedContainer>;
                signed_container_content(id: &str)
                    -> Option<($crate::SignedContainer, Vec<u8>)>;
        );
    };
    (@impl $store:ty; $($name:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {
        #[async_trait::async_trait]
        impl $crate::Repository for $store {
            fn backend(&self) -> $crate::Backend {
                $crate::sql::Driver::backend(self)
            }
            $(
                async fn $name(&self $(, $arg: $ty)*) -> $crate::Result<$out> {
                    $crate::engine::$name(self $(, $arg)*).await
                }
            )*
        }
    };
}
pub(crate) use repository_impl;
