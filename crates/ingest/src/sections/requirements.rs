//! The requirements section ("Ametikohale esitatavad nõuded", "Teenistuskoha täitjale
//! esitatavad nõuded"): labelled blocks, the label alone on its line (2023) or followed by the
//! value (2024). Education, work experience, languages (typed, see [`super::languages`]),
//! computer skills, knowledge and skills, personal qualities, and the competencies.

use super::{competencies, languages};
use crate::lines::{Line, join_lines, join_wrapped};
use crate::record::{CompetencyRecord, Unplaced, Warning};
use ametijuhend_domain::job_description::{LabelledText, Requirements};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Education,
    WorkExperience,
    Languages,
    ComputerSkills,
    KnowledgeAndSkills,
    PersonalQualities,
    CoreCompetencies,
    AdditionalCompetencies,
}

impl Label {
    pub fn path(self) -> &'static str {
        match self {
            Label::Education => "requirements.education",
            Label::WorkExperience => "requirements.work_experience",
            Label::Languages => "requirements.languages",
            Label::ComputerSkills => "requirements.computer_skills",
            Label::KnowledgeAndSkills => "requirements.knowledge_and_skills",
            Label::PersonalQualities => "requirements.personal_qualities",
            Label::CoreCompetencies | Label::AdditionalCompetencies => "competencies",
        }
    }
}

const LABELS: &[(&str, Label)] = &[
    ("haridus", Label::Education),
    ("hariduse nõue", Label::Education),
    ("nõutav haridus", Label::Education),
    ("töökogemus", Label::WorkExperience),
    ("erialane töökogemus", Label::WorkExperience),
    ("varasem töökogemus", Label::WorkExperience),
    ("keeleoskus", Label::Languages),
    ("keelteoskus", Label::Languages),
    ("keelte oskus", Label::Languages),
    ("arvutikasutamise oskus", Label::ComputerSkills),
    ("arvutioskus", Label::ComputerSkills),
    ("digioskused", Label::ComputerSkills),
    ("teadmised ja oskused", Label::KnowledgeAndSkills),
    ("erialased teadmised ja oskused", Label::KnowledgeAndSkills),
    ("isikuomadused", Label::PersonalQualities),
    ("isiksuseomadused", Label::PersonalQualities),
    ("tööks vajalikud kompetentsid", Label::CoreCompetencies),
    (
        "teenistuseks vajalikud kompetentsid",
        Label::CoreCompetencies,
    ),
    ("kompetentsid", Label::CoreCompetencies),
    ("põhikompetentsid", Label::CoreCompetencies),
    (
        "täiendavad kompetentsid, isikuomadused ja teadmised",
        Label::AdditionalCompetencies,
    ),
    ("täiendavad kompetentsid", Label::AdditionalCompetencies),
];

/// A requirement label at the start of a line, with the rest of the line.
pub fn label_at(l: &Line) -> Option<(Label, String)> {
    if l.bullet || !l.text.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = l.text.to_lowercase();
    if lower.len() != l.text.len() {
        return None;
    }
    let (len, label) = LABELS
        .iter()
        .filter(|(lab, _)| {
            lower.starts_with(lab) && {
                let after = &lower[lab.len()..];
                after.is_empty() || after.starts_with([' ', ':'])
            }
        })
        .map(|(lab, label)| (lab.len(), *label))
        .max_by_key(|(len, _)| *len)?;
    let rest = l.text[len..].trim_start();
    Some((
        label,
        rest.strip_prefix(':').unwrap_or(rest).trim().to_string(),
    ))
}

#[derive(Debug, Default)]
pub struct RequirementsOut {
    pub requirements: Requirements,
    pub competencies: Vec<CompetencyRecord>,
    pub found: Vec<&'static str>,
    pub unplaced: Vec<Unplaced>,
    pub warnings: Vec<Warning>,
}

/// Reads the requirements section. Wrapped lines are joined first (see
/// [`crate::lines::join_wrapped`]), so that a label cut by a wrap ("Täiendavad kompetentsid,
/// isikuomadused ja" / "teadmised") is still a label and the rest of a wrapped line is never
/// taken for one.
pub fn parse(lines: &[Line]) -> RequirementsOut {
    let lines = &join_wrapped(lines)[..];
    let mut out = RequirementsOut::default();
    let starts: Vec<(usize, Label, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| label_at(l).map(|(lab, rest)| (i, lab, rest)))
        .collect();
    let first = starts.first().map_or(lines.len(), |s| s.0);
    for l in lines[..first].iter().filter(|l| !l.is_blank()) {
        out.unplaced.push(Unplaced {
            line: l.no,
            text: l.text.clone(),
        });
    }
    for (k, (i, label, rest)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        let mut block: Vec<Line> = Vec::new();
        if !rest.is_empty() {
            let mut first_line = lines[*i].clone();
            first_line.text = rest.clone();
            first_line.cells = vec![rest.clone()];
            block.push(first_line);
        }
        block.extend(lines[i + 1..end].iter().cloned());
        let text = join_lines(&block);
        if text.is_empty() {
            out.warnings.push(Warning::new(
                Some(lines[*i].no),
                Some(label.path()),
                "label without a value",
            ));
            continue;
        }
        out.found.push(label.path());
        let r = &mut out.requirements;
        match label {
            Label::Education => r.education = Some(text),
            Label::WorkExperience => r.work_experience = Some(text),
            Label::ComputerSkills => r.computer_skills = Some(text),
            Label::KnowledgeAndSkills => r.knowledge_and_skills = Some(text),
            Label::PersonalQualities => r.personal_qualities = Some(text),
            Label::Languages => {
                let (reqs, rest) = languages::parse(&languages::paragraph(&block));
                r.languages.extend(reqs);
                for s in rest {
                    out.warnings.push(Warning::new(
                        Some(lines[*i].no),
                        Some("requirements.languages"),
                        format!("'{s}' names no language with a CEFR level (A1–C2): kept in requirements.other"),
                    ));
                    r.other.push(LabelledText {
                        label: "Keeleoskus".into(),
                        text: s,
                    });
                }
            }
            Label::CoreCompetencies => {
                let (c, leftover) = competencies::parse_core(&block);
                for l in leftover {
                    out.unplaced.push(Unplaced {
                        line: l.no,
                        text: l.text.clone(),
                    });
                }
                out.competencies.extend(c);
            }
            Label::AdditionalCompetencies => out
                .competencies
                .extend(competencies::parse_additional(&block)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn inline_and_own_line_labels() {
        let text = "Haridus\n\nKõrgharidus\n\nKeeleoskus Eesti keele oskus vähemalt tasemel C1.\n\nIsikuomadused Hoolivus, asjatundlikkus\n";
        let out = parse(&normalise(text));
        assert_eq!(out.requirements.education.as_deref(), Some("Kõrgharidus"));
        assert_eq!(out.requirements.languages.len(), 1);
        assert_eq!(
            out.requirements.personal_qualities.as_deref(),
            Some("Hoolivus, asjatundlikkus")
        );
    }
}
