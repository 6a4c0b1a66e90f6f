//! The index schema: which fields a document has and how each is indexed.
//!
//! | field | indexed as | stored | for |
//! |---|---|---|---|
//! | `key` | raw term | no | `<kind>:<id>`, the unique key updates and deletes go by |
//! | `kind`, `id`, `display_title`, `job_description` | — | yes | building a hit |
//! | `title`, `purpose`, `body` | Estonian dictionary forms (or fallback stems) with positions | no | ranking and phrases |
//! | `parts` | dictionary forms of compound parts, frequencies only | no | compound parts, lower weight |
//! | `keys` | raw terms | no | filters and permissions, as term clauses |
//! | `facets` | facet paths `/dim/value` | no | facet counts |
//! | `sections` | — | yes (JSON) | choosing the matching section and its snippet |

use crate::analyzer::{PARTS, STEMMED};
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Bumped whenever the schema or the analyzer's rules change what the index holds; an index
/// written with another version is recreated empty on open and must be rebuilt. (A new lexicon
/// is caught by its own stamp: `index::analyzer_version`.)
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub key: Field,
    pub kind: Field,
    pub id: Field,
    pub display_title: Field,
    pub job_description: Field,
    pub title: Field,
    pub purpose: Field,
    pub body: Field,
    pub parts: Field,
    pub keys: Field,
    pub facets: Field,
    pub sections: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEMMED)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let parts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PARTS)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        key: b.add_text_field("key", STRING),
        kind: b.add_text_field("kind", STORED),
        id: b.add_text_field("id", STORED),
        display_title: b.add_text_field("display_title", STORED),
        job_description: b.add_text_field("job_description", STORED),
        title: b.add_text_field("title", stemmed.clone()),
        purpose: b.add_text_field("purpose", stemmed.clone()),
        body: b.add_text_field("body", stemmed),
        parts: b.add_text_field("parts", parts),
        keys: b.add_text_field("keys", STRING),
        facets: b.add_facet_field("facets", FacetOptions::default()),
        sections: b.add_text_field("sections", STORED),
    };
    (b.build(), fields)
}
