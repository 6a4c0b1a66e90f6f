//! Comparing two job descriptions: two versions of a position, or two positions.
//!
//! [`compare`] goes section by section (general part, purpose, roles, each duty and its
//! expected results, rights, responsibilities, work equipment, each requirement, competencies,
//! amendment rules, special conditions) and gives each section word-level spans (equal, inserted,
//! deleted) that the web layer renders side by side. Duties are matched by content, not by
//! number, so that inserting 3.5 does not show every later duty as changed: see
//! [`match_duties`]. [`unified_diff`] renders both versions as text, one field per line, and
//! gives a unified diff for the command line.
//!
//! [`similarity`] is the measure the consent rule also uses: word-level similarity after
//! normalising case, punctuation and white space.

use crate::ids::CompetencyId;
use crate::job_description::{Duty, JobDescription, ListSection};
use crate::position::StaffGroup;
use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};
use std::time::Duration;

/// Longest time one diff may take before it settles for a coarser (still correct) result.
const DIFF_TIMEOUT: Duration = Duration::from_secs(2);
/// Similarity compares at most this many words of each text (keeps it fast on any input).
const MAX_SIMILARITY_WORDS: usize = 5000;

/// The words of a text for comparison: lower case, split at anything not a letter or digit.
pub fn normalized_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Word-level similarity of two texts, 0.0 (nothing in common) to 1.0 (the same words in the
/// same order), after [`normalized_words`]: 2 × matching words / (words of a + words of b).
/// Two empty texts are the same.
pub fn similarity(a: &str, b: &str) -> f64 {
    let mut wa = normalized_words(a);
    let mut wb = normalized_words(b);
    wa.truncate(MAX_SIMILARITY_WORDS);
    wb.truncate(MAX_SIMILARITY_WORDS);
    if wa.is_empty() && wb.is_empty() {
        return 1.0;
    }
    let ops = similar::capture_diff_slices(Algorithm::Myers, &wa, &wb);
    f64::from(similar::get_diff_ratio(&ops, wa.len(), wb.len()))
}

/// [`similarity`] as a whole percentage (rounded down), for thresholds and records.
pub fn similarity_percent(a: &str, b: &str) -> u32 {
    // Clamped to 0..=100, so the cast is exact.
    (similarity(a, b) * 100.0).clamp(0.0, 100.0).floor() as u32
}

/// True when two texts have the same words (case, punctuation and white space aside).
pub fn same_words(a: &str, b: &str) -> bool {
    normalized_words(a) == normalized_words(b)
}

/// A pairing of old and new duties: indexes into the two lists, and the text similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DutyMatch {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// Similarity of the duty texts in percent (0 when one side is missing).
    pub similarity_percent: u32,
}

fn number_key(n: &str) -> &str {
    n.trim().trim_end_matches('.')
}

