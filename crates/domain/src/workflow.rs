//! The lifecycle of a job description version: who may do what, in which status, and what it
//! leaves behind.
//!
//! ```text
//! draft ──submit──► in_coordination ──approve (directive)──► approved ──acknowledge──► signed
//!   ▲                 │  sign off as supervisor / as HR                 │                 │
//!   └────return───────┘  (record consent: draft or in coordination)     └──put in force───┤
//!                                                  (vacant position only)                 ▼
//!                        superseded ◄──supersede── in_force ──repeal──► repealed
//! ```
//!
//! A draft nothing refers to may also be discarded: removed, not moved on ([`discard`]).
//!
//! [`transition`] decides; it changes nothing. It checks the status, the actor's role and
//! relation to the position (supervisor, holder — computed by the caller), and the
//! preconditions: coordination is complete only when both the supervisor and HR signed off;
//! approval is refused while the official's consent (or the employee's agreement) is needed and
//! not recorded; a version goes in force only from its effective date (which may lie in the
//! past: a retroactive approval). [`TransitionOutcome::apply`] then writes the new status, the
//! side effects and a [`TransitionRecord`] (who, when, in which capacity, why) into the version.
//!
//! Web, API and CLI all go through here: none of them decides a transition on its own.
//! [`Role`] is the one place that names the roles of the program's users.

use crate::consent::{ConsentAssessment, ConsentKind, ConsentReason};
use crate::from_role_card::CardUpdateDismissal;
use crate::ids::{DirectiveId, JobDescriptionId};
use crate::job_description::{Approval, JobDescription, Signature, SignatureParty, Status};
use crate::review::ReviewRecord;
use crate::role_card::RoleCard;
use crate::text::is_template_field;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod discard;
mod error;
pub mod next_steps;
mod rules;
mod versions;
use crate::access;
pub use error::TransitionError;
pub use next_steps::{NextStep, next_steps};
pub use rules::{ActionKind, Actor, Capacity, CoordinationParty, Role};
pub use versions::{current_version, latest_version, new_version_draft, next_version_number};

/// The approving directive of the director general: "käskkirjaga nr 49, 06.03.2023, lisa 2".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DirectiveApproval {
    /// The directive in the registry, when it is there.
    #[serde(default)]
    pub directive: Option<DirectiveId>,
    pub number: String,
    pub date: NaiveDate,
    pub annex: u32,
    /// First day in force; defaults to the directive's date. May be earlier (retroactive).
    #[serde(default)]
    pub effective_from: Option<NaiveDate>,
    /// Whose directive ("Sotsiaalkindlustusameti peadirektori").
    #[serde(default)]
    pub approved_by: Option<String>,
}

/// What an actor asks to do with a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Send a draft for coordination.
    Submit,
    SignOffAsSupervisor {
        #[serde(default)]
        comment: Option<String>,
    },
    SignOffAsHr {
        #[serde(default)]
        comment: Option<String>,
    },
    /// Send it back to draft; the comment says what to change.
    Return {
        comment: String,
    },
    /// Take it back from coordination to draft (to change it before anyone signs off, or after);
    /// the sign-offs so far are cleared.
    Withdraw {
        #[serde(default)]
        comment: Option<String>,
    },
    /// The official's consent (or the employee's agreement) to the changes, given on a day.
    RecordConsent {
        given_on: NaiveDate,
        #[serde(default)]
        comment: Option<String>,
    },
    Approve(DirectiveApproval),
    /// The holder's acknowledgement ("tutvunud") on a day; `holder` is the name to record when
    /// someone else records it for them.
    Acknowledge {
        date: NaiveDate,
        #[serde(default)]
        holder: Option<String>,
    },
    PutInForce,
    /// Replaced by a later valid version of the same position.
    Supersede {
        by: JobDescriptionId,
    },
    /// Repealed without a successor; the reason is required.
    Repeal {
        reason: String,
    },
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Submit => ActionKind::Submit,
            Action::SignOffAsSupervisor { .. } => ActionKind::SignOffAsSupervisor,
            Action::SignOffAsHr { .. } => ActionKind::SignOffAsHr,
            Action::Return { .. } => ActionKind::Return,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::RecordConsent { .. } => ActionKind::RecordConsent,
            Action::Approve(_) => ActionKind::Approve,
            Action::Acknowledge { .. } => ActionKind::Acknowledge,
            Action::PutInForce => ActionKind::PutInForce,
            Action::Supersede { .. } => ActionKind::Supersede,
            Action::Repeal { .. } => ActionKind::Repeal,
        }
    }

    fn comment(&self) -> Option<String> {
        let c = match self {
            Action::SignOffAsSupervisor { comment }
            | Action::SignOffAsHr { comment }
            | Action::Withdraw { comment }
            | Action::RecordConsent { comment, .. } => comment.as_deref(),
            Action::Return { comment } => Some(comment.as_str()),
            Action::Repeal { reason } => Some(reason.as_str()),
            Action::Supersede { by } => return Some(format!("superseded by {by}")),
            _ => None,
        };
        c.map(str::trim).filter(|c| !c.is_empty()).map(String::from)
    }
}

