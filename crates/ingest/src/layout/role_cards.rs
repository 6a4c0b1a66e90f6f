//! The role card catalogue ("Sotsiaalkindlustusameti teenuspõhise juhtimise rollikaardid
//! 2024") and its role glossary ("Rollide SELETAV SÕNARAAMAT").
//!
//! Each card is an upper-case heading (maybe with a remark in brackets, on the same line or the
//! next) followed by labelled parts: "Miks on ametikoha vaja?", "Milliseid rolle täidab?", "TÖÖ
//! EESMÄRK JA SEOS RIIKLIKE SUUNDADEGA", "AMETIKOHA KASU …", the two-column block "Otsesed
//! sihtgrupid | Vajalikud kompetentsid" (flattened: the target groups first, then the
//! competences, which start at "Töö eeldab …"), the classification note and "Tööpere 2024 …".
//! The catalogue's approval stamp repeats as a page header ("{regDateTime} käskkirjaga nr
//! {regNumber}", "Lisa"); it is read once and removed wherever it stands.

use crate::lines::{
    Line, continues_previous, is_upper_heading, items, join, join_lines, join_wrapped,
};
use crate::record::{
    GlossaryBody, GlossaryRecord, ImportRecord, RecordSource, RoleCardBody, RoleCardRecord,
    RoleRecord, Unplaced, Warning,
};
use crate::resolve::word_matches;
use crate::sections::signatures::{find_stamp, parse_stamp};
use ametijuhend_domain::role_card::parse_job_families;
use ametijuhend_domain::text::split_title;

const WHY: &str = "miks on ametikoha vaja?";
const ROLES: &str = "milliseid rolle täidab?";
const PURPOSE: &str = "töö eesmärk ja seos";
const BENEFIT: &str = "ametikoha kasu";
const TARGETS: &str = "otsesed sihtgrupid";
const NOTE: &str = "vajalike kompetentside täpsem eeldus";
const FAMILY: &str = "tööpere";
const GLOSSARY: &str = "seletav sõnaraamat";

fn starts_ci(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(prefix)
}

/// The "Tööpere 2024 …" line: the word with a capital, whole ("tööperest." ending a wrapped
/// sentence is not it).
fn is_family_label(text: &str) -> bool {
    text.starts_with(char::is_uppercase)
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.trim_end_matches(':').to_lowercase() == FAMILY)
}

