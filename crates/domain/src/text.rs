//! Text rules of the Estonian documents: Estonian alphabetical order, splitting a position title
//! into its name and bracketed specialisation, and recognising unfilled template fields.

use std::cmp::Ordering;

/// The Estonian alphabet in its collation order; letters not listed sort after it by code point.
const ALPHABET: &str = "abcdefghijklmnopqrsšzžtuvwõäöüxy";

fn letter_rank(c: char) -> (u32, u32) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match ALPHABET.chars().position(|a| a == lower) {
        Some(p) => (1, p as u32),
        None if lower.is_ascii_digit() => (0, lower as u32),
        None => (2, lower as u32),
    }
}

/// Compares two strings in Estonian alphabetical order (… s š z ž t u v w õ ä ö ü x y),
/// ignoring case first and using it only to break ties.
pub fn estonian_cmp(a: &str, b: &str) -> Ordering {
    let ka = a.chars().map(letter_rank);
    let kb = b.chars().map(letter_rank);
    ka.cmp(kb).then_with(|| a.cmp(b))
}

/// Sorts items by a string key in Estonian alphabetical order.
pub fn sort_estonian_by<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| estonian_cmp(key(a), key(b)));
}

/// Splits "Peaspetsialist (STAR kasutajatugi)" into ("Peaspetsialist", Some("STAR kasutajatugi")).
/// Only a bracketed part at the end is a specialisation; brackets inside the title stay.
pub fn split_title(full: &str) -> (String, Option<String>) {
    let full = collapse_whitespace(full);
    if let Some(stripped) = full.strip_suffix(')')
        && let Some(open) = stripped.rfind('(')
    {
        let title = stripped[..open].trim();
        let spec = stripped[open + 1..].trim();
        if !title.is_empty() && !spec.is_empty() {
            return (title.to_string(), Some(spec.to_string()));
        }
    }
    (full, None)
}

/// Joins a title and specialisation back into the form written in documents.
pub fn full_title(title: &str, specialisation: Option<&str>) -> String {
    match specialisation {
        Some(s) if !s.is_empty() => format!("{title} ({s})"),
        _ => title.to_string(),
    }
}

/// Collapses runs of white space into single spaces and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The template fields a document-management system fills at registration. A document that still
/// holds one of these has not been registered; the field is not a value.
pub const TEMPLATE_FIELDS: &[&str] = &[
    "{regDateTime}",
    "{regNumber}",
    "{Allkirjastaja}",
    "{Ametikoht}",
];

/// Finds every `{…}` template field in a text (the known ones and any other of the same shape).
pub fn template_fields(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_') =>
            {
                out.push(format!("{{{}}}", &after[..end]));
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// True when the whole (trimmed) text is one template field such as `{Allkirjastaja}`.
pub fn is_template_field(s: &str) -> bool {
    let t = s.trim();
    let found = template_fields(t);
    found.len() == 1 && found[0] == t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estonian_order() {
        let mut words = vec![
            "zooloog", "šokk", "tool", "öö", "õun", "ülem", "ära", "sai", "yks", "xenon", "Auto",
            "auto",
        ];
        words.sort_by(|a, b| estonian_cmp(a, b));
        assert_eq!(
            words,
            vec![
                "Auto", "auto", "sai", "šokk", "zooloog", "tool", "õun", "ära", "öö", "ülem",
                "xenon", "yks"
            ]
        );
    }

    #[test]
    fn titles_split_at_trailing_brackets_only() {
        assert_eq!(
            split_title("Peaspetsialist (STAR kasutajatugi)"),
            ("Peaspetsialist".into(), Some("STAR kasutajatugi".into()))
        );
        assert_eq!(split_title("  Veebihaldur "), ("Veebihaldur".into(), None));
        assert_eq!(split_title("(VEEBI)HALDUR"), ("(VEEBI)HALDUR".into(), None));
        assert_eq!(split_title("Juht ()"), ("Juht ()".into(), None));
        assert_eq!(
            full_title("Peaspetsialist", Some("STAR kasutajatugi")),
            "Peaspetsialist (STAR kasutajatugi)"
        );
    }

    #[test]
    fn template_fields_are_found() {
        assert_eq!(
            template_fields("{regDateTime} käskkirjaga nr {regNumber}"),
            vec!["{regDateTime}", "{regNumber}"]
        );
        assert!(is_template_field(" {Allkirjastaja} "));
        assert!(!is_template_field("Maret Maripuu"));
        assert!(template_fields("a { b } {}").is_empty());
    }
}
