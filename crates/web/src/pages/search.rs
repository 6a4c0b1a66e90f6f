//! Search: the results page `/search` (a form with the query and filters, hits with the matching
//! passage highlighted and a link to the exact section, facet counts that narrow the results,
//! paging) and the JSON API `GET /api/search` with the same parameters.
//!
//! Parameters: `q` (Estonian words in any case form, "phrases", `-excluded` words), `unit` (a
//! unit id: the unit and its subtree), `role_card` (id), `family` and `level` (job family and
//! level), `status` (of the position's job description; may repeat), `language` (ISO 639-1) with
//! `min_level` (CEFR, default A1), `staff_group` (`official`, `employee`), `kind` (`position`,
//! `role_card`, `competency`, `unit`; may repeat) and `page` (from 1). An empty value means "any".
//! A value that names nothing in the registry is refused: 400 with the reason from the API, the
//! form with a message beside the field on the page.
//!
//! What a reader may find is what they may read: [`visibility`] turns the access module's
//! [`readable`](ametijuhend_domain::access::readable) into the index's [`Visibility`], applied
//! inside the index, so hidden records are neither listed nor counted.

use super::document::status_name;
use super::{Page, PageError, ta, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::error::ApiError;
use crate::forms::jd::LANGUAGES;
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use crate::indexing::Unavailable;
use ametijuhend_domain::access::{self, Permission, Principal, Readable, Target};
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{
    Cefr, LanguageCode, PositionId, RoleCard, RoleCardId, StaffGroup, Status, Unit, UnitId,
};
use ametijuhend_search::{
    DocKind, FacetCount, FacetDim, Filters, LanguageFilter, Query, Scope, SearchIndex,
    SearchResults, Visibility,
};
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Json, Router};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(page))
}

/// Hits per page of the results page (and the API's default).
pub const PAGE_SIZE: usize = 20;
/// The most hits one API call returns.
pub const MAX_API_LIMIT: usize = 100;
/// The last page that can be asked for.
const MAX_PAGE: usize = ametijuhend_search::query::MAX_OFFSET / PAGE_SIZE + 1;

/// What the person may find: what the access module says they may read (anonymous: nothing).
pub fn visibility(principal: Option<&Principal>) -> Visibility {
    match principal {
        Some(p) => visibility_of(access::readable(p)),
        None => Visibility::Nothing,
    }
}

/// The index's form of what may be read.
pub fn visibility_of(readable: Readable) -> Visibility {
    match readable {
        Readable::All => Visibility::All,
        Readable::Part(part) => Visibility::Scoped(Scope {
            units: part.units,
            positions: part.positions,
            catalogue: part.catalogue,
        }),
        Readable::Nothing(_) => Visibility::Nothing,
    }
}

/// A parameter whose value names nothing (the API's message and the page's field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam {
    /// The parameter, also the id of its form field.
    pub field: &'static str,
    pub value: String,
    /// What the value should be (English, for the API).
    pub expected: &'static str,
}

impl BadParam {
    /// The page's message key.
    fn key(&self) -> String {
        if self.field == "min_level" && self.expected == NEEDS_LANGUAGE {
            "search-min-level-needs-language".into()
        } else {
            format!("search-bad-{}", self.field.replace('_', "-"))
        }
    }

    fn message(&self) -> String {
        format!("{}: '{}' is not {}", self.field, self.value, self.expected)
    }
}

const NEEDS_LANGUAGE: &str =
    "usable without language: give language too (e.g. language=ru&min_level=B1)";

/// The job families and levels that occur in what the reader may find (the filters' choices).
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub families: Vec<String>,
    pub levels: Vec<String>,
    /// False when the index could not be asked: any family and level is then accepted.
    pub checked: bool,
}

/// The request's parameters, read and checked.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub q: String,
    pub filters: Filters,
    /// From 1.
    pub page: usize,
    pub limit: Option<usize>,
    /// The parameters as given (trimmed, empty ones left out, `page` and `limit` left out):
    /// links that change one filter keep the others.
    pub kept: Vec<(String, String)>,
    pub errors: Vec<BadParam>,
}

