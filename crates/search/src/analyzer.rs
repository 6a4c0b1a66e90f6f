//! The Estonian analyzer: how text becomes index terms.
//!
//! 1. **Words.** A word is a run of letters and digits; hyphens, slashes and punctuation split
//!    ("IT-osakond" → "it", "osakond"). Combining accents are composed onto their letter, so a
//!    decomposed "o + ◌̃" is the same "õ" as the precomposed one.
//! 2. **Lower case without folding.** "Õigus" → "õigus"; õ ä ö ü š ž stay what they are
//!    ("õige" and "oige" are different words).
//! 3. **Stop words** ([`crate::stopwords`]) are dropped; the position counter still advances,
//!    so phrases keep their gaps.
//! 4. **Dictionary forms** ([`analyze_word`]): a word the lexicon ([`crate::lexicon`]: every
//!    form of ~130,000 nouns, adjectives, verbs and numerals, generated from Vabamorf) knows
//!    becomes its dictionary forms ("asjadele" → "asi", "teeb" → "tegema"; an ambiguous form
//!    gives all of them at one position: "teed" → "tee", "tegema"). A word it does not know
//!    but can split into a known beginning and a known last part becomes the beginning as
//!    written and the last part's dictionary form ("ärireeglitele" → "ärireegel"). Other words fall back to
//!    Snowball Estonian with a paradigm fold ([`crate::stemmer`]); words with digits, and
//!    unknown words of three letters or fewer, are kept as they are.
//! 5. **Compound parts** (a second field, [`Mode::Parts`]): the dictionary forms of a split
//!    compound's parts ("kasutajaõigused" → "kasutaja", "õigus"); for an unknown word that
//!    cannot be split, the fallback stems of its prefixes and suffixes. A query word's terms are
//!    looked up there too, with a lower weight, so a compound part finds the compound.
//!
//! A query word ([`query_terms`]) that is itself a dictionary form means that word only: "tee"
//! searches the noun "tee", not the forms of "tegema" too.

use crate::stopwords::is_stop_word;
use crate::{lexicon, stemmer};
use std::collections::HashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Registered name of the dictionary-form analyzer (title, purpose, body).
pub const STEMMED: &str = "et_stem";
/// Registered name of the compound-parts analyzer.
pub const PARTS: &str = "et_parts";

/// Words longer than this are not indexed (hashes, URLs glued together).
const MAX_WORD_CHARS: usize = 40;

/// One word of a text: byte offsets into the original text and the lower-case word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub from: usize,
    pub to: usize,
    /// Counts every word, stop words included.
    pub position: usize,
    pub text: String,
}

fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('o', '\u{303}') => 'õ',
        ('a', '\u{308}') => 'ä',
        ('o', '\u{308}') => 'ö',
        ('u', '\u{308}') => 'ü',
        ('s', '\u{30c}') => 'š',
        ('z', '\u{30c}') => 'ž',
        _ => return None,
    })
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Splits a text into lower-case words (stop words included).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut position = 0;
    let mut flush = |cur: &mut String, from: usize, to: usize, out: &mut Vec<Word>| {
        if !cur.is_empty() {
            out.push(Word {
                from,
                to,
                position,
                text: std::mem::take(cur),
            });
            position += 1;
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.extend(c.to_lowercase());
        } else if is_combining(c) && !cur.is_empty() {
            if let Some(last) = cur.pop() {
                cur.push(compose(last, c).unwrap_or(last));
            }
        } else {
            flush(&mut cur, start, i, &mut out);
        }
    }
    flush(&mut cur, start, text.len(), &mut out);
    out
}

/// True when a word is worth indexing: not a stop word, not a lone letter, not too long.
pub fn is_indexable(word: &str) -> bool {
    let n = word.chars().count();
    if n > MAX_WORD_CHARS || is_stop_word(word) {
        return false;
    }
    n > 1 || word.chars().all(|c| c.is_ascii_digit())
}

/// How a word became its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A form the lexicon holds.
    Lexicon,
    /// A compound of words the lexicon holds.
    Compound,
    /// Unknown: Snowball Estonian and the fold.
    Stemmer,
    /// Kept as it is: a number, a code, or a short unknown word.
    Kept,
    /// A stop word (or a word too long to index): no terms.
    Skipped,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Lexicon => "lexicon",
            Source::Compound => "compound",
            Source::Stemmer => "stemmer",
            Source::Kept => "kept",
            Source::Skipped => "skipped",
        }
    }
}

/// The terms the index makes of one lower-case word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAnalysis {
    /// Terms of the text fields (title, purpose, body).
    pub text: Vec<String>,
    /// Terms of the compound-parts field.
    pub parts: Vec<String>,
    pub source: Source,
    /// True when the word is itself one of its dictionary forms.
    pub is_lemma: bool,
}

