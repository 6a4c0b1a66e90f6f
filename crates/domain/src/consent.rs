//! The consent rule: does a new version need the official's consent (or the employee's
//! agreement) before it can be approved?
//!
//! The job descriptions say it themselves: "Ametniku nõusolekuta võib ametijuhendit muuta, kui ei
//! muutu ametikoha eesmärk, põhiülesanded ning oluliselt ei suurene teenistusülesannete maht" —
//! without the official's consent the job description may be changed when the purpose and the
//! main duties stay and the volume of duties does not grow significantly. An employee's duties
//! are terms of the employment contract: any change to them needs agreement.
//!
//! [`classify`] compares a new version with the version in force and lists what changed, each
//! change measured:
//!
//! - **purpose changed**: the purpose's word [`similarity`](crate::diff::similarity) is below
//!   [`ConsentPolicy::substance_similarity_percent`] (default 75 %); a smaller rewording is
//!   "purpose reworded";
//! - **duty added / removed**: a duty with no counterpart; duties are paired by text similarity
//!   of at least [`ConsentPolicy::match_similarity_percent`] (default 40 %), else by number;
//! - **duty changed in substance**: a paired duty whose text similarity is below the substance
//!   threshold; at or above it, a changed text is "duty reworded";
//! - **results changed**: a paired duty's expected results differ. Rewording a result is not a
//!   change of the duty;
//! - **volume grown**: the volume of duties, by [`VolumeMeasure`] (default: number of duties
//!   plus number of expected results), grew by more than
//!   [`ConsentPolicy::volume_growth_percent`] (default 20 %).
//!
//! Which of these need consent is data, per staff group ([`GroupPolicy`]), not code: see
//! [`ConsentPolicy::default`]. All comparisons normalise case, punctuation and white space.

use crate::diff::{match_duties, same_words, similarity_percent};
use crate::job_description::JobDescription;
use crate::position::StaffGroup;
use serde::{Deserialize, Serialize};

/// What the law calls the assent a change needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    /// The official's consent (ametniku nõusolek).
    Consent,
    /// The employee's agreement (kokkulepe töötajaga).
    Agreement,
}

impl ConsentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentKind::Consent => "consent",
            ConsentKind::Agreement => "agreement",
        }
    }

    /// "official's consent" / "employee's agreement".
    pub fn describe(self) -> &'static str {
        match self {
            ConsentKind::Consent => "official's consent",
            ConsentKind::Agreement => "employee's agreement",
        }
    }
}

/// A kind of change that a policy may make need consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    PurposeChanged,
    PurposeReworded,
    DutyAdded,
    DutyRemoved,
    DutyChangedInSubstance,
    DutyReworded,
    ResultsChanged,
    VolumeGrown,
}

/// How the volume of duties is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VolumeMeasure {
    /// Number of duties plus number of expected results.
    DutiesAndResults,
    /// Number of words in the duties and expected results.
    Words,
}

impl VolumeMeasure {
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeMeasure::DutiesAndResults => "duties_and_results",
            VolumeMeasure::Words => "words",
        }
    }

    /// The volume of a version's duties.
    pub fn measure(self, jd: &JobDescription) -> u32 {
        let n = match self {
            VolumeMeasure::DutiesAndResults => jd
                .duties
                .iter()
                .map(|d| 1 + d.expected_results.len())
                .sum::<usize>(),
            VolumeMeasure::Words => jd
                .duties
                .iter()
                .map(|d| {
                    crate::diff::normalized_words(&d.text).len()
                        + d.expected_results
                            .iter()
                            .map(|r| crate::diff::normalized_words(r).len())
                            .sum::<usize>()
                })
                .sum(),
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// Which changes need consent for one staff group, and what the assent is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupPolicy {
    pub staff_group: StaffGroup,
    pub kind: ConsentKind,
    pub triggers: Vec<Trigger>,
}

/// The consent rule as data: per staff group, and the measures with their thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConsentPolicy {
    pub groups: Vec<GroupPolicy>,
    /// A purpose or paired duty whose word similarity to the previous text is below this
    /// (percent) is changed in substance.
    pub substance_similarity_percent: u32,
    /// Duties at least this similar (percent) are the same duty; see
    /// [`crate::diff::match_duties`].
    pub match_similarity_percent: u32,
    pub volume_measure: VolumeMeasure,
    /// The volume grew significantly when it grew by more than this (percent).
    pub volume_growth_percent: u32,
}

