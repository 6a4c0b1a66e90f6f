//! Job descriptions of other agencies: similar sections, but label variants ("Ametikoha
//! nimetus:", "Kellele allub:", "Asendaja:", "Asendab:" …, all in [`crate::general`]), often
//! no "Üldosa" heading (the labels stand in the preamble), and sometimes the title only in the
//! heading, in the genitive: "PEASPETSIALISTI AMETIJUHEND" → "Peaspetsialist".
//!
//! Recognised by structure, not by a word: a job-description heading on a line of its own and
//! at least two kinds of sections or labels, or three kinds without the heading.

use super::job_description::{SectionKind, section_kinds};
use crate::general::{Field, label_line_fields};
use crate::lexicon::Lexicon;
use crate::lines::{Line, find_word_ci};
use crate::sections::requirements;
use ametijuhend_domain::job_description::Template;
use std::collections::BTreeSet;

pub const TEMPLATE: Template = Template::Other;

/// True when `word` is the word "ametijuhend" (trailing colon or full stop aside).
fn is_jd_word(word: &str) -> bool {
    word.trim_end_matches([':', '.'])
        .eq_ignore_ascii_case("ametijuhend")
}

/// True for a heading line naming the document a job description, on a line of its own
/// ("AMETIJUHEND", "PEASPETSIALISTI AMETIJUHEND", "Ametijuhend:"): a few words, one of them
/// "ametijuhend", and nothing that makes it a sentence (a comma, a closing full stop, "!" or
/// "?"). "See on lihtsalt kiri, mitte ametijuhend." is a sentence, not a heading.
fn is_jd_heading(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    // "Dokumendi liik: Ametijuhend" is a label with its value, not a heading.
    let labelled = t.trim_end_matches(':').contains(':');
    let sentence = labelled
        || t.contains(',')
        || t.ends_with(['!', '?'])
        || (t.ends_with('.') && words.len() > 1);
    words.len() <= 6 && !sentence && words.iter().any(|w| is_jd_word(w))
}

/// The kinds of job-description structure found in the lines: each general-part field with a
/// label line ("Ametinimetus", "Kellele allub" …), each kind of section heading (purpose,
/// duties, requirements …) and each requirement label ("Haridus", "Keeleoskus" …). A section
/// and a label for the same thing (the purpose) count once.
pub fn markers(lex: &Lexicon, lines: &[Line]) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for l in lines {
        for f in label_line_fields(lex, l) {
            if f != Field::Unmodelled {
                out.insert(f.path());
            }
        }
        if let Some((label, _)) = requirements::label_at(l) {
            out.insert(label.path());
        }
    }
    for k in section_kinds(lines) {
        out.insert(match k {
            SectionKind::General => "general",
            SectionKind::Purpose => "purpose",
            SectionKind::Duties => "duties",
            SectionKind::Rights | SectionKind::RightsAndResponsibilities => "rights",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::WorkEquipment => "work_equipment",
            SectionKind::Requirements => "requirements",
            SectionKind::Competencies => "competencies",
            SectionKind::Amendment => "amendment_rules",
            SectionKind::SpecialConditions => "special_conditions",
        });
    }
    out
}

/// Markers needed besides a job-description heading, and without one.
const WITH_HEADING: usize = 2;
const WITHOUT_HEADING: usize = 3;

/// True when the lines have the structure of a job description of some layout: a
/// job-description heading of its own and at least two kinds of [`markers`], or at least three
/// kinds without such a heading. A word "ametijuhend" in a sentence is not structure.
pub fn matches(lex: &Lexicon, lines: &[Line]) -> bool {
    let heading = lines.iter().any(|l| is_jd_heading(&l.text));
    let found = markers(lex, lines).len();
    found
        >= if heading {
            WITH_HEADING
        } else {
            WITHOUT_HEADING
        }
}

/// Why lines that mention a job description are not read as one, for the error message; `None`
/// when they do not mention one.
pub fn shortfall(lex: &Lexicon, lines: &[Line]) -> Option<String> {
    let found = markers(lex, lines);
    let list = if found.is_empty() {
        "none".to_string()
    } else {
        found.iter().copied().collect::<Vec<_>>().join(", ")
    };
    if let Some(h) = lines.iter().find(|l| is_jd_heading(&l.text)) {
        return Some(format!(
            "line {} is a job-description heading ('{}'), but only {} of the {WITH_HEADING} kinds of sections or labels a job description has were found ({list})",
            h.no,
            h.text,
            found.len()
        ));
    }
    lines
        .iter()
        .find(|l| find_word_ci(&l.text, "ametijuhend").is_some())
        .map(|l| {
            format!(
                "line {} mentions 'ametijuhend' in a sentence, not as a heading of its own, and only {} of the {WITHOUT_HEADING} kinds of sections or labels needed without one were found ({list})",
                l.no,
                found.len()
            )
        })
}

