//! "Minu ülesanded": what waits for the acting principal — sign-offs, documents to
//! acknowledge, drafts to revise or submit, coordinated versions to approve by a directive,
//! approved versions to put in force, directives to register — each a query of the versions
//! waiting for a step in the principal's scope ([`ametijuhend_store::Repository::task_rows`]),
//! never a walk over the registry. Which steps and scopes a principal gets is decided by
//! [`plan`] from the one permission decision's lifecycle rules; every row shown is checked
//! against them again ([`access::lifecycle::capacity`]), so only actions that would be
//! permitted are offered.

use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{self, Role, UnitTree};
use ametijuhend_domain::workflow::NextStep;
use ametijuhend_domain::{Directive, JobDescriptionId, Position, PositionId, Status, Unit, UnitId};
use ametijuhend_store::{Repository, TaskRow, TaskScope};
use chrono::NaiveDate;
use serde::Serialize;

/// One list of the task page: the versions waiting for `step` in the principal's scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub step: NextStep,
    pub scope: TaskScope,
    /// Only versions whose first day has come (putting in force).
    pub due_only: bool,
    /// HR's list of the supervisor's sign-offs in units no manager account covers (HR signs
    /// off in the supervisor's place): shown as scope `without_manager`.
    pub in_place_of_supervisor: bool,
}

/// The lists a principal has, in the order they are shown: what only they can do first.
/// `managers` are the manager accounts: a unit none of them covers has no one to sign off as
/// supervisor, and that step of its positions falls to HR.
pub fn plan(
    who: &access::Principal,
    units: &[Unit],
    tree: &UnitTree,
    managers: &[access::Principal],
) -> Vec<Planned> {
    let mut out = Vec::new();
    let mut add = |step, scope: TaskScope, due_only| {
        if !out
            .iter()
            .any(|p: &Planned| p.step == step && p.scope == scope)
        {
            out.push(Planned {
                in_place_of_supervisor: step == NextStep::SignOffAsSupervisor
                    && !who.has(Role::Manager)
                    && matches!(scope, TaskScope::Units(_)),
                step,
                scope,
                due_only,
            });
        }
    };
    if let Some(own) = &who.position {
        add(
            NextStep::Acknowledge,
            TaskScope::Position(own.clone()),
            false,
        );
    }
    if who.has(Role::Manager)
        && let Some(root) = &who.unit
    {
        let subtree: Vec<UnitId> = units
            .iter()
            .filter(|u| tree.is_within(&u.id, root))
            .map(|u| u.id.clone())
            .collect();
        let scope = match &who.position {
            Some(own) => TaskScope::Supervised {
                by: own.clone(),
                units: subtree,
            },
            None => TaskScope::Units(subtree),
        };
        // A manager who holds a position acts as the supervisor of the positions that report
        // to it (see `access::lifecycle::actor`): their sign-offs, and their drafts to revise
        // and submit; one who holds none acts for every position of the units.
        add(NextStep::SignOffAsSupervisor, scope.clone(), false);
        add(NextStep::Revise, scope.clone(), false);
        add(NextStep::Submit, scope, false);
    }
    let hr = who.has(Role::Hr);
    if hr {
        add(NextStep::SignOffAsHr, TaskScope::All, false);
        let unmanaged: Vec<UnitId> = units
            .iter()
            .filter(|u| {
                !managers.iter().any(|m| {
                    m.unit
                        .as_ref()
                        .is_some_and(|root| tree.is_within(&u.id, root))
                })
            })
            .map(|u| u.id.clone())
            .collect();
        if !unmanaged.is_empty() {
            add(
                NextStep::SignOffAsSupervisor,
                TaskScope::Units(unmanaged),
                false,
            );
        }
    }
    if hr || who.has(Role::Administrator) {
        add(NextStep::Approve, TaskScope::All, false);
        add(NextStep::PutInForce, TaskScope::All, true);
        add(NextStep::Acknowledge, TaskScope::All, false);
        add(NextStep::Revise, TaskScope::All, false);
    }
    if hr || who.has(Role::Manager) || who.has(Role::Administrator) {
        add(
            NextStep::Submit,
            TaskScope::CreatedBy(who.account.clone()),
            false,
        );
    }
    out
}

