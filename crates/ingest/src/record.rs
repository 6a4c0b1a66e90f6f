//! The import records: what `ametijuhend import --dry-run --json` prints, one JSON object per
//! line (JSON Lines). Every record carries its `kind`, its `source` (file, content hash, lines),
//! the text the importer could not place (`unplaced`) and its `warnings`. The paths and their
//! meaning are documented in docs/import-format.md.

use ametijuhend_domain::directive::{EntryIntoForce, Signer};
use ametijuhend_domain::job_description::{
    Duty, ListSection, Requirements, Signature, Status, Template,
};
use ametijuhend_domain::position::StaffGroup;
use ametijuhend_domain::role_card::{JobFamilyRange, PointsRange};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One record of an imported document. (A document yields a handful of records, so the size
/// difference between the variants does not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportRecord {
    JobDescription(JobDescriptionRecord),
    Directive(DirectiveRecord),
    RoleCard(RoleCardRecord),
    RoleGlossaryEntry(GlossaryRecord),
}

impl ImportRecord {
    /// The value of the `kind` field.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportRecord::JobDescription(_) => "job_description",
            ImportRecord::Directive(_) => "directive",
            ImportRecord::RoleCard(_) => "role_card",
            ImportRecord::RoleGlossaryEntry(_) => "role_glossary_entry",
        }
    }

    pub fn source(&self) -> &RecordSource {
        match self {
            ImportRecord::JobDescription(r) => &r.source,
            ImportRecord::Directive(r) => &r.source,
            ImportRecord::RoleCard(r) => &r.source,
            ImportRecord::RoleGlossaryEntry(r) => &r.source,
        }
    }

    pub fn unplaced(&self) -> &[Unplaced] {
        match self {
            ImportRecord::JobDescription(r) => &r.unplaced,
            ImportRecord::Directive(r) => &r.unplaced,
            ImportRecord::RoleCard(r) => &r.unplaced,
            ImportRecord::RoleGlossaryEntry(r) => &r.unplaced,
        }
    }

    pub fn warnings_mut(&mut self) -> &mut Vec<Warning> {
        match self {
            ImportRecord::JobDescription(r) => &mut r.warnings,
            ImportRecord::Directive(r) => &mut r.warnings,
            ImportRecord::RoleCard(r) => &mut r.warnings,
            ImportRecord::RoleGlossaryEntry(r) => &mut r.warnings,
        }
    }

    pub fn warnings(&self) -> &[Warning] {
        match self {
            ImportRecord::JobDescription(r) => &r.warnings,
            ImportRecord::Directive(r) => &r.warnings,
            ImportRecord::RoleCard(r) => &r.warnings,
            ImportRecord::RoleGlossaryEntry(r) => &r.warnings,
        }
    }

    /// A short name for reports: the position title, directive title, card title or term.
    pub fn label(&self) -> String {
        match self {
            ImportRecord::JobDescription(r) => r
                .position
                .full_title()
                .unwrap_or_else(|| "(no title)".into()),
            ImportRecord::Directive(r) => {
                let nr = r.directive.number.as_deref().unwrap_or("?");
                format!("nr {nr} {}", r.directive.title)
            }
            ImportRecord::RoleCard(r) => r.role_card.title.clone(),
            ImportRecord::RoleGlossaryEntry(r) => r.role_glossary_entry.term.clone(),
        }
    }

    /// The record as one line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("import records always serialise")
    }
}

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSource {
    pub file_name: String,
    /// Lower-case hex SHA-256 of the original file.
    pub content_hash: String,
    /// First and last line of the text the record was read from (1-based, inclusive).
    pub first_line: usize,
    pub last_line: usize,
}

/// Text of the document that the importer could not place in a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub line: usize,
    pub text: String,
}

/// Something the reader of the import report should check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: Option<usize>,
    /// The record path the warning is about ("position.unit").
    pub field: Option<String>,
    pub message: String,
}

