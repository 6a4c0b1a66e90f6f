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
use crate::lexicon::Lexicon;
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

/// A line made only of labels (optionally numbered "1.1"), e.g. the header row of a flattened
/// table. Returns the fields in order.
pub fn label_row(lex: &Lexicon, s: &str) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        if let Some((_, r)) = split_number(rest) {
            rest = r;
        }
        let (field, _, r) = lex.label_at(rest)?;
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

fn label_line<'l>(lex: &Lexicon, l: &'l Line) -> Option<LabelLine<'l>> {
    if l.bullet {
        return None;
    }
    if let Some(fields) = label_row(lex, &l.text) {
        return Some(if fields.len() == 1 {
            LabelLine::One(fields[0], "")
        } else {
            LabelLine::Row(fields)
        });
    }
    let text = split_number(&l.text).map(|(_, r)| r).unwrap_or(&l.text);
    lex.label_at(text)
        .map(|(f, _, rest)| LabelLine::One(f, rest))
}

/// True when the line starts with a general-part label.
pub fn is_label_line(lex: &Lexicon, l: &Line) -> bool {
    label_line(lex, l).is_some()
}

/// The fields of a label line: one for a label with its value, all of a header row's.
pub fn label_line_fields(lex: &Lexicon, l: &Line) -> Vec<Field> {
    match label_line(lex, l) {
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

/// A line that looks like a label the lexicon does not know ("1.3. Ametisse nimetab
/// peadirektor", "Teenistustingimuste erisused: puuduvad"), for the report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnknownLabel {
    pub line: usize,
    /// The label as written (for a numbered line without a colon: the line's text).
    pub label: String,
}

#[derive(Debug, Default)]
pub struct GeneralOut {
    pub values: Vec<Value>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
    pub unknown_labels: Vec<UnknownLabel>,
}

/// The label of a line that looks like one the lexicon does not know: a short capitalised
/// phrase before a colon ("Teenistustingimuste erisused: puuduvad"), or a numbered short line
/// ("1.3. Ametisse nimetab peadirektor"). `None` for prose, lists and known labels.
pub fn unknown_label(lex: &Lexicon, l: &Line) -> Option<String> {
    if l.bullet || lex.label_at(&l.text).is_some() {
        return None;
    }
    let numbered = split_number(&l.text);
    let t = numbered.as_ref().map_or(l.text.as_str(), |(_, r)| r).trim();
    if !t.chars().next().is_some_and(char::is_uppercase) || lex.label_at(t).is_some() {
        return None;
    }
    if let Some((head, _)) = t.split_once(':') {
        let words = head.split_whitespace().count();
        if (1..=4).contains(&words) && !head.contains([',', '.', '(', ';']) {
            return Some(head.trim().to_string());
        }
    }
    let words = t.split_whitespace().count();
    (numbered.is_some() && (1..=4).contains(&words) && !t.ends_with(['.', ',', ';']))
        .then(|| t.to_string())
}

/// A label the lexicon does not know inside a value ("… 1.3. Ametisse nimetab …",
/// "… Töö aeg: …"): the label as written.
fn embedded_label(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    for k in 1..words.len() {
        let w = words[k];
        let numbered = w.ends_with('.')
            && w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == '.');
        if numbered
            && words
                .get(k + 1)
                .is_some_and(|n| n.starts_with(char::is_uppercase))
        {
            let end = (k + 4).min(words.len());
            let label: Vec<&str> = words[k + 1..end].to_vec();
            return Some(label.join(" ").trim_end_matches(':').to_string());
        }
        if w.ends_with(':') && w.len() > 1 {
            // The capitalised phrase of at most three words ending here.
            let from =
                (k.saturating_sub(2)..=k).find(|&s| words[s].starts_with(char::is_uppercase))?;
            if from > 0 && !words[from - 1].ends_with([':', ',']) {
                return Some(words[from..=k].join(" ").trim_end_matches(':').to_string());
            }
        }
    }
    None
}

/// Reads the general part from its lines.
pub fn parse(lex: &Lexicon, lines: &[Line]) -> GeneralOut {
    let mut out = GeneralOut::default();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let Some(kind) = label_line(lex, l).filter(|_| !continues_previous(lines, i)) else {
            if let Some(label) = unknown_label(lex, l) {
                out.unknown_labels.push(UnknownLabel { line: l.no, label });
            }
            out.unplaced.push(Unplaced {
                line: l.no,
                text: l.text.clone(),
            });
            i += 1;
            continue;
        };
        // The value lines run to the next label line, known or not (not one that a wrap cut
        // from the line before it: "… ja" / "Osakond …" is one value).
        let mut j = i + 1;
        while j < lines.len()
            && (lines[j].is_blank()
                || continues_previous(lines, j)
                || !(is_label_line(lex, &lines[j]) || unknown_label(lex, &lines[j]).is_some()))
        {
            j += 1;
        }
        let body = &lines[i + 1..j];
        match kind {
            LabelLine::Row(fields) => {
                let labels = row_labels(lex, &l.text, fields.len());
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
                let text = join_value(field, rest, body);
                let label = label_text(&l.text, rest);
                push_segmented(lex, &mut out, field, label, &text, l.no);
            }
        }
        i = j;
    }
    out
}

/// A value from the rest of its label's line and the lines below it. In a list field a line
/// that starts with a capital letter after a finished line is the next name ("Asendajad" with
/// one name per line); otherwise lines join as wrapped text.
fn join_value(field: Field, rest: &str, body: &[Line]) -> String {
    let mut text = rest.to_string();
    for b in body.iter().filter(|b| !b.is_blank()) {
        let t = b.text.trim();
        let prev = text.trim_end();
        let next_name = field.is_list()
            && !prev.is_empty()
            && t.starts_with(char::is_uppercase)
            && !prev.ends_with([',', ';', '-'])
            && !prev.ends_with(" ja")
            && !prev.ends_with(" või");
        if next_name {
            text = format!("{prev}; {t}");
        } else {
            append(&mut text, t);
        }
    }
    text
}

