//! Language requirements ("Keeleoskus"): each sentence names languages and a CEFR level.
//! "Eesti keele valdamine vähemalt tasemel C1" is `et` C1; "Inglise ja vene keele valdamine
//! vähemalt tasemel B1" is `en` B1 and `ru` B1; "Ühe võõrkeele (soovitavalt inglise või vene
//! keel) oskus vähemalt tasemel B1" leaves the language open: one language, preferably `en` or
//! `ru`, at B1.
//!
//! A requirement is usually one line. A line that PDF text wrapped ("… vähemalt" / "tasemel
//! B1.") is joined back to its start by [`paragraph`] before the sentences are read.

use crate::lines::{Line, append, ends_item, is_open_ended};
use ametijuhend_domain::language::{Cefr, LanguageCode, LanguageRequirement};

/// True when a line still waits for a level: it names none, or names a language after its
/// last level ("Eesti keel C1-tasemel, inglise keel").
fn awaits_level(text: &str) -> bool {
    let mut last_level = None;
    let mut last_language = None;
    for (i, raw) in text.split_whitespace().enumerate() {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if level_of(raw).is_some() {
            last_level = Some(i);
        } else if w.starts_with("võõrkeel") || LanguageCode::from_estonian_name(&w).is_some() {
            last_language = Some(i);
        }
    }
    match (last_level, last_language) {
        (None, _) => true,
        (Some(level), Some(language)) => language > level,
        (Some(_), None) => false,
    }
}

/// True when `next` continues the language line `prev` that a wrap cut short: `prev` has not
/// ended its sentence, and either cannot end where it does (a comma, a conjunction, an open
/// bracket), or `next` starts with a level ("B1." on its own is no requirement), or `prev`
/// still awaits its level and `next` goes on in lower case.
fn continues(prev: &str, next: &str) -> bool {
    if ends_item(prev) {
        return false;
    }
    let lower = next
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        && !next.starts_with(|c: char| c.is_uppercase());
    let starts_with_level = next
        .split_whitespace()
        .next()
        .is_some_and(|w| level_of(w).is_some());
    is_open_ended(prev) || starts_with_level || (lower && awaits_level(prev))
}

/// The text of a "Keeleoskus" block, one requirement a line: lines that continue a wrapped
/// line are joined to it (blank lines are ignored; a bulleted line always starts anew).
pub fn paragraph(lines: &[Line]) -> String {
    let mut out: Vec<String> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        match out.last_mut() {
            Some(prev) if !l.bullet && continues(prev, &l.text) => append(prev, &l.text),
            _ => out.push(l.text.clone()),
        }
    }
    out.join("\n")
}

/// Splits a paragraph into sentences at ". " before a capital letter and at semicolons.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        let next_upper = chars[i + 1..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| c.is_uppercase());
        let at_space = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
        if (c == '.' && at_space && next_upper) || c == ';' || c == '\n' {
            let s = cur.trim().trim_end_matches(';').trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            cur.clear();
        }
    }
    let s = cur.trim().to_string();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

fn level_of(word: &str) -> Option<Cefr> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let head = w.split('-').next().unwrap_or(w);
    if head.len() == 2 {
        Cefr::parse(head)
    } else {
        None
    }
}

fn count_word(w: &str) -> Option<u32> {
    match w {
        "ühe" | "ühte" | "üht" | "üks" => Some(1),
        "kahe" | "kahte" | "kaks" => Some(2),
        "kolme" | "kolm" => Some(3),
        _ => None,
    }
}

/// Parses one sentence; `None` when it names no level or no language.
pub fn parse_sentence(sentence: &str) -> Option<Vec<LanguageRequirement>> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut langs: Vec<(usize, LanguageCode, bool)> = Vec::new();
    let mut levels: Vec<(usize, Cefr)> = Vec::new();
    let mut open: Option<u32> = None;
    let mut preferred_mode = false;
    let mut depth = 0i32;
    for (i, raw) in words.iter().enumerate() {
        depth += raw.matches('(').count() as i32;
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if matches!(
            w.as_str(),
            "soovitavalt" | "eelistatult" | "eelistatavalt" | "näiteks" | "nt"
        ) {
            preferred_mode = true;
        }
        if let Some(l) = level_of(raw) {
            levels.push((i, l));
        } else if w.starts_with("võõrkeel") {
            let n = i.checked_sub(1).and_then(|p| {
                let prev = words[p].to_lowercase();
                count_word(&prev).or_else(|| {
                    // "vähemalt ühte võõrkeelt": the count may stand two words before.
                    p.checked_sub(1)
                        .and_then(|q| count_word(&words[q].to_lowercase()))
                })
            });
            open = Some(n.unwrap_or(1));
        } else if w.chars().all(char::is_alphabetic)
            && let Some(code) = LanguageCode::from_estonian_name(&w)
        {
            langs.push((i, code, preferred_mode || depth > 0));
        }
        depth -= raw.matches(')').count() as i32;
        depth = depth.max(0);
    }
    if levels.is_empty() || (langs.is_empty() && open.is_none()) {
        return None;
    }
    let level_for = |pos: usize| -> Cefr {
        if levels.len() == 1 {
            return levels[0].1;
        }
        levels
            .iter()
            .find(|(i, _)| *i > pos)
            .or_else(|| levels.iter().rev().find(|(i, _)| *i < pos))
            .map(|(_, l)| *l)
            .unwrap_or(levels[0].1)
    };
    let text = sentence.to_string();
    let mut out = Vec::new();
    if let Some(count) = open {
        let mut preferred: Vec<LanguageCode> = Vec::new();
        for (_, c, _) in &langs {
            if !preferred.contains(c) {
                preferred.push(c.clone());
            }
        }
        let pos = words
            .iter()
            .position(|w| w.to_lowercase().starts_with("võõrkeel"))
            .unwrap_or(0);
        out.push(LanguageRequirement {
            language: None,
            level: level_for(pos),
            preferred,
            count: Some(count),
            text,
        });
        return Some(out);
    }
    for (pos, code, _) in &langs {
        if out
            .iter()
            .any(|r: &LanguageRequirement| r.language.as_ref() == Some(code))
        {
            continue;
        }
        out.push(LanguageRequirement {
            language: Some(code.clone()),
            level: level_for(*pos),
            preferred: vec![],
            count: None,
            text: text.clone(),
        });
    }
    Some(out)
}

