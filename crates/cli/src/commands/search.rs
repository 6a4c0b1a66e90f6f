//! `ametijuhend search "…"` and `ametijuhend reindex`: full-text search of the registry in
//! Estonian (stemming, compound parts, phrases in quotes, facets) from the command line, and a
//! rebuild of the search index from the database.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::indexing::{self, IndexError, Synced};
use ametijuhend_domain::{Cefr, LanguageCode, StaffGroup, Status, UnitId};
use ametijuhend_search::{DocKind, Filters, LanguageFilter, Query, SearchIndex, Visibility};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct SearchArgs {
    /// What to look for: Estonian words in any case form, "phrases in quotes", -excluded words.
    #[arg(value_name = "TEXT")]
    text: String,
    /// Only this kind of record: position, role_card, competency, unit.
    #[arg(long, value_name = "KIND")]
    kind: Vec<String>,
    /// Only positions in this unit (id) and its sub-units.
    #[arg(long, value_name = "UNIT_ID")]
    unit: Option<String>,
    /// Only positions requiring this language (ISO 639-1, e.g. ru) …
    #[arg(long, value_name = "CODE", requires = "level")]
    language: Option<String>,
    /// … at this CEFR level or higher (A1–C2).
    #[arg(long, value_name = "LEVEL", requires = "language")]
    level: Option<String>,
    /// Only positions whose job description has this status (draft, approved, in_force …).
    #[arg(long, value_name = "STATUS")]
    status: Vec<String>,
    /// Only officials or employees: official, employee.
    #[arg(long, value_name = "GROUP")]
    staff_group: Option<String>,
    /// How many hits to show.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print the results (hits and facets) as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ReindexArgs {}

fn bad(what: String, hint: &str) -> CliError {
    CliError::new(what).with_hint(hint)
}

fn filters(args: &SearchArgs) -> Result<Filters, CliError> {
    let mut f = Filters::default();
    for k in &args.kind {
        let kind = DocKind::ALL
            .into_iter()
            .find(|d| d.as_str() == k)
            .ok_or_else(|| {
                bad(
                    format!("--kind '{k}' is not a kind of record"),
                    "use position, role_card, competency or unit",
                )
            })?;
        f.kinds.push(kind);
    }
    if let Some(u) = &args.unit {
        f.unit = Some(
            UnitId::parse(u)
                .map_err(|e| bad(format!("--unit: {e}"), "give a unit id (see /api/units)"))?,
        );
    }
    if let (Some(l), Some(level)) = (&args.language, &args.level) {
        let language = LanguageCode::parse(l)
            .map_err(|e| bad(format!("--language: {e}"), "e.g. --language ru --level B2"))?;
        let min_level = Cefr::parse(level).ok_or_else(|| {
            bad(
                format!("--level '{level}' is not a CEFR level"),
                "use A1, A2, B1, B2, C1 or C2",
            )
        })?;
        f.language = Some(LanguageFilter {
            language,
            min_level,
        });
    }
    for s in &args.status {
        f.statuses.push(Status::parse(s).ok_or_else(|| {
            bad(
                format!("--status '{s}' is not a status"),
                "use draft, in_coordination, approved, signed, in_force, superseded or repealed",
            )
        })?);
    }
    if let Some(g) = &args.staff_group {
        f.staff_group = Some(StaffGroup::parse(g).ok_or_else(|| {
            bad(
                format!("--staff-group '{g}' is not a staff group"),
                "use official or employee",
            )
        })?);
    }
    Ok(f)
}

/// Strips the `<mark>` tags and HTML escapes of a snippet for the terminal, showing hits in
/// brackets.
fn plain(snippet: &str) -> String {
    snippet
        .replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn index_error(e: IndexError) -> CliError {
    let err = CliError::new(e.to_string());
    if e.is_locked() {
        err.with_hint("an `ametijuhend serve` on this data directory keeps the index up to date: search there (the web page /search or GET /api/search), or stop it first")
    } else {
        err.with_hint("`ametijuhend reindex` rebuilds the index from the database")
    }
}

/// Opens the index in the data directory (creating it when missing).
fn open(cfg: &Config) -> Result<Arc<SearchIndex>, CliError> {
    indexing::open(&indexing::index_dir(&cfg.data_dir))
        .map(Arc::new)
        .map_err(index_error)
}

pub async fn search(cfg: &Config, args: SearchArgs) -> Result<ExitCode, CliError> {
    let filters = filters(&args)?;
    let store = cfg.open_store().await?;
    let index = open(cfg)?;
    indexing::sync(&store, &index).await.map_err(index_error)?;
    let query = Query::new(args.text.clone(), Visibility::All)
        .with_filters(filters)
        .with_page(args.limit.clamp(1, 200), 0);
    let results = index
        .search(&query)
        .map_err(|e| CliError::new(format!("search failed: {e}")))?;
    if args.json {
        let text =
            serde_json::to_string_pretty(&results).map_err(|e| CliError::new(e.to_string()))?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    for hit in &results.hits {
        let section = hit
            .section
            .as_deref()
            .map(|s| format!(" — {s}"))
            .unwrap_or_default();
        println!("{} {}{section}  [{}]", hit.kind.as_str(), hit.title, hit.id);
        if !hit.snippet_html.is_empty() {
            println!("    {}", plain(&hit.snippet_html));
        }
    }
    println!("{} result(s)", results.total);
    Ok(ExitCode::SUCCESS)
}

pub async fn reindex(cfg: &Config, _args: ReindexArgs) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    let index = open(cfg)?;
    if let Synced::Rebuilt {
        documents,
        revision,
    } = indexing::rebuild(&store, &index)
        .await
        .map_err(index_error)?
    {
        eprintln!("search index rebuilt: {documents} document(s) at registry revision {revision}");
    }
    Ok(ExitCode::SUCCESS)
}
