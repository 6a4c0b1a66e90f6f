//! `ametijuhend lint`: the registry's consistency checks (domain `lint` rules, run as a streaming
//! pass over the store). Prints each finding with the record it is about and how to fix it;
//! exits 1 when any finding is an error.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::lint::{Severity, has_errors};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Print the findings as a JSON array instead of text.
    #[arg(long)]
    json: bool,
    /// Check as of this day (DD.MM.YYYY or YYYY-MM-DD) instead of today (affects review dates).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let today = cfg.day(args.today.as_deref())?;
    let store = cfg.open_store().await?;
    // Slice by slice: the registry is never held whole.
    let findings = ametijuhend_store::lint(store.as_ref(), today).await?;
    if args.json {
        let text = serde_json::to_string_pretty(&findings)
            .map_err(|e| CliError::new(format!("cannot serialise the findings: {e}")))?;
        println!("{text}");
    } else {
        for f in &findings {
            println!(
                "{} [{}] {}: {}",
                f.severity.as_str(),
                f.rule,
                f.record.name,
                f.message
            );
            for r in &f.related {
                println!("    related: {}", r.name);
            }
            println!("    fix: {}", f.fix);
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        println!(
            "{} finding(s): {errors} error(s), {} warning(s)",
            findings.len(),
            findings.len() - errors
        );
    }
    Ok(if has_errors(&findings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
