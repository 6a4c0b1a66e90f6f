//! The transition table and who may do what, as data: the roles ([`Role`]), the actions
//! ([`ActionKind`]) with the statuses they start from and lead to, and each action's
//! [`Permission`].

use crate::job_description::Status;
use serde::{Deserialize, Serialize};

/// What a user of the program is allowed to do, by role. A person may hold several roles.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the program: accounts, imports, reference data; may record approvals.
    Administrator,
    /// Personnel (personaliosakond): coordinates, records directives, consent and reviews.
    Hr,
    /// Heads a unit; acts as supervisor of the positions that report to the position they hold.
    Manager,
    /// Any staff member: reads, and acknowledges their own job description.
    Staff,
    /// Reads everything, changes nothing.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Hr,
        Role::Manager,
        Role::Staff,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Hr => "hr",
            Role::Manager => "manager",
            Role::Staff => "staff",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

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
    RecordConsent,
    Approve,
    Acknowledge,
    PutInForce,
    Supersede,
    Repeal,
}

impl ActionKind {
    pub const ALL: [ActionKind; 10] = [
        ActionKind::Submit,
        ActionKind::SignOffAsSupervisor,
        ActionKind::SignOffAsHr,
        ActionKind::Return,
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
            ActionKind::SignOffAsSupervisor | ActionKind::SignOffAsHr | ActionKind::Return => {
                &[InCoordination]
            }
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
            ActionKind::Return => Status::Draft,
            ActionKind::Approve => Status::Approved,
            ActionKind::Acknowledge if from == Status::Approved => Status::Signed,
            ActionKind::PutInForce => Status::InForce,
            ActionKind::Supersede => Status::Superseded,
            ActionKind::Repeal => Status::Repealed,
            _ => from,
        }
    }

    /// Who may perform the action: the roles, and whether the position's supervisor (a
    /// manager) or its holder may.
    pub fn permission(self) -> Permission {
        const HR_ADMIN: &[Role] = &[Role::Hr, Role::Administrator];
        let (roles, supervisor, holder): (&'static [Role], bool, bool) = match self {
            ActionKind::Submit => (HR_ADMIN, true, false),
            ActionKind::SignOffAsSupervisor => (&[], true, false),
            ActionKind::SignOffAsHr => (&[Role::Hr], false, false),
            ActionKind::Return => (&[Role::Hr], true, false),
            ActionKind::RecordConsent | ActionKind::Acknowledge => (HR_ADMIN, false, true),
            ActionKind::Approve
            | ActionKind::PutInForce
            | ActionKind::Supersede
            | ActionKind::Repeal => (HR_ADMIN, false, false),
        };
        Permission {
            roles,
            supervisor,
            holder,
        }
    }
}

/// Who may perform an action (see [`ActionKind::permission`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    pub roles: &'static [Role],
    /// The position's supervisor, holding the manager role, may.
    pub supervisor: bool,
    /// The position's holder may.
    pub holder: bool,
}

impl Permission {
    /// The capacity in which `actor` may act, or None.
    pub fn capacity_of(&self, actor: &Actor) -> Option<Capacity> {
        if !actor.may_act() {
            return None;
        }
        if self.supervisor && actor.is_supervisor && actor.has(Role::Manager) {
            return Some(Capacity::Supervisor);
        }
        for role in self.roles {
            if actor.has(*role) {
                return match role {
                    Role::Hr => Some(Capacity::Hr),
                    Role::Administrator => Some(Capacity::Administrator),
                    _ => None,
                };
            }
        }
        if self.holder && actor.is_holder {
            return Some(Capacity::Holder);
        }
        None
    }

    /// "the HR or administrator role, or being the position's supervisor (manager)".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .roles
            .iter()
            .map(|r| format!("the {} role", r.as_str()))
            .collect();
        if self.supervisor {
            parts.push("being the position's supervisor with the manager role".into());
        }
        if self.holder {
            parts.push("being the position's holder".into());
        }
        parts.join(" or ")
    }
}
