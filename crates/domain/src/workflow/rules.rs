//! The transition table as data: the actions ([`ActionKind`]) with the statuses they start
//! from and lead to, and who asks for them ([`Actor`]). Who may perform each action is decided
//! by the one permission decision, [`crate::access::lifecycle`].

pub use crate::access::Role;
use crate::job_description::Status;
use serde::{Deserialize, Serialize};

/// Who asks for a transition. `is_supervisor` and `is_holder` relate the actor to the position of
/// the version in question; the caller computes them (e.g. from assignments on the day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Actor {
    /// The account name, recorded in the history.
    pub account: String,
    /// The person's name, when known.
    #[serde(default)]
    pub name: Option<String>,
    pub roles: Vec<Role>,
    /// Holds the position this version's position reports to.
    #[serde(default)]
    pub is_supervisor: bool,
    /// Holds this version's position.
    #[serde(default)]
    pub is_holder: bool,
    /// No account can sign off as this position's supervisor (no manager account is its
    /// supervisor): HR signs off in the supervisor's place.
    #[serde(default)]
    pub no_supervisor_account: bool,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// True when the actor has a role that may change anything (an auditor alone may not).
    pub fn may_act(&self) -> bool {
        self.roles.iter().any(|r| *r != Role::Auditor)
    }
}

/// The capacity in which an actor performed an action, as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    Supervisor,
    Hr,
    Holder,
    Administrator,
}

impl Capacity {
    pub fn as_str(self) -> &'static str {
        match self {
            Capacity::Supervisor => "supervisor",
            Capacity::Hr => "hr",
            Capacity::Holder => "holder",
            Capacity::Administrator => "administrator",
        }
    }
}

/// The two parties whose sign-off completes coordination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CoordinationParty {
    Supervisor,
    Hr,
}

impl CoordinationParty {
    pub const ALL: [CoordinationParty; 2] = [CoordinationParty::Supervisor, CoordinationParty::Hr];

    pub fn as_str(self) -> &'static str {
        match self {
            CoordinationParty::Supervisor => "supervisor",
            CoordinationParty::Hr => "hr",
        }
    }
}

/// The kind of an action, as recorded in the history and used in error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Submit,
    SignOffAsSupervisor,
    SignOffAsHr,
    Return,
    /// The one who submitted it (or HR, or the supervisor) takes it back from coordination.
    Withdraw,
    RecordConsent,
    Approve,
    Acknowledge,
    PutInForce,
    Supersede,
    Repeal,
}

impl ActionKind {
    pub const ALL: [ActionKind; 11] = [
        ActionKind::Submit,
        ActionKind::SignOffAsSupervisor,
        ActionKind::SignOffAsHr,
        ActionKind::Return,
        ActionKind::Withdraw,
        ActionKind::RecordConsent,
        ActionKind::Approve,
        ActionKind::Acknowledge,
        ActionKind::PutInForce,
        ActionKind::Supersede,
        ActionKind::Repeal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Submit => "submit",
            ActionKind::SignOffAsSupervisor => "sign_off_as_supervisor",
            ActionKind::SignOffAsHr => "sign_off_as_hr",
            ActionKind::Return => "return",
            ActionKind::Withdraw => "withdraw",
            ActionKind::RecordConsent => "record_consent",
            ActionKind::Approve => "approve",
            ActionKind::Acknowledge => "acknowledge",
            ActionKind::PutInForce => "put_in_force",
            ActionKind::Supersede => "supersede",
            ActionKind::Repeal => "repeal",
        }
    }

    /// The statuses the action starts from.
    pub fn from_statuses(self) -> &'static [Status] {
        use Status::*;
        match self {
            ActionKind::Submit => &[Draft],
            ActionKind::SignOffAsSupervisor
            | ActionKind::SignOffAsHr
            | ActionKind::Return
            | ActionKind::Withdraw => &[InCoordination],
            ActionKind::RecordConsent => &[Draft, InCoordination],
            ActionKind::Approve => &[InCoordination],
            // A holder who takes up a vacant position acknowledges the version in force.
            ActionKind::Acknowledge => &[Approved, InForce],
            ActionKind::PutInForce => &[Approved, Signed],
            ActionKind::Supersede | ActionKind::Repeal => &[Approved, Signed, InForce],
        }
    }

    /// The status after the action, from `from` (one of [`Self::from_statuses`]).
    pub fn to_status(self, from: Status) -> Status {
        match self {
            ActionKind::Submit => Status::InCoordination,
            ActionKind::Return | ActionKind::Withdraw => Status::Draft,
            ActionKind::Approve => Status::Approved,
            ActionKind::Acknowledge if from == Status::Approved => Status::Signed,
            ActionKind::PutInForce => Status::InForce,
            ActionKind::Supersede => Status::Superseded,
            ActionKind::Repeal => Status::Repealed,
            _ => from,
        }
    }
}
