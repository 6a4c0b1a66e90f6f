//! What a caller asks for: the text a person typed, filters, and what the person may read.
//!
//! The text is read by a small tolerant parser ([`parse`]): words, "quoted phrases" (straight
//! or Estonian „…“ quotes; an unclosed quote runs to the end), and `-excluded` words or
//! phrases. Nothing a person types is a syntax error; characters that are not part of a word
//! are ignored.

use crate::document::DocKind;
use ametijuhend_domain::{Cefr, LanguageCode, PositionId, RoleCardId, StaffGroup, Status, UnitId};

/// The longest query text read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// The most clauses (words and phrases) read from one query.
pub const MAX_CLAUSES: usize = 32;
/// The most hits one page returns.
pub const MAX_LIMIT: usize = 200;
/// The furthest page start; a larger offset is read as this one.
pub const MAX_OFFSET: usize = 100_000;

/// A search request.
#[derive(Debug, Clone)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    /// What the person may read; computed by the caller from their permissions.
    pub allowed: Visibility,
    /// Hits per page (1 to [`MAX_LIMIT`]).
    pub limit: usize,
    pub offset: usize,
}

impl Query {
    /// A query for `text` with no filters, 20 hits per page.
    pub fn new(text: impl Into<String>, allowed: Visibility) -> Self {
        Self {
            text: text.into(),
            filters: Filters::default(),
            allowed,
            limit: 20,
            offset: 0,
        }
    }

    pub fn with_filters(mut self, filters: Filters) -> Self {
        self.filters = filters;
        self
    }

    pub fn with_page(mut self, limit: usize, offset: usize) -> Self {
        self.limit = limit;
        self.offset = offset;
        self
    }
}

/// Filters; each one set narrows the results (all must hold).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of these kinds (empty: all kinds).
    pub kinds: Vec<DocKind>,
    /// The unit and its whole subtree.
    pub unit: Option<UnitId>,
    pub role_card: Option<RoleCardId>,
    /// A job family (case-insensitive), e.g. "Poliitika rakendamine".
    pub job_family: Option<String>,
    /// A level, e.g. "4B"; with `job_family`, the level within that family.
    pub level: Option<String>,
    /// The status of the position's job description: any of these (empty: any status).
    pub statuses: Vec<Status>,
    pub staff_group: Option<StaffGroup>,
    pub language: Option<LanguageFilter>,
}

/// Positions that require `language` at `min_level` or higher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageFilter {
    pub language: LanguageCode,
    pub min_level: Cefr,
}

/// What the person searching may read. The index applies it as a query clause, so documents
/// outside it are neither returned nor counted in totals or facets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    /// Everything (administrators, HR).
    All,
    /// Nothing: every search returns no results.
    Nothing,
    Scoped(Scope),
}

/// A reader's grants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Positions and units in these units' subtrees.
    pub units: Vec<UnitId>,
    /// These positions.
    pub positions: Vec<PositionId>,
    /// Role cards, competencies and all units (the organisation chart).
    pub catalogue: bool,
}

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Word(String),
    Phrase(String),
}

/// A query text taken apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub include: Vec<Clause>,
    pub exclude: Vec<Clause>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

/// Reads a query text. Never fails: the worst input gives an empty query.
pub fn parse(text: &str) -> ParsedQuery {
    let chars: Vec<char> = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut out = ParsedQuery::default();
    let mut i = 0;
    let mut count = 0;
    while i < chars.len() && count < MAX_CLAUSES {
        let c = chars[i];
        if c.is_whitespace() || c == '+' {
            i += 1;
            continue;
        }
        let negated = c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        let clause = if chars.get(i).copied().is_some_and(is_quote) {
            i += 1;
            let start = i;
            while i < chars.len() && !is_quote(chars[i]) {
                i += 1;
            }
            let phrase: String = chars[start..i].iter().collect();
            i += 1; // the closing quote, if any
            Clause::Phrase(phrase.split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && !is_quote(chars[i]) {
                i += 1;
            }
            Clause::Word(chars[start..i].iter().collect())
        };
        let empty = match &clause {
            Clause::Word(w) | Clause::Phrase(w) => !w.chars().any(char::is_alphanumeric),
        };
        if empty {
            continue;
        }
        count += 1;
        if negated {
            out.exclude.push(clause);
        } else {
            out.include.push(clause);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Clause {
        Clause::Word(s.into())
    }
    fn p(s: &str) -> Clause {
        Clause::Phrase(s.into())
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse(r#"kasutajaõigused "SKAIS rakendused" -STAR -"x tee""#);
        assert_eq!(q.include, vec![w("kasutajaõigused"), p("SKAIS rakendused")]);
        assert_eq!(q.exclude, vec![w("STAR"), p("x tee")]);
    }

    #[test]
    fn estonian_quotes_and_unclosed_phrases() {
        let q = parse("„teenuse juht“ ja \"arendustööde testimine");
        assert_eq!(
            q.include,
            vec![p("teenuse juht"), w("ja"), p("arendustööde testimine")]
        );
    }

    #[test]
    fn syntax_characters_are_not_errors() {
        for text in [
            "",
            "   ",
            "\"",
            "-",
            "- -",
            "((a OR b)",
            "title:x^2~",
            "\"\"",
            "-\"",
            "+++",
            "*",
        ] {
            let q = parse(text);
            assert!(q.include.len() + q.exclude.len() <= 3, "{text}: {q:?}");
        }
        assert_eq!(parse("a - b").include, vec![w("a"), w("b")]);
        assert_eq!(parse("IT-osakond").include, vec![w("IT-osakond")]);
    }

    #[test]
    fn long_input_is_cut() {
        let text = "sõna ".repeat(1000);
        assert_eq!(parse(&text).include.len(), MAX_CLAUSES);
    }
}
