//! Cleaning header values of other agencies' forms: definitional suffixes ("arendusteenistuse
//! direktorile (edaspidi direktor)") are removed from the value and kept in a note, and a
//! supervisor written in the dative after "Kellele allub" / "Allub" ("osakonna juhatajale",
//! "direktorile") is turned into the nominative the registry's names use, and list parts add
//! up without repeating a name.

use crate::general::{Field, Value};
use crate::layout::jd_other::nominative;
use crate::record::Warning;

/// A header value made ready for its field: names lose a definitional suffix (prose such as
/// the purpose keeps it), a supervisor in the dative is turned into the nominative; each
/// change is a warning.
pub fn clean(v: &Value, text: String, warnings: &mut Vec<Warning>) -> String {
    let prose = matches!(
        v.field,
        Field::Purpose | Field::SpecialConditions | Field::Unmodelled
    );
    let (mut text, definition) = if prose {
        (text, None)
    } else {
        strip_definition(&text)
    };
    if let Some(d) = definition {
        warnings.push(Warning::new(
            Some(v.line),
            Some(v.field.path()),
            format!(
                "the definition '{d}' was removed from the value of '{}'",
                v.label
            ),
        ));
    }
    if v.field == Field::Supervisor
        && is_dative_label(&v.label)
        && let Some(n) = dative_to_nominative(text.trim_end_matches('.'))
    {
        warnings.push(Warning::new(
            Some(v.line),
            Some(v.field.path()),
            format!("'{}' {text} (dative) read as '{n}': check it", v.label),
        ));
        text = n;
    }
    text
}

/// The value without a definitional suffix "(edaspidi …)" / "(edaspidi: …)" / ", edaspidi …",
/// and the suffix removed, if any.
pub fn strip_definition(value: &str) -> (String, Option<String>) {
    let lower = value.to_lowercase();
    if lower.len() != value.len() {
        return (value.to_string(), None);
    }
    if let Some(at) = lower.find("(edaspidi") {
        let end = lower[at..].find(')').map_or(value.len(), |e| at + e + 1);
        let removed = value[at..end].to_string();
        let after = value[end..].trim_start();
        let sep = if after.starts_with([',', '.', ';']) {
            ""
        } else {
            " "
        };
        let kept = format!("{}{sep}{after}", value[..at].trim_end());
        return (
            kept.trim().trim_end_matches(',').trim().to_string(),
            Some(removed),
        );
    }
    if let Some(at) = lower.find(", edaspidi ") {
        return (
            value[..at].trim().to_string(),
            Some(value[at + 2..].trim().to_string()),
        );
    }
    (value.to_string(), None)
}

/// True for the supervisor labels that take the dative ("Kellele allub", "Allub", "Ametnik
/// allub").
pub fn is_dative_label(label: &str) -> bool {
    label.to_lowercase().split_whitespace().last() == Some("allub")
}

/// The nominative of a name in the dative: the last word's "-le" removed and the genitive
/// stem turned into the nominative ("osakonna juhatajale" → "osakonna juhataja",
/// "arendusteenistuse direktorile" → "arendusteenistuse direktor", "juhile" → "juht").
/// `None` when the last word is not in the dative.
pub fn dative_to_nominative(value: &str) -> Option<String> {
    let (head, last) = match value.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, value),
    };
    // A bracketed specialisation after the name stays as it is.
    if last.contains(['(', ')']) || last.chars().count() < 5 {
        return None;
    }
    let stem = last.strip_suffix("le")?;
    let word = nominative(stem);
    Some(match head {
        Some(h) => format!("{h} {word}"),
        None => word,
    })
}

/// Adds the names of a list value to a list, each once: a list may be given in parts
/// ("Esimene asendaja", "Teine asendaja"), and a two-column layout flattened into one line may
/// repeat a name.
pub fn add_names(into: &mut Vec<String>, text: &str) {
    for n in crate::general::split_names(text) {
        if !into.contains(&n) {
            into.push(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_removed_and_kept() {
        assert_eq!(
            strip_definition("arendusteenistuse direktorile (edaspidi direktor)"),
            (
                "arendusteenistuse direktorile".to_string(),
                Some("(edaspidi direktor)".to_string())
            )
        );
        assert_eq!(
            strip_definition("Analüüsi osakond (edaspidi: osakond), Tartu"),
            (
                "Analüüsi osakond, Tartu".to_string(),
                Some("(edaspidi: osakond)".to_string())
            )
        );
        assert_eq!(strip_definition("Analüüsi osakond").1, None);
    }

    #[test]
    fn datives_become_nominatives() {
        assert_eq!(
            dative_to_nominative("arendusteenistuse direktorile").as_deref(),
            Some("arendusteenistuse direktor")
        );
        assert_eq!(
            dative_to_nominative("Osakonna juhatajale").as_deref(),
            Some("Osakonna juhataja")
        );
        assert_eq!(
            dative_to_nominative("peadirektori asetäitjale").as_deref(),
            Some("peadirektori asetäitja")
        );
        assert_eq!(
            dative_to_nominative("projektijuhile").as_deref(),
            Some("projektijuht")
        );
        assert_eq!(dative_to_nominative("nõunikule").as_deref(), Some("nõunik"));
        assert_eq!(dative_to_nominative("Osakonna juhataja"), None);
    }

    #[test]
    fn list_parts_add_up_once() {
        let mut names = vec!["Nõunik".to_string()];
        add_names(&mut names, "Jurist, Nõunik");
        add_names(&mut names, "-");
        assert_eq!(names, vec!["Nõunik", "Jurist"]);
    }
}
