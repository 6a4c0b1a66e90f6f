//! Job descriptions (ametijuhendid). Every saved state of a position's document is an immutable
//! [`JobDescription`] version with a number (1, 2, …); editing makes a new version.
//!
//! The general part keeps the names exactly as the document writes them (supervisor,
//! substitutes …); the resolved links between positions live on [`crate::Position`] and
//! [`crate::Substitution`].

use crate::competency::CompetencyRef;
use crate::ids::{DirectiveId, JobDescriptionId, PositionId, RoleCardId};
use crate::language::LanguageRequirement;
use crate::position::StaffGroup;
use crate::role_card::RoleRef;
use crate::source::SourceRef;
use crate::time::Timestamp;
use crate::workflow::Workflow;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The agency's document template a job description follows: "ska_2023", "ska_2024" or
/// "other", as stored (older documents' "ska2023" and "ska2024" are still read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Template {
    /// "1. ÜLDOSA", "1.1 Ametinimetus 1.2 Struktuuriüksus", "2. AMETIKOHA EESMÄRK" …
    #[serde(rename = "ska_2023", alias = "ska2023")]
    Ska2023,
    /// "1. Üldosa", "Struktuuriüksus", "Teenistuskoht", "Teenistuskoha eesmärk" …
    #[serde(rename = "ska_2024", alias = "ska2024")]
    Ska2024,
    /// Another agency's or an unrecognised layout.
    #[serde(rename = "other")]
    Other,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Ska2023 => "ska_2023",
            Template::Ska2024 => "ska_2024",
            Template::Other => "other",
        }
    }

    /// The number of the template's duties section: duties are numbered "{section}.1",
    /// "{section}.2" … under it ("3. TEENISTUSÜLESANDED" in 2023, "2. Peamised
    /// teenistusülesanded" in 2024; other layouts are shown in the 2023 order).
    pub fn duties_section(self) -> u32 {
        match self {
            Template::Ska2024 => 2,
            Template::Ska2023 | Template::Other => 3,
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Template::Ska2023, Template::Ska2024, Template::Other]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// Where a version is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InCoordination,
    Approved,
    Signed,
    InForce,
    Superseded,
    Repealed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::InCoordination,
        Status::Approved,
        Status::Signed,
        Status::InForce,
        Status::Superseded,
        Status::Repealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InCoordination => "in_coordination",
            Status::Approved => "approved",
            Status::Signed => "signed",
            Status::InForce => "in_force",
            Status::Superseded => "superseded",
            Status::Repealed => "repealed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Approved, signed or in force: a valid job description of its position.
    pub fn is_valid_document(self) -> bool {
        matches!(self, Status::Approved | Status::Signed | Status::InForce)
    }
}

/// The general part as written in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GeneralPart {
    /// Position title without the bracketed specialisation.
    pub title: String,
    pub specialisation: Option<String>,
    /// The unit as written ("Arendusosakond, arendustalitus").
    pub unit: String,
    /// "Vahetu juht".
    pub supervisor: Option<String>,
    /// "Alluvad"; empty for "-".
    #[serde(default)]
    pub subordinates: Vec<String>,
    /// Who stands in for this position ("Kes asendab", "Teenistuja asendaja").
    #[serde(default)]
    pub substituted_by: Vec<String>,
    /// Whom this position stands in for ("Keda asendab", "Teenistuja asendab").
    #[serde(default)]
    pub substitutes_for: Vec<String>,
    /// "Ametikoha grupp" when the document states it.
    pub staff_group: Option<StaffGroup>,
}

/// A numbered duty with its expected results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Duty {
    /// As numbered in the document ("3.1", "2.4").
    pub number: String,
    pub text: String,
    pub expected_results: Vec<String>,
}

/// A section that is an optional lead-in ("Teenistujal on õigus:") and a list of items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ListSection {
    pub intro: Option<String>,
    pub items: Vec<String>,
}

impl ListSection {
    pub fn is_empty(&self) -> bool {
        self.intro.is_none() && self.items.is_empty()
    }
}

/// A requirement row the template does not name, kept with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LabelledText {
    pub label: String,
    pub text: String,
}

/// "Ametikohale esitatavad nõuded".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Requirements {
    pub education: Option<String>,
    pub work_experience: Option<String>,
    #[serde(default)]
    pub languages: Vec<LanguageRequirement>,
    /// "Arvutikasutamise oskus".
    pub computer_skills: Option<String>,
    /// "Teadmised ja oskused".
    pub knowledge_and_skills: Option<String>,
    /// "Isikuomadused".
    pub personal_qualities: Option<String>,
    #[serde(default)]
    pub other: Vec<LabelledText>,
}

