//! `ametijuhend import PATH…`: imports job descriptions, directives and role card catalogues
//! from .txt, .docx, .odt and .pdf files and folders through the application layer's import
//! ([`ametijuhend_app::imports`]). Each file is one transaction; a file that
//! fails is reported and the batch goes on; the exit code is non-zero when any file failed.
//! Folders are walked safely (`ametijuhend_extract::walk`: link loops, FIFOs and devices, the
//! same file twice and control characters in names are skipped with a report line); labels
//! come from the built-in lexicon, `labels.toml` in the data directory and `--labels FILE`.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::imports::{self, Document, Importer, Outcome, ParsedDocument};
use ametijuhend_extract::Limits;
use ametijuhend_extract::walk::{
    ReadFileError, SkipReason, Walk, display_path, read_regular_file, walk,
};
use ametijuhend_ingest::{Lexicon, Severity};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXTENSIONS: &[&str] = &["txt", "docx", "odt", "pdf"];

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (read recursively) to import.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Read and parse only: store nothing, touch no database.
    #[arg(long)]
    dry_run: bool,
    /// With --dry-run: print the records as JSON Lines (one object per line) on standard output.
    #[arg(long, requires = "dry_run")]
    json: bool,
    /// A label lexicon of the agency (TOML, like data/labels/labels.toml): its labels are added
    /// to the built-in ones and to those of `labels.toml` in the data directory.
    #[arg(long, value_name = "FILE")]
    labels: Option<PathBuf>,
    /// Largest file to read, in MiB.
    #[arg(long, default_value_t = 20, value_name = "MIB")]
    max_size: u64,
}

fn read_file(path: &Path, limits: &Limits) -> Result<Document, String> {
    let name = display_path(path);
    let bytes = read_regular_file(path, limits.max_file_bytes).map_err(|e| match e {
        ReadFileError::TooLarge(n) => format!(
            "{name}: the file is {:.1} MiB or more, more than the import limit of {} MiB: a job description is far smaller; check the file, or raise the limit with --max-size",
            n as f64 / 1_048_576.0,
            limits.max_file_bytes / 1_048_576
        ),
        other => format!("{name}: {other}"),
    })?;
    Ok(Document { name, bytes })
}

/// The label lexicon: the built-in one, with `labels.toml` of the data directory (if there is
/// one) and the `--labels` file added, in that order.
fn lexicon(cfg: &Config, labels: Option<&Path>) -> Result<Lexicon, CliError> {
    let mut lex = Lexicon::builtin().clone();
    let in_data_dir = cfg
        .data_dir
        .join(ametijuhend_ingest::lexicon::DATA_DIR_FILE);
    let files = [
        Some(in_data_dir).filter(|p| p.is_file()),
        labels.map(Path::to_path_buf),
    ];
    for path in files.into_iter().flatten() {
        let name = display_path(&path);
        let bytes = read_regular_file(&path, 1_048_576).map_err(|e| {
            CliError::new(format!("the label lexicon {name}: {e}"))
                .with_hint("give a TOML file like data/labels/labels.toml with --labels FILE")
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            CliError::new(format!("the label lexicon {name} is not UTF-8 text"))
                .with_hint("save it as UTF-8")
        })?;
        lex = lex
            .with_file(&text, &name)
            .map_err(|e| CliError::new(e.to_string()))?;
    }
    Ok(lex)
}

fn print_report(doc: &ParsedDocument) -> String {
    let mut out = doc.report().to_string();
    for w in &doc.extract_warnings {
        out.push_str(&format!("    warning {}: {w}\n", doc.name));
    }
    out
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let limits = Limits {
        max_file_bytes: args.max_size.saturating_mul(1_048_576),
        ..Limits::default()
    };
    let lex = lexicon(cfg, args.labels.as_deref())?;
    let Walk { files, skipped } = walk(&args.paths, EXTENSIONS);
    // A path the person named that cannot be read is an error; entries found inside folders
    // are skipped with their reason.
    let mut failed: Vec<String> = Vec::new();
    for s in skipped.iter().filter(|s| s.named) {
        eprintln!("error: {s}");
        failed.push(s.to_string());
    }
    if files.is_empty() && failed.is_empty() {
        return Err(
            CliError::new("no .txt, .docx, .odt or .pdf files found in the given paths").with_hint(
                "name the files or folders to import, e.g. `ametijuhend import ametijuhendid/`",
            ),
        );
    }

    let bar = ProgressBar::new(files.len() as u64);
    if files.len() > 1 {
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }

    let store = if args.dry_run {
        None
    } else {
        let store = cfg.open_store().await?;
        crate::commands::serve::load_reference_data(&store, cfg.clock.as_ref()).await?;
        Some(store)
    };
    let mut importer = match &store {
        Some(s) => Some(Importer::new(s.as_ref(), cfg.clock.as_ref(), None).await?),
        None => None,
    };
    let (mut imported, mut unchanged, mut records) = (0usize, 0usize, 0usize);
    let mut stdout = std::io::stdout().lock();

    for path in &files {
        bar.set_message(display_path(path));
        let result = read_file(path, &limits).and_then(|d| imports::read_with(d, &limits, &lex));
        let doc = match result {
            Ok(doc) => doc,
            Err(e) => {
                bar.suspend(|| eprintln!("error: {e}"));
                failed.push(e);
                bar.inc(1);
                continue;
            }
        };
        records += doc.records().len();
        bar.suspend(|| eprint!("{}", print_report(&doc)));
        if args.json {
            let lines = doc.parsed.to_json_lines();
            if let Err(e) = stdout.write_all(lines.as_bytes()) {
                return Err(CliError::new(format!(
                    "cannot write to standard output: {e}"
                )));
            }
        }
        if let Some(importer) = importer.as_mut() {
            match importer.store(&doc).await {
                Ok(Outcome::Imported { changed, notes }) => {
                    imported += 1;
                    bar.suspend(|| {
                        eprintln!("  stored: {changed} record(s) added or changed");
                        for n in &notes {
                            let level = match n.severity {
                                Severity::Info => "note",
                                Severity::Warning => "warning",
                                Severity::Error => "error",
                            };
                            eprintln!("    {level} [{}]: {}", n.field, n.message);
                        }
                    });
                }
                Ok(Outcome::Unchanged) => {
                    unchanged += 1;
                    bar.suspend(|| eprintln!("  unchanged: imported before"));
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("error: {e}"));
                    failed.push(e);
                }
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let _ = stdout.flush();

    let (others, unsafe_entries): (Vec<_>, Vec<_>) = skipped
        .iter()
        .filter(|s| !s.named)
        .partition(|s| s.reason == SkipReason::NotADocument);
    if !others.is_empty() {
        eprintln!(
            "skipped {} file(s) that are not .txt, .docx, .odt or .pdf:",
            others.len()
        );
        for s in &others {
            eprintln!("  {}", display_path(&s.path));
        }
    }
    for s in &unsafe_entries {
        eprintln!("skipped {s}");
    }
    if args.dry_run {
        eprintln!(
            "dry run: {} file(s) read, {records} record(s), {} failed; nothing was stored",
            files.len(),
            failed.len()
        );
    } else {
        eprintln!(
            "imported {imported} file(s), {unchanged} unchanged, {} failed ({records} record(s) read)",
            failed.len()
        );
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
