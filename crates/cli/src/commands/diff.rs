//! `ametijuhend diff A [B]`: compares two job description versions section by section and prints
//! a unified diff. A version is named by its id, by `POSITION_ID@N` (version N of a position) or
//! by a position id (its current version). With one position, its two newest versions are compared.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::diff::unified_diff;
use ametijuhend_domain::{JobDescription, JobDescriptionId, PositionId, Registry};
use ametijuhend_store::Store;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The older version: JOB_DESCRIPTION_ID, POSITION_ID@N or POSITION_ID.
    #[arg(value_name = "A")]
    a: String,
    /// The newer version (same forms). Without it, A must be a position and its two newest
    /// versions are compared.
    #[arg(value_name = "B")]
    b: Option<String>,
}

fn versions_of<'a>(registry: &'a Registry, position: &PositionId) -> Vec<&'a JobDescription> {
    let mut v: Vec<&JobDescription> = registry
        .job_descriptions
        .iter()
        .filter(|j| &j.position == position)
        .collect();
    v.sort_by_key(|j| j.version);
    v
}

fn resolve<'a>(registry: &'a Registry, reference: &str) -> Result<&'a JobDescription, CliError> {
    let bad = |what: String| {
        CliError::new(what).with_hint("name a version by its id, by POSITION_ID@N, or a position by its id (see `ametijuhend export` or /api/positions)")
    };
    if let Some((pos, n)) = reference.split_once('@') {
        let position = PositionId::parse(pos).map_err(|e| bad(e.to_string()))?;
        let n: u32 = n
            .parse()
            .map_err(|_| bad(format!("'{n}' in '{reference}' is not a version number")))?;
        return versions_of(registry, &position)
            .into_iter()
            .find(|j| j.version == n)
            .ok_or_else(|| bad(format!("position {position} has no version {n}")));
    }
    if let Ok(id) = JobDescriptionId::parse(reference)
        && let Some(jd) = registry.job_description(&id)
    {
        return Ok(jd);
    }
    let position = PositionId::parse(reference).map_err(|e| bad(e.to_string()))?;
    if registry.position(&position).is_none() {
        return Err(bad(format!(
            "there is no job description or position with id '{reference}'"
        )));
    }
    ametijuhend_domain::workflow::current_version(&registry.job_descriptions, &position)
        .ok_or_else(|| bad(format!("position {position} has no job description yet")))
}

fn label(registry: &Registry, jd: &JobDescription) -> String {
    let title = registry
        .position(&jd.position)
        .map(|p| p.full_title())
        .unwrap_or_else(|| jd.general.title.clone());
    format!("{title}, versioon {} ({})", jd.version, jd.status.as_str())
}

/// Adds the position a reference names (through a version id, `POSITION_ID@N` or its own id)
/// to `r` with all its versions; a reference that names nothing adds nothing (`resolve` says
/// why).
async fn read_around(store: &Store, reference: &str, r: &mut Registry) -> Result<(), CliError> {
    let position = match reference.split_once('@') {
        Some((pos, _)) => PositionId::parse(pos).ok(),
        None => match JobDescriptionId::parse(reference) {
            Ok(id) => match store.get_job_description(&id).await? {
                Some(jd) => Some(jd.position),
                None => PositionId::parse(reference).ok(),
            },
            Err(_) => None,
        },
    };
    if let Some(id) = position
        && r.position(&id).is_none()
        && let Some(p) = store.get_position(&id).await?
    {
        r.positions.push(p);
        r.job_descriptions
            .extend(store.list_job_descriptions(&id).await?);
    }
    Ok(())
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    // Only the positions named and their versions are read.
    let mut registry = Registry::default();
    read_around(&store, &args.a, &mut registry).await?;
    if let Some(b) = &args.b {
        read_around(&store, b, &mut registry).await?;
    }
    let (old, new) = match &args.b {
        Some(b) => (resolve(&registry, &args.a)?, resolve(&registry, b)?),
        None => {
            let position = PositionId::parse(&args.a).map_err(|e| {
                CliError::new(format!("{e}"))
                    .with_hint("with one argument, give a position id; or give two versions")
            })?;
            let versions = versions_of(&registry, &position);
            match versions.as_slice() {
                [] => {
                    return Err(CliError::new(format!(
                        "there is no position with id '{position}' or it has no versions"
                    )));
                }
                [_] => {
                    return Err(CliError::new(format!(
                        "position {position} has only one version: nothing to compare"
                    )));
                }
                [.., a, b] => (*a, *b),
            }
        }
    };
    let text = unified_diff(old, new, (&label(&registry, old), &label(&registry, new)));
    if text.is_empty() {
        eprintln!("no differences");
    } else {
        print!("{text}");
    }
    Ok(ExitCode::SUCCESS)
}
