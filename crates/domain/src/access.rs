//! Who may do what in the registry: the one decision every page and API route asks.
//!
//! [`decide`] takes the signed-in [`Principal`], the [`Permission`] asked for and the
//! [`Target`] it is asked on, and the unit tree ([`UnitTree`]) to place the target in a
//! manager's scope. It answers `Ok(())` or a [`Denied`] with a reason code that the interface
//! translates ("why was this refused").
//!
//! The rules:
//!
//! | permission | administrator | hr | manager | staff | auditor |
//! |---|---|---|---|---|---|
//! | [`Permission::Read`] (registry pages and API) | yes | yes | yes | yes | yes |
//! | [`Permission::SeeHolder`] (names of people holding positions) | yes | yes | yes | own position only | yes |
//! | [`Permission::ReadHistory`] (audit trail, before/after) | yes | yes | own subtree | no | yes |
//! | [`Permission::Edit`] (units, positions, job descriptions) | yes | yes | own subtree | no | no |
//! | [`Permission::Directives`] (prepare directives, record their registration) | yes | yes | no | no | no |
//! | [`Permission::AttachSignature`] (attach a signed container to a version or directive) | yes | yes | own position only | own position only | no |
//!
//! Lifecycle actions on job description versions (submit, sign off, return, consent, approve,
//! acknowledge, put in force, supersede, repeal) are decided in [`lifecycle`]: each action's
//! roles, and whether the position's supervisor or holder may, with the account's relation to
//! the position; discarding a draft (not a transition) is decided as editing it
//! ([`lifecycle::may_discard`]). What a reader sees of what they may read (holders' names, work
//! lists) is decided in [`visibility`]. Nothing outside this module decides who may do or see
//! what.
//!
//! [`Permission::Read`] is answered by [`readable`], which says what an account may read as a
//! whole ([`Readable`]); searches and lists filter by it, so nobody finds what they may not read.
//!
//! A manager's scope is the subtree of the unit on their account: that unit and every unit
//! below it in the current tree. A position is in scope when its unit is. A person may hold
//! several roles; the most permissive one counts, except that nothing lets an auditor-only
//! account change anything.

use crate::ids::{PositionId, UnitId};
use crate::unit::Unit;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub mod lifecycle;
pub mod visibility;

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

/// The signed-in account as the decision needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub account: String,
    pub roles: Vec<Role>,
    /// A manager's unit: the root of the subtree they may edit.
    pub unit: Option<UnitId>,
    /// A staff member's own position.
    pub position: Option<PositionId>,
}

impl Principal {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read the registry: units, positions, job descriptions, role cards, competencies.
    Read,
    /// See who holds a position.
    SeeHolder,
    /// Read the audit trail of a record (who changed what, before and after).
    ReadHistory,
    /// Create or change units, positions and job descriptions.
    Edit,
    /// Prepare the director general's directives that approve job descriptions and record the
    /// number and date the document register gave them (personnel's work).
    Directives,
    /// Attach a signed ASiC-E container to a job description version (HR, administrators, and
    /// the holder to a version of their own position) or to a directive (HR, administrators).
    AttachSignature,
}

/// What it is asked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The registry as a whole, or "anything at all" (e.g. may this account edit anything?).
    Registry,
    /// The top of the unit tree: a new unit without a parent (outside every manager's scope).
    TopLevel,
    /// A unit (and, for a new sub-unit, its parent).
    Unit(&'a UnitId),
    /// A position, placed by its unit.
    Position {
        id: &'a PositionId,
        unit: &'a UnitId,
    },
}

