//! `ametijuhend signature`: ASiC-E containers for DigiDoc4. `verify FILE [--json]` checks a
//! signed container offline and reports like SiVa (exit code 0 only when every signature
//! PASSED); `container --file PDF… --out FILE.asice` builds an unsigned container to sign, and
//! `container --job-description ID | --directive ID` the registry's own (the issued PDF, its
//! digest recorded); `attach (--job-description ID | --directive ID) FILE --as USER` verifies a
//! signed container and stores it with the record (`ametijuhend_app::signatures`).

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::signatures::{self as use_case, AttachCommand, Attached, SignedRecord};
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{self, Role};
use ametijuhend_domain::{DirectiveId, JobDescriptionId};
use ametijuhend_signature::{DataFile, Options, TrustStore};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Verify a signed .asice/.bdoc container offline: PASSED, FAILED or INDETERMINATE, per
    /// signature who signed, when, at which level, errors, warnings and what was checked.
    Verify(VerifyArgs),
    /// Build an unsigned ASiC-E container to sign in DigiDoc4: from data files, or the
    /// registry-issued PDF of an approved job description version or of a directive.
    Container(ContainerArgs),
    /// Verify a signed container and store it with a job description version or a directive;
    /// the holder's (the directive's signer's) valid signature over the issued PDF records the
    /// acknowledgement (the directive as signed).
    Attach(AttachArgs),
}

#[derive(clap::Args)]
struct RecordArgs {
    /// The job description version (its id).
    #[arg(
        long = "job-description",
        value_name = "ID",
        conflicts_with = "directive"
    )]
    job_description: Option<String>,
    /// The directive (its id; see `ametijuhend directive list`).
    #[arg(long, value_name = "ID")]
    directive: Option<String>,
}

#[derive(clap::Args)]
struct AttachArgs {
    #[command(flatten)]
    record: RecordArgs,
    /// The signed container (.asice, .bdoc).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The account that attaches it (see `ametijuhend user list`): HR, an administrator, or the
    /// holder for their own version.
    #[arg(long = "as", value_name = "USERNAME")]
    user: String,
    /// Print the stored container (or the refusal) as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// The container (.asice, .bdoc, .sce).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print the report as JSON (indication, and per signature signer, signing_time, level,
    /// errors, warnings).
    #[arg(long)]
    json: bool,
    /// Also trust the SK test PKI ("TEST of …" certificates): for trials with test ID cards only;
    /// available in builds with the test PKI.
    #[arg(long)]
    test_pki: bool,
}

#[derive(clap::Args)]
struct ContainerArgs {
    /// A data file to put in the container (repeat for several; PDFs as application/pdf).
    #[arg(long = "file", value_name = "FILE", conflicts_with_all = ["job_description", "directive"])]
    files: Vec<PathBuf>,
    /// The registry-issued PDF of this job description version (approved or later).
    #[arg(
        long = "job-description",
        value_name = "ID",
        conflicts_with = "directive"
    )]
    job_description: Option<String>,
    /// The registry-issued PDF of this directive, followed by its annexes.
    #[arg(long, value_name = "ID")]
    directive: Option<String>,
    /// Where to write the container.
    #[arg(long, value_name = "FILE.asice")]
    out: PathBuf,
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    match args.action {
        Action::Verify(a) => verify(a),
        Action::Container(a) if a.files.is_empty() => issue(cfg, a).await,
        Action::Container(a) => container(a),
        Action::Attach(a) => attach(cfg, a).await,
    }
}

fn record(
    job_description: Option<&str>,
    directive: Option<&str>,
) -> Result<SignedRecord, CliError> {
    match (job_description, directive) {
        (Some(id), _) => JobDescriptionId::parse(id)
            .map(SignedRecord::JobDescription)
            .map_err(|e| {
                CliError::new(format!("--job-description '{id}': {e}"))
                    .with_hint("give the version's id (see the position's versions in the web application or `ametijuhend export`)")
            }),
        (None, Some(id)) => DirectiveId::parse(id)
            .map(SignedRecord::Directive)
            .map_err(|e| {
                CliError::new(format!("--directive '{id}': {e}"))
                    .with_hint("list the directives with `ametijuhend directive list`")
            }),
        (None, None) => Err(CliError::new("no record given")
            .with_hint("give --job-description ID or --directive ID (or, for `container`, --file FILE…)")),
    }
}

fn app_error(e: AppError) -> CliError {
    let hint = match &e {
        AppError::Denied(_) => {
            "attach as an HR or administrator account, or as the holder of the position"
        }
        AppError::NotFound { .. } => {
            "check the id (ametijuhend directive list, ametijuhend export)"
        }
        AppError::Conflict {
            code: "not_approved",
            ..
        } => "approve the version by a directive first (ametijuhend workflow approve …)",
        AppError::Conflict {
            code: "read_only", ..
        } => {
            "a superseded or repealed version is kept as it was: sign the version that replaced it"
        }
        _ => "nothing was stored",
    };
    CliError::new(format!("{e} ({})", e.code())).with_hint(hint)
}

/// The command line acts with full rights when it issues a container (like `render`); the
/// audit trail names it `cli:<login name>`.
fn operator() -> Principal {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into());
    Principal {
        access: access::Principal {
            account: format!("cli:{user}"),
            roles: vec![Role::Administrator],
            unit: None,
            position: None,
        },
        name: None,
    }
}

