//! Matching names written in documents to position titles, Estonian case endings included.
//! "Kes asendab" is written in the nominative ("Peakasutaja, teenuse juht"), "Keda asendab" in
//! the partitive ("Peakasutajat, teenuse juhti"), prose in any case ("osakonna juhatajale").
//!
//! A written word matches a title word when it is the title word, or one of the title word's
//! stems (the word itself; with the vowel of its genitive or partitive, "spetsialisti",
//! "nõuniku"; with consonant gradation, "juht" → "juhi") followed by a case ending (-t, -d, -le,
//! -lt, -l, -ga, -ks, -st, -s, -sse, -ni, -na, -ta, plural -de/-te …). Names match word by
//! word, or as one word when one side writes a compound ("osakonnajuhataja" / "osakonna
//! juhataja"). A bracketed specialisation must agree when the written name gives one.

use ametijuhend_domain::text::split_title;

/// Case endings that follow a stem (the empty ending included).
const ENDINGS: &[&str] = &[
    "", "t", "d", "le", "lt", "l", "ga", "ks", "st", "s", "sse", "ni", "na", "ta", "de", "te",
    "dele", "tele", "dega", "tega", "delt", "telt", "dest", "test", "des", "tes", "del", "tel",
];

/// Lower-cases, drops surrounding punctuation and collapses white space.
pub fn normalise(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '(' && c != ')'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The stems a title word takes before case endings.
fn stems(t: &str) -> Vec<String> {
    let mut out = vec![t.to_string()];
    for v in ["i", "u", "e", "a"] {
        out.push(format!("{t}{v}"));
    }
    if t.ends_with("ik") {
        out.push(format!("{t}ku"));
    }
    // Consonant gradation: juht → juhi, referent → referendi, kõneisik stays.
    if let Some(base) = t.strip_suffix("ht") {
        for v in ["i", "e", "u"] {
            out.push(format!("{base}h{v}"));
        }
    }
    if let Some(base) = t.strip_suffix("nt") {
        for v in ["i", "e"] {
            out.push(format!("{base}nd{v}"));
        }
    }
    out
}

/// True when the written word is a case form of the title word (both compared lower case).
pub fn word_matches(written: &str, title_word: &str) -> bool {
    let w = written.to_lowercase();
    let t = title_word.to_lowercase();
    if w == t {
        return true;
    }
    if t.chars().count() < 3 {
        return false;
    }
    stems(&t).iter().any(|stem| {
        w.strip_prefix(stem.as_str())
            .is_some_and(|rest| ENDINGS.contains(&rest))
    })
}

fn words(s: &str) -> Vec<String> {
    normalise(s)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// True when the written name is a case form of the title (no specialisations involved).
fn plain_names_match(written: &str, title: &str) -> bool {
    let w = words(written);
    let t = words(title);
    if w.is_empty() || t.is_empty() {
        return false;
    }
    if w.len() == t.len() && w.iter().zip(&t).all(|(a, b)| word_matches(a, b)) {
        return true;
    }
    // A compound on one side: "osakonnajuhataja" / "osakonna juhataja".
    word_matches(&w.concat(), &t.concat())
}

/// True when `written` (as in a document, any case) names `title` ("Peaspetsialist (STAR
/// kasutajatugi)" or "Peaspetsialist"). A written specialisation must agree with the title's;
/// a written name without one matches a title with one.
pub fn matches_name(written: &str, title: &str) -> bool {
    let (wt, ws) = split_title(written);
    let (tt, ts) = split_title(title);
    if !plain_names_match(&wt, &tt) {
        return false;
    }
    match (ws, ts) {
        (Some(a), Some(b)) => normalise(&a) == normalise(&b),
        (Some(_), None) => false,
        _ => true,
    }
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution<T> {
    Found(T),
    /// Several candidates match equally well.
    Ambiguous(Vec<T>),
    NotFound,
}

/// Resolves a written name against candidates `(full title, item)` given in tiers of
/// preference (e.g. the same unit first, then the same department, then the whole registry):
/// the first tier with a match decides. An exact specialisation match beats a match that only
/// leaves the specialisation open.
pub fn resolve<T: Clone + PartialEq>(written: &str, tiers: &[Vec<(String, T)>]) -> Resolution<T> {
    for tier in tiers {
        let mut found: Vec<T> = Vec::new();
        for (title, item) in tier {
            if matches_name(written, title) && !found.contains(item) {
                found.push(item.clone());
            }
        }
        if found.len() > 1 {
            // "Peaspetsialist" with candidates "Peaspetsialist" and "Peaspetsialist (X)":
            // prefer the one without a specialisation when the written name has none.
            let exact: Vec<T> = tier
                .iter()
                .filter(|(title, _)| {
                    split_title(title).1.is_none() == split_title(written).1.is_none()
                })
                .filter(|(title, _)| matches_name(written, title))
                .map(|(_, i)| i.clone())
                .collect();
            if exact.len() == 1 {
                return Resolution::Found(exact[0].clone());
            }
            return Resolution::Ambiguous(found);
        }
        if let Some(one) = found.pop() {
            return Resolution::Found(one);
        }
    }
    Resolution::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_endings_are_stripped() {
        assert!(matches_name("Peakasutajat", "Peakasutaja"));
        assert!(matches_name("teenuse juhti", "teenuse juht"));
        assert!(matches_name("osakonna juhatajale", "osakonna juhataja"));
        assert!(matches_name("Osakonna juhataja", "osakonnajuhataja"));
        assert!(matches_name("osakonnajuhatajat", "Osakonna juhataja"));
        assert!(matches_name("teenuse juhile", "Teenuse juht"));
        assert!(matches_name("peaspetsialisti", "Peaspetsialist"));
        assert!(matches_name("nõunikku", "Nõunik"));
        assert!(matches_name("Veebihaldur", "Veebihaldur"));
        assert!(matches_name(
            "juhtivspetsialist (kasutajatugi)",
            "Juhtivspetsialist (kasutajatugi)"
        ));
        assert!(matches_name(
            "juhtivspetsialist",
            "Juhtivspetsialist (kasutajatugi)"
        ));
    }

    #[test]
    fn different_words_do_not_match() {
        assert!(!matches_name("teenuse juhtimine", "teenuse juht"));
        assert!(!matches_name("Peaspetsialist", "Spetsialist"));
        assert!(!matches_name(
            "juhtivspetsialist (arendus)",
            "Juhtivspetsialist (kasutajatugi)"
        ));
        assert!(!matches_name(
            "juhtivspetsialist (arendus)",
            "Juhtivspetsialist"
        ));
        assert!(!matches_name("valdkonna juht", "teenuse juht"));
        assert!(!matches_name("", "teenuse juht"));
    }

    #[test]
    fn tiers_and_ambiguity() {
        let local = vec![("Teenuse juht".to_string(), 1)];
        let all = vec![
            ("Teenuse juht".to_string(), 1),
            ("Teenuse juht".to_string(), 2),
        ];
        assert_eq!(
            resolve("teenuse juhti", &[local, all.clone()]),
            Resolution::Found(1)
        );
        assert_eq!(
            resolve("teenuse juhti", std::slice::from_ref(&all)),
            Resolution::Ambiguous(vec![1, 2])
        );
        assert_eq!(resolve("peadirektor", &[all]), Resolution::NotFound);
        let specs = vec![
            ("Peaspetsialist".to_string(), 1),
            ("Peaspetsialist (STAR kasutajatugi)".to_string(), 2),
        ];
        assert_eq!(
            resolve("Peaspetsialist", std::slice::from_ref(&specs)),
            Resolution::Found(1)
        );
        assert_eq!(
            resolve("peaspetsialisti (STAR kasutajatugi)", &[specs]),
            Resolution::Found(2)
        );
    }
}
