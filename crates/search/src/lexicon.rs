//! The Estonian lexicon: every inflected form of about 130,000 nouns, adjectives, verbs and
//! numerals (and the uninflected words and bound beginnings of compounds), mapped to its
//! dictionary forms — nominative singular, or the ma-infinitive of a verb.
//!
//! The data is generated offline with Vabamorf, the Estonian morphological analyser and
//! synthesiser, by `scripts/lexicon/build_lexicon.py` into `data/lexicon/et-lexicon.tsv.gz`;
//! `build.rs` compiles it into a finite-state transducer (the `fst` format tantivy uses) that is
//! embedded in the program: a form maps to a set of rules "cut N letters, add this ending".
//! Nothing is read from disk or downloaded at run time.
//!
//! Compounds are not stored: [`split_compound`] finds the longest known word at the end of a
//! word whose beginning is itself a known word (or a compound), so "ärireeglitele" is
//! "äri" + "reeglitele" → "ärireegel".

use std::sync::OnceLock;
use tantivy_fst::{Map, raw::Fst};

include!(concat!(env!("OUT_DIR"), "/lexicon_rules.rs"));

static LEXICON_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));
static NEEDLES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/needles.fst"));

/// The shortest beginning of a compound, in letters ("töö", "äri").
pub const MIN_HEAD_CHARS: usize = 3;
/// The shortest last part of a compound, in letters ("õe" of "kooliõe").
pub const MIN_TAIL_CHARS: usize = 2;
/// How many parts a compound may be split into.
const MAX_PARTS: usize = 4;

type StaticMap = Map<&'static [u8]>;

fn load(bytes: &'static [u8]) -> Option<StaticMap> {
    Fst::new(bytes).ok().map(Map::from)
}

fn forms() -> Option<&'static StaticMap> {
    static FORMS: OnceLock<Option<StaticMap>> = OnceLock::new();
    FORMS.get_or_init(|| load(LEXICON_FST)).as_ref()
}

fn needles() -> Option<&'static StaticMap> {
    static NEEDLES: OnceLock<Option<StaticMap>> = OnceLock::new();
    NEEDLES.get_or_init(|| load(NEEDLES_FST)).as_ref()
}

/// What the lexicon knows of a word form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its dictionary forms, sorted.
    pub lemmas: Vec<String>,
    /// True when the word is itself one of them ("tee" is the noun's nominative, not only a
    /// form of "tegema").
    pub is_lemma: bool,
}

/// The dictionary forms of a lower-case word form; `None` when the lexicon does not hold it.
pub fn lookup(word: &str) -> Option<Entry> {
    let id = forms()?.get(word)?;
    let rules = RULE_SETS.get(usize::try_from(id).ok()?)?;
    let chars: Vec<char> = word.chars().collect();
    let mut entry = Entry::default();
    for &(cut, ending) in rules.iter() {
        let cut = usize::from(cut);
        if cut > chars.len() {
            continue;
        }
        let mut lemma: String = chars[..chars.len() - cut].iter().collect();
        lemma.push_str(ENDINGS.get(usize::from(ending)).copied().unwrap_or(""));
        if lemma == word {
            entry.is_lemma = true;
        }
        entry.lemmas.push(lemma);
    }
    entry.lemmas.sort();
    entry.lemmas.dedup();
    (!entry.lemmas.is_empty()).then_some(entry)
}

/// True when the lexicon holds the word form.
pub fn contains(word: &str) -> bool {
    forms().is_some_and(|m| m.contains_key(word))
}

/// A compound taken apart: its parts as written and the dictionary forms of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compound {
    /// The beginning as written, e.g. "äri" ("ameti" in "ametijuhendi").
    pub head: String,
    /// The dictionary forms of every part but the last, in order ("amet"); a beginning that is
    /// itself a compound adds its own dictionary form after its parts.
    pub head_lemmas: Vec<String>,
    /// The dictionary forms of the last part ("reegel").
    pub tail_lemmas: Vec<String>,
    /// True when the last part, as written, is one of its own dictionary forms.
    pub tail_is_lemma: bool,
}

impl Compound {
    /// The dictionary forms of the whole word: the beginning as written and the last part's
    /// dictionary form ("ärireegel").
    pub fn lemmas(&self) -> Vec<String> {
        self.tail_lemmas
            .iter()
            .map(|t| format!("{}{t}", self.head))
            .collect()
    }
}

