//! Consistency checks over the whole registry (`ametijuhend lint` and the report page).
//!
//! Each rule is a function that returns [`Finding`]s; each finding names its rule (a stable
//! code), its severity, the record (kind, id and a human name), what is wrong and how to fix it
//! (in English, and as a message key with arguments that the web translates: `finding.rs`).
//! [`lint`] runs them all over a registry in memory; [`LintPass`] runs them slice by slice over a
//! stored registry. A command exits non-zero when [`has_errors`].
//!
//! | rule | severity | what |
//! |---|---|---|
//! | `job_family_out_of_range` | error | the position's job family level is not one its role card allows |
//! | `job_family_exceptional` | warning | allowed only by the card's exception ("erandjuhul") |
//! | `substitution_missing_position` | error | a substitution names a position not in the registry |
//! | `substitutes_itself` | error | a position stands in for itself |
//! | `substitution_not_reciprocal` | warning | A stands in for B, B not for A |
//! | `supervisor_missing` | error | no supervisor (outside the top unit), or one not in the registry |
//! | `supervisor_outside_unit_chain` | error | the supervisor is neither in the unit nor above it |
//! | `required_content_missing` | error (officials), warning (employees) | duties, education, work experience, knowledge and skills (Civil Service Act § 52 (1)) |
//! | `unfilled_template_field` | error | an approved document still holds `{regNumber}` … |
//! | `review_overdue` | warning | the annual review is past due |
//! | `review_date_unknown` | warning | neither approval date nor review known |
//! | `duplicate_duties` | warning | the same duty in many positions: a library candidate |

use crate::diff::normalized_words;
use crate::ids::{PositionId, UnitId};
use crate::job_description::{JobDescription, Status};
use crate::position::StaffGroup;
use crate::registry::Registry;
use crate::review::{DueState, due_item};
use crate::text::{estonian_cmp, template_fields};
use crate::workflow::current_version;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

mod finding;
pub use finding::{
    Finding, LintArg, LintText, MESSAGES, RECORD_LABELS, RecordKind, RecordRef, Severity, TERMS,
};
use finding::{
    duplicate_duty_finding, finding, jd_ref, number, position_id_ref, position_ref, text,
};

/// Thresholds of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LintOptions {
    /// A duty in at least this many positions' current documents is reported.
    pub duplicate_duty_min_positions: usize,
    /// Duties shorter than this (in words) are not compared.
    pub duplicate_duty_min_words: usize,
}

impl Default for LintOptions {
    fn default() -> Self {
        Self {
            duplicate_duty_min_positions: 3,
            duplicate_duty_min_words: 3,
        }
    }
}

pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Every check with the default options; errors first, then by rule and record name.
pub fn lint(registry: &Registry, today: NaiveDate) -> Vec<Finding> {
    lint_with(registry, today, &LintOptions::default())
}

pub fn lint_with(registry: &Registry, today: NaiveDate, options: &LintOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(job_family_range(registry));
    out.extend(substitutions(registry));
    out.extend(supervisors(registry));
    out.extend(required_content(registry));
    out.extend(unfilled_template_fields(registry));
    out.extend(reviews(registry, today));
    out.extend(duplicate_duties(registry, options));
    sort_findings(&mut out);
    out
}

/// Errors first, then by rule and record name.
fn sort_findings(out: &mut [Finding]) {
    out.sort_by(compare_findings);
}

fn compare_findings(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (a.severity, a.rule)
        .cmp(&(b.severity, b.rule))
        .then_with(|| estonian_cmp(&a.record.name, &b.record.name))
        .then_with(|| a.record.id.cmp(&b.record.id))
}

