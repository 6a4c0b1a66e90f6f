//! `ametijuhend directive create|register|render|list`: the director general's directives
//! (käskkirjad) that approve job descriptions.
//!
//! `create` plans the directive from the chosen job descriptions (annexes in point 1, the
//! earlier approvals of those positions repealed in point 2, computed from the registry),
//! stores the record — number and date left as the register's template fields `{regNumber}`
//! and `{regDateTime}` — and writes its document with the job descriptions as annexes.
//! `register` records the number and date the document register gave, acting as an account
//! (`--as`), and approves the directive's annexes with it ([`ametijuhend_app::directives`]);
//! `render` writes a stored
//! directive again (with its number and date, also in every annex's stamp, once registered).
//! Every change is stored with an audit event.

use crate::commands::render::{parse_format, parse_template, template_year, write_output};
use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::{Clock, Principal, directives};
use ametijuhend_domain::access::UnitTree;
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::time::{format_date_et, parse_date};
use ametijuhend_domain::{
    Directive, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId, Registry, Status,
    UnitId,
};
use ametijuhend_render::{DEFAULT_LEGAL_BASIS, DirectiveDraft, Format};
use ametijuhend_store::{AuditEntry, ChangeSet, Store};
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
        after_help = "Examples:\n  ametijuhend directive create --job-description JD_ID --job-description JD_ID2 --format docx --out kaskkiri.docx\n  ametijuhend directive create --unit UNIT_ID --status draft --on-signing --retroactive-from 01.01.2025 \\\n      --signer-name 'Maret Maripuu' --signer-title peadirektor --format pdf --out kaskkiri.pdf\n\nThe job descriptions of --unit are those of its positions and of its sub-units' positions: of each\nposition the latest version with --status (default draft)."
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

/// The account recorded in the audit trail for the command line: `cli:<login name>`.
fn actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into());
    format!("cli:{user}")
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
/// latest version with status S, by unit and title in Estonian order.
fn of_unit(
    registry: &Registry,
    raw: &str,
    status: Status,
) -> Result<Vec<JobDescriptionId>, CliError> {
    let hint = "list the units with GET /api/units or `ametijuhend export`";
    let unit = UnitId::parse(raw).map_err(|e| CliError::new(e.to_string()).with_hint(hint))?;
    let Some(u) = registry.unit(&unit) else {
        return Err(CliError::new(format!("there is no unit with id '{raw}'")).with_hint(hint));
    };
    let tree = UnitTree::new(&registry.units);
    let mut chosen: Vec<(String, String, &JobDescription)> = Vec::new();
    for p in registry
        .positions
        .iter()
        .filter(|p| tree.is_within(&p.unit, &unit))
    {
        let latest = registry
            .job_descriptions
            .iter()
            .filter(|j| j.position == p.id && j.status == status)
            .max_by_key(|j| j.version);
        if let Some(jd) = latest {
            let unit_name = registry
                .unit(&p.unit)
                .map(|u| u.name().to_string())
                .unwrap_or_default();
            chosen.push((unit_name, p.full_title(), jd));
        }
    }
    if chosen.is_empty() {
        return Err(CliError::new(format!(
            "no position of {} (or its sub-units) has a job description with status {}",
            u.name(),
            status.as_str()
        ))
        .with_hint("choose another --status, or name the versions with --job-description ID"));
    }
    chosen.sort_by(|a, b| estonian_cmp(&a.0, &b.0).then_with(|| estonian_cmp(&a.1, &b.1)));
    Ok(chosen.into_iter().map(|(_, _, jd)| jd.id.clone()).collect())
}

/// A single line of at most `max` characters (title, signer).
fn line(what: &str, v: Option<String>, max: usize) -> Result<Option<String>, CliError> {
    let Some(v) = v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().any(char::is_control) || v.chars().count() > max {
        return Err(CliError::new(format!(
            "the {what} must be one line of at most {max} characters"
        )));
    }
    Ok(Some(v))
}

