//! The role card catalogue (rollikaardid) of the service-based management model and its role
//! glossary ("Rollide seletav sõnaraamat"). A job description is written from a role card.

use crate::ids::{RoleCardId, RoleGlossaryId};
use crate::job_description::Approval;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One role of the glossary, e.g. "Võimestaja" with its definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoleGlossaryEntry {
    pub id: RoleGlossaryId,
    /// Position in the glossary (1-based), to print it in its own order.
    pub ordinal: u32,
    /// The role's name ("Valdkonna kõneisik").
    pub term: String,
    /// Other names given for it ("eestkõneleja" in "Valdkonna kõneisik ehk eestkõneleja").
    #[serde(default)]
    pub synonyms: Vec<String>,
    pub definition: String,
}

/// A role a card performs, as written, linked to its glossary entry where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoleRef {
    pub text: String,
    pub glossary_entry: Option<RoleGlossaryId>,
}

/// A job family with the range of levels a card allows ("Poliitika rakendamine 4 või 5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct JobFamilyRange {
    pub family: String,
    pub min_level: Option<String>,
    pub max_level: Option<String>,
    /// "erandjuhul …": allowed only by exception.
    #[serde(default)]
    pub exceptional: bool,
}

impl JobFamilyRange {
    /// True when `level` lies within the range (a family without levels accepts any level).
    pub fn contains_level(&self, level: &str) -> bool {
        let Some(l) = level_key(level) else {
            return false;
        };
        let lo = self.min_level.as_deref().and_then(level_key);
        let hi = self.max_level.as_deref().and_then(level_key);
        lo.is_none_or(|lo| lo <= l) && hi.is_none_or(|hi| l <= hi)
    }

    /// True when `family` names this range's family (case-insensitive).
    pub fn is_family(&self, family: &str) -> bool {
        self.family.to_lowercase() == family.trim().to_lowercase()
    }
}

/// Job evaluation points range ("väärtuspunktid 250 – 350").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PointsRange {
    pub min: u32,
    pub max: u32,
}

/// A level such as "4" or "6A" as a sortable key: 4 < 4A < 4B < 5.
pub fn level_key(level: &str) -> Option<(u32, char)> {
    let t = level.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest: String = t.chars().skip(digits.len()).collect();
    let n = digits.parse().ok()?;
    match rest.len() {
        0 => Some((n, ' ')),
        1 => {
            let c = rest.chars().next()?.to_ascii_uppercase();
            c.is_ascii_alphabetic().then_some((n, c))
        }
        _ => None,
    }
}

