//! Task lists as queries: every job description version is stored with the steps it waits for
//! (`job_descriptions.next_steps`, see [`ametijuhend_domain::workflow::next_steps`]), so "the
//! versions waiting for an HR sign-off in these units" is one indexed query that reads light
//! rows, never documents, and a page of them is what a request loads.
//!
//! - [`task_rows`]: a page of the versions waiting for one step in a scope, and how many there
//!   are in all.
//! - [`fill_next_steps`]: fills in the steps of versions stored before the column existed (run
//!   when the store is opened; a few hundred versions per transaction).

use crate::records::{self, Filter};
use crate::sql::{Arg, Cols, Driver, Session, Stmt, TxMode};
use crate::{Result, StoreError};
use ametijuhend_domain::workflow::next_steps::{self, NextStep};
use ametijuhend_domain::{JobDescriptionId, PositionId, Status, UnitId};
use chrono::NaiveDate;

/// Whose versions a task list covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskScope {
    /// Every position (HR, administrators).
    All,
    /// The positions of these units (a manager's units and those below them).
    Units(Vec<UnitId>),
    /// The positions of these units that report to this position (a manager holding a position).
    Supervised { by: PositionId, units: Vec<UnitId> },
    /// One position (its holder).
    Position(PositionId),
    /// The versions this account started.
    CreatedBy(String),
}

/// A version waiting for a step: light columns, no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRow {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    pub version: u32,
    pub status: Status,
    pub effective_from: Option<NaiveDate>,
    pub created_by: Option<String>,
}

/// Most units bound in one statement (a scope larger than this is refused, not cut).
const MAX_UNITS: usize = 2_000;

fn units_clause(units: &[UnitId], args: &mut Vec<Arg>) -> Result<String> {
    if units.len() > MAX_UNITS {
        return Err(StoreError::Invalid {
            path: "scope.units".into(),
            message: format!(
                "{} units are more than the {MAX_UNITS} a task list can cover at once",
                units.len()
            ),
        });
    }
    if units.is_empty() {
        return Ok("AND 1 = 0".into());
    }
    let start = args.len();
    args.extend(units.iter().map(|u| Arg::Text(Some(u.to_string()))));
    let list: Vec<String> = (start + 1..=args.len()).map(|i| format!("${i}")).collect();
    Ok(format!("AND p.unit_id IN ({})", list.join(", ")))
}

/// The WHERE clause (after `WHERE`) and its arguments for `step` in `scope`; `due_by` keeps
/// only versions whose first day is on or before that day.
fn filter(
    step: NextStep,
    scope: &TaskScope,
    due_by: Option<NaiveDate>,
) -> Result<(String, Vec<Arg>)> {
    // The status the step is taken from narrows the scan to one status (indexed).
    let status = match step {
        NextStep::Revise | NextStep::Submit => Status::Draft,
        NextStep::SignOffAsSupervisor | NextStep::SignOffAsHr | NextStep::Approve => {
            Status::InCoordination
        }
        NextStep::Acknowledge => Status::Approved,
        NextStep::PutInForce => Status::Signed,
    };
    let mut args = vec![
        Arg::Text(Some(status.as_str().to_string())),
        Arg::Text(Some(format!("% {} %", step.as_str()))),
    ];
    let mut sql = String::from("j.status = $1 AND j.next_steps LIKE $2 ");
    match scope {
        TaskScope::All => {}
        TaskScope::Units(units) => sql.push_str(&units_clause(units, &mut args)?),
        TaskScope::Supervised { by, units } => {
            args.push(Arg::Text(Some(by.to_string())));
            sql.push_str(&format!("AND p.supervisor_id = ${} ", args.len()));
            sql.push_str(&units_clause(units, &mut args)?);
        }
        TaskScope::Position(p) => {
            args.push(Arg::Text(Some(p.to_string())));
            sql.push_str(&format!("AND j.position_id = ${}", args.len()));
        }
        TaskScope::CreatedBy(account) => {
            args.push(Arg::Text(Some(account.clone())));
            sql.push_str(&format!("AND j.created_by = ${}", args.len()));
        }
    }
    if let Some(day) = due_by {
        args.push(Arg::Date(Some(day)));
        sql.push_str(&format!(" AND j.effective_from <= ${}", args.len()));
    }
    Ok((sql, args))
}

/// A page of the versions waiting for `step` in `scope` (oldest first), and how many there
/// are in all (a `limit` of 0: only how many).
pub(crate) async fn task_rows<D: Driver>(
    d: &D,
    step: NextStep,
    scope: &TaskScope,
    due_by: Option<NaiveDate>,
    offset: u32,
    limit: u32,
) -> Result<(u64, Vec<TaskRow>)> {
    let (clause, args) = filter(step, scope, due_by)?;
    let from = "FROM job_descriptions j JOIN positions p ON p.id = j.position_id";
    let mut s = d.begin(TxMode::Read).await?;
    let mut count = Stmt::new(format!("SELECT COUNT(*) {from} WHERE {clause}"));
    count.args = args.clone();
    let total = match s.fetch(count).await?.first() {
        Some(row) => Cols::new("job_descriptions", row).i64()?,
        None => 0,
    };
    if limit == 0 {
        return Ok((u64::try_from(total).unwrap_or(0), Vec::new()));
    }
    let n = args.len();
    let mut page = Stmt::new(format!(
        "SELECT j.id, j.position_id, j.version, j.status, j.effective_from, j.created_by {from} \
         WHERE {clause} ORDER BY j.created_at, j.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    ));
    page.args = args;
    page.args.push(Arg::Int(Some(i64::from(limit.max(1)))));
    page.args.push(Arg::Int(Some(i64::from(offset))));
    let rows = s
        .fetch(page)
        .await?
        .iter()
        .map(|row| {
            let mut c = Cols::new("job_descriptions", row);
            Ok(TaskRow {
                job_description: c.parsed()?,
                position: c.parsed()?,
                version: c.u32()?,
                status: c.name(Status::parse)?,
                effective_from: c.opt_date()?,
                created_by: c.opt_text()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((u64::try_from(total).unwrap_or(0), rows))
}

/// Versions whose steps are not computed yet, a transaction's worth.
const FILL: &str = "SELECT id FROM job_descriptions WHERE next_steps IS NULL LIMIT 500";

/// Computes the steps of versions stored before they were kept; returns how many were filled.
pub(crate) async fn fill_next_steps<D: Driver>(d: &D) -> Result<u64> {
    let mut filled = 0;
    loop {
        let mut s = d.begin(TxMode::Write).await?;
        let versions = records::load_job_descriptions(&mut s, Filter::In("id", FILL, &[])).await?;
        if versions.is_empty() {
            return Ok(filled);
        }
        for jd in &versions {
            let steps = next_steps::encode(&next_steps::next_steps(jd));
            s.execute(
                Stmt::new("UPDATE job_descriptions SET next_steps = $1 WHERE id = $2")
                    .text(steps)
                    .text(&jd.id),
            )
            .await?;
            filled += 1;
        }
        s.commit().await?;
    }
}
