//! `ametijuhend restore FILE`: loads a registry document written by `export` (or `generate`) in
//! one transaction. The document is read as it arrives on a thread of its own and its records
//! go to the store in chunks, so memory stays small whatever its size; nothing is committed
//! unless the whole document was read and found consistent.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::{ReadError, RegistryError, read_document};
use ametijuhend_store::{RestoreInput, RestoreMode};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The registry JSON file, or - for standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Replace a registry that already holds records (everything in it is deleted first).
    #[arg(long)]
    replace: bool,
}

/// Records handed to the store at a time, and chunks waiting between the reader and the store.
const CHUNK: usize = 250;
const QUEUE: usize = 4;

const FORMAT_HINT: &str = "fix that field, or export the registry again with `ametijuhend export`; the format is described in docs/registry.schema.json";

fn read_failed(name: &str, e: &ReadError) -> CliError {
    if e.io {
        CliError::new(format!("{name}: {e}"))
            .with_hint("give the path of a JSON file written by `ametijuhend export`")
    } else {
        CliError::new(format!("{name}: {e}")).with_hint(FORMAT_HINT)
    }
}

fn inconsistent(name: &str, errs: &[RegistryError]) -> CliError {
    let list: Vec<String> = errs.iter().take(20).map(|e| format!("  {e}")).collect();
    let more = if errs.len() > 20 {
        format!("\n  … and {} more", errs.len() - 20)
    } else {
        String::new()
    };
    CliError::new(format!(
        "{name}: the registry document is not consistent ({} problem{}):\n{}{more}",
        errs.len(),
        if errs.len() == 1 { "" } else { "s" },
        list.join("\n")
    ))
    .with_hint("nothing was restored; fix the fields named above and try again")
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let stdin = args.file.as_os_str() == "-";
    let name = if stdin {
        "standard input".to_string()
    } else {
        args.file.display().to_string()
    };
    let input: Box<dyn Read + Send> = if stdin {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&args.file).map_err(|e| {
            CliError::new(format!("cannot read {name}: {e}"))
                .with_hint("give the path of a JSON file written by `ametijuhend export`")
        })?)
    };
    let store = cfg.open_store().await?;
    let mode = if args.replace {
        RestoreMode::Replace
    } else {
        RestoreMode::IntoEmpty
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel::<RestoreInput>(QUEUE);
    // Set when the store stopped taking records: its error then says why, not the reader's.
    let store_stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = store_stopped.clone();
    let reader = std::thread::spawn(move || {
        let read = read_document(input, CHUNK, &mut |chunk| {
            let sent = tx.blocking_send(RestoreInput::Records(chunk)).is_ok();
            if !sent {
                stopped.store(true, std::sync::atomic::Ordering::SeqCst);
            }
            sent
        });
        if let Ok(verdict) = &read {
            let problems = verdict.clone().err().unwrap_or_default();
            let _ = tx.blocking_send(RestoreInput::End(problems));
        }
        read
    });
    let stored = store.restore_stream(&mut rx, mode).await;
    drop(rx);
    let read = reader
        .join()
        .map_err(|_| CliError::new(format!("{name}: reading the document failed unexpectedly")))?;
    if let Err(e) = &read
        && !(stored.is_err() && store_stopped.load(std::sync::atomic::Ordering::SeqCst))
    {
        return Err(read_failed(&name, e));
    }
    if let Err(e) = stored {
        let problems = e.problems();
        return Err(if problems.is_empty() {
            e.into()
        } else {
            inconsistent(&name, &problems)
        });
    }
    let c = store.counts().await?;
    eprintln!(
        "restored: {} units, {} positions, {} job description versions, {} role cards, {} directives",
        c.units, c.positions, c.job_descriptions, c.role_cards, c.directives
    );
    Ok(ExitCode::SUCCESS)
}
