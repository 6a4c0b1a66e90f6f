//! The registry-wide reports — the consistency checks, the review due list, the positions
//! without a valid job description and the pending role card updates — computed in one
//! streaming pass over [`crate::slice::PositionSlice`]s, so that neither the start page, the reviews, checks
//! and card update pages nor `lint` hold the whole registry. What they keep is the report
//! itself, each row with the positions (and their units) it is about, for the reader's
//! permission check.

use crate::from_role_card::{CardUpdate, card_update};
use crate::ids::{PositionId, UnitId};
use crate::lint::{LintOptions, LintPass, LocatedFinding};
use crate::registry::Registry;
use crate::review::{DueItem, DueState, UnitDue, due_item};
use crate::text::estonian_cmp;
use crate::workflow::latest_version;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A position in a report row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionRow {
    pub id: PositionId,
    pub unit: UnitId,
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub title: String,
    pub unit_name: String,
}

/// A role card update with the position it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedCardUpdate {
    pub update: CardUpdate,
    pub position: PositionRow,
    pub card_title: String,
}

/// Every report of one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reports {
    pub today: NaiveDate,
    /// The horizon of `due` (days ahead).
    pub horizon_days: u32,
    /// As [`crate::lint::lint`] orders them.
    pub findings: Vec<LocatedFinding>,
    /// As [`crate::review::due_report`] gives it.
    pub due: Vec<UnitDue>,
    /// Positions without an approved, signed or in-force version, in Estonian order of title.
    pub without_valid: Vec<PositionRow>,
    /// In the order of their positions' ids (as [`crate::pending_card_updates`]).
    pub card_updates: Vec<LocatedCardUpdate>,
}

/// The reports, fed one slice at a time (see [`crate::slice::PositionSlice::with_registry`]).
#[derive(Debug)]
pub struct ReportPass {
    today: NaiveDate,
    horizon_days: u32,
    lint: LintPass,
    /// In the order of each unit's first position (as `due_report` keeps units of equal name).
    due: Vec<UnitDue>,
    due_index: HashMap<UnitId, usize>,
    without_valid: Vec<PositionRow>,
    card_updates: Vec<LocatedCardUpdate>,
}

fn row(r: &Registry, id: &PositionId) -> Option<PositionRow> {
    let p = r.position(id)?;
    Some(PositionRow {
        id: p.id.clone(),
        unit: p.unit.clone(),
        title: p.full_title(),
        unit_name: r
            .unit(&p.unit)
            .map(|u| u.name().to_string())
            .unwrap_or_default(),
    })
}

impl ReportPass {
    /// Reports for `today`; the due list looks `horizon_days` ahead.
    pub fn new(today: NaiveDate, horizon_days: u32) -> Self {
        Self {
            today,
            horizon_days,
            lint: LintPass::new(today, LintOptions::default()),
            due: Vec::new(),
            due_index: HashMap::new(),
            without_valid: Vec::new(),
            card_updates: Vec::new(),
        }
    }

    /// Adds one slice, as [`crate::slice::PositionSlice::with_registry`] hands it over.
    pub fn add(&mut self, r: &Registry, own: &HashSet<PositionId>) {
        self.lint.add(r, own);
        for p in r.positions.iter().filter(|p| own.contains(&p.id)) {
            if let Some(item) = due_item(r, &p.id, self.today, self.horizon_days) {
                let at = *self.due_index.entry(p.unit.clone()).or_insert_with(|| {
                    self.due.push(UnitDue {
                        unit: p.unit.clone(),
                        unit_name: r
                            .unit(&p.unit)
                            .map(|u| u.name().to_string())
                            .unwrap_or_else(|| p.unit.to_string()),
                        overdue: vec![],
                        due_soon: vec![],
                        unknown: vec![],
                    });
                    self.due.len() - 1
                });
                let u = &mut self.due[at];
                match item.state {
                    DueState::Overdue { .. } => u.overdue.push(item),
                    DueState::DueSoon { .. } => u.due_soon.push(item),
                    DueState::Unknown => u.unknown.push(item),
                }
            }
            let has_valid = r
                .job_descriptions
                .iter()
                .any(|j| j.position == p.id && j.status.is_valid_document());
            if !has_valid && let Some(row) = row(r, &p.id) {
                self.without_valid.push(row);
            }
            if let Some(jd) = latest_version(&r.job_descriptions, &p.id)
                && let Some(from) = &jd.written_from
                && let Some(card) = r.role_card(&from.role_card)
                && let Some(update) = card_update(jd, card)
                && let Some(position) = row(r, &p.id)
            {
                self.card_updates.push(LocatedCardUpdate {
                    update,
                    position,
                    card_title: card.display_title(),
                });
            }
        }
    }

    pub fn finish(self) -> Reports {
        let findings = self.lint.finish();
        let by_due_then_title = |a: &DueItem, b: &DueItem| {
            a.due
                .cmp(&b.due)
                .then_with(|| estonian_cmp(&a.title, &b.title))
        };
        let mut due = self.due;
        for u in &mut due {
            u.overdue.sort_by(by_due_then_title);
            u.due_soon.sort_by(by_due_then_title);
            u.unknown.sort_by(|a, b| estonian_cmp(&a.title, &b.title));
        }
        due.sort_by(|a, b| estonian_cmp(&a.unit_name, &b.unit_name));
        let mut without_valid = self.without_valid;
        without_valid.sort_by(|a, b| estonian_cmp(&a.title, &b.title));
        Reports {
            today: self.today,
            horizon_days: self.horizon_days,
            findings,
            due,
            without_valid,
            card_updates: self.card_updates,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::due_report;
    use crate::sample::sample_registry;
    use crate::slice::{context, slices_of};

    #[test]
    fn the_streaming_pass_reports_what_the_whole_registry_gives() {
        let r = sample_registry();
        for today in [(2025, 1, 10), (2026, 3, 1), (2030, 1, 1)] {
            let today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).expect("date");
            let whole_due = due_report(&r, today, 60);
            let whole_lint = crate::lint::lint(&r, today);
            let whole_cards = crate::pending_card_updates(&r);
            for size in [1, 3, 1000] {
                let mut ctx = context(r.units.clone(), r.role_cards.clone());
                let mut pass = ReportPass::new(today, 60);
                for slice in slices_of(&r, size) {
                    slice.with_registry(&mut ctx, |r, own| pass.add(r, own));
                }
                let reports = pass.finish();
                assert_eq!(reports.due, whole_due, "due on {today}, slices of {size}");
                let findings: Vec<_> = reports.findings.iter().map(|f| f.finding.clone()).collect();
                assert_eq!(
                    findings, whole_lint,
                    "findings on {today}, slices of {size}"
                );
                assert!(reports.findings.iter().all(|f| !f.positions.is_empty()));
                let cards: Vec<_> = reports
                    .card_updates
                    .iter()
                    .map(|c| c.update.clone())
                    .collect();
                assert_eq!(cards, whole_cards, "card updates, slices of {size}");
                let without: Vec<&str> = reports
                    .without_valid
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                let expected: Vec<&str> = r
                    .positions
                    .iter()
                    .filter(|p| {
                        !r.job_descriptions
                            .iter()
                            .any(|j| j.position == p.id && j.status.is_valid_document())
                    })
                    .map(|p| p.id.as_str())
                    .collect();
                assert_eq!(without.len(), expected.len());
                assert!(expected.iter().all(|id| without.contains(id)));
            }
        }
    }
}