/// Pairs the duties of two versions. Duties whose texts are at least `min_percent` similar are
/// paired, the most similar first (a shared number breaks ties); duties left over that carry the
/// same number are paired too (a duty rewritten in place). The rest are removed (old only) or
/// added (new only). The result follows the new order, with removed duties where they stood.
pub fn match_duties(old: &[Duty], new: &[Duty], min_percent: u32) -> Vec<DutyMatch> {
    let mut candidates = Vec::new();
    for (i, o) in old.iter().enumerate() {
        for (j, n) in new.iter().enumerate() {
            let p = similarity_percent(&o.text, &n.text);
            if p >= min_percent {
                let same_number = number_key(&o.number) == number_key(&n.number);
                candidates.push((p, same_number, i.abs_diff(j), i, j));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    let mut old_to_new: Vec<Option<(usize, u32)>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    for (p, _, _, i, j) in candidates {
        if old_to_new[i].is_none() && !new_taken[j] {
            old_to_new[i] = Some((j, p));
            new_taken[j] = true;
        }
    }
    for (i, o) in old.iter().enumerate() {
        if old_to_new[i].is_some() || number_key(&o.number).is_empty() {
            continue;
        }
        if let Some(j) = (0..new.len())
            .find(|&j| !new_taken[j] && number_key(&new[j].number) == number_key(&o.number))
        {
            old_to_new[i] = Some((j, similarity_percent(&o.text, &new[j].text)));
            new_taken[j] = true;
        }
    }
    let mut new_to_old: Vec<Option<(usize, u32)>> = vec![None; new.len()];
    for (i, m) in old_to_new.iter().enumerate() {
        if let Some((j, p)) = m {
            new_to_old[*j] = Some((i, *p));
        }
    }
    // Walk the new order; before a new duty paired with old duty i, emit the unpaired old
    // duties that stood before i.
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let mut next_old = 0;
    let emit_removed_until = |until: usize, next_old: &mut usize, out: &mut Vec<DutyMatch>| {
        while *next_old < until {
            if old_to_new[*next_old].is_none() {
                out.push(DutyMatch {
                    old: Some(*next_old),
                    new: None,
                    similarity_percent: 0,
                });
            }
            *next_old += 1;
        }
    };
    for (j, m) in new_to_old.iter().enumerate() {
        match m {
            Some((i, p)) => {
                emit_removed_until(*i, &mut next_old, &mut out);
                next_old = next_old.max(i + 1);
                out.push(DutyMatch {
                    old: Some(*i),
                    new: Some(j),
                    similarity_percent: *p,
                });
            }
            None => out.push(DutyMatch {
                old: None,
                new: Some(j),
                similarity_percent: 0,
            }),
        }
    }
    emit_removed_until(old.len(), &mut next_old, &mut out);
    out
}

/// Whether a span of text is in both versions, only in the new one, or only in the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Equal,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

/// A word-level diff of two texts as spans in reading order. The old text is the equal and
/// deleted spans, the new text the equal and inserted ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WordDiff {
    pub spans: Vec<Span>,
}

impl WordDiff {
    pub fn new(old: &str, new: &str) -> Self {
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .timeout(DIFF_TIMEOUT)
            .diff_words(old, new);
        let mut spans: Vec<Span> = Vec::new();
        for change in diff.iter_all_changes() {
            let kind = match change.tag() {
                ChangeTag::Equal => SpanKind::Equal,
                ChangeTag::Insert => SpanKind::Inserted,
                ChangeTag::Delete => SpanKind::Deleted,
            };
            match spans.last_mut() {
                Some(last) if last.kind == kind => last.text.push_str(change.value()),
                _ => spans.push(Span {
                    kind,
                    text: change.value().to_string(),
                }),
            }
        }
        Self { spans }
    }

    pub fn is_unchanged(&self) -> bool {
        self.spans.iter().all(|s| s.kind == SpanKind::Equal)
    }

    /// The spans of the old text (equal and deleted), for the left column.
    pub fn old_side(&self) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(|s| s.kind != SpanKind::Inserted)
    }

    /// The spans of the new text (equal and inserted), for the right column.
    pub fn new_side(&self) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(|s| s.kind != SpanKind::Deleted)
    }
}

/// The sections of a job description, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Title,
    Unit,
    Supervisor,
    Subordinates,
    SubstitutedBy,
    SubstitutesFor,
    StaffGroup,
    Purpose,
    Roles,
    Duty,
    ExpectedResults,
    Rights,
    Responsibilities,
    WorkEquipment,
    Education,
    WorkExperience,
    Languages,
    ComputerSkills,
    KnowledgeAndSkills,
    PersonalQualities,
    OtherRequirement,
    Competencies,
    AmendmentRules,
    SpecialConditions,
}

impl Section {
    /// A stable code (the UI translates it).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Unit => "unit",
            Section::Supervisor => "supervisor",
            Section::Subordinates => "subordinates",
            Section::SubstitutedBy => "substituted_by",
            Section::SubstitutesFor => "substitutes_for",
            Section::StaffGroup => "staff_group",
            Section::Purpose => "purpose",
            Section::Roles => "roles",
            Section::Duty => "duty",
            Section::ExpectedResults => "expected_results",
            Section::Rights => "rights",
            Section::Responsibilities => "responsibilities",
            Section::WorkEquipment => "work_equipment",
            Section::Education => "education",
            Section::WorkExperience => "work_experience",
            Section::Languages => "languages",
            Section::ComputerSkills => "computer_skills",
            Section::KnowledgeAndSkills => "knowledge_and_skills",
            Section::PersonalQualities => "personal_qualities",
            Section::OtherRequirement => "other_requirement",
            Section::Competencies => "competencies",
            Section::AmendmentRules => "amendment_rules",
            Section::SpecialConditions => "special_conditions",
        }
    }

    /// The heading used in the text rendering (Estonian, as in the documents).
    pub fn heading_et(self) -> &'static str {
        match self {
            Section::Title => "Ametinimetus",
            Section::Unit => "Struktuuriüksus",
            Section::Supervisor => "Vahetu juht",
            Section::Subordinates => "Alluvad",
            Section::SubstitutedBy => "Kes asendab",
            Section::SubstitutesFor => "Keda asendab",
            Section::StaffGroup => "Ametikoha grupp",
            Section::Purpose => "Ametikoha eesmärk",
            Section::Roles => "Rollid",
            Section::Duty => "Ülesanne",
            Section::ExpectedResults => "Oodatavad tulemused",
            Section::Rights => "Õigused",
            Section::Responsibilities => "Vastutus",
            Section::WorkEquipment => "Töövahendid",
            Section::Education => "Haridus",
            Section::WorkExperience => "Töökogemus",
            Section::Languages => "Keeleoskus",
            Section::ComputerSkills => "Arvutikasutamise oskus",
            Section::KnowledgeAndSkills => "Teadmised ja oskused",
            Section::PersonalQualities => "Isikuomadused",
            Section::OtherRequirement => "Muu nõue",
            Section::Competencies => "Kompetentsid",
            Section::AmendmentRules => "Ametijuhendi muutmine",
            Section::SpecialConditions => "Eritingimused",
        }
    }
}

