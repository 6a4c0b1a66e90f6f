//! Unit tests of the extractor. The project keeps a single integration-test binary
//! elsewhere, so the tests live here and read the committed fixtures from
//! `tests/fixtures/` through `CARGO_MANIFEST_DIR`.

mod agencies_docx;
mod builders;
mod corpus;
mod docx_odt;
mod malformed;
mod pdf_hostile;
mod pdf_typst;
mod text;
#[cfg(unix)]
mod walk;

use std::path::PathBuf;

use crate::{Extracted, Limits, extract};

/// The base names of the corpus documents (`shared/corpus/*.txt`).
pub(super) const CORPUS: [&str; 5] = [
    "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    "ska-ametijuhend-peakasutaja-perehuvitised",
    "ska-ametijuhend-peaspetsialist-star-kasutajatugi",
    "ska-ametijuhend-veebihaldur",
    "ska-rollikaardid-2024",
];

pub(super) fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub(super) fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("fixture {}: {err}", path.display()))
}

/// Extracts with the default limits, panicking with the error message on failure.
pub(super) fn extract_ok(bytes: &[u8], name: &str) -> Extracted {
    extract(bytes, name, &Limits::default()).unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// The comparison form of a text: page-break lines dropped, bullet glyphs dropped,
/// whitespace runs collapsed; returned as the word sequence.
pub(super) fn words(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.trim() != "\x0c")
        .flat_map(|line| {
            line.replace(['\u{f0b7}', '▪', '•'], " ")
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Asserts equal word sequences, showing the first difference in context.
pub(super) fn assert_same_words(label: &str, actual: &str, expected: &str) {
    let a = words(actual);
    let e = words(expected);
    if a == e {
        return;
    }
    let at = a
        .iter()
        .zip(&e)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(e.len()));
    let from = at.saturating_sub(8);
    panic!(
        "{label}: word sequences differ at word {at} (actual {} words, expected {})\n  actual:   {:?}\n  expected: {:?}",
        a.len(),
        e.len(),
        &a[from..(at + 8).min(a.len())],
        &e[from..(at + 8).min(e.len())],
    );
}
