//! Preparing a directive that approves job descriptions, for the web form, the JSON API and
//! `ametijuhend directive create`:
//!
//! - [`NewDirective::parse`] holds the limits of what is chosen and written (see its docs);
//! - [`candidates`]: the versions a unit's subtree offers in a status, in one order everywhere
//!   (unit, then title, in Estonian order), read by the store's read model without the
//!   registry;
//! - [`plan`]: the record the command makes (annexes, repeals, clauses), computed from the
//!   chosen versions, the other versions of their positions and the directives that approved
//!   those — nothing else is read;
//! - [`create`]: stores a planned directive in one transaction with its audit entry.
//!
//! Who may: whoever has `Permission::Directives` (HR, administrators).

use crate::{AppError, Clock, Principal, Problem};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::{
    Directive, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId, PositionId, Registry,
    Status, Template, UnitId,
};
use ametijuhend_render::{DEFAULT_LEGAL_BASIS, DirectiveDraft, RenderError};
use ametijuhend_store::{AuditEntry, ChangeSet, Repository};
use std::collections::BTreeSet;

/// The longest title or signer's name or title, in characters (one line).
pub const MAX_LINE: usize = 300;
/// The longest legal basis, in characters.
pub const MAX_LEGAL_BASIS: usize = 2_000;
/// The most versions one directive approves.
pub const MAX_ANNEXES: usize = 500;

/// What a person or a command chose and wrote for a new directive, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct DirectiveInput {
    /// The versions to approve, in annex order.
    pub job_descriptions: Vec<JobDescriptionId>,
    pub title: Option<String>,
    /// Empty or none: the default legal basis.
    pub legal_basis: Option<String>,
    /// None: in force on signing.
    pub entry_into_force: Option<EntryIntoForce>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    /// The annexes' template (2024 when none).
    pub template: Option<Template>,
}

/// A new directive, checked: at least one version and at most [`MAX_ANNEXES`] (each once),
/// title and signer one line of at most [`MAX_LINE`] characters each, a legal basis of at
/// most [`MAX_LEGAL_BASIS`] characters (line breaks allowed; empty: the default). The number
/// and date are not chosen here: the document register gives them ([`super::register`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDirective {
    draft: DirectiveDraft,
}

/// A single line of at most [`MAX_LINE`] characters, or none.
fn line(problems: &mut Vec<Problem>, field: &str, v: Option<String>) -> Option<String> {
    let v = v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())?;
    if v.chars().any(char::is_control) || v.chars().count() > MAX_LINE {
        problems.push(Problem::new(
            field,
            format!("must be one line of at most {MAX_LINE} characters"),
        ));
    }
    Some(v)
}

impl NewDirective {
    pub fn parse(input: DirectiveInput) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        let mut ids: Vec<JobDescriptionId> = Vec::new();
        for id in input.job_descriptions {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            problems.push(Problem::new(
                "job_descriptions",
                "none chosen: a directive approves at least one job description version",
            ));
        } else if ids.len() > MAX_ANNEXES {
            problems.push(Problem::new(
                "job_descriptions",
                format!(
                    "{} chosen: a directive approves at most {MAX_ANNEXES}",
                    ids.len()
                ),
            ));
        }
        let title = line(&mut problems, "title", input.title);
        let signer_name = line(&mut problems, "signer_name", input.signer_name);
        let signer_title = line(&mut problems, "signer_title", input.signer_title);
        let legal_basis = match input
            .legal_basis
            .map(|l| l.trim().replace("\r\n", "\n"))
            .filter(|l| !l.is_empty())
        {
            Some(l) => {
                if l.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
                    || l.chars().count() > MAX_LEGAL_BASIS
                {
                    problems.push(Problem::new(
                        "legal_basis",
                        format!("must be text of at most {MAX_LEGAL_BASIS} characters"),
                    ));
                }
                l
            }
            None => DEFAULT_LEGAL_BASIS.to_string(),
        };
        let entry_into_force = input.entry_into_force.unwrap_or(EntryIntoForce::OnSigning {
            retroactive_from: None,
        });
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
        let mut draft = DirectiveDraft::new(ids);
        draft.title = title;
        draft.legal_basis = legal_basis;
        draft.entry_into_force = entry_into_force;
        draft.signer_name = signer_name;
        draft.signer_title = signer_title;
        if let Some(t) = input.template {
            draft.template = t;
        }
        Ok(Self { draft })
    }

    /// The versions chosen, in annex order.
    pub fn job_descriptions(&self) -> &[JobDescriptionId] {
        &self.draft.job_descriptions
    }

    pub fn template(&self) -> Template {
        self.draft.template
    }
}