impl Warning {
    pub fn new(line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

/// The general part of a job description, names as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionRecord {
    /// The title without the bracketed specialisation.
    pub title: Option<String>,
    pub specialisation: Option<String>,
    /// The unit as written ("Arendusosakond, arendustalitus").
    pub unit: Option<String>,
    pub supervisor: Option<String>,
    /// Empty for "-" (no subordinates).
    pub subordinates: Vec<String>,
    /// Who stands in for this position ("Kes asendab", "Teenistuja asendaja", "Asendaja").
    pub substituted_by: Vec<String>,
    /// Whom this position stands in for ("Keda asendab", "Teenistuja asendab", "Asendab").
    pub substitutes_for: Vec<String>,
    pub staff_group: Option<StaffGroup>,
}

impl PositionRecord {
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub fn full_title(&self) -> Option<String> {
        self.title
            .as_deref()
            .map(|t| ametijuhend_domain::text::full_title(t, self.specialisation.as_deref()))
    }
}

/// The approval stamp ("KINNITATUD Sotsiaalkindlustusameti peadirektori 06.03.2023
/// käskkirjaga nr 49 Lisa 2").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRecord {
    pub directive_number: Option<String>,
    pub directive_date: Option<NaiveDate>,
    pub annex: Option<u32>,
    /// "Sotsiaalkindlustusameti peadirektori".
    pub approved_by: Option<String>,
    /// Unfilled template fields standing for the date or number.
    pub placeholders: Vec<String>,
}

impl ApprovalRecord {
    /// True when the stamp names a registered directive (a number, not a template field).
    pub fn is_filled(&self) -> bool {
        self.directive_number.is_some()
    }
}

/// A competency as listed in the job description; the planner matches it to the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyRecord {
    /// "core" ("Tööks vajalikud kompetentsid") or "additional" ("Täiendavad kompetentsid …").
    pub kind: ametijuhend_domain::CompetencyKind,
    pub name: String,
    pub indicators: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDescriptionRecord {
    pub source: RecordSource,
    pub template: Template,
    /// "approved" with a filled approval stamp, "signed" with a filled signature, else "draft".
    pub status: Status,
    pub position: PositionRecord,
    pub purpose: Option<String>,
    pub duties: Vec<Duty>,
    pub rights: ListSection,
    pub responsibilities: ListSection,
    pub work_equipment: Option<String>,
    pub requirements: Requirements,
    pub competencies: Vec<CompetencyRecord>,
    pub amendment_rules: Vec<String>,
    pub special_conditions: Option<String>,
    pub signatures: Vec<Signature>,
    /// The name of the person holding the position, when the document names them: the holder's
    /// signature ("Töötaja:", "Teenistuja:", "Ametnik:" in a two-party block) or a holder label
    /// ("Ametikoha täitja"). Never a personal identification code.
    #[serde(default)]
    pub holder: Option<String>,
    pub approval: Option<ApprovalRecord>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

/// One annex of a directive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnexRecord {
    pub annex: u32,
    pub title: String,
}

/// Something a directive repeals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepealRecord {
    pub directive_number: Option<String>,
    pub directive_date: Option<NaiveDate>,
    /// Set when only one annex is repealed.
    pub annex: Option<u32>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectiveBody {
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub legal_basis: Option<String>,
    pub clauses: Vec<String>,
    pub annexes: Vec<AnnexRecord>,
    pub repeals: Vec<RepealRecord>,
    pub entry_into_force: Option<EntryIntoForce>,
    pub appeal_clause: Option<String>,
    pub signer: Option<Signer>,
    pub placeholders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectiveRecord {
    pub source: RecordSource,
    pub directive: DirectiveBody,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

/// A role a card performs, with the glossary term it matched (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRecord {
    pub text: String,
    pub glossary_term: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleCardBody {
    /// The catalogue ("2024").
    pub catalogue: String,
    pub ordinal: u32,
    pub title: String,
    pub note: Option<String>,
    pub why_needed: String,
    pub roles_text: String,
    pub roles: Vec<RoleRecord>,
    pub purpose: String,
    pub benefit: String,
    pub target_groups: Vec<String>,
    pub required_competences: String,
    pub competence_note: Option<String>,
    pub job_family_text: String,
    pub job_family_note: Option<String>,
    pub job_families: Vec<JobFamilyRange>,
    pub evaluation_points: Option<PointsRange>,
    pub approval: Option<ApprovalRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleCardRecord {
    pub source: RecordSource,
    pub role_card: RoleCardBody,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryBody {
    pub catalogue: String,
    pub ordinal: u32,
    pub term: String,
    pub synonyms: Vec<String>,
    pub definition: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryRecord {
    pub source: RecordSource,
    pub role_glossary_entry: GlossaryBody,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}
