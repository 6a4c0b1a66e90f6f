//! The import report of one file: the kind detected, and per record the fields found and
//! missing, the warnings and the text that could not be placed. `Display` prints it for
//! people; it also serialises to JSON.

use crate::general::UnknownLabel;
use crate::layout::DocumentKind;
use crate::record::{ImportRecord, Unplaced, Warning};
use ametijuhend_domain::job_description::Template;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub file_name: String,
    pub content_hash: String,
    pub kind: DocumentKind,
    pub records: Vec<RecordReport>,
    /// Warnings about the file as a whole.
    pub warnings: Vec<Warning>,
    /// Text of the file that belongs to no record.
    pub unplaced: Vec<Unplaced>,
    /// Lines of the general part that look like labels the lexicon does not know, for a
    /// person to map in a lexicon file (`import --labels FILE`).
    #[serde(default)]
    pub unknown_labels: Vec<UnknownLabel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordReport {
    pub kind: String,
    pub label: String,
    pub first_line: usize,
    pub last_line: usize,
    pub fields_found: Vec<String>,
    pub fields_missing: Vec<String>,
    pub warnings: Vec<Warning>,
    pub unplaced: Vec<Unplaced>,
}

/// Every field of a job-description record the report speaks of, in record order.
pub const JOB_DESCRIPTION_FIELDS: &[&str] = &[
    "position.title",
    "position.unit",
    "position.supervisor",
    "position.subordinates",
    "position.substituted_by",
    "position.substitutes_for",
    "position.staff_group",
    "purpose",
    "duties",
    "rights",
    "responsibilities",
    "work_equipment",
    "requirements.education",
    "requirements.work_experience",
    "requirements.languages",
    "requirements.computer_skills",
    "requirements.knowledge_and_skills",
    "requirements.personal_qualities",
    "competencies",
    "amendment_rules",
    "special_conditions",
    "signatures",
    "holder",
    "approval",
];

/// The fields a job description of a template is expected to have (what its form asks for):
/// the 2023 form has no "Alluvad" row; the 2024 form has no work equipment, competencies or
/// signature block.
pub fn expected_job_description_fields(template: Template) -> Vec<&'static str> {
    let mut out = vec![
        "position.title",
        "position.unit",
        "position.supervisor",
        "position.substituted_by",
        "position.substitutes_for",
        "purpose",
        "duties",
        "rights",
        "responsibilities",
        "requirements.education",
        "requirements.work_experience",
        "requirements.languages",
        "amendment_rules",
        "approval",
    ];
    match template {
        Template::Ska2023 => out.extend(["work_equipment", "competencies", "signatures"]),
        Template::Ska2024 | Template::Other => out.push("position.subordinates"),
    }
    out
}

impl RecordReport {
    pub fn new(record: &ImportRecord, mut found: Vec<String>, expected: &[&str]) -> Self {
        // Once each, in record order.
        let rank = |f: &String| {
            JOB_DESCRIPTION_FIELDS
                .iter()
                .position(|x| x == f)
                .unwrap_or(usize::MAX)
        };
        found.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
        found.dedup();
        let missing = expected
            .iter()
            .filter(|f| !found.iter().any(|x| x == *f))
            .filter(|f| !found.iter().any(|x| x == *f))
            .map(|f| f.to_string())
            .collect();
        let src = record.source();
        Self {
            kind: record.kind().to_string(),
            label: record.label(),
            first_line: src.first_line,
            last_line: src.last_line,
            fields_found: found,
            fields_missing: missing,
            warnings: record.warnings().to_vec(),
            unplaced: record.unplaced().to_vec(),
        }
    }
}

fn write_warning(f: &mut fmt::Formatter<'_>, file: &str, w: &Warning) -> fmt::Result {
    let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
    let field = w
        .field
        .as_deref()
        .map(|p| format!(" [{p}]"))
        .unwrap_or_default();
    writeln!(f, "    warning {file}{line}{field}: {}", w.message)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} ({} record(s))",
            self.file_name,
            self.kind,
            self.records.len()
        )?;
        for w in &self.warnings {
            write_warning(f, &self.file_name, w)?;
        }
        for u in &self.unplaced {
            writeln!(f, "    unplaced {}:{}: {}", self.file_name, u.line, u.text)?;
        }
        if !self.unknown_labels.is_empty() {
            writeln!(
                f,
                "  labels not recognised ({}): map them in a lexicon file (--labels FILE) if they are labels",
                self.unknown_labels.len()
            )?;
            for u in &self.unknown_labels {
                writeln!(
                    f,
                    "    unknown label {}:{}: '{}'",
                    self.file_name, u.line, u.label
                )?;
            }
        }
        for r in &self.records {
            writeln!(
                f,
                "  {} '{}' (lines {}–{})",
                r.kind, r.label, r.first_line, r.last_line
            )?;
            if !r.fields_found.is_empty() {
                writeln!(f, "    found: {}", r.fields_found.join(", "))?;
            }
            if !r.fields_missing.is_empty() {
                writeln!(f, "    missing: {}", r.fields_missing.join(", "))?;
            }
            for w in &r.warnings {
                write_warning(f, &self.file_name, w)?;
            }
            for u in &r.unplaced {
                writeln!(f, "    unplaced {}:{}: {}", self.file_name, u.line, u.text)?;
            }
        }
        Ok(())
    }
}
