//! The lifecycle of a job description version — submit, sign-offs, return, consent, approval,
//! acknowledgement, putting in force, repeal — as one use case for the web pages, the JSON API
//! and the command line: load what the decision needs, relate the principal to the position,
//! ask the domain ([`ametijuhend_domain::workflow::transition`]) and store the outcome with its
//! audit entries in one transaction.
//!
//! - **Who the principal is to the position.** The domain needs to know whether the actor is the
//!   position's supervisor and whether they hold it: the permission decision says
//!   ([`access::lifecycle::actor`]).
//! - **The consent rule.** A version is classified against the position's current document (the
//!   version in force, else the latest approved or signed one), other than itself and older
//!   than it, by the staff group of the position, with the default [`ConsentPolicy`].
//! - **Follow-ups.** Putting a version in force supersedes the version in force before it in the
//!   same transaction.
//! - **Approval agrees with the directive.** Approving by hand is for documents approved outside
//!   the system: a version that is an annex of a directive in the registry is approved by
//!   registering that directive ([`crate::directives`]); an approval naming a directive of the
//!   registry must match its annex; an approval naming a directive the registry does not have
//!   creates that directive's record in the same transaction.
//! - **Concurrency.** The write goes through [`Repository::apply_audited_if_unchanged`]: when
//!   someone else changed one of the versions after it was read, nothing is written and
//!   [`AppError::Stale`] says so.

use crate::directives::approval::{self, Link};
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{self, UnitTree};
use ametijuhend_domain::consent::{ConsentAssessment, ConsentPolicy, classify};
use ametijuhend_domain::workflow::{
    self, Action, ActionKind, Actor, FollowUp, TransitionContext, TransitionError,
    TransitionOutcome, current_version,
};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Position, Status, Timestamp};
use ametijuhend_store::{AuditEntry, ChangeSet, Repository, SignedKind};
use chrono::NaiveDate;

/// A version with everything a lifecycle decision about it needs.
#[derive(Debug, Clone)]
pub struct VersionState {
    pub jd: JobDescription,
    pub position: Position,
    /// Every version of the position, oldest first.
    pub versions: Vec<JobDescription>,
    pub tree: UnitTree,
    /// The directives that list this version as an annex.
    pub directives: Vec<ametijuhend_domain::Directive>,
    /// Some account is the position's supervisor (a manager account over it); when none is,
    /// HR signs off in the supervisor's place.
    pub supervisor_account: bool,
    /// Documents issued for signing and signed containers stored for this version, counted
    /// for a draft only (they keep it from being discarded, see [`crate::discard`]).
    pub signature_records: usize,
}

impl VersionState {
    /// Loads a version, its position, the position's versions and the unit tree. None when the
    /// version or its position does not exist.
    pub async fn load(
        store: &dyn Repository,
        id: &JobDescriptionId,
    ) -> Result<Option<Self>, AppError> {
        let Some(jd) = store.get_job_description(id).await? else {
            return Ok(None);
        };
        let Some(position) = store.get_position(&jd.position).await? else {
            return Ok(None);
        };
        let versions = store.list_job_descriptions(&position.id).await?;
        let tree = UnitTree::new(&store.list_units().await?);
        let directives = store.directives_with_annex(&jd.id).await?;
        // The accounts are few (people, not records of the registry).
        let accounts: Vec<access::Principal> = store
            .list_users()
            .await?
            .iter()
            .filter(|u| u.roles.contains(&ametijuhend_domain::access::Role::Manager))
            .map(|u| Principal::of(u).access)
            .collect();
        let supervisor_account =
            access::lifecycle::has_supervisor_account(&accounts, &position, &tree);
        let signature_records = if jd.status == Status::Draft {
            let id = jd.id.to_string();
            store
                .issued_files(SignedKind::JobDescription, &id)
                .await?
                .len()
                + store
                    .signed_containers(SignedKind::JobDescription, &id)
                    .await?
                    .len()
        } else {
            0
        };
        Ok(Some(Self {
            jd,
            position,
            versions,
            tree,
            directives,
            supervisor_account,
            signature_records,
        }))
    }