async fn issue(cfg: &Config, a: ContainerArgs) -> Result<ExitCode, CliError> {
    let record = record(a.job_description.as_deref(), a.directive.as_deref())?;
    let store = cfg.open_store().await?;
    let issued = use_case::issue(store.as_ref(), cfg.clock.as_ref(), &operator(), &record)
        .await
        .map_err(app_error)?;
    std::fs::write(&a.out, &issued.bytes)
        .map_err(|e| CliError::new(format!("cannot write {}: {e}", a.out.display())))?;
    for f in &issued.files {
        eprintln!("issued {} (SHA-256 {})", f.file_name, f.sha256);
    }
    eprintln!(
        "wrote {} ({} bytes): open it in DigiDoc4 to sign, then `ametijuhend signature attach`",
        a.out.display(),
        issued.bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}

async fn attach(cfg: &Config, a: AttachArgs) -> Result<ExitCode, CliError> {
    let record = record(
        a.record.job_description.as_deref(),
        a.record.directive.as_deref(),
    )?;
    let store = cfg.open_store().await?;
    let user = store
        .find_user(&a.user)
        .await?
        .map(|(u, _)| u)
        .ok_or_else(|| {
            CliError::new(format!("there is no account '{}'", a.user))
                .with_hint("see the accounts with: ametijuhend user list")
        })?;
    let bytes = std::fs::read(&a.file).map_err(|e| {
        CliError::new(format!("cannot read {}: {e}", a.file.display()))
            .with_hint("give the path of the signed .asice or .bdoc container")
    })?;
    let name = a
        .file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let cmd = AttachCommand::new(record, &name, bytes).map_err(app_error)?;
    let who = Principal::of(&user);
    let attached = use_case::attach(store.as_ref(), cfg.clock.as_ref(), &who, cmd)
        .await
        .map_err(|e| match e {
            AppError::Invalid(p) => CliError::new(format!(
                "{} is not stored: {}",
                a.file.display(),
                p.iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .with_hint("attach the container exactly as DigiDoc4 saved it"),
            other => app_error(other),
        })?;
    match attached {
        Attached::Stored {
            container,
            outcome,
            report,
        } => {
            if a.json {
                let v = serde_json::json!({
                    "container": container,
                    "completed": outcome.completed,
                });
                println!("{v:#}");
            } else {
                println!(
                    "stored {} ({}): {} — {}{}",
                    container.file_name,
                    container.id,
                    report.verdict.as_str(),
                    outcome.outcome.code(),
                    if outcome.completed {
                        " (completed)"
                    } else {
                        " (completes nothing)"
                    }
                );
                if let Some(why) = &outcome.not_performed {
                    println!("not performed: {why}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Attached::Rejected { reason, report } => {
            if a.json {
                let v = serde_json::json!({
                    "error": {"code": reason.code(), "message": reason.to_string()},
                    "report": *report,
                });
                println!("{v:#}");
                Ok(ExitCode::FAILURE)
            } else {
                print!("{}", report.to_text());
                Err(
                    CliError::new(format!("{} is not stored: {reason}", a.file.display()))
                        .with_hint("only a valid signature is stored"),
                )
            }
        }
    }
}

fn store(test_pki: bool) -> Result<TrustStore, CliError> {
    if !test_pki {
        return Ok(TrustStore::production());
    }
    #[cfg(feature = "test-pki")]
    {
        Ok(TrustStore::with_test_pki())
    }
    #[cfg(not(feature = "test-pki"))]
    {
        Err(CliError::new("this build has no test trust store (--test-pki)")
            .with_hint("build with `--features test-pki` for trials with test ID cards; production builds trust only production CAs"))
    }
}

fn verify(a: VerifyArgs) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        CliError::new(format!("cannot read {}: {e}", a.file.display()))
            .with_hint("give the path of a signed .asice or .bdoc container")
    })?;
    let options = Options {
        store: store(a.test_pki)?,
        ..Options::default()
    };
    match ametijuhend_signature::verify(bytes, options) {
        Ok(report) => {
            if a.json {
                let text = serde_json::to_string_pretty(&report)
                    .map_err(|e| CliError::new(format!("cannot serialise the report: {e}")))?;
                println!("{text}");
            } else {
                print!("{}", report.to_text());
            }
            Ok(if report.indication == "PASSED" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Err(refused) if a.json => {
            let v = serde_json::json!({
                "indication": "REFUSED",
                "verdict": "refused",
                "reason": refused.to_string(),
            });
            println!("{v:#}");
            Ok(ExitCode::FAILURE)
        }
        Err(refused) => Err(CliError::new(format!(
            "{} is refused: {refused}",
            a.file.display()
        ))
        .with_hint("the container is malformed or hostile; ask the signer for the container DigiDoc4 saved")),
    }
}

fn media_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    match lower.rsplit_once('.').map(|(_, e)| e) {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("txt") => "text/plain",
        Some("html" | "htm") => "text/html",
        _ => "application/octet-stream",
    }
}

fn container(a: ContainerArgs) -> Result<ExitCode, CliError> {
    let mut files = Vec::new();
    for path in &a.files {
        let bytes = std::fs::read(path)
            .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| CliError::new(format!("{} has no usable file name", path.display())))?
            .to_owned();
        files.push(DataFile {
            media_type: media_type(&name).to_owned(),
            name,
            bytes,
        });
    }
    let bytes = ametijuhend_signature::build_container(&files).map_err(|e| {
        CliError::new(e.to_string()).with_hint("give each data file once, under a plain file name")
    })?;
    std::fs::write(&a.out, &bytes)
        .map_err(|e| CliError::new(format!("cannot write {}: {e}", a.out.display())))?;
    eprintln!(
        "wrote {} ({} data file(s), {} bytes): open it in DigiDoc4 to sign",
        a.out.display(),
        files.len(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
