//! The general part of a job description ("1. ÜLDOSA" / "1. Üldosa" / an unheaded block of
//! "Label: value" lines): the label catalogue with the variants of several templates, and the
//! reading of the three ways labels and values are laid out in extracted text:
//!
//! - a flattened table row: several labels on one line ("1.3 Vahetu juht 1.4 Kes asendab
//!   1.5 Keda asendab") and their values on the following line(s) — split by [`crate::columns`];
//! - a label and its value on one line ("Struktuuriüksus Arendusosakond, arendustalitus",
//!   "Kellele allub: Osakonna juhataja"), the value possibly continuing on the next lines;
//! - a label alone on a line and its value below it.

use crate::columns;
use crate::lines::{Line, append, collapse, continues_previous, split_number};
use crate::record::{Unplaced, Warning};

/// What a general-part label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Unit,
    /// "Osakond", "Talitus": one level of the unit, given on its own.
    UnitPart,
    Supervisor,
    Subordinates,
    SubstitutedBy,
    SubstitutesFor,
    Purpose,
    StaffGroup,
    SpecialConditions,
    /// The person holding the position ("Ametikoha täitja", "Teenistuja nimi").
    Holder,
    /// A label the model has no field for ("Tööpere", "Ametikoha kood"); kept as unplaced text.
    Unmodelled,
}

impl Field {
    /// The record path the field fills.
    pub fn path(self) -> &'static str {
        match self {
            Field::Title => "position.title",
            Field::Unit | Field::UnitPart => "position.unit",
            Field::Supervisor => "position.supervisor",
            Field::Subordinates => "position.subordinates",
            Field::SubstitutedBy => "position.substituted_by",
            Field::SubstitutesFor => "position.substitutes_for",
            Field::Purpose => "purpose",
            Field::StaffGroup => "position.staff_group",
            Field::SpecialConditions => "special_conditions",
            Field::Holder => "holder",
            Field::Unmodelled => "unplaced",
        }
    }

    /// True for fields that hold a list of names.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Subordinates | Field::SubstitutedBy | Field::SubstitutesFor
        )
    }
}

/// The labels, lower case. Longer labels are tried first, so "teenistuja asendaja" wins over
/// "asendaja" and "keda asendab" over "asendab".
const LABELS: &[(&str, Field)] = &[
    ("ametinimetus", Field::Title),
    ("ametikoha nimetus", Field::Title),
    ("teenistuskoha nimetus", Field::Title),
    ("töökoha nimetus", Field::Title),
    ("ametikoha/teenistuskoha nimetus", Field::Title),
    ("teenistuskoht", Field::Title),
    ("ametikoht", Field::Title),
    ("töökoht", Field::Title),
    ("struktuuriüksus", Field::Unit),
    ("struktuuriüksuse nimetus", Field::Unit),
    ("allüksus", Field::Unit),
    ("osakond", Field::UnitPart),
    ("talitus", Field::UnitPart),
    ("vahetu juht", Field::Supervisor),
    ("vahetu ülem", Field::Supervisor),
    ("otsene juht", Field::Supervisor),
    ("kellele allub", Field::Supervisor),
    ("allub", Field::Supervisor),
    ("alluvad", Field::Subordinates),
    ("otsesed alluvad", Field::Subordinates),
    ("kes alluvad", Field::Subordinates),
    ("alluvad ametikohad", Field::Subordinates),
    ("kes asendab", Field::SubstitutedBy),
    ("teda asendab", Field::SubstitutedBy),
    ("teenistuja asendaja", Field::SubstitutedBy),
    ("ametniku asendaja", Field::SubstitutedBy),
    ("töötaja asendaja", Field::SubstitutedBy),
    ("asendaja", Field::SubstitutedBy),
    ("asendajad", Field::SubstitutedBy),
    ("keda asendab", Field::SubstitutesFor),
    ("teenistuja asendab", Field::SubstitutesFor),
    ("ametnik asendab", Field::SubstitutesFor),
    ("töötaja asendab", Field::SubstitutesFor),
    ("asendab", Field::SubstitutesFor),
    ("ametikoha eesmärk", Field::Purpose),
    ("teenistuskoha eesmärk", Field::Purpose),
    ("töökoha eesmärk", Field::Purpose),
    ("ametikoha grupp", Field::StaffGroup),
    ("teenistuskoha grupp", Field::StaffGroup),
    ("eritingimused", Field::SpecialConditions),
    ("ametikoha täitja", Field::Holder),
    ("teenistuskoha täitja", Field::Holder),
    ("töökoha täitja", Field::Holder),
    ("teenistuja nimi", Field::Holder),
    ("töötaja nimi", Field::Holder),
    ("ametniku nimi", Field::Holder),
    ("tööpere", Field::Unmodelled),
    ("ametikoha kood", Field::Unmodelled),
    ("ametikoha tase", Field::Unmodelled),
    ("palgaaste", Field::Unmodelled),
    ("töökoha asukoht", Field::Unmodelled),
    ("asukoht", Field::Unmodelled),
];

