//! Running a [`Query`]: the tantivy query it becomes, the hits with their section and snippet,
//! and the facet counts.
//!
//! Every word must match (in the title, the purpose, the body, or as a compound part); title
//! matches weigh [`TITLE_BOOST`], purpose matches [`PURPOSE_BOOST`], compound parts
//! [`PARTS_BOOST`]. Filters and the reader's [`Visibility`] are required clauses that do not
//! score, so totals and facet counts cover only what the reader may see.

use crate::analyzer::analyze;
use crate::document::{DocKind, FacetDim, Section, keys};
use crate::index::SearchIndex;
use crate::query::{Clause, MAX_LIMIT, MAX_OFFSET, Query, Visibility, parse};
use crate::safe_seek::SafeSeekQuery;
use crate::snippet::{Highlighter, snippet_html};
use crate::{Result, SearchError};
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query as TQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

pub const TITLE_BOOST: f32 = 4.0;
pub const PURPOSE_BOOST: f32 = 2.0;
pub const PARTS_BOOST: f32 = 0.3;

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Hit {
    pub kind: DocKind,
    pub id: String,
    pub title: String,
    /// For positions: the job description version the text comes from.
    pub job_description: Option<String>,
    /// The best matching section ("purpose", "duties[2]", "duties[2].expected_results[0]" …);
    /// `None` when the query had no words (browsing by filters).
    pub section: Option<String>,
    /// The section's text (cut when long), HTML-escaped, matches in `<mark>…</mark>`.
    pub snippet_html: String,
    pub score: f32,
}

/// A facet value and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FacetCount {
    /// The value: a kind, a unit or role card id, a job family, a level (e.g. "4B"), a status,
    /// a staff group or a language code (ISO 639-1).
    pub value: String,
    pub count: u64,
}

/// Counts of the matching documents by each dimension, largest first. Unit counts cover each
/// unit's subtree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Facets {
    pub kind: Vec<FacetCount>,
    pub unit: Vec<FacetCount>,
    pub role_card: Vec<FacetCount>,
    pub job_family: Vec<FacetCount>,
    pub level: Vec<FacetCount>,
    pub status: Vec<FacetCount>,
    pub staff_group: Vec<FacetCount>,
    pub language: Vec<FacetCount>,
}

impl Facets {
    pub fn get(&self, dim: FacetDim) -> &[FacetCount] {
        match dim {
            FacetDim::Kind => &self.kind,
            FacetDim::Unit => &self.unit,
            FacetDim::RoleCard => &self.role_card,
            FacetDim::JobFamily => &self.job_family,
            FacetDim::Level => &self.level,
            FacetDim::Status => &self.status,
            FacetDim::StaffGroup => &self.staff_group,
            FacetDim::Language => &self.language,
        }
    }

    fn slot(&mut self, dim: FacetDim) -> &mut Vec<FacetCount> {
        match dim {
            FacetDim::Kind => &mut self.kind,
            FacetDim::Unit => &mut self.unit,
            FacetDim::RoleCard => &mut self.role_card,
            FacetDim::JobFamily => &mut self.job_family,
            FacetDim::Level => &mut self.level,
            FacetDim::Status => &mut self.status,
            FacetDim::StaffGroup => &mut self.staff_group,
            FacetDim::Language => &mut self.language,
        }
    }
}

/// One page of results: the total, the hits of the page (best first) and the facet counts
/// of all matching documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SearchResults {
    /// All matching documents the reader may see.
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

type Boxed = Box<dyn TQuery>;

fn term_query(field: Field, text: &str) -> Boxed {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn boosted(q: Boxed, boost: f32) -> Boxed {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn filter(field: Field, key: &str) -> Boxed {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(field, key),
            IndexRecordOption::Basic,
        )),
        0.0,
    ))
}

fn any_of(clauses: Vec<Boxed>) -> Boxed {
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|c| (Occur::Should, c)).collect(),
    ))
}

impl SearchIndex {
    fn zones(&self) -> [(Field, f32); 3] {
        [
            (self.fields.title, TITLE_BOOST),
            (self.fields.purpose, PURPOSE_BOOST),
            (self.fields.body, 1.0),
        ]
    }

