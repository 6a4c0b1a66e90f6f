//! A job description version prepared for display, in the agency's section order: general part,
//! purpose, duties with expected results, rights, responsibilities, work equipment,
//! requirements, competencies, amendment rules, special conditions, approval. Section headings
//! are interface text; the content stays as written.

use super::{date, instant};
use crate::i18n::{Lang, translate};
use ametijuhend_domain::{Competency, CompetencyKind, JobDescription};

pub struct DutyView {
    pub number: String,
    pub text: String,
    pub results: Vec<String>,
}

pub struct CompetencyView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub indicators: Vec<String>,
}

/// One signature block of a document.
pub struct SignatureView {
    /// The signatory's name ("" when the reader may not see holders' names).
    pub name: String,
    /// Title, unfilled template fields, "signed digitally", the date.
    pub rest: String,
}

pub struct JdView {
    /// The version's id (downloads link to it).
    pub id: String,
    pub version: u32,
    pub status: String,
    pub created: String,
    pub created_by: String,
    pub effective_from: String,
    pub title: String,
    pub unit: String,
    pub supervisor: String,
    pub subordinates: Vec<String>,
    pub substituted_by: Vec<String>,
    pub substitutes_for: Vec<String>,
    pub purpose: String,
    pub duties: Vec<DutyView>,
    pub rights_intro: String,
    pub rights: Vec<String>,
    pub responsibilities_intro: String,
    pub responsibilities: Vec<String>,
    pub work_equipment: String,
    /// (label, text, anchor) rows of the requirements; the anchor is the row's id on the page
    /// (search links to it).
    pub requirements: Vec<(String, String, String)>,
    pub languages: Vec<String>,
    pub competencies: Vec<CompetencyView>,
    pub amendment_rules: Vec<String>,
    pub special_conditions: String,
    /// Each signature block: who signs (name, title), and whether and when it was signed.
    pub signatures: Vec<SignatureView>,
    /// Text of the original document the import could not place in a field.
    pub unplaced: Vec<String>,
    pub approval: String,
}

impl JdView {
    /// Leaves out the names of people in the document's signature blocks (for a reader who
    /// may not see who holds the position: `Permission::SeeHolder`).
    pub fn without_names(mut self) -> Self {
        for s in &mut self.signatures {
            s.name.clear();
        }
        self.signatures.retain(|s| !s.rest.is_empty());
        self
    }
}

pub fn status_name(lang: Lang, status: ametijuhend_domain::Status) -> String {
    translate(
        lang,
        &format!("status-{}", status.as_str().replace('_', "-")),
        &[],
    )
}

impl JdView {
    /// `library`: the competency library (names and indicators of the references).
    pub fn new(lang: Lang, jd: &JobDescription, library: &[Competency]) -> Self {
        let g = &jd.general;
        let r = &jd.requirements;
        let mut requirements = Vec::new();
        let mut row = |key: &str, anchor: &str, v: &Option<String>| {
            if let Some(v) = v.as_ref().filter(|v| !v.trim().is_empty()) {
                requirements.push((translate(lang, key, &[]), v.clone(), anchor.to_string()));
            }
        };
        row("req-education", "requirements-education", &r.education);
        row(
            "req-work-experience",
            "requirements-work-experience",
            &r.work_experience,
        );
        row(
            "req-computer-skills",
            "requirements-computer-skills",
            &r.computer_skills,
        );
        row(
            "req-knowledge",
            "requirements-knowledge-and-skills",
            &r.knowledge_and_skills,
        );
        row(
            "req-personal-qualities",
            "requirements-personal-qualities",
            &r.personal_qualities,
        );
        for (i, o) in r.other.iter().enumerate() {
            requirements.push((
                o.label.clone(),
                o.text.clone(),
                format!("requirements-other-{i}"),
            ));
        }
        let competencies = jd
            .competencies
            .iter()
            .map(|c| {
                let found = library.iter().find(|x| x.id == c.competency);
                CompetencyView {
                    id: c.competency.to_string(),
                    name: found
                        .map(|f| f.name.clone())
                        .unwrap_or_else(|| c.competency.to_string()),
                    kind: translate(
                        lang,
                        match c.kind {
                            CompetencyKind::Core => "competency-core",
                            CompetencyKind::Additional => "competency-additional",
                        },
                        &[],
                    ),
                    indicators: found.map(|f| f.indicators.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let approval = jd
            .approval
            .as_ref()
            .map(|a| {
                let mut parts = Vec::new();
                if let Some(by) = &a.approved_by {
                    parts.push(by.clone());
                }
                if let Some(d) = a.directive_date {
                    parts.push(date(d));
                }
                if let Some(n) = &a.directive_number {
                    parts.push(format!("nr {n}"));
                }
                if let Some(x) = a.annex {
                    parts.push(format!("lisa {x}"));
                }
                parts.join(", ")
            })
            .unwrap_or_default();
        Self {
            id: jd.id.to_string(),
            version: jd.version,
            status: status_name(lang, jd.status),
            created: instant(jd.created_at),
            created_by: jd.created_by.clone().unwrap_or_else(|| "–".into()),
            effective_from: jd.effective_from.map(date).unwrap_or_else(|| "–".into()),
            title: ametijuhend_domain::text::full_title(&g.title, g.specialisation.as_deref()),
            unit: g.unit.clone(),
            supervisor: g.supervisor.clone().unwrap_or_default(),
            subordinates: g.subordinates.clone(),
            substituted_by: g.substituted_by.clone(),
            substitutes_for: g.substitutes_for.clone(),
            purpose: jd.purpose.clone(),
            duties: jd
                .duties
                .iter()
                .enumerate()
                // Numbered under the template's duties section, as the documents number them.
                .map(|(i, d)| DutyView {
                    number: format!("{}.{}", jd.template.duties_section(), i + 1),
                    text: d.text.clone(),
                    results: d.expected_results.clone(),
                })
                .collect(),
            rights_intro: jd.rights.intro.clone().unwrap_or_default(),
            rights: jd.rights.items.clone(),
            responsibilities_intro: jd.responsibilities.intro.clone().unwrap_or_default(),
            responsibilities: jd.responsibilities.items.clone(),
            work_equipment: jd.work_equipment.clone().unwrap_or_default(),
            requirements,
            languages: r
                .languages
                .iter()
                .map(|l| {
                    if l.text.trim().is_empty() {
                        let code = l
                            .language
                            .as_ref()
                            .map(|c| c.to_string())
                            .unwrap_or_default();
                        format!("{code} {}", l.level)
                    } else {
                        l.text.clone()
                    }
                })
                .collect(),
            competencies,
            amendment_rules: jd.amendment_rules.clone(),
            special_conditions: jd.special_conditions.clone().unwrap_or_default(),
            signatures: jd
                .signatures
                .iter()
                .map(|s| {
                    let mut rest: Vec<String> = s
                        .title
                        .iter()
                        .chain(s.placeholders.iter())
                        .cloned()
                        .collect();
                    if s.signed_digitally {
                        rest.push(translate(lang, "jd-signed-digitally", &[]));
                    }
                    if let Some(d) = s.date {
                        rest.push(super::date(d));
                    }
                    SignatureView {
                        name: s.name.clone().unwrap_or_default(),
                        rest: rest.join(", "),
                    }
                })
                .filter(|s| !s.name.is_empty() || !s.rest.is_empty())
                .collect(),
            unplaced: jd.unplaced.clone(),
            approval,
        }
    }
}
