//! Paging of long lists (the start page's lists, reviews, checks): which rows a page shows and
//! the accessible pager under it — "21–40 of 135" with `rel="prev"` and `rel="next"` links that
//! keep the page's other query parameters. The JSON API's lists page the same way with
//! `?page=N&per_page=M` ([`ApiPageQuery`]): the total in `X-Total-Count` and the neighbouring
//! pages in a `Link` header (RFC 8288), so a client walks any list without one response
//! holding the registry.

use crate::i18n::{Arg, Lang};
use crate::pages::ta;
use serde::Deserialize;

/// Rows on one page of a long list.
pub const PER_PAGE: usize = 50;

/// The `page` query parameter (1-based; missing, zero or unreadable: the first page).
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub page: Option<String>,
}

impl PageQuery {
    pub fn number(&self) -> usize {
        page_number(self.page.as_deref())
    }
}

/// A 1-based page number from a query parameter (missing, zero or unreadable: 1).
pub fn page_number(raw: Option<&str>) -> usize {
    raw.and_then(|p| p.trim().parse::<usize>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// The pager of a list: the range shown, and the links to the neighbouring pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// "21–40 / 135".
    pub text: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// Page `number` (1-based, clamped to the last page) of `total` rows: the row range and its
/// pager (`None` when everything fits on one page). `href` makes a page's address.
pub fn page_of(
    lang: Lang,
    total: usize,
    number: usize,
    per_page: usize,
    href: impl Fn(usize) -> String,
) -> (std::ops::Range<usize>, Option<Pager>) {
    let per_page = per_page.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let number = number.clamp(1, pages);
    let start = (number - 1) * per_page;
    let end = (start + per_page).min(total);
    if pages == 1 {
        return (start..end, None);
    }
    let text = ta(
        lang,
        "paging-range",
        &[
            ("from", Arg::from(start + 1)),
            ("to", Arg::from(end)),
            ("total", Arg::from(total)),
        ],
    );
    let pager = Pager {
        text,
        previous: (number > 1).then(|| href(number - 1)),
        next: (number < pages).then(|| href(number + 1)),
    };
    (start..end, Some(pager))
}

/// Rows of a JSON API list page when the request does not say (`per_page`).
pub const API_PER_PAGE: usize = 100;
/// The most rows a JSON API list page holds.
pub const API_MAX_PER_PAGE: usize = 1000;

/// The `page` and `per_page` query parameters of a JSON API list.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
pub struct ApiPageQuery {
    /// The page (1-based; 1 by default).
    #[serde(default)]
    pub page: Option<String>,
    /// Rows on a page (1–1000; 100 by default).
    #[serde(default)]
    pub per_page: Option<String>,
}

/// One page of a JSON API list: the rows to return and the headers that describe the list.
#[derive(Debug)]
pub struct ApiPage {
    pub range: std::ops::Range<usize>,
    pub headers: axum::http::HeaderMap,
}

impl ApiPageQuery {
    /// The page of `total` rows asked for, with `X-Total-Count` and a `Link` header whose
    /// addresses keep the request's other query parameters. An unreadable `page` or `per_page`
    /// is an error that says what is allowed.
    pub fn page_of(&self, total: usize, uri: &axum::http::Uri) -> Result<ApiPage, String> {
        let number =
            |raw: &Option<String>, what: &str, max: usize| -> Result<Option<usize>, String> {
                match raw.as_deref().map(str::trim) {
                    None | Some("") => Ok(None),
                    Some(v) => match v.parse::<usize>() {
                        Ok(n) if (1..=max).contains(&n) => Ok(Some(n)),
                        _ => Err(format!(
                            "{what} must be a whole number from 1 to {max}, not '{v}'"
                        )),
                    },
                }
            };
        let per_page =
            number(&self.per_page, "per_page", API_MAX_PER_PAGE)?.unwrap_or(API_PER_PAGE);
        let page = number(&self.page, "page", usize::MAX)?.unwrap_or(1);
        let pages = total.div_ceil(per_page).max(1);
        let start = (page - 1).saturating_mul(per_page).min(total);
        let end = start.saturating_add(per_page).min(total);
        let others: Vec<(String, String)> = uri
            .query()
            .map(|q| {
                url_pairs(q)
                    .into_iter()
                    .filter(|(k, _)| k != "page" && k != "per_page")
                    .collect()
            })
            .unwrap_or_default();
        let href = |n: usize| {
            let mut q: Vec<String> = others
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            q.push(format!("page={n}"));
            q.push(format!("per_page={per_page}"));
            format!("{}?{}", uri.path(), q.join("&"))
        };
        let mut links = vec![format!("<{}>; rel=\"first\"", href(1))];
        if page > 1 {
            links.push(format!("<{}>; rel=\"prev\"", href((page - 1).min(pages))));
        }
        if page < pages {
            links.push(format!("<{}>; rel=\"next\"", href(page + 1)));
        }
        links.push(format!("<{}>; rel=\"last\"", href(pages)));
        let mut headers = axum::http::HeaderMap::new();
        if let Ok(v) = axum::http::HeaderValue::from_str(&total.to_string()) {
            headers.insert("x-total-count", v);
        }
        if let Ok(v) = axum::http::HeaderValue::from_str(&links.join(", ")) {
            headers.insert(axum::http::header::LINK, v);
        }
        Ok(ApiPage {
            range: start..end,
            headers,
        })
    }
}

/// The JSON API lists that page (`?page=N&per_page=M`).
pub const API_PAGED_LISTS: [&str; 4] = [
    "/api/positions",
    "/api/directives",
    "/api/reviews",
    "/api/checks",
];

/// Adds the paging parameters and headers to the GET operations of [`API_PAGED_LISTS`] in an
/// OpenAPI `paths` object.
pub fn openapi_paged(paths: &mut serde_json::Map<String, serde_json::Value>) {
    use serde_json::json;
    for path in API_PAGED_LISTS {
        let Some(get) = paths.get_mut(path).and_then(|p| p.get_mut("get")) else {
            continue;
        };
        if let Some(params) = get.get_mut("parameters").and_then(|p| p.as_array_mut()) {
            params.push(json!({"name": "page", "in": "query", "required": false, "description": "The page, 1-based (1 by default).", "schema": {"type": "integer", "minimum": 1}}));
            params.push(json!({"name": "per_page", "in": "query", "required": false, "description": format!("Rows on a page ({API_PER_PAGE} by default, at most {API_MAX_PER_PAGE})."), "schema": {"type": "integer", "minimum": 1, "maximum": API_MAX_PER_PAGE}}));
        }
        if let Some(ok) = get
            .pointer_mut("/responses/200")
            .and_then(|r| r.as_object_mut())
        {
            ok.insert("headers".into(), json!({
                "X-Total-Count": {"description": "How many rows the whole list has.", "schema": {"type": "integer"}},
                "Link": {"description": "The first, previous, next and last pages (RFC 8288).", "schema": {"type": "string"}}
            }));
        }
        if let Some(responses) = get.get_mut("responses").and_then(|r| r.as_object_mut()) {
            responses.entry("400").or_insert_with(
                || json!({"description": "The page or per_page is not a whole number in range."}),
            );
        }
    }
}

fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The pairs of a query string, decoded.
fn url_pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let dec = |x: &str| {
                percent_encoding::percent_decode_str(&x.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            };
            (dec(k), dec(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_the_list_and_link_their_neighbours() {
        let href = |n: usize| format!("/checks?page={n}");
        let (range, pager) = page_of(Lang::En, 120, 2, 50, href);
        assert_eq!(range, 50..100);
        let pager = pager.expect("three pages");
        assert_eq!(pager.text, "51–100 of 120");
        assert_eq!(pager.previous.as_deref(), Some("/checks?page=1"));
        assert_eq!(pager.next.as_deref(), Some("/checks?page=3"));

        let (range, pager) = page_of(Lang::Et, 120, 99, 50, href);
        assert_eq!(range, 100..120, "a page past the end is the last");
        let pager = pager.expect("pager");
        assert_eq!(pager.next, None);
        assert_eq!(pager.text, "101–120, kokku 120");

        let (range, pager) = page_of(Lang::Ru, 10, 1, 50, href);
        assert_eq!((range, pager), (0..10, None));
        let (range, pager) = page_of(Lang::En, 0, 1, 50, href);
        assert_eq!((range, pager), (0..0, None));
    }

    #[test]
    fn an_unreadable_page_number_is_the_first_page() {
        for raw in [None, Some("0"), Some("x"), Some("-3")] {
            let q = PageQuery {
                page: raw.map(String::from),
            };
            assert_eq!(q.number(), 1, "{raw:?}");
        }
        let q = PageQuery {
            page: Some(" 7 ".into()),
        };
        assert_eq!(q.number(), 7);
    }

    #[test]
    fn api_pages_say_the_total_and_link_their_neighbours() {
        let uri: axum::http::Uri = "/api/checks?today=2026-12-07&page=2&per_page=10"
            .parse()
            .expect("uri");
        let q = ApiPageQuery {
            page: Some("2".into()),
            per_page: Some("10".into()),
        };
        let page = q.page_of(35, &uri).expect("a page");
        assert_eq!(page.range, 10..20);
        assert_eq!(page.headers["x-total-count"], "35");
        let link = page.headers[axum::http::header::LINK]
            .to_str()
            .expect("ascii");
        assert_eq!(
            link,
            "</api/checks?today=2026%2D12%2D07&page=1&per_page=10>; rel=\"first\", \
             </api/checks?today=2026%2D12%2D07&page=1&per_page=10>; rel=\"prev\", \
             </api/checks?today=2026%2D12%2D07&page=3&per_page=10>; rel=\"next\", \
             </api/checks?today=2026%2D12%2D07&page=4&per_page=10>; rel=\"last\""
        );
        // Past the end: no rows, still the list's links.
        let q = ApiPageQuery {
            page: Some("9".into()),
            per_page: None,
        };
        let page = q.page_of(35, &uri).expect("a page");
        assert_eq!(page.range, 35..35);
        // The default page holds 100 rows.
        let page = ApiPageQuery::default().page_of(250, &uri).expect("a page");
        assert_eq!(page.range, 0..100);
        for (p, pp) in [
            (Some("0"), None),
            (Some("x"), None),
            (None, Some("0")),
            (None, Some("1001")),
        ] {
            let q = ApiPageQuery {
                page: p.map(String::from),
                per_page: pp.map(String::from),
            };
            let e = q.page_of(10, &uri).expect_err("refused");
            assert!(e.contains("must be a whole number"), "{e}");
        }
    }
}
