//! Who may perform a lifecycle action on a job description version: part of the one
//! permission decision.
//!
//! - **The account's relation to the position** ([`actor`]). An account is the position's
//!   *holder* when the position on the account is this position. An account with the manager
//!   role is its *supervisor* when the position is in the manager's units ([`super::decide`]
//!   with `Edit`), is not the manager's own position, and either the position on the account is
//!   the one this position reports to, or the account names no position (then the manager acts
//!   for every position of their units).
//! - **The rule of each action** ([`LifecycleRule::of`]): the roles that may perform it, and
//!   whether the supervisor or the holder may. [`capacity`] says in which capacity an actor
//!   acts, or that they may not.
//! - **Discarding a draft** ([`may_discard`]) is not a transition: whoever may edit the draft
//!   may discard it ([`Permission::Edit`] on the position).

use super::{Denied, Permission, Principal, Role, Target, UnitTree, decide};
use crate::position::Position;
use crate::workflow::{ActionKind, Actor, Capacity};

/// Who may perform one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifecycleRule {
    pub roles: &'static [Role],
    /// The position's supervisor, holding the manager role, may.
    pub supervisor: bool,
    /// The position's holder may.
    pub holder: bool,
    /// HR may in the supervisor's place when no account is the position's supervisor.
    pub hr_without_supervisor: bool,
}

impl LifecycleRule {
    /// The rule of `kind`.
    pub fn of(kind: ActionKind) -> Self {
        const HR_ADMIN: &[Role] = &[Role::Hr, Role::Administrator];
        let (roles, supervisor, holder): (&'static [Role], bool, bool) = match kind {
            ActionKind::Submit | ActionKind::Withdraw => (HR_ADMIN, true, false),
            ActionKind::SignOffAsSupervisor => (&[], true, false),
            ActionKind::SignOffAsHr => (&[Role::Hr], false, false),
            ActionKind::Return => (&[Role::Hr], true, false),
            ActionKind::RecordConsent | ActionKind::Acknowledge => (HR_ADMIN, false, true),
            ActionKind::Approve
            | ActionKind::PutInForce
            | ActionKind::Supersede
            | ActionKind::Repeal => (HR_ADMIN, false, false),
        };
        Self {
            roles,
            supervisor,
            holder,
            hr_without_supervisor: kind == ActionKind::SignOffAsSupervisor,
        }
    }

