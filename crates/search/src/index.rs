//! [`SearchIndex`]: opening (or creating) the index, full rebuilds, incremental updates by
//! record id, and commits that record the last applied change sequence number.
//!
//! Keeping the index in step with the database: the store writes every change and an outbox
//! row (with an increasing sequence number) in one transaction. A worker reads outbox rows
//! after [`SearchIndex::last_applied`], applies them with the `upsert_*`/`remove_*` methods
//! (idempotent: a document is replaced by its key `<kind>:<id>`), and calls
//! [`SearchIndex::commit`] with the highest sequence number applied. The commit is atomic and
//! stores that number in the index's commit payload, so after a crash the worker replays from
//! there; replaying a change twice is harmless. `ametijuhend reindex` is
//! [`SearchIndex::index_registry`] with the sequence number the registry snapshot was read at.

use crate::analyzer::{PARTS, STEMMED, parts_analyzer, stemmed_analyzer};
use crate::document::{
    self, DocKind, Lookup, SearchDoc, Zone, current_job_description, keys, position_doc,
};
use crate::schema::{self, Fields, SCHEMA_VERSION};
use crate::{Result, SearchError};
use ametijuhend_domain::{
    Competency, CompetencyId, JobDescription, Position, PositionId, Registry, RoleCard, RoleCardId,
    Unit, UnitId,
};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// What [`SearchIndex::open_or_create`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenStatus {
    /// There was no index: an empty one was created.
    Created,
    /// An existing index was opened.
    Opened,
    /// The index was unreadable or written by another version: it was replaced by an empty one.
    Recreated { reason: String },
}

impl OpenStatus {
    /// True when the index is new and empty: the caller should rebuild it from the database.
    pub fn needs_rebuild(&self) -> bool {
        !matches!(self, OpenStatus::Opened)
    }
}

/// What a commit records beside the documents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Payload {
    schema_version: u32,
    last_applied: Option<u64>,
    /// The analyzer the terms were made with ([`analyzer_version`]); missing in indexes
    /// written before it was recorded.
    #[serde(default)]
    analyzer: Option<String>,
}

/// The analyzer's version: the lexicon's fingerprint. An index written with another one is
/// rebuilt on open (its terms would not match the queries' terms).
pub fn analyzer_version() -> String {
    format!("et-lexicon-{:016x}", crate::lexicon::LEXICON_FINGERPRINT)
}

/// Memory for indexing, per writer thread.
const WRITER_MEMORY_PER_THREAD: usize = 64 << 20;

