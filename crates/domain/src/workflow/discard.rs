//! Discarding a draft: an old or unwanted draft version — one that was never approved — is
//! removed from the registry, while nothing refers to it. It is not a transition (there is no
//! status after it): the version is gone, and the audit trail keeps its content.
//!
//! [`decide`] says whether a principal may discard a version now; it changes nothing.
//!
//! - **Only a draft** ([`crate::workflow::can_edit`]), a returned or withdrawn one included. A
//!   version in coordination is returned or withdrawn to draft first; an approved (or later)
//!   version is a document of record, kept for good — superseded and repealed ones too.
//! - **Who may** is who may edit the draft: the one permission decision,
//!   [`access::lifecycle::may_discard`] (HR, administrators, the managers of the position's
//!   units). The author of a draft is one of them: only they write drafts.
//! - **Nothing refers to it** ([`References`], found by the caller): no directive lists it as
//!   an annex (a directive prepared from drafts names them), and no document was issued for
//!   signing nor a signed container stored for it. A review that started the draft keeps
//!   saying so: its record is the review's history, not something the draft is needed for.

use crate::access::{self, Denied, Principal, UnitTree};
use crate::directive::Directive;
use crate::ids::{DirectiveId, JobDescriptionId};
use crate::job_description::{JobDescription, Status};
use crate::position::Position;
use crate::time::format_date_et;
use chrono::NaiveDate;

/// A directive that lists a version as an annex, as a refusal names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveRef {
    pub id: DirectiveId,
    /// The register's number and date, once registered.
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub title: String,
    /// The annex that holds the version.
    pub annex: Option<u32>,
}

impl DirectiveRef {
    /// The directive `d` as it refers to `version`.
    pub fn of(d: &Directive, version: &JobDescriptionId) -> Self {
        Self {
            id: d.id.clone(),
            number: d.number.clone(),
            date: d.date,
            title: d.title.clone(),
            annex: d.annex_of(version).map(|a| a.annex),
        }
    }

    /// "directive nr 1-1/49 of 06.03.2026, annex 2" or "the unregistered directive
    /// 'Ametijuhendite kinnitamine', annex 2".
    pub fn describe(&self) -> String {
        let name = match (&self.number, self.date) {
            (Some(n), Some(d)) => format!("directive nr {n} of {}", format_date_et(d)),
            (Some(n), None) => format!("directive nr {n}"),
            _ => format!("the unregistered directive '{}'", self.title),
        };
        match self.annex {
            Some(a) => format!("{name}, annex {a}"),
            None => name,
        }
    }
}

/// What refers to a version, as the caller found it in the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    /// The directives that list it as an annex.
    pub directives: Vec<DirectiveRef>,
    /// Documents issued for signing and signed containers stored for it.
    pub signature_records: usize,
}

/// Why a version cannot be discarded. Every message says what is refused and why, in English;
/// [`DiscardError::code`] is stable for the interfaces to translate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscardError {
    #[error(
        "discarding is refused: the version is {}; only a draft is discarded (a version in coordination is returned or withdrawn to draft first; an approved, signed, in-force, superseded or repealed version is kept for good)",
        status.as_str()
    )]
    NotADraft { status: Status },
    #[error(
        "discarding is refused: account '{account}' may not: {reason}; a draft is discarded by whoever may edit it (HR, administrators, the managers of the position's units)"
    )]
    NotPermitted { account: String, reason: Denied },
    #[error("discarding is refused: the draft is {}; a directive's annex is kept", .directives.iter().map(DirectiveRef::describe).collect::<Vec<_>>().join("; "))]
    AnnexOfDirective { directives: Vec<DirectiveRef> },
    #[error(
        "discarding is refused: {records} signature record(s) (documents issued for signing, signed containers) refer to the version"
    )]
    HasSignatures { records: usize },
}

impl DiscardError {
    /// A stable code for the user interface to translate.
    pub fn code(&self) -> &'static str {
        match self {
            DiscardError::NotADraft { .. } => "not_a_draft",
            DiscardError::NotPermitted { .. } => "not_permitted",
            DiscardError::AnnexOfDirective { .. } => "annex_of_directive",
            DiscardError::HasSignatures { .. } => "has_signatures",
        }
    }

    /// The HTTP status of the refusal: 403 for a missing permission, 409 otherwise (the state
    /// of the version or of what refers to it does not allow it).
    pub fn status(&self) -> u16 {
        match self {
            DiscardError::NotPermitted { .. } => 403,
            _ => 409,
        }
    }
}