/// `job_family_out_of_range`, `job_family_exceptional`.
pub fn job_family_range(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &registry.positions {
        let (Some(card_id), Some(jf)) = (&p.role_card, &p.job_family) else {
            continue;
        };
        let Some(card) = registry.role_card(card_id) else {
            continue;
        };
        let allowing: Vec<_> = card
            .job_families
            .iter()
            .filter(|r| r.is_family(&jf.family) && r.contains_level(&jf.level))
            .collect();
        let allowed = card.job_families.iter().map(|r| {
            let levels = match (&r.min_level, &r.max_level) {
                (Some(a), Some(b)) if a == b => format!(" {a}"),
                (Some(a), Some(b)) => format!(" {a}–{b}"),
                _ => String::new(),
            };
            format!("{}{levels}", r.family)
        });
        let allowed = allowed.collect::<Vec<_>>().join("; ");
        let card_name = card.display_title();
        let args = vec![
            ("family", text(&jf.family)),
            ("level", text(&jf.level)),
            ("card", text(&card_name)),
        ];
        if allowing.is_empty() {
            let mut args = args;
            args.push(("allowed", text(&allowed)));
            out.push(finding(
                "job_family_out_of_range",
                Severity::Error,
                position_ref(registry, p),
                ("job_family_out_of_range", args),
                format!(
                    "job family '{} {}' is outside the range of role card '{card_name}' ({allowed})",
                    jf.family, jf.level
                ),
                "set the position's job family and level within the card's range, or choose the role card that matches the position",
            ));
        } else if allowing.iter().all(|r| r.exceptional) {
            out.push(finding(
                "job_family_exceptional",
                Severity::Warning,
                position_ref(registry, p),
                ("job_family_exceptional", args),
                format!(
                    "job family '{} {}' is allowed by role card '{card_name}' only by exception",
                    jf.family, jf.level
                ),
                "record why the exception applies, or move the position to a regular job family of the card",
            ));
        }
    }
    out
}

/// `substitution_missing_position`, `substitutes_itself`, `substitution_not_reciprocal`.
pub fn substitutions(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    let links: HashSet<(&PositionId, &PositionId)> = registry
        .substitutions
        .iter()
        .map(|s| (&s.substitute, &s.substituted))
        .collect();
    let mut seen = HashSet::new();
    for s in &registry.substitutions {
        if !seen.insert((&s.substitute, &s.substituted)) {
            continue;
        }
        let (substitute, substituted) = (
            position_id_ref(registry, &s.substitute),
            position_id_ref(registry, &s.substituted),
        );
        let label_of = |r: &RecordRef| r.label.args.first().map(|(_, a)| a.clone());
        let record = RecordRef {
            kind: RecordKind::Substitution,
            id: format!("{}→{}", s.substitute, s.substituted),
            name: format!("{} stands in for {}", substitute.name, substituted.name),
            label: LintText::new(
                "record.substitution",
                [("substitute", &substitute), ("substituted", &substituted)]
                    .into_iter()
                    .filter_map(|(k, r)| label_of(r).map(|a| (k, a)))
                    .collect(),
            ),
        };
        let missing: Vec<&PositionId> = [&s.substitute, &s.substituted]
            .into_iter()
            .filter(|id| registry.position(id).is_none())
            .collect();
        if !missing.is_empty() {
            let ids: Vec<String> = missing.iter().map(|i| i.to_string()).collect();
            out.push(finding(
                "substitution_missing_position",
                Severity::Error,
                record,
                (
                    "substitution_missing_position",
                    vec![
                        ("positions", text(ids.join(", "))),
                        ("count", number(ids.len())),
                    ],
                ),
                format!(
                    "the substitution names position {} which is not in the registry",
                    ids.join(" and ")
                ),
                "remove the substitution, or add the position it names",
            ));
            continue;
        }
        if s.substitute == s.substituted {
            out.push(finding(
                "substitutes_itself",
                Severity::Error,
                record,
                ("substitutes_itself", vec![]),
                "the position stands in for itself".into(),
                "name another position as the substitute, or remove the substitution",
            ));
            continue;
        }
        if !links.contains(&(&s.substituted, &s.substitute)) {
            let mut f = finding(
                "substitution_not_reciprocal",
                Severity::Warning,
                record,
                (
                    "substitution_not_reciprocal",
                    vec![
                        ("substitute", text(&substitute.name)),
                        ("substituted", text(&substituted.name)),
                    ],
                ),
                format!(
                    "{} does not stand in for {} in return",
                    substituted.name, substitute.name
                ),
                "add the reverse substitution if the two stand in for each other; otherwise this is a one-way substitution (e.g. a deputy for a head) and may stay",
            );
            f.related = vec![substitute, substituted];
            out.push(f);
        }
    }
    out
}

/// The unit and its ancestors (current parent links), stopping at a cycle.
fn unit_chain(registry: &Registry, unit: &UnitId) -> Vec<UnitId> {
    let mut chain = vec![unit.clone()];
    let mut cur = unit.clone();
    while let Some(parent) = registry.unit(&cur).and_then(|u| u.parent()) {
        if chain.contains(parent) {
            break;
        }
        chain.push(parent.clone());
        cur = parent.clone();
    }
    chain
}

