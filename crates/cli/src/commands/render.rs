//! `ametijuhend render`: job descriptions in the agency's layout as PDF (PDF/A-2b), DOCX or
//! HTML, in the 2024 SKA template (the default) or the 2023 one.
//!
//! One version (`--position ID [--version N] --out FILE`; the position's current version by
//! default), or every version of every position (`--all --out DIR`, with a progress bar on
//! standard error): file names are `<unit>-<title>-v<N>.<ext>` in lower-case ASCII, made unique
//! within the run; a document that fails is reported and the others go on; the exit code is 1
//! when any failed.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{JobDescription, JobDescriptionId, PositionId, Registry, Template};
use ametijuhend_render::names::job_description_stem;
use ametijuhend_render::{Format, JobDescriptionOptions, StampChoice};
use ametijuhend_store::Store;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["position", "all"])))]
pub struct Args {
    /// Output format: pdf, docx or html.
    #[arg(long, value_parser = parse_format, value_name = "pdf|docx|html")]
    format: Format,
    /// The position whose job description to render (its current version — the latest
    /// approved, signed or in-force one, else the latest draft — unless --version is given).
    #[arg(long, value_name = "ID")]
    position: Option<String>,
    /// The version number of the position's job description.
    #[arg(long, value_name = "N", requires = "position")]
    version: Option<u32>,
    /// Every version of every position, into the folder --out (created when missing).
    #[arg(long)]
    all: bool,
    /// The SKA template: 2024 or 2023.
    #[arg(long, value_parser = parse_template, default_value = "2024", value_name = "2023|2024")]
    template: Template,
    /// The file to write ('-': standard output); with --all, the folder.
    #[arg(long, value_name = "FILE|DIR")]
    out: PathBuf,
}

/// `pdf`, `docx` or `html` (clap value parser).
pub fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("'{s}' is not a format: use pdf, docx or html"))
}

/// `2024` or `2023` (also `ska_2024`, `ska_2023`) (clap value parser).
pub fn parse_template(s: &str) -> Result<Template, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "2024" | "ska_2024" | "ska2024" => Ok(Template::Ska2024),
        "2023" | "ska_2023" | "ska2023" => Ok(Template::Ska2023),
        _ => Err(format!(
            "'{s}' is not a template: use 2024 (the default) or 2023"
        )),
    }
}

/// The template's year, for messages.
pub fn template_year(t: Template) -> &'static str {
    match t {
        Template::Ska2023 => "2023",
        _ => "2024",
    }
}

/// Writes `bytes` to `out` (`-`: standard output).
pub fn write_output(out: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if out.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")));
    }
    std::fs::write(out, bytes).map_err(|e| {
        let folder = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let hint = if folder.is_dir() {
            format!(
                "check that {} may be written (permissions, a folder of that name, free space)",
                out.display()
            )
        } else {
            format!(
                "the folder {} does not exist: create it first",
                folder.display()
            )
        };
        CliError::new(format!("cannot write {}: {e}", out.display())).with_hint(hint)
    })
}

/// The position's title as the registry names it (or the version's own).
fn title_of(registry: &Registry, jd: &JobDescription) -> String {
    registry
        .position(&jd.position)
        .map(|p| p.full_title())
        .unwrap_or_else(|| {
            ametijuhend_domain::text::full_title(
                &jd.general.title,
                jd.general.specialisation.as_deref(),
            )
        })
}

/// The unit's current name (or the name written in the version).
fn unit_of(registry: &Registry, jd: &JobDescription) -> String {
    registry
        .position(&jd.position)
        .and_then(|p| registry.unit(&p.unit))
        .map(|u| u.name().to_string())
        .unwrap_or_else(|| jd.general.unit.clone())
}

