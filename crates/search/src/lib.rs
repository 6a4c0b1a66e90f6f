//! Full-text search over the registry: a tantivy index of positions (with their current job
//! description, every section), role cards, competencies and units, read through an Estonian
//! analyzer.
//!
//! - [`SearchIndex`] opens or creates the index ([`SearchIndex::open_or_create`],
//!   [`SearchIndex::in_memory`]), rebuilds it from a [`Registry`](ametijuhend_domain::Registry)
//!   ([`SearchIndex::index_registry`]), applies changes by record id (`upsert_*`, `remove_*`,
//!   [`SearchIndex::commit`] with the outbox sequence number) and answers
//!   [`SearchIndex::search`].
//! - [`Query`] is what a person typed (words, "phrases", `-exclusions`; see [`query::parse`]),
//!   [`Filters`] and the reader's [`Visibility`], applied inside the index so that nothing the
//!   reader may not see is returned or counted.
//! - [`analyzer`] is the Estonian analyzer: lower case without folding õ ä ö ü š ž, stop words,
//!   dictionary forms from the [`lexicon`] (generated from Vabamorf), compounds split with it,
//!   and the [`stemmer`] (Snowball Estonian with a paradigm fold) for unknown words.

pub mod analyzer;
pub mod document;
pub mod index;
pub mod lexicon;
pub mod query;
mod safe_seek;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod stemmer;
pub mod stopwords;

pub use document::{DocKind, FacetDim, Lookup, RegistryLookup, SearchDoc, Section};
pub use index::{OpenStatus, SearchIndex};
pub use query::{Filters, LanguageFilter, Query, Scope, Visibility};
pub use search::{FacetCount, Facets, Hit, SearchResults};

use std::path::Path;

/// What can go wrong with the index (never with what a person typed).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the search index is being written by another process (is the server running?): stop it or use its index"
    )]
    Locked,
    #[error("the search index is damaged ({0}): rebuild it with `ametijuhend reindex`")]
    Corrupt(String),
}

impl SearchError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        SearchError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

impl From<tantivy::directory::error::OpenReadError> for SearchError {
    fn from(e: tantivy::directory::error::OpenReadError) -> Self {
        SearchError::Index(e.into())
    }
}

pub type Result<T, E = SearchError> = std::result::Result<T, E>;