    /// What the consent rule compares this version with: the position's current document,
    /// other than this version and older than it.
    pub fn baseline(&self) -> Option<&JobDescription> {
        current_version(
            self.versions
                .iter()
                .filter(|v| v.id != self.jd.id && v.version < self.jd.version),
            &self.position.id,
        )
    }

    /// The consent rule's verdict on this version.
    pub fn assessment(&self) -> ConsentAssessment {
        classify(
            self.baseline(),
            &self.jd,
            self.position.staff_group,
            &ConsentPolicy::default(),
        )
    }

    /// The position's version in force, when it is another one.
    pub fn in_force(&self) -> Option<&JobDescription> {
        self.versions
            .iter()
            .filter(|v| v.status == Status::InForce && v.id != self.jd.id)
            .max_by_key(|v| v.version)
    }

    /// The principal as the domain's transition rules see it, related to this position.
    pub fn actor(&self, who: &Principal) -> Actor {
        Actor {
            no_supervisor_account: !self.supervisor_account,
            ..access::lifecycle::actor(&who.access, who.name.clone(), &self.position, &self.tree)
        }
    }

    /// The actions the principal may take on this version now: those their role permits from
    /// its status whose preconditions hold too (each is decided with the input a form would
    /// send by default, so an action that would be refused — a second sign-off, approving before
    /// the sign-offs, putting in force before the first day — is not offered). Superseding is
    /// left out: it follows from putting the successor in force.
    pub fn available(&self, who: &Principal, at: Timestamp, today: NaiveDate) -> Vec<ActionKind> {
        workflow::available_actions(self.jd.status, &self.actor(who))
            .into_iter()
            .filter(|k| *k != ActionKind::Supersede)
            // An annex of a directive not yet registered is approved by registering it.
            .filter(|k| {
                *k != ActionKind::Approve || self.directives.iter().all(|d| d.is_registered())
            })
            .filter(|k| {
                let probe = probe(*k, today);
                self.decide(who, &probe, at, today).is_ok()
            })
            .collect()
    }

    /// Asks the domain whether the principal may perform `action` now; changes nothing.
    pub fn decide(
        &self,
        who: &Principal,
        action: &Action,
        at: Timestamp,
        today: NaiveDate,
    ) -> Result<TransitionOutcome, TransitionError> {
        let assessment = self.assessment();
        let successor = match action {
            Action::Supersede { by } => self.versions.iter().find(|v| &v.id == by),
            _ => None,
        };
        let ctx = TransitionContext {
            today: Some(today),
            consent: Some(&assessment),
            position_vacant: self.position.holder_on(today).is_none(),
            in_force: self.in_force(),
            successor,
        };
        workflow::transition(&self.jd, action, &self.actor(who), at, &ctx)
    }

    /// The version with `action` applied, and the versions it supersedes, each with its audit
    /// entry; nothing is stored.
    pub(crate) fn outcome(
        &self,
        who: &Principal,
        action: &Action,
        at: Timestamp,
        today: NaiveDate,
    ) -> Result<Planned, TransitionError> {
        let outcome = self.decide(who, action, at, today)?;
        let mut jd = self.jd.clone();
        outcome.apply(&mut jd)?;
        let mut planned = Planned {
            changes: vec![jd.clone()],
            unchanged: vec![self.jd.clone()],
            entries: vec![audit(who, at, outcome.record.action, &self.jd, &jd)],
            superseded: Vec::new(),
            jd: jd.clone(),
            outcome: outcome.clone(),
        };
        for follow_up in &outcome.follow_ups {
            let FollowUp::Supersede { previous, by } = follow_up;
            let Some(prev) = self.versions.iter().find(|v| &v.id == previous) else {
                continue;
            };
            let prev_state = VersionState {
                jd: prev.clone(),
                versions: self
                    .versions
                    .iter()
                    .map(|v| if v.id == jd.id { jd.clone() } else { v.clone() })
                    .collect(),
                ..self.clone()
            };
            let follow =
                prev_state.decide(who, &Action::Supersede { by: by.clone() }, at, today)?;
            let mut after = prev.clone();
            follow.apply(&mut after)?;
            planned
                .entries
                .push(audit(who, at, ActionKind::Supersede, prev, &after));
            planned.unchanged.push(prev.clone());
            planned.changes.push(after.clone());
            planned.superseded.push(after);
        }
        Ok(planned)
    }
}

