//! The consistency checks as a streaming pass: the registry is read slice by slice (a few
//! hundred positions with their versions, the positions they point at and their substitution
//! links), so that `lint` and the checks page never hold the whole registry. The findings are
//! the same as [`lint_with`](super::lint_with) gives for the whole registry (tested).
//!
//! Each slice is checked as a small registry; a finding is kept when its record belongs to the
//! slice's own positions (a substitution link to the slice of its substitute), so that every
//! finding is reported once. Duplicate duties need every position: their groups are collected
//! across slices and reported at the end.

use super::{Finding, RecordKind};
use super::{
    LintOptions, RecordRef, compare_findings, duplicate_duty_finding, jd_ref, job_family_range,
    required_content, reviews, substitutions, supervisors, unfilled_template_fields,
};
use crate::diff::normalized_words;
use crate::ids::{PositionId, UnitId};
use crate::registry::Registry;
use crate::text::estonian_cmp;
use crate::workflow::current_version;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// The checks, fed one [`PositionSlice`](crate::slice::PositionSlice) at a time.
#[derive(Debug)]
pub struct LintPass {
    today: NaiveDate,
    options: LintOptions,
    findings: Vec<LocatedFinding>,
    /// Duty text (normalised words) → the versions holding it (with their position and unit)
    /// and the duty as written.
    duties: BTreeMap<Vec<String>, Vec<DutyHolder>>,
}

/// A version holding a duty: the version, its position and unit, and the duty as written.
type DutyHolder = (RecordRef, (PositionId, UnitId), String);

/// A finding with the positions (and their units) its record is about: what a reader's
/// permission is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedFinding {
    pub finding: Finding,
    pub positions: Vec<(PositionId, UnitId)>,
}

/// The positions a finding's record is about (a version's position, both sides of a
/// substitution), with their units.
fn located(r: &Registry, record: &RecordRef) -> Vec<(PositionId, UnitId)> {
    let ids: Vec<PositionId> = match record.kind {
        RecordKind::Position => PositionId::parse(&record.id).into_iter().collect(),
        RecordKind::JobDescription => r
            .job_descriptions
            .iter()
            .find(|j| j.id.as_str() == record.id)
            .map(|j| vec![j.position.clone()])
            .unwrap_or_default(),
        RecordKind::Substitution => record
            .id
            .split('→')
            .filter_map(|p| PositionId::parse(p).ok())
            .collect(),
    };
    ids.iter()
        .filter_map(|id| r.position(id).map(|p| (p.id.clone(), p.unit.clone())))
        .collect()
}

impl LintPass {
    pub fn new(today: NaiveDate, options: LintOptions) -> Self {
        Self {
            today,
            options,
            findings: Vec::new(),
            duties: BTreeMap::new(),
        }
    }

    /// Checks one slice, as the registry [`PositionSlice::with_registry`] makes of it, with
    /// the ids of its own positions.
    pub fn add(&mut self, r: &Registry, own: &HashSet<PositionId>) {
        let mine = |f: &Finding| match f.record.kind {
            RecordKind::Position => {
                PositionId::parse(&f.record.id).is_ok_and(|id| own.contains(&id))
            }
            // Only the slice's own versions are in it.
            RecordKind::JobDescription => true,
            RecordKind::Substitution => f
                .record
                .id
                .split('→')
                .next()
                .and_then(|sub| PositionId::parse(sub).ok())
                .is_some_and(|id| own.contains(&id)),
        };
        let mut found = Vec::new();
        found.extend(job_family_range(r));
        found.extend(substitutions(r));
        found.extend(supervisors(r));
        found.extend(required_content(r));
        found.extend(unfilled_template_fields(r));
        found.extend(reviews(r, self.today));
        for f in found.into_iter().filter(|f| mine(f)) {
            self.findings.push(LocatedFinding {
                positions: located(r, &f.record),
                finding: f,
            });
        }

        for p in r.positions.iter().filter(|p| own.contains(&p.id)) {
            let Some(jd) = current_version(&r.job_descriptions, &p.id) else {
                continue;
            };
            let mut seen = HashSet::new();
            for d in &jd.duties {
                let words = normalized_words(&d.text);
                if words.len() >= self.options.duplicate_duty_min_words
                    && seen.insert(words.clone())
                {
                    self.duties.entry(words).or_default().push((
                        jd_ref(r, jd),
                        (p.id.clone(), p.unit.clone()),
                        d.text.clone(),
                    ));
                }
            }
        }
    }

    /// Every finding, in the order [`lint_with`](super::lint_with) gives them.
    pub fn finish(self) -> Vec<LocatedFinding> {
        let mut out = self.findings;
        for mut members in self.duties.into_values() {
            if members.len() < self.options.duplicate_duty_min_positions.max(2) {
                continue;
            }
            let text = crate::text::collapse_whitespace(&members[0].2);
            members.sort_by(|a, b| estonian_cmp(&a.0.name, &b.0.name));
            let location = members[0].1.clone();
            let related: Vec<RecordRef> = members.into_iter().map(|(r, ..)| r).collect();
            let mut f = duplicate_duty_finding(related[0].clone(), &text, related.len());
            f.related = related;
            out.push(LocatedFinding {
                finding: f,
                positions: vec![location],
            });
        }
        out.sort_by(|a, b| compare_findings(&a.finding, &b.finding));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_registry;
    use crate::slice::{context, slices_of};

    #[test]
    fn the_streaming_pass_finds_what_the_whole_registry_check_finds() {
        let r = sample_registry();
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let whole = super::super::lint(&r, today);
        assert!(
            !whole.is_empty(),
            "the sample registry has findings to compare"
        );
        for size in [1, 2, 5, 1000] {
            let mut context = context(r.units.clone(), r.role_cards.clone());
            let mut pass = LintPass::new(today, LintOptions::default());
            for slice in slices_of(&r, size) {
                slice.with_registry(&mut context, |r, own| pass.add(r, own));
            }
            let streamed: Vec<Finding> = pass.finish().into_iter().map(|l| l.finding).collect();
            assert_eq!(streamed, whole, "slices of {size}");
        }
    }
}
