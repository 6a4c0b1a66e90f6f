//! `ametijuhend directive create|register|render|list`: the director general's directives
//! (käskkirjad) that approve job descriptions.
//!
//! `create` plans the directive from the chosen job descriptions (annexes in point 1, the
//! earlier approvals of those positions repealed in point 2, computed from the registry), acting
//! as an account (`--as`: who may prepare directives), and stores the record — number and date left as the register's template fields `{regNumber}`
//! and `{regDateTime}` — and writes its document with the job descriptions as annexes.
//! `register` records the number and date the document register gave, acting as an account
//! (`--as`), and approves the directive's annexes with it ([`ametijuhend_app::directives`]);
//! `render` writes a stored
//! directive again (with its number and date, also in every annex's stamp, once registered).
//! Every change is stored with an audit event; preparing and registering are the use cases of
//! [`ametijuhend_app::directives`], and the documents come from [`ametijuhend_app::documents`].

use crate::commands::render::{parse_format, parse_template, template_year, write_output};
use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::{AppError, Clock, Principal, directives};
use ametijuhend_domain::time::{format_date_et, parse_date};
use ametijuhend_domain::{
    Directive, DirectiveId, EntryIntoForce, JobDescriptionId, Status, UnitId,
};
use ametijuhend_render::Format;
use ametijuhend_store::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Prepare a directive approving job descriptions: store it (number and date stay template
    /// fields until registered) and write its document with the job descriptions as annexes.
    #[command(
        after_help = "Examples:\n  ametijuhend directive create --job-description JD_ID --job-description JD_ID2 --as hr --format docx --out kaskkiri.docx\n  ametijuhend directive create --unit UNIT_ID --status draft --as hr --on-signing --retroactive-from 01.01.2025 \\\n      --signer-name 'Maret Maripuu' --signer-title peadirektor --format pdf --out kaskkiri.pdf\n\nThe job descriptions of --unit are those of its positions and of its sub-units' positions: of each\nposition the latest version with --status (default draft)."
    )]
    Create(CreateArgs),
    /// Record the number and date the document register gave a directive.
    #[command(
        after_help = "Examples:\n  ametijuhend directive register DIRECTIVE_ID --number 1-3/17 --date 02.05.2025\n\nA directive is registered once; the date may not lie in the future."
    )]
    Register(RegisterArgs),
    /// Write a stored directive's document again (with its number and date once registered).
    #[command(
        after_help = "Examples:\n  ametijuhend directive render DIRECTIVE_ID --format pdf --out kaskkiri-17.pdf"
    )]
    Render(RenderArgs),
    /// List the directives: id, number and date (or "unregistered"), title, annexes.
    #[command(
        after_help = "Examples:\n  ametijuhend directive list\n  ametijuhend directive list --json"
    )]
    List(ListArgs),
}

#[derive(clap::Args)]
struct CreateArgs {
    /// A job description version to approve (repeat, in annex order).
    #[arg(
        long = "job-description",
        value_name = "ID",
        required_unless_present = "unit",
        conflicts_with = "unit"
    )]
    job_descriptions: Vec<String>,
    /// Approve the job descriptions of this unit's positions (and its sub-units').
    #[arg(long, value_name = "ID")]
    unit: Option<String>,
    /// With --unit: the status of the versions to take (default draft).
    #[arg(long, value_parser = parse_status, requires = "unit", value_name = "STATUS")]
    status: Option<Status>,
    /// The title [default: "Ametijuhendi kinnitamine", "Ametijuhendite kinnitamine" or
    /// "Ametijuhendi muutmine", as fits].
    #[arg(long)]
    title: Option<String>,
    /// The legal basis paragraph [default: the Civil Service Act § 52 (1)–(2) and the agency's
    /// statute].
    #[arg(long)]
    legal_basis: Option<String>,
    /// The directive enters into force on this date (DD.MM.YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_day, conflicts_with_all = ["on_signing", "retroactive_from"])]
    in_force: Option<NaiveDate>,
    /// The directive enters into force on signing (the default).
    #[arg(long)]
    on_signing: bool,
    /// In force on signing and applied retroactively from this date (DD.MM.YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    retroactive_from: Option<NaiveDate>,
    /// The signer's name [default: the template field {Allkirjastaja}].
    #[arg(long)]
    signer_name: Option<String>,
    /// The signer's title [default: the template field {Ametikoht}].
    #[arg(long)]
    signer_title: Option<String>,
    /// The SKA template of the annexes: 2024 or 2023.
    #[arg(long, value_parser = parse_template, default_value = "2024", value_name = "2023|2024")]
    template: ametijuhend_domain::Template,
    /// Output format: docx, pdf or html [default: from --out's extension, else docx].
    #[arg(long, value_parser = parse_format, value_name = "docx|pdf|html")]
    format: Option<Format>,
    /// The file to write ('-': standard output); without it the directive is only stored.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The account preparing it (HR or an administrator: who may prepare directives).
    #[arg(long = "as", value_name = "USERNAME")]
    account: String,
}

