//! Small text rules of the agency's documents: dates, the case of a title inside a sentence,
//! list joining, language requirement sentences, and splitting stored multi-line text into
//! paragraphs and bullet items.

use crate::doc::Block;
use ametijuhend_domain::{LanguageRequirement, time::format_date_et};
use chrono::NaiveDate;

/// The template field for a directive's registration date.
pub const FIELD_DATE: &str = "{regDateTime}";
/// The template field for a directive's register number.
pub const FIELD_NUMBER: &str = "{regNumber}";
/// The template field for the signer's name.
pub const FIELD_SIGNER: &str = "{Allkirjastaja}";
/// The template field for the signer's title.
pub const FIELD_SIGNER_TITLE: &str = "{Ametikoht}";

/// `06.03.2023`.
pub fn date(d: NaiveDate) -> String {
    format_date_et(d)
}

/// A date, or the register's template field when there is none yet.
pub fn date_or_field(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| FIELD_DATE.to_string())
}

/// A number, or the register's template field when there is none yet.
pub fn number_or_field(n: Option<&str>) -> String {
    match n.map(str::trim) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => FIELD_NUMBER.to_string(),
    }
}

/// A title as it stands inside a sentence: "Talituse juhataja" → "talituse juhataja". An
/// abbreviation at the start ("IT-juht", "STAR …") keeps its case.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase() => s.to_string(),
        (Some(a), _) => a.to_lowercase().chain(s.chars().skip(1)).collect(),
        (None, _) => String::new(),
    }
}

/// Joins names as the general part writes them; "-" for none.
pub fn join_or_dash(items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

/// The value or "-" when it is missing or blank.
pub fn or_dash(s: Option<&str>) -> String {
    match s.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => "-".to_string(),
    }
}

/// The sentence of a language requirement: the text as written, or one composed from the
/// language and level ("Eesti keele oskus vähemalt tasemel C1.").
pub fn language_sentence(req: &LanguageRequirement) -> String {
    let written = req.text.trim();
    if !written.is_empty() {
        return written.to_string();
    }
    let name = |code: &ametijuhend_domain::LanguageCode| {
        code.name_et()
            .map(str::to_string)
            .unwrap_or_else(|| code.as_str().to_string())
    };
    match &req.language {
        Some(code) => {
            let n = name(code);
            let mut c = n.chars();
            let cap: String = match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => n.clone(),
            };
            format!("{cap} keele oskus vähemalt tasemel {}.", req.level)
        }
        None => {
            let count = match req.count.unwrap_or(1) {
                1 => "Ühe".to_string(),
                2 => "Kahe".to_string(),
                3 => "Kolme".to_string(),
                n => n.to_string(),
            };
            let preferred: Vec<String> = req.preferred.iter().map(name).collect();
            let pref = if preferred.is_empty() {
                String::new()
            } else {
                format!(" (soovitavalt {} keel)", preferred.join(" või "))
            };
            format!(
                "{count} võõrkeele{pref} oskus vähemalt tasemel {}.",
                req.level
            )
        }
    }
}

/// Bullet characters a stored text may start a line with.
const BULLETS: &[char] = &['•', '▪', '\u{f0b7}', '\u{f0a7}', '-', '–', '*'];

/// Splits stored text into blocks: each line a paragraph, runs of lines that start with a bullet
/// a list. Blank lines are dropped; white space inside a line is collapsed.
pub fn text_blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in text.lines() {
        let t = collapse(line);
        if t.is_empty() {
            continue;
        }
        let bullet = t
            .strip_prefix(BULLETS)
            .filter(|rest| rest.starts_with(' '))
            .map(|rest| rest.trim().to_string());
        match bullet {
            Some(item) => {
                if let Some(Block::List { items }) = out.last_mut() {
                    items.push(item);
                } else {
                    out.push(Block::List { items: vec![item] });
                }
            }
            None => out.push(Block::para(t)),
        }
    }
    out
}

/// Like [`text_blocks`], with `prefix` put in front of the first paragraph ("3.1. ").
pub fn numbered_blocks(prefix: &str, text: &str) -> Vec<Block> {
    let mut blocks = text_blocks(text);
    match blocks.first_mut() {
        Some(Block::Paragraph { text, .. }) => *text = format!("{prefix}{text}"),
        _ => blocks.insert(0, Block::para(prefix.trim_end())),
    }
    blocks
}

/// Collapses runs of white space into one space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Items of a list, each collapsed, blank ones dropped.
pub fn clean_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| collapse(s))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ametijuhend_domain::{Cefr, LanguageCode};

    #[test]
    fn titles_inside_sentences() {
        assert_eq!(lower_first("Talituse juhataja"), "talituse juhataja");
        assert_eq!(lower_first("IT-juht"), "IT-juht");
        assert_eq!(lower_first("Ärianalüütik"), "ärianalüütik");
        assert_eq!(lower_first(""), "");
        assert_eq!(lower_first("A"), "a");
    }

    #[test]
    fn placeholders_until_registered() {
        assert_eq!(date_or_field(None), "{regDateTime}");
        assert_eq!(
            date_or_field(NaiveDate::from_ymd_opt(2023, 3, 6)),
            "06.03.2023"
        );
        assert_eq!(number_or_field(Some(" ")), "{regNumber}");
        assert_eq!(number_or_field(Some("49")), "49");
    }

    #[test]
    fn language_sentences() {
        let et = LanguageRequirement {
            language: Some(LanguageCode::parse("et").unwrap()),
            level: Cefr::C1,
            preferred: vec![],
            count: None,
            text: String::new(),
        };
        assert_eq!(
            language_sentence(&et),
            "Eesti keele oskus vähemalt tasemel C1."
        );
        let foreign = LanguageRequirement {
            language: None,
            level: Cefr::B1,
            preferred: vec![
                LanguageCode::parse("en").unwrap(),
                LanguageCode::parse("ru").unwrap(),
            ],
            count: Some(1),
            text: String::new(),
        };
        assert_eq!(
            language_sentence(&foreign),
            "Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1."
        );
        let written = LanguageRequirement {
            text: " Valdab eesti keelt. ".into(),
            ..et
        };
        assert_eq!(language_sentence(&written), "Valdab eesti keelt.");
    }

    #[test]
    fn multi_line_text_becomes_paragraphs_and_lists() {
        let blocks = text_blocks("Tagamine, sh\n▪ esimene;\n• teine.\n\nLõpp  lause.");
        assert_eq!(
            blocks,
            vec![
                Block::para("Tagamine, sh"),
                Block::List {
                    items: vec!["esimene;".into(), "teine.".into()]
                },
                Block::para("Lõpp lause."),
            ]
        );
        assert_eq!(
            numbered_blocks("3.1. ", "Tekst"),
            vec![Block::para("3.1. Tekst")]
        );
        assert_eq!(numbered_blocks("3.1. ", ""), vec![Block::para("3.1.")]);
        // A hyphen that starts a word is not a bullet.
        assert_eq!(text_blocks("-aastane"), vec![Block::para("-aastane")]);
    }
}