/// Matches a label at the start of `s` (case-insensitive; the document's label must start with
/// a capital letter). Returns the field, the label as written and the rest after an optional
/// colon.
pub fn label_at(s: &str) -> Option<(Field, &str, &str)> {
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return None;
    }
    let mut best: Option<(usize, Field)> = None;
    for (label, field) in LABELS {
        if lower.starts_with(label) {
            let after = &s[label.len()..];
            let boundary = after.is_empty() || after.starts_with([' ', ':', ')']);
            if boundary && best.is_none_or(|(len, _)| label.len() > len) {
                best = Some((label.len(), *field));
            }
        }
    }
    let (len, field) = best?;
    let rest = s[len..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    Some((field, &s[..len], rest))
}

/// A line made only of labels (optionally numbered "1.1"), e.g. the header row of a flattened
/// table. Returns the fields in order.
pub fn label_row(s: &str) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        if let Some((_, r)) = split_number(rest) {
            rest = r;
        }
        let (field, _, r) = label_at(rest)?;
        fields.push(field);
        rest = r;
    }
    (!fields.is_empty()).then_some(fields)
}

/// A label line: a header row, or one label with its value (possibly empty).
enum LabelLine<'a> {
    Row(Vec<Field>),
    One(Field, &'a str),
}

fn label_line(l: &Line) -> Option<LabelLine<'_>> {
    if l.bullet {
        return None;
    }
    if let Some(fields) = label_row(&l.text) {
        return Some(if fields.len() == 1 {
            LabelLine::One(fields[0], "")
        } else {
            LabelLine::Row(fields)
        });
    }
    let text = split_number(&l.text).map(|(_, r)| r).unwrap_or(&l.text);
    label_at(text).map(|(f, _, rest)| LabelLine::One(f, rest))
}

/// True when the line starts with a general-part label.
pub fn is_label_line(l: &Line) -> bool {
    label_line(l).is_some()
}

/// The fields of a label line: one for a label with its value, all of a header row's.
pub fn label_line_fields(l: &Line) -> Vec<Field> {
    match label_line(l) {
        Some(LabelLine::Row(fields)) => fields,
        Some(LabelLine::One(field, _)) => vec![field],
        None => vec![],
    }
}

/// A value found for a field, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub field: Field,
    pub label: String,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct GeneralOut {
    pub values: Vec<Value>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

/// Reads the general part from its lines.
pub fn parse(lines: &[Line]) -> GeneralOut {
    let mut out = GeneralOut::default();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let Some(kind) = label_line(l).filter(|_| !continues_previous(lines, i)) else {
            out.unplaced.push(Unplaced {
                line: l.no,
                text: l.text.clone(),
            });
            i += 1;
            continue;
        };
        // The value lines run to the next label line (not one that a wrap cut from the line
        // before it: "… ja" / "Osakond …" is one value).
        let mut j = i + 1;
        while j < lines.len()
            && (lines[j].is_blank() || !is_label_line(&lines[j]) || continues_previous(lines, j))
        {
            j += 1;
        }
        let body = &lines[i + 1..j];
        match kind {
            LabelLine::Row(fields) => {
                let labels = row_labels(&l.text, fields.len());
                match columns::split(&fields, body) {
                    Ok(split) => {
                        if let Some(w) = split.warning {
                            out.warnings
                                .push(Warning::new(Some(l.no), Some(fields[0].path()), w));
                        }
                        for (k, (field, text)) in fields.iter().zip(split.values).enumerate() {
                            out.values.push(Value {
                                field: *field,
                                label: labels.get(k).cloned().unwrap_or_default(),
                                text,
                                line: body.iter().find(|b| !b.is_blank()).map_or(l.no, |b| b.no),
                            });
                        }
                    }
                    Err(message) => {
                        out.warnings.push(Warning::new(
                            Some(l.no),
                            Some(fields[0].path()),
                            message,
                        ));
                        for b in body.iter().filter(|b| !b.is_blank()) {
                            out.unplaced.push(Unplaced {
                                line: b.no,
                                text: b.text.clone(),
                            });
                        }
                    }
                }
            }
            LabelLine::One(field, rest) => {
                let mut text = rest.to_string();
                for b in body {
                    append(&mut text, &b.text);
                }
                let label = label_text(&l.text, rest);
                out.values.push(Value {
                    field,
                    label,
                    text: collapse(&text),
                    line: l.no,
                });
            }
        }
        i = j;
    }
    out
}

