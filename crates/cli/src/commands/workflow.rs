//! `ametijuhend workflow`, `reviews` and `review`: the lifecycle from the command line, acting as
//! an existing account of the web application (its roles from the store). The decisions are the
//! application layer's ([`ametijuhend_app::lifecycle`], [`ametijuhend_app::discard`],
//! [`ametijuhend_app::reviews`]): the domain's rules and the one permission decision; every
//! change is one transaction with its audit entries.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::discard::{DiscardCommand, discard};
use ametijuhend_app::{AppError, Principal, lifecycle, reviews};
use ametijuhend_domain::review::{DEFAULT_HORIZON_DAYS, DueItem, DueState};
use ametijuhend_domain::time::{format_date_et, parse_date};
use ametijuhend_domain::workflow::{Action, ActionKind, DirectiveApproval};
use ametijuhend_domain::{JobDescriptionId, PositionId};
use ametijuhend_store::{Store, User};
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct WorkflowArgs {
    /// The action: submit, sign-off-as-supervisor, sign-off-as-hr, return, withdraw,
    /// record-consent, approve, acknowledge, put-in-force, repeal, or discard (removes a draft
    /// nothing refers to).
    #[arg(value_name = "ACTION")]
    action: String,
    /// The job description version's id.
    #[arg(value_name = "VERSION_ID")]
    version: String,
    /// The account to act as (its roles and unit or position decide what it may do).
    #[arg(long = "as", value_name = "USERNAME")]
    account: String,
    /// Comment (sign-offs, consent), what to change (return) or the reason (repeal).
    #[arg(long)]
    comment: Option<String>,
    /// The approving directive's number.
    #[arg(long, value_name = "NUMBER")]
    directive_number: Option<String>,
    /// The approving directive's date (DD.MM.YYYY or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    directive_date: Option<String>,
    /// The annex of the directive that holds the job description.
    #[arg(long, value_name = "N")]
    annex: Option<u32>,
    /// First day in force, when not the directive's date (may be earlier: retroactive).
    #[arg(long, value_name = "DATE")]
    effective_from: Option<String>,
    /// The day of the consent or of the acknowledgement (default: today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The holder's name, when recording the acknowledgement for them.
    #[arg(long, value_name = "NAME")]
    holder: Option<String>,
    /// discard: the version's revision as read (GET /api/job-descriptions/ID/actions); a
    /// version changed since is not discarded.
    #[arg(long, value_name = "REVISION")]
    revision: Option<String>,
}

#[derive(clap::Args)]
pub struct ReviewsArgs {
    /// Compute as of this day (DD.MM.YYYY or YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ReviewArgs {
    /// The position's id (its current version is reviewed).
    #[arg(value_name = "POSITION_ID")]
    position: String,
    /// The reviewer: an account that may edit the position (HR, administrator, its manager).
    #[arg(long = "as", value_name = "USERNAME")]
    account: String,
    /// The day of the review (DD.MM.YYYY or YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// no-change, or new-version (starts a draft unless a newer draft exists).
    #[arg(long, value_name = "OUTCOME", value_parser = ["no-change", "new-version"])]
    outcome: String,
    #[arg(long)]
    comment: Option<String>,
}

pub(crate) async fn account(store: &Store, username: &str) -> Result<User, CliError> {
    store
        .find_user(username)
        .await?
        .map(|(u, _)| u)
        .ok_or_else(|| {
            CliError::new(format!("there is no account '{username}'"))
                .with_hint("see the accounts with: ametijuhend user list")
        })
}

fn day(today: NaiveDate, raw: Option<&str>, what: &str) -> Result<NaiveDate, CliError> {
    match raw {
        None => Ok(today),
        Some(s) => parse_date(s).ok_or_else(|| {
            CliError::new(format!("{what} '{s}' is not a date"))
                .with_hint("write it as DD.MM.YYYY (e.g. 06.03.2026) or YYYY-MM-DD")
        }),
    }
}

fn action_of(a: &WorkflowArgs, today: NaiveDate) -> Result<Action, CliError> {
    let kind = ActionKind::ALL
        .into_iter()
        .find(|k| k.as_str() == a.action.replace('-', "_"))
        .filter(|k| *k != ActionKind::Supersede)
        .ok_or_else(|| {
            CliError::new(format!("'{}' is not an action", a.action)).with_hint(
                "use submit, sign-off-as-supervisor, sign-off-as-hr, return, withdraw, record-consent, approve, acknowledge, put-in-force, repeal or discard",
            )
        })?;
    let comment = a.comment.clone().filter(|c| !c.trim().is_empty());
    Ok(match kind {
        ActionKind::Submit => Action::Submit,
        ActionKind::SignOffAsSupervisor => Action::SignOffAsSupervisor { comment },
        ActionKind::SignOffAsHr => Action::SignOffAsHr { comment },
        ActionKind::Return => Action::Return {
            comment: comment.unwrap_or_default(),
        },
        ActionKind::Withdraw => Action::Withdraw { comment },
        ActionKind::RecordConsent => Action::RecordConsent {
            given_on: day(today, a.date.as_deref(), "--date")?,
            comment,
        },
        ActionKind::Approve => Action::Approve(DirectiveApproval {
            directive: None,
            number: a.directive_number.clone().ok_or_else(|| {
                CliError::new("approve needs --directive-number, --directive-date and --annex")
            })?,
            date: match &a.directive_date {
                Some(d) => day(today, Some(d), "--directive-date")?,
                None => {
                    return Err(CliError::new(
                        "approve needs --directive-number, --directive-date and --annex",
                    ));
                }
            },
            annex: a.annex.ok_or_else(|| {
                CliError::new("approve needs --directive-number, --directive-date and --annex")
            })?,
            effective_from: match &a.effective_from {
                Some(d) => Some(day(today, Some(d), "--effective-from")?),
                None => None,
            },
            approved_by: None,
        }),
        ActionKind::Acknowledge => Action::Acknowledge {
            date: day(today, a.date.as_deref(), "--date")?,
            holder: a.holder.clone(),
        },
        ActionKind::PutInForce => Action::PutInForce,
        ActionKind::Repeal | ActionKind::Supersede => Action::Repeal {
            reason: comment.unwrap_or_default(),
        },
    })
}