impl Parsed {
    /// True when there is something to search for (words or a filter).
    pub fn asks(&self) -> bool {
        !self.q.trim().is_empty() || self.filters != Filters::default()
    }

    fn first(&self, name: &str) -> &str {
        self.kept
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// `/search?…` with the kept parameters, `name` replaced by `value` (`None`: removed).
    fn href_with(&self, name: &str, value: Option<&str>) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .kept
            .iter()
            .filter(|(k, _)| k != name && !(name == "language" && k == "min_level"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(v) = value {
            pairs.push((name, v));
        }
        href(&pairs, None)
    }

    fn page_href(&self, page: usize) -> String {
        let pairs: Vec<(&str, &str)> = self
            .kept
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        href(&pairs, Some(page))
    }
}

fn href(pairs: &[(&str, &str)], page: Option<usize>) -> String {
    let mut all: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if let Some(p) = page.filter(|p| *p > 1) {
        all.push(("page".into(), p.to_string()));
    }
    match serde_urlencoded::to_string(&all) {
        Ok(q) if !q.is_empty() => format!("/search?{q}"),
        _ => "/search".into(),
    }
}

/// The `key=value` pairs of a query string (repeated keys kept; unreadable input is empty).
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .unwrap_or_default()
}

/// Reads the parameters. `units` and `cards` are the registry's; `known` the families and
/// levels found in the index.
pub fn read(
    pairs: &[(String, String)],
    units: &[Unit],
    cards: &[RoleCard],
    known: &Known,
) -> Parsed {
    let mut p = Parsed {
        page: 1,
        ..Parsed::default()
    };
    let bad = |field: &'static str, value: &str, expected: &'static str| BadParam {
        field,
        value: value.to_string(),
        expected,
    };
    let mut language: Option<LanguageCode> = None;
    let mut min_level: Option<(String, Option<Cefr>)> = None;
    for (name, raw) in pairs {
        let value = raw.trim();
        if value.is_empty() {
            continue;
        }
        let keep = match name.as_str() {
            "q" => {
                p.q = value.to_string();
                true
            }
            "unit" => {
                match UnitId::parse(value) {
                    Ok(id) if units.iter().any(|u| u.id == id) => p.filters.unit = Some(id),
                    _ => p
                        .errors
                        .push(bad("unit", value, "the id of a unit in the registry")),
                }
                true
            }
            "role_card" => {
                match RoleCardId::parse(value) {
                    Ok(id) if cards.iter().any(|c| c.id == id) => p.filters.role_card = Some(id),
                    _ => p.errors.push(bad(
                        "role_card",
                        value,
                        "the id of a role card in the registry",
                    )),
                }
                true
            }
            "family" => {
                match known_value(&known.families, value, known.checked) {
                    Some(f) => p.filters.job_family = Some(f),
                    None => p
                        .errors
                        .push(bad("family", value, "a job family in the registry")),
                }
                true
            }
            "level" => {
                match known_value(&known.levels, value, known.checked) {
                    Some(l) => p.filters.level = Some(l),
                    None => {
                        p.errors
                            .push(bad("level", value, "a job level in the registry (e.g. 4B)"))
                    }
                }
                true
            }
            "status" => {
                match Status::parse(value) {
                    Some(s) if !p.filters.statuses.contains(&s) => p.filters.statuses.push(s),
                    Some(_) => {}
                    None => p.errors.push(bad(
                        "status",
                        value,
                        "a status: draft, in_coordination, approved, signed, in_force, superseded or repealed",
                    )),
                }
                true
            }
            "language" => {
                match LanguageCode::parse(value) {
                    Ok(code) => language = Some(code),
                    Err(_) => p.errors.push(bad(
                        "language",
                        value,
                        "a language code (ISO 639-1, e.g. ru)",
                    )),
                }
                true
            }
            "min_level" => {
                let level = Cefr::parse(value);
                if level.is_none() {
                    p.errors.push(bad(
                        "min_level",
                        value,
                        "a CEFR level: A1, A2, B1, B2, C1 or C2",
                    ));
                }
                min_level = Some((value.to_string(), level));
                true
            }
            "staff_group" => {
                match StaffGroup::parse(value) {
                    Some(g) => p.filters.staff_group = Some(g),
                    None => p
                        .errors
                        .push(bad("staff_group", value, "official or employee")),
                }
                true
            }
            "kind" => {
                match DocKind::parse(value) {
                    Some(k) if !p.filters.kinds.contains(&k) => p.filters.kinds.push(k),
                    Some(_) => {}
                    None => p.errors.push(bad(
                        "kind",
                        value,
                        "a kind of record: position, role_card, competency or unit",
                    )),
                }
                true
            }
            "page" => {
                match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_PAGE).contains(&n) => p.page = n,
                    _ => p
                        .errors
                        .push(bad("page", value, "a page number from 1 to 5001")),
                }
                false
            }
            "limit" => {
                match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_API_LIMIT).contains(&n) => p.limit = Some(n),
                    _ => p.errors.push(bad("limit", value, "a number from 1 to 100")),
                }
                false
            }
            // Other parameters (e.g. `lang`, the interface language) are not search filters.
            _ => false,
        };
        if keep {
            p.kept.push((name.clone(), value.to_string()));
        }
    }
    match (language, min_level) {
        (Some(language), Some((_, Some(min_level)))) => {
            p.filters.language = Some(LanguageFilter {
                language,
                min_level,
            })
        }
        (Some(language), None) => {
            p.filters.language = Some(LanguageFilter {
                language,
                min_level: Cefr::A1,
            })
        }
        (None, Some((value, Some(_)))) => p.errors.push(bad("min_level", &value, NEEDS_LANGUAGE)),
        // A bad level is reported already.
        (_, Some((_, None))) | (None, None) => {}
    }
    p
}