    /// The capacity in which `actor` may act, or None.
    pub fn capacity_of(&self, actor: &Actor) -> Option<Capacity> {
        if !actor.may_act() {
            return None;
        }
        if self.supervisor && actor.is_supervisor && actor.has(Role::Manager) {
            return Some(Capacity::Supervisor);
        }
        if self.hr_without_supervisor && actor.no_supervisor_account && actor.has(Role::Hr) {
            return Some(Capacity::Hr);
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

    /// "the hr role or the administrator role or being the position's supervisor with the
    /// manager role".
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
        if self.hr_without_supervisor {
            parts.push("the hr role when no account is the position's supervisor".into());
        }
        parts.join(" or ")
    }
}

/// The capacity in which `actor` may perform `kind`, or None when they may not.
pub fn capacity(kind: ActionKind, actor: &Actor) -> Option<Capacity> {
    LifecycleRule::of(kind).capacity_of(actor)
}

/// Whether `who` may discard a draft of `position` ([`crate::workflow::discard`]): whoever may
/// edit the position's job description — HR, administrators, the managers of its units (the
/// author of a draft is one of them, since only they write drafts).
pub fn may_discard(who: &Principal, position: &Position, tree: &UnitTree) -> Result<(), Denied> {
    decide(
        who,
        Permission::Edit,
        Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        tree,
    )
}

/// The principal as the transition rules see it, related to `position` (see the module
/// documentation); `name` is the person's name recorded in the history.
pub fn actor(who: &Principal, name: Option<String>, position: &Position, tree: &UnitTree) -> Actor {
    let in_scope = decide(
        who,
        Permission::Edit,
        Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        tree,
    )
    .is_ok();
    let reports_to_account = match &who.position {
        None => true,
        Some(own) => position.supervisor.as_ref() == Some(own),
    };
    Actor {
        account: who.account.clone(),
        name,
        roles: who.roles.clone(),
        is_supervisor: who.has(Role::Manager)
            && in_scope
            && reports_to_account
            && who.position.as_ref() != Some(&position.id),
        is_holder: who.position.as_ref() == Some(&position.id),
        no_supervisor_account: false,
    }
}

/// True when one of `accounts` is `position`'s supervisor (see [`actor`]); when none is, the
/// supervisor's sign-off falls to HR.
pub fn has_supervisor_account(
    accounts: &[Principal],
    position: &Position,
    tree: &UnitTree,
) -> bool {
    accounts
        .iter()
        .any(|a| actor(a, None, position, tree).is_supervisor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{PositionId, UnitId};
    use crate::position::StaffGroup;
    use crate::unit::{Unit, UnitKind};

    fn position(id: &PositionId, unit: &UnitId, supervisor: Option<&PositionId>) -> Position {
        Position {
            id: id.clone(),
            title: "Spetsialist".into(),
            specialisation: None,
            unit: unit.clone(),
            supervisor: supervisor.cloned(),
            staff_group: StaffGroup::Official,
            role_card: None,
            job_family: None,
            assignments: vec![],
        }
    }

    fn principal(roles: &[Role], unit: Option<&UnitId>, pos: Option<&PositionId>) -> Principal {
        Principal {
            account: "x".into(),
            roles: roles.to_vec(),
            unit: unit.cloned(),
            position: pos.cloned(),
        }
    }

    #[test]
    fn supervisors_are_managers_of_the_unit_the_position_reports_to() {
        let dept = UnitId::derived("dept");
        let other = UnitId::derived("other");
        let tree = UnitTree::new(&[
            Unit::new(dept.clone(), "Osakond", UnitKind::Department, None),
            Unit::new(other.clone(), "Teine", UnitKind::Department, None),
        ]);
        let head = PositionId::derived("head");
        let worker = PositionId::derived("worker");
        let p = position(&worker, &dept, Some(&head));
        let manager = principal(&[Role::Manager], Some(&dept), Some(&head));
        let a = actor(&manager, None, &p, &tree);
        assert!(a.is_supervisor && !a.is_holder);
        assert_eq!(
            capacity(ActionKind::SignOffAsSupervisor, &a),
            Some(Capacity::Supervisor)
        );
        // Another unit's manager is no supervisor; nor is a manager of their own position.
        let elsewhere = principal(&[Role::Manager], Some(&other), None);
        assert!(!actor(&elsewhere, None, &p, &tree).is_supervisor);
        let own = principal(&[Role::Manager], Some(&dept), Some(&worker));
        let a = actor(&own, None, &p, &tree);
        assert!(!a.is_supervisor && a.is_holder);
        assert_eq!(capacity(ActionKind::SignOffAsSupervisor, &a), None);
        assert_eq!(
            capacity(ActionKind::Acknowledge, &a),
            Some(Capacity::Holder)
        );
    }

    #[test]
    fn rules_name_who_may_act_and_auditors_never_do() {
        let rule = LifecycleRule::of(ActionKind::Approve);
        assert_eq!(rule.describe(), "the hr role or the administrator role");
        let auditor = Actor {
            account: "a".into(),
            name: None,
            roles: vec![Role::Auditor],
            is_supervisor: true,
            is_holder: true,
            no_supervisor_account: true,
        };
        for kind in ActionKind::ALL {
            assert_eq!(capacity(kind, &auditor), None, "{}", kind.as_str());
        }
        let hr = Actor {
            roles: vec![Role::Hr],
            is_supervisor: false,
            is_holder: false,
            no_supervisor_account: false,
            ..auditor
        };
        assert_eq!(capacity(ActionKind::SignOffAsSupervisor, &hr), None);
        assert_eq!(capacity(ActionKind::SignOffAsHr, &hr), Some(Capacity::Hr));
        // Where no account is the position's supervisor, HR signs off in their place; nobody
        // else gains anything from it.
        let alone = Actor {
            no_supervisor_account: true,
            ..hr.clone()
        };
        assert_eq!(
            capacity(ActionKind::SignOffAsSupervisor, &alone),
            Some(Capacity::Hr)
        );
        for roles in [
            vec![Role::Administrator],
            vec![Role::Manager],
            vec![Role::Staff],
        ] {
            let other = Actor {
                roles,
                ..alone.clone()
            };
            assert_eq!(capacity(ActionKind::SignOffAsSupervisor, &other), None);
        }
    }

    #[test]
    fn a_position_without_a_supervisor_account_is_known() {
        let dept = UnitId::derived("dept");
        let team = UnitId::derived("team");
        let other = UnitId::derived("other");
        let tree = UnitTree::new(&[
            Unit::new(dept.clone(), "Osakond", UnitKind::Department, None),
            Unit::new(team.clone(), "Tiim", UnitKind::Team, Some(dept.clone())),
            Unit::new(other.clone(), "Muu", UnitKind::Department, None),
        ]);
        let boss = PositionId::derived("boss");
        let worker = position(&PositionId::derived("w"), &team, Some(&boss));
        let hr = principal(&[Role::Hr], None, None);
        let elsewhere = principal(&[Role::Manager], Some(&other), None);
        assert!(!has_supervisor_account(
            &[hr.clone(), elsewhere.clone()],
            &worker,
            &tree
        ));
        let head = principal(&[Role::Manager], Some(&dept), Some(&boss));
        assert!(has_supervisor_account(
            &[hr, elsewhere, head],
            &worker,
            &tree
        ));
    }
}
