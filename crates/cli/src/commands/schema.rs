//! `ametijuhend schema`: prints the JSON Schema of the registry document or the OpenAPI document.
//!
//! The registry document's schema is the domain's (it describes the registry types). The
//! OpenAPI document describes the web crate's JSON API, so `schema openapi` asks the web crate
//! for it: besides `serve`, the only use of the web crate by the command line.

use crate::error::CliError;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    which: Which,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Which {
    /// JSON Schema of the interchange document (docs/registry.schema.json).
    Registry,
    /// OpenAPI 3.1 document of the JSON API (also served at /api/openapi.json).
    Openapi,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let value = match args.which {
        Which::Registry => ametijuhend_domain::registry::registry_schema(),
        Which::Openapi => ametijuhend_web::openapi::document(),
    };
    let text = serde_json::to_string_pretty(&value)
        .map_err(|e| CliError::new(format!("cannot serialise the schema: {e}")))?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}