/// One coordination sign-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SignOff {
    pub party: CoordinationParty,
    pub by: String,
    pub at: Timestamp,
    #[serde(default)]
    pub comment: Option<String>,
}

/// The recorded consent of the official (or agreement of the employee) to a new version, with
/// the reasons it was needed for: when the version changes so that the reasons differ, the
/// consent no longer covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConsentRecord {
    pub kind: ConsentKind,
    pub given_on: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
    pub reasons: Vec<ConsentReason>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// One entry of a version's history: who did what, when, in which capacity, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransitionRecord {
    pub from: Status,
    pub to: Status,
    pub action: ActionKind,
    /// The account.
    pub by: String,
    #[serde(default)]
    pub by_name: Option<String>,
    pub capacity: Capacity,
    pub at: Timestamp,
    /// The comment or reason given (required for return and repeal).
    #[serde(default)]
    pub comment: Option<String>,
}

/// The lifecycle data a version carries besides its status (stored in the version's body).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Workflow {
    /// Sign-offs of the current coordination round (cleared when the version is returned).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_offs: Vec<SignOff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentRecord>,
    /// Every transition, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<TransitionRecord>,
    /// Annual reviews of this version (see [`crate::review`]), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewRecord>,
    /// The role card revision the version was written from, as it was then, so that a later
    /// revision can be shown as a diff (see [`crate::from_role_card`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_snapshot: Option<RoleCard>,
    /// Role card revisions the manager looked at and chose not to take in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_card_updates: Vec<CardUpdateDismissal>,
}

impl Workflow {
    pub fn is_empty(&self) -> bool {
        self == &Workflow::default()
    }

    pub fn sign_off(&self, party: CoordinationParty) -> Option<&SignOff> {
        self.sign_offs.iter().find(|s| s.party == party)
    }

    /// The parties that have not signed off yet.
    pub fn missing_sign_offs(&self) -> Vec<CoordinationParty> {
        CoordinationParty::ALL
            .into_iter()
            .filter(|p| self.sign_off(*p).is_none())
            .collect()
    }

    /// Coordination is complete when both the supervisor and HR signed off.
    pub fn coordination_complete(&self) -> bool {
        self.missing_sign_offs().is_empty()
    }

    /// When the version was approved: the transition's day, if recorded.
    pub fn approved_at(&self) -> Option<Timestamp> {
        self.history
            .iter()
            .rev()
            .find(|r| r.action == ActionKind::Approve)
            .map(|r| r.at)
    }
}

/// Only drafts can be edited; every other status is a document of record.
pub fn can_edit(status: Status) -> bool {
    status == Status::Draft
}

/// What the caller knows beyond the version itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct TransitionContext<'a> {
    /// Today in the agency's time zone; when None, the UTC date of `at`.
    pub today: Option<NaiveDate>,
    /// The consent assessment of this version against the position's version in force
    /// ([`crate::consent::classify`]); needed to record consent and to approve.
    pub consent: Option<&'a ConsentAssessment>,
    /// The position has no holder: a version may go in force without an acknowledgement.
    pub position_vacant: bool,
    /// The position's version in force now, when it is another one (it is superseded when this
    /// one goes in force).
    pub in_force: Option<&'a JobDescription>,
    /// For [`Action::Supersede`]: the version that replaces this one.
    pub successor: Option<&'a JobDescription>,
}