/// Splits an unknown lower-case word into a known beginning and a known last part: two known
/// words if it can, the longest last part first, else a beginning that is itself a compound;
/// `None` when there is no such split.
pub fn split_compound(word: &str) -> Option<Compound> {
    split(&word.chars().collect::<Vec<_>>(), MAX_PARTS)
}

/// The dictionary form of a compound's beginning: a known word ("töö", "ameti" → "amet", the
/// bound "sotsiaal"), or an s-stem written without its "e" ("juhtimis" of "juhtimistasand" →
/// "juhtimine").
fn head_lemma(head: &str) -> Option<String> {
    let entry = lookup(head).or_else(|| {
        head.ends_with('s')
            .then(|| lookup(&format!("{head}e")))
            .flatten()
    })?;
    entry.lemmas.into_iter().next()
}

fn split(c: &[char], parts: usize) -> Option<Compound> {
    if parts < 2 || c.len() < MIN_HEAD_CHARS + MIN_TAIL_CHARS {
        return None;
    }
    let tails = || {
        (MIN_HEAD_CHARS..=c.len() - MIN_TAIL_CHARS).filter_map(|k| {
            let tail: String = c[k..].iter().collect();
            lookup(&tail).map(|t| (k, t))
        })
    };
    let compound = |k: usize, head_lemmas: Vec<String>, t: Entry| Compound {
        head: c[..k].iter().collect(),
        head_lemmas,
        tail_lemmas: t.lemmas,
        tail_is_lemma: t.is_lemma,
    };
    // Two known words first ("meeskonna" + "vanema", not "meeskonn" + "avanema").
    for (k, t) in tails() {
        let head: String = c[..k].iter().collect();
        if let Some(h) = head_lemma(&head) {
            return Some(compound(k, vec![h], t));
        }
    }
    for (k, t) in tails() {
        if let Some(inner) = split(&c[..k], parts - 1) {
            // "järelevalve" of "järelevalvesüsteemi": its parts and itself.
            let whole = inner.lemmas().into_iter().take(1);
            let mut v = inner.head_lemmas;
            v.extend(inner.tail_lemmas.into_iter().take(1));
            v.extend(whole);
            return Some(compound(k, v, t));
        }
    }
    None
}

/// How many first letters of `lemma` every form of it begins with, when it is a dictionary
/// form of the lexicon or a compound ending in one.
pub fn shared_prefix_chars(lemma: &str) -> Option<usize> {
    let m = needles()?;
    if let Some(n) = m.get(lemma) {
        return usize::try_from(n).ok();
    }
    let c: Vec<char> = lemma.chars().collect();
    if c.len() < MIN_HEAD_CHARS + MIN_TAIL_CHARS {
        return None;
    }
    (MIN_HEAD_CHARS..=c.len() - MIN_TAIL_CHARS).find_map(|k| {
        let tail: String = c[k..].iter().collect();
        let n = m.get(&tail)?;
        Some(k + usize::try_from(n).ok()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmas(w: &str) -> Vec<String> {
        lookup(w).map(|e| e.lemmas).unwrap_or_default()
    }

    #[test]
    fn forms_meet_their_dictionary_form() {
        assert_eq!(lemmas("asja"), vec!["asi"]);
        assert_eq!(lemmas("põhimõtte"), lemmas("põhimõte"));
        assert!(lemmas("teeb").contains(&"tegema".to_string()));
        assert!(lookup("tee").is_some_and(|e| e.is_lemma));
        assert!(lookup("teeb").is_some_and(|e| !e.is_lemma));
        assert_eq!(lookup("xqzwv"), None);
        const { assert!(LEXICON_FORMS > 1_000_000 && LEXICON_LEMMAS > 40_000) };
    }

    #[test]
    fn compounds_split_into_known_words() {
        let c = split_compound("ärireeglitele").expect("a compound");
        assert_eq!(c.head, "äri");
        assert_eq!(c.lemmas(), vec!["ärireegel"]);
        let c = split_compound("rakendustoele").expect("a compound");
        assert_eq!(c.lemmas(), vec!["rakendustugi"]);
        assert_eq!(split_compound("xqzwvbrk"), None);
    }

    #[test]
    fn shared_prefixes() {
        assert_eq!(shared_prefix_chars("asi"), Some(2));
        assert!(shared_prefix_chars("ärireegel").is_some_and(|n| n >= 5));
    }
}
