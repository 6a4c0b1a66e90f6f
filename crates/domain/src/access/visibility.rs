//! What a principal may see of what they may read: part of the one permission decision, used
//! by every output (pages, the JSON API, downloads, work lists).
//!
//! - **Work lists** (reviews due, consistency findings): a position shows in them when the
//!   account holds it or may read its history ([`follows`]).
//! - **Holders' names**: who holds a position is personal data. Without
//!   [`Permission::SeeHolder`] on the position, a job description version is read with the
//!   holder's name removed from its acknowledgement signature and from the history entries the
//!   holder made ([`without_holder_names`], [`as_readable`]).

use super::{Permission, Principal, Target, UnitTree, decide};
use crate::ids::{PositionId, UnitId};
use crate::job_description::{JobDescription, SignatureParty};
use crate::workflow::Capacity;

/// Written instead of a hidden name.
pub const HIDDEN: &str = "–";

/// True when `who` sees the position `id` (in `unit`) in work lists: their own position, or
/// one whose history they may read.
pub fn follows(who: &Principal, id: &PositionId, unit: &UnitId, tree: &UnitTree) -> bool {
    who.position.as_ref() == Some(id)
        || decide(
            who,
            Permission::ReadHistory,
            Target::Position { id, unit },
            tree,
        )
        .is_ok()
}

/// True when `who` sees a consistency finding about `positions` (each with its unit) in work
/// lists: they may read the history of one of them.
pub fn sees_finding(who: &Principal, positions: &[(PositionId, UnitId)], tree: &UnitTree) -> bool {
    positions.iter().any(|(id, unit)| {
        decide(
            who,
            Permission::ReadHistory,
            Target::Position { id, unit },
            tree,
        )
        .is_ok()
    })
}

/// True when `who` sees an entry of the audit trail: they may read the history of the unit it
/// belongs to (a unit's own entry, or a position's in that unit) or, for a record of no unit
/// (directives, accounts), the registry's top level.
pub fn sees_history_in(who: &Principal, unit: Option<&UnitId>, tree: &UnitTree) -> bool {
    let target = match unit {
        Some(u) => Target::Unit(u),
        None => Target::TopLevel,
    };
    decide(who, Permission::ReadHistory, target, tree).is_ok()
}

/// The version with the holder's names removed.
pub fn without_holder_names(jd: &JobDescription) -> JobDescription {
    let mut out = jd.clone();
    for s in out
        .signatures
        .iter_mut()
        .filter(|s| s.party == SignatureParty::Holder)
    {
        if s.name.is_some() {
            s.name = Some(HIDDEN.to_string());
        }
    }
    for r in out
        .workflow
        .history
        .iter_mut()
        .filter(|r| r.capacity == Capacity::Holder)
    {
        r.by = HIDDEN.to_string();
        r.by_name = None;
    }
    out
}

/// The version as `who` may read it: whole when they may see the holder of its position (in
/// `unit`), else without the holder's names.
pub fn as_readable(
    who: Option<&Principal>,
    jd: &JobDescription,
    unit: &UnitId,
    tree: &UnitTree,
) -> JobDescription {
    let target = Target::Position {
        id: &jd.position,
        unit,
    };
    match who {
        Some(p) if decide(p, Permission::SeeHolder, target, tree).is_ok() => jd.clone(),
        _ => without_holder_names(jd),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use crate::ids::PositionId;
    use crate::job_description::Signature;
    use crate::workflow::{ActionKind, TransitionRecord};
    use crate::{Status, Timestamp};

    fn principal(roles: &[Role], pos: Option<&PositionId>) -> Principal {
        Principal {
            account: "x".into(),
            roles: roles.to_vec(),
            unit: None,
            position: pos.cloned(),
        }
    }

    #[test]
    fn staff_read_other_positions_without_the_holders_name() {
        let mut jd = crate::fixtures::peakasutaja();
        let unit = UnitId::derived("u");
        jd.signatures.push(Signature {
            party: SignatureParty::Holder,
            name: Some("Hele Holder".into()),
            title: None,
            signed_digitally: false,
            date: None,
            placeholders: vec![],
        });
        jd.workflow.history.push(TransitionRecord {
            from: Status::Approved,
            to: Status::Signed,
            action: ActionKind::Acknowledge,
            by: "hele".into(),
            by_name: Some("Hele Holder".into()),
            capacity: Capacity::Holder,
            at: Timestamp::parse("2026-03-06T10:00:00Z").unwrap(),
            comment: None,
        });
        let tree = UnitTree::default();
        let text = |j: &JobDescription| serde_json::to_string(j).unwrap();
        let other = principal(&[Role::Staff], Some(&PositionId::derived("other")));
        let seen = as_readable(Some(&other), &jd, &unit, &tree);
        assert!(!text(&seen).contains("Hele"), "{}", text(&seen));
        assert!(!text(&as_readable(None, &jd, &unit, &tree)).contains("Hele"));
        let holder = principal(&[Role::Staff], Some(&jd.position));
        assert_eq!(as_readable(Some(&holder), &jd, &unit, &tree), jd);
        let hr = principal(&[Role::Hr], None);
        assert_eq!(as_readable(Some(&hr), &jd, &unit, &tree), jd);
    }
}
