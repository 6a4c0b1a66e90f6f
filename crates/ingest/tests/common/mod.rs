//! Helpers shared by the test modules: reading fixtures and parsing them with their
//! content hash as origin.
#![allow(dead_code)]

use ametijuhend_ingest::{Origin, Parsed, parse};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

pub fn fixture_dir(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
}

/// The names (without .txt) of the documents in tests/corpus, sorted.
pub fn corpus_names() -> Vec<String> {
    fixture_names("corpus")
}

/// The names (without .txt) of the documents in tests/<dir>, sorted.
pub fn fixture_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir(dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".txt"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

pub fn read_fixture(dir: &str, name: &str) -> (String, Origin) {
    let path = fixture_dir(dir).join(format!("{name}.txt"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let origin = Origin {
        file_name: format!("{name}.txt"),
        content_hash: hex::encode(Sha256::digest(&bytes)),
    };
    (String::from_utf8(bytes).unwrap(), origin)
}

pub fn parse_fixture(dir: &str, name: &str) -> Parsed {
    let (text, origin) = read_fixture(dir, name);
    parse(&text, &origin).unwrap_or_else(|e| panic!("{e}"))
}