/// The value of `choices` that `value` names (case-insensitively); any value when unchecked.
fn known_value(choices: &[String], value: &str, checked: bool) -> Option<String> {
    if !checked {
        return Some(value.to_string());
    }
    choices
        .iter()
        .find(|c| c.to_lowercase() == value.to_lowercase())
        .cloned()
}

/// Runs a query off the async worker threads.
async fn run(index: &Arc<SearchIndex>, query: Query) -> Result<SearchResults, String> {
    let index = Arc::clone(index);
    match tokio::task::spawn_blocking(move || index.search(&query)).await {
        Ok(Ok(results)) => Ok(results),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The job families and levels of everything the reader may find.
async fn known(index: &Arc<SearchIndex>, visibility: &Visibility) -> Result<Known, String> {
    let all = run(index, Query::new("", visibility.clone()).with_page(1, 0)).await?;
    let values = |dim: FacetDim| {
        let mut v: Vec<String> = merge_case(all.facets.get(dim))
            .into_iter()
            .map(|f| f.value)
            .collect();
        v.sort_by(|a, b| estonian_cmp(a, b));
        v
    };
    Ok(Known {
        families: values(FacetDim::JobFamily),
        levels: values(FacetDim::Level),
        checked: true,
    })
}

/// Facet values that differ only in case ("Poliitika rakendamine" on a role card, "poliitika
/// rakendamine" on a position) are one filter: one value, counts added, spelled as the most
/// counted (a capital first letter on a tie), largest first.
fn merge_case(counts: &[FacetCount]) -> Vec<FacetCount> {
    let mut merged: Vec<(String, Vec<&FacetCount>)> = Vec::new();
    for c in counts {
        let key = c.value.to_lowercase();
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(c),
            None => merged.push((key, vec![c])),
        }
    }
    let mut out: Vec<FacetCount> = merged
        .into_iter()
        .map(|(_, group)| {
            let count = group.iter().map(|c| c.count).sum();
            let value = group
                .iter()
                .max_by_key(|c| {
                    (
                        c.count,
                        c.value.chars().next().is_some_and(char::is_uppercase),
                    )
                })
                .map(|c| c.value.clone())
                .unwrap_or_default();
            FacetCount { value, count }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| estonian_cmp(&a.value, &b.value))
    });
    out
}