/// Why a request was refused; [`Denied::reason_code`] names a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The account has no role at all.
    #[error("the account has no role")]
    NoRole,
    /// An auditor reads everything and changes nothing.
    #[error("the auditor role reads everything and changes nothing")]
    AuditorReadsOnly,
    /// Staff read the registry but change nothing.
    #[error("the staff role reads the registry and changes nothing")]
    StaffReadsOnly,
    /// Staff see the audit trail of nothing, and holders only of their own position.
    #[error("the staff role does not see this")]
    StaffNotOwnRecord,
    /// A manager account without a unit has no scope.
    #[error("the manager account has no unit, so it has nothing to manage")]
    ManagerWithoutUnit,
    /// The target lies outside the manager's subtree.
    #[error("the record lies outside the manager's own units")]
    OutsideManagerScope,
    /// The target lies outside the part of the registry the account may read.
    #[error("the record lies outside the part of the registry the account may read")]
    OutsideReadScope,
    /// Directives are prepared and registered by HR (and administrators).
    #[error("directives are prepared and registered by HR and administrators")]
    DirectivesByHr,
    /// Signed containers are attached by HR (and administrators), or by the holder to a
    /// version of their own position.
    #[error(
        "signed containers are attached by HR and administrators, or by the holder to a version \
         of their own position"
    )]
    SignaturesByHrOrHolder,
}

impl Denied {
    /// A stable code, used as the key of the translated message (`denied-<code>`).
    pub fn reason_code(self) -> &'static str {
        match self {
            Denied::NoRole => "no-role",
            Denied::AuditorReadsOnly => "auditor-reads-only",
            Denied::StaffReadsOnly => "staff-reads-only",
            Denied::StaffNotOwnRecord => "staff-not-own-record",
            Denied::ManagerWithoutUnit => "manager-without-unit",
            Denied::OutsideManagerScope => "outside-manager-scope",
            Denied::OutsideReadScope => "outside-read-scope",
            Denied::DirectivesByHr => "directives-by-hr",
            Denied::SignaturesByHrOrHolder => "signatures-by-hr-or-holder",
        }
    }
}

/// The current unit tree: each unit's parent. Built from the units' current versions.
#[derive(Debug, Clone, Default)]
pub struct UnitTree {
    parent: HashMap<UnitId, UnitId>,
}

impl UnitTree {
    pub fn new(units: &[Unit]) -> Self {
        let parent = units
            .iter()
            .filter_map(|u| u.parent().map(|p| (u.id.clone(), p.clone())))
            .collect();
        Self { parent }
    }

    /// The unit and its ancestors, nearest first (stops at a cycle).
    pub fn ancestors_and_self(&self, unit: &UnitId) -> Vec<UnitId> {
        let mut out = vec![unit.clone()];
        let mut cur = unit;
        while let Some(p) = self.parent.get(cur) {
            if out.contains(p) {
                break;
            }
            out.push(p.clone());
            cur = p;
        }
        out
    }

    /// The unit's parent, if it has one.
    pub fn parent(&self, unit: &UnitId) -> Option<&UnitId> {
        self.parent.get(unit)
    }

    /// True when `unit` is `root` or lies below it.
    pub fn is_within(&self, unit: &UnitId, root: &UnitId) -> bool {
        self.ancestors_and_self(unit).contains(root)
    }
}

/// What an account may read: the one answer behind [`Permission::Read`], also used to filter
/// what searches and lists return (a search must not find what its reader may not read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readable {
    /// The whole registry.
    All,
    /// Nothing, for this reason.
    Nothing(Denied),
    /// A part of the registry.
    Part(ReadScope),
}

/// The part of the registry an account with [`Readable::Part`] may read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadScope {
    /// Units and positions in these units' subtrees.
    pub units: Vec<UnitId>,
    /// These positions, wherever they are.
    pub positions: Vec<PositionId>,
    /// The role card catalogue, the competency library and the organisation chart (all units).
    pub catalogue: bool,
}

/// What `who` may read. Today every role reads the whole registry (see the table above); an
/// account without a role reads nothing.
pub fn readable(who: &Principal) -> Readable {
    if who.roles.is_empty() {
        return Readable::Nothing(Denied::NoRole);
    }
    Readable::All
}