/// The version `--position ID [--version N]` names, with errors that say what exists.
fn chosen<'a>(
    registry: &'a Registry,
    raw: &str,
    version: Option<u32>,
) -> Result<&'a JobDescription, CliError> {
    let hint = "list the positions with `ametijuhend search --kind position TEXT --json` or GET /api/positions";
    let id = PositionId::parse(raw).map_err(|e| CliError::new(e.to_string()).with_hint(hint))?;
    let Some(position) = registry.position(&id) else {
        if let Some(jd) = JobDescriptionId::parse(raw)
            .ok()
            .and_then(|j| registry.job_description(&j))
        {
            return Err(CliError::new(format!(
                "{raw} is a job description (version {} of position {}), not a position",
                jd.version, jd.position
            ))
            .with_hint(format!(
                "use --position {} --version {}",
                jd.position, jd.version
            )));
        }
        return Err(CliError::new(format!("there is no position with id '{raw}'")).with_hint(hint));
    };
    let title = position.full_title();
    let versions = &registry.job_descriptions;
    match version {
        None => current_version(versions, &id)
            .or_else(|| latest_version(versions, &id))
            .ok_or_else(|| {
                CliError::new(format!(
                    "position '{title}' ({id}) has no job description yet"
                ))
                .with_hint("write one on the position's page first")
            }),
        Some(n) => versions
            .iter()
            .find(|j| j.position == id && j.version == n)
            .ok_or_else(|| {
                let mut have: Vec<u32> = versions
                    .iter()
                    .filter(|j| j.position == id)
                    .map(|j| j.version)
                    .collect();
                have.sort_unstable();
                let have = if have.is_empty() {
                    "none".to_string()
                } else {
                    have.iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                CliError::new(format!(
                    "position '{title}' ({id}) has no version {n} of its job description"
                ))
                .with_hint(format!("its versions are: {have}"))
            }),
    }
}

fn options(template: Template) -> JobDescriptionOptions {
    JobDescriptionOptions {
        template,
        stamp: StampChoice::Auto,
    }
}

