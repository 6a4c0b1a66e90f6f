//! The importer's parsing core: the *text* of a document (job description, directive with its
//! annexes, role card catalogue) into import records, and a plan of the registry records to
//! insert or update. No file or database I/O: `ametijuhend-extract` turns DOCX/PDF/ODT bytes
//! into text, the CLI reads files and stores what [`plan()`] returns.
//!
//! # API
//!
//! - [`detect`]`(text) -> DocumentKind`: what the document is.
//! - [`parse`]`(text, &Origin) -> Result<Parsed, ParseError>`: the records of a document
//!   ([`ImportRecord`], one per job description, directive, role card and glossary entry; they
//!   serialise to the JSON Lines interchange format of docs/import-format.md) and the import
//!   [`Report`] (kind, fields found and missing, warnings, unplaced text). An unrecognised
//!   document is a [`ParseError`] saying where and what to do.
//! - [`plan()`]`(&records, &registry, source, now) -> Plan`: resolves units, positions (by unit,
//!   title and specialisation), names with Estonian case endings ([`resolve`]), competencies,
//!   directives and role cards against a registry and returns the delta to apply: nothing
//!   for a document imported before, a new version for a known position (superseding its
//!   earlier valid versions, [`plan::versions`]), the holder a document names as a person and
//!   an assignment ([`plan::holders`]). [`Plan::apply_to`] (or [`plan::merge`]) gives the
//!   registry with the delta applied; it validates.
//!
//! Personal identification codes are removed from the text before it is read ([`personal`]):
//! the registry keeps names, never codes.
//! - [`Parsed::to_json_lines`]: the records as `import --dry-run --json` prints them.
//!
//! Statuses of imported versions: `approved` with a filled approval stamp (or as an annex of a
//! registered directive), `signed` with a filled signature but no stamp, otherwise `draft`
//! with a warning saying why (e.g. `{Allkirjastaja}` still in the signature).
//!
//! # Layout of the crate
//!
//! [`lines`] cleans extraction artefacts; [`layout`] recognises and reads each document layout
//! (one module each), using the shared readers in [`sections`], [`general`] and [`columns`];
//! [`record`] and [`report`] are the output; [`resolve`] and [`plan`](mod@plan) meet the
//! registry.

pub mod columns;
pub mod dates;
pub mod general;
pub mod layout;
pub mod lexicon;
pub mod lines;
pub mod personal;
pub mod plan;
pub mod record;
pub mod report;
pub mod resolve;
pub mod sections;
pub mod units;
pub mod values;

pub use layout::DocumentKind;
pub use lexicon::{Lexicon, LexiconError};
pub use plan::versions::IMPORTER_ACCOUNT;
pub use plan::{Plan, ResolutionNote, Severity, plan};
pub use record::ImportRecord;
pub use report::Report;

use layout::{directive, job_description, role_cards};
use lines::{Line, normalise};
use record::{ApprovalRecord, RecordSource, Warning};
use std::fmt;

/// The file a text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file_name: String,
    /// Lower-case hex SHA-256 of the original file's bytes.
    pub content_hash: String,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub kind: DocumentKind,
    pub records: Vec<ImportRecord>,
    pub report: Report,
}

impl Parsed {
    /// The records as JSON Lines (one object per line, each ending in a newline).
    pub fn to_json_lines(&self) -> String {
        self.records
            .iter()
            .map(|r| r.to_json_line() + "\n")
            .collect()
    }
}

/// A document the importer cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file_name: String,
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}. {}", self.file_name, self.message, self.hint),
            None => write!(f, "{}: {}. {}", self.file_name, self.message, self.hint),
        }
    }
}

impl std::error::Error for ParseError {}

/// What a document is (with the built-in label lexicon).
pub fn detect(text: &str) -> DocumentKind {
    layout::detect_lines(Lexicon::builtin(), &normalise(text))
}

fn source(origin: &Origin, lines: &[Line]) -> RecordSource {
    RecordSource {
        file_name: origin.file_name.clone(),
        content_hash: origin.content_hash.clone(),
        first_line: lines.first().map_or(1, |l| l.no),
        last_line: lines.last().map_or(1, |l| l.no),
    }
}

const DIRECTIVE_FIELDS: &[&str] = &[
    "directive.number",
    "directive.date",
    "directive.title",
    "directive.legal_basis",
    "directive.annexes",
    "directive.entry_into_force",
    "directive.appeal_clause",
    "directive.signer",
];
const ROLE_CARD_FIELDS: &[&str] = &[
    "role_card.why_needed",
    "role_card.roles",
    "role_card.purpose",
    "role_card.benefit",
    "role_card.target_groups",
    "role_card.required_competences",
    "role_card.job_family_text",
];
const GLOSSARY_FIELDS: &[&str] = &["role_glossary_entry.term", "role_glossary_entry.definition"];

