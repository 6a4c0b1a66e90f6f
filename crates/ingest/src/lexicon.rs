//! The label lexicon: which labels of a job description's general part stand for which field
//! ("Ametinimetus", "Kellele allub", "Ametnikku asendab" …). Data, not code: the built-in
//! lexicon is `data/labels/labels.toml` (compiled into the program), and an agency adds its own
//! labels in a file of the same form ([`Lexicon::with_file`]: `import --labels FILE`, or
//! `labels.toml` in the data directory).
//!
//! Matching ([`Lexicon::label_at`]) is case-insensitive, needs the label to start with a
//! capital letter in the document and to end at a word boundary (a space, a colon, a bracket
//! or the end of the line); the longest label wins, so "teenistuja asendaja" beats "asendaja".
//! [`Lexicon::next_label`] finds a known label *inside* a value, where the segmentation ends
//! the value ("Analüütik Teenistuskoha asukoht Pärnu linn").

use crate::general::Field;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// The built-in lexicon's file, as committed.
pub const BUILTIN_TOML: &str = include_str!("../../../data/labels/labels.toml");

/// The name of an agency's lexicon file in the data directory.
pub const DATA_DIR_FILE: &str = "labels.toml";

/// Labels and the fields they stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexicon {
    /// Lower-case labels, longest first.
    labels: Vec<(String, Field)>,
}

/// A lexicon file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file_name: String,
    pub line: Option<usize>,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}. {}", self.file_name, self.message, self.hint),
            None => write!(f, "{}: {}. {}", self.file_name, self.message, self.hint),
        }
    }
}

impl std::error::Error for LexiconError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    fields: BTreeMap<String, Vec<String>>,
}

/// The field names a lexicon file uses, and the fields.
const FIELD_NAMES: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("unit", Field::Unit),
    ("unit_part", Field::UnitPart),
    ("supervisor", Field::Supervisor),
    ("subordinates", Field::Subordinates),
    ("substituted_by", Field::SubstitutedBy),
    ("substitutes_for", Field::SubstitutesFor),
    ("purpose", Field::Purpose),
    ("staff_group", Field::StaffGroup),
    ("special_conditions", Field::SpecialConditions),
    ("holder", Field::Holder),
    ("unmodelled", Field::Unmodelled),
];

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line where `needle` first appears at the start of a line (after spaces), if anywhere.
fn line_starting(text: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.trim_start().starts_with(needle))
        .map(|i| i + 1)
}

impl Lexicon {
    /// The built-in lexicon (`data/labels/labels.toml`).
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon { labels: vec![] }
                .with_file(BUILTIN_TOML, "data/labels/labels.toml")
                .unwrap_or_else(|e| panic!("the built-in label lexicon is broken: {e}"))
        })
    }

    /// This lexicon with the labels of a lexicon file added (`text` is its content, `file_name`
    /// names it in errors). A label already known for another field is moved to the new one.
    pub fn with_file(&self, text: &str, file_name: &str) -> Result<Lexicon, LexiconError> {
        let err = |line: Option<usize>, message: String, hint: &str| LexiconError {
            file_name: file_name.to_string(),
            line,
            message,
            hint: hint.to_string(),
        };
        let parsed: LexiconFile = toml::from_str(text).map_err(|e| {
            err(
                e.span().map(|s| line_of(text, s.start)),
                format!("not a label lexicon: {}", e.message()),
                "write `[fields]` and under it lines such as `title = [\"ametinimetus\", \"ametikoha nimetus\"]` (see data/labels/labels.toml)",
            )
        })?;
        let mut labels = self.labels.clone();
        for (name, list) in parsed.fields {
            let line = line_starting(text, &name);
            let Some(field) = FIELD_NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, f)| *f)
            else {
                let known: Vec<&str> = FIELD_NAMES.iter().map(|(n, _)| *n).collect();
                return Err(err(
                    line,
                    format!("'{name}' is not a field of the lexicon"),
                    &format!("use one of: {}", known.join(", ")),
                ));
            };
            for label in list {
                let clean = label.split_whitespace().collect::<Vec<_>>().join(" ");
                let lower = clean.to_lowercase();
                if !lower.chars().next().is_some_and(char::is_alphabetic)
                    || lower.len() != clean.len()
                {
                    return Err(err(
                        line_starting(text, &format!("\"{label}\"")).or(line),
                        format!("the label '{label}' of '{name}' does not start with a letter"),
                        "write the label as the documents do, without its number or colon: \"ametikoha nimetus\"",
                    ));
                }
                labels.retain(|(l, _)| *l != lower);
                labels.push((lower, field));
            }
        }
        labels.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Lexicon { labels })
    }

    /// How many labels the lexicon knows.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True for a lexicon without labels.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Matches a label at the start of `s` (case-insensitive; the document's label must start
    /// with a capital letter). Returns the field, the label as written and the rest after an
    /// optional colon.
    pub fn label_at<'s>(&self, s: &'s str) -> Option<(Field, &'s str, &'s str)> {
        if !s.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let lower = s.to_lowercase();
        if lower.len() != s.len() {
            return None;
        }
        // Longest first: the first match is the best.
        let (label, field) = self.labels.iter().find(|(label, _)| {
            lower.starts_with(label.as_str()) && {
                let after = &s[label.len()..];
                after.is_empty() || after.starts_with([' ', ':', ')', '('])
            }
        })?;
        let len = label.len();
        let rest = s[len..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        Some((*field, &s[..len], rest))
    }

    /// Where a value runs into the next label on the same line: the byte offset of a known
    /// label inside `value` that starts a new field. Only labels that cannot be ordinary words
    /// count: a label of two or more words, a label followed by a colon, a label after a
    /// section number ("1.3. Ametisse nimetab …"), or a one-word label of a header field
    /// ("Asendab", "Struktuuriüksus", "Allub") written with a capital letter and followed by a
    /// value — not "Osakond", "Talitus" or the unmodelled one-word labels, which are also
    /// ordinary words.
    pub fn next_label(&self, value: &str) -> Option<usize> {
        let mut prev_number: Option<usize> = None;
        let mut offset = 0;
        for (k, word) in value.split(' ').enumerate() {
            let at = offset;
            offset += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            if is_section_number(word) {
                prev_number = Some(at);
                continue;
            }
            let numbered = prev_number.take();
            if k == 0 && numbered.is_none() {
                continue;
            }
            let rest = &value[at..];
            let Some((field, label, after)) = self.label_at(rest) else {
                continue;
            };
            let colon = rest[label.len()..].trim_start().starts_with(':');
            let words = label.split_whitespace().count();
            let single_ok = !matches!(field, Field::UnitPart | Field::Unmodelled);
            let continues_sentence = after.is_empty() && words == 1 && !colon;
            if (numbered.is_some() || colon || words >= 2 || single_ok) && !continues_sentence {
                return Some(numbered.unwrap_or(at));
            }
        }
        None
    }
}