/// `supervisor_missing`, `supervisor_outside_unit_chain`.
pub fn supervisors(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &registry.positions {
        let chain = unit_chain(registry, &p.unit);
        let Some(sup_id) = &p.supervisor else {
            let is_top = registry.unit(&p.unit).is_some_and(|u| u.parent().is_none());
            if !is_top {
                out.push(finding(
                    "supervisor_missing",
                    Severity::Error,
                    position_ref(registry, p),
                    ("supervisor_missing.none", vec![]),
                    "the position has no supervisor".into(),
                    "set the supervisor: the position this one reports to (only positions of the top unit, such as the director general, have none)",
                ));
            }
            continue;
        };
        let Some(sup) = registry.position(sup_id) else {
            out.push(finding(
                "supervisor_missing",
                Severity::Error,
                position_ref(registry, p),
                (
                    "supervisor_missing.not_in_registry",
                    vec![("supervisor", text(sup_id.as_str()))],
                ),
                format!("the supervisor {sup_id} is not in the registry"),
                "set the supervisor to a position of the registry",
            ));
            continue;
        };
        if !chain.contains(&sup.unit) {
            let mut f = finding(
                "supervisor_outside_unit_chain",
                Severity::Error,
                position_ref(registry, p),
                (
                    "supervisor_outside_unit_chain",
                    vec![("supervisor", text(position_ref(registry, sup).name))],
                ),
                format!(
                    "the supervisor '{}' is neither in the position's unit nor in a unit above it",
                    position_ref(registry, sup).name
                ),
                "set a supervisor of the position's own unit or of a unit above it, or move the position to the supervisor's unit",
            );
            f.related = vec![position_ref(registry, sup)];
            out.push(f);
        }
    }
    out
}

/// The versions checked for content: each position's current document and any version in
/// coordination.
fn documents(registry: &Registry) -> Vec<&JobDescription> {
    let mut out: Vec<&JobDescription> = registry
        .positions
        .iter()
        .filter_map(|p| current_version(&registry.job_descriptions, &p.id))
        .collect();
    out.extend(
        registry
            .job_descriptions
            .iter()
            .filter(|j| j.status == Status::InCoordination),
    );
    out
}

fn filled(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// `required_content_missing`: what Civil Service Act § 52 (1) requires of a job description:
/// duties, and the requirements of education, work experience, knowledge and skills (any of
/// "Teadmised ja oskused", computer skills, languages or competencies counts for the last).
pub fn required_content(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    for jd in documents(registry) {
        let r = &jd.requirements;
        let mut missing = Vec::new();
        if jd.duties.is_empty() {
            missing.push("duties");
        }
        if !filled(&r.education) {
            missing.push("education");
        }
        if !filled(&r.work_experience) {
            missing.push("work_experience");
        }
        let knowledge = filled(&r.knowledge_and_skills)
            || filled(&r.computer_skills)
            || !r.languages.is_empty()
            || !jd.competencies.is_empty();
        if !knowledge {
            missing.push("knowledge_and_skills");
        }
        if missing.is_empty() {
            continue;
        }
        let group = registry
            .position(&jd.position)
            .map(|p| p.staff_group)
            .or(jd.general.staff_group);
        let severity = if group == Some(StaffGroup::Employee) {
            Severity::Warning
        } else {
            Severity::Error
        };
        let english = missing.join(", ").replace('_', " ");
        out.push(finding(
            "required_content_missing",
            severity,
            jd_ref(registry, jd),
            (
                "required_content_missing",
                vec![("missing", LintArg::Terms(missing))],
            ),
            format!("the job description lacks {english} (Civil Service Act § 52 (1))"),
            format!("write the {english} in a new version of the job description"),
        ));
    }
    out
}

/// Every unfilled template field of a version, with where it stands.
pub fn template_fields_of(jd: &JobDescription) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut placeholders = Vec::new();
    let mut scan = |path: String, text: &str| {
        for f in template_fields(text) {
            out.push((path.clone(), f));
        }
    };
    let g = &jd.general;
    scan("general.title".into(), &g.title);
    scan("general.unit".into(), &g.unit);
    scan(
        "general.supervisor".into(),
        g.supervisor.as_deref().unwrap_or(""),
    );
    scan("purpose".into(), &jd.purpose);
    for (i, d) in jd.duties.iter().enumerate() {
        scan(format!("duties[{i}].text"), &d.text);
        for (k, r) in d.expected_results.iter().enumerate() {
            scan(format!("duties[{i}].expected_results[{k}]"), r);
        }
    }
    for (i, item) in jd.rights.items.iter().enumerate() {
        scan(format!("rights.items[{i}]"), item);
    }
    for (i, item) in jd.responsibilities.items.iter().enumerate() {
        scan(format!("responsibilities.items[{i}]"), item);
    }
    for (i, s) in jd.signatures.iter().enumerate() {
        scan(
            format!("signatures[{i}].name"),
            s.name.as_deref().unwrap_or(""),
        );
        scan(
            format!("signatures[{i}].title"),
            s.title.as_deref().unwrap_or(""),
        );
        for p in &s.placeholders {
            placeholders.push((format!("signatures[{i}]"), p.clone()));
        }
    }
    if let Some(a) = &jd.approval {
        scan(
            "approval.directive_number".into(),
            a.directive_number.as_deref().unwrap_or(""),
        );
        for p in &a.placeholders {
            placeholders.push(("approval".into(), p.clone()));
        }
    }
    out.extend(placeholders);
    out.sort();
    out.dedup();
    out
}

