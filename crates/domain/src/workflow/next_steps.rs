//! What a version waits for next, decided from the version alone: the steps of its lifecycle
//! that someone still has to take. The task lists are made of these (the store keeps them
//! beside each version so that "what waits for me" is a query, not a walk over the registry).

use super::{ActionKind, CoordinationParty};
use crate::{JobDescription, Status};
use serde::{Deserialize, Serialize};

/// A step a version waits for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// A draft returned from coordination: to be revised and submitted again.
    Revise,
    /// A draft: to be completed and submitted for coordination.
    Submit,
    /// In coordination without the supervisor's sign-off.
    SignOffAsSupervisor,
    /// In coordination without HR's sign-off.
    SignOffAsHr,
    /// Coordinated: to be approved by a directive (registering the directive approves it).
    Approve,
    /// Approved: the holder is to acknowledge it.
    Acknowledge,
    /// Acknowledged: to be put in force on its first day.
    PutInForce,
}

impl NextStep {
    pub const ALL: [NextStep; 7] = [
        NextStep::Revise,
        NextStep::Submit,
        NextStep::SignOffAsSupervisor,
        NextStep::SignOffAsHr,
        NextStep::Approve,
        NextStep::Acknowledge,
        NextStep::PutInForce,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NextStep::Revise => "revise",
            NextStep::Submit => "submit",
            NextStep::SignOffAsSupervisor => "sign_off_as_supervisor",
            NextStep::SignOffAsHr => "sign_off_as_hr",
            NextStep::Approve => "approve",
            NextStep::Acknowledge => "acknowledge",
            NextStep::PutInForce => "put_in_force",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The lifecycle action that takes the step (revising a draft is editing it, then
    /// submitting it).
    pub fn action(self) -> ActionKind {
        match self {
            NextStep::Revise | NextStep::Submit => ActionKind::Submit,
            NextStep::SignOffAsSupervisor => ActionKind::SignOffAsSupervisor,
            NextStep::SignOffAsHr => ActionKind::SignOffAsHr,
            NextStep::Approve => ActionKind::Approve,
            NextStep::Acknowledge => ActionKind::Acknowledge,
            NextStep::PutInForce => ActionKind::PutInForce,
        }
    }
}

/// The steps `jd` waits for, in lifecycle order (none for a version in force, superseded or
/// repealed).
pub fn next_steps(jd: &JobDescription) -> Vec<NextStep> {
    let w = &jd.workflow;
    match jd.status {
        Status::Draft => {
            let returned = w
                .history
                .last()
                .is_some_and(|r| r.action == ActionKind::Return);
            vec![if returned {
                NextStep::Revise
            } else {
                NextStep::Submit
            }]
        }
        Status::InCoordination => {
            let missing = w.missing_sign_offs();
            if missing.is_empty() {
                return vec![NextStep::Approve];
            }
            missing
                .into_iter()
                .map(|p| match p {
                    CoordinationParty::Supervisor => NextStep::SignOffAsSupervisor,
                    CoordinationParty::Hr => NextStep::SignOffAsHr,
                })
                .collect()
        }
        Status::Approved => vec![NextStep::Acknowledge],
        Status::Signed => vec![NextStep::PutInForce],
        Status::InForce | Status::Superseded | Status::Repealed => vec![],
    }
}

/// The steps as the store keeps them: each name between spaces (" sign_off_as_hr approve "),
/// so that `LIKE '% approve %'` finds one; empty when there are none.
pub fn encode(steps: &[NextStep]) -> String {
    if steps.is_empty() {
        return String::new();
    }
    let mut s = String::from(" ");
    for step in steps {
        s.push_str(step.as_str());
        s.push(' ');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{ids, sample_registry};
    use crate::workflow::{Capacity, SignOff, TransitionRecord};

    fn version(status: Status) -> JobDescription {
        let r = sample_registry();
        let mut jd = r
            .job_description(&ids::job_description(&ids::head_of_department(), 3))
            .unwrap()
            .clone();
        jd.status = status;
        jd.workflow = Default::default();
        jd
    }

    fn record(action: ActionKind) -> TransitionRecord {
        TransitionRecord {
            from: Status::InCoordination,
            to: Status::Draft,
            action,
            by: "hr".into(),
            by_name: None,
            capacity: Capacity::Hr,
            at: crate::time::Timestamp::parse("2026-03-06T10:00:00Z").unwrap(),
            comment: None,
        }
    }

    #[test]
    fn each_status_waits_for_its_steps() {
        assert_eq!(next_steps(&version(Status::Draft)), [NextStep::Submit]);
        let mut returned = version(Status::Draft);
        returned.workflow.history.push(record(ActionKind::Return));
        assert_eq!(next_steps(&returned), [NextStep::Revise]);
        let mut c = version(Status::InCoordination);
        assert_eq!(
            next_steps(&c),
            [NextStep::SignOffAsSupervisor, NextStep::SignOffAsHr]
        );
        let at = record(ActionKind::SignOffAsHr).at;
        c.workflow.sign_offs.push(SignOff {
            party: CoordinationParty::Hr,
            by: "hr".into(),
            at,
            comment: None,
        });
        assert_eq!(next_steps(&c), [NextStep::SignOffAsSupervisor]);
        c.workflow.sign_offs.push(SignOff {
            party: CoordinationParty::Supervisor,
            by: "juht".into(),
            at,
            comment: None,
        });
        assert_eq!(next_steps(&c), [NextStep::Approve]);
        assert_eq!(
            next_steps(&version(Status::Approved)),
            [NextStep::Acknowledge]
        );
        assert_eq!(next_steps(&version(Status::Signed)), [NextStep::PutInForce]);
        for s in [Status::InForce, Status::Superseded, Status::Repealed] {
            assert!(next_steps(&version(s)).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn steps_are_kept_between_spaces_and_read_back() {
        assert_eq!(encode(&[]), "");
        let s = encode(&[NextStep::SignOffAsSupervisor, NextStep::SignOffAsHr]);
        assert_eq!(s, " sign_off_as_supervisor sign_off_as_hr ");
        for step in NextStep::ALL {
            assert_eq!(NextStep::parse(step.as_str()), Some(step));
        }
        assert_eq!(NextStep::parse("approved"), None);
    }
}