/// "1.3.", "1.3", "2)": a section number standing alone as a word.
fn is_section_number(word: &str) -> bool {
    let t = word.trim_end_matches([')', '.']);
    !t.is_empty()
        && t.contains(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (word.contains('.') || word.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_reads() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 60, "{}", lex.len());
        let (f, label, rest) = lex.label_at("Ametnikku asendab: Nõunik").unwrap();
        assert_eq!(
            (f, label, rest),
            (Field::SubstitutedBy, "Ametnikku asendab", "Nõunik")
        );
        let (f, _, rest) = lex.label_at("Ametnik asendab Nõunikku").unwrap();
        assert_eq!((f, rest), (Field::SubstitutesFor, "Nõunikku"));
        let (f, _, _) = lex.label_at("Asendaja (d) Nõunik").unwrap();
        assert_eq!(f, Field::SubstitutedBy);
        assert!(
            lex.label_at("asendaja Nõunik").is_none(),
            "lower case is text"
        );
        assert!(lex.label_at("Asendamise kord").is_none());
    }

    #[test]
    fn values_end_at_the_next_label() {
        let lex = Lexicon::builtin();
        let v = "Analüütik Teenistuskoha asukoht Pärnu linn";
        assert_eq!(lex.next_label(v), Some("Analüütik ".len()));
        let v = "Osakonna juhataja 1.3. Ametisse nimetab peadirektor";
        assert_eq!(lex.next_label(v), Some("Osakonna juhataja ".len()));
        let v = "puuduvad Esimene asendaja Nõunik";
        assert_eq!(lex.next_label(v), Some("puuduvad ".len()));
        let v = "Peaspetsialist Asendab Juhtivspetsialist";
        assert_eq!(lex.next_label(v), Some("Peaspetsialist ".len()));
        // Ordinary text is not cut: a one-word unit name, a lower-case word.
        assert_eq!(lex.next_label("Teenuste osakond, Osakond"), None);
        assert_eq!(lex.next_label("Arendusosakond ja osakonna juhataja"), None);
        assert_eq!(lex.next_label("Nõunik, kes asendab juhatajat"), None);
    }

    #[test]
    fn an_agency_adds_labels() {
        let base = Lexicon::builtin();
        assert!(base.label_at("Ametikoha nimi: Nõunik").is_none());
        let lex = base
            .with_file(
                "[fields]\ntitle = [\"Ametikoha nimi\"]\nunmodelled = [\"ametijuhendi versioon\"]\n",
                "agency.toml",
            )
            .unwrap();
        let (f, _, rest) = lex.label_at("Ametikoha nimi: Nõunik").unwrap();
        assert_eq!((f, rest), (Field::Title, "Nõunik"));
        assert_eq!(lex.len(), base.len() + 2);
        // A label moves to the field the agency gives it.
        let moved = base
            .with_file(
                "[fields]\nunmodelled = [\"asukoht\"]\nunit = [\"asukoht\"]\n",
                "a",
            )
            .unwrap();
        assert_eq!(moved.len(), base.len());
    }

    #[test]
    fn a_bad_file_says_where_and_what_to_do() {
        let base = Lexicon::builtin();
        let e = base
            .with_file("[fields]\n\ntitel = [\"nimi\"]\n", "my.toml")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.to_string()
                .starts_with("my.toml:3: 'titel' is not a field"),
            "{e}"
        );
        assert!(e.hint.contains("substituted_by"));
        let e = base
            .with_file("[fields]\ntitle = [\"nimi\"\n", "my.toml")
            .unwrap_err();
        assert!(
            e.line.is_some() && e.message.contains("not a label lexicon"),
            "{e}"
        );
        let e = base
            .with_file("[fields]\ntitle = [\"1.1 nimi\"]\n", "my.toml")
            .unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("does not start with a letter"), "{e}");
        let e = base.with_file("[felds]\n", "my.toml").unwrap_err();
        assert!(e.message.contains("not a label lexicon"), "{e}");
    }
}