/// Analyses one lower-case word as the index does (see the module doc).
pub fn analyze_word(word: &str) -> WordAnalysis {
    let mut out = WordAnalysis {
        text: Vec::new(),
        parts: Vec::new(),
        source: Source::Skipped,
        is_lemma: false,
    };
    if !is_indexable(word) {
        return out;
    }
    if !word.chars().all(char::is_alphabetic) {
        out.text.push(word.to_string());
        out.source = Source::Kept;
        return out;
    }
    if let Some(entry) = lexicon::lookup(word) {
        out.text = entry.lemmas;
        out.is_lemma = entry.is_lemma;
        out.source = Source::Lexicon;
        return out;
    }
    if let Some(c) = lexicon::split_compound(word) {
        out.text = c.lemmas();
        out.is_lemma = c.tail_is_lemma;
        for p in c.head_lemmas.iter().chain(&c.tail_lemmas) {
            if !out.parts.contains(p) && !out.text.contains(p) {
                out.parts.push(p.clone());
            }
        }
        out.source = Source::Compound;
        return out;
    }
    if word.chars().count() <= 3 {
        out.text.push(word.to_string());
        out.source = Source::Kept;
        return out;
    }
    let whole = stemmer::stem(word);
    out.parts = stemmer::compound_parts(word);
    out.parts.retain(|p| p != &whole);
    out.text.push(whole);
    out.source = Source::Stemmer;
    out
}

/// The terms a query word looks for: the word itself when it is one of its own dictionary
/// forms (so "tee" is not also every form of "tegema"), else all its dictionary forms.
pub fn query_terms(word: &str) -> Vec<String> {
    let a = analyze_word(word);
    if a.is_lemma && matches!(a.source, Source::Lexicon | Source::Compound) {
        vec![word.to_string()]
    } else {
        a.text
    }
}

/// The main term of a lower-case word: the first of its [`query_terms`] (a quoted phrase
/// matches word by word on these).
pub fn main_term(word: &str) -> Option<String> {
    query_terms(word).into_iter().next()
}

/// A query word with its terms (see [`query_terms`]) and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word's terms, the main one first; any of them matches.
    pub terms: Vec<String>,
    pub from: usize,
    pub to: usize,
    pub position: usize,
}

/// The query terms of the indexable words of a text (see [`query_terms`]).
pub fn analyze(text: &str) -> Vec<Term> {
    words(text)
        .into_iter()
        .filter(|w| is_indexable(&w.text))
        .filter_map(|w| {
            let terms = query_terms(&w.text);
            (!terms.is_empty()).then_some(Term {
                terms,
                from: w.from,
                to: w.to,
                position: w.position,
            })
        })
        .collect()
}

/// The terms the index makes of one word of a text, by field: what `ametijuhend analyze`
/// prints, so that anyone can see why a word is or is not found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenTerms {
    /// The word as written.
    pub token: String,
    pub terms: FieldTerms,
    /// How the terms were made.
    #[serde(skip)]
    pub source: Source,
}

/// Terms by index field: `text` is what ordinary word queries match (title, purpose, body),
/// `parts` the compound-parts field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldTerms {
    pub text: Vec<String>,
    pub parts: Vec<String>,
}

/// Every word of a text (stop words included, with no terms) and the terms the index makes of
/// it.
pub fn explain(text: &str) -> Vec<TokenTerms> {
    words(text)
        .into_iter()
        .map(|w| {
            let a = analyze_word(&w.text);
            TokenTerms {
                token: text[w.from..w.to].to_string(),
                terms: FieldTerms {
                    text: a.text,
                    parts: a.parts,
                },
                source: a.source,
            }
        })
        .collect()
}

/// What a [`EstonianTokenizer`] emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The dictionary forms of each word (or its fallback stem).
    Stemmed,
    /// The compound parts of each word.
    Parts,
}

/// Entries kept in a tokenizer's memo before it is cleared.
const CACHE_LIMIT: usize = 200_000;

/// The analyzer as a tantivy tokenizer. It remembers the stems and parts of the words it has
/// seen (each clone has its own memo: tantivy clones one per indexing thread).
#[derive(Clone)]
pub struct EstonianTokenizer {
    mode: Mode,
    memo: HashMap<String, Vec<String>>,
    tokens: Vec<Token>,
}

impl EstonianTokenizer {
    pub fn new(mode: Mode) -> Self {
        Self {
            mode,
            memo: HashMap::new(),
            tokens: Vec::new(),
        }
    }

    fn terms_of(&mut self, word: &str) -> &[String] {
        if self.memo.len() >= CACHE_LIMIT {
            self.memo.clear();
        }
        let mode = self.mode;
        self.memo.entry(word.to_string()).or_insert_with(|| {
            let a = analyze_word(word);
            match mode {
                Mode::Stemmed => a.text,
                Mode::Parts => a.parts,
            }
        })
    }
}

/// The tokens of one text, handed out one by one.
pub struct EstonianTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
    /// Returned by `token()` before the first `advance()` or after the last one.
    none: Token,
}