#[derive(clap::Args)]
struct RegisterArgs {
    /// The directive's id (see `ametijuhend directive list`).
    #[arg(value_name = "DIRECTIVE_ID")]
    id: String,
    /// The number the document register gave ("17", "1-3/17").
    #[arg(long)]
    number: String,
    /// The registration date (DD.MM.YYYY), not in the future.
    #[arg(long, value_parser = parse_day, value_name = "DATE")]
    date: NaiveDate,
    /// The account recording it (HR or an administrator; it approves the annexes too).
    #[arg(long = "as", value_name = "USERNAME")]
    account: String,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// The directive's id (see `ametijuhend directive list`).
    #[arg(value_name = "DIRECTIVE_ID")]
    id: String,
    /// Output format: docx, pdf or html [default: from --out's extension, else docx].
    #[arg(long, value_parser = parse_format, value_name = "docx|pdf|html")]
    format: Option<Format>,
    /// The SKA template of the annexes: 2024 or 2023.
    #[arg(long, value_parser = parse_template, default_value = "2024", value_name = "2023|2024")]
    template: ametijuhend_domain::Template,
    /// The file to write ('-': standard output).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct ListArgs {
    /// Print the records as a JSON array.
    #[arg(long)]
    json: bool,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("'{s}' is not a date: write it as DD.MM.YYYY"))
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(&s.trim().replace('-', "_")).ok_or_else(|| {
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        format!("'{s}' is not a status: use one of {}", all.join(", "))
    })
}

/// The format asked for, or the one `out`'s extension names, else DOCX.
fn format_for(format: Option<Format>, out: Option<&Path>) -> Format {
    format
        .or_else(|| {
            out.and_then(|o| o.extension())
                .and_then(|e| e.to_str())
                .and_then(Format::parse)
        })
        .unwrap_or(Format::Docx)
}

async fn stored(store: &Store, raw: &str) -> Result<Directive, CliError> {
    let hint = "list the directives with `ametijuhend directive list`";
    let id = DirectiveId::parse(raw).map_err(|e| CliError::new(e.to_string()).with_hint(hint))?;
    store.get_directive(&id).await?.ok_or_else(|| {
        CliError::new(format!("there is no directive with id '{raw}'")).with_hint(hint)
    })
}

/// "nr 17 of 02.05.2025", or "unregistered".
fn registration(d: &Directive) -> String {
    match (&d.number, d.date) {
        (None, None) => "unregistered".into(),
        (n, date) => format!(
            "nr {} of {}",
            n.as_deref().unwrap_or("–"),
            date.map(format_date_et).unwrap_or_else(|| "–".into())
        ),
    }
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    match args.command {
        Sub::Create(a) => create(&store, cfg.clock.as_ref(), a).await,
        Sub::Register(a) => register(&store, cfg.clock.as_ref(), a).await,
        Sub::Render(a) => render(&store, a).await,
        Sub::List(a) => list(&store, a).await,
    }
}

