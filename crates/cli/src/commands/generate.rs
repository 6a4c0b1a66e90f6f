//! `ametijuhend generate --positions N [--seed S] [--out FILE]`: writes a realistic generated
//! registry document (see the `ametijuhend-generate` crate) that `restore` loads, for trials,
//! benchmarks and load tests. It touches no database; the document is written as it is made,
//! so memory stays small whatever the size.

use crate::error::CliError;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The largest registry generated (a guard against a mistyped number filling the disk).
const MAX_POSITIONS: usize = 1_000_000;

#[derive(clap::Args)]
pub struct Args {
    /// How many positions (1 to 1,000,000).
    #[arg(long, value_name = "N")]
    positions: usize,
    /// The seed: the same seed and size always give the same document, byte for byte.
    #[arg(long, default_value_t = 1, value_name = "S")]
    seed: u64,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    if args.positions == 0 || args.positions > MAX_POSITIONS {
        return Err(
            CliError::new(format!("--positions {} is out of range", args.positions))
                .with_hint("give a number of positions from 1 to 1000000"),
        );
    }
    let summary = match &args.out {
        Some(path) => {
            // Written next to the target and renamed, so a failure never leaves half a file.
            let tmp = path.with_extension("json.partial");
            let written = std::fs::File::create(&tmp).and_then(|f| {
                let (mut w, summary) = ametijuhend_generate::write_document(
                    args.seed,
                    args.positions,
                    BufWriter::new(f),
                )?;
                // `export` ends its document with a line break; so does `generate`.
                w.write_all(b"\n")?;
                w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&tmp, path)?;
                Ok(summary)
            });
            written.map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                CliError::new(format!("cannot write {}: {e}", path.display()))
                    .with_hint("check that the folder exists and has room")
            })?
        }
        None => {
            let out = BufWriter::new(std::io::stdout().lock());
            let (mut w, summary) =
                ametijuhend_generate::write_document(args.seed, args.positions, out)
                    .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))?;
            w.write_all(b"\n")
                .and_then(|_| w.flush())
                .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))?;
            summary
        }
    };
    eprintln!(
        "generated: {} units, {} positions, {} holders, {} substitution links, {} job description versions, {} directives (seed {})",
        summary.units,
        summary.positions,
        summary.persons,
        summary.substitutions,
        summary.job_descriptions,
        summary.directives,
        args.seed
    );
    Ok(ExitCode::SUCCESS)
}