impl TokenStream for EstonianTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &self.tokens[i],
            _ => &self.none,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.none,
        }
    }
}

impl Tokenizer for EstonianTokenizer {
    type TokenStream<'a> = EstonianTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        for w in words(text) {
            if !is_indexable(&w.text) {
                continue;
            }
            for t in self.terms_of(&w.text) {
                tokens.push(Token {
                    offset_from: w.from,
                    offset_to: w.to,
                    position: w.position,
                    text: t.clone(),
                    position_length: 1,
                });
            }
        }
        self.tokens = tokens;
        EstonianTokenStream {
            tokens: &mut self.tokens,
            next: 0,
            none: Token::default(),
        }
    }
}

/// The stemming analyzer, ready to register with an index.
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(EstonianTokenizer::new(Mode::Stemmed))
}

/// The compound-parts analyzer, ready to register with an index.
pub fn parts_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(EstonianTokenizer::new(Mode::Parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_terms(text: &str) -> Vec<String> {
        analyze(text)
            .into_iter()
            .map(|t| t.terms[0].clone())
            .collect()
    }

    #[test]
    fn words_lower_case_without_folding() {
        let w: Vec<String> = words("ÕIGUS Äri ÖÖ Üle ŠOKK Žürii")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, vec!["õigus", "äri", "öö", "üle", "šokk", "žürii"]);
        assert_ne!(analyze_word("õige").text, analyze_word("oige").text);
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let w = words("o\u{303}igus tea\u{308}b");
        assert_eq!(w[0].text, "õigus");
        assert_eq!(w[1].text, "teäb");
        assert_eq!(analyze_word(&w[0].text).text, vec!["õigus"]);
    }

    #[test]
    fn hyphens_and_punctuation_split_and_offsets_point_into_the_text() {
        let text = "IT-osakond, x-tee (SKAIS)";
        let w = words(text);
        let t: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(t, vec!["it", "osakond", "x", "tee", "skais"]);
        assert_eq!(&text[w[1].from..w[1].to], "osakond");
        assert_eq!(w[4].position, 4);
    }

    #[test]
    fn stop_words_leave_a_position_gap() {
        let t = analyze("teenuse ja protsesside");
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].position, t[1].position), (0, 2));
    }

    #[test]
    fn each_source_of_terms() {
        let a = analyze_word("asjadele");
        assert_eq!(
            (a.text, a.source),
            (vec!["asi".to_string()], Source::Lexicon)
        );
        let a = analyze_word("ärireeglitele");
        assert_eq!(a.text, vec!["ärireegel"]);
        assert_eq!(a.source, Source::Compound);
        assert_eq!(a.parts, vec!["äri", "reegel"]);
        let a = analyze_word("skaisi");
        assert_eq!(a.source, Source::Stemmer);
        let a = analyze_word("x5");
        assert_eq!((a.text, a.source), (vec!["x5".to_string()], Source::Kept));
        assert_eq!(analyze_word("ja").source, Source::Skipped);
    }

    #[test]
    fn a_dictionary_form_in_a_query_means_that_word() {
        assert!(analyze_word("tee").text.contains(&"tegema".to_string()));
        assert_eq!(query_terms("tee"), vec!["tee"]);
        assert_eq!(query_terms("teeb"), vec!["tegema"]);
        assert_ne!(query_terms("meede"), query_terms("meetod"));
        assert_ne!(query_terms("vahe"), query_terms("vahetu"));
    }

    #[test]
    fn explain_lists_every_word_with_its_terms() {
        let e = explain("Ärireeglitele ja IT-osakonnale");
        let tokens: Vec<&str> = e.iter().map(|t| t.token.as_str()).collect();
        assert_eq!(tokens, vec!["Ärireeglitele", "ja", "IT", "osakonnale"]);
        assert_eq!(e[0].terms.text, vec!["ärireegel"]);
        assert_eq!(e[0].terms.parts, vec!["äri", "reegel"]);
        assert!(e[1].terms.text.is_empty() && e[1].source == Source::Skipped);
        assert_eq!(e[3].terms.text, vec!["osakond"]);
        let json = serde_json::to_value(&e[3]).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"token": "osakonnale", "terms": {"text": ["osakond"], "parts": []}})
        );
    }

    #[test]
    fn tokenizer_streams_every_token() {
        let mut tok = EstonianTokenizer::new(Mode::Stemmed);
        let mut stream = tok.token_stream("Kasutajaõiguste haldamine ja asjade korraldamine");
        let mut got = Vec::new();
        while stream.advance() {
            got.push(stream.token().text.clone());
        }
        assert_eq!(
            got,
            vec!["kasutajaõigus", "haldamine", "asi", "korraldamine"]
        );
        assert_eq!(
            main_terms("Kasutajaõiguste haldamine ja asjade korraldamine"),
            got
        );
        let mut stream = tok.token_stream("");
        assert!(!stream.advance());
    }
}