/// True when the first letter is lower case, brackets and quotes before it aside ("(üksuse
/// juht), …" continues a wrapped line).
fn starts_lower(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// True when the lines look like the role card catalogue.
pub fn matches(lines: &[Line]) -> bool {
    let why = lines.iter().filter(|l| starts_ci(&l.text, WHY)).count();
    let roles = lines.iter().filter(|l| starts_ci(&l.text, ROLES)).count();
    why >= 1 && roles >= 1
}

/// A line of the repeating approval stamp.
fn is_stamp_line(l: &Line) -> bool {
    let t = l.text.to_lowercase();
    t.contains("käskkirjaga nr")
        || t == "kinnitatud"
        || t == "lisa"
        || (t.starts_with("lisa ") && t.split_whitespace().count() == 2)
}

/// Reads the catalogue into role card and glossary records.
pub fn parse(
    all: &[Line],
    source: &RecordSource,
) -> (Vec<ImportRecord>, Vec<Unplaced>, Vec<Warning>) {
    let mut lines: Vec<Line> = all.to_vec();
    let mut unplaced = Vec::new();
    let mut warnings = Vec::new();
    // Catalogue name and year from the first line; the stamp from the first lines.
    let first = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
    let title_cell = lines
        .get(first)
        .and_then(|l| l.cells.first().cloned())
        .unwrap_or_default();
    let catalogue = title_cell
        .split_whitespace()
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        .map_or_else(|| title_cell.clone(), str::to_string);
    let head: Vec<Line> = lines.iter().take(12).cloned().collect();
    let approval = find_stamp(&head).map(|(a, _)| a).or_else(|| {
        let t = head
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        parse_stamp(&t)
    });
    if let Some(l) = lines.get_mut(first)
        && l.text.to_lowercase().contains("rollikaardid")
    {
        *l = Line {
            text: String::new(),
            cells: vec![],
            ..l.clone()
        };
    }
    for l in lines.iter_mut() {
        if is_stamp_line(l) {
            *l = Line {
                text: String::new(),
                cells: vec![],
                ..l.clone()
            };
        }
    }

    let glossary_at = lines
        .iter()
        .position(|l| l.text.to_lowercase().contains(GLOSSARY));
    let cards_end = glossary_at.unwrap_or(lines.len());
    let anchors: Vec<usize> = (0..cards_end)
        .filter(|&i| starts_ci(&lines[i].text, WHY))
        .collect();
    let mut heads: Vec<(usize, String, Option<String>)> = Vec::new();
    for &a in &anchors {
        let (start, title, note) = card_heading(&lines, a);
        heads.push((start, title, note));
    }
    // Text before the first card that is not the catalogue heading or stamp.
    let first_card = heads.first().map_or(cards_end, |h| h.0);
    for l in lines[..first_card].iter().filter(|l| !l.is_blank()) {
        unplaced.push(Unplaced {
            line: l.no,
            text: l.text.clone(),
        });
    }

    let glossary = glossary_at
        .map(|g| parse_glossary(&lines[g + 1..], &catalogue, source))
        .unwrap_or_default();
    let terms: Vec<(String, Vec<String>)> = glossary
        .iter()
        .map(|g| {
            (
                g.role_glossary_entry.term.clone(),
                g.role_glossary_entry.synonyms.clone(),
            )
        })
        .collect();

    let mut records = Vec::new();
    for (k, (&anchor, (start, title, note))) in anchors.iter().zip(&heads).enumerate() {
        let end = heads.get(k + 1).map_or(cards_end, |h| h.0);
        let mut rec = parse_card(&lines[anchor..end], &catalogue, source);
        let b = &mut rec.role_card;
        b.ordinal = k as u32 + 1;
        b.title = title.clone();
        b.note = note.clone();
        b.approval = approval.clone();
        for r in &mut b.roles {
            r.glossary_term = link(&r.text, &terms);
        }
        rec.source.first_line = lines[*start].no;
        rec.source.last_line = lines[end - 1].no;
        records.push(ImportRecord::RoleCard(rec));
    }
    if anchors.is_empty() {
        warnings.push(Warning::new(
            None,
            None,
            "no role card found (expected 'Miks on ametikoha vaja?' under an upper-case heading)",
        ));
    }
    records.extend(glossary.into_iter().map(ImportRecord::RoleGlossaryEntry));
    (records, unplaced, warnings)
}

/// The heading above a card's first label: the first line of the card, its title and remark.
/// A remark that a wrap cut in two ("(Võib olla … talituse" / "rolliga)") is read whole.
fn card_heading(lines: &[Line], anchor: usize) -> (usize, String, Option<String>) {
    let prev = |from: usize| (0..from).rev().find(|&i| !lines[i].is_blank());
    let Some(mut p) = prev(anchor) else {
        return (anchor, String::new(), None);
    };
    let mut remark = None;
    // The remark's first line: the last line before the anchor, or the open line it continues.
    let mut first = p;
    if p > 0 && continues_previous(lines, p) && lines[p - 1].text.trim().starts_with('(') {
        first = p - 1;
    }
    let joined = join_wrapped(&lines[first..=p]);
    let t = joined.first().map_or("", |l| l.text.trim());
    if joined.len() == 1 && t.starts_with('(') && t.ends_with(')') && !is_upper_heading(t) {
        remark = Some(t[1..t.len() - 1].trim().to_string());
        if let Some(q) = prev(first) {
            p = q;
        }
    }
    let text = lines[p].text.trim().to_string();
    let (title, spec) = split_title(&text);
    let (title, note) = match spec {
        // A mostly lower-case bracket is a remark; an upper-case one is part of the title.
        Some(s) if !is_upper_heading(&s) => (title, Some(s)),
        _ => (text, None),
    };
    (p, title, remark.or(note))
}

fn after_label(text: &str, label: &str) -> String {
    let lower = text.to_lowercase();
    match lower.find(label) {
        Some(p)
            if lower.is_char_boundary(p + label.len())
                && text.is_char_boundary(p + label.len()) =>
        {
            text[p + label.len()..].trim().to_string()
        }
        _ => text.to_string(),
    }
}

fn parse_card(lines: &[Line], catalogue: &str, source: &RecordSource) -> RoleCardRecord {
    let find = |label: &str| {
        lines
            .iter()
            .position(|l| l.text.to_lowercase().contains(label) && starts_ci(&l.text, label))
    };
    let why = find(WHY);
    let roles = find(ROLES);
    let purpose = find(PURPOSE);
    let benefit = find(BENEFIT);
    let targets = find(TARGETS);
    let note = find(NOTE);
    let family = lines.iter().position(|l| is_family_label(&l.text));
    let mut marks: Vec<usize> = [why, roles, purpose, benefit, targets, note, family]
        .into_iter()
        .flatten()
        .collect();
    marks.sort();
    let block = |at: Option<usize>| -> (usize, usize) {
        let s = at.unwrap_or(lines.len());
        let e = marks
            .iter()
            .copied()
            .find(|&m| m > s)
            .unwrap_or(lines.len());
        (s, e)
    };
    let text_of = |at: Option<usize>, label: &str| -> String {
        let (s, e) = block(at);
        if s >= lines.len() {
            return String::new();
        }
        let first = after_label(&lines[s].text, label);
        join(std::iter::once(first.as_str()).chain(lines[s + 1..e].iter().map(|l| l.text.as_str())))
    };
    let mut rec = RoleCardRecord {
        source: source.clone(),
        role_card: RoleCardBody {
            catalogue: catalogue.to_string(),
            ..Default::default()
        },
        unplaced: vec![],
        warnings: vec![],
    };
    let b = &mut rec.role_card;
    b.why_needed = text_of(why, WHY);
    b.roles_text = text_of(roles, ROLES);
    b.roles = split_list(&b.roles_text)
        .into_iter()
        .map(|text| RoleRecord {
            text: strip_role_prefix(&text),
            glossary_term: None,
        })
        .collect();
    b.purpose = text_of(purpose, "suundadega");
    b.benefit = text_of(benefit, "vaates");
    if let Some(t) = targets {
        let (s, e) = block(Some(t));
        let mut first = lines[s].clone();
        first.text = after_label(&after_label(&first.text, TARGETS), "vajalikud kompetentsid");
        let mut two: Vec<Line> = vec![first];
        two.extend(lines[s + 1..e].iter().cloned());
        let text = join_lines(&two);
        match split_competences(&text) {
            Some((groups, comp)) => {
                b.target_groups = split_list(&groups);
                b.required_competences = comp;
            }
            None => {
                rec.warnings.push(Warning::new(
                    Some(lines[s].no),
                    Some("role_card.required_competences"),
                    "could not tell the target groups from the required competences (no 'Töö eeldab …'): kept as target groups",
                ));
                b.target_groups = split_list(&text);
            }
        }
    }
    if note.is_some() {
        b.competence_note = Some(text_of(note, "")).filter(|s| !s.is_empty());
    }
    if let Some(f) = family {
        let (s, e) = block(Some(f));
        let mut text = after_label(&lines[s].text, FAMILY);
        if let Some(rest) = text
            .split_whitespace()
            .next()
            .filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        {
            text = text[rest.len()..].trim().to_string();
        }
        let mut note_lines: Vec<&str> = Vec::new();
        for l in lines[s + 1..e].iter().filter(|l| !l.is_blank()) {
            let continues = note_lines.is_empty()
                && (text.ends_with(',')
                    || text.ends_with('-')
                    || text.ends_with('–')
                    || matches!(text.split_whitespace().last(), Some("või" | "ja" | "kuni"))
                    || starts_lower(&l.text)
                    || l.text.starts_with(['-', '–']));
            if continues {
                crate::lines::append(&mut text, &l.text);
            } else {
                note_lines.push(&l.text);
            }
        }
        b.job_family_text = text;
        b.job_family_note = Some(join(note_lines)).filter(|s| !s.is_empty());
        let (families, points) = parse_job_families(&b.job_family_text);
        b.job_families = families;
        b.evaluation_points = points;
    }
    for (path, empty) in [
        ("role_card.why_needed", b.why_needed.is_empty()),
        ("role_card.roles", b.roles.is_empty()),
        ("role_card.purpose", b.purpose.is_empty()),
        ("role_card.job_family_text", b.job_family_text.is_empty()),
    ] {
        if empty {
            rec.warnings.push(Warning::new(
                None,
                Some(path),
                format!("{path} was not found"),
            ));
        }
    }
    rec
}

/// Splits the flattened two-column block at the start of the competences ("Töö eeldab …").
fn split_competences(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.to_lowercase().starts_with("eeldab"))?;
    let start = if at > 0
        && words[at - 1].starts_with(char::is_uppercase)
        && !words[at].starts_with(char::is_uppercase)
    {
        at - 1
    } else {
        at
    };
    Some((words[..start].join(" "), words[start..].join(" ")))
}