fn query_for(parsed: &Parsed, visibility: Visibility, limit: usize) -> Query {
    Query::new(parsed.q.clone(), visibility)
        .with_filters(parsed.filters.clone())
        .with_page(limit, (parsed.page - 1).saturating_mul(limit))
}

// ---------------------------------------------------------------------------------------------
// The JSON API.

fn unavailable(why: Unavailable) -> ApiError {
    ApiError {
        status: StatusCode::SERVICE_UNAVAILABLE,
        code: "unavailable",
        message: match why {
            Unavailable::Locked => "search is unavailable: another program writes the search index (another server on the same data directory?); try again later",
            Unavailable::Failed => "search is unavailable: the search index could not be opened or updated; the error has been logged for the administrator",
            Unavailable::Disabled => "this server has no search index",
        }
        .into(),
    }
}

fn search_failed(e: String) -> ApiError {
    tracing::error!(error = %e, "search failed");
    ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        code: "internal",
        message: "the search failed; the error has been logged for the administrator".into(),
    }
}

/// `GET /api/search`: the results as JSON (see the module documentation for the parameters;
/// `limit` sets the hits per page, 1 to 100, default 20).
#[tracing::instrument(skip_all)]
pub async fn api(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let visibility = visibility(ctx.principal().as_ref());
    let units = state.store.list_units().await?;
    let cards = state.store.list_role_cards().await?;
    let pairs = query_pairs(raw.as_deref());
    // The parameters that need no index are checked first: a bad request stays one.
    let unchecked = read(&pairs, &units, &cards, &Known::default());
    if !unchecked.errors.is_empty() {
        return Err(bad_request(&unchecked.errors));
    }
    let index = state
        .search
        .ready(&state.store)
        .await
        .map_err(unavailable)?;
    let known = known(&index, &visibility).await.map_err(search_failed)?;
    let parsed = read(&pairs, &units, &cards, &known);
    if !parsed.errors.is_empty() {
        return Err(bad_request(&parsed.errors));
    }
    let limit = parsed.limit.unwrap_or(PAGE_SIZE);
    let results = run(&index, query_for(&parsed, visibility, limit))
        .await
        .map_err(search_failed)?;
    Ok(Json(results))
}

fn bad_request(errors: &[BadParam]) -> ApiError {
    let messages: Vec<String> = errors.iter().map(BadParam::message).collect();
    ApiError::bad_request(format!(
        "{}; see /api/openapi.json for the parameters",
        messages.join("; ")
    ))
}

// ---------------------------------------------------------------------------------------------
// The results page.

pub struct HitView {
    pub kind: String,
    pub title: String,
    pub href: String,
    /// The section's name, and its address when the record's page has an anchor for it.
    pub section: Option<(String, Option<String>)>,
    /// Escaped by the search crate; only `<mark>` is markup.
    pub snippet_html: String,
}

pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

pub struct FacetGroup {
    pub id: &'static str,
    pub title: String,
    pub values: Vec<FacetLink>,
}

pub struct ActiveFilter {
    pub label: String,
    pub remove_label: String,
    pub href: String,
}

pub struct Pager {
    pub text: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    p: Page,
    q: String,
    errors: FieldErrors,
    unavailable: Option<String>,
    kinds: Vec<Opt>,
    units: Vec<Opt>,
    cards: Vec<Opt>,
    families: Vec<Opt>,
    levels: Vec<Opt>,
    statuses: Vec<Opt>,
    languages: Vec<Opt>,
    min_levels: Vec<Opt>,
    groups: Vec<Opt>,
    active: Vec<ActiveFilter>,
    /// Whether a search was run (words or filters, no errors, index available).
    searched: bool,
    count_text: String,
    hits: Vec<HitView>,
    first_number: usize,
    facets: Vec<FacetGroup>,
    pager: Option<Pager>,
    /// Set when there are results, but not on this page.
    beyond_last: Option<String>,
    /// Set when nothing was found.
    empty_text: Option<String>,
    /// Only the words, without the filters (a hint when nothing was found).
    without_filters: Option<String>,
}

