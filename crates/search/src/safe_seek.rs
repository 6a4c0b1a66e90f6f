//! A query wrapper whose scorer only ever moves forward with plain `seek`.
//!
//! tantivy 0.27's exclusion (`-"a phrase"`) probes the excluded docset with `seek_danger`,
//! which its phrase scorer mishandles: it can be left past the next target, which trips a
//! debug assertion (and may skip documents in release builds). Wrapping the excluded clause
//! hides the phrase scorer's `seek_danger` behind the trait's default implementation, which is
//! correct for any docset.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader};

#[derive(Debug)]
pub struct SafeSeekQuery(pub Box<dyn Query>);

impl Clone for SafeSeekQuery {
    fn clone(&self) -> Self {
        Self(self.0.box_clone())
    }
}

impl Query for SafeSeekQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SafeSeekWeight(self.0.weight(enable_scoring)?)))
    }
}

struct SafeSeekWeight(Box<dyn Weight>);

impl Weight for SafeSeekWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(SafeSeekScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct SafeSeekScorer(Box<dyn Scorer>);

impl DocSet for SafeSeekScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.0.doc() >= target {
            self.0.doc()
        } else {
            self.0.seek(target)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for SafeSeekScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
