//! The job description editor's form: its state, read from and written to plain form fields,
//! the editing operations of its submit buttons (`op` = `add-duty`, `remove-duty-2`,
//! `up-duty-2`, `down-duty-2`, `add-result-2`, `remove-result-2-0`, `add-language`,
//! `remove-language-1`, `save`), and validation into a new draft version.
//!
//! Field names: `purpose`, `duty-{i}-text`, `duty-{i}-result-{j}`, `rights`,
//! `responsibilities` (one item per line), `work_equipment`, `education`, `work_experience`,
//! `computer_skills`, `knowledge`, `personal_qualities`, `lang-{i}-code`, `lang-{i}-level`,
//! `lang-{i}-text`, `comp-{id}` (`core`, `additional` or empty), `substitute` (repeated),
//! `subordinates` and `substitutes_for` (one per line), `special_conditions`, `base_version`
//! (the latest version when the editor was opened; 0 for none).

use super::FieldErrors;
use crate::i18n::Arg;
use ametijuhend_domain::limits::{MAX_DUTIES, MAX_RESULTS_PER_DUTY};
use ametijuhend_domain::{
    Cefr, CompetencyId, CompetencyKind, CompetencyRef, Duty, JobDescription, LanguageCode,
    LanguageRequirement, ListSection, PositionId,
};
use std::collections::BTreeMap;