/// Something the caller must do next, on another record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUp {
    /// Supersede the previous version in force (same position) by the one that went in force.
    Supersede {
        previous: JobDescriptionId,
        by: JobDescriptionId,
    },
}

/// An allowed transition, not yet applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionOutcome {
    pub job_description: JobDescriptionId,
    pub from: Status,
    pub to: Status,
    pub record: TransitionRecord,
    pub follow_ups: Vec<FollowUp>,
    action: Action,
    capacity_name: Option<String>,
    consent: Option<(ConsentKind, Vec<ConsentReason>)>,
    /// For supersede: the last day in force (the day before the successor's first day).
    ends_on: Option<NaiveDate>,
}

impl TransitionOutcome {
    /// Writes the transition into the version: status, side effects, history. Refused when the
    /// version is another one or no longer in the status the decision was made on.
    pub fn apply(&self, jd: &mut JobDescription) -> Result<(), TransitionError> {
        if jd.id != self.job_description || jd.status != self.from {
            return Err(TransitionError::Stale {
                expected: self.from,
                found: jd.status,
            });
        }
        let at = self.record.at;
        let by = self.record.by.clone();
        match &self.action {
            Action::Submit => jd.workflow.sign_offs.clear(),
            Action::SignOffAsSupervisor { .. } | Action::SignOffAsHr { .. } => {
                let party = if self.action.kind() == ActionKind::SignOffAsHr {
                    CoordinationParty::Hr
                } else {
                    CoordinationParty::Supervisor
                };
                jd.workflow.sign_offs.push(SignOff {
                    party,
                    by,
                    at,
                    comment: self.record.comment.clone(),
                });
            }
            Action::Return { .. } | Action::Withdraw { .. } => jd.workflow.sign_offs.clear(),
            Action::RecordConsent { given_on, .. } => {
                let (kind, reasons) = self
                    .consent
                    .clone()
                    .unwrap_or((ConsentKind::Consent, vec![]));
                jd.workflow.consent = Some(ConsentRecord {
                    kind,
                    given_on: *given_on,
                    recorded_by: by,
                    recorded_at: at,
                    reasons,
                    comment: self.record.comment.clone(),
                });
            }
            Action::Approve(a) => {
                jd.approval = Some(Approval {
                    directive: a.directive.clone(),
                    directive_number: Some(a.number.trim().to_string()),
                    directive_date: Some(a.date),
                    annex: Some(a.annex),
                    approved_by: a.approved_by.clone(),
                    placeholders: vec![],
                });
                jd.effective_from = Some(a.effective_from.unwrap_or(a.date));
            }
            Action::Acknowledge { date, .. } => jd.signatures.push(Signature {
                party: SignatureParty::Holder,
                name: self.capacity_name.clone(),
                title: None,
                signed_digitally: false,
                date: Some(*date),
                placeholders: vec![],
            }),
            Action::PutInForce | Action::Repeal { .. } => {}
            Action::Supersede { .. } => {
                if jd.effective_to.is_none() {
                    jd.effective_to = self.ends_on;
                }
            }
        }
        jd.status = self.to;
        jd.workflow.history.push(self.record.clone());
        Ok(())
    }
}