/// A version waiting for a step, as a task list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TaskItem {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub title: String,
    pub unit: String,
    pub version: u32,
    pub status: Status,
    pub effective_from: Option<NaiveDate>,
}

/// One list: its step, whose versions it covers, how many wait in all, and a page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TaskSection {
    pub step: NextStep,
    /// `all`, `units`, `supervised`, `own_position`, `started_by_me` or `without_manager`
    /// (HR signing off in the place of an absent supervisor account).
    pub scope: &'static str,
    pub total: u64,
    pub items: Vec<TaskItem>,
}

/// A directive waiting to be registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DirectiveTask {
    pub id: ametijuhend_domain::DirectiveId,
    pub title: String,
    pub annexes: usize,
}

/// What waits for the principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Tasks {
    /// The non-empty lists, in order.
    pub sections: Vec<TaskSection>,
    /// Directives prepared but not registered (HR and administrators).
    pub directives_to_register: Vec<DirectiveTask>,
    /// Every task: the lists' totals and the directives.
    pub total: u64,
}

fn scope_name(s: &TaskScope) -> &'static str {
    match s {
        TaskScope::All => "all",
        TaskScope::Units(_) => "units",
        TaskScope::Supervised { .. } => "supervised",
        TaskScope::Position(_) => "own_position",
        TaskScope::CreatedBy(_) => "started_by_me",
    }
}

/// The organisation as rows are shown and checked against it.
struct Org {
    units: Vec<Unit>,
    tree: UnitTree,
    /// The manager accounts (who may sign off as supervisors).
    managers: Vec<access::Principal>,
}

impl Org {
    async fn load(store: &dyn Repository) -> Result<Self, AppError> {
        let units = store.list_units().await?;
        let tree = UnitTree::new(&units);
        let managers = store
            .list_users()
            .await?
            .iter()
            .filter(|u| u.roles.contains(&Role::Manager))
            .map(|u| Principal::of(u).access)
            .collect();
        Ok(Self {
            units,
            tree,
            managers,
        })
    }

    fn plan(&self, who: &access::Principal) -> Vec<Planned> {
        plan(who, &self.units, &self.tree, &self.managers)
    }
}

async fn section(
    store: &dyn Repository,
    who: &Principal,
    planned: &Planned,
    today: NaiveDate,
    org: &Org,
    (offset, limit): (u32, u32),
) -> Result<TaskSection, AppError> {
    let due_by = planned.due_only.then_some(today);
    let (total, rows) = store
        .task_rows(planned.step, &planned.scope, due_by, offset, limit)
        .await?;
    let ids: Vec<PositionId> = rows.iter().map(|r| r.position.clone()).collect();
    let positions = store.positions_by_id(&ids).await?;
    let items = rows
        .iter()
        .filter_map(|r| item(who, planned.step, r, &positions, org))
        .collect();
    Ok(TaskSection {
        step: planned.step,
        scope: if planned.in_place_of_supervisor {
            "without_manager"
        } else {
            scope_name(&planned.scope)
        },
        total,
        items,
    })
}

/// The row as shown, when the principal may take its step (checked again, row by row).
fn item(
    who: &Principal,
    step: NextStep,
    r: &TaskRow,
    positions: &[Position],
    org: &Org,
) -> Option<TaskItem> {
    let p = positions.iter().find(|p| p.id == r.position)?;
    // Revising is editing the draft, then submitting it: whoever may submit it.
    let actor = ametijuhend_domain::workflow::Actor {
        no_supervisor_account: !access::lifecycle::has_supervisor_account(
            &org.managers,
            p,
            &org.tree,
        ),
        ..access::lifecycle::actor(&who.access, who.name.clone(), p, &org.tree)
    };
    access::lifecycle::capacity(step.action(), &actor)?;
    Some(TaskItem {
        job_description: r.job_description.clone(),
        position: p.id.clone(),
        title: p.full_title(),
        unit: org
            .units
            .iter()
            .find(|u| u.id == p.unit)
            .map(|u| u.current().name.clone())
            .unwrap_or_default(),
        version: r.version,
        status: r.status,
        effective_from: r.effective_from,
    })
}