/// Who signs the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignatureParty {
    /// The director general approving the document.
    Approver,
    /// "Tööandja" in a two-party signature block.
    Employer,
    /// "Töötaja" / the official: the holder's acknowledgement.
    Holder,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Signature {
    pub party: SignatureParty,
    pub name: Option<String>,
    pub title: Option<String>,
    /// "(allkirjastatud digitaalselt)".
    pub signed_digitally: bool,
    pub date: Option<NaiveDate>,
    /// Unfilled template fields standing where the name or title would be.
    #[serde(default)]
    pub placeholders: Vec<String>,
}

/// The approval stamp: "KINNITATUD Sotsiaalkindlustusameti peadirektori 06.03.2023
/// käskkirjaga nr 49 Lisa 2".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Approval {
    /// The directive in the registry, when it is known there.
    pub directive: Option<DirectiveId>,
    pub directive_number: Option<String>,
    pub directive_date: Option<NaiveDate>,
    pub annex: Option<u32>,
    /// Whose directive ("Sotsiaalkindlustusameti peadirektori").
    pub approved_by: Option<String>,
    /// Unfilled template fields ({regDateTime}, {regNumber}) standing for the number and date.
    #[serde(default)]
    pub placeholders: Vec<String>,
}

/// The role card (and its revision) a job description was written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoleCardSource {
    pub role_card: RoleCardId,
    pub revision: u32,
}

/// One immutable version of a position's job description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct JobDescription {
    pub id: JobDescriptionId,
    pub position: PositionId,
    /// 1 for the first version of the position, then 2, 3 …
    pub version: u32,
    pub status: Status,
    pub template: Template,
    pub created_at: Timestamp,
    /// Who saved the version (an account name), or None for imports and reference data.
    pub created_by: Option<String>,
    pub written_from: Option<RoleCardSource>,
    pub general: GeneralPart,
    pub purpose: String,
    pub duties: Vec<Duty>,
    pub rights: ListSection,
    pub responsibilities: ListSection,
    /// "Töövahendid".
    pub work_equipment: Option<String>,
    pub requirements: Requirements,
    pub competencies: Vec<CompetencyRef>,
    /// "Ametijuhendi muutmine".
    pub amendment_rules: Vec<String>,
    /// "Eritingimused".
    pub special_conditions: Option<String>,
    pub signatures: Vec<Signature>,
    pub approval: Option<Approval>,
    pub effective_from: Option<NaiveDate>,
    pub effective_to: Option<NaiveDate>,
    pub source: Option<SourceRef>,
    /// Text of the original document the importer could not place in a field.
    #[serde(default)]
    pub unplaced: Vec<String>,
    /// The roles the position performs ("Milliseid rolle täidab?"), taken from its role card.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleRef>,
    /// Where the version is in its lifecycle beyond its status: coordination sign-offs, consent,
    /// transition history, annual reviews, role card follow-up (see [`crate::workflow`]).
    #[serde(default, skip_serializing_if = "Workflow::is_empty")]
    pub workflow: Workflow,
}

impl JobDescription {
    /// Numbers the duties in order under the template's duties section ("3.1", "3.2" …), as
    /// the rendered document numbers them.
    pub fn number_duties(&mut self) {
        let section = self.template.duties_section();
        for (i, d) in self.duties.iter_mut().enumerate() {
            d.number = format!("{section}.{}", i + 1);
        }
    }

    /// Checks what every version must satisfy; returns (field path, problem) pairs.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.version == 0 {
            out.push(("version".into(), "must be 1 or more".into()));
        }
        if self.general.title.trim().is_empty() {
            out.push((
                "general.title".into(),
                "is empty: give the position title".into(),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, d) in self.duties.iter().enumerate() {
            if d.text.trim().is_empty() {
                out.push((
                    format!("duties[{i}].text"),
                    "is empty: write the duty or remove it".into(),
                ));
            }
            if !d.number.is_empty() && !seen.insert(d.number.clone()) {
                out.push((
                    format!("duties[{i}].number"),
                    format!("'{}' is used twice", d.number),
                ));
            }
            for (j, r) in d.expected_results.iter().enumerate() {
                if r.trim().is_empty() {
                    out.push((
                        format!("duties[{i}].expected_results[{j}]"),
                        "is empty".into(),
                    ));
                }
            }
        }
        if let (Some(f), Some(t)) = (self.effective_from, self.effective_to)
            && f > t
        {
            out.push((
                "effective_to".into(),
                format!("{t} is before effective_from {f}"),
            ));
        }
        out.extend(crate::limits::problems(self));
        out
    }
}