impl Default for ConsentPolicy {
    /// Officials: consent for a changed purpose, a main duty added, removed or changed in
    /// substance, or the volume grown by more than 20 %. Employees: agreement for a changed
    /// purpose and for any change to the duties (including rewording and volume growth).
    fn default() -> Self {
        use Trigger::*;
        Self {
            groups: vec![
                GroupPolicy {
                    staff_group: StaffGroup::Official,
                    kind: ConsentKind::Consent,
                    triggers: vec![
                        PurposeChanged,
                        DutyAdded,
                        DutyRemoved,
                        DutyChangedInSubstance,
                        VolumeGrown,
                    ],
                },
                GroupPolicy {
                    staff_group: StaffGroup::Employee,
                    kind: ConsentKind::Agreement,
                    triggers: vec![
                        PurposeChanged,
                        DutyAdded,
                        DutyRemoved,
                        DutyChangedInSubstance,
                        DutyReworded,
                        VolumeGrown,
                    ],
                },
            ],
            substance_similarity_percent: 75,
            match_similarity_percent: 40,
            volume_measure: VolumeMeasure::DutiesAndResults,
            volume_growth_percent: 20,
        }
    }
}

impl ConsentPolicy {
    /// The group's policy; a group the policy does not name gets every trigger (the strict
    /// reading), with consent for officials and agreement for employees.
    pub fn group(&self, staff_group: StaffGroup) -> GroupPolicy {
        self.groups
            .iter()
            .find(|g| g.staff_group == staff_group)
            .cloned()
            .unwrap_or_else(|| GroupPolicy {
                staff_group,
                kind: match staff_group {
                    StaffGroup::Official => ConsentKind::Consent,
                    StaffGroup::Employee => ConsentKind::Agreement,
                },
                triggers: ALL_TRIGGERS.to_vec(),
            })
    }
}

const ALL_TRIGGERS: [Trigger; 8] = [
    Trigger::PurposeChanged,
    Trigger::PurposeReworded,
    Trigger::DutyAdded,
    Trigger::DutyRemoved,
    Trigger::DutyChangedInSubstance,
    Trigger::DutyReworded,
    Trigger::ResultsChanged,
    Trigger::VolumeGrown,
];

/// One measured change between the version in force and the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConsentReason {
    PurposeChanged {
        similarity_percent: u32,
    },
    PurposeReworded {
        similarity_percent: u32,
    },
    DutyAdded {
        number: String,
        text: String,
    },
    DutyRemoved {
        number: String,
        text: String,
    },
    DutyChangedInSubstance {
        old_number: String,
        new_number: String,
        similarity_percent: u32,
    },
    DutyReworded {
        old_number: String,
        new_number: String,
        similarity_percent: u32,
    },
    ResultsChanged {
        number: String,
    },
    VolumeGrown {
        measure: VolumeMeasure,
        before: u32,
        after: u32,
        threshold_percent: u32,
    },
}

impl ConsentReason {
    pub fn trigger(&self) -> Trigger {
        match self {
            ConsentReason::PurposeChanged { .. } => Trigger::PurposeChanged,
            ConsentReason::PurposeReworded { .. } => Trigger::PurposeReworded,
            ConsentReason::DutyAdded { .. } => Trigger::DutyAdded,
            ConsentReason::DutyRemoved { .. } => Trigger::DutyRemoved,
            ConsentReason::DutyChangedInSubstance { .. } => Trigger::DutyChangedInSubstance,
            ConsentReason::DutyReworded { .. } => Trigger::DutyReworded,
            ConsentReason::ResultsChanged { .. } => Trigger::ResultsChanged,
            ConsentReason::VolumeGrown { .. } => Trigger::VolumeGrown,
        }
    }

    /// The change in English, with its measure.
    pub fn describe(&self) -> String {
        match self {
            ConsentReason::PurposeChanged { similarity_percent } => {
                format!("the purpose changed ({similarity_percent} % of its words remain)")
            }
            ConsentReason::PurposeReworded { similarity_percent } => {
                format!("the purpose was reworded ({similarity_percent} % of its words remain)")
            }
            ConsentReason::DutyAdded { number, .. } => format!("duty {number} was added"),
            ConsentReason::DutyRemoved { number, .. } => format!("duty {number} was removed"),
            ConsentReason::DutyChangedInSubstance {
                old_number,
                new_number,
                similarity_percent,
            } => format!(
                "duty {} changed in substance ({similarity_percent} % of its words remain)",
                numbers(old_number, new_number)
            ),
            ConsentReason::DutyReworded {
                old_number,
                new_number,
                similarity_percent,
            } => format!(
                "duty {} was reworded ({similarity_percent} % of its words remain)",
                numbers(old_number, new_number)
            ),
            ConsentReason::ResultsChanged { number } => {
                format!("the expected results of duty {number} changed")
            }
            ConsentReason::VolumeGrown {
                measure,
                before,
                after,
                threshold_percent,
            } => {
                let unit = match measure {
                    VolumeMeasure::DutiesAndResults => "duties and expected results",
                    VolumeMeasure::Words => "words of duties and expected results",
                };
                format!(
                    "the volume of duties grew from {before} to {after} {unit} ({}, more than {threshold_percent} %)",
                    growth(*before, *after)
                )
            }
        }
    }
}

fn numbers(old: &str, new: &str) -> String {
    if old == new {
        old.to_string()
    } else {
        format!("{old} (now {new})")
    }
}

