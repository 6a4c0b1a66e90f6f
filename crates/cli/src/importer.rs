//! The import pipeline: file bytes → text (`ametijuhend-extract`, isolated behind limits) →
//! records (`ametijuhend-ingest`) → a plan against the registry → one transaction per file.
//! Used by `ametijuhend import` and by `serve` to load the reference data and the demo registry.

use ametijuhend_domain::{Registry, SourceDocument, Timestamp};
use ametijuhend_extract::{Extracted, Format, Limits};
use ametijuhend_ingest::{ImportRecord, Lexicon, Origin, Parsed, Plan, Report, ResolutionNote};
use ametijuhend_store::{AuditEntry, ChangeSet, Store};
use sha2::{Digest, Sha256};

/// A document to import: its name (for messages) and bytes.
pub struct Document {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A document read and parsed, not yet stored.
pub struct ParsedDocument {
    pub name: String,
    pub content_hash: String,
    pub format: Format,
    pub extract_warnings: Vec<String>,
    pub parsed: Parsed,
    bytes: Vec<u8>,
}

/// What became of one file.
pub enum Outcome {
    /// Stored: the records the import added or changed, with the resolution notes.
    Imported {
        changed: usize,
        notes: Vec<ResolutionNote>,
    },
    /// Imported before; nothing changed.
    Unchanged,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn media_type(format: Format) -> &'static str {
    match format {
        Format::Text => "text/plain; charset=utf-8",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Odt => "application/vnd.oasis.opendocument.text",
        Format::Pdf => "application/pdf",
    }
}

/// Extracts and parses one document with the built-in label lexicon. The error is one message
/// naming the file.
pub fn read(doc: Document, limits: &Limits) -> Result<ParsedDocument, String> {
    read_with(doc, limits, Lexicon::builtin())
}

/// [`read`] with a label lexicon (the built-in one with an agency's labels added).
pub fn read_with(doc: Document, limits: &Limits, lex: &Lexicon) -> Result<ParsedDocument, String> {
    let Extracted {
        format,
        text,
        warnings,
    } = ametijuhend_extract::extract(&doc.bytes, &doc.name, limits)
        .map_err(|e| format!("{}: {e}", doc.name))?;
    let content_hash = sha256_hex(&doc.bytes);
    let origin = Origin {
        file_name: doc.name.clone(),
        content_hash: content_hash.clone(),
    };
    let parsed = ametijuhend_ingest::parse_with(&text, &origin, lex).map_err(|e| e.to_string())?;
    Ok(ParsedDocument {
        name: doc.name,
        content_hash,
        format,
        extract_warnings: warnings,
        parsed,
        bytes: doc.bytes,
    })
}

impl ParsedDocument {
    pub fn records(&self) -> &[ImportRecord] {
        &self.parsed.records
    }

    pub fn report(&self) -> &Report {
        &self.parsed.report
    }

    /// Plans this document against `registry` (which the caller keeps up to date between files).
    pub fn plan(&self, registry: &Registry, now: Timestamp) -> Plan {
        let source = SourceDocument {
            content_hash: self.content_hash.clone(),
            file_name: self.name.clone(),
            media_type: media_type(self.format).to_string(),
            imported_at: now,
            content: self.bytes.clone(),
        };
        ametijuhend_ingest::plan(&self.parsed.records, registry, source, now)
    }
}

/// Stores a planned document in one transaction and updates the in-memory registry with it.
pub async fn store_document(
    store: &Store,
    registry: &mut Registry,
    doc: &ParsedDocument,
    now: Timestamp,
) -> Result<Outcome, String> {
    let plan = doc.plan(registry, now);
    if plan.is_empty() {
        return Ok(Outcome::Unchanged);
    }
    let delta = &plan.delta;
    let changed = delta.units.len()
        + delta.persons.len()
        + delta.positions.len()
        + delta.job_descriptions.len()
        + delta.directives.len()
        + delta.role_cards.len()
        + delta.role_glossary.len()
        + delta.competencies.len()
        + delta.substitutions.len();
    let audit = import_audit(registry, delta, now);
    store
        .apply_audited(&ChangeSet::from_registry(delta), &audit)
        .await
        .map_err(|e| format!("{}: not stored: {e}", doc.name))?;
    *registry = plan.apply_to(registry);
    Ok(Outcome::Imported {
        changed,
        notes: plan.report,
    })
}

/// The audit entries of an import: each unit, position, directive and job description version
/// it adds or changes, by the importer's account, with the record as it was (when it existed)
/// and as it is; a version is in its position's history.
pub fn import_audit(before: &Registry, delta: &Registry, at: Timestamp) -> Vec<AuditEntry> {
    let actor = ametijuhend_ingest::IMPORTER_ACCOUNT;
    let mut out = Vec::new();
    for u in &delta.units {
        let e = AuditEntry::new(at, actor, "unit.imported", "unit", &u.id).after(u);
        out.push(match before.units.iter().find(|o| o.id == u.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for p in &delta.positions {
        let e = AuditEntry::new(at, actor, "position.imported", "position", &p.id).after(p);
        out.push(match before.positions.iter().find(|o| o.id == p.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for d in &delta.directives {
        let e = AuditEntry::new(at, actor, "directive.imported", "directive", &d.id).after(d);
        out.push(match before.directives.iter().find(|o| o.id == d.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for jd in &delta.job_descriptions {
        let e = AuditEntry::new(
            at,
            actor,
            "job_description.imported",
            "position",
            &jd.position,
        )
        .after(jd);
        out.push(
            match before.job_descriptions.iter().find(|o| o.id == jd.id) {
                Some(old) => e.before(old),
                None => e,
            },
        );
    }
    out
}

/// Imports documents built into the program (reference data, demo registry); returns how many
/// files changed the registry. Any failure is an error: these documents are ours.
pub async fn import_builtin(
    store: &Store,
    docs: Vec<Document>,
    now: Timestamp,
) -> Result<usize, String> {
    let mut registry = store.export().await.map_err(|e| e.to_string())?;
    let mut changed = 0;
    for doc in docs {
        let parsed = read(doc, &Limits::default())?;
        if let Outcome::Imported { .. } = store_document(store, &mut registry, &parsed, now).await?
        {
            changed += 1;
        }
    }
    Ok(changed)
}