/// `unfilled_template_field`: an approved, signed or in-force version still holding fields a
/// document-management system fills at registration ({regNumber}, {Allkirjastaja} …).
pub fn unfilled_template_fields(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    for jd in registry
        .job_descriptions
        .iter()
        .filter(|j| j.status.is_valid_document())
    {
        let fields = template_fields_of(jd);
        if fields.is_empty() {
            continue;
        }
        let list: Vec<String> = fields.iter().map(|(p, f)| format!("{f} in {p}")).collect();
        let mut names: Vec<&str> = fields.iter().map(|(_, f)| f.as_str()).collect();
        names.sort();
        names.dedup();
        out.push(finding(
            "unfilled_template_field",
            Severity::Error,
            jd_ref(registry, jd),
            (
                "unfilled_template_field",
                vec![("fields", text(names.join(", ")))],
            ),
            format!("the approved document still holds unfilled template fields: {}", list.join(", ")),
            "import the registered document (with the directive's number and date and the signer), or enter the approval details",
        ));
    }
    out
}

/// `review_overdue`, `review_date_unknown`.
pub fn reviews(registry: &Registry, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &registry.positions {
        let Some(item) = due_item(registry, &p.id, today, 0) else {
            continue;
        };
        match (item.state, item.due) {
            (DueState::Overdue { days }, Some(due)) => out.push(finding(
                "review_overdue",
                Severity::Warning,
                position_ref(registry, p),
                (
                    "review_overdue",
                    vec![
                        ("due", text(crate::time::format_date_et(due))),
                        ("days", number(days)),
                    ],
                ),
                format!(
                    "the annual review was due on {} ({days} days ago)",
                    crate::time::format_date_et(due)
                ),
                "review the job description with the supervisor and record the review (no change, or a new version started)",
            )),
            (DueState::Unknown, _) => out.push(finding(
                "review_date_unknown",
                Severity::Warning,
                position_ref(registry, p),
                ("review_date_unknown", vec![]),
                "neither the approval date of the current job description nor a review is known".into(),
                "enter the approving directive's date, or record a review",
            )),
            _ => {}
        }
    }
    out
}

/// `duplicate_duties`: the same duty text (case, punctuation and white space aside) in the
/// current documents of at least `duplicate_duty_min_positions` positions.
pub fn duplicate_duties(registry: &Registry, options: &LintOptions) -> Vec<Finding> {
    let mut groups: BTreeMap<Vec<String>, Vec<(&JobDescription, &str)>> = BTreeMap::new();
    for p in &registry.positions {
        let Some(jd) = current_version(&registry.job_descriptions, &p.id) else {
            continue;
        };
        let mut seen = HashSet::new();
        for d in &jd.duties {
            let words = normalized_words(&d.text);
            if words.len() >= options.duplicate_duty_min_words && seen.insert(words.clone()) {
                groups.entry(words).or_default().push((jd, d.text.as_str()));
            }
        }
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        if members.len() < options.duplicate_duty_min_positions.max(2) {
            continue;
        }
        let mut related: Vec<RecordRef> =
            members.iter().map(|(jd, _)| jd_ref(registry, jd)).collect();
        related.sort_by(|a, b| estonian_cmp(&a.name, &b.name));
        let duty = crate::text::collapse_whitespace(members[0].1);
        let mut f = duplicate_duty_finding(related[0].clone(), &duty, related.len());
        f.related = related;
        out.push(f);
    }
    out
}

mod stream;
pub use stream::{LintPass, LocatedFinding};

#[cfg(test)]
mod tests;
