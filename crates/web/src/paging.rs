//! Paging of long lists (the start page's lists, reviews, checks): which rows a page shows and
//! the accessible pager under it — "21–40 of 135" with `rel="prev"` and `rel="next"` links that
//! keep the page's other query parameters.

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
}
