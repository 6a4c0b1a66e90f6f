//! The skeleton every job-description layout shares: a preamble (approval stamp, the
//! "AMETIJUHEND" heading), numbered or upper-case section headings ("1. ÜLDOSA", "2. AMETIKOHA
//! EESMÄRK", "2. Peamised teenistusülesanded", "4. Õigused ja vastutus" …), each section read
//! by its reader in [`crate::sections`], and a signature block at the end. The layout modules
//! ([`super::jd2023`], [`super::jd2024`], [`super::jd_other`]) recognise their template and
//! supply what differs.

use super::jd_other;
use crate::general::{self, Field};
use crate::lexicon::Lexicon;
use crate::lines::{Line, collapse, is_upper_heading, join_lines, split_number};
use crate::record::{
    ApprovalRecord, JobDescriptionRecord, PositionRecord, RecordSource, Unplaced, Warning,
};
use crate::sections::{competencies, duties, lists, requirements, signatures};
use ametijuhend_domain::job_description::{
    ListSection, Requirements, SignatureParty, Status, Template,
};
use ametijuhend_domain::position::StaffGroup;
use ametijuhend_domain::text::split_title;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SectionKind {
    General,
    Purpose,
    Duties,
    Rights,
    Responsibilities,
    RightsAndResponsibilities,
    WorkEquipment,
    Requirements,
    Competencies,
    Amendment,
    SpecialConditions,
}

/// Classifies a section heading's title.
pub fn classify(title: &str) -> Option<SectionKind> {
    let t = title.trim().trim_end_matches(':').to_lowercase();
    let has = |w: &str| t.contains(w);
    Some(
        if has("üldosa") || has("üldandmed") || has("üldsätted") || t == "üldinfo" {
            SectionKind::General
        } else if t.starts_with("õigused ja vastutus") || t.starts_with("õigused ja kohustused") {
            SectionKind::RightsAndResponsibilities
        } else if t.starts_with("õigused") || t == "õigus" {
            SectionKind::Rights
        } else if t.starts_with("vastutus") {
            SectionKind::Responsibilities
        } else if has("eesmärk") {
            SectionKind::Purpose
        } else if has("töövahend") {
            SectionKind::WorkEquipment
        } else if has("nõuded") {
            SectionKind::Requirements
        } else if has("kompetents") {
            SectionKind::Competencies
        } else if has("muutmine") {
            SectionKind::Amendment
        } else if has("eritingimus") {
            SectionKind::SpecialConditions
        } else if has("ülesanded") || has("kohustused") {
            SectionKind::Duties
        } else {
            return None;
        },
    )
}

/// Unnumbered headings written in sentence case that still start a section.
const PLAIN_HEADINGS: &[&str] = &[
    "õigused",
    "vastutus",
    "töövahendid",
    "eritingimused",
    "ametijuhendi muutmine",
];

/// A section heading: its number (if any) and kind. `last` is the previous heading's number.
fn heading(l: &Line, last: Option<u32>) -> Option<(Option<String>, SectionKind)> {
    if l.bullet || l.text.split_whitespace().count() > 8 {
        return None;
    }
    let numbered = split_number(&l.text).or_else(|| roman_number(&l.text));
    if let Some((num, rest)) = numbered {
        // Sections are numbered in order (some may be left out); a numbered duty ("1. …")
        // inside a later section is not a heading, nor is a long sentence.
        let n: u32 = num.parse().ok()?;
        let in_order = last.is_none_or(|p| n > p && n <= p + 6);
        let short = is_upper_heading(rest) || rest.split_whitespace().count() <= 6;
        return (in_order && short && !rest.is_empty())
            .then(|| classify(rest).map(|k| (Some(num), k)))
            .flatten();
    }
    let plain =
        PLAIN_HEADINGS.contains(&l.text.trim_end_matches(':').trim().to_lowercase().as_str());
    if (is_upper_heading(&l.text) && l.text.split_whitespace().count() <= 6) || plain {
        return classify(&l.text).map(|k| (None, k));
    }
    None
}