/// Splits at commas and semicolons outside brackets; drops a final full stop.
fn split_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if (c == ',' || c == ';') && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches('.')
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// "sh on strateegiline planeerija" → "strateegiline planeerija".
fn strip_role_prefix(text: &str) -> String {
    let mut t = text.trim();
    for p in ["sh ", "on "] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest.trim_start();
        }
    }
    t.to_string()
}

const STOP: &[&str] = &["ja", "ning", "ehk", "või", "sh"];

/// The glossary term whose every word appears (in any case form) in the role; the most
/// specific match wins; a tie links nothing.
pub fn link(role: &str, terms: &[(String, Vec<String>)]) -> Option<String> {
    let role_words: Vec<String> = role
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut best: Vec<(usize, &String)> = Vec::new();
    for (term, synonyms) in terms {
        let mut score = 0;
        for name in std::iter::once(term).chain(synonyms) {
            let words: Vec<String> = name
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .filter(|w| !STOP.contains(&w.as_str()))
                .collect();
            if !words.is_empty()
                && words
                    .iter()
                    .all(|tw| role_words.iter().any(|rw| word_matches(rw, tw)))
            {
                score = score.max(words.len());
            }
        }
        if score > 0 {
            best.push((score, term));
        }
    }
    best.sort_by_key(|b| std::cmp::Reverse(b.0));
    match best.as_slice() {
        [] => None,
        [(_, t)] => Some((*t).clone()),
        [(a, t), (b, _), ..] if a > b => Some((*t).clone()),
        _ => None,
    }
}