async fn create(store: &Store, clock: &dyn Clock, a: CreateArgs) -> Result<ExitCode, CliError> {
    let registry = store.export().await?;
    let ids = match &a.unit {
        Some(unit) => of_unit(&registry, unit, a.status.unwrap_or(Status::Draft))?,
        None => a
            .job_descriptions
            .iter()
            .map(|raw| {
                let id = JobDescriptionId::parse(raw).map_err(|e| {
                    CliError::new(e.to_string())
                        .with_hint("name job description versions by id (GET /api/positions/{id}/job-descriptions)")
                })?;
                if registry.job_description(&id).is_none() {
                    return Err(CliError::new(format!(
                        "there is no job description with id '{raw}'"
                    ))
                    .with_hint(
                        "a job description version's id is on its page and in GET /api/positions/{id}/job-descriptions",
                    ));
                }
                Ok(id)
            })
            .collect::<Result<Vec<_>, _>>()?,
    };
    let legal_basis = match a.legal_basis.map(|l| l.trim().to_string()) {
        Some(l) if !l.is_empty() => {
            if l.chars().any(|c| c.is_control() && c != '\n') || l.chars().count() > 2_000 {
                return Err(CliError::new(
                    "the legal basis must be text of at most 2000 characters",
                ));
            }
            l
        }
        _ => DEFAULT_LEGAL_BASIS.to_string(),
    };
    let entry_into_force = match a.in_force {
        Some(date) => EntryIntoForce::OnDate { date },
        None => EntryIntoForce::OnSigning {
            retroactive_from: a.retroactive_from,
        },
    };
    let draft = DirectiveDraft {
        job_descriptions: ids,
        title: line("title", a.title, 300)?,
        legal_basis,
        entry_into_force,
        signer_name: line("signer's name", a.signer_name, 300)?,
        signer_title: line("signer's title", a.signer_title, 300)?,
        number: None,
        date: None,
        template: a.template,
    };
    for id in &draft.job_descriptions {
        let Some(jd) = registry.job_description(id) else {
            continue;
        };
        if !matches!(jd.status, Status::Draft | Status::InCoordination) {
            eprintln!(
                "warning: job description {id} (version {}) is {}, not a draft or in coordination",
                jd.version,
                jd.status.as_str()
            );
        }
        for other in registry.directives.iter().filter(|d| {
            d.annexes
                .iter()
                .any(|x| x.job_description.as_ref() == Some(id))
        }) {
            eprintln!(
                "warning: job description {id} is already an annex of directive {} ({}, {})",
                other.id,
                other.title,
                registration(other)
            );
        }
    }
    let id = DirectiveId::from_uuid(uuid::Uuid::new_v4());
    let record = ametijuhend_render::directive_record(&registry, &draft, id.clone())
        .map_err(|e| CliError::new(format!("cannot prepare the directive: {e}")))?;

    // The document first: a directive is stored only when its document could be written.
    let format = format_for(a.format, a.out.as_deref());
    if let Some(out) = &a.out {
        let bytes =
            ametijuhend_render::render_stored_directive(&registry, &record, format, a.template)
                .map_err(|e| CliError::new(format!("cannot render the directive: {e}")))?;
        write_output(out, &bytes)?;
    }
    let audit = AuditEntry::new(
        clock.timestamp(),
        actor(),
        "directive.created",
        "directive",
        &id,
    )
    .after(&record);
    let changes = ChangeSet {
        directives: vec![record.clone()],
        ..ChangeSet::default()
    };
    if let Err(e) = store.apply_audited(&changes, &[audit]).await {
        if let Some(out) = a.out.as_deref().filter(|o| o.as_os_str() != "-") {
            let _ = std::fs::remove_file(out);
        }
        return Err(CliError::new(format!("cannot store the directive: {e}")));
    }

    println!("{id}");
    eprintln!(
        "stored directive {id}: „{}“ ({})",
        record.title,
        registration(&record)
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
        "number and date stay {} until registered: ametijuhend directive register {id} --number N --date DD.MM.YYYY",
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
    let registry = store.export().await?;
    let format = format_for(a.format, Some(&a.out));
    let bytes =
        ametijuhend_render::render_stored_directive(&registry, &directive, format, a.template)
            .map_err(|e| CliError::new(format!("cannot render the directive: {e}")))?;
    write_output(&a.out, &bytes)?;
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
