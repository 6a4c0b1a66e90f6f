//! Recording a directive's registration, which approves its annexes (see the module docs of
//! [`crate::directives`]).

use crate::lifecycle::{Planned, VersionState};
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::workflow::{Action, DirectiveApproval, TransitionError};
use ametijuhend_domain::{Directive, DirectiveId, JobDescription, Status};
use ametijuhend_store::{AuditEntry, ChangeSet, Expected, RecordKind, Repository, revision_of};
use chrono::NaiveDate;

/// A registration as the document register gave it: number and date, and the directive's
/// revision it was made from (forms and the API send it back; None from the command line).
#[derive(Debug, Clone)]
pub struct Registration {
    number: String,
    date: NaiveDate,
    revision: Option<String>,
}

impl Registration {
    /// The number's limits are the domain's ([`Directive::registered`]); here it is trimmed.
    pub fn new(number: &str, date: NaiveDate, revision: Option<String>) -> Self {
        Self {
            number: number.trim().to_string(),
            date,
            revision: revision.filter(|r| !r.trim().is_empty()),
        }
    }
}

/// An annex that cannot be approved, and why.
#[derive(Debug, Clone)]
pub struct AnnexRefusal {
    pub annex: u32,
    pub title: String,
    pub version: Option<u32>,
    pub reason: TransitionError,
}

impl std::fmt::Display for AnnexRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "annex {} ({}", self.annex, self.title)?;
        if let Some(v) = self.version {
            write!(f, ", version {v}")?;
        }
        write!(f, "): {}", self.reason)
    }
}

/// What a registration wrote.
#[derive(Debug, Clone)]
pub struct Registered {
    pub directive: Directive,
    /// The annexed versions approved now (after the transition; in force when they went so).
    pub approved: Vec<JobDescription>,
    /// Annexed versions already approved by this directive before (e.g. imported), untouched.
    pub already: Vec<JobDescription>,
    /// Versions superseded because an annex of a vacant position went in force.
    pub superseded: Vec<JobDescription>,
}

/// Records the registration of directive `id` and approves its annexes, in one transaction.
pub async fn register(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    id: &DirectiveId,
    cmd: Registration,
) -> Result<Registered, AppError> {
    let (at, today) = (clock.timestamp(), clock.today());
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(Permission::Directives, Target::Registry, &tree)?;
    let before = store
        .get_directive(id)
        .await?
        .ok_or_else(|| AppError::not_found("directive", id))?;
    let revision = revision_of(&before);
    if let Some(sent) = &cmd.revision
        && sent != &revision
    {
        return Err(AppError::Stale {
            record: format!("directive '{id}'"),
            message: "the directive was changed meanwhile by someone else; nothing was written: \
                      reload it and try again"
                .into(),
        });
    }
    let after = before
        .registered(&cmd.number, cmd.date, today)
        .map_err(AppError::Registration)?;
    let effective_from = after.first_day_in_force();
    let approved_by = after
        .signer
        .as_ref()
        .and_then(|s| s.title.clone().or_else(|| s.name.clone()));

    let mut expected = vec![Expected::new(RecordKind::Directive, id, revision)];
    let mut entries = vec![
        AuditEntry::new(
            at,
            who.account().to_string(),
            "directive.registered",
            "directive",
            id,
        )
        .before(&before)
        .after(&after),
    ];
    let mut out = Registered {
        directive: after.clone(),
        approved: vec![],
        already: vec![],
        superseded: vec![],
    };
    let mut refusals = Vec::new();
    for annex in &after.annexes {
        let Some(version) = &annex.job_description else {
            continue;
        };
        let Some(state) = VersionState::load(store, version).await? else {
            return Err(AppError::not_found("job description version", version));
        };
        if let Some(a) = &state.jd.approval
            && state.jd.status != Status::InCoordination
            && a.directive_number.as_deref() == after.number.as_deref()
            && a.directive_date == after.date
        {
            out.already.push(state.jd.clone());
            continue;
        }
        let approve = Action::Approve(DirectiveApproval {
            directive: Some(id.clone()),
            number: cmd.number.clone(),
            date: cmd.date,
            annex: annex.annex,
            effective_from,
            approved_by: approved_by.clone(),
        });
        let planned = match approve_and_maybe_put_in_force(&state, who, &approve, at, today) {
            Ok(p) => p,
            Err(reason) => {
                refusals.push(AnnexRefusal {
                    annex: annex.annex,
                    title: annex.title.clone(),
                    version: Some(state.jd.version),
                    reason,
                });
                continue;
            }
        };
        for v in &planned.unchanged {
            expected.push(Expected::new(
                RecordKind::JobDescription,
                &v.id,
                revision_of(v),
            ));
        }
        entries.extend(planned.entries);
        out.superseded.extend(planned.superseded);
        out.approved.push(planned.jd);
    }
    if !refusals.is_empty() {
        return Err(AppError::AnnexesRefused(refusals));
    }
    let mut versions = out.approved.clone();
    versions.extend(out.superseded.iter().cloned());
    store
        .apply_audited_at(
            &ChangeSet {
                directives: vec![after],
                job_descriptions: versions,
                ..ChangeSet::default()
            },
            &expected,
            &entries,
        )
        .await?;
    Ok(out)
}

/// Approves the version; when its position is vacant and its first day has come, puts it in
/// force too (superseding the version in force before it).
fn approve_and_maybe_put_in_force(
    state: &VersionState,
    who: &Principal,
    approve: &Action,
    at: ametijuhend_domain::Timestamp,
    today: NaiveDate,
) -> Result<Planned, TransitionError> {
    let approved = state.outcome(who, approve, at, today)?;
    let vacant = state.position.holder_on(today).is_none();
    let due = approved.jd.effective_from.is_some_and(|d| d <= today);
    if !(vacant && due) {
        return Ok(approved);
    }
    let next = VersionState {
        jd: approved.jd.clone(),
        versions: state
            .versions
            .iter()
            .map(|v| {
                if v.id == approved.jd.id {
                    approved.jd.clone()
                } else {
                    v.clone()
                }
            })
            .collect(),
        ..state.clone()
    };
    let Ok(in_force) = next.outcome(who, &Action::PutInForce, at, today) else {
        // Approved it stays; putting in force is left to whoever may do it.
        return Ok(approved);
    };
    let mut entries = approved.entries;
    entries.extend(in_force.entries);
    Ok(Planned {
        jd: in_force.jd,
        outcome: in_force.outcome,
        changes: in_force.changes,
        // The version as read and the superseded ones as read.
        unchanged: approved
            .unchanged
            .into_iter()
            .chain(in_force.unchanged.into_iter().skip(1))
            .collect(),
        entries,
        superseded: in_force.superseded,
    })
}
