//! The fallback for words the lexicon ([`crate::lexicon`]) does not know: Snowball Estonian
//! (the `frostem` crate) followed by a paradigm fold ([`fold`]). Snowball alone leaves
//! "kasutajaõigus", "kasutajaõigused", "kasutajaõiguste" and "kasutajaõigusi" as four different
//! stems (kasutajaõigu, kasutajaõiguse, kasutajaõigus, kasutajaõigusi). The fold removes what
//! Snowball leaves of the s-stem endings (-us/-use/-usi, -is/-ise/-isi, -ne/-se), the stem
//! vowel, the n/nd gradation and a final n/m/t, so that the forms of one noun meet.
//!
//! [`compound_parts`] gives the stems of a word's prefixes and suffixes at every split point,
//! for unknown words that the lexicon cannot split.

const VOWELS: &str = "aeiouõäöü";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// Parts shorter than this (in letters) are not indexed.
const MIN_PART_CHARS: usize = 4;
/// A word needs this many letters to be split into parts.
const MIN_COMPOUND_CHARS: usize = 7;

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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_ne!(stem("õige"), stem("oige"));
        assert_eq!(stem("kasutajaõigused"), stem("kasutajaõiguste"));
    }
}
