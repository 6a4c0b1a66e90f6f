//! Competencies. The core ones ("Tööks vajalikud kompetentsid") are a name line
//! ("Kliendikesksus:", sometimes without the colon) followed by bulleted behavioural
//! indicators. The additional ones ("Täiendavad kompetentsid, isikuomadused ja teadmised") are
//! bullets "Name: description" or plain knowledge items ("Rehabilitatsioonivaldkonna
//! tundmine."), each a competency of kind additional with the description as its indicator.

use crate::lines::{Line, items, uses_soft_bullets};
use crate::record::CompetencyRecord;
use ametijuhend_domain::CompetencyKind;

/// A competency name line: unbulleted, capitalised, short, not ending a sentence, followed by
/// indicators (or ending in a colon).
fn is_name_line(lines: &[Line], i: usize, soft: bool) -> bool {
    let l = &lines[i];
    if l.is_blank() || l.bullet || (soft && l.indented) {
        return false;
    }
    let t = l.text.trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 5 || t.ends_with(['.', ';', ',']) || !t.starts_with(char::is_uppercase)
    {
        return false;
    }
    if t.ends_with(':') {
        return true;
    }
    lines[i + 1..]
        .iter()
        .find(|n| !n.is_blank())
        .is_some_and(|n| n.bullet || (soft && n.indented))
}

/// Reads core competencies; lines before the first name are returned as unplaced.
pub fn parse_core(lines: &[Line]) -> (Vec<CompetencyRecord>, Vec<&Line>) {
    let soft = uses_soft_bullets(lines);
    let names: Vec<usize> = (0..lines.len())
        .filter(|&i| is_name_line(lines, i, soft))
        .collect();
    let mut out = Vec::new();
    let leftover: Vec<&Line> = lines[..names.first().copied().unwrap_or(lines.len())]
        .iter()
        .filter(|l| !l.is_blank())
        .collect();
    for (k, &n) in names.iter().enumerate() {
        let end = names.get(k + 1).copied().unwrap_or(lines.len());
        let indicators = items(&lines[n + 1..end], soft)
            .into_iter()
            .map(|i| i.text)
            .collect();
        out.push(CompetencyRecord {
            kind: CompetencyKind::Core,
            name: lines[n].text.trim_end_matches(':').trim().to_string(),
            indicators,
        });
    }
    (out, leftover)
}

/// Splits "Name: description" when the name part is short.
fn split_named(text: &str) -> Option<(String, String)> {
    let colon = text.find(": ")?;
    let name = text[..colon].trim();
    let desc = text[colon + 1..].trim();
    (name.split_whitespace().count() <= 10 && !name.is_empty() && !desc.is_empty())
        .then(|| (name.to_string(), desc.to_string()))
}

/// Reads additional competencies.
pub fn parse_additional(lines: &[Line]) -> Vec<CompetencyRecord> {
    items(lines, uses_soft_bullets(lines))
        .into_iter()
        .map(|it| match split_named(&it.text) {
            Some((name, desc)) => CompetencyRecord {
                kind: CompetencyKind::Additional,
                name,
                indicators: vec![desc],
            },
            None => CompetencyRecord {
                kind: CompetencyKind::Additional,
                name: it.text.trim().trim_end_matches('.').trim().to_string(),
                indicators: vec![],
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn core_names_with_and_without_colon() {
        let text = "Kliendikeskus\n Lähtub kliendi vajadustest.\n Näitab austust.\n\nAsjatundlikkus:\n Tunneb oma ala ja  parimate\n\npraktikatega.\nUuendusmeelsus:\n\n Oleme ennetavad.";
        let lines = normalise(text);
        let (c, left) = parse_core(&lines);
        assert!(left.is_empty());
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["Kliendikeskus", "Asjatundlikkus", "Uuendusmeelsus"]
        );
        assert_eq!(
            c[1].indicators,
            vec!["Tunneb oma ala ja parimate praktikatega."]
        );
    }

    #[test]
    fn additional_named_and_plain() {
        let text =
            "▪ Korrektsus: Täidab ülesandeid täpselt.\n▪ Rehabilitatsioonivaldkonna tundmine.";
        let c = parse_additional(&normalise(text));
        assert_eq!(c[0].name, "Korrektsus");
        assert_eq!(c[0].indicators, vec!["Täidab ülesandeid täpselt."]);
        assert_eq!(c[1].name, "Rehabilitatsioonivaldkonna tundmine");
        assert!(c[1].indicators.is_empty());
    }
}