/// The fields a non-job-description record has filled.
fn found_fields(r: &ImportRecord) -> Vec<String> {
    let pick = |pairs: &[(&str, bool)]| {
        pairs
            .iter()
            .filter(|(_, ok)| *ok)
            .map(|(p, _)| p.to_string())
            .collect()
    };
    match r {
        ImportRecord::Directive(d) => {
            let d = &d.directive;
            pick(&[
                ("directive.number", d.number.is_some()),
                ("directive.date", d.date.is_some()),
                ("directive.title", !d.title.is_empty()),
                ("directive.legal_basis", d.legal_basis.is_some()),
                ("directive.annexes", !d.annexes.is_empty()),
                ("directive.repeals", !d.repeals.is_empty()),
                ("directive.entry_into_force", d.entry_into_force.is_some()),
                ("directive.appeal_clause", d.appeal_clause.is_some()),
                ("directive.signer", d.signer.is_some()),
            ])
        }
        ImportRecord::RoleCard(c) => {
            let c = &c.role_card;
            pick(&[
                ("role_card.why_needed", !c.why_needed.is_empty()),
                ("role_card.roles", !c.roles.is_empty()),
                ("role_card.purpose", !c.purpose.is_empty()),
                ("role_card.benefit", !c.benefit.is_empty()),
                ("role_card.target_groups", !c.target_groups.is_empty()),
                (
                    "role_card.required_competences",
                    !c.required_competences.is_empty(),
                ),
                ("role_card.job_family_text", !c.job_family_text.is_empty()),
            ])
        }
        ImportRecord::RoleGlossaryEntry(g) => {
            let g = &g.role_glossary_entry;
            pick(&[
                ("role_glossary_entry.term", !g.term.is_empty()),
                ("role_glossary_entry.definition", !g.definition.is_empty()),
            ])
        }
        ImportRecord::JobDescription(_) => vec![],
    }
}

/// Parses the text of a document into records and its import report, with the built-in label
/// lexicon ([`parse_with`] takes another). Personal identification codes are removed first
/// ([`personal`]); each removal is a warning on the record that holds the line.
pub fn parse(text: &str, origin: &Origin) -> Result<Parsed, ParseError> {
    parse_with(text, origin, Lexicon::builtin())
}

/// [`parse`] with a label lexicon of its own (the built-in one with an agency's labels added,
/// [`Lexicon::with_file`]).
pub fn parse_with(text: &str, origin: &Origin, lex: &Lexicon) -> Result<Parsed, ParseError> {
    let (text, redacted) = personal::redact(text);
    let mut parsed = parse_text(&text, origin, lex)?;
    for line in redacted {
        let w = Warning::new(
            Some(line),
            Some(personal::FIELD),
            "a personal identification code (isikukood) was removed: the registry keeps names, not personal identification codes",
        );
        let holders: Vec<usize> = (0..parsed.records.len())
            .filter(|&k| {
                let s = parsed.records[k].source();
                s.first_line <= line && line <= s.last_line
            })
            .collect();
        if holders.is_empty() {
            parsed.report.warnings.push(w);
            continue;
        }
        for k in holders {
            parsed.records[k].warnings_mut().push(w.clone());
            if let Some(r) = parsed.report.records.get_mut(k) {
                r.warnings.push(w.clone());
            }
        }
    }
    Ok(parsed)
}

fn parse_text(text: &str, origin: &Origin, lex: &Lexicon) -> Result<Parsed, ParseError> {
    let lines = normalise(text);
    let first = lines.iter().find(|l| !l.is_blank());
    let Some(first) = first else {
        return Err(ParseError {
            file_name: origin.file_name.clone(),
            line: None,
            message: "the document has no text".into(),
            hint: "if it is a scanned PDF, run it through OCR first; otherwise check that the right file was given".into(),
        });
    };
    let kind = layout::detect_lines(lex, &lines);
    let mut report = Report {
        file_name: origin.file_name.clone(),
        content_hash: origin.content_hash.clone(),
        kind,
        records: vec![],
        warnings: vec![],
        unplaced: vec![],
        unknown_labels: vec![],
    };
    let mut records = Vec::new();
    match kind {
        DocumentKind::Unrecognised => {
            let why = layout::jd_other::shortfall(lex, &lines)
                .map(|s| format!("; {s}"))
                .unwrap_or_default();
            return Err(ParseError {
                file_name: origin.file_name.clone(),
                line: Some(first.no),
                message: format!(
                    "not a job description, directive or role card catalogue (it starts '{}'): no '1. ÜLDOSA'/'1. Üldosa' heading, no job-description heading ('AMETIJUHEND', 'PEASPETSIALISTI AMETIJUHEND') on a line of its own with at least two kinds of sections or labels (purpose, duties, requirements, 'Ametinimetus'/'Teenistuskoht' …), no 'KÄSKKIRI' heading and no 'Miks on ametikoha vaja?'{why}",
                    first.text.chars().take(60).collect::<String>()
                ),
                hint: "check that the file is one of these documents; if it is a job description in a layout the importer does not know, add its labels to a lexicon file (`import --labels FILE`, see docs/import-format.md) or import it by hand".into(),
            });
        }
        DocumentKind::RoleCardCatalogue => {
            let (recs, unplaced, warnings) = role_cards::parse(&lines, &source(origin, &lines));
            report.unplaced = unplaced;
            report.warnings = warnings;
            for r in recs {
                let expected = if matches!(r, ImportRecord::RoleCard(_)) {
                    ROLE_CARD_FIELDS
                } else {
                    GLOSSARY_FIELDS
                };
                report
                    .records
                    .push(report::RecordReport::new(&r, found_fields(&r), expected));
                records.push(r);
            }
        }
        DocumentKind::Directive => parse_directive(lex, &lines, origin, &mut records, &mut report),
        _ => {
            let template = kind.template().expect("a job-description kind");
            let out = job_description::parse(lex, &lines, template, source(origin, &lines), None);
            report
                .unknown_labels
                .extend(out.unknown_labels.iter().cloned());
            let expected = report::expected_job_description_fields(out.record.template);
            let r = ImportRecord::JobDescription(out.record);
            report.records.push(report::RecordReport::new(
                &r,
                out.found.iter().map(|s| s.to_string()).collect(),
                &expected,
            ));
            records.push(r);
        }
    }
    Ok(Parsed {
        kind,
        records,
        report,
    })
}

