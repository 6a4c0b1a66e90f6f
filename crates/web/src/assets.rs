//! Static files compiled into the binary (the style sheet and the Roboto and Roboto Condensed
//! fonts in the Latin, Latin Extended and Cyrillic subsets, SIL Open Font License), served with
//! cache headers. Nothing is fetched from elsewhere at run time.

use crate::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const STYLE: &str = include_str!("../static/style.css");

macro_rules! font {
    ($name:literal) => {
        ($name, include_bytes!(concat!("../static/fonts/", $name)))
    };
}
/// The fonts by file name. The style sheet's `@font-face` rules name these files.
const FONTS: &[(&str, &[u8])] = &[
    font!("roboto-latin-400-normal.woff2"),
    font!("roboto-latin-700-normal.woff2"),
    font!("roboto-latin-ext-400-normal.woff2"),
    font!("roboto-latin-ext-700-normal.woff2"),
    font!("roboto-cyrillic-400-normal.woff2"),
    font!("roboto-cyrillic-700-normal.woff2"),
    font!("roboto-condensed-latin-700-normal.woff2"),
    font!("roboto-condensed-latin-ext-700-normal.woff2"),
    font!("roboto-condensed-cyrillic-700-normal.woff2"),
];

const FONT_LICENSE: &str = include_str!("../static/fonts/OFL.txt");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/static/style.css", get(style))
        .route("/static/fonts/{name}", get(font_file))
}

async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        STYLE,
    )
}

async fn font_file(Path(name): Path<String>) -> Response {
    if name == "OFL.txt" {
        return (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            FONT_LICENSE,
        )
            .into_response();
    }
    match FONTS.iter().find(|(n, _)| *n == name) {
        Some((_, bytes)) => (
            [
                (header::CONTENT_TYPE, "font/woff2"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_the_style_sheet_names_is_served_and_is_woff2() {
        let named: Vec<&str> = STYLE
            .split("/static/fonts/")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
            .collect();
        assert!(!named.is_empty(), "the style sheet names no font");
        for name in &named {
            let (_, bytes) = FONTS
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name} is named in style.css but not served"));
            assert_eq!(&bytes[..4], b"wOF2", "{name} is not a WOFF2 file");
        }
        for (name, _) in FONTS {
            assert!(named.contains(name), "{name} is served but unused");
        }
    }
}