/// `workflow discard`: removes a draft (see [`ametijuhend_app::discard`]).
async fn discard_draft(
    cfg: &Config,
    args: &WorkflowArgs,
    id: &JobDescriptionId,
) -> Result<ExitCode, CliError> {
    let cmd = DiscardCommand::new(args.revision.as_deref())?;
    let store = cfg.open_store().await?;
    let user = account(&store, &args.account).await?;
    let done = discard(
        store.as_ref(),
        cfg.clock.as_ref(),
        &Principal::of(&user),
        id,
        &cmd,
    )
    .await?;
    println!(
        "version {} ({}): draft discarded by {}; its content stays in the position's history",
        done.jd.version, done.jd.general.title, user.username
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn workflow(cfg: &Config, args: WorkflowArgs) -> Result<ExitCode, CliError> {
    let id = JobDescriptionId::parse(args.version.trim()).map_err(|e| {
        CliError::new(format!("VERSION_ID: {e}"))
            .with_hint("give a job description version's id (see /api/positions/ID)")
    })?;
    if args.action.trim() == "discard" {
        return discard_draft(cfg, &args, &id).await;
    }
    let action = action_of(&args, cfg.clock.today())?;
    let store = cfg.open_store().await?;
    let user = account(&store, &args.account).await?;
    let who = Principal::of(&user);
    match lifecycle::perform(store.as_ref(), cfg.clock.as_ref(), &who, &id, &action).await {
        Ok(done) => {
            let r = &done.outcome.record;
            println!(
                "version {} ({}): {} → {} ({} by {} as {})",
                done.jd.version,
                done.jd.general.title,
                r.from.as_str(),
                r.to.as_str(),
                r.action.as_str(),
                r.by,
                r.capacity.as_str()
            );
            for s in &done.superseded {
                println!("version {} superseded", s.version);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e.into()),
    }
}

fn state(i: &DueItem) -> String {
    match i.state {
        DueState::Overdue { days } => format!("overdue by {days} day(s)"),
        DueState::DueSoon { days } => format!("due in {days} day(s)"),
        DueState::Unknown => "date unknown".into(),
    }
}

pub async fn reviews(cfg: &Config, args: ReviewsArgs) -> Result<ExitCode, CliError> {
    let today = cfg.day(args.today.as_deref())?;
    let store = cfg.open_store().await?;
    // Slice by slice: the registry is never held whole.
    let report = ametijuhend_store::reports(store.as_ref(), today, DEFAULT_HORIZON_DAYS)
        .await?
        .due;
    if args.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::new(format!("cannot serialise the report: {e}")))?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let mut n = 0;
    for u in &report {
        println!("{}", u.unit_name);
        for i in u.overdue.iter().chain(&u.due_soon).chain(&u.unknown) {
            n += 1;
            println!(
                "  {}\t{}\t{}\t{}",
                i.title,
                i.due.map(format_date_et).unwrap_or_else(|| "–".into()),
                state(i),
                i.position
            );
        }
    }
    println!(
        "{n} position(s) to review as of {} (overdue, due within {DEFAULT_HORIZON_DAYS} days, or date unknown)",
        format_date_et(today)
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn review(cfg: &Config, args: ReviewArgs) -> Result<ExitCode, CliError> {
    let position = PositionId::parse(args.position.trim())
        .map_err(|e| CliError::new(format!("POSITION_ID: {e}")))?;
    let date = day(cfg.clock.today(), args.date.as_deref(), "--date")?;
    let store = cfg.open_store().await?;
    let user = account(&store, &args.account).await?;
    let p = store
        .get_position(&position)
        .await?
        .ok_or_else(|| CliError::new(format!("there is no position '{position}'")))?;
    let cmd =
        reviews::ReviewCommand::new(date, args.outcome == "new-version", args.comment.as_deref())?;
    match reviews::record(
        store.as_ref(),
        cfg.clock.as_ref(),
        &Principal::of(&user),
        &position,
        cmd,
    )
    .await
    {
        Ok(done) => {
            println!(
                "review of {} version {} recorded on {} by {}",
                p.full_title(),
                done.reviewed.version,
                format_date_et(date),
                user.username
            );
            if let Some(d) = done.draft {
                println!("new version (draft): {d}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Denied(d)) => Err(CliError::new(format!(
            "account '{}' may not review this position: {d}",
            user.username
        ))),
        Err(e) => Err(e.into()),
    }
}
