//! `ametijuhend signature`: ASiC-E containers for DigiDoc4. `verify FILE [--json]` checks a
//! signed container offline and reports like SiVa (exit code 0 only when every signature
//! PASSED); `container --file PDF… --out FILE.asice` builds an unsigned container to sign.

use crate::error::CliError;
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
    /// Build an unsigned ASiC-E container from data files, ready to sign in DigiDoc4.
    Container(ContainerArgs),
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
    #[arg(long = "file", value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Where to write the container.
    #[arg(long, value_name = "FILE.asice")]
    out: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    match args.action {
        Action::Verify(a) => verify(a),
        Action::Container(a) => container(a),
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
