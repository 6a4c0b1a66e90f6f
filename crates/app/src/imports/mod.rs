//! Importing documents: file bytes → text (`ametijuhend-extract`, isolated behind limits) →
//! records (`ametijuhend-ingest`) → a plan against the registry → one transaction per file with
//! its audit entries ([`import_audit`]). `ametijuhend import`, the reference data and the demo
//! registry of `serve` use it.
//!
//! The registry is never loaded: an [`Importer`] (one per batch) keeps the unit tree, the role
//! card catalogue and a light index of the positions, and for each document reads from the
//! store only what its plan can look at ([`ametijuhend_ingest::plan::context`]): the positions
//! of the document's unit with their versions and holders, the positions its names may
//! resolve to, the directives it names by number, its competencies, whether the file was
//! imported before. So a file costs the same at the 10,000th document as at the first.
//!
//! The import acts as the importer's account ([`IMPORTER_ACCOUNT`]); when a person runs it
//! (a [`Principal`] is given), the permission decision must let them edit the whole registry.

mod audit;
mod context;

pub use audit::import_audit;
pub use context::Importer;

use ametijuhend_extract::{Extracted, Format, Limits};
use ametijuhend_ingest::{ImportRecord, Lexicon, Origin, Parsed, Report, ResolutionNote};
use sha2::{Digest, Sha256};

pub use ametijuhend_ingest::IMPORTER_ACCOUNT;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored: how many records the import added or changed, with the resolution notes.
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

    fn source(&self, now: ametijuhend_domain::Timestamp) -> ametijuhend_domain::SourceDocument {
        ametijuhend_domain::SourceDocument {
            content_hash: self.content_hash.clone(),
            file_name: self.name.clone(),
            media_type: media_type(self.format).to_string(),
            imported_at: now,
            content: self.bytes.clone(),
        }
    }
}

/// Imports documents built into the program (reference data, demo registry); returns how many
/// files changed the registry. Any failure is an error: these documents are ours.
pub async fn import_builtin(
    store: &dyn ametijuhend_store::Repository,
    clock: &dyn crate::Clock,
    docs: Vec<Document>,
) -> Result<usize, String> {
    let mut importer = Importer::new(store, clock, None)
        .await
        .map_err(|e| e.to_string())?;
    let mut changed = 0;
    for doc in docs {
        let parsed = read(doc, &Limits::default())?;
        if let Outcome::Imported { .. } = importer.store(&parsed).await? {
            changed += 1;
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests;