/// A Roman section number ("II ÜLDANDMED", "III. Tööülesanded") as an Arabic one.
fn roman_number(text: &str) -> Option<(String, &str)> {
    let (head, rest) = text.split_once(' ')?;
    let head = head.trim_end_matches('.');
    const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let n = ROMAN.iter().position(|r| *r == head)? + 1;
    Some((n.to_string(), rest.trim_start()))
}

/// The heading's text without its number.
fn heading_title(text: &str) -> String {
    split_number(text)
        .or_else(|| roman_number(text))
        .map_or(text, |(_, r)| r)
        .to_string()
}

struct Section {
    kind: SectionKind,
    number: Option<String>,
    /// The heading as written, without its number.
    title: String,
    start: usize,
    end: usize,
}

fn sections(lines: &[Line]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut last: Option<u32> = None;
    for (i, l) in lines.iter().enumerate() {
        if let Some((number, kind)) = heading(l, last) {
            if let Some(n) = number.as_deref().and_then(|n| n.parse().ok()) {
                last = Some(n);
            }
            if let Some(prev) = out.last_mut() {
                prev.end = i;
            }
            out.push(Section {
                kind,
                number,
                title: heading_title(&l.text),
                start: i + 1,
                end: lines.len(),
            });
        }
    }
    out
}

/// The kinds of the section headings among the lines, in document order (for recognising a
/// job description by its structure).
pub fn section_kinds(lines: &[Line]) -> Vec<SectionKind> {
    sections(lines).iter().map(|s| s.kind).collect()
}

/// Everything a job-description parse yields besides the record: the fields found.
pub struct JdOut {
    pub record: JobDescriptionRecord,
    pub found: Vec<&'static str>,
    /// Lines that look like labels the lexicon does not know.
    pub unknown_labels: Vec<general::UnknownLabel>,
}