/// Decides whether `actor` may perform `action` on `jd` at `at`; changes nothing.
pub fn transition(
    jd: &JobDescription,
    action: &Action,
    actor: &Actor,
    at: Timestamp,
    ctx: &TransitionContext<'_>,
) -> Result<TransitionOutcome, TransitionError> {
    let kind = action.kind();
    let today = ctx.today.unwrap_or_else(|| at.date());
    if !kind.from_statuses().contains(&jd.status) {
        return Err(TransitionError::WrongStatus {
            action: kind,
            status: jd.status,
            allowed: kind.from_statuses().to_vec(),
        });
    }
    let rule = access::lifecycle::LifecycleRule::of(kind);
    let capacity = rule
        .capacity_of(actor)
        .ok_or_else(|| TransitionError::NotPermitted {
            action: kind,
            account: actor.account.clone(),
            needed: rule.describe(),
        })?;
    let mut follow_ups = vec![];
    let mut consent = None;
    let mut capacity_name = None;
    let mut ends_on = None;
    match action {
        Action::Submit => check_content(jd)?,
        Action::SignOffAsSupervisor { .. } | Action::SignOffAsHr { .. } => {
            let (party, other) = if kind == ActionKind::SignOffAsHr {
                (CoordinationParty::Hr, CoordinationParty::Supervisor)
            } else {
                (CoordinationParty::Supervisor, CoordinationParty::Hr)
            };
            if let Some(s) = jd.workflow.sign_off(party) {
                return Err(TransitionError::AlreadySignedOff {
                    party,
                    by: s.by.clone(),
                    at: s.at,
                });
            }
            if jd
                .workflow
                .sign_off(other)
                .is_some_and(|s| s.by == actor.account)
            {
                return Err(TransitionError::SamePersonSignsTwice {
                    account: actor.account.clone(),
                    other,
                });
            }
        }
        Action::Return { comment } => {
            if comment.trim().is_empty() {
                return Err(TransitionError::CommentRequired { action: kind });
            }
        }
        Action::Withdraw { .. } => {}
        Action::RecordConsent { given_on, .. } => {
            let assessment = ctx.consent.ok_or(TransitionError::ConsentNotAssessed)?;
            if !assessment.needs_consent {
                return Err(TransitionError::ConsentNotNeeded);
            }
            not_after(*given_on, today, "the consent")?;
            consent = Some((assessment.kind, assessment.reasons.clone()));
        }
        Action::Approve(a) => {
            let missing = jd.workflow.missing_sign_offs();
            if !missing.is_empty() {
                return Err(TransitionError::CoordinationIncomplete { missing });
            }
            check_consent(jd, ctx)?;
            check_directive(a, today)?;
        }
        Action::Acknowledge { date, holder } => {
            // A version a later one has overtaken will never be in force: nothing to acknowledge.
            if let Some(current) = ctx.in_force.filter(|c| c.id != jd.id)
                && current.position == jd.position
                && current.version > jd.version
            {
                return Err(TransitionError::OlderThanInForce {
                    version: jd.version,
                    in_force_version: current.version,
                });
            }
            not_after(*date, today, "the acknowledgement")?;
            if let Some(approved_on) = jd.approval.as_ref().and_then(|a| a.directive_date)
                && *date < approved_on
            {
                return Err(TransitionError::DateBeforeApproval {
                    what: "the acknowledgement",
                    date: *date,
                    approved_on,
                });
            }
            capacity_name = holder.clone().or_else(|| {
                (capacity == Capacity::Holder)
                    .then(|| actor.name.clone())
                    .flatten()
            });
        }
        Action::PutInForce => {
            if jd.status == Status::Approved && !ctx.position_vacant {
                return Err(TransitionError::NotAcknowledged);
            }
            let from = jd.effective_from.ok_or(TransitionError::NoEffectiveDate)?;
            if from > today {
                return Err(TransitionError::NotYetEffective {
                    effective_from: from,
                    today,
                });
            }
            if let Some(current) = ctx.in_force.filter(|c| c.id != jd.id) {
                if current.position == jd.position && current.version > jd.version {
                    return Err(TransitionError::OlderThanInForce {
                        version: jd.version,
                        in_force_version: current.version,
                    });
                }
                follow_ups.push(FollowUp::Supersede {
                    previous: current.id.clone(),
                    by: jd.id.clone(),
                });
            }
        }
        Action::Supersede { by } => {
            check_successor(jd, by, ctx.successor)?;
            // A retroactive successor ends this version before its first day, not today.
            let first_day = ctx
                .successor
                .and_then(|s| s.effective_from)
                .unwrap_or(today);
            ends_on = first_day.pred_opt();
        }
        Action::Repeal { reason } => {
            if reason.trim().is_empty() {
                return Err(TransitionError::CommentRequired { action: kind });
            }
        }
    }
    let to = kind.to_status(jd.status);
    Ok(TransitionOutcome {
        job_description: jd.id.clone(),
        from: jd.status,
        to,
        record: TransitionRecord {
            from: jd.status,
            to,
            action: kind,
            by: actor.account.clone(),
            by_name: actor.name.clone(),
            capacity,
            at,
            comment: action.comment(),
        },
        follow_ups,
        action: action.clone(),
        capacity_name,
        consent,
        ends_on,
    })
}