/// The units as an indented tree in Estonian alphabetical order, each with its depth.
fn unit_tree_rows(units: &[Unit]) -> Vec<(usize, &Unit)> {
    let ids: HashSet<&UnitId> = units.iter().map(|u| &u.id).collect();
    let mut children: HashMap<Option<&UnitId>, Vec<&Unit>> = HashMap::new();
    for u in units {
        let parent = u.parent().filter(|p| ids.contains(p) && *p != &u.id);
        children.entry(parent).or_default().push(u);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    }
    let mut out = Vec::with_capacity(units.len());
    let mut seen: HashSet<&UnitId> = HashSet::new();
    fn walk<'a>(
        parent: Option<&'a UnitId>,
        depth: usize,
        children: &HashMap<Option<&'a UnitId>, Vec<&'a Unit>>,
        seen: &mut HashSet<&'a UnitId>,
        out: &mut Vec<(usize, &'a Unit)>,
    ) {
        for u in children.get(&parent).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(&u.id) {
                out.push((depth, u));
                walk(Some(&u.id), depth + 1, children, seen, out);
            }
        }
    }
    walk(None, 0, &children, &mut seen, &mut out);
    // Units in a cycle have no root: list them at the end rather than lose them.
    let mut rest: Vec<&Unit> = units.iter().filter(|u| !seen.contains(&u.id)).collect();
    rest.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    out.extend(rest.into_iter().map(|u| (0, u)));
    out
}

fn kind_name(lang: Lang, kind: DocKind) -> String {
    translate(
        lang,
        &format!("search-kind-{}", kind.as_str().replace('_', "-")),
        &[],
    )
}

fn language_name(lang: Lang, code: &str) -> String {
    if LANGUAGES.contains(&code) {
        translate(lang, &format!("language-name-{code}"), &[])
    } else {
        code.to_string()
    }
}

fn staff_group_name(lang: Lang, g: &str) -> String {
    match StaffGroup::parse(g) {
        Some(g) => translate(lang, &format!("staff-group-{}", g.as_str()), &[]),
        None => g.to_string(),
    }
}

/// The parts of a section path: `duties[2].expected_results[0]` → `[("duties", Some(2)),
/// ("expected_results", Some(0))]`.
fn path_parts(path: &str) -> Vec<(&str, Option<usize>)> {
    path.split('.')
        .map(|seg| match seg.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (seg, None),
        })
        .collect()
}

/// The name of a section in the interface language: "Duty 3, expected result 1".
pub fn section_label(lang: Lang, path: &str) -> String {
    let parts = path_parts(path);
    let key = format!(
        "search-section-{}",
        parts
            .iter()
            .map(|(name, _)| name.replace('_', "-"))
            .collect::<Vec<_>>()
            .join("-")
    );
    let numbers: Vec<usize> = parts.iter().filter_map(|(_, i)| *i).collect();
    let mut args: Vec<(&str, Arg)> = Vec::new();
    if let Some(n) = numbers.first() {
        args.push(("n", Arg::from(n + 1)));
    }
    if let Some(m) = numbers.get(1) {
        args.push(("m", Arg::from(m + 1)));
    }
    translate(lang, &key, &args)
}

/// The anchor of a section on the job description page (`templates/_jd.html`):
/// `duties[2].expected_results[0]` → `duties-2-expected-results-0`. `None` for the parts of a
/// position shown outside the job description (title, unit, role card).
pub fn section_anchor(path: &str) -> Option<String> {
    if matches!(path, "title" | "unit" | "role_card") {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '[' | '.' | '_' => out.push('-'),
            ']' => {}
            c => out.push(c),
        }
    }
    Some(out)
}