/// Reads one job description from `lines` (a whole document or one annex of a directive).
pub fn parse(
    lex: &Lexicon,
    lines: &[Line],
    template: Template,
    source: RecordSource,
    outer_stamp: Option<ApprovalRecord>,
) -> JdOut {
    let mut rec = JobDescriptionRecord {
        source,
        template,
        status: Status::Draft,
        position: PositionRecord::default(),
        purpose: None,
        duties: vec![],
        rights: ListSection::default(),
        responsibilities: ListSection::default(),
        work_equipment: None,
        requirements: Requirements::default(),
        competencies: vec![],
        amendment_rules: vec![],
        special_conditions: None,
        signatures: vec![],
        holder: None,
        approval: outer_stamp,
        unplaced: vec![],
        warnings: vec![],
    };
    let mut found: Vec<&'static str> = Vec::new();
    let secs = sections(lines);
    let preamble_end = secs.first().map_or(lines.len(), |s| s.start - 1);

    // The signature block ends the last section.
    let sig_from = secs.last().map(|s| s.start).unwrap_or(preamble_end);
    let sig_start = (sig_from..lines.len()).find(|&i| signatures::is_start(&lines[i]));
    let body_end = sig_start.unwrap_or(lines.len());

    // Preamble: stamp, heading, and in other agencies' layouts the general labels.
    let preamble = &lines[..preamble_end];
    let mut used = vec![false; preamble.len()];
    if let Some((stamp, idx)) = signatures::find_stamp(preamble) {
        let text: Vec<&str> = idx.iter().map(|&i| preamble[i].text.as_str()).collect();
        if stamp.directive_date.is_none()
            && let Some(my) = crate::dates::month_year_only(&text.join(" "))
        {
            rec.warnings.push(Warning::new(
                idx.first().map(|&i| preamble[i].no),
                Some("approval.directive_date"),
                format!("the stamp gives only the month and year ('{my}'), no day: the directive date is left empty; enter it from the directive"),
            ));
        }
        for i in idx {
            used[i] = true;
        }
        if rec.approval.is_none() {
            rec.approval = Some(stamp);
        }
    }
    let mut heading_title = None;
    for (i, l) in preamble.iter().enumerate() {
        if !used[i]
            && let Some(t) = jd_other::heading_title(&l.text)
        {
            used[i] = true;
            heading_title = t;
        }
    }
    let rest: Vec<Line> = preamble
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(l, _)| l.clone())
        .collect();
    let has_general = secs.iter().any(|s| s.kind == SectionKind::General);
    let mut values = Vec::new();
    let mut unknown_labels = Vec::new();
    if has_general {
        push_unplaced(&mut rec.unplaced, &rest);
    } else {
        let g = general::parse(lex, &rest);
        values.extend(g.values);
        rec.unplaced.extend(g.unplaced);
        rec.warnings.extend(g.warnings);
        unknown_labels.extend(g.unknown_labels);
    }

    for s in &secs {
        let end = s.end.min(body_end);
        let body = if s.start <= end {
            &lines[s.start..end]
        } else {
            &[][..]
        };
        match s.kind {
            SectionKind::General => {
                let g = general::parse(lex, body);
                values.extend(g.values);
                rec.unplaced.extend(g.unplaced);
                rec.warnings.extend(g.warnings);
                unknown_labels.extend(g.unknown_labels);
            }
            SectionKind::Purpose => set_text(&mut rec.purpose, body, "purpose", &mut found),
            SectionKind::WorkEquipment => {
                set_text(&mut rec.work_equipment, body, "work_equipment", &mut found)
            }
            SectionKind::SpecialConditions => set_text(
                &mut rec.special_conditions,
                body,
                "special_conditions",
                &mut found,
            ),
            SectionKind::Duties => {
                let d = duties::parse(body, s.number.as_deref());
                rec.duties.extend(d.duties);
                rec.unplaced.extend(d.unplaced);
                rec.warnings.extend(d.warnings);
            }
            SectionKind::Rights | SectionKind::RightsAndResponsibilities => {
                let (list, rules) = lists::parse(body);
                merge_list(&mut rec.rights, list);
                rec.amendment_rules.extend(rules);
            }
            SectionKind::Responsibilities => {
                let (list, rules) = lists::parse(body);
                merge_list(&mut rec.responsibilities, list);
                rec.amendment_rules.extend(rules);
            }
            SectionKind::Amendment => rec.amendment_rules.extend(lists::plain_items(body)),
            SectionKind::Competencies
                if !body.iter().any(|l| requirements::label_at(l).is_some()) =>
            {
                // A section of its own ("8. KOMPETENTSID", "TÄIENDAVAD KOMPETENTSID"): the
                // heading is the label.
                let title = s.title.to_lowercase();
                if title.contains("täiendav") {
                    rec.competencies
                        .extend(competencies::parse_additional(body));
                } else {
                    let (c, leftover) = competencies::parse_core(body);
                    rec.competencies.extend(c);
                    push_unplaced(
                        &mut rec.unplaced,
                        &leftover.into_iter().cloned().collect::<Vec<_>>(),
                    );
                }
            }
            SectionKind::Requirements | SectionKind::Competencies => {
                let r = requirements::parse(body);
                merge_requirements(&mut rec.requirements, r.requirements);
                rec.competencies.extend(r.competencies);
                found.extend(r.found);
                rec.unplaced.extend(r.unplaced);
                rec.warnings.extend(r.warnings);
            }
        }
    }
    if let Some(start) = sig_start {
        let s = signatures::parse(&lines[start..]);
        rec.signatures = s.signatures;
        rec.unplaced.extend(s.unplaced);
        rec.warnings.extend(s.warnings);
    }
    apply_general(&mut rec, values, &mut found);
    if rec.position.title.is_none()
        && let Some(t) = heading_title
    {
        rec.warnings.push(Warning::new(
            None,
            Some("position.title"),
            format!("no title label: the title '{t}' was taken from the document heading (genitive turned into nominative): check it"),
        ));
        let (title, spec) = split_title(&t);
        rec.position.title = Some(title);
        rec.position.specialisation = spec;
    }
    finish(&mut rec, &mut found);
    JdOut {
        record: rec,
        found,
        unknown_labels,
    }
}