/// How a section differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// One section of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionDiff {
    pub section: Section,
    /// For duties and their results: the numbers on each side; for other requirements, the
    /// label; otherwise None.
    pub old_key: Option<String>,
    pub new_key: Option<String>,
    pub old: String,
    pub new: String,
    pub change: Change,
    /// Word similarity of old and new in percent.
    pub similarity_percent: u32,
    pub words: WordDiff,
}

/// The section-by-section comparison of two job descriptions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct JobDescriptionDiff {
    pub sections: Vec<SectionDiff>,
}

impl JobDescriptionDiff {
    pub fn is_unchanged(&self) -> bool {
        self.sections.iter().all(|s| s.change == Change::Unchanged)
    }

    pub fn changed(&self) -> impl Iterator<Item = &SectionDiff> {
        self.sections
            .iter()
            .filter(|s| s.change != Change::Unchanged)
    }
}

/// Duties pair up when their texts are at least this similar (percent); see [`match_duties`].
pub const DIFF_DUTY_MATCH_PERCENT: u32 = 40;

/// Compares two job descriptions, naming competencies by id.
pub fn compare(old: &JobDescription, new: &JobDescription) -> JobDescriptionDiff {
    compare_with_names(old, new, &|id: &CompetencyId| id.to_string())
}

/// Compares two job descriptions, naming competencies with `name` (e.g. from the registry's
/// competency library).
pub fn compare_with_names(
    old: &JobDescription,
    new: &JobDescription,
    name: &dyn Fn(&CompetencyId) -> String,
) -> JobDescriptionDiff {
    let mut out = JobDescriptionDiff::default();
    for (section, a, b) in sections_before_duties(old)
        .into_iter()
        .zip(sections_before_duties(new))
        .map(|((s, a), (_, b))| (s, a, b))
    {
        push(&mut out, section, None, None, Some(a), Some(b));
    }
    for m in match_duties(&old.duties, &new.duties, DIFF_DUTY_MATCH_PERCENT) {
        let o = m.old.and_then(|i| old.duties.get(i));
        let n = m.new.and_then(|j| new.duties.get(j));
        let key = |d: Option<&Duty>| d.map(|d| d.number.clone());
        push(
            &mut out,
            Section::Duty,
            key(o),
            key(n),
            o.map(|d| d.text.clone()),
            n.map(|d| d.text.clone()),
        );
        push(
            &mut out,
            Section::ExpectedResults,
            key(o),
            key(n),
            o.map(|d| d.expected_results.join("\n")),
            n.map(|d| d.expected_results.join("\n")),
        );
    }
    for (section, a, b) in sections_after_duties(old, name)
        .into_iter()
        .zip(sections_after_duties(new, name))
        .map(|((s, a), (_, b))| (s, a, b))
    {
        push(&mut out, section, None, None, Some(a), Some(b));
    }
    let label_of = |jd: &JobDescription| -> Vec<(String, String)> {
        let r = &jd.requirements;
        r.other
            .iter()
            .map(|o| (o.label.clone(), o.text.clone()))
            .collect()
    };
    let (old_other, new_other) = (label_of(old), label_of(new));
    for (label, text) in &old_other {
        let b = new_other.iter().find(|(l, _)| l == label).map(|(_, t)| t);
        push_keyed(&mut out, label, Some(text.clone()), b.cloned());
    }
    for (label, text) in &new_other {
        if !old_other.iter().any(|(l, _)| l == label) {
            push_keyed(&mut out, label, None, Some(text.clone()));
        }
    }
    out
}

fn push_keyed(out: &mut JobDescriptionDiff, label: &str, a: Option<String>, b: Option<String>) {
    let key = Some(label.to_string());
    let (ka, kb) = (a.as_ref().and(key.clone()), b.as_ref().and(key));
    push(out, Section::OtherRequirement, ka, kb, a, b);
}