/// For a job-description heading: `Some(title)` when words precede "AMETIJUHEND" (the title in
/// the genitive, returned in the nominative), `Some(None)` for a bare heading, `None` for any
/// other line.
pub fn heading_title(text: &str) -> Option<Option<String>> {
    if !is_jd_heading(text) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| is_jd_word(w))?;
    if at == 0 {
        return Some(None);
    }
    // The title words (the genitive), and a bracketed specialisation before or after
    // "AMETIJUHEND" ("PEASPETSIALISTI (INFOTURVE) AMETIJUHEND", "NÕUNIKU AMETIJUHEND
    // (õigusloome)"), kept as written unless it is all capitals.
    let mut title: Vec<String> = Vec::new();
    let mut bracket: Vec<String> = Vec::new();
    let mut depth = 0i32;
    for (i, w) in words.iter().enumerate() {
        if i == at {
            continue;
        }
        let opens = w.starts_with('(') || depth > 0;
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if opens {
            bracket.push(w.to_string());
        } else if i < at {
            title.push(w.to_lowercase());
        }
    }
    if let Some(last) = title.last_mut() {
        *last = nominative(last);
    }
    let spec = bracket.join(" ");
    let spec = if spec.chars().any(char::is_lowercase) {
        spec
    } else {
        spec.to_lowercase()
    };
    let mut joined = title.join(" ");
    if !spec.is_empty() {
        joined = format!("{joined} {spec}");
    }
    let mut chars = joined.chars();
    Some(
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect()),
    )
}

/// The nominative of a title word given in the genitive: "peaspetsialisti" → "peaspetsialist",
/// "juhi" → "juht", "nõuniku" → "nõunik", "referendi" → "referent"; -ja words are unchanged.
pub fn nominative(genitive: &str) -> String {
    let g = genitive;
    if g.ends_with("ja") {
        return g.to_string();
    }
    if let Some(base) = g.strip_suffix("juhi") {
        return format!("{base}juht");
    }
    if let Some(base) = g.strip_suffix("ndi") {
        return format!("{base}nt");
    }
    if g.ends_with("iku") {
        return g[..g.len() - 1].to_string();
    }
    if let Some(base) = g.strip_suffix("rdi") {
        return format!("{base}rt");
    }
    if let Some(base) = g.strip_suffix("lgi") {
        return format!("{base}lk");
    }
    for end in [
        "isti", "sti", "ori", "uri", "äri", "eri", "ari", "aadi", "oogi", "iiri", "eeri",
    ] {
        if g.ends_with(end) {
            return g[..g.len() - 1].to_string();
        }
    }
    g.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn structure_not_a_word() {
        let letter = normalise("Tere!\nSee on lihtsalt kiri, mitte ametijuhend.\n");
        assert!(!matches(Lexicon::builtin(), &letter));
        assert!(
            shortfall(Lexicon::builtin(), &letter).is_some_and(|s| s.contains("line 2 mentions"))
        );
        // A heading alone, or with one label, is not enough.
        let bare = normalise("AMETIJUHEND\n\nKoostatakse igal aastal.\nAmetikoht: Nõunik\n");
        assert!(!matches(Lexicon::builtin(), &bare));
        assert!(
            shortfall(Lexicon::builtin(), &bare)
                .is_some_and(|s| s.contains("line 1 is a job-description heading"))
        );
        // A heading with two kinds of structure is.
        let short = normalise(
            "NÕUNIKU AMETIJUHEND\n\nAmetikoha nimetus: Nõunik\nKellele allub: Osakonna juhataja\n",
        );
        assert!(matches(Lexicon::builtin(), &short));
        // Without a heading, three kinds.
        let labels = normalise("Ametikoha nimetus: Nõunik\nKellele allub: Juhataja\n");
        assert!(!matches(Lexicon::builtin(), &labels));
        let more = normalise(
            "Ametikoha nimetus: Nõunik\nKellele allub: Juhataja\n\nTÖÖÜLESANDED\n1. Nõustab.\n",
        );
        assert!(matches(Lexicon::builtin(), &more));
        assert_eq!(
            shortfall(Lexicon::builtin(), &normalise("Koosoleku protokoll\n")),
            None
        );
    }

    #[test]
    fn genitive_headings() {
        assert_eq!(
            heading_title("PEASPETSIALISTI AMETIJUHEND"),
            Some(Some("Peaspetsialist".into()))
        );
        assert_eq!(
            heading_title("OSAKONNA JUHATAJA AMETIJUHEND"),
            Some(Some("Osakonna juhataja".into()))
        );
        assert_eq!(heading_title("AMETIJUHEND"), Some(None));
        assert_eq!(
            heading_title("Teenistuja vastutab ametijuhendis sätestatud kohustuste täitmise eest"),
            None
        );
        assert_eq!(
            heading_title("See on lihtsalt kiri, mitte ametijuhend."),
            None
        );
        assert_eq!(heading_title("Ametijuhend:"), Some(None));
        assert_eq!(nominative("arendusjuhi"), "arendusjuht");
        assert_eq!(nominative("nõuniku"), "nõunik");
        assert_eq!(nominative("referendi"), "referent");
        assert_eq!(nominative("direktori"), "direktor");
        assert_eq!(nominative("eksperdi"), "ekspert");
        assert_eq!(nominative("tõlgi"), "tõlk");
        assert_eq!(nominative("analüütiku"), "analüütik");
        assert_eq!(
            heading_title("PEASPETSIALISTI (INFOTURVE) AMETIJUHEND"),
            Some(Some("Peaspetsialist (infoturve)".into()))
        );
        assert_eq!(
            heading_title("NÕUNIKU AMETIJUHEND (õigusloome)"),
            Some(Some("Nõunik (õigusloome)".into()))
        );
    }
}