/// Languages offered in the editor (ISO 639-1).
pub const LANGUAGES: [&str; 12] = [
    "et", "en", "ru", "de", "fi", "fr", "sv", "lv", "lt", "uk", "es", "pl",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DutyForm {
    pub text: String,
    pub results: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LangForm {
    pub code: String,
    pub level: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct JdForm {
    pub base_version: u32,
    pub purpose: String,
    pub duties: Vec<DutyForm>,
    pub rights: String,
    pub responsibilities: String,
    pub work_equipment: String,
    pub education: String,
    pub work_experience: String,
    pub computer_skills: String,
    pub knowledge: String,
    pub personal_qualities: String,
    pub languages: Vec<LangForm>,
    /// Competency id → "core" / "additional".
    pub competencies: BTreeMap<String, String>,
    pub substitutes: Vec<String>,
    /// "Alluvad", one per line.
    pub subordinates: String,
    /// "Keda asendab" as the document writes it, one per line.
    pub substitutes_for: String,
    /// "Eritingimused".
    pub special_conditions: String,
}

fn lines(s: &ListSection) -> String {
    s.items.join("\n")
}

impl JdForm {
    /// The form for editing `jd` (the latest version), with the position's substitutes.
    pub fn from_version(jd: Option<&JobDescription>, substitutes: Vec<String>) -> Self {
        let Some(jd) = jd else {
            return Self {
                substitutes,
                ..Self::default()
            };
        };
        let r = &jd.requirements;
        Self {
            base_version: jd.version,
            purpose: jd.purpose.clone(),
            duties: jd
                .duties
                .iter()
                .map(|d| DutyForm {
                    text: d.text.clone(),
                    results: d.expected_results.clone(),
                })
                .collect(),
            rights: lines(&jd.rights),
            responsibilities: lines(&jd.responsibilities),
            work_equipment: jd.work_equipment.clone().unwrap_or_default(),
            education: r.education.clone().unwrap_or_default(),
            work_experience: r.work_experience.clone().unwrap_or_default(),
            computer_skills: r.computer_skills.clone().unwrap_or_default(),
            knowledge: r.knowledge_and_skills.clone().unwrap_or_default(),
            personal_qualities: r.personal_qualities.clone().unwrap_or_default(),
            languages: r
                .languages
                .iter()
                .map(|l| LangForm {
                    code: l
                        .language
                        .as_ref()
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    level: l.level.as_str().to_string(),
                    text: l.text.clone(),
                })
                .collect(),
            competencies: jd
                .competencies
                .iter()
                .map(|c| (c.competency.to_string(), c.kind.as_str().to_string()))
                .collect(),
            substitutes,
            subordinates: jd.general.subordinates.join("\n"),
            substitutes_for: jd.general.substitutes_for.join("\n"),
            special_conditions: jd.special_conditions.clone().unwrap_or_default(),
        }
    }

    /// Reads the submitted fields (unknown fields are ignored; indices may have gaps).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        let mut duties: BTreeMap<usize, (String, BTreeMap<usize, String>)> = BTreeMap::new();
        let mut langs: BTreeMap<usize, LangForm> = BTreeMap::new();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "base_version" => f.base_version = v.trim().parse().unwrap_or(0),
                "purpose" => f.purpose = v,
                "subordinates" => f.subordinates = v,
                "substitutes_for" => f.substitutes_for = v,
                "special_conditions" => f.special_conditions = v,
                "rights" => f.rights = v,
                "responsibilities" => f.responsibilities = v,
                "work_equipment" => f.work_equipment = v,
                "education" => f.education = v,
                "work_experience" => f.work_experience = v,
                "computer_skills" => f.computer_skills = v,
                "knowledge" => f.knowledge = v,
                "personal_qualities" => f.personal_qualities = v,
                "substitute" => {
                    if !v.trim().is_empty() && !f.substitutes.contains(&v) {
                        f.substitutes.push(v);
                    }
                }
                _ => {
                    let parts: Vec<&str> = k.split('-').collect();
                    match parts.as_slice() {
                        ["duty", i, "text"] => {
                            if let Ok(i) = i.parse() {
                                duties.entry(i).or_default().0 = v;
                            }
                        }
                        ["duty", i, "result", j] => {
                            if let (Ok(i), Ok(j)) = (i.parse(), j.parse()) {
                                duties.entry(i).or_default().1.insert(j, v);
                            }
                        }
                        ["lang", i, field] => {
                            if let Ok(i) = i.parse::<usize>() {
                                let l = langs.entry(i).or_default();
                                match *field {
                                    "code" => l.code = v,
                                    "level" => l.level = v,
                                    "text" => l.text = v,
                                    _ => {}
                                }
                            }
                        }
                        _ => {
                            if let Some(id) = k.strip_prefix("comp-")
                                && !v.trim().is_empty()
                            {
                                f.competencies.insert(id.to_string(), v);
                            }
                        }
                    }
                }
            }
        }
        f.duties = duties
            .into_values()
            .map(|(text, results)| DutyForm {
                text,
                results: results.into_values().collect(),
            })
            .collect();
        f.languages = langs.into_values().collect();
        f
    }

    /// Applies an editing operation; returns false for an unknown one.
    pub fn apply_op(&mut self, op: &str) -> bool {
        let parts: Vec<&str> = op.split('-').collect();
        let n = |s: &str| s.parse::<usize>().ok();
        match parts.as_slice() {
            ["add", "duty"] if self.duties.len() < MAX_DUTIES => {
                self.duties.push(DutyForm::default())
            }
            ["add", "language"] => self.languages.push(LangForm {
                code: "et".into(),
                level: "B2".into(),
                text: String::new(),
            }),
            ["remove", "duty", i] => match n(i) {
                Some(i) if i < self.duties.len() => {
                    self.duties.remove(i);
                }
                _ => return false,
            },
            ["up", "duty", i] => match n(i) {
                Some(i) if i > 0 && i < self.duties.len() => self.duties.swap(i - 1, i),
                _ => return false,
            },
            ["down", "duty", i] => match n(i) {
                Some(i) if i + 1 < self.duties.len() => self.duties.swap(i, i + 1),
                _ => return false,
            },
            ["add", "result", i] => match n(i).and_then(|i| self.duties.get_mut(i)) {
                Some(d) if d.results.len() < MAX_RESULTS_PER_DUTY => d.results.push(String::new()),
                _ => return false,
            },
            ["remove", "result", i, j] => match (n(i), n(j)) {
                (Some(i), Some(j)) if self.duties.get(i).is_some_and(|d| j < d.results.len()) => {
                    self.duties[i].results.remove(j);
                }
                _ => return false,
            },
            ["remove", "language", i] => match n(i) {
                Some(i) if i < self.languages.len() => {
                    self.languages.remove(i);
                }
                _ => return false,
            },
            _ => return false,
        }
        true
    }

    /// Checks every field and writes the content into `draft` (a new version made from the
    /// latest one, or a blank first version). Errors go to `errors` next to their fields;
    /// `known_competencies` and `known_positions` are the ids that may be referred to.
    pub fn validate_into(
        &self,
        draft: &mut JobDescription,
        errors: &mut FieldErrors,
        known_competencies: &[CompetencyId],
        known_positions: &[PositionId],
    ) -> Vec<PositionId> {
        draft.purpose = errors.text("purpose", &self.purpose, false);
        // The document's stated limits (more fields than a form offers come from elsewhere).
        if self.duties.len() > MAX_DUTIES {
            errors.add(
                format!("duty-{MAX_DUTIES}-text"),
                "error-too-many",
                &[("max", Arg::from(MAX_DUTIES))],
            );
        }
        for (i, d) in self.duties.iter().enumerate() {
            if d.results.len() > MAX_RESULTS_PER_DUTY {
                errors.add(
                    format!("duty-{i}-result-{MAX_RESULTS_PER_DUTY}"),
                    "error-too-many",
                    &[("max", Arg::from(MAX_RESULTS_PER_DUTY))],
                );
            }
        }
        draft.duties = self
            .duties
            .iter()
            .enumerate()
            .map(|(i, d)| Duty {
                number: String::new(),
                text: errors.text(&format!("duty-{i}-text"), &d.text, true),
                expected_results: d
                    .results
                    .iter()
                    .enumerate()
                    .map(|(j, r)| errors.text(&format!("duty-{i}-result-{j}"), r, true))
                    .collect(),
            })
            .collect();
        // Numbered as the template numbers them, whatever the document was numbered before.
        draft.number_duties();
        let list = |errors: &mut FieldErrors, field: &str, value: &str, old: &ListSection| {
            let text = errors.text(field, value, false);
            ListSection {
                intro: old.intro.clone(),
                items: text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
            }
        };
        draft.rights = list(errors, "rights", &self.rights, &draft.rights.clone());
        draft.responsibilities = list(
            errors,
            "responsibilities",
            &self.responsibilities,
            &draft.responsibilities.clone(),
        );
        let opt = |errors: &mut FieldErrors, field: &str, value: &str| {
            super::non_empty(errors.text(field, value, false))
        };
        draft.work_equipment = opt(errors, "work_equipment", &self.work_equipment);
        draft.special_conditions = opt(errors, "special_conditions", &self.special_conditions);
        let names = |errors: &mut FieldErrors, field: &str, value: &str| -> Vec<String> {
            errors
                .text(field, value, false)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        };
        draft.general.subordinates = names(errors, "subordinates", &self.subordinates);
        draft.general.substitutes_for = names(errors, "substitutes_for", &self.substitutes_for);
        let r = &mut draft.requirements;
        r.education = opt(errors, "education", &self.education);
        r.work_experience = opt(errors, "work_experience", &self.work_experience);
        r.computer_skills = opt(errors, "computer_skills", &self.computer_skills);
        r.knowledge_and_skills = opt(errors, "knowledge", &self.knowledge);
        r.personal_qualities = opt(errors, "personal_qualities", &self.personal_qualities);
        let mut languages = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            // An empty code is a requirement that leaves the language open ("one foreign
            // language, preferably English or Russian").
            let open = l.code.trim().is_empty();
            let code = if LANGUAGES.contains(&l.code.trim()) {
                LanguageCode::parse(&l.code).ok()
            } else {
                None
            };
            if code.is_none() && !open {
                errors.add(format!("lang-{i}-code"), "error-choose", &[]);
            }
            let level = Cefr::parse(&l.level).filter(|_| l.level.trim().len() == 2);
            if level.is_none() {
                errors.add(format!("lang-{i}-level"), "error-cefr", &[]);
            }
            let text = errors.text(&format!("lang-{i}-text"), &l.text, false);
            if let Some(level) = level
                && (open || code.is_some())
            {
                let old = r
                    .languages
                    .iter()
                    .find(|o| o.language == code && o.text == text);
                languages.push(LanguageRequirement {
                    language: code,
                    level,
                    preferred: old.map(|o| o.preferred.clone()).unwrap_or_default(),
                    count: old.and_then(|o| o.count),
                    text,
                });
            }
        }
        r.languages = languages;
        let mut competencies = Vec::new();
        for (id, kind) in &self.competencies {
            let parsed = CompetencyId::parse(id)
                .ok()
                .filter(|c| known_competencies.contains(c));
            let kind = CompetencyKind::parse(kind.trim());
            match (parsed, kind) {
                (Some(c), Some(kind)) => competencies.push(CompetencyRef {
                    competency: c,
                    kind,
                }),
                _ => errors.add(format!("comp-{id}"), "error-choose", &[]),
            }
        }
        // Keep the document's order for competencies it already had; new ones follow.
        competencies.sort_by_key(|c| {
            draft
                .competencies
                .iter()
                .position(|o| o.competency == c.competency)
                .unwrap_or(usize::MAX)
        });
        draft.competencies = competencies;
        let mut substitutes = Vec::new();
        for s in &self.substitutes {
            match PositionId::parse(s)
                .ok()
                .filter(|p| known_positions.contains(p) && p != &draft.position)
            {
                Some(p) => substitutes.push(p),
                None => errors.add("substitutes", "error-choose", &[]),
            }
        }
        substitutes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn fields_are_read_in_index_order_and_ops_edit_them() {
        let mut f = JdForm::from_pairs(&pairs(&[
            ("base_version", "3"),
            ("duty-10-text", "kolmas"),
            ("duty-2-text", "teine"),
            ("duty-0-text", "esimene"),
            ("duty-0-result-1", "r2"),
            ("duty-0-result-0", "r1"),
            ("lang-0-code", "et"),
            ("lang-0-level", "C1"),
            ("comp-abc", "core"),
            ("comp-def", ""),
            ("substitute", "x"),
        ]));
        assert_eq!(f.base_version, 3);
        let texts: Vec<&str> = f.duties.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["esimene", "teine", "kolmas"]);
        assert_eq!(f.duties[0].results, ["r1", "r2"]);
        assert_eq!(f.competencies.len(), 1);
        assert!(f.apply_op("down-duty-0"));
        assert_eq!(f.duties[1].text, "esimene");
        assert!(f.apply_op("up-duty-1"));
        assert_eq!(f.duties[0].text, "esimene");
        assert!(f.apply_op("remove-result-0-0"));
        assert_eq!(f.duties[0].results, ["r2"]);
        assert!(f.apply_op("add-duty"));
        assert_eq!(f.duties.len(), 4);
        assert!(f.apply_op("remove-duty-3"));
        assert!(!f.apply_op("remove-duty-9"));
        assert!(!f.apply_op("up-duty-0"));
        assert!(f.apply_op("add-language"));
        assert_eq!(f.languages.len(), 2);
    }
}