fn record_href(kind: DocKind, id: &str) -> String {
    match kind {
        DocKind::Position => format!("/positions/{id}"),
        DocKind::RoleCard => format!("/role-cards/{id}"),
        DocKind::Competency => format!("/competencies/{id}"),
        DocKind::Unit => format!("/units/{id}"),
    }
}

/// The hits as the page shows them. A position's section links to the position page when that
/// page shows the version the hit comes from, else to that version's own page.
async fn hit_views(
    state: &AppState,
    lang: Lang,
    results: &SearchResults,
) -> Result<Vec<HitView>, PageError> {
    let mut out = Vec::with_capacity(results.hits.len());
    for hit in &results.hits {
        let href = record_href(hit.kind, &hit.id);
        let section = match &hit.section {
            Some(path) => {
                let label = section_label(lang, path);
                let target = match (hit.kind, section_anchor(path), &hit.job_description) {
                    (DocKind::Position, Some(anchor), Some(jd)) => {
                        let shown = match PositionId::parse(&hit.id) {
                            Ok(pid) => {
                                let versions = state.store.list_job_descriptions(&pid).await?;
                                current_version(&versions, &pid)
                                    .or_else(|| latest_version(&versions, &pid))
                                    .map(|v| v.id.to_string())
                            }
                            Err(_) => None,
                        };
                        if shown.as_deref() == Some(jd.as_str()) {
                            Some(format!("{href}#{anchor}"))
                        } else {
                            Some(format!("/job-descriptions/{jd}#{anchor}"))
                        }
                    }
                    _ => None,
                };
                Some((label, target))
            }
            None => None,
        };
        out.push(HitView {
            kind: kind_name(lang, hit.kind),
            title: hit.title.clone(),
            href,
            section,
            snippet_html: hit.snippet_html.clone(),
        });
    }
    Ok(out)
}

fn facet_groups(
    lang: Lang,
    parsed: &Parsed,
    results: &SearchResults,
    unit_names: &HashMap<String, String>,
    card_names: &HashMap<String, String>,
) -> Vec<FacetGroup> {
    let dims: [(FacetDim, &'static str, &'static str); 8] = [
        (FacetDim::Kind, "kind", "search-kind"),
        (FacetDim::Unit, "unit", "search-unit"),
        (FacetDim::RoleCard, "role_card", "search-role-card"),
        (FacetDim::JobFamily, "family", "search-family"),
        (FacetDim::Level, "level", "search-level"),
        (FacetDim::Status, "status", "search-status"),
        (FacetDim::Language, "language", "search-language"),
        (FacetDim::StaffGroup, "staff_group", "search-staff-group"),
    ];
    let mut out = Vec::new();
    for (dim, param, title) in dims {
        let counts = match dim {
            FacetDim::JobFamily => merge_case(results.facets.get(dim)),
            _ => results.facets.get(dim).to_vec(),
        };
        if counts.is_empty() {
            continue;
        }
        let current = parsed.first(param);
        let values = counts
            .iter()
            .map(|c| {
                let label = match dim {
                    FacetDim::Kind => DocKind::parse(&c.value)
                        .map(|k| kind_name(lang, k))
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Unit => unit_names
                        .get(&c.value)
                        .cloned()
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::RoleCard => card_names
                        .get(&c.value)
                        .cloned()
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Status => Status::parse(&c.value)
                        .map(|s| status_name(lang, s))
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Language => language_name(lang, &c.value),
                    FacetDim::StaffGroup => staff_group_name(lang, &c.value),
                    FacetDim::JobFamily | FacetDim::Level => c.value.clone(),
                };
                FacetLink {
                    label,
                    count: c.count,
                    href: parsed.href_with(param, Some(&c.value)),
                    selected: !current.is_empty()
                        && current.to_lowercase() == c.value.to_lowercase(),
                }
            })
            .collect();
        out.push(FacetGroup {
            id: param,
            title: translate(lang, title, &[]),
            values,
        });
    }
    out
}

