//! The lifecycle of a job description version as the web pages, the JSON API and the command
//! line perform it: one place that loads what a decision needs, relates the account to the
//! position, asks the domain ([`ametijuhend_domain::workflow::transition`]) and stores the
//! outcome with its audit entries in one transaction.
//!
//! - **Who the account is to the position.** The domain needs to know whether the actor is the
//!   position's supervisor and whether they hold it: the permission decision says
//!   ([`access::lifecycle::actor`]).
//! - **The consent rule.** A version is classified against the position's current document (the
//!   version in force, else the latest approved or signed one), other than itself and older
//!   than it, by the staff group of the position, with the default [`ConsentPolicy`].
//! - **Follow-ups.** Putting a version in force supersedes the version in force before it in the
//!   same transaction.
//! - **Concurrency.** The write goes through [`Repository::apply_audited_if_unchanged`]: when
//!   someone else changed one of the versions after it was read, nothing is written and
//!   [`LifecycleError::Changed`] says so.

use ametijuhend_domain::access::{self, Principal, UnitTree};
use ametijuhend_domain::consent::{ConsentAssessment, ConsentPolicy, classify};
use ametijuhend_domain::workflow::{
    self, Action, ActionKind, Actor, FollowUp, TransitionContext, TransitionError,
    TransitionOutcome, current_version,
};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Position, Status, Timestamp};
use ametijuhend_store::{AuditEntry, ChangeSet, Repository, StoreError, User};
use chrono::NaiveDate;

pub use crate::pages::workflow_reviews::{ReviewFailure, Reviewed, record_position_review};

/// The account as the permission decision sees it.
pub fn principal(user: &User) -> Principal {
    Principal {
        account: user.username.clone(),
        roles: user.roles.clone(),
        unit: user.unit.clone(),
        position: user.position.clone(),
    }
}

/// The account as the domain's transition rules see it, related to `position` (the relation
/// is decided by [`access::lifecycle::actor`]).
pub fn actor(user: &User, position: &Position, tree: &UnitTree) -> Actor {
    access::lifecycle::actor(
        &principal(user),
        Some(user.display_name.clone()),
        position,
        tree,
    )
}

/// A version with everything a lifecycle decision about it needs.
#[derive(Debug, Clone)]
pub struct VersionState {
    pub jd: JobDescription,
    pub position: Position,
    /// Every version of the position, oldest first.
    pub versions: Vec<JobDescription>,
    pub tree: UnitTree,
}

impl VersionState {
    /// Loads a version, its position, the position's versions and the unit tree. None when the
    /// version or its position does not exist.
    pub async fn load(
        store: &dyn Repository,
        id: &JobDescriptionId,
    ) -> Result<Option<Self>, StoreError> {
        let Some(jd) = store.get_job_description(id).await? else {
            return Ok(None);
        };
        let Some(position) = store.get_position(&jd.position).await? else {
            return Ok(None);
        };
        let versions = store.list_job_descriptions(&position.id).await?;
        let tree = UnitTree::new(&store.list_units().await?);
        Ok(Some(Self {
            jd,
            position,
            versions,
            tree,
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

    pub fn actor(&self, user: &User) -> Actor {
        actor(user, &self.position, &self.tree)
    }

    /// The actions the account may start on this version now (preconditions are checked when
    /// one is asked for). Superseding is left out: it follows from putting the successor in
    /// force.
    pub fn available(&self, user: &User) -> Vec<ActionKind> {
        workflow::available_actions(self.jd.status, &self.actor(user))
            .into_iter()
            .filter(|k| *k != ActionKind::Supersede)
            .filter(|k| {
                // Recording consent is offered only when this version needs it.
                *k != ActionKind::RecordConsent || self.assessment().needs_consent
            })
            .collect()
    }

    /// Asks the domain whether `user` may perform `action` now; changes nothing.
    pub fn decide(
        &self,
        user: &User,
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
        workflow::transition(&self.jd, action, &self.actor(user), at, &ctx)
    }
}

/// Why a transition was not performed.
#[derive(Debug, thiserror::Error)]
pub enum LifecycleError {
    #[error("there is no job description version with id '{0}'")]
    NotFound(String),
    /// The domain refused it (the error has a stable code to translate).
    #[error("{0}")]
    Refused(#[from] TransitionError),
    /// Someone else changed the version meanwhile; nothing was written.
    #[error(
        "the version was changed meanwhile by someone else; nothing was written: reload it and try again"
    )]
    Changed,
    #[error("{0}")]
    Store(StoreError),
}

impl From<StoreError> for LifecycleError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Changed { .. } => LifecycleError::Changed,
            other => LifecycleError::Store(other),
        }
    }
}

impl LifecycleError {
    /// A stable code: the domain's for refusals, else `not_found`, `changed`, `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleError::NotFound(_) => "not_found",
            LifecycleError::Refused(e) => e.code(),
            LifecycleError::Changed => "changed",
            LifecycleError::Store(_) => "internal",
        }
    }
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

fn audit(
    user: &User,
    at: Timestamp,
    kind: ActionKind,
    before: &JobDescription,
    after: &JobDescription,
) -> AuditEntry {
    AuditEntry::new(
        at,
        user.username.clone(),
        format!("job_description.{}", kind.as_str()),
        "position",
        &before.position,
    )
    .before(before)
    .after(after)
}

/// Performs `action` on version `id` as `user`: the domain decides, the follow-ups are decided
/// too, and everything is stored with its audit entries in one transaction — or nothing is.
pub async fn perform(
    store: &dyn Repository,
    user: &User,
    id: &JobDescriptionId,
    action: &Action,
    at: Timestamp,
    today: NaiveDate,
) -> Result<Performed, LifecycleError> {
    let state = VersionState::load(store, id)
        .await?
        .ok_or_else(|| LifecycleError::NotFound(id.to_string()))?;
    // Acknowledged for the holder by someone else: the holder's name, when the registry has it.
    let action = match action {
        Action::Acknowledge { date, holder: None } if !state.actor(user).is_holder => {
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
    let outcome = state.decide(user, &action, at, today)?;
    let mut jd = state.jd.clone();
    outcome.apply(&mut jd)?;
    let mut changes = vec![jd.clone()];
    let mut unchanged = vec![state.jd.clone()];
    let mut entries = vec![audit(user, at, outcome.record.action, &state.jd, &jd)];
    let mut superseded = Vec::new();
    for follow_up in &outcome.follow_ups {
        let FollowUp::Supersede { previous, by } = follow_up;
        let Some(prev) = state.versions.iter().find(|v| &v.id == previous) else {
            continue;
        };
        let prev_state = VersionState {
            jd: prev.clone(),
            versions: state
                .versions
                .iter()
                .map(|v| if v.id == jd.id { jd.clone() } else { v.clone() })
                .collect(),
            ..state.clone()
        };
        let follow = prev_state.decide(user, &Action::Supersede { by: by.clone() }, at, today)?;
        let mut after = prev.clone();
        follow.apply(&mut after)?;
        entries.push(audit(user, at, ActionKind::Supersede, prev, &after));
        unchanged.push(prev.clone());
        changes.push(after.clone());
        superseded.push(after);
    }
    store
        .apply_audited_if_unchanged(
            &ChangeSet {
                job_descriptions: changes,
                ..ChangeSet::default()
            },
            &unchanged,
            &entries,
        )
        .await?;
    Ok(Performed {
        jd,
        outcome,
        superseded,
    })
}
