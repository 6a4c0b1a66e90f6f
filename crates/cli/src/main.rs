//! `ametijuhend`: the command-line program. It parses the command line, opens the store and runs
//! one command; every error is printed as what went wrong, where, and what to do, and gives a
//! non-zero exit code.

mod commands;
mod config;
mod demo;
mod error;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ametijuhend",
    version,
    about = "The registry of job descriptions, role cards and positions (Sotsiaalkindlustusamet).",
    long_about = "Ametijuhend keeps the agency's units, positions, role cards and job descriptions as structured, versioned data.\n\nThe registry lives in an embedded SQLite database in the data directory unless --database names a PostgreSQL server.",
    after_help = "Examples:\n  ametijuhend serve\n  ametijuhend --database postgres://ametijuhend@localhost/registry serve --listen 0.0.0.0:8080\n  ametijuhend export > registry.json\n  ametijuhend --data-dir /tmp/test restore registry.json"
)]
pub struct Cli {
    /// Directory for the embedded database and other files [default: the per-user data
    /// directory, e.g. ~/.local/share/ametijuhend].
    #[arg(long, global = true, env = "AMETIJUHEND_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Database URL: sqlite://PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB [default:
    /// SQLite file registry.db in the data directory].
    #[arg(
        long,
        global = true,
        env = "AMETIJUHEND_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    database: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application: the pages, the JSON API and the health check.
    #[command(
        after_help = "Examples:\n  ametijuhend serve\n  ametijuhend serve --listen 0.0.0.0:8080"
    )]
    Serve(commands::serve::Args),
    /// Write the whole registry as one JSON document (to standard output by default).
    #[command(
        after_help = "Examples:\n  ametijuhend export > registry.json\n  ametijuhend export --out registry.json"
    )]
    Export(commands::export::Args),
    /// Import job descriptions, directives and role card catalogues from .txt, .docx, .odt and .pdf files.
    #[command(
        after_help = "Examples:\n  ametijuhend import ametijuhendid/\n  ametijuhend import kaskkiri-49.pdf lisa-1.docx\n  ametijuhend import --dry-run --json ametijuhend.docx > records.jsonl"
    )]
    Import(commands::import::Args),
    /// Check the registry's consistency: job families, substitutions, supervisors, required
    /// content, unfilled template fields, review dates, duplicated duties.
    #[command(
        after_help = "Examples:\n  ametijuhend lint\n  ametijuhend lint --json > findings.json\n  ametijuhend lint --today 01.01.2027"
    )]
    Lint(commands::lint::Args),
    /// Compare two job description versions (or a position's two newest) as a unified diff.
    #[command(
        after_help = "Examples:\n  ametijuhend diff 1f0c…-position-id\n  ametijuhend diff POSITION_ID@1 POSITION_ID@2\n  ametijuhend diff OTHER_POSITION_ID POSITION_ID"
    )]
    Diff(commands::diff::Args),
    /// Remind supervisors by e-mail of the annual reviews due within 30 days (off without --smtp).
    #[command(
        after_help = "Examples:\n  ametijuhend notify --dry-run\n  ametijuhend notify --smtp smtp://user:password@mail.example.ee:587 --mail-from ametijuhend@example.ee\n  AMETIJUHEND_SMTP_URL=smtps://mail.example.ee AMETIJUHEND_MAIL_FROM=ametijuhend@example.ee ametijuhend notify --today 01.02.2026\n\nWithout an SMTP server nothing is sent: the digest is printed with how to configure one.\nEach reminder is sent once (recorded by position and due date)."
    )]
    Notify(commands::notify::Args),
    /// Perform a lifecycle action on a job description version as an existing account.
    #[command(
        after_help = "Examples:\n  ametijuhend workflow submit VERSION_ID --as juht\n  ametijuhend workflow sign-off-as-hr VERSION_ID --as mari --comment 'Sobib.'\n  ametijuhend workflow return VERSION_ID --as mari --comment 'Lisa oodatavad tulemused.'\n  ametijuhend workflow record-consent VERSION_ID --as mari --date 02.03.2026\n  ametijuhend workflow approve VERSION_ID --as mari --directive-number 1-1/49 --directive-date 06.03.2026 --annex 2 [--effective-from 01.03.2026]\n  ametijuhend workflow acknowledge VERSION_ID --as hele --date 09.03.2026\n  ametijuhend workflow put-in-force VERSION_ID --as mari\n  ametijuhend workflow repeal VERSION_ID --as mari --comment 'Ametikoht kaotati.'\n  ametijuhend workflow discard VERSION_ID --as mari"
    )]
    Workflow(commands::workflow::WorkflowArgs),
    /// List the positions whose annual review is overdue, due within 30 days or of unknown date, by unit.
    #[command(
        after_help = "Examples:\n  ametijuhend reviews\n  ametijuhend reviews --today 01.02.2026 --json"
    )]
    Reviews(commands::workflow::ReviewsArgs),
    /// Record the annual review of a position's current job description as an existing account.
    #[command(
        after_help = "Examples:\n  ametijuhend review POSITION_ID --as juht --date 15.01.2026 --outcome no-change\n  ametijuhend review POSITION_ID --as mari --outcome new-version --comment 'Lisandub ülesanne.'"
    )]
    Review(commands::workflow::ReviewArgs),
    /// Render job descriptions in the agency's layout as PDF, DOCX or HTML (2024 or 2023
    /// template): one version, or every version into a folder.
    #[command(
        after_help = "Examples:\n  ametijuhend render --format pdf --position POSITION_ID --out ametijuhend.pdf\n  ametijuhend render --format docx --position POSITION_ID --version 2 --template 2023 --out v2.docx\n  ametijuhend render --all --format pdf --out ametijuhendid/"
    )]
    Render(commands::render::Args),
    /// Directives approving job descriptions: create (plan, store, write), register (number and
    /// date from the document register), render, list.
    #[command(
        after_help = "Examples:\n  ametijuhend directive create --unit UNIT_ID --status draft --format docx --out kaskkiri.docx\n  ametijuhend directive register DIRECTIVE_ID --number 17 --date 02.05.2025\n  ametijuhend directive render DIRECTIVE_ID --format pdf --out kaskkiri-17.pdf\n  ametijuhend directive list"
    )]
    Directive(commands::directive::Args),
    /// Search the registry in Estonian: any case form, compound parts, "phrases", filters.
    #[command(
        after_help = "Examples:\n  ametijuhend search kasutajaõigused\n  ametijuhend search '\"kasutajaõiguste andmine\"' --kind position\n  ametijuhend search koostöö --language ru --level B1 --json"
    )]
    Search(commands::search::SearchArgs),
    /// Show the terms the search index makes of each word (why a word is or is not found).
    #[command(
        after_help = "Examples:\n  ametijuhend analyze ärireeglitele\n  ametijuhend analyze --json 'Kasutajaõiguste andmine'"
    )]
    Analyze(commands::analyze::Args),
    /// Rebuild the search index from the database (it is otherwise kept in step by itself).
    #[command(after_help = "Examples:\n  ametijuhend reindex")]
    Reindex(commands::search::ReindexArgs),
    /// Write a realistic generated registry document (for trials, benchmarks and load tests).
    #[command(
        after_help = "Examples:\n  ametijuhend generate --positions 2000 --out registry.json\n  ametijuhend generate --positions 50000 --seed 7 --out big.json\n  ametijuhend generate --positions 200 | ametijuhend restore -"
    )]
    Generate(commands::generate::Args),
    /// Load a registry JSON document written by `export` (into an empty registry unless --replace).
    #[command(
        after_help = "Examples:\n  ametijuhend restore registry.json\n  ametijuhend restore --replace registry.json\n  cat registry.json | ametijuhend restore -"
    )]
    Restore(commands::restore::Args),
    /// Print the JSON Schema of the registry document or the OpenAPI document of the API.
    #[command(
        after_help = "Examples:\n  ametijuhend schema registry > docs/registry.schema.json\n  ametijuhend schema openapi"
    )]
    Schema(commands::schema::Args),
    /// ASiC-E containers for DigiDoc4: verify a signed one offline, build an unsigned one (of a
    /// registry record), attach a signed one to its record.
    #[command(
        after_help = "Examples:\n  ametijuhend signature verify allkirjastatud.asice\n  ametijuhend signature verify allkirjastatud.asice --json\n  ametijuhend signature container --file ametijuhend.pdf --out ametijuhend.asice\n  ametijuhend signature container --job-description ID --out ametijuhend.asice\n  ametijuhend signature attach --job-description ID allkirjastatud.asice --as hr"
    )]
    Signature(commands::signature::Args),
    /// Manage the accounts of the web application (not part of the registry document).
    #[command(
        after_help = "Examples:\n  printf '%s\\n' 'a long secret' | ametijuhend user add --username mari --role hr\n  ametijuhend user list"
    )]
    User(commands::user::Args),
}