fn push(
    out: &mut JobDescriptionDiff,
    section: Section,
    old_key: Option<String>,
    new_key: Option<String>,
    old: Option<String>,
    new: Option<String>,
) {
    let change = match (&old, &new) {
        (Some(a), Some(b)) if a.is_empty() && b.is_empty() => return,
        (Some(a), Some(b)) if a == b => Change::Unchanged,
        (Some(a), None) if a.is_empty() => return,
        (None, Some(b)) if b.is_empty() => return,
        (Some(_), Some(_)) => Change::Changed,
        (Some(_), None) => Change::Removed,
        (None, Some(_)) => Change::Added,
        (None, None) => return,
    };
    let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
    out.sections.push(SectionDiff {
        section,
        old_key,
        new_key,
        similarity_percent: similarity_percent(&old, &new),
        words: WordDiff::new(&old, &new),
        old,
        new,
        change,
    });
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn list(s: &ListSection) -> String {
    let mut lines: Vec<String> = s.intro.iter().cloned().collect();
    lines.extend(s.items.iter().cloned());
    lines.join("\n")
}

fn sections_before_duties(jd: &JobDescription) -> Vec<(Section, String)> {
    let g = &jd.general;
    vec![
        (
            Section::Title,
            crate::text::full_title(&g.title, g.specialisation.as_deref()),
        ),
        (Section::Unit, g.unit.clone()),
        (Section::Supervisor, opt(&g.supervisor)),
        (Section::Subordinates, g.subordinates.join("\n")),
        (Section::SubstitutedBy, g.substituted_by.join("\n")),
        (Section::SubstitutesFor, g.substitutes_for.join("\n")),
        (
            Section::StaffGroup,
            match g.staff_group {
                Some(StaffGroup::Official) => "ametnik".into(),
                Some(StaffGroup::Employee) => "töötaja".into(),
                None => String::new(),
            },
        ),
        (Section::Purpose, jd.purpose.clone()),
        (
            Section::Roles,
            jd.roles
                .iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ]
}

fn sections_after_duties(
    jd: &JobDescription,
    name: &dyn Fn(&CompetencyId) -> String,
) -> Vec<(Section, String)> {
    let r = &jd.requirements;
    vec![
        (Section::Rights, list(&jd.rights)),
        (Section::Responsibilities, list(&jd.responsibilities)),
        (Section::WorkEquipment, opt(&jd.work_equipment)),
        (Section::Education, opt(&r.education)),
        (Section::WorkExperience, opt(&r.work_experience)),
        (
            Section::Languages,
            r.languages
                .iter()
                .map(|l| l.text.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (Section::ComputerSkills, opt(&r.computer_skills)),
        (Section::KnowledgeAndSkills, opt(&r.knowledge_and_skills)),
        (Section::PersonalQualities, opt(&r.personal_qualities)),
        (
            Section::Competencies,
            jd.competencies
                .iter()
                .map(|c| format!("{} ({})", name(&c.competency), c.kind.as_str()))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (Section::AmendmentRules, jd.amendment_rules.join("\n")),
        (Section::SpecialConditions, opt(&jd.special_conditions)),
    ]
}

/// A job description as plain text, one field (or list item) per line, for line diffs.
pub fn render_text(jd: &JobDescription) -> String {
    let mut out = String::new();
    // "Heading: text", or "Ülesanne 3.1. text" for a numbered duty; further lines indented.
    let mut field = |heading: &str, text: &str| {
        let sep = if heading.ends_with('.') { " " } else { ": " };
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        if let Some(first) = lines.next() {
            out.push_str(&format!("{heading}{sep}{}\n", first.trim()));
            for l in lines {
                out.push_str(&format!("  {}\n", l.trim()));
            }
        }
    };
    for (s, text) in sections_before_duties(jd) {
        field(s.heading_et(), &text);
    }
    for d in &jd.duties {
        field(
            &format!(
                "{} {}.",
                Section::Duty.heading_et(),
                d.number.trim().trim_end_matches('.')
            ),
            &d.text,
        );
        for r in &d.expected_results {
            field("  Tulemus", r);
        }
    }
    for (s, text) in sections_after_duties(jd, &|id| id.to_string()) {
        field(s.heading_et(), &text);
    }
    for o in &jd.requirements.other {
        field(&o.label, &o.text);
    }
    out
}

/// A unified diff (3 lines of context) of the two versions' [`render_text`], headed by the two
/// labels ("--- a", "+++ b"). Empty when the texts are the same.
pub fn unified_diff(old: &JobDescription, new: &JobDescription, labels: (&str, &str)) -> String {
    let (a, b) = (render_text(old), render_text(new));
    if a == b {
        return String::new();
    }
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_TIMEOUT)
        .diff_lines(&a, &b)
        .unified_diff()
        .context_radius(3)
        .header(labels.0, labels.1)
        .to_string()
}

#[cfg(test)]
mod tests;