fn growth(before: u32, after: u32) -> String {
    if before == 0 {
        return "from nothing".into();
    }
    let pct = (f64::from(after) - f64::from(before)) * 100.0 / f64::from(before);
    format!("{pct:+.1} %")
}

/// The volume of duties before and after, by the policy's measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VolumeChange {
    pub measure: VolumeMeasure,
    pub before: u32,
    pub after: u32,
}

/// The result of [`classify`]: "needs the official's consent" with the reasons, or "no
/// consent needed" (with the changes that did not need it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConsentAssessment {
    pub staff_group: StaffGroup,
    pub kind: ConsentKind,
    pub needs_consent: bool,
    /// The changes that need consent.
    pub reasons: Vec<ConsentReason>,
    /// Changes found that need no consent under the policy.
    pub other_changes: Vec<ConsentReason>,
    /// None for a first version.
    pub volume: Option<VolumeChange>,
}

impl ConsentAssessment {
    /// "needs the official's consent: …" or "no consent needed".
    pub fn summary(&self) -> String {
        if self.needs_consent {
            let reasons: Vec<String> = self.reasons.iter().map(|r| r.describe()).collect();
            format!("needs the {}: {}", self.kind.describe(), reasons.join("; "))
        } else {
            "no consent needed".into()
        }
    }
}

/// Classifies `new` against the version in force. A first version (nothing in force) needs no
/// consent: the holder accepts it with the appointment.
pub fn classify(
    previous_in_force: Option<&JobDescription>,
    new: &JobDescription,
    staff_group: StaffGroup,
    policy: &ConsentPolicy,
) -> ConsentAssessment {
    let group = policy.group(staff_group);
    let Some(old) = previous_in_force else {
        return ConsentAssessment {
            staff_group,
            kind: group.kind,
            needs_consent: false,
            reasons: vec![],
            other_changes: vec![],
            volume: None,
        };
    };
    let changes = changes(old, new, policy);
    let (reasons, other_changes): (Vec<_>, Vec<_>) = changes
        .into_iter()
        .partition(|c| group.triggers.contains(&c.trigger()));
    ConsentAssessment {
        staff_group,
        kind: group.kind,
        needs_consent: !reasons.is_empty(),
        reasons,
        other_changes,
        volume: Some(VolumeChange {
            measure: policy.volume_measure,
            before: policy.volume_measure.measure(old),
            after: policy.volume_measure.measure(new),
        }),
    }
}

/// Every measured change from `old` to `new`, in document order.
pub fn changes(
    old: &JobDescription,
    new: &JobDescription,
    policy: &ConsentPolicy,
) -> Vec<ConsentReason> {
    let mut out = Vec::new();
    let substance = policy.substance_similarity_percent;
    if !same_words(&old.purpose, &new.purpose) {
        let similarity_percent = similarity_percent(&old.purpose, &new.purpose);
        out.push(if similarity_percent < substance {
            ConsentReason::PurposeChanged { similarity_percent }
        } else {
            ConsentReason::PurposeReworded { similarity_percent }
        });
    }
    for m in match_duties(&old.duties, &new.duties, policy.match_similarity_percent) {
        let o = m.old.and_then(|i| old.duties.get(i));
        let n = m.new.and_then(|j| new.duties.get(j));
        match (o, n) {
            (Some(o), Some(n)) => {
                if !same_words(&o.text, &n.text) {
                    let (old_number, new_number) = (o.number.clone(), n.number.clone());
                    let similarity_percent = m.similarity_percent;
                    out.push(if similarity_percent < substance {
                        ConsentReason::DutyChangedInSubstance {
                            old_number,
                            new_number,
                            similarity_percent,
                        }
                    } else {
                        ConsentReason::DutyReworded {
                            old_number,
                            new_number,
                            similarity_percent,
                        }
                    });
                }
                if !same_words(
                    &o.expected_results.join("\n"),
                    &n.expected_results.join("\n"),
                ) {
                    out.push(ConsentReason::ResultsChanged {
                        number: n.number.clone(),
                    });
                }
            }
            (Some(o), None) => out.push(ConsentReason::DutyRemoved {
                number: o.number.clone(),
                text: o.text.clone(),
            }),
            (None, Some(n)) => out.push(ConsentReason::DutyAdded {
                number: n.number.clone(),
                text: n.text.clone(),
            }),
            (None, None) => {}
        }
    }
    let measure = policy.volume_measure;
    let (before, after) = (measure.measure(old), measure.measure(new));
    // Grown by more than the threshold: after > before × (1 + threshold/100), in integers.
    let grown = u64::from(after) * 100
        > u64::from(before) * (100 + u64::from(policy.volume_growth_percent));
    if grown {
        out.push(ConsentReason::VolumeGrown {
            measure,
            before,
            after,
            threshold_percent: policy.volume_growth_percent,
        });
    }
    out
}

#[cfg(test)]
mod tests;