/// The action `kind` with the input its form sends by default (today's date, a placeholder
/// comment or directive), to ask whether its preconditions hold.
fn probe(kind: ActionKind, today: NaiveDate) -> Action {
    match kind {
        ActionKind::Submit => Action::Submit,
        ActionKind::SignOffAsSupervisor => Action::SignOffAsSupervisor { comment: None },
        ActionKind::SignOffAsHr => Action::SignOffAsHr { comment: None },
        ActionKind::Return => Action::Return {
            comment: "?".into(),
        },
        ActionKind::Withdraw => Action::Withdraw { comment: None },
        ActionKind::RecordConsent => Action::RecordConsent {
            given_on: today,
            comment: None,
        },
        ActionKind::Approve => Action::Approve(ametijuhend_domain::workflow::DirectiveApproval {
            directive: None,
            number: "?".into(),
            date: today,
            annex: 1,
            effective_from: None,
            approved_by: None,
        }),
        ActionKind::Acknowledge => Action::Acknowledge {
            date: today,
            holder: None,
        },
        ActionKind::PutInForce => Action::PutInForce,
        ActionKind::Supersede | ActionKind::Repeal => Action::Repeal { reason: "?".into() },
    }
}

/// A transition decided and applied in memory, not yet stored.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub jd: JobDescription,
    pub outcome: TransitionOutcome,
    /// The versions to write (this one first, then those superseded).
    pub changes: Vec<JobDescription>,
    /// The versions as read (stored only while still exactly so).
    pub unchanged: Vec<JobDescription>,
    pub entries: Vec<AuditEntry>,
    pub superseded: Vec<JobDescription>,
}

/// What a performed transition wrote.
#[derive(Debug, Clone)]
pub struct Performed {
    /// The version after the transition.
    pub jd: JobDescription,
    pub outcome: TransitionOutcome,
    /// Versions superseded in the same transaction (the previous version in force).
    pub superseded: Vec<JobDescription>,
}

pub(crate) fn audit(
    who: &Principal,
    at: Timestamp,
    kind: ActionKind,
    before: &JobDescription,
    after: &JobDescription,
) -> AuditEntry {
    AuditEntry::new(
        at,
        who.account().to_string(),
        format!("job_description.{}", kind.as_str()),
        "position",
        &before.position,
    )
    .before(before)
    .after(after)
}

/// Performs `action` on version `id` as `who`: the domain decides, the follow-ups are decided
/// too, and everything is stored with its audit entries in one transaction — or nothing is.
pub async fn perform(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    id: &JobDescriptionId,
    action: &Action,
) -> Result<Performed, AppError> {
    let (at, today) = (clock.timestamp(), clock.today());
    let state = VersionState::load(store, id)
        .await?
        .ok_or_else(|| AppError::not_found("job description version", id))?;
    // Acknowledged for the holder by someone else: the holder's name, when the registry has it.
    let mut action = match action {
        Action::Acknowledge { date, holder: None } if !state.actor(who).is_holder => {
            let name = match state.position.holder_on(*date) {
                Some(person) => store.get_person(person).await?.map(|p| p.name),
                None => None,
            };
            Action::Acknowledge {
                date: *date,
                holder: name,
            }
        }
        other => other.clone(),
    };
    // An approval by hand must agree with the directives of the registry.
    let mut directive_changes = Vec::new();
    if let Action::Approve(a) = &mut action {
        match approval::link(store, &state.jd, a).await? {
            Link::Existing(id) => a.directive = Some(id),
            Link::Create(d) => {
                a.directive = Some(d.id.clone());
                directive_changes.push(*d);
            }
        }
    }
    let mut planned = state.outcome(who, &action, at, today)?;
    for d in &directive_changes {
        planned.entries.push(
            AuditEntry::new(
                at,
                who.account().to_string(),
                "directive.recorded",
                "directive",
                &d.id,
            )
            .after(d),
        );
    }
    store
        .apply_audited_if_unchanged(
            &ChangeSet {
                job_descriptions: planned.changes,
                directives: directive_changes,
                ..ChangeSet::default()
            },
            &planned.unchanged,
            &planned.entries,
        )
        .await?;
    Ok(Performed {
        jd: planned.jd,
        outcome: planned.outcome,
        superseded: planned.superseded,
    })
}