/// The label as written: the line without its value.
fn label_text(line: &str, rest: &str) -> String {
    let t = line.strip_suffix(rest).unwrap_or(line);
    let t = split_number(t).map(|(_, r)| r).unwrap_or(t);
    t.trim().trim_end_matches(':').trim().to_string()
}

/// The labels of a header row as written, for reports.
fn row_labels(line: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() && out.len() < n {
        if let Some((_, r)) = split_number(rest) {
            rest = r;
        }
        match label_at(rest) {
            Some((_, label, r)) => {
                out.push(label.to_string());
                rest = r;
            }
            None => break,
        }
    }
    out
}

/// True for a value that says "none" ("-", "puuduvad", "ei ole").
pub fn is_none_value(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.').to_lowercase();
    matches!(
        t.as_str(),
        "-" | "–" | "—" | "puuduvad" | "puudub" | "ei ole" | "ei" | ""
    )
}

/// Splits a list of names: at commas, semicolons and "või" outside brackets. "-" is empty.
pub fn split_names(s: &str) -> Vec<String> {
    if is_none_value(s) {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let opens = word.matches('(').count() as i32;
        let closes = word.matches(')').count() as i32;
        if depth == 0 && word == "või" && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
            continue;
        }
        depth += opens - closes;
        let ends = depth <= 0 && (word.ends_with(',') || word.ends_with(';'));
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(if ends { &word[..word.len() - 1] } else { word });
        if ends {
            parts.push(std::mem::take(&mut cur));
            depth = 0;
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches('.').trim().to_string())
        .filter(|p| !p.is_empty() && !is_none_value(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn labels_and_rows() {
        assert_eq!(
            label_row("1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab"),
            Some(vec![
                Field::Supervisor,
                Field::SubstitutedBy,
                Field::SubstitutesFor
            ])
        );
        assert_eq!(
            label_row("1.1 Ametinimetus 1.2 Struktuuriüksus"),
            Some(vec![Field::Title, Field::Unit])
        );
        let (f, _, rest) = label_at("Teenistuja asendaja Peaspetsialist").unwrap();
        assert_eq!((f, rest), (Field::SubstitutedBy, "Peaspetsialist"));
        let (f, _, rest) = label_at("Kellele allub: Osakonna juhataja").unwrap();
        assert_eq!((f, rest), (Field::Supervisor, "Osakonna juhataja"));
        assert!(label_at("Asendamise kord").is_none());
        assert!(label_at("alluvad on pädevad").is_none());
    }

    #[test]
    fn inline_values_continue() {
        let lines = normalise(
            "Struktuuriüksus Arendusosakond, arendustalitus\n\nTeenistuskoha eesmärk Kasutajate nõustamine\nja abi.\nAlluvad -\n",
        );
        let out = parse(&lines);
        assert_eq!(out.values.len(), 3);
        assert_eq!(out.values[1].text, "Kasutajate nõustamine ja abi.");
        assert_eq!(out.values[2].text, "-");
    }

    #[test]
    fn a_wrapped_value_is_not_a_label() {
        let lines = normalise(
            "Töökoha eesmärk Veebilehtede haldamine koostöös osakonna ja\nTalitus juhiga.\nVahetu juht Osakonnajuhataja\n",
        );
        let out = parse(&lines);
        let v: Vec<(Field, &str)> = out
            .values
            .iter()
            .map(|v| (v.field, v.text.as_str()))
            .collect();
        assert_eq!(
            v,
            vec![
                (
                    Field::Purpose,
                    "Veebilehtede haldamine koostöös osakonna ja Talitus juhiga."
                ),
                (Field::Supervisor, "Osakonnajuhataja")
            ]
        );
    }

    #[test]
    fn names_split_outside_brackets() {
        assert_eq!(
            split_names("Peaspetsialist, juhtivspetsialist (kasutajatugi)"),
            vec!["Peaspetsialist", "juhtivspetsialist (kasutajatugi)"]
        );
        assert_eq!(
            split_names("A talituse juhataja või B talituse juhataja"),
            vec!["A talituse juhataja", "B talituse juhataja"]
        );
        assert!(split_names("-").is_empty());
        assert_eq!(split_names("Juht (a, b)"), vec!["Juht (a, b)"]);
    }
}
