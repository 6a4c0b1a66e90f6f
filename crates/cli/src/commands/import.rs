//! `ametijuhend import PATH…`: imports job descriptions, directives and role card catalogues
//! from .txt, .docx, .odt and .pdf files and folders. Each file is one transaction; a file that
//! fails is reported and the batch goes on; the exit code is non-zero when any file failed.

use crate::config::Config;
use crate::error::CliError;
use crate::importer::{self, Document, Outcome, ParsedDocument};
use ametijuhend_domain::Timestamp;
use ametijuhend_extract::Limits;
use ametijuhend_ingest::Severity;
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
    /// Largest file to read, in MiB.
    #[arg(long, default_value_t = 20, value_name = "MIB")]
    max_size: u64,
}

/// The files named by the paths: files as given, folders walked recursively in name order
/// (hidden entries skipped). Files of other types inside folders are listed, not read.
fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    fn walk(
        dir: &Path,
        files: &mut Vec<PathBuf>,
        skipped: &mut Vec<PathBuf>,
        errors: &mut Vec<String>,
    ) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                errors.push(format!("{}: cannot read the folder: {e}", dir.display()));
                return;
            }
        };
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                walk(&p, files, skipped, errors);
            } else {
                let ext = p
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(|e| e.to_lowercase());
                if ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
                    files.push(p);
                } else {
                    skipped.push(p);
                }
            }
        }
    }
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut skipped, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(format!("{}: no such file or folder", p.display()));
        }
    }
    (files, skipped, errors)
}

fn read_file(path: &Path, limits: &Limits) -> Result<Document, String> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    if meta.len() > limits.max_file_bytes {
        return Err(format!(
            "{name}: the file is {:.1} MiB, more than the import limit of {} MiB: a job description is far smaller; check the file, or raise the limit with --max-size",
            meta.len() as f64 / 1_048_576.0,
            limits.max_file_bytes / 1_048_576
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    Ok(Document { name, bytes })
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
    let (files, skipped, walk_errors) = collect(&args.paths);
    let mut failed: Vec<String> = walk_errors;
    for e in &failed {
        eprintln!("error: {e}");
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
        crate::commands::serve::load_reference_data(&store).await?;
        Some(store)
    };
    let mut registry = match &store {
        Some(s) => s.export().await?,
        None => Default::default(),
    };
    let now = Timestamp::from_datetime(chrono::Utc::now());
    let (mut imported, mut unchanged, mut records) = (0usize, 0usize, 0usize);
    let mut stdout = std::io::stdout().lock();

    for path in &files {
        bar.set_message(path.display().to_string());
        let result = read_file(path, &limits).and_then(|d| importer::read(d, &limits));
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
        if let Some(store) = &store {
            match importer::store_document(store, &mut registry, &doc, now).await {
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

    if !skipped.is_empty() {
        eprintln!(
            "skipped {} file(s) that are not .txt, .docx, .odt or .pdf:",
            skipped.len()
        );
        for s in &skipped {
            eprintln!("  {}", s.display());
        }
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
