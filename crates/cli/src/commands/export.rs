//! `ametijuhend export`: the whole registry as one JSON document.

use crate::config::Config;
use crate::error::CliError;
use std::io::Write;
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
    let registry = store.export().await?;
    let mut json = serde_json::to_string_pretty(&registry)
        .map_err(|e| CliError::new(format!("cannot serialise the registry: {e}")))?;
    json.push('\n');
    match args.out {
        Some(path) => {
            // Write next to the target and rename, so a failed export never leaves half a file.
            let tmp = path.with_extension("json.partial");
            std::fs::write(&tmp, json.as_bytes())
                .and_then(|_| std::fs::rename(&tmp, &path))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    CliError::new(format!("cannot write {}: {e}", path.display()))
                })?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(json.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
