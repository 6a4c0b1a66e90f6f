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
use ametijuhend_app::indexing::Unavailable;
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

mod api;
mod page;

pub use api::api;
use page::*;

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

#[cfg(test)]
mod tests;
