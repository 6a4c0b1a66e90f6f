//! Discarding a draft, for the web pages, the JSON API and the command line: an old or unwanted
//! draft version (a returned or withdrawn one included) is removed, while nothing refers to it.
//! The domain decides ([`ametijuhend_domain::workflow::discard::decide`]: only a draft, by
//! whoever may edit it, not an annex of a directive, no signature record); the store removes it
//! with its audit entry — the discarded content as the entry's "before" — in one transaction,
//! only while the version is still stored exactly as it was decided on
//! ([`Repository::delete_job_description`]).
//!
//! - **Revision.** A command may carry the revision the client read
//!   ([`ametijuhend_store::revision_of`]): when the version is at another one now, nothing is
//!   removed and [`AppError::Stale`] says so. A version changed between the decision and the
//!   removal is refused the same way.
//! - **After it.** The position's task lists no longer name the draft (its task rows go with
//!   it); the search index re-indexes the position from the change log.

use crate::lifecycle::VersionState;
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::workflow::discard::{self, DirectiveRef, DiscardError, References};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Position};
use ametijuhend_store::{AuditEntry, Repository, StoreError, revision_of};

/// A request to discard a version, checked: the revision, when given, looks like one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiscardCommand {
    revision: Option<String>,
}

impl DiscardCommand {
    /// `revision`: the version's revision as the client read it (none: as it is now). Blank
    /// counts as none; anything else must be 16 hexadecimal digits.
    pub fn new(revision: Option<&str>) -> Result<Self, AppError> {
        let revision = revision.map(str::trim).filter(|r| !r.is_empty());
        if let Some(r) = revision
            && (r.len() != 16 || !r.chars().all(|c| c.is_ascii_hexdigit()))
        {
            return Err(AppError::invalid(
                "revision",
                "is not a revision: send back the 16 hexadecimal digits the version was read \
                 with, or leave it out",
            ));
        }
        Ok(Self {
            revision: revision.map(str::to_ascii_lowercase),
        })
    }
}

/// A discarded draft: the version as it was, and its position.
#[derive(Debug, Clone)]
pub struct Discarded {
    pub jd: JobDescription,
    pub position: Position,
}

impl VersionState {
    /// What refers to this version, as discarding it asks.
    pub fn references(&self) -> References {
        References {
            directives: self
                .directives
                .iter()
                .map(|d| DirectiveRef::of(d, &self.jd.id))
                .collect(),
            signature_records: self.signature_records,
        }
    }

    /// Whether `who` may discard this version now: the domain's decision, nothing changed.
    pub fn may_discard(&self, who: &Principal) -> Result<(), DiscardError> {
        discard::decide(
            &self.jd,
            &who.access,
            &self.position,
            &self.tree,
            &self.references(),
        )
    }
}

/// Discards version `id` as `who` (see the module): removed with its audit entry, or nothing
/// is written.
pub async fn discard(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    id: &JobDescriptionId,
    cmd: &DiscardCommand,
) -> Result<Discarded, AppError> {
    let state = VersionState::load(store, id)
        .await?
        .ok_or_else(|| AppError::not_found("job description version", id))?;
    state.may_discard(who)?;
    if let Some(expected) = &cmd.revision {
        let found = revision_of(&state.jd);
        if *expected != found {
            return Err(StoreError::Stale {
                kind: "job_description",
                id: id.to_string(),
                expected: expected.clone(),
                found,
            }
            .into());
        }
    }
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account(),
        "job_description.discarded",
        "position",
        &state.position.id,
    )
    .before(&state.jd);
    store.delete_job_description(&state.jd, &audit).await?;
    Ok(Discarded {
        jd: state.jd,
        position: state.position,
    })
}
