//! Lines wrapped as PDF text wraps them: every corpus document, its long lines broken at word
//! boundaries to a narrower width (as a PDF page or a narrow table cell breaks them), must
//! import to the same records as the document itself (compared without line numbers, sources
//! and warnings, as the import command's format test compares DOCX/ODT/PDF with text).

use crate::common::{corpus_names, read_fixture};
use ametijuhend_ingest::parse;
use serde_json::Value;

/// Breaks every line longer than `width` characters at the last spaces that fit. Lines with
/// table columns (a run of spaces inside) are left alone: a PDF wraps within a cell.
fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim_end();
        if trimmed.chars().count() <= width || trimmed.trim_start().contains("  ") {
            out.push(line.to_string());
            continue;
        }
        let indent: String = trimmed.chars().take_while(|c| *c == ' ').collect();
        let mut cur = indent.clone();
        for word in trimmed.split_whitespace() {
            let fits =
                cur.trim().is_empty() || cur.chars().count() + 1 + word.chars().count() <= width;
            if !fits {
                out.push(std::mem::take(&mut cur));
            } else if !cur.trim().is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        out.push(cur);
    }
    out.join("\n")
}

/// The records as JSON, without what depends on the line layout.
fn records(text: &str, origin: &ametijuhend_ingest::Origin) -> Vec<Value> {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for k in ["source", "line", "first_line", "last_line", "warnings"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let parsed = parse(text, origin).unwrap_or_else(|e| panic!("{e}"));
    parsed
        .records
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap();
            strip(&mut v);
            v
        })
        .collect()
}

/// The first differing paths of two values.
fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                diff(
                    &format!("{path}.{k}"),
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (xe, ye)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), xe, ye, out);
            }
        }
        _ if a != b => out.push(format!("{path}: {a} ≠ wrapped {b}")),
        _ => {}
    }
}

#[test]
fn the_wrap_helper_breaks_at_spaces() {
    assert_eq!(wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
    assert_eq!(wrap("  aaa bbb", 6), "  aaa\nbbb");
    assert_eq!(wrap("a  b c d e f", 3), "a  b c d e f");
}

#[test]
fn wrapped_corpus_documents_import_the_same() {
    let mut failures = Vec::new();
    let variants = [
        "artefaktid",
        "kaskkiri-kolme-lisaga",
        "teise-asutuse-ametijuhend",
    ];
    let docs = corpus_names()
        .into_iter()
        .map(|n| ("corpus", n))
        .chain(variants.iter().map(|n| ("variants", n.to_string())));
    for (dir, name) in docs {
        let (text, origin) = read_fixture(dir, &name);
        let expected = records(&text, &origin);
        for width in [50, 60, 70, 80, 90] {
            let got = records(&wrap(&text, width), &origin);
            if got.len() != expected.len() {
                failures.push(format!(
                    "{name} at {width}: {} records, not {}",
                    got.len(),
                    expected.len()
                ));
                continue;
            }
            let mut d = Vec::new();
            for (i, (e, g)) in expected.iter().zip(&got).enumerate() {
                diff(&format!("[{i}]"), e, g, &mut d);
            }
            failures.extend(d.into_iter().take(4).map(|x| {
                format!(
                    "{name} at {width}: {}",
                    x.chars().take(400).collect::<String>()
                )
            }));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