fn parse_glossary(lines: &[Line], catalogue: &str, source: &RecordSource) -> Vec<GlossaryRecord> {
    let soft = !lines.iter().any(|l| l.bullet);
    let its = items(lines, soft);
    let mut out = Vec::new();
    for (k, it) in its.iter().enumerate() {
        let (term, definition) = split_entry(&it.text);
        let mut parts = term.split(" ehk ");
        let term = parts.next().unwrap_or("").trim().to_string();
        let synonyms: Vec<String> = parts
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let last_line = its.get(k + 1).map_or_else(
            || {
                lines
                    .iter()
                    .rev()
                    .find(|l| !l.is_blank())
                    .map_or(it.line, |l| l.no)
            },
            |n| n.line.saturating_sub(1).max(it.line),
        );
        out.push(GlossaryRecord {
            source: RecordSource {
                first_line: it.line,
                last_line,
                ..source.clone()
            },
            role_glossary_entry: GlossaryBody {
                catalogue: catalogue.to_string(),
                ordinal: k as u32 + 1,
                term,
                synonyms,
                definition,
            },
            unplaced: vec![],
            warnings: vec![],
        });
    }
    out
}

/// "Term – definition" (or "Term (remark) on …" without a dash).
fn split_entry(text: &str) -> (String, String) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(i) = words
        .iter()
        .take(8)
        .position(|w| matches!(*w, "-" | "–" | "—"))
    {
        return (words[..i].join(" "), words[i + 1..].join(" "));
    }
    let end = words
        .iter()
        .take(8)
        .position(|w| w.starts_with('(') || *w == "on")
        .unwrap_or(words.len().min(1));
    (words[..end].join(" "), words[end..].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_link_by_inflected_words() {
        let terms = vec![
            ("Võrgustike looja ja hoidja".to_string(), vec![]),
            (
                "Valdkonna kõneisik".to_string(),
                vec!["eestkõneleja".to_string()],
            ),
            ("Protsesside juht".to_string(), vec![]),
        ];
        assert_eq!(
            link("teenusepõhiste võrgustike looja ja hoidja", &terms).as_deref(),
            Some("Võrgustike looja ja hoidja")
        );
        assert_eq!(
            link("valdkonna kõneisik", &terms).as_deref(),
            Some("Valdkonna kõneisik")
        );
        assert_eq!(link("kõneisik", &terms), None);
        assert_eq!(link("suhete looja ja hoidja", &terms), None);
    }

    #[test]
    fn the_family_label_and_its_wrapped_continuation() {
        assert!(is_family_label("Tööpere 2024 Poliitika rakendamine 4B"));
        assert!(is_family_label("Tööpere: Poliitika rakendamine 4B"));
        assert!(!is_family_label("tööperest."));
        assert!(!is_family_label("Tööperede kirjeldused"));
        assert!(starts_lower("(üksuse juht), töö- või"));
        assert!(!starts_lower("Sõltuvalt osakonna suurusest"));
        assert!(!starts_lower("250 - 350"));
    }

    #[test]
    fn entries_and_competences() {
        assert_eq!(split_entry("Lõimija - ühendab osapooli").0, "Lõimija");
        let (t, d) = split_entry("Võimestaja (inglise keelsest sõnast empowerment) on edendamine");
        assert_eq!(t, "Võimestaja");
        assert!(d.starts_with("(inglise"));
        let (g, c) =
            split_competences("SKA arenduspartnerid, TEHIK, SKA teenistujad Töö eeldab oskust")
                .unwrap();
        assert_eq!(
            split_list(&g),
            vec!["SKA arenduspartnerid", "TEHIK", "SKA teenistujad"]
        );
        assert_eq!(c, "Töö eeldab oskust");
        assert_eq!(
            strip_role_prefix("sh on strateegiline planeerija"),
            "strateegiline planeerija"
        );
    }
}