fn push_unplaced(out: &mut Vec<Unplaced>, lines: &[Line]) {
    for l in lines.iter().filter(|l| !l.is_blank()) {
        out.push(Unplaced {
            line: l.no,
            text: l.text.clone(),
        });
    }
}

fn set_text(
    slot: &mut Option<String>,
    body: &[Line],
    path: &'static str,
    found: &mut Vec<&'static str>,
) {
    let t = join_lines(body);
    if !t.is_empty() {
        *slot = Some(match slot.take() {
            Some(prev) => format!("{prev} {t}"),
            None => t,
        });
        found.push(path);
    }
}

fn merge_list(into: &mut ListSection, list: ListSection) {
    if into.intro.is_none() {
        into.intro = list.intro;
    }
    into.items.extend(list.items);
}

fn merge_requirements(into: &mut Requirements, r: Requirements) {
    into.education = into.education.take().or(r.education);
    into.work_experience = into.work_experience.take().or(r.work_experience);
    into.computer_skills = into.computer_skills.take().or(r.computer_skills);
    into.knowledge_and_skills = into.knowledge_and_skills.take().or(r.knowledge_and_skills);
    into.personal_qualities = into.personal_qualities.take().or(r.personal_qualities);
    into.languages.extend(r.languages);
    into.other.extend(r.other);
}

/// Puts the general-part values into the record.
fn apply_general(
    rec: &mut JobDescriptionRecord,
    values: Vec<general::Value>,
    found: &mut Vec<&'static str>,
) {
    let mut unit_parts = Vec::new();
    for v in values {
        let text = collapse(&v.text);
        if ametijuhend_domain::text::is_template_field(&text) {
            rec.warnings.push(Warning::new(
                Some(v.line),
                Some(v.field.path()),
                format!(
                    "'{}' holds the unfilled template field {text}: not a value",
                    v.label
                ),
            ));
            continue;
        }
        let text = crate::values::clean(&v, text, &mut rec.warnings);
        if !matches!(v.field, Field::Unmodelled) && !found.contains(&v.field.path()) {
            found.push(v.field.path());
        }
        let p = &mut rec.position;
        match v.field {
            Field::Title => {
                if text.is_empty() || general::is_none_value(&text) {
                    rec.warnings.push(Warning::new(
                        Some(v.line),
                        Some("position.title"),
                        "the title label has no value",
                    ));
                    continue;
                }
                let (t, s) = split_title(text.trim_end_matches('.'));
                p.title = Some(t);
                p.specialisation = s;
            }
            Field::Unit => {
                p.unit = Some(text.trim_end_matches('.').to_string()).filter(|s| !s.is_empty())
            }
            Field::UnitPart => unit_parts.push(text.trim_end_matches('.').to_string()),
            Field::Supervisor => {
                p.supervisor = Some(text.trim_end_matches('.').to_string())
                    .filter(|s| !general::is_none_value(s))
            }
            // A list may be given in parts ("Esimene asendaja", "Teine asendaja"); a name
            // repeated (a two-column layout flattened twice) is kept once.
            Field::Subordinates => crate::values::add_names(&mut p.subordinates, &text),
            Field::SubstitutedBy => crate::values::add_names(&mut p.substituted_by, &text),
            Field::SubstitutesFor => crate::values::add_names(&mut p.substitutes_for, &text),
            Field::Purpose => rec.purpose = Some(text).filter(|s| !s.is_empty()),
            Field::SpecialConditions => {
                rec.special_conditions = Some(text).filter(|s| !s.is_empty())
            }
            Field::StaffGroup => match StaffGroup::from_estonian(&text) {
                Some(g) => p.staff_group = Some(g),
                None => rec.warnings.push(Warning::new(
                    Some(v.line),
                    Some("position.staff_group"),
                    format!("'{text}' is not a staff group (expected 'Ametnik' or 'Töötaja')"),
                )),
            },
            Field::Holder => {
                rec.holder = Some(text.trim_end_matches('.').to_string())
                    .filter(|s| !general::is_none_value(s))
            }
            Field::Unmodelled => rec.unplaced.push(Unplaced {
                line: v.line,
                text: format!("{}: {text}", v.label),
            }),
        }
    }
    if rec.position.unit.is_none() && !unit_parts.is_empty() {
        rec.position.unit = Some(unit_parts.join(", "));
    }
}