/// Parses a "Keeleoskus" value; returns the requirements and the sentences not understood.
pub fn parse(text: &str) -> (Vec<LanguageRequirement>, Vec<String>) {
    let mut reqs = Vec::new();
    let mut rest = Vec::new();
    for s in sentences(text) {
        match parse_sentence(&s) {
            Some(r) => reqs.extend(r),
            None => rest.push(s),
        }
    }
    (reqs, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: &[LanguageRequirement]) -> Vec<(Option<String>, Cefr)> {
        r.iter()
            .map(|r| (r.language.as_ref().map(|c| c.to_string()), r.level))
            .collect()
    }

    #[test]
    fn typed_requirements() {
        let (r, rest) = parse(
            "Eesti keele valdamine vähemalt tasemel C1.\nInglise ja vene keele valdamine vähemalt tasemel B1.",
        );
        assert!(rest.is_empty());
        assert_eq!(
            codes(&r),
            vec![
                (Some("et".into()), Cefr::C1),
                (Some("en".into()), Cefr::B1),
                (Some("ru".into()), Cefr::B1)
            ]
        );
        assert_eq!(
            r[1].text,
            "Inglise ja vene keele valdamine vähemalt tasemel B1."
        );
    }

    #[test]
    fn open_choice_with_preferences() {
        let (r, _) =
            parse("Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].language, None);
        assert_eq!(r[0].level, Cefr::B1);
        assert_eq!(r[0].count, Some(1));
        let p: Vec<&str> = r[0].preferred.iter().map(|c| c.as_str()).collect();
        assert_eq!(p, vec!["en", "ru"]);
        let (r, _) = parse(
            "Valdab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt) vähemalt tasemel B1.",
        );
        assert_eq!(
            (r[0].count, r[0].level, r[0].preferred.len()),
            (Some(1), Cefr::B1, 2)
        );
    }

    #[test]
    fn wrapped_lines_are_joined_carefully() {
        let para = |t: &str| paragraph(&crate::lines::normalise(t));
        assert_eq!(
            para(
                "Valdab eesti keelt vähemalt tasemel C1.\nValdab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt) vähemalt\ntasemel B1."
            ),
            "Valdab eesti keelt vähemalt tasemel C1.\nValdab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt) vähemalt tasemel B1."
        );
        // The level on the next line; a wrap inside the bracket; a comma.
        assert_eq!(
            para("Inglise ja vene keele valdamine vähemalt tasemel\nB1."),
            "Inglise ja vene keele valdamine vähemalt tasemel B1."
        );
        assert_eq!(
            para("Ühe võõrkeele (soovitavalt\ninglise või vene keel) oskus vähemalt tasemel B1."),
            "Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1."
        );
        // A level for the line's last language.
        assert_eq!(
            para("Eesti keel C1-tasemel, inglise\nkeel B2-tasemel."),
            "Eesti keel C1-tasemel, inglise keel B2-tasemel."
        );
        assert_eq!(
            para("Eesti keel C1-tasemel, inglise keel\nB2-tasemel."),
            "Eesti keel C1-tasemel, inglise keel B2-tasemel."
        );
        // Lines that are requirements of their own stay apart, with or without a full stop.
        assert_eq!(
            para("Eesti keel C1\nInglise keel B2\n▪ vene keel B1"),
            "Eesti keel C1\nInglise keel B2\nvene keel B1"
        );
        assert_eq!(
            para("Eesti keele oskus kõrgtasemel.\nvene keel B1"),
            "Eesti keele oskus kõrgtasemel.\nvene keel B1"
        );
        let (r, rest) = parse(&para(
            "Valdab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt) vähemalt\ntasemel B1.",
        ));
        assert!(rest.is_empty(), "{rest:?}");
        assert_eq!((r.len(), r[0].count, r[0].level), (1, Some(1), Cefr::B1));
    }

    #[test]
    fn several_levels_and_unknown_sentences() {
        let (r, _) = parse("Eesti keel C1-tasemel, inglise keel B2-tasemel.");
        assert_eq!(
            codes(&r),
            vec![(Some("et".into()), Cefr::C1), (Some("en".into()), Cefr::B2)]
        );
        let (r, rest) = parse("Eesti keele oskus kõrgtasemel.");
        assert!(r.is_empty());
        assert_eq!(rest, vec!["Eesti keele oskus kõrgtasemel."]);
    }
}