/// Decides whether `who` may discard `jd` (a version of `position`) now, with what refers to
/// it; changes nothing.
pub fn decide(
    jd: &JobDescription,
    who: &Principal,
    position: &Position,
    tree: &UnitTree,
    refs: &References,
) -> Result<(), DiscardError> {
    if !super::can_edit(jd.status) {
        return Err(DiscardError::NotADraft { status: jd.status });
    }
    access::lifecycle::may_discard(who, position, tree).map_err(|reason| {
        DiscardError::NotPermitted {
            account: who.account.clone(),
            reason,
        }
    })?;
    if !refs.directives.is_empty() {
        return Err(DiscardError::AnnexOfDirective {
            directives: refs.directives.clone(),
        });
    }
    if refs.signature_records > 0 {
        return Err(DiscardError::HasSignatures {
            records: refs.signature_records,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use crate::directive::DirectiveAnnex;
    use crate::fixtures::{day, peakasutaja_draft, position};
    use crate::ids::{PositionId, UnitId};
    use crate::unit::{Unit, UnitKind};

    fn tree() -> UnitTree {
        UnitTree::new(&[
            Unit::new(UnitId::derived("ska"), "Amet", UnitKind::Agency, None),
            Unit::new(
                UnitId::derived("perehuvitised"),
                "Perehüvitiste osakond",
                UnitKind::Department,
                Some(UnitId::derived("ska")),
            ),
            Unit::new(
                UnitId::derived("muu"),
                "Teine osakond",
                UnitKind::Department,
                Some(UnitId::derived("ska")),
            ),
        ])
    }

    fn who(roles: &[Role], unit: Option<&str>, pos: Option<&str>) -> Principal {
        Principal {
            account: "x".into(),
            roles: roles.to_vec(),
            unit: unit.map(UnitId::derived),
            position: pos.map(PositionId::derived),
        }
    }

    /// The draft and its position, in the family benefits department.
    fn draft() -> (JobDescription, Position) {
        let jd = peakasutaja_draft();
        let mut p = position(
            jd.position.as_str(),
            "Peakasutaja",
            "perehuvitised",
            Some("juht"),
        );
        p.id = jd.position.clone();
        (jd, p)
    }

    #[test]
    fn whoever_may_edit_the_draft_discards_it_and_nobody_else() {
        let (jd, p) = draft();
        let none = References::default();
        let allowed = [
            who(&[Role::Hr], None, None),
            who(&[Role::Administrator], None, None),
            // A manager of the unit (or above it), whether or not the position reports to them.
            who(&[Role::Manager], Some("perehuvitised"), None),
            who(&[Role::Manager], Some("ska"), Some("someone-else")),
        ];
        for w in &allowed {
            assert_eq!(decide(&jd, w, &p, &tree(), &none), Ok(()), "{w:?}");
        }
        let refused = [
            (
                who(&[Role::Manager], Some("muu"), None),
                "outside-manager-scope",
            ),
            (
                who(&[Role::Staff], None, Some("peakasutaja")),
                "staff-reads-only",
            ),
            (who(&[Role::Auditor], None, None), "auditor-reads-only"),
            (who(&[], None, None), "no-role"),
        ];
        for (w, reason) in &refused {
            let e = decide(&jd, w, &p, &tree(), &none).unwrap_err();
            assert_eq!((e.code(), e.status()), ("not_permitted", 403), "{w:?}");
            match e {
                DiscardError::NotPermitted { reason: r, .. } => {
                    assert_eq!(r.reason_code(), *reason)
                }
                other => panic!("{other}"),
            }
        }
    }

    #[test]
    fn only_a_draft_is_discarded() {
        let (mut jd, p) = draft();
        let hr = who(&[Role::Hr], None, None);
        for status in Status::ALL {
            jd.status = status;
            let d = decide(&jd, &hr, &p, &tree(), &References::default());
            if status == Status::Draft {
                assert_eq!(d, Ok(()));
            } else {
                let e = d.unwrap_err();
                assert_eq!((e.code(), e.status()), ("not_a_draft", 409), "{status:?}");
                assert!(e.to_string().contains(status.as_str()), "{e}");
            }
        }
    }

    #[test]
    fn a_draft_something_refers_to_is_kept() {
        let (jd, p) = draft();
        let hr = who(&[Role::Hr], None, None);
        let mut d = Directive {
            id: DirectiveId::derived("kaskkiri"),
            number: None,
            date: None,
            title: "Ametijuhendite kinnitamine".into(),
            legal_basis: None,
            clauses: vec![],
            annexes: vec![DirectiveAnnex {
                annex: 3,
                title: "Peakasutaja".into(),
                job_description: Some(jd.id.clone()),
            }],
            repeals: vec![],
            entry_into_force: None,
            appeal_clause: None,
            signer: None,
            placeholders: vec![],
            source: None,
            unplaced: vec![],
        };
        let refs = References {
            directives: vec![DirectiveRef::of(&d, &jd.id)],
            signature_records: 0,
        };
        let e = decide(&jd, &hr, &p, &tree(), &refs).unwrap_err();
        assert_eq!((e.code(), e.status()), ("annex_of_directive", 409));
        assert!(
            e.to_string()
                .contains("the unregistered directive 'Ametijuhendite kinnitamine', annex 3"),
            "{e}"
        );
        d.number = Some("1-1/49".into());
        d.date = Some(day(2026, 3, 6));
        assert_eq!(
            DirectiveRef::of(&d, &jd.id).describe(),
            "directive nr 1-1/49 of 06.03.2026, annex 3"
        );
        let refs = References {
            directives: vec![],
            signature_records: 2,
        };
        let e = decide(&jd, &hr, &p, &tree(), &refs).unwrap_err();
        assert_eq!((e.code(), e.status()), ("has_signatures", 409));
        // The permission is asked before what refers to it.
        let staff = who(&[Role::Staff], None, None);
        assert_eq!(
            decide(&jd, &staff, &p, &tree(), &refs).unwrap_err().code(),
            "not_permitted"
        );
    }
}