/// Pushes a label's value, cut where it runs into the next known label on the same line
/// ("Analüütik Teenistuskoha asukoht Pärnu linn"): each label gets its own value. A value that
/// still looks like it holds a label the lexicon does not know is reported.
fn push_segmented(
    lex: &Lexicon,
    out: &mut GeneralOut,
    mut field: Field,
    mut label: String,
    text: &str,
    line: usize,
) {
    let mut cur = collapse(text);
    loop {
        let cut = lex.next_label(&cur);
        let value = cut.map_or(cur.as_str(), |p| &cur[..p]).trim().to_string();
        let prose = matches!(field, Field::Purpose | Field::SpecialConditions);
        if !prose && let Some(found) = embedded_label(&value) {
            out.warnings.push(Warning::new(
                Some(line),
                Some(field.path()),
                format!(
                    "the value of '{label}' seems to run on into a label the importer does not know ('{found}'): check the value; if it is a label, add it to a lexicon file (--labels)"
                ),
            ));
            out.unknown_labels.push(UnknownLabel { line, label: found });
        }
        out.values.push(Value {
            field,
            label: label.clone(),
            text: value,
            line,
        });
        let Some(p) = cut else { break };
        let rest = &cur[p..];
        let rest = split_number(rest).map_or(rest, |(_, r)| r);
        let Some((f, written, after)) = lex.label_at(rest) else {
            out.unplaced.push(Unplaced {
                line,
                text: rest.to_string(),
            });
            break;
        };
        field = f;
        label = written.to_string();
        cur = after.to_string();
    }
}

/// The label as written: the line without its value.
fn label_text(line: &str, rest: &str) -> String {
    let t = line.strip_suffix(rest).unwrap_or(line);
    let t = split_number(t).map(|(_, r)| r).unwrap_or(t);
    t.trim().trim_end_matches(':').trim().to_string()
}

/// The labels of a header row as written, for reports.
fn row_labels(lex: &Lexicon, line: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() && out.len() < n {
        if let Some((_, r)) = split_number(rest) {
            rest = r;
        }
        match lex.label_at(rest) {
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
        .flat_map(|p| split_pair(p.trim()))
        .map(|p| p.trim().trim_end_matches('.').trim().to_string())
        .filter(|p| !p.is_empty() && !is_none_value(p))
        .collect()
}

/// "Peaspetsialisti ja juhtivspetsialisti": two one-word names joined by "ja" are two names.
/// A longer phrase ("Teenuste ja arenduse osakonna juhataja") or a compound ("Arendus- ja
/// analüüsijuht") is one.
fn split_pair(p: &str) -> Vec<String> {
    let w: Vec<&str> = p.split_whitespace().collect();
    if w.len() == 3 && w[1] == "ja" && !w[0].ends_with('-') && !p.contains(['(', ')']) {
        vec![w[0].to_string(), w[2].to_string()]
    } else {
        vec![p.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    fn lex() -> &'static Lexicon {
        Lexicon::builtin()
    }

    #[test]
    fn labels_and_rows() {
        assert_eq!(
            label_row(lex(), "1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab"),
            Some(vec![
                Field::Supervisor,
                Field::SubstitutedBy,
                Field::SubstitutesFor
            ])
        );
        assert_eq!(
            label_row(lex(), "1.1 Ametinimetus 1.2 Struktuuriüksus"),
            Some(vec![Field::Title, Field::Unit])
        );
        let (f, _, rest) = lex()
            .label_at("Teenistuja asendaja Peaspetsialist")
            .unwrap();
        assert_eq!((f, rest), (Field::SubstitutedBy, "Peaspetsialist"));
        let (f, _, rest) = lex().label_at("Kellele allub: Osakonna juhataja").unwrap();
        assert_eq!((f, rest), (Field::Supervisor, "Osakonna juhataja"));
        assert!(lex().label_at("Asendamise kord").is_none());
        assert!(lex().label_at("alluvad on pädevad").is_none());
    }

    #[test]
    fn inline_values_continue() {
        let lines = normalise(
            "Struktuuriüksus Arendusosakond, arendustalitus\n\nTeenistuskoha eesmärk Kasutajate nõustamine\nja abi.\nAlluvad -\n",
        );
        let out = parse(lex(), &lines);
        assert_eq!(out.values.len(), 3);
        assert_eq!(out.values[1].text, "Kasutajate nõustamine ja abi.");
        assert_eq!(out.values[2].text, "-");
    }

    #[test]
    fn a_wrapped_value_is_not_a_label() {
        let lines = normalise(
            "Töökoha eesmärk Veebilehtede haldamine koostöös osakonna ja\nTalitus juhiga.\nVahetu juht Osakonnajuhataja\n",
        );
        let out = parse(lex(), &lines);
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
        assert_eq!(
            split_names("Peaspetsialisti ja juhtivspetsialisti"),
            vec!["Peaspetsialisti", "juhtivspetsialisti"]
        );
        assert_eq!(
            split_names("Teenuste ja arenduse osakonna juhataja"),
            vec!["Teenuste ja arenduse osakonna juhataja"]
        );
        assert_eq!(
            split_names("Arendus- ja analüüsijuht"),
            vec!["Arendus- ja analüüsijuht"]
        );
    }
}