    /// One word's stem in any field, compound parts included when `parts`.
    fn stem_clause(&self, stem: &str, parts: bool) -> Boxed {
        let mut qs: Vec<Boxed> = self
            .zones()
            .iter()
            .map(|(f, b)| boosted(term_query(*f, stem), *b))
            .collect();
        if parts {
            qs.push(boosted(term_query(self.fields.parts, stem), PARTS_BOOST));
        }
        any_of(qs)
    }

    /// One query word: any of its terms (see [`crate::analyzer::query_terms`]).
    fn word_clause(&self, terms: &[String], parts: bool) -> Boxed {
        match terms {
            [one] => self.stem_clause(one, parts),
            _ => any_of(terms.iter().map(|t| self.stem_clause(t, parts)).collect()),
        }
    }

    /// A clause of the query text, and what the highlighter should mark for it.
    fn clause(&self, clause: &Clause, include: bool, hl: &mut Highlighter) -> Vec<Boxed> {
        match clause {
            Clause::Word(w) => analyze(w)
                .into_iter()
                .map(|t| {
                    if include {
                        hl.stems.extend(t.terms.iter().cloned());
                    }
                    self.word_clause(&t.terms, include)
                })
                .collect(),
            Clause::Phrase(p) => {
                let terms = analyze(p);
                match terms.len() {
                    0 => vec![],
                    1 => {
                        if include {
                            hl.stems.extend(terms[0].terms.iter().cloned());
                        }
                        vec![self.word_clause(&terms[0].terms, false)]
                    }
                    _ => {
                        // Word by word on each word's main term: the index holds every
                        // dictionary form of a word at its position, the main one among them.
                        let first = terms[0].position;
                        let offsets: Vec<(usize, String)> = terms
                            .iter()
                            .map(|t| (t.position - first, t.terms[0].clone()))
                            .collect();
                        let per_zone = self
                            .zones()
                            .iter()
                            .map(|(f, b)| {
                                let q = PhraseQuery::new_with_offset(
                                    offsets
                                        .iter()
                                        .map(|(o, s)| (*o, Term::from_field_text(*f, s)))
                                        .collect(),
                                );
                                boosted(Box::new(q), *b)
                            })
                            .collect();
                        if include {
                            hl.phrases.push(offsets);
                        }
                        vec![any_of(per_zone)]
                    }
                }
            }
        }
    }

    /// The filters and the visibility as required clauses; `None` when nothing can match.
    fn restrictions(&self, q: &Query) -> Option<Vec<Boxed>> {
        let k = self.fields.keys;
        let f = &q.filters;
        let mut out: Vec<Boxed> = Vec::new();
        if !f.kinds.is_empty() {
            out.push(any_of(
                f.kinds.iter().map(|x| filter(k, &keys::kind(*x))).collect(),
            ));
        }
        if let Some(u) = &f.unit {
            out.push(filter(k, &keys::unit(u.as_str())));
        }
        if let Some(rc) = &f.role_card {
            out.push(filter(k, &keys::role_card(rc.as_str())));
        }
        match (&f.job_family, &f.level) {
            (Some(fam), Some(lvl)) => out.push(filter(k, &keys::job_family_level(fam, lvl))),
            (Some(fam), None) => out.push(filter(k, &keys::job_family(fam))),
            (None, Some(lvl)) => out.push(filter(k, &keys::level(lvl))),
            (None, None) => {}
        }
        if !f.statuses.is_empty() {
            out.push(any_of(
                f.statuses
                    .iter()
                    .map(|s| filter(k, &keys::status(*s)))
                    .collect(),
            ));
        }
        if let Some(g) = f.staff_group {
            out.push(filter(k, &keys::staff_group(g)));
        }
        if let Some(l) = &f.language {
            out.push(filter(
                k,
                &keys::language_at_least(l.language.as_str(), l.min_level),
            ));
        }
        match &q.allowed {
            Visibility::All => {}
            Visibility::Nothing => return None,
            Visibility::Scoped(scope) => {
                let mut grants: Vec<Boxed> = Vec::new();
                grants.extend(
                    scope
                        .units
                        .iter()
                        .map(|u| filter(k, &keys::unit(u.as_str()))),
                );
                grants.extend(
                    scope
                        .positions
                        .iter()
                        .map(|p| filter(k, &keys::position(p.as_str()))),
                );
                if scope.catalogue {
                    for kind in [DocKind::RoleCard, DocKind::Competency, DocKind::Unit] {
                        grants.push(filter(k, &keys::kind(kind)));
                    }
                }
                if grants.is_empty() {
                    return None;
                }
                out.push(any_of(grants));
            }
        }
        Some(out)
    }