/// Compares two levels ("4B" < "5"); unparseable levels sort last.
pub fn compare_levels(a: &str, b: &str) -> Ordering {
    match (level_key(a), level_key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoleCard {
    pub id: RoleCardId,
    /// The catalogue the card belongs to ("2024").
    pub catalogue: String,
    /// Revision of the card; a job description remembers the revision it was written from.
    pub revision: u32,
    /// Position in the catalogue (1-based).
    pub ordinal: u32,
    /// The card's heading as written ("OSAKONNA JUHATAJA").
    pub title: String,
    /// A remark beside the heading ("IT vaates äriteenuse omanik").
    pub note: Option<String>,
    /// "Miks on ametikoha vaja?"
    pub why_needed: String,
    /// "Milliseid rolle täidab?" as written.
    pub roles_text: String,
    /// The same, split into roles and linked to the glossary.
    pub roles: Vec<RoleRef>,
    /// "Töö eesmärk ja seos riiklike suundadega".
    pub purpose: String,
    /// "Ametikoha kasu riigi/KOV/SKA/kliendi vaates".
    pub benefit: String,
    /// "Otsesed sihtgrupid", one entry per group.
    pub target_groups: Vec<String>,
    /// "Vajalikud kompetentsid": what the work requires.
    pub required_competences: String,
    /// The remark that follows the competences (the job-family classification note).
    pub competence_note: Option<String>,
    /// "Tööpere 2024" as written.
    pub job_family_text: String,
    /// A remark under the job family ("Sõltuvalt osakonna suurusest …").
    pub job_family_note: Option<String>,
    /// The job family text parsed into families and level ranges.
    pub job_families: Vec<JobFamilyRange>,
    pub evaluation_points: Option<PointsRange>,
    /// The approval stamp of the catalogue ("KINNITATUD {regDateTime} käskkirjaga nr {regNumber}").
    pub approval: Option<Approval>,
}

impl RoleCard {
    /// The heading in sentence case for lists ("Osakonna juhataja").
    pub fn display_title(&self) -> String {
        let lower = self.title.to_lowercase();
        let mut chars = lower.chars();
        match chars.next() {
            Some('(') => {
                // "(VEEBI)HALDUR" → "(Veebi)haldur"
                let mut s = String::from("(");
                let mut rest = chars;
                if let Some(c) = rest.next() {
                    s.extend(c.to_uppercase());
                }
                s.extend(rest);
                s
            }
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// True when the card allows `level` of `family`.
    pub fn allows(&self, family: &str, level: &str) -> bool {
        self.job_families
            .iter()
            .any(|r| r.is_family(family) && r.contains_level(level))
    }
}

/// Parses a job-family text of the catalogue into families with level ranges and the job
/// evaluation points, e.g. "Poliitika rakendamine 5, 6 või 7", "Valdkondlik tööpere, tase 2
/// kuni 4", "IT-testimine 3 või IT-konsultandid 2", "…, väärtuspunktid 250 – 350, ekspertiis 3 ja
/// 4, erandjuhul poliitika rakendamine 3 kuni 6A".
pub fn parse_job_families(text: &str) -> (Vec<JobFamilyRange>, Option<PointsRange>) {
    let mut ranges: Vec<JobFamilyRange> = Vec::new();
    let mut points = None;
    let is_level = |w: &str| level_key(w).is_some_and(|(n, _)| n < 100);
    let is_connector =
        |w: &str| matches!(w, "või" | "ja" | "kuni" | "-" | "–" | "tase" | "tasemel");

    // Top-level commas separate parts; commas inside brackets do not.
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);

    struct Open {
        words: Vec<String>,
        levels: Vec<String>,
        exceptional: bool,
    }
    fn close(open: &mut Option<Open>, ranges: &mut Vec<JobFamilyRange>) {
        if let Some(o) = open.take() {
            let family = o.words.join(" ");
            if family.is_empty() {
                return;
            }
            let mut levels = o.levels;
            levels.sort_by(|a, b| compare_levels(a, b));
            ranges.push(JobFamilyRange {
                family,
                min_level: levels.first().cloned(),
                max_level: levels.last().cloned(),
                exceptional: o.exceptional,
            });
        }
    }

    let mut open: Option<Open> = None;
    for part in parts {
        let lower = part.to_lowercase();
        if lower.contains("väärtuspunkt") {
            let nums: Vec<u32> = part
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .filter(|n| *n >= 10)
                .collect();
            if nums.len() >= 2 {
                points = Some(PointsRange {
                    min: nums[0],
                    max: nums[1],
                });
            }
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        // A part that starts with a level or "tase" continues the family before it ("5, 6 või
        // 7", "Valdkondlik tööpere, tase 2"); any other part starts a new family.
        let continues = words
            .first()
            .is_some_and(|w| is_level(w.trim_end_matches('.')) || w.starts_with("tase"));
        if !continues {
            close(&mut open, &mut ranges);
        }
        let mut i = 0;
        while i < words.len() {
            let w = words[i].trim_end_matches('.');
            if is_level(w) {
                let o = open.get_or_insert(Open {
                    words: vec![],
                    levels: vec![],
                    exceptional: false,
                });
                o.levels.push(w.to_uppercase());
            } else if is_connector(w)
                && open
                    .as_ref()
                    .is_some_and(|o| !o.levels.is_empty() || w.starts_with("tase"))
            {
                // Connector between levels ("5, 6 või 7", "2 kuni 4", "tase 2").
            } else {
                let new_family = open.as_ref().is_none_or(|o| !o.levels.is_empty());
                if new_family {
                    close(&mut open, &mut ranges);
                    open = Some(Open {
                        words: vec![],
                        levels: vec![],
                        exceptional: false,
                    });
                }
                let o = open.as_mut().expect("opened above");
                if o.words.is_empty() && w.eq_ignore_ascii_case("erandjuhul") {
                    o.exceptional = true;
                } else if !(o.words.is_empty() && w == "või") {
                    o.words.push(w.to_string());
                }
            }
            i += 1;
        }
    }
    close(&mut open, &mut ranges);
    (ranges, points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(f: &str, lo: &str, hi: &str) -> JobFamilyRange {
        JobFamilyRange {
            family: f.into(),
            min_level: Some(lo.into()),
            max_level: Some(hi.into()),
            exceptional: false,
        }
    }

    #[test]
    fn levels_sort_with_letters() {
        assert_eq!(compare_levels("4", "4B"), Ordering::Less);
        assert_eq!(compare_levels("4B", "5"), Ordering::Less);
        assert_eq!(compare_levels("6A", "6"), Ordering::Greater);
        assert_eq!(level_key("x"), None);
    }

    #[test]
    fn parses_the_catalogue_job_families() {
        assert_eq!(
            parse_job_families("Poliitika rakendamine 5, 6 või 7").0,
            vec![r("Poliitika rakendamine", "5", "7")]
        );
        assert_eq!(
            parse_job_families("Poliitika rakendamine 4B").0,
            vec![r("Poliitika rakendamine", "4B", "4B")]
        );
        assert_eq!(
            parse_job_families("Valdkondlik tööpere, tase 2, 3 või 4").0,
            vec![r("Valdkondlik tööpere", "2", "4")]
        );
        assert_eq!(
            parse_job_families("Valdkondlik tööpere, tase 2 kuni 4").0,
            vec![r("Valdkondlik tööpere", "2", "4")]
        );
        assert_eq!(
            parse_job_families("IT-testimine 3 või IT-konsultandid 2").0,
            vec![r("IT-testimine", "3", "3"), r("IT-konsultandid", "2", "2")]
        );
        let (ranges, points) = parse_job_families(
            "Valdkondliku teadmisega ja juhtimistasandiga tööpered (üksuse juht), väärtuspunktid 250 – 350, ekspertiis 3 ja 4, erandjuhul poliitika rakendamine 3 kuni 6A, ekspertarstid meditsiin 4",
        );
        assert_eq!(points, Some(PointsRange { min: 250, max: 350 }));
        assert_eq!(ranges.len(), 4);
        assert_eq!(
            ranges[0].family,
            "Valdkondliku teadmisega ja juhtimistasandiga tööpered (üksuse juht)"
        );
        assert_eq!(ranges[0].min_level, None);
        assert_eq!(ranges[1], r("ekspertiis", "3", "4"));
        assert!(ranges[2].exceptional);
        assert_eq!(
            (
                ranges[2].min_level.as_deref(),
                ranges[2].max_level.as_deref()
            ),
            (Some("3"), Some("6A"))
        );
        assert_eq!(ranges[3], r("ekspertarstid meditsiin", "4", "4"));
    }

    #[test]
    fn ranges_contain_levels() {
        let range = r("Poliitika rakendamine", "3", "6A");
        assert!(range.contains_level("4B"));
        assert!(range.contains_level("6A"));
        assert!(!range.contains_level("6B"));
        assert!(!range.contains_level("2"));
        assert!(range.is_family("poliitika rakendamine"));
    }
}