/// [`transition`], then [`TransitionOutcome::apply`].
pub fn perform(
    jd: &mut JobDescription,
    action: &Action,
    actor: &Actor,
    at: Timestamp,
    ctx: &TransitionContext<'_>,
) -> Result<TransitionOutcome, TransitionError> {
    let outcome = transition(jd, action, actor, at, ctx)?;
    outcome.apply(jd)?;
    Ok(outcome)
}

/// The actions `actor` may start on a version in `status` (preconditions are checked only when
/// the action is asked for). For showing buttons.
pub fn available_actions(status: Status, actor: &Actor) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|k| k.from_statuses().contains(&status))
        .filter(|k| access::lifecycle::capacity(*k, actor).is_some())
        .collect()
}

fn check_content(jd: &JobDescription) -> Result<(), TransitionError> {
    let mut problems: Vec<String> = jd
        .problems()
        .into_iter()
        .map(|(path, problem)| format!("{path} {problem}"))
        .collect();
    if jd.purpose.trim().is_empty() {
        problems.push("purpose is empty: write the position's purpose".into());
    }
    if jd.duties.is_empty() {
        problems.push("duties are empty: add at least one duty".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(TransitionError::ContentIncomplete { problems })
    }
}

fn check_consent(jd: &JobDescription, ctx: &TransitionContext<'_>) -> Result<(), TransitionError> {
    let assessment = ctx.consent.ok_or(TransitionError::ConsentNotAssessed)?;
    if !assessment.needs_consent {
        return Ok(());
    }
    match &jd.workflow.consent {
        None => Err(TransitionError::ConsentMissing {
            kind: assessment.kind,
            reasons: assessment.reasons.iter().map(|r| r.describe()).collect(),
        }),
        Some(r) if r.reasons != assessment.reasons => Err(TransitionError::ConsentStale),
        Some(_) => Ok(()),
    }
}

fn check_directive(a: &DirectiveApproval, today: NaiveDate) -> Result<(), TransitionError> {
    let number = a.number.trim();
    let problem = if number.is_empty() {
        Some("the directive number is empty")
    } else if is_template_field(number) {
        Some("the directive number is an unfilled template field: register the directive first")
    } else if a.annex == 0 {
        Some("the annex number must be 1 or more")
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(TransitionError::DirectiveIncomplete {
            problem: problem.into(),
        });
    }
    not_after(a.date, today, "the directive")
}

fn not_after(date: NaiveDate, today: NaiveDate, what: &'static str) -> Result<(), TransitionError> {
    if date > today {
        Err(TransitionError::DateInFuture { what, date, today })
    } else {
        Ok(())
    }
}

fn check_successor(
    jd: &JobDescription,
    by: &JobDescriptionId,
    successor: Option<&JobDescription>,
) -> Result<(), TransitionError> {
    let problem = match successor {
        None => format!("version {by} was not given"),
        Some(s) if &s.id != by => format!("the version given is {}, not {by}", s.id),
        Some(s) if s.position != jd.position => "it belongs to another position".into(),
        Some(s) if s.version <= jd.version => format!(
            "it is version {}, not later than version {}",
            s.version, jd.version
        ),
        Some(s) if !s.status.is_valid_document() => format!(
            "it is {}; only an approved, signed or in-force version supersedes",
            s.status.as_str()
        ),
        Some(_) => return Ok(()),
    };
    Err(TransitionError::SuccessorInvalid { problem })
}

#[cfg(test)]
mod tests;