/// Panics inside the isolated document readers (threads named `extract-…`) are caught and
/// reported as that file's error; they are logged (debug) instead of printed. Any other panic
/// keeps the default report.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let reader = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("extract-"));
        if reader {
            tracing::debug!("a document reader failed: {info}");
        } else {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    config::init_logging();
    quiet_reader_panics();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            e.print();
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, error::CliError> {
    let cfg = config::Config::new(cli.data_dir, cli.database)?;
    match cli.command {
        Command::Serve(args) => commands::serve::run(&cfg, args).await,
        Command::Export(args) => commands::export::run(&cfg, args).await,
        Command::Generate(args) => commands::generate::run(args),
        Command::Lint(args) => commands::lint::run(&cfg, args).await,
        Command::Diff(args) => commands::diff::run(&cfg, args).await,
        Command::Notify(args) => commands::notify::run(&cfg, args).await,
        Command::Workflow(args) => commands::workflow::workflow(&cfg, args).await,
        Command::Reviews(args) => commands::workflow::reviews(&cfg, args).await,
        Command::Review(args) => commands::workflow::review(&cfg, args).await,
        Command::Render(args) => commands::render::run(&cfg, args).await,
        Command::Directive(args) => commands::directive::run(&cfg, args).await,
        Command::Search(args) => commands::search::search(&cfg, args).await,
        Command::Reindex(args) => commands::search::reindex(&cfg, args).await,
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Import(args) => commands::import::run(&cfg, args).await,
        Command::Restore(args) => commands::restore::run(&cfg, args).await,
        Command::Schema(args) => commands::schema::run(args),
        Command::Signature(args) => commands::signature::run(&cfg, args).await,
        Command::User(args) => commands::user::run(&cfg, args).await,
    }
}