/// The job descriptions `--unit U --status S` names: of each position in U's subtree, the
/// latest version with status S, by unit and title in Estonian order
/// ([`directives::candidates`]).
async fn of_unit(
    store: &Store,
    who: &Principal,
    raw: &str,
    status: Status,
) -> Result<Vec<JobDescriptionId>, CliError> {
    let hint = "list the units with GET /api/units or `ametijuhend export`";
    let unit = UnitId::parse(raw).map_err(|e| CliError::new(e.to_string()).with_hint(hint))?;
    let Some(u) = store.get_unit(&unit).await? else {
        return Err(CliError::new(format!("there is no unit with id '{raw}'")).with_hint(hint));
    };
    let query = directives::CandidateQuery {
        unit: Some(unit),
        status: Some(status),
        chosen: Vec::new(),
    };
    let chosen = directives::candidates(store.as_ref(), who, &query).await?;
    if chosen.is_empty() {
        return Err(CliError::new(format!(
            "no position of {} (or its sub-units) has a job description with status {}",
            u.name(),
            status.as_str()
        ))
        .with_hint("choose another --status, or name the versions with --job-description ID"));
    }
    Ok(chosen.into_iter().map(|c| c.job_description).collect())
}

/// A refusal of the command's input or of planning, as the command line says it.
fn refusal(e: AppError) -> CliError {
    match e {
        AppError::Invalid(problems) => {
            let what = |field: &str| match field {
                "title" => "the title",
                "signer_name" => "the signer's name",
                "signer_title" => "the signer's title",
                "legal_basis" => "the legal basis",
                _ => "the choice of job descriptions",
            };
            CliError::new(
                problems
                    .iter()
                    .map(|p| format!("{} {}", what(&p.field), p.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        }
        AppError::Plan(directives::PlanError::Unknown(id)) => {
            CliError::new(format!("there is no job description with id '{id}'")).with_hint(
                "a job description version's id is on its page and in GET /api/positions/{id}/job-descriptions",
            )
        }
        e @ AppError::Plan(_) => CliError::new(format!("cannot prepare the directive: {e}")),
        e => e.into(),
    }
}

async fn create(store: &Store, clock: &dyn Clock, a: CreateArgs) -> Result<ExitCode, CliError> {
    let user = crate::commands::workflow::account(store, &a.account).await?;
    let who = Principal::of(&user);
    let ids = match &a.unit {
        Some(unit) => of_unit(store, &who, unit, a.status.unwrap_or(Status::Draft)).await?,
        None => a
            .job_descriptions
            .iter()
            .map(|raw| {
                JobDescriptionId::parse(raw).map_err(|e| {
                    CliError::new(e.to_string())
                        .with_hint("name job description versions by id (GET /api/positions/{id}/job-descriptions)")
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
    };
    let entry_into_force = match a.in_force {
        Some(date) => EntryIntoForce::OnDate { date },
        None => EntryIntoForce::OnSigning {
            retroactive_from: a.retroactive_from,
        },
    };
    let cmd = directives::NewDirective::parse(directives::DirectiveInput {
        job_descriptions: ids,
        title: a.title,
        legal_basis: a.legal_basis,
        entry_into_force: Some(entry_into_force),
        signer_name: a.signer_name,
        signer_title: a.signer_title,
        template: Some(a.template),
    })
    .map_err(refusal)?;
    let planned = directives::plan(store.as_ref(), &who, &cmd)
        .await
        .map_err(refusal)?;
    for jd in &planned.chosen {
        if !matches!(jd.status, Status::Draft | Status::InCoordination) {
            eprintln!(
                "warning: job description {} (version {}) is {}, not a draft or in coordination",
                jd.id,
                jd.version,
                jd.status.as_str()
            );
        }
    }
    for (id, other) in &planned.annex_elsewhere {
        eprintln!(
            "warning: job description {id} is already an annex of directive {} ({}, {})",
            other.id,
            other.title,
            registration(other)
        );
    }
    let record = &planned.directive;
    let id = record.id.clone();

    // The document first: a directive is stored only when its document could be written.
    let format = format_for(a.format, a.out.as_deref());
    if let Some(out) = &a.out {
        let file =
            ametijuhend_app::documents::directive_file(store.as_ref(), record, format, a.template)
                .await?
                .map_err(|e| CliError::new(format!("cannot render the directive: {e}")))?;
        write_output(out, &file.bytes)?;
    }
    if let Err(e) = directives::create(store.as_ref(), clock, &who, &planned).await {
        if let Some(out) = a.out.as_deref().filter(|o| o.as_os_str() != "-") {
            let _ = std::fs::remove_file(out);
        }
        return Err(CliError::new(format!(
            "cannot store the directive: {}",
            CliError::from(e).message
        )));
    }

    println!("{id}");
    eprintln!(
        "stored directive {id}: „{}“ ({})",
        record.title,
        registration(record)
    );
    for c in &record.clauses {
        eprintln!("  {c}");
    }
    if let Some(out) = a.out.as_deref().filter(|o| o.as_os_str() != "-") {
        eprintln!(
            "wrote {} ({}, annexes in the {} template)",
            out.display(),
            format.extension(),
            template_year(a.template)
        );
    }
    eprintln!(
        "number and date stay {} until registered: ametijuhend directive register {id} --number N --date DD.MM.YYYY --as USERNAME",
        record.placeholders.join(" ")
    );
    Ok(ExitCode::SUCCESS)
}

async fn register(store: &Store, clock: &dyn Clock, a: RegisterArgs) -> Result<ExitCode, CliError> {
    let before = stored(store, &a.id).await?;
    let user = crate::commands::workflow::account(store, &a.account).await?;
    let cmd = directives::Registration::new(&a.number, a.date, None);
    let done = directives::register(
        store.as_ref(),
        clock,
        &Principal::of(&user),
        &before.id,
        cmd,
    )
    .await
    .map_err(|e| {
        let e = CliError::from(e);
        CliError::new(format!(
            "cannot register directive {}: {}",
            before.id, e.message
        ))
    })?;
    let after = &done.directive;
    eprintln!(
        "registered directive {} „{}“: {}",
        after.id,
        after.title,
        registration(after)
    );
    for v in &done.approved {
        eprintln!(
            "  approved: {} version {} ({})",
            v.general.title,
            v.version,
            v.status.as_str()
        );
    }
    for v in &done.superseded {
        eprintln!("  superseded: {} version {}", v.general.title, v.version);
    }
    Ok(ExitCode::SUCCESS)
}

async fn render(store: &Store, a: RenderArgs) -> Result<ExitCode, CliError> {
    let directive = stored(store, &a.id).await?;
    let format = format_for(a.format, Some(&a.out));
    let file =
        ametijuhend_app::documents::directive_file(store.as_ref(), &directive, format, a.template)
            .await?
            .map_err(|e| CliError::new(format!("cannot render the directive: {e}")))?;
    write_output(&a.out, &file.bytes)?;
    if a.out.as_os_str() != "-" {
        eprintln!(
            "wrote {} ({}, directive „{}“, {})",
            a.out.display(),
            format.extension(),
            directive.title,
            registration(&directive)
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn list(store: &Store, a: ListArgs) -> Result<ExitCode, CliError> {
    let mut all = store.list_directives().await?;
    // Unregistered first, then newest first.
    all.sort_by(|x, y| {
        x.is_registered()
            .cmp(&y.is_registered())
            .then_with(|| y.date.cmp(&x.date))
            .then_with(|| x.title.cmp(&y.title))
    });
    if a.json {
        let text = serde_json::to_string_pretty(&all)
            .map_err(|e| CliError::new(format!("cannot write JSON: {e}")))?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    if all.is_empty() {
        eprintln!("no directives yet: prepare one with `ametijuhend directive create`");
    }
    for d in &all {
        let annexes: Vec<String> = d
            .annexes
            .iter()
            .map(|x| format!("lisa {}: {}", x.annex, x.title))
            .collect();
        println!(
            "{}\t{}\t{}\t{}",
            d.id,
            registration(d),
            d.title,
            annexes.join("; ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