/// Why the chosen versions do not make a directive (422, code `invalid_choice`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("there is no job description with id '{0}'")]
    Unknown(JobDescriptionId),
    /// Two versions of one position (the message names them).
    #[error("{0}")]
    SamePositionTwice(String),
    #[error("no job description chosen: a directive needs at least one")]
    NothingChosen,
    #[error("{0}")]
    Other(String),
}

impl From<RenderError> for PlanError {
    fn from(e: RenderError) -> Self {
        match e {
            e @ RenderError::SamePositionTwice { .. } => {
                PlanError::SamePositionTwice(e.to_string())
            }
            RenderError::NothingToApprove => PlanError::NothingChosen,
            e => PlanError::Other(e.to_string()),
        }
    }
}

/// A version a directive may approve, as the form and the command line list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    /// The position's full title.
    pub title: String,
    pub unit: UnitId,
    pub unit_name: String,
    pub version: u32,
    pub status: Status,
}

/// What to list: a unit's subtree (every unit when none), a status (any when none), and
/// versions chosen already (always listed).
#[derive(Debug, Clone, Default)]
pub struct CandidateQuery {
    pub unit: Option<UnitId>,
    pub status: Option<Status>,
    pub chosen: Vec<JobDescriptionId>,
}

/// The versions `q` offers to `who`: of each position in the unit's subtree, its latest version
/// with the status, and the versions chosen already; by unit, then title (Estonian order),
/// then version. An unknown unit is [`AppError::NotFound`].
pub async fn candidates(
    store: &dyn Repository,
    who: &Principal,
    q: &CandidateQuery,
) -> Result<Vec<Candidate>, AppError> {
    let units = store.list_units().await?;
    let tree = UnitTree::new(&units);
    who.require(Permission::Directives, Target::Registry, &tree)?;
    let subtree: Option<Vec<UnitId>> = match &q.unit {
        None => None,
        Some(root) => {
            if !units.iter().any(|u| &u.id == root) {
                return Err(AppError::not_found("unit", root));
            }
            Some(
                units
                    .iter()
                    .filter(|u| tree.is_within(&u.id, root))
                    .map(|u| u.id.clone())
                    .collect(),
            )
        }
    };
    let name = |id: &UnitId| {
        units
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name().to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<Candidate> = store
        .directive_candidates(subtree.as_deref(), q.status)
        .await?
        .into_iter()
        .map(|r| Candidate {
            unit_name: name(&r.unit),
            job_description: r.job_description,
            position: r.position,
            title: r.title,
            unit: r.unit,
            version: r.version,
            status: r.status,
        })
        .collect();
    for id in &q.chosen {
        if out.iter().any(|c| &c.job_description == id) {
            continue;
        }
        let Some(jd) = store.get_job_description(id).await? else {
            continue;
        };
        let Some(p) = store.get_position(&jd.position).await? else {
            continue;
        };
        out.push(Candidate {
            unit_name: name(&p.unit),
            job_description: jd.id,
            title: p.full_title(),
            position: p.id,
            unit: p.unit,
            version: jd.version,
            status: jd.status,
        });
    }
    out.sort_by(|a, b| {
        estonian_cmp(&a.unit_name, &b.unit_name)
            .then_with(|| estonian_cmp(&a.title, &b.title))
            .then_with(|| a.version.cmp(&b.version))
    });
    Ok(out)
}

/// A directive planned for `who`, ready to be stored by [`create`].
#[derive(Debug, Clone)]
pub struct Planned {
    /// The record as it will be stored (number and date left as the register's fields).
    pub directive: Directive,
    /// The chosen versions, in annex order.
    pub chosen: Vec<JobDescription>,
    /// Other directives that list a chosen version as an annex already.
    pub annex_elsewhere: Vec<(JobDescriptionId, Directive)>,
}

/// What planning reads: the chosen versions, every version of their positions, the directives
/// that list those versions or that their approvals name, and those directives' annexes.
async fn planning_slice(
    store: &dyn Repository,
    ids: &[JobDescriptionId],
) -> Result<(Registry, Vec<JobDescription>), AppError> {
    let mut chosen = Vec::new();
    for id in ids {
        let jd = store
            .get_job_description(id)
            .await?
            .ok_or_else(|| AppError::Plan(PlanError::Unknown(id.clone())))?;
        chosen.push(jd);
    }
    let positions: BTreeSet<PositionId> = chosen.iter().map(|j| j.position.clone()).collect();
    let mut r = Registry::default();
    for p in &positions {
        r.job_descriptions
            .extend(store.list_job_descriptions(p).await?);
    }
    let mut directive_ids: BTreeSet<DirectiveId> = BTreeSet::new();
    for jd in &r.job_descriptions {
        for d in store.directives_with_annex(&jd.id).await? {
            directive_ids.insert(d.id.clone());
            if !r.directives.iter().any(|x| x.id == d.id) {
                r.directives.push(d);
            }
        }
        if let Some(d) = jd.approval.as_ref().and_then(|a| a.directive.clone()) {
            directive_ids.insert(d);
        }
    }
    for id in &directive_ids {
        if r.directives.iter().any(|x| &x.id == id) {
            continue;
        }
        if let Some(d) = store.get_directive(id).await? {
            r.directives.push(d);
        }
    }
    let annexed: Vec<JobDescriptionId> = r
        .directives
        .iter()
        .flat_map(|d| d.annexes.iter().filter_map(|a| a.job_description.clone()))
        .collect();
    for id in annexed {
        if r.job_description(&id).is_none()
            && let Some(jd) = store.get_job_description(&id).await?
        {
            r.job_descriptions.push(jd);
        }
    }
    Ok((r, chosen))
}

/// Plans the directive `cmd` describes for `who` (`Permission::Directives`): its annexes,
/// repeals and clauses. Nothing is written.
pub async fn plan(
    store: &dyn Repository,
    who: &Principal,
    cmd: &NewDirective,
) -> Result<Planned, AppError> {
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(Permission::Directives, Target::Registry, &tree)?;
    let (r, chosen) = planning_slice(store, &cmd.draft.job_descriptions).await?;
    let id = DirectiveId::from_uuid(uuid::Uuid::new_v4());
    let directive = ametijuhend_render::directive_record(&r, &cmd.draft, id)
        .map_err(|e| AppError::Plan(e.into()))?;
    let annex_elsewhere = chosen
        .iter()
        .flat_map(|jd| {
            r.directives
                .iter()
                .filter(|d| {
                    d.annexes
                        .iter()
                        .any(|a| a.job_description.as_ref() == Some(&jd.id))
                })
                .map(|d| (jd.id.clone(), d.clone()))
        })
        .collect();
    Ok(Planned {
        directive,
        chosen,
        annex_elsewhere,
    })
}

/// Stores a planned directive by `who` (`Permission::Directives`, asked again) in one
/// transaction with its audit entry (`directive.created`).
pub async fn create(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    planned: &Planned,
) -> Result<Directive, AppError> {
    let tree = UnitTree::new(&store.list_units().await?);
    who.require(Permission::Directives, Target::Registry, &tree)?;
    let d = &planned.directive;
    let audit = AuditEntry::new(
        clock.timestamp(),
        who.account().to_string(),
        "directive.created",
        "directive",
        &d.id,
    )
    .after(d);
    let changes = ChangeSet {
        directives: vec![d.clone()],
        ..ChangeSet::default()
    };
    store.apply_audited(&changes, &[audit]).await?;
    Ok(d.clone())
}