/// The search index.
pub struct SearchIndex {
    index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
    threads: usize,
    status: OpenStatus,
    last_applied: Mutex<Option<u64>>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index when there is none
    /// (check [`SearchIndex::status`] to know whether to rebuild). An index of another schema
    /// version, or one that cannot be read, is replaced by an empty one. `dir` must be the
    /// index's own directory.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
        let (schema, _) = schema::build();
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        if dir.join("meta.json").exists() {
            let problem = match Index::open_in_dir(dir) {
                Ok(index) => {
                    let payload = read_payload(&index);
                    let analyzer = payload.as_ref().and_then(|p| p.analyzer.clone());
                    if index.schema() != schema {
                        Some("its schema differs from this version's".to_string())
                    } else if payload.as_ref().map(|p| p.schema_version) != Some(SCHEMA_VERSION) {
                        Some(format!(
                            "it was written with schema version {}, this program uses {SCHEMA_VERSION}",
                            payload.map_or("unknown".into(), |p| p.schema_version.to_string())
                        ))
                    } else if analyzer.as_deref() != Some(analyzer_version().as_str()) {
                        Some(format!(
                            "it was written with analyzer {}, this program uses {}",
                            analyzer.as_deref().unwrap_or("unknown"),
                            analyzer_version()
                        ))
                    } else {
                        return Self::from_index(index, threads, OpenStatus::Opened);
                    }
                }
                Err(e) => Some(format!("it could not be opened ({e})")),
            };
            let reason = problem.unwrap_or_default();
            wipe(dir)?;
            let index = Index::create_in_dir(dir, schema)?;
            return Self::from_index(index, threads, OpenStatus::Recreated { reason });
        }
        let index = Index::create_in_dir(dir, schema)?;
        Self::from_index(index, threads, OpenStatus::Created)
    }

    /// An index in memory (tests, tools).
    pub fn in_memory() -> Result<Self> {
        let (schema, _) = schema::build();
        Self::from_index(Index::create_in_ram(schema), 1, OpenStatus::Created)
    }

    fn from_index(index: Index, threads: usize, status: OpenStatus) -> Result<Self> {
        index.tokenizers().register(STEMMED, stemmed_analyzer());
        index.tokenizers().register(PARTS, parts_analyzer());
        let fields = schema_fields(&index)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let last_applied = read_payload(&index).and_then(|p| p.last_applied);
        let this = Self {
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            threads,
            status,
            last_applied: Mutex::new(last_applied),
        };
        if this.status != OpenStatus::Opened {
            // Record the schema version at once, so that the next open knows the index.
            this.commit(None)?;
        }
        Ok(this)
    }

    pub fn status(&self) -> &OpenStatus {
        &self.status
    }

    /// The sequence number given to the last commit (see the module doc).
    pub fn last_applied(&self) -> Option<u64> {
        *lock(&self.last_applied)
    }

    /// Documents in the last commit.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn writer(&self) -> Result<MutexGuard<'_, Option<IndexWriter>>> {
        let mut guard = lock(&self.writer);
        if guard.is_none() {
            let w = self
                .index
                .writer_with_num_threads(self.threads, self.threads * WRITER_MEMORY_PER_THREAD)
                .map_err(|e| match e {
                    tantivy::TantivyError::LockFailure(..) => SearchError::Locked,
                    e => SearchError::Index(e),
                })?;
            *guard = Some(w);
        }
        Ok(guard)
    }

    fn with_writer<T>(&self, f: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut guard = self.writer()?;
        match guard.as_mut() {
            Some(w) => f(w),
            None => Err(SearchError::Locked),
        }
    }

    /// Stages a document, replacing any document with the same key. Visible after [`commit`].
    ///
    /// [`commit`]: SearchIndex::commit
    pub fn upsert(&self, doc: &SearchDoc) -> Result<()> {
        let tdoc = self.to_tantivy(doc)?;
        let key = self.key_term(doc.kind, &doc.id);
        self.with_writer(|w| {
            w.delete_term(key);
            w.add_document(tdoc)?;
            Ok(())
        })
    }

    /// Stages the removal of a document; removing a missing one is no error.
    pub fn remove(&self, kind: DocKind, id: &str) -> Result<()> {
        let key = self.key_term(kind, id);
        self.with_writer(|w| {
            w.delete_term(key);
            Ok(())
        })
    }

    /// Stages a position's document with the given job description version (normally the
    /// one [`current_job_description`] picks).
    pub fn upsert_position(
        &self,
        position: &Position,
        job_description: Option<&JobDescription>,
        lookup: &dyn Lookup,
    ) -> Result<()> {
        self.upsert(&position_doc(position, job_description, lookup))
    }

    /// Stages a position's document from a registry holding it, its job descriptions and the
    /// records they refer to; removes the document when the position is not there.
    pub fn upsert_position_from(&self, registry: &Registry, id: &PositionId) -> Result<()> {
        match registry.position(id) {
            Some(p) => {
                let jd = current_job_description(
                    registry
                        .job_descriptions
                        .iter()
                        .filter(|j| &j.position == id),
                );
                self.upsert_position(p, jd, registry)
            }
            None => self.remove_position(id),
        }
    }

    pub fn remove_position(&self, id: &PositionId) -> Result<()> {
        self.remove(DocKind::Position, id.as_str())
    }

    pub fn upsert_role_card(&self, card: &RoleCard) -> Result<()> {
        self.upsert(&document::role_card_doc(card))
    }

    pub fn remove_role_card(&self, id: &RoleCardId) -> Result<()> {
        self.remove(DocKind::RoleCard, id.as_str())
    }

    pub fn upsert_competency(&self, competency: &Competency) -> Result<()> {
        self.upsert(&document::competency_doc(competency))
    }

    pub fn remove_competency(&self, id: &CompetencyId) -> Result<()> {
        self.remove(DocKind::Competency, id.as_str())
    }

    /// Stages a unit's document. A unit that moved or was renamed also changes the documents
    /// of the positions and units under it: re-upsert those found by
    /// [`SearchIndex::ids_in_unit_subtree`].
    pub fn upsert_unit(&self, unit: &Unit, lookup: &dyn Lookup) -> Result<()> {
        self.upsert(&document::unit_doc(unit, lookup))
    }

    pub fn remove_unit(&self, id: &UnitId) -> Result<()> {
        self.remove(DocKind::Unit, id.as_str())
    }

    /// Makes the staged changes durable and visible, atomically. `last_applied` is recorded
    /// with them (`None` keeps the previous number).
    pub fn commit(&self, last_applied: Option<u64>) -> Result<()> {
        let seq = last_applied.or(self.last_applied());
        let payload = serde_json::to_string(&Payload {
            schema_version: SCHEMA_VERSION,
            last_applied: seq,
            analyzer: Some(analyzer_version()),
        })
        .map_err(|e| SearchError::Corrupt(e.to_string()))?;
        self.with_writer(|w| {
            let mut prepared = w.prepare_commit()?;
            prepared.set_payload(&payload);
            prepared.commit()?;
            Ok(())
        })?;
        *lock(&self.last_applied) = seq;
        self.reader.reload()?;
        Ok(())
    }

    /// Discards the changes staged since the last commit.
    pub fn rollback(&self) -> Result<()> {
        self.with_writer(|w| {
            w.rollback()?;
            Ok(())
        })
    }

    /// Stages the removal of every document (and drops what was staged before): the start of
    /// a rebuild fed record by record, made visible by the next [`SearchIndex::commit`].
    pub fn clear(&self) -> Result<()> {
        self.with_writer(|w| {
            w.rollback()?;
            w.delete_all_documents()?;
            Ok(())
        })
    }

    /// Replaces the whole index with the documents of `registry` in one commit (the old
    /// documents stay visible until it is done) and records `last_applied`.
    pub fn index_registry(&self, registry: &Registry, last_applied: Option<u64>) -> Result<u64> {
        self.with_writer(|w| {
            w.rollback()?;
            w.delete_all_documents()?;
            Ok(())
        })?;
        let mut n = 0;
        document::for_each_registry_doc(registry, &mut |doc| {
            let tdoc = self.to_tantivy(&doc)?;
            self.with_writer(|w| {
                w.add_document(tdoc)?;
                Ok(())
            })?;
            n += 1;
            Ok::<(), SearchError>(())
        })?;
        self.commit(last_applied)?;
        Ok(n)
    }

    /// Ids of the documents of `kind` in the subtree of `unit` (the unit itself included), to
    /// re-upsert after the unit moved or was renamed.
    pub fn ids_in_unit_subtree(&self, unit: &UnitId, kind: DocKind) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let q = tantivy::query::BooleanQuery::intersection(vec![
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.keys, &keys::unit(unit.as_str())),
                IndexRecordOption::Basic,
            )),
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.keys, &keys::kind(kind)),
                IndexRecordOption::Basic,
            )),
        ]);
        let mut out = Vec::new();
        for addr in searcher.search(&q, &DocSetCollector)? {
            let d: TantivyDocument = searcher.doc(addr)?;
            if let Some(id) = d.get_first(self.fields.id).and_then(|v| v.as_str()) {
                out.push(id.to_string());
            }
        }
        out.sort();
        Ok(out)
    }

    fn key_term(&self, kind: DocKind, id: &str) -> Term {
        Term::from_field_text(self.fields.key, &format!("{}:{id}", kind.as_str()))
    }

    fn to_tantivy(&self, doc: &SearchDoc) -> Result<TantivyDocument> {
        let f = &self.fields;
        let mut d = TantivyDocument::new();
        d.add_text(f.key, format!("{}:{}", doc.kind.as_str(), doc.id));
        d.add_text(f.kind, doc.kind.as_str());
        d.add_text(f.id, &doc.id);
        d.add_text(f.display_title, &doc.title);
        if let Some(jd) = &doc.job_description {
            d.add_text(f.job_description, jd);
        }
        for s in &doc.sections {
            let field = match s.zone() {
                Zone::Title => f.title,
                Zone::Purpose => f.purpose,
                Zone::Body => f.body,
            };
            d.add_text(field, &s.text);
            d.add_text(f.parts, &s.text);
        }
        for k in &doc.keys {
            d.add_text(f.keys, k);
        }
        for (dim, value) in &doc.facets {
            d.add_facet(f.facets, Facet::from_path([dim.as_str(), value.as_str()]));
        }
        let sections = serde_json::to_string(&doc.sections)
            .map_err(|e| SearchError::Corrupt(e.to_string()))?;
        d.add_text(f.sections, sections);
        Ok(d)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn read_payload(index: &Index) -> Option<Payload> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

fn schema_fields(index: &Index) -> Result<Fields> {
    let schema = index.schema();
    let (_, expected) = schema::build();
    let get = |name: &str, want: tantivy::schema::Field| -> Result<tantivy::schema::Field> {
        match schema.get_field(name) {
            Ok(f) if f == want => Ok(f),
            _ => Err(SearchError::Corrupt(format!(
                "the index has no field '{name}' where this version expects it"
            ))),
        }
    };
    Ok(Fields {
        key: get("key", expected.key)?,
        kind: get("kind", expected.kind)?,
        id: get("id", expected.id)?,
        display_title: get("display_title", expected.display_title)?,
        job_description: get("job_description", expected.job_description)?,
        title: get("title", expected.title)?,
        purpose: get("purpose", expected.purpose)?,
        body: get("body", expected.body)?,
        parts: get("parts", expected.parts)?,
        keys: get("keys", expected.keys)?,
        facets: get("facets", expected.facets)?,
        sections: get("sections", expected.sections)?,
    })
}

/// Removes the files of a tantivy index from `dir` (and nothing else).
fn wipe(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| SearchError::io(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let is_segment_file = name
            .split('.')
            .next()
            .is_some_and(|stem| stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit()));
        let is_index_file = matches!(
            name.as_str(),
            "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
        );
        if (is_segment_file || is_index_file) && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|e| SearchError::io(&entry.path(), e))?;
        }
    }
    Ok(())
}