/// A directive and its annexes.
fn parse_directive(
    lex: &Lexicon,
    lines: &[Line],
    origin: &Origin,
    records: &mut Vec<ImportRecord>,
    report: &mut Report,
) {
    let starts = directive::annex_starts(lines);
    let body_end = starts.first().copied().unwrap_or(lines.len());
    let body = &lines[..body_end];
    let mut dir = directive::parse(body, source(origin, body));
    let mut jds = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(lines.len());
        let annex = &lines[s..e];
        let kind =
            layout::detect_job_description(lex, annex).unwrap_or(DocumentKind::JobDescriptionOther);
        let template = kind.template().expect("a job-description kind");
        let mut out = job_description::parse(lex, annex, template, source(origin, annex), None);
        report
            .unknown_labels
            .extend(out.unknown_labels.iter().cloned());
        let rec = &mut out.record;
        let number = k as u32 + 1;
        match &mut rec.approval {
            Some(a) => {
                if a.directive_number.is_some() && a.directive_number != dir.directive.number {
                    rec.warnings.push(Warning::new(
                        Some(annex[0].no),
                        Some("approval.directive_number"),
                        format!(
                            "the annex stamp names directive nr {} but the directive is nr {}",
                            a.directive_number.as_deref().unwrap_or("?"),
                            dir.directive.number.as_deref().unwrap_or("?")
                        ),
                    ));
                }
                if a.annex.is_none() {
                    a.annex = Some(number);
                    rec.warnings.push(Warning::new(
                        Some(annex[0].no),
                        Some("approval.annex"),
                        format!(
                            "the stamp has no annex number: taken as annex {number} by its place"
                        ),
                    ));
                }
            }
            None => {
                rec.warnings.push(Warning::new(
                    Some(annex[0].no),
                    Some("approval"),
                    format!(
                        "annex {number} has no approval stamp: approval taken from the directive"
                    ),
                ));
                rec.approval = Some(ApprovalRecord {
                    directive_number: dir.directive.number.clone(),
                    directive_date: dir.directive.date,
                    annex: Some(number),
                    approved_by: None,
                    placeholders: dir.directive.placeholders.clone(),
                });
            }
        }
        if rec.approval.as_ref().is_some_and(ApprovalRecord::is_filled) {
            rec.status = ametijuhend_domain::Status::Approved;
            rec.warnings
                .retain(|w| w.field.as_deref() != Some("status"));
        }
        jds.push(out);
    }
    // The annex list: titles from the directive, else from the annexes themselves.
    let d = &mut dir.directive;
    for out in &jds {
        let Some(n) = out.record.approval.as_ref().and_then(|a| a.annex) else {
            continue;
        };
        let title = out.record.position.full_title().unwrap_or_default();
        match d.annexes.iter_mut().find(|a| a.annex == n) {
            Some(a) if a.title.is_empty() => a.title = title,
            Some(_) => {}
            None => {
                d.annexes.push(record::AnnexRecord { annex: n, title });
            }
        }
    }
    d.annexes.sort_by_key(|a| a.annex);
    let listed = d.annexes.len();
    if listed != jds.len() {
        dir.warnings.push(Warning::new(
            None,
            Some("directive.annexes"),
            format!(
                "the directive lists {listed} annex(es) but {} annex(es) follow it",
                jds.len()
            ),
        ));
    }
    let dr = ImportRecord::Directive(dir);
    report.records.push(report::RecordReport::new(
        &dr,
        found_fields(&dr),
        DIRECTIVE_FIELDS,
    ));
    records.push(dr);
    for out in jds {
        let expected = report::expected_job_description_fields(out.record.template);
        let r = ImportRecord::JobDescription(out.record);
        report.records.push(report::RecordReport::new(
            &r,
            out.found.iter().map(|s| s.to_string()).collect(),
            &expected,
        ));
        records.push(r);
    }
}
