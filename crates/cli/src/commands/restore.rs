//! `ametijuhend restore FILE`: loads a registry document written by `export`, in one transaction.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::Registry;
use ametijuhend_store::RestoreMode;
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

/// Reads and parses a registry document, naming the file, the JSON path and the line of any error.
pub fn read_registry(file: &PathBuf) -> Result<Registry, CliError> {
    let name = if file.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        file.display().to_string()
    };
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_string(&mut text))
            .map(|_| ())
    };
    read.map_err(|e| {
        CliError::new(format!("cannot read {name}: {e}"))
            .with_hint("give the path of a JSON file written by `ametijuhend export`")
    })?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let registry: Registry = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let location = format!("line {}, column {}", inner.line(), inner.column());
        let field = if path.is_empty() || path == "." { String::new() } else { format!(" at {path}") };
        CliError::new(format!("{name}: invalid registry document{field} ({location}): {inner}"))
            .with_hint("fix that field, or export the registry again with `ametijuhend export`; the format is described in docs/registry.schema.json")
    })?;
    registry.validate().map_err(|errs| {
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
    })?;
    Ok(registry)
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let registry = read_registry(&args.file)?;
    let store = cfg.open_store().await?;
    let mode = if args.replace {
        RestoreMode::Replace
    } else {
        RestoreMode::IntoEmpty
    };
    store.restore(&registry, mode).await?;
    let c = store.counts().await?;
    eprintln!(
        "restored: {} units, {} positions, {} job description versions, {} role cards, {} directives",
        c.units, c.positions, c.job_descriptions, c.role_cards, c.directives
    );
    Ok(ExitCode::SUCCESS)
}