/// What rendering needs besides the version and its position: units (for names), the
/// competency library and the directives (approval stamps). Never the stored source files.
async fn reference(store: &Store) -> Result<Registry, CliError> {
    Ok(Registry {
        units: store.list_units().await?,
        competencies: store.list_competencies().await?,
        directives: store.list_directives().await?,
        ..Registry::default()
    })
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    let mut registry = reference(&store).await?;
    if args.all {
        return render_all(&store, registry, &args).await;
    }
    let raw = args.position.as_deref().unwrap_or_default();
    // The position named, with its versions (or the version named by mistake, for the error).
    if let Ok(id) = PositionId::parse(raw) {
        if let Some(p) = store.get_position(&id).await? {
            registry.positions.push(p);
            registry.job_descriptions = store.list_job_descriptions(&id).await?;
        } else if let Ok(jd_id) = JobDescriptionId::parse(raw)
            && let Some(jd) = store.get_job_description(&jd_id).await?
        {
            registry.job_descriptions.push(jd);
        }
    }
    let jd = chosen(&registry, raw, args.version)?;
    let bytes = ametijuhend_render::render_job_description(
        &registry,
        jd,
        args.format,
        &options(args.template),
    )
    .map_err(|e| CliError::new(format!("cannot render the job description: {e}")))?;
    write_output(&args.out, &bytes)?;
    if args.out.as_os_str() != "-" {
        eprintln!(
            "wrote {} ({}, version {} of '{}', status {}, template {}, {} bytes)",
            args.out.display(),
            args.format.extension(),
            jd.version,
            title_of(&registry, jd),
            jd.status.as_str(),
            template_year(args.template),
            bytes.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Every version, named and rendered in the order of unit, title and version: a first pass
/// over the store's slices collects the names (no document bodies are kept), a second reads and
/// renders one version at a time.
async fn render_all(
    store: &Store,
    mut registry: Registry,
    args: &Args,
) -> Result<ExitCode, CliError> {
    let dir = &args.out;
    if dir.as_os_str() == "-" {
        return Err(
            CliError::new("--all writes many files: --out must name a folder")
                .with_hint("e.g. --out ametijuhendid/"),
        );
    }
    if dir.exists() && !dir.is_dir() {
        return Err(
            CliError::new(format!("{} is a file, not a folder", dir.display()))
                .with_hint("with --all, --out names the folder to write the files into"),
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::new(format!("cannot create the folder {}: {e}", dir.display()))
            .with_hint("check the path and its permissions")
    })?;

    // Every version, by unit, title and version.
    let mut all: Vec<(String, String, VersionKey)> = Vec::new();
    let mut context = std::mem::take(&mut registry);
    ametijuhend_store::for_each_slice(store.as_ref(), |slice| {
        slice.with_registry(&mut context, |r, _| {
            for jd in &r.job_descriptions {
                let key = VersionKey {
                    id: jd.id.clone(),
                    position: jd.position.clone(),
                    version: jd.version,
                };
                all.push((unit_of(r, jd), title_of(r, jd), key));
            }
        });
    })
    .await?;
    registry = context;
    all.sort_by(|a, b| {
        estonian_cmp(&a.0, &b.0)
            .then_with(|| estonian_cmp(&a.1, &b.1))
            .then_with(|| a.2.position.cmp(&b.2.position))
            .then_with(|| a.2.version.cmp(&b.2.version))
    });
    if all.is_empty() {
        eprintln!("the registry holds no job descriptions: nothing to render");
        return Ok(ExitCode::SUCCESS);
    }

    let bar = ProgressBar::new(all.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let ext = args.format.extension();
    let mut used = HashSet::new();
    let (mut written, mut failed) = (0usize, 0usize);
    let options = options(args.template);
    for (unit, title, jd) in &all {
        let name = unique_name(&mut used, unit, title, jd.version, ext);
        bar.set_message(name.clone());
        let path = dir.join(&name);
        // One version and its position at a time.
        registry.positions = store
            .get_position(&jd.position)
            .await?
            .into_iter()
            .collect();
        registry.job_descriptions = store
            .get_job_description(&jd.id)
            .await?
            .into_iter()
            .collect();
        let result = match registry.job_descriptions.first() {
            Some(version) => ametijuhend_render::render_job_description(
                &registry,
                version,
                args.format,
                &options,
            )
            .map_err(|e| CliError::new(format!("cannot render: {e}")))
            .and_then(|bytes| write_output(&path, &bytes)),
            None => Err(CliError::new("the version was removed meanwhile")),
        };
        match result {
            Ok(()) => {
                written += 1;
                bar.suspend(|| println!("{}", path.display()));
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| {
                    eprintln!(
                        "error: {name} (version {} of '{title}', {}): {}",
                        jd.version, jd.id, e.message
                    );
                    if let Some(h) = &e.hint {
                        eprintln!("  hint: {h}");
                    }
                });
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    eprintln!(
        "rendered {written} of {} job description version(s) to {} as {ext} (template {}); {failed} failed",
        all.len(),
        dir.display(),
        template_year(args.template)
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A version of `render --all`, kept without its document until it is rendered.
struct VersionKey {
    id: JobDescriptionId,
    position: PositionId,
    version: u32,
}

/// `<unit>-<title>-v<N>.<ext>`, slugified, with `-2`, `-3` … added when the name is taken.
fn unique_name(
    used: &mut HashSet<String>,
    unit: &str,
    title: &str,
    version: u32,
    ext: &str,
) -> String {
    let base = job_description_stem(unit, title, version);
    let mut name = format!("{base}.{ext}");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}-{n}.{ext}");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_within_a_run() {
        let mut used = HashSet::new();
        let a = unique_name(&mut used, "Teenuste osakond", "Jurist", 1, "pdf");
        let b = unique_name(&mut used, "Teenuste osakond", "Jurist", 1, "pdf");
        let c = unique_name(&mut used, "Teenuste osakond", "Jurist", 1, "pdf");
        let d = unique_name(&mut used, "", "", 2, "docx");
        assert_eq!(a, "teenuste-osakond-jurist-v1.pdf");
        assert_eq!(b, "teenuste-osakond-jurist-v1-2.pdf");
        assert_eq!(c, "teenuste-osakond-jurist-v1-3.pdf");
        assert_eq!(d, "ametijuhend-v2.docx");
    }

    #[test]
    fn formats_and_templates_parse_with_clear_errors() {
        assert_eq!(parse_format("PDF"), Ok(Format::Pdf));
        assert!(
            parse_format("odt")
                .unwrap_err()
                .contains("pdf, docx or html")
        );
        assert_eq!(parse_template("2023"), Ok(Template::Ska2023));
        assert_eq!(parse_template("ska_2024"), Ok(Template::Ska2024));
        assert!(parse_template("2022").unwrap_err().contains("2024"));
    }
}
