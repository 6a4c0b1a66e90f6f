//! Helpers shared by the integration tests: small hand-made documents and an index over them.

#![allow(dead_code)]

use ametijuhend_search::document::keys;
use ametijuhend_search::{DocKind, FacetDim, Query, SearchDoc, SearchIndex, Section, Visibility};

/// A position document with the given sections (paths and texts).
pub fn doc(id: &str, title: &str, sections: &[(&str, &str)]) -> SearchDoc {
    let mut all = vec![Section {
        path: "title".into(),
        text: title.into(),
    }];
    all.extend(sections.iter().map(|(p, t)| Section {
        path: p.to_string(),
        text: t.to_string(),
    }));
    SearchDoc {
        kind: DocKind::Position,
        id: id.into(),
        title: title.into(),
        job_description: None,
        sections: all,
        keys: vec![keys::kind(DocKind::Position), keys::position(id)],
        facets: vec![(FacetDim::Kind, "position".into())],
    }
}

/// An in-memory index holding `docs`, committed.
pub fn index_of(docs: &[SearchDoc]) -> SearchIndex {
    let index = SearchIndex::in_memory().expect("in-memory index");
    for d in docs {
        index.upsert(d).expect("upsert");
    }
    index.commit(None).expect("commit");
    index
}

/// Ids of the hits for `text`, everything visible.
pub fn ids(index: &SearchIndex, text: &str) -> Vec<String> {
    index
        .search(&Query::new(text, Visibility::All))
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// Ids of the hits, sorted (for set comparisons).
pub fn id_set(index: &SearchIndex, text: &str) -> Vec<String> {
    let mut v = ids(index, text);
    v.sort();
    v
}