fn active_filters(
    lang: Lang,
    parsed: &Parsed,
    unit_names: &HashMap<String, String>,
    card_names: &HashMap<String, String>,
) -> Vec<ActiveFilter> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (name, value) in &parsed.kept {
        if name == "q" || !seen.insert(name.as_str()) {
            continue;
        }
        let (title, shown) = match name.as_str() {
            "unit" => (
                "search-unit",
                unit_names.get(value).cloned().unwrap_or_default(),
            ),
            "role_card" => (
                "search-role-card",
                card_names.get(value).cloned().unwrap_or_default(),
            ),
            "family" => ("search-family", value.clone()),
            "level" => ("search-level", value.clone()),
            "status" => (
                "search-status",
                parsed
                    .filters
                    .statuses
                    .iter()
                    .map(|s| status_name(lang, *s))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            "language" => (
                "search-language",
                match &parsed.filters.language {
                    Some(l) => format!(
                        "{} ≥ {}",
                        language_name(lang, l.language.as_str()),
                        l.min_level.as_str()
                    ),
                    None => value.clone(),
                },
            ),
            "staff_group" => ("search-staff-group", staff_group_name(lang, value)),
            "kind" => (
                "search-kind",
                parsed
                    .filters
                    .kinds
                    .iter()
                    .map(|k| kind_name(lang, *k))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            // The level goes with the language.
            _ => continue,
        };
        let label = format!("{}: {shown}", translate(lang, title, &[]));
        out.push(ActiveFilter {
            remove_label: ta(
                lang,
                "search-remove-filter",
                &[("filter", Arg::from(label.as_str()))],
            ),
            label,
            href: parsed.href_with(name, None),
        });
    }
    out
}

fn options(
    lang: Lang,
    current: &str,
    values: impl IntoIterator<Item = (String, String)>,
) -> Vec<Opt> {
    let mut out = vec![Opt::new("", translate(lang, "search-any", &[]), current)];
    out.extend(values.into_iter().map(|(v, l)| Opt::new(v, l, current)));
    out
}

#[tracing::instrument(skip_all)]
async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let lang = ctx.lang;
    let visibility = visibility(ctx.principal().as_ref());
    let cards = state.store.list_role_cards().await?;
    let pairs = query_pairs(raw.as_deref());

    let index = state.search.ready(&state.store).await;
    let known = match &index {
        Ok(index) => known(index, &visibility).await.map_err(|e| {
            tracing::error!(error = %e, "search failed");
            PageError::Internal
        })?,
        Err(_) => Known::default(),
    };
    let parsed = read(&pairs, &units, &cards, &known);
    let mut errors = FieldErrors::new(lang);
    for e in &parsed.errors {
        // The page number has no field of its own: its message goes with the words.
        let field = if matches!(e.field, "page" | "limit") {
            "q"
        } else {
            e.field
        };
        errors.add(field, &e.key(), &[("value", Arg::from(e.value.as_str()))]);
    }

    let unit_names: HashMap<String, String> = units
        .iter()
        .map(|u| (u.id.to_string(), u.name().to_string()))
        .collect();
    let card_names: HashMap<String, String> = cards
        .iter()
        .map(|c| (c.id.to_string(), c.display_title()))
        .collect();

    let unavailable = match &index {
        Err(why) => Some(translate(
            lang,
            match why {
                Unavailable::Locked => "search-unavailable-locked",
                Unavailable::Failed => "search-unavailable-failed",
                Unavailable::Disabled => "search-unavailable-disabled",
            },
            &[],
        )),
        Ok(_) => None,
    };

    let mut view = SearchPage {
        p: Page::new(&ctx, "search", translate(lang, "search-title", &[])),
        q: parsed.q.clone(),
        errors,
        unavailable,
        kinds: options(
            lang,
            parsed.first("kind"),
            DocKind::ALL
                .into_iter()
                .map(|k| (k.as_str().to_string(), kind_name(lang, k))),
        ),
        units: options(
            lang,
            parsed.first("unit"),
            unit_tree_rows(&units).into_iter().map(|(depth, u)| {
                (
                    u.id.to_string(),
                    format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), u.name()),
                )
            }),
        ),
        cards: {
            let mut c: Vec<(String, String)> = cards
                .iter()
                .map(|c| (c.id.to_string(), c.display_title()))
                .collect();
            sort_estonian_by(&mut c, |x| &x.1);
            options(lang, parsed.first("role_card"), c)
        },
        families: options(
            lang,
            parsed.filters.job_family.as_deref().unwrap_or(""),
            known.families.iter().map(|f| (f.clone(), f.clone())),
        ),
        levels: options(
            lang,
            parsed.filters.level.as_deref().unwrap_or(""),
            known.levels.iter().map(|l| (l.clone(), l.clone())),
        ),
        statuses: options(
            lang,
            parsed.first("status"),
            Status::ALL
                .into_iter()
                .map(|s| (s.as_str().to_string(), status_name(lang, s))),
        ),
        languages: options(
            lang,
            parsed.first("language"),
            LANGUAGES
                .iter()
                .map(|c| (c.to_string(), language_name(lang, c))),
        ),
        min_levels: options(
            lang,
            parsed.first("min_level"),
            Cefr::ALL
                .into_iter()
                .map(|c| (c.as_str().to_string(), c.as_str().to_string())),
        ),
        groups: options(
            lang,
            parsed.first("staff_group"),
            [StaffGroup::Official, StaffGroup::Employee]
                .into_iter()
                .map(|g| (g.as_str().to_string(), staff_group_name(lang, g.as_str()))),
        ),
        active: active_filters(lang, &parsed, &unit_names, &card_names),
        searched: false,
        count_text: String::new(),
        hits: Vec::new(),
        first_number: 1,
        facets: Vec::new(),
        pager: None,
        beyond_last: None,
        empty_text: None,
        without_filters: None,
    };

    let ready = match index {
        Ok(index) if parsed.errors.is_empty() && parsed.asks() => index,
        _ => {
            let status = if parsed.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::BAD_REQUEST
            };
            return Ok(super::render_status(status, &view));
        }
    };
    let results = run(&ready, query_for(&parsed, visibility, PAGE_SIZE))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "search failed");
            PageError::Internal
        })?;
    let pages = results.total.div_ceil(PAGE_SIZE).max(1);
    view.searched = true;
    view.count_text = super::tn(lang, "search-count", results.total);
    view.p.title = if parsed.q.is_empty() {
        format!("{} ({})", view.p.title, view.count_text)
    } else {
        ta(
            lang,
            "search-title-for",
            &[
                ("query", Arg::from(parsed.q.as_str())),
                ("results", Arg::from(view.count_text.as_str())),
            ],
        )
    };
    view.first_number = (parsed.page - 1) * PAGE_SIZE + 1;
    view.hits = hit_views(&state, lang, &results).await?;
    view.facets = facet_groups(lang, &parsed, &results, &unit_names, &card_names);
    if results.total == 0 {
        view.empty_text = Some(if parsed.q.is_empty() {
            translate(lang, "search-none-filters", &[])
        } else {
            ta(
                lang,
                "search-none",
                &[("query", Arg::from(parsed.q.as_str()))],
            )
        });
        if !view.active.is_empty() && !parsed.q.is_empty() {
            view.without_filters = Some(href(&[("q", parsed.q.as_str())], None));
        }
    } else if view.hits.is_empty() {
        view.beyond_last = Some(parsed.page_href(1));
    }
    if results.total > PAGE_SIZE {
        view.pager = Some(Pager {
            text: ta(
                lang,
                "search-page-of",
                &[
                    ("page", Arg::from(parsed.page)),
                    ("pages", Arg::from(pages)),
                ],
            ),
            previous: (parsed.page > 1 && parsed.page <= pages)
                .then(|| parsed.page_href(parsed.page - 1)),
            next: (parsed.page < pages).then(|| parsed.page_href(parsed.page + 1)),
        });
    }
    Ok(super::render(&view))
}

#[cfg(test)]
mod tests;