/// The holder: who signed as holder, else the holder label's name; a warning when the two
/// disagree.
fn holder(rec: &mut JobDescriptionRecord, found: &mut Vec<&'static str>) {
    let signed = rec
        .signatures
        .iter()
        .find(|s| s.party == SignatureParty::Holder && s.name.is_some())
        .and_then(|s| s.name.clone());
    if let (Some(s), Some(l)) = (&signed, &rec.holder)
        && crate::resolve::normalise(s) != crate::resolve::normalise(l)
    {
        rec.warnings.push(Warning::new(
            None,
            Some("holder"),
            format!("the holder label names '{l}' but '{s}' signed as the holder: '{s}' taken"),
        ));
    }
    if signed.is_some() {
        rec.holder = signed;
    }
    if rec.holder.is_some() && !found.contains(&"holder") {
        found.push("holder");
    }
}

/// Status, staff group from the signatures, and warnings for what is missing.
fn finish(rec: &mut JobDescriptionRecord, found: &mut Vec<&'static str>) {
    let mut add = |path: &'static str, present: bool| {
        if present && !found.contains(&path) {
            found.push(path);
        }
    };
    add("duties", !rec.duties.is_empty());
    add("rights", !rec.rights.is_empty());
    add("responsibilities", !rec.responsibilities.is_empty());
    add(
        "requirements.languages",
        !rec.requirements.languages.is_empty(),
    );
    add("competencies", !rec.competencies.is_empty());
    add("amendment_rules", !rec.amendment_rules.is_empty());
    add("signatures", !rec.signatures.is_empty());
    add("approval", rec.approval.is_some());
    add("position.title", rec.position.title.is_some());

    holder(rec, found);
    let filled_signature = rec.signatures.iter().any(|s| s.name.is_some());
    let holder = rec
        .signatures
        .iter()
        .any(|s| s.party == SignatureParty::Holder && s.name.is_some());
    if rec.position.staff_group.is_none()
        && rec
            .signatures
            .iter()
            .any(|s| s.party == SignatureParty::Employer)
    {
        rec.position.staff_group = Some(StaffGroup::Employee);
    }
    let placeholders: Vec<String> = rec
        .signatures
        .iter()
        .flat_map(|s| s.placeholders.iter().cloned())
        .chain(
            rec.approval
                .iter()
                .flat_map(|a| a.placeholders.iter().cloned()),
        )
        .collect();
    rec.status = if rec.approval.as_ref().is_some_and(ApprovalRecord::is_filled) {
        Status::Approved
    } else if holder || filled_signature {
        Status::Signed
    } else {
        Status::Draft
    };
    if rec.status == Status::Draft {
        let why = if placeholders.is_empty() {
            "no filled approval stamp and no signature".to_string()
        } else {
            format!(
                "unfilled template fields {} stand where the approval or signature would be",
                placeholders.join(", ")
            )
        };
        rec.warnings.push(Warning::new(
            None,
            Some("status"),
            format!("{why}: imported as draft"),
        ));
    }
    for (path, missing) in [
        ("position.title", rec.position.title.is_none()),
        ("position.unit", rec.position.unit.is_none()),
        ("purpose", rec.purpose.is_none()),
        ("duties", rec.duties.is_empty()),
    ] {
        if missing {
            rec.warnings.push(Warning::new(
                None,
                Some(path),
                format!("{path} was not found in the document"),
            ));
        }
    }
}
