//! The Estonian analyzer: how text becomes index terms.
//!
//! 1. **Words.** A word is a run of letters and digits; hyphens, slashes and punctuation split
//!    ("IT-osakond" → "it", "osakond"). Combining accents are composed onto their letter, so a
//!    decomposed "o + ◌̃" is the same "õ" as the precomposed one.
//! 2. **Lower case without folding.** "Õigus" → "õigus"; õ ä ö ü š ž stay what they are
//!    ("õige" and "oige" are different words).
//! 3. **Stop words** ([`crate::stopwords`]) are dropped; the position counter still advances,
//!    so phrases keep their gaps.
//! 4. **Stemming.** Snowball Estonian (the `frostem` crate) followed by a paradigm fold
//!    ([`fold`]): Snowball alone leaves "kasutajaõigus", "kasutajaõigused", "kasutajaõiguste"
//!    and "kasutajaõigusi" as four different stems (kasutajaõigu, kasutajaõiguse,
//!    kasutajaõigus, kasutajaõigusi). The fold removes what Snowball leaves of the s-stem
//!    endings (-us/-use/-usi, -is/-ise/-isi, -ne/-se), the stem vowel, the n/nd gradation and a
//!    final n/m/t, so that the forms of one noun meet.
//! 5. **Compound parts** (a second field, [`Mode::Parts`]): for every word of seven letters or
//!    more, the stems of its prefixes and suffixes at every split point. "kasutajaõigused" gives
//!    (among others) the stem of "õigused"; "järelevalvesüsteemi" the stem of "järelevalve". A
//!    query word's stem is looked up there too, with a lower weight, so a compound part finds
//!    the compound.

use crate::stopwords::is_stop_word;
use std::collections::HashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Registered name of the stemming analyzer (title, purpose, body).
pub const STEMMED: &str = "et_stem";
/// Registered name of the compound-parts analyzer.
pub const PARTS: &str = "et_parts";

/// Words longer than this are not indexed (hashes, URLs glued together).
const MAX_WORD_CHARS: usize = 40;
/// Parts shorter than this (in letters) are not indexed.
const MIN_PART_CHARS: usize = 4;
/// A word needs this many letters to be split into parts.
const MIN_COMPOUND_CHARS: usize = 7;

const VOWELS: &str = "aeiouõäöü";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

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

thread_local! {
    static SNOWBALL: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::Estonian);
}

/// The stem of a lower-case word: Snowball Estonian, then [`fold`]. Words of three letters or
/// fewer and words with digits are kept as they are.
pub fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n <= 3 || !word.chars().all(char::is_alphabetic) {
        return word.to_string();
    }
    // "-us"/"-is" at the end is the nominative of an s-stem noun (õigus, koolitus, hüvitis) or
    // an inessive (lepingus, süsteemis). Snowball reads some of them as other endings
    // ("koolitus" → "kooli"); as "-use"/"-ise" both kinds reach the same stem after the fold.
    let input = if n >= 5 && (word.ends_with("us") || word.ends_with("is")) {
        format!("{word}e")
    } else {
        word.to_string()
    };
    let snow = SNOWBALL.with(|s| s.stem(&input).into_owned());
    fold(&snow)
}