/// The principal's tasks: each non-empty list with its first `per_section` rows.
pub async fn for_principal(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    per_section: u32,
) -> Result<Tasks, AppError> {
    let today = clock.today();
    let org = Org::load(store).await?;
    let mut sections = Vec::new();
    let mut total = 0;
    for planned in org.plan(&who.access) {
        let s = section(store, who, &planned, today, &org, (0, per_section)).await?;
        if s.total > 0 {
            total += s.total;
            sections.push(s);
        }
    }
    let directives_to_register = if who.access.has(Role::Hr) || who.access.has(Role::Administrator)
    {
        store
            .unregistered_directives()
            .await?
            .into_iter()
            .map(|d: Directive| DirectiveTask {
                id: d.id,
                title: d.title,
                annexes: d.annexes.len(),
            })
            .collect()
    } else {
        Vec::new()
    };
    total += directives_to_register.len() as u64;
    Ok(Tasks {
        sections,
        directives_to_register,
        total,
    })
}

/// How many tasks wait for the principal (the navigation's count): the lists' totals and the
/// directives to register, counted without reading rows.
pub async fn count(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
) -> Result<u64, AppError> {
    let today = clock.today();
    let org = Org::load(store).await?;
    let mut total = 0;
    for planned in org.plan(&who.access) {
        let due_by = planned.due_only.then_some(today);
        let (n, _) = store
            .task_rows(planned.step, &planned.scope, due_by, 0, 0)
            .await?;
        total += n;
    }
    if who.access.has(Role::Hr) || who.access.has(Role::Administrator) {
        total += store.unregistered_directives().await?.len() as u64;
    }
    Ok(total)
}

/// One of the principal's lists, a page at a time (the full list behind "all N").
pub async fn list(
    store: &dyn Repository,
    clock: &dyn Clock,
    who: &Principal,
    step: NextStep,
    offset: u32,
    limit: u32,
) -> Result<Vec<TaskSection>, AppError> {
    let today = clock.today();
    let org = Org::load(store).await?;
    let mut out = Vec::new();
    for planned in org.plan(&who.access).into_iter().filter(|p| p.step == step) {
        out.push(section(store, who, &planned, today, &org, (offset, limit)).await?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ametijuhend_domain::UnitKind;

    #[test]
    fn a_manager_who_holds_a_position_gets_the_lists_of_those_reporting_to_it() {
        let unit = UnitId::derived("division");
        let units = vec![Unit::new(unit.clone(), "Talitus", UnitKind::Division, None)];
        let tree = UnitTree::new(&units);
        let head = PositionId::derived("head");
        let who = |position: Option<PositionId>| access::Principal {
            account: "juht".into(),
            roles: vec![Role::Manager],
            unit: Some(unit.clone()),
            position,
        };
        let supervised = TaskScope::Supervised {
            by: head.clone(),
            units: vec![unit.clone()],
        };
        let lists = plan(&who(Some(head.clone())), &units, &tree, &[]);
        for step in [
            NextStep::SignOffAsSupervisor,
            NextStep::Revise,
            NextStep::Submit,
        ] {
            assert!(
                lists
                    .iter()
                    .any(|p| p.step == step && p.scope == supervised),
                "{step:?}: {lists:?}"
            );
        }
        // Without a position: every position of the units.
        let lists = plan(&who(None), &units, &tree, &[]);
        let units_scope = TaskScope::Units(vec![unit.clone()]);
        assert!(
            lists
                .iter()
                .filter(|p| p.step != NextStep::Submit
                    || p.scope != TaskScope::CreatedBy("juht".into()))
                .all(|p| p.scope == units_scope),
            "{lists:?}"
        );
    }
}
