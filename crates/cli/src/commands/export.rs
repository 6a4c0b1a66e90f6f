//! `ametijuhend export`: the whole registry as one JSON document, written as it is read from
//! the database (a page of records at a time), so memory stays small whatever its size.

use crate::config::Config;
use crate::error::CliError;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    match args.out {
        Some(path) => {
            // Write next to the target and rename, so a failed export never leaves half a file.
            let tmp = path.with_extension("json.partial");
            let file = std::fs::File::create(&tmp)
                .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?;
            let mut out = BufWriter::new(file);
            let written = store.export_to(&mut out).await;
            let finished = written.map_err(CliError::from).and_then(|()| {
                out.write_all(b"\n")
                    .and_then(|_| out.into_inner().map_err(|e| e.into_error()))
                    .and_then(|f| f.sync_all())
                    .and_then(|_| std::fs::rename(&tmp, &path))
                    .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))
            });
            if finished.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            finished?;
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout());
            store.export_to(&mut out).await?;
            out.write_all(b"\n")
                .and_then(|_| out.flush())
                .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
