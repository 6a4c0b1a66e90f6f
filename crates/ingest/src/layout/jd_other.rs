//! Job descriptions of other agencies: similar sections, but label variants ("Ametikoha
//! nimetus:", "Kellele allub:", "Asendaja:", "Asendab:" …, all in [`crate::general`]), often
//! no "Üldosa" heading (the labels stand in the preamble), and sometimes the title only in the
//! heading, in the genitive: "PEASPETSIALISTI AMETIJUHEND" → "Peaspetsialist".

use crate::general::is_label_line;
use crate::lines::Line;
use ametijuhend_domain::job_description::Template;

pub const TEMPLATE: Template = Template::Other;

/// True for a heading line naming the document a job description ("AMETIJUHEND",
/// "PEASPETSIALISTI AMETIJUHEND").
fn is_jd_heading(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 6
        && words.iter().any(|w| {
            w.trim_end_matches([':', '.'])
                .eq_ignore_ascii_case("ametijuhend")
        })
}

/// True when the lines look like a job description of some layout: a job-description heading
/// or at least two general-part labels.
pub fn matches(lines: &[Line]) -> bool {
    lines.iter().any(|l| is_jd_heading(&l.text))
        || lines.iter().filter(|l| is_label_line(l)).count() >= 2
}

/// For a job-description heading: `Some(title)` when words precede "AMETIJUHEND" (the title in
/// the genitive, returned in the nominative), `Some(None)` for a bare heading, `None` for any
/// other line.
pub fn heading_title(text: &str) -> Option<Option<String>> {
    if !is_jd_heading(text) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| {
        w.trim_end_matches([':', '.'])
            .eq_ignore_ascii_case("ametijuhend")
    })?;
    if at == 0 {
        return Some(None);
    }
    let mut title: Vec<String> = words[..at].iter().map(|w| w.to_lowercase()).collect();
    if let Some(last) = title.last_mut() {
        *last = nominative(last);
    }
    let joined = title.join(" ");
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
    for end in ["isti", "ori", "uri", "äri", "eri", "ari", "aadi", "oogi"] {
        if g.ends_with(end) {
            return g[..g.len() - 1].to_string();
        }
    }
    g.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(nominative("arendusjuhi"), "arendusjuht");
        assert_eq!(nominative("nõuniku"), "nõunik");
        assert_eq!(nominative("referendi"), "referent");
        assert_eq!(nominative("direktori"), "direktor");
    }
}