/// Merges the stems Snowball leaves apart within one noun's paradigm (see the module doc).
/// Applied to Snowball's output for the indexed text and the query alike, so every rule only
/// has to be deterministic; the length guards keep short words whole.
pub fn fold(snowball_stem: &str) -> String {
    let mut c: Vec<char> = snowball_stem.chars().collect();
    // s-stems: "õiguse", "õigusi", "õigus" (from "õiguste") → "õigu".
    for suffix in ["sid", "sed", "si", "se", "s"] {
        let s: Vec<char> = suffix.chars().collect();
        if c.len() >= s.len() + 3 && c.ends_with(&s) && is_vowel(c[c.len() - s.len() - 1]) {
            c.truncate(c.len() - s.len());
            break;
        }
    }
    // The stem vowel of the oblique cases: "süsteemi" → "süsteem", "keele" → "keel".
    if c.len() >= 4 && is_vowel(c[c.len() - 1]) && !is_vowel(c[c.len() - 2]) {
        c.pop();
    }
    // Gradation: "osakonna" → "osakond", "kliendi" → "kliend" → "klient".
    if c.len() >= 4 && c.ends_with(&['n', 'n']) {
        let l = c.len();
        c[l - 1] = 'd';
    }
    if c.len() >= 4 && c.ends_with(&['d']) {
        let l = c.len();
        c[l - 1] = 't';
    }
    // Snowball drops a final n/m/t of some nominatives ("pension" → "pensio"); drop it from the
    // other forms too ("pensioni" → "pension" → "pensio").
    if c.len() >= 6 {
        let l = c.len();
        if "nmt".contains(c[l - 1]) && is_vowel(c[l - 2]) {
            c.pop();
        }
    }
    if c.len() >= 6 {
        let l = c.len();
        if "nt".contains(c[l - 1]) && c[l - 2] == 'n' {
            c.pop();
        }
    }
    c.into_iter().collect()
}

/// The stems of a word's prefixes and suffixes at every split point (see the module doc),
/// without the stem of the whole word. Empty for short words and words with digits.
pub fn compound_parts(word: &str) -> Vec<String> {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    if n < MIN_COMPOUND_CHARS || !c.iter().all(|ch| ch.is_alphabetic()) {
        return Vec::new();
    }
    let whole = stem(word);
    let mut out: Vec<String> = Vec::new();
    let push = |part: &[char], out: &mut Vec<String>| {
        let s = stem(&part.iter().collect::<String>());
        if s.chars().count() >= 3 && s != whole && !out.contains(&s) {
            out.push(s);
        }
    };
    // Suffixes: at least 3 letters before, at least MIN_PART_CHARS in the part.
    for k in 3..=n - MIN_PART_CHARS {
        push(&c[k..], &mut out);
    }
    // Prefixes: at least MIN_PART_CHARS in the part, at least 3 letters after.
    for k in MIN_PART_CHARS..=n - 3 {
        push(&c[..k], &mut out);
    }
    out
}

/// A term of analysed text with the word it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    pub from: usize,
    pub to: usize,
    pub position: usize,
}

/// Stems of the indexable words of a text, as the stemming analyzer indexes them.
pub fn analyze(text: &str) -> Vec<Term> {
    words(text)
        .into_iter()
        .filter(|w| is_indexable(&w.text))
        .map(|w| Term {
            term: stem(&w.text),
            from: w.from,
            to: w.to,
            position: w.position,
        })
        .collect()
}

/// What a [`EstonianTokenizer`] emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One stem per word.
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
        self.memo
            .entry(word.to_string())
            .or_insert_with(|| match mode {
                Mode::Stemmed => vec![stem(word)],
                Mode::Parts => compound_parts(word),
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

    fn stems(text: &str) -> Vec<String> {
        analyze(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn words_lower_case_without_folding() {
        let w: Vec<String> = words("ÕIGUS Äri ÖÖ Üle ŠOKK Žürii")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, vec!["õigus", "äri", "öö", "üle", "šokk", "žürii"]);
        assert_ne!(stem("õige"), stem("oige"));
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let w = words("o\u{303}igus tea\u{308}b");
        assert_eq!(w[0].text, "õigus");
        assert_eq!(w[1].text, "teäb");
        assert_eq!(stem(&w[0].text), stem("õigus"));
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
    fn fold_is_idempotent_on_its_own_output_length() {
        for w in [
            "õigused",
            "süsteemide",
            "osakonnad",
            "kliendid",
            "pensionid",
        ] {
            let s = stem(w);
            assert!(s.chars().count() >= 3, "{w} → {s}");
        }
    }

    #[test]
    fn tokenizer_streams_every_token() {
        let mut tok = EstonianTokenizer::new(Mode::Stemmed);
        let mut stream = tok.token_stream("Kasutajaõiguste andmine ja haldamine");
        let mut got = Vec::new();
        while stream.advance() {
            got.push(stream.token().text.clone());
        }
        assert_eq!(got, stems("Kasutajaõiguste andmine ja haldamine"));
        let mut stream = tok.token_stream("");
        assert!(!stream.advance());
    }
}