impl Readable {
    /// Whether reading `target` is allowed. [`Target::Registry`] ("anything at all") is allowed
    /// for any part that is not empty.
    pub fn permits(&self, target: Target<'_>, tree: &UnitTree) -> Result<(), Denied> {
        let scope = match self {
            Readable::All => return Ok(()),
            Readable::Nothing(why) => return Err(*why),
            Readable::Part(scope) => scope,
        };
        let in_units = |unit: &UnitId| scope.units.iter().any(|root| tree.is_within(unit, root));
        let ok = match target {
            Target::Registry => {
                scope.catalogue || !scope.units.is_empty() || !scope.positions.is_empty()
            }
            Target::TopLevel | Target::Unit(_) if scope.catalogue => true,
            Target::TopLevel => false,
            Target::Unit(u) => in_units(u),
            Target::Position { id, unit } => scope.positions.contains(id) || in_units(unit),
        };
        if ok {
            Ok(())
        } else {
            Err(Denied::OutsideReadScope)
        }
    }
}

/// Decides whether `who` may do `what` on `target`.
pub fn decide(
    who: &Principal,
    what: Permission,
    target: Target<'_>,
    tree: &UnitTree,
) -> Result<(), Denied> {
    if who.roles.is_empty() {
        return Err(Denied::NoRole);
    }
    if who.has(Role::Administrator) || who.has(Role::Hr) {
        return Ok(());
    }
    let manager_scope = || -> Result<(), Denied> {
        let root = who.unit.as_ref().ok_or(Denied::ManagerWithoutUnit)?;
        let unit = match target {
            Target::Registry => return Ok(()),
            Target::TopLevel => return Err(Denied::OutsideManagerScope),
            Target::Unit(u) => u,
            Target::Position { unit, .. } => unit,
        };
        if tree.is_within(unit, root) {
            Ok(())
        } else {
            Err(Denied::OutsideManagerScope)
        }
    };
    match what {
        Permission::Read => readable(who).permits(target, tree),
        Permission::SeeHolder => {
            if who.has(Role::Manager) || who.has(Role::Auditor) {
                return Ok(());
            }
            match target {
                Target::Position { id, .. } if who.position.as_ref() == Some(id) => Ok(()),
                _ => Err(Denied::StaffNotOwnRecord),
            }
        }
        Permission::ReadHistory => {
            if who.has(Role::Auditor) {
                return Ok(());
            }
            if who.has(Role::Manager) {
                return manager_scope();
            }
            Err(Denied::StaffNotOwnRecord)
        }
        Permission::Directives => {
            if who.has(Role::Manager) {
                Err(Denied::DirectivesByHr)
            } else if who.has(Role::Auditor) {
                Err(Denied::AuditorReadsOnly)
            } else {
                Err(Denied::StaffReadsOnly)
            }
        }
        Permission::AttachSignature => match target {
            Target::Position { id, .. } if who.position.as_ref() == Some(id) => {
                if who.has(Role::Auditor) && who.roles.len() == 1 {
                    Err(Denied::AuditorReadsOnly)
                } else {
                    Ok(())
                }
            }
            _ => Err(Denied::SignaturesByHrOrHolder),
        },
        Permission::Edit => {
            if who.has(Role::Manager) {
                return manager_scope();
            }
            if who.has(Role::Auditor) {
                Err(Denied::AuditorReadsOnly)
            } else {
                Err(Denied::StaffReadsOnly)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unit::UnitKind;

    #[test]
    fn signed_containers_are_attached_by_hr_or_the_holder() {
        let (t, _, dept, division, _) = tree();
        let own = PositionId::derived("own");
        let other = PositionId::derived("other");
        let at = |id| Target::Position {
            id,
            unit: &division,
        };
        for roles in [[Role::Hr], [Role::Administrator]] {
            let p = who(&roles, None, None);
            assert_eq!(
                decide(&p, Permission::AttachSignature, at(&other), &t),
                Ok(())
            );
            assert_eq!(
                decide(&p, Permission::AttachSignature, Target::Registry, &t),
                Ok(())
            );
        }
        let holder = who(&[Role::Staff], None, Some(&own));
        assert_eq!(
            decide(&holder, Permission::AttachSignature, at(&own), &t),
            Ok(())
        );
        assert_eq!(
            decide(&holder, Permission::AttachSignature, at(&other), &t),
            Err(Denied::SignaturesByHrOrHolder)
        );
        // A directive is HR's.
        assert_eq!(
            decide(&holder, Permission::AttachSignature, Target::Registry, &t),
            Err(Denied::SignaturesByHrOrHolder)
        );
        let manager = who(&[Role::Manager], Some(&dept), None);
        assert_eq!(
            decide(&manager, Permission::AttachSignature, at(&other), &t),
            Err(Denied::SignaturesByHrOrHolder)
        );
        let auditor = who(&[Role::Auditor], None, Some(&own));
        assert_eq!(
            decide(&auditor, Permission::AttachSignature, at(&own), &t),
            Err(Denied::AuditorReadsOnly)
        );
    }

    fn tree() -> (UnitTree, UnitId, UnitId, UnitId, UnitId) {
        let agency = UnitId::derived("agency");
        let dept = UnitId::derived("dept");
        let division = UnitId::derived("division");
        let other = UnitId::derived("other");
        let units = vec![
            Unit::new(agency.clone(), "Amet", UnitKind::Agency, None),
            Unit::new(
                dept.clone(),
                "Osakond",
                UnitKind::Department,
                Some(agency.clone()),
            ),
            Unit::new(
                division.clone(),
                "Talitus",
                UnitKind::Division,
                Some(dept.clone()),
            ),
            Unit::new(
                other.clone(),
                "Teine osakond",
                UnitKind::Department,
                Some(agency.clone()),
            ),
        ];
        (UnitTree::new(&units), agency, dept, division, other)
    }

    fn who(roles: &[Role], unit: Option<&UnitId>, position: Option<&PositionId>) -> Principal {
        Principal {
            account: "x".into(),
            roles: roles.to_vec(),
            unit: unit.cloned(),
            position: position.cloned(),
        }
    }

    #[test]
    fn managers_edit_their_subtree_only() {
        let (t, agency, dept, division, other) = tree();
        let m = who(&[Role::Manager], Some(&dept), None);
        for u in [&dept, &division] {
            assert_eq!(decide(&m, Permission::Edit, Target::Unit(u), &t), Ok(()));
        }
        for u in [&agency, &other] {
            assert_eq!(
                decide(&m, Permission::Edit, Target::Unit(u), &t),
                Err(Denied::OutsideManagerScope)
            );
        }
        let p = PositionId::derived("p");
        assert_eq!(
            decide(
                &m,
                Permission::Edit,
                Target::Position {
                    id: &p,
                    unit: &other
                },
                &t
            ),
            Err(Denied::OutsideManagerScope)
        );
        assert_eq!(
            decide(
                &m,
                Permission::ReadHistory,
                Target::Position {
                    id: &p,
                    unit: &division
                },
                &t
            ),
            Ok(())
        );
        assert_eq!(
            decide(&m, Permission::Edit, Target::TopLevel, &t),
            Err(Denied::OutsideManagerScope)
        );
        let lost = who(&[Role::Manager], None, None);
        assert_eq!(
            decide(&lost, Permission::Edit, Target::Unit(&dept), &t),
            Err(Denied::ManagerWithoutUnit)
        );
    }

    #[test]
    fn auditors_and_staff_change_nothing() {
        let (t, _, dept, _, _) = tree();
        let a = who(&[Role::Auditor], None, None);
        let s = who(&[Role::Staff], None, None);
        assert_eq!(
            decide(&a, Permission::Edit, Target::Unit(&dept), &t),
            Err(Denied::AuditorReadsOnly)
        );
        assert_eq!(
            decide(&s, Permission::Edit, Target::Registry, &t),
            Err(Denied::StaffReadsOnly)
        );
        assert_eq!(
            decide(&a, Permission::ReadHistory, Target::Registry, &t),
            Ok(())
        );
        assert_eq!(
            decide(&s, Permission::ReadHistory, Target::Registry, &t),
            Err(Denied::StaffNotOwnRecord)
        );
        for p in [&a, &s] {
            assert_eq!(decide(p, Permission::Read, Target::Registry, &t), Ok(()));
        }
        let none = who(&[], None, None);
        assert_eq!(
            decide(&none, Permission::Read, Target::Registry, &t),
            Err(Denied::NoRole)
        );
    }

    #[test]
    fn every_role_reads_everything_and_no_role_reads_nothing() {
        let (t, _, dept, _, _) = tree();
        for role in [
            Role::Administrator,
            Role::Hr,
            Role::Manager,
            Role::Staff,
            Role::Auditor,
        ] {
            assert_eq!(readable(&who(&[role], Some(&dept), None)), Readable::All);
        }
        let none = who(&[], None, None);
        assert_eq!(readable(&none), Readable::Nothing(Denied::NoRole));
        assert_eq!(
            readable(&none).permits(Target::Unit(&dept), &t),
            Err(Denied::NoRole)
        );
    }

    #[test]
    fn a_read_scope_permits_its_subtrees_positions_and_catalogue_only() {
        let (t, agency, dept, division, other) = tree();
        let own = PositionId::derived("own");
        let elsewhere = PositionId::derived("elsewhere");
        let part = Readable::Part(ReadScope {
            units: vec![dept.clone()],
            positions: vec![own.clone()],
            catalogue: false,
        });
        assert_eq!(part.permits(Target::Registry, &t), Ok(()));
        assert_eq!(part.permits(Target::Unit(&division), &t), Ok(()));
        assert_eq!(
            part.permits(Target::Unit(&agency), &t),
            Err(Denied::OutsideReadScope)
        );
        let at = |id, unit| Target::Position { id, unit };
        assert_eq!(part.permits(at(&elsewhere, &division), &t), Ok(()));
        assert_eq!(part.permits(at(&own, &other), &t), Ok(()));
        assert_eq!(
            part.permits(at(&elsewhere, &other), &t),
            Err(Denied::OutsideReadScope)
        );
        let chart = Readable::Part(ReadScope {
            catalogue: true,
            ..ReadScope::default()
        });
        assert_eq!(chart.permits(Target::Unit(&other), &t), Ok(()));
        assert_eq!(
            chart.permits(at(&elsewhere, &other), &t),
            Err(Denied::OutsideReadScope)
        );
        assert_eq!(
            Readable::Part(ReadScope::default()).permits(Target::Registry, &t),
            Err(Denied::OutsideReadScope)
        );
    }

    #[test]
    fn only_hr_and_administrators_prepare_directives() {
        let (t, _, dept, _, _) = tree();
        let d = |roles: &[Role]| {
            decide(
                &who(roles, Some(&dept), None),
                Permission::Directives,
                Target::Registry,
                &t,
            )
        };
        assert_eq!(d(&[Role::Hr]), Ok(()));
        assert_eq!(d(&[Role::Administrator]), Ok(()));
        assert_eq!(d(&[Role::Manager]), Err(Denied::DirectivesByHr));
        assert_eq!(d(&[Role::Auditor]), Err(Denied::AuditorReadsOnly));
        assert_eq!(d(&[Role::Staff]), Err(Denied::StaffReadsOnly));
        assert_eq!(d(&[]), Err(Denied::NoRole));
        assert_eq!(Denied::DirectivesByHr.reason_code(), "directives-by-hr");
    }

    #[test]
    fn staff_see_the_holder_of_their_own_position_only() {
        let (t, _, dept, _, _) = tree();
        let own = PositionId::derived("own");
        let other = PositionId::derived("other");
        let s = who(&[Role::Staff], None, Some(&own));
        let on = |p| Target::Position { id: p, unit: &dept };
        assert_eq!(decide(&s, Permission::SeeHolder, on(&own), &t), Ok(()));
        assert_eq!(
            decide(&s, Permission::SeeHolder, on(&other), &t),
            Err(Denied::StaffNotOwnRecord)
        );
        let hr = who(&[Role::Hr], None, None);
        assert_eq!(decide(&hr, Permission::Edit, on(&other), &t), Ok(()));
        assert_eq!(
            Denied::OutsideManagerScope.reason_code(),
            "outside-manager-scope"
        );
    }
}