    /// Runs a query. Never fails on what a person typed; errors are the index's own.
    pub fn search(&self, q: &Query) -> Result<SearchResults> {
        let Some(mut clauses) = self.restrictions(q) else {
            return Ok(SearchResults::default());
        };
        let parsed = parse(&q.text);
        let mut hl = Highlighter::default();
        let mut required: Vec<Boxed> = Vec::new();
        for c in &parsed.include {
            required.extend(self.clause(c, true, &mut hl));
        }
        let mut excluded: Vec<Boxed> = Vec::new();
        for c in &parsed.exclude {
            excluded.extend(self.clause(c, false, &mut hl));
        }
        if required.is_empty() {
            required.push(Box::new(AllQuery));
        }
        clauses.extend(required);
        let mut all: Vec<(Occur, Boxed)> = clauses.into_iter().map(|c| (Occur::Must, c)).collect();
        all.extend(
            excluded
                .into_iter()
                .map(|c| (Occur::MustNot, Box::new(SafeSeekQuery(c)) as Boxed)),
        );
        let query = BooleanQuery::new(all);

        let limit = q.limit.clamp(1, MAX_LIMIT);
        let offset = q.offset.min(MAX_OFFSET);
        let mut facet_collector = FacetCollector::for_field("facets");
        for dim in FacetDim::ALL {
            facet_collector.add_facet(format!("/{}", dim.as_str()).as_str());
        }
        let searcher = self.reader.searcher();
        let (top, total, facet_counts) = searcher.search(
            &query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score(),
                Count,
                facet_collector,
            ),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(self.hit(&doc, score, &hl)?);
        }
        Ok(SearchResults {
            total,
            hits,
            facets: facets(&facet_counts),
        })
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, hl: &Highlighter) -> Result<Hit> {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let kind = text(f.kind)
            .as_deref()
            .and_then(DocKind::parse)
            .ok_or_else(|| SearchError::Corrupt("a document has no kind".into()))?;
        let sections: Vec<Section> = match text(f.sections) {
            Some(json) => {
                serde_json::from_str(&json).map_err(|e| SearchError::Corrupt(e.to_string()))?
            }
            None => vec![],
        };
        let (section, snippet) = match hl.choose(&sections) {
            Some(c) => {
                let s = &sections[c.index];
                (Some(s.path.clone()), snippet_html(&s.text, &c.marks))
            }
            None => {
                // No words to show: the purpose, else the first section after the title.
                let s = sections
                    .iter()
                    .find(|s| s.path == "purpose")
                    .or_else(|| sections.iter().find(|s| s.path != "title"))
                    .or(sections.first());
                (
                    None,
                    s.map(|s| snippet_html(&s.text, &[])).unwrap_or_default(),
                )
            }
        };
        Ok(Hit {
            kind,
            id: text(f.id).unwrap_or_default(),
            title: text(f.display_title).unwrap_or_default(),
            job_description: text(f.job_description),
            section,
            snippet_html: snippet,
            score,
        })
    }
}

fn facets(counts: &FacetCounts) -> Facets {
    let mut out = Facets::default();
    for dim in FacetDim::ALL {
        let mut values: Vec<FacetCount> = counts
            .get(format!("/{}", dim.as_str()).as_str())
            .filter_map(|(facet, count)| {
                facet.to_path().last().map(|v| FacetCount {
                    value: v.to_string(),
                    count,
                })
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        *out.slot(dim) = values;
    }
    out
}
