//! Golden files: the dry-run JSON Lines of every corpus document, compared field by field with
//! tests/golden/<name>.jsonl. `UPDATE_GOLDEN=1 cargo test -p ametijuhend-ingest --test ingest golden`
//! rewrites them (and those of tests/agencies); read the diff before committing.

use crate::common::{corpus_names, parse_fixture};
use std::path::{Path, PathBuf};

#[test]
fn corpus_matches_golden_files() {
    let failures = compare_with_golden_files(
        "corpus",
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden"),
        &corpus_names(),
    );
    assert!(
        failures.is_empty(),
        "differences from the golden files:\n{}",
        failures.join("\n")
    );
}

/// Compares the dry-run JSON Lines of each named document of tests/<dir> with
/// <golden_dir>/<name>.jsonl (rewrites them with UPDATE_GOLDEN set); the differences.
pub fn compare_with_golden_files(dir: &str, golden_dir: &Path, names: &[String]) -> Vec<String> {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for name in names {
        let parsed = parse_fixture(dir, name);
        let actual = parsed.to_json_lines();
        let path = golden_dir.join(format!("{name}.jsonl"));
        if update {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
                path.display()
            )
        });
        let exp: Vec<serde_json::Value> = expected
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let act: Vec<serde_json::Value> = actual
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        if exp.len() != act.len() {
            failures.push(format!(
                "{name}: {} records, golden has {}",
                act.len(),
                exp.len()
            ));
            continue;
        }
        for (i, (e, a)) in exp.iter().zip(&act).enumerate() {
            let mut diffs = Vec::new();
            diff("", e, a, &mut diffs);
            for d in diffs {
                failures.push(format!("{name} record {i}: {d}"));
            }
        }
    }
    failures
}

/// Field-by-field differences with their JSON paths.
fn diff(path: &str, e: &serde_json::Value, a: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value::*;
    match (e, a) {
        (Object(x), Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let p = format!("{path}.{k}");
                diff(
                    &p,
                    x.get(k).unwrap_or(&Null),
                    y.get(k).unwrap_or(&Null),
                    out,
                );
            }
        }
        (Array(x), Array(y)) if x.len() == y.len() => {
            for (i, (xe, ye)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), xe, ye, out);
            }
        }
        _ if e != a => out.push(format!("{path}: expected {e}, got {a}")),
        _ => {}
    }
}
