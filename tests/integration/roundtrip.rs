//! export → restore → export is lossless (byte-identical) on both backends and across them.

use crate::support::{Registry, sample_json};

#[test]
fn export_restore_export_is_byte_identical_on_both_backends() {
    let json = sample_json();
    for (backend, reg) in Registry::both() {
        let file = reg.path("in.json");
        std::fs::write(&file, &json).unwrap();
        reg.run(&["restore", file.to_str().unwrap()]).ok();
        let out = reg.run(&["export"]).ok();
        assert!(
            out.stdout == json,
            "{backend}: export differs from what was restored"
        );

        // Into a second, empty registry of the same backend: the same bytes again.
        let again = if backend == "sqlite" {
            Registry::sqlite()
        } else {
            Registry::postgres()
        };
        let f2 = again.path("exported.json");
        std::fs::write(&f2, &out.stdout).unwrap();
        again.run(&["restore", f2.to_str().unwrap()]).ok();
        assert!(
            again.run(&["export"]).ok().stdout == json,
            "{backend}: second round trip differs"
        );
    }
}

#[test]
fn a_registry_moves_between_backends_unchanged() {
    let json = sample_json();
    let lite = Registry::sqlite();
    lite.run_with_stdin(&["restore", "-"], json.as_bytes()).ok();
    let from_sqlite = lite.run(&["export"]).ok().stdout;

    let pg = Registry::postgres();
    pg.run_with_stdin(&["restore", "-"], from_sqlite.as_bytes())
        .ok();
    let from_pg = pg
        .run(&["export", "--out", pg.path("out.json").to_str().unwrap()])
        .ok();
    assert!(from_pg.stdout.is_empty());
    let written = std::fs::read_to_string(pg.path("out.json")).unwrap();
    assert!(
        written == json,
        "PostgreSQL export differs from the SQLite one"
    );
}

#[test]
fn restore_into_a_non_empty_registry_is_refused_unless_replace() {
    let json = sample_json();
    for (backend, reg) in Registry::both() {
        reg.run_with_stdin(&["restore", "-"], json.as_bytes()).ok();
        let refused = reg
            .run_with_stdin(&["restore", "-"], json.as_bytes())
            .fails();
        assert!(
            refused.stderr.contains("--replace"),
            "{backend}: {}",
            refused.stderr
        );
        reg.run_with_stdin(&["restore", "--replace", "-"], json.as_bytes())
            .ok();
        assert!(reg.run(&["export"]).ok().stdout == json, "{backend}");
    }
}

#[test]
fn a_document_over_the_stated_limits_is_refused_with_where_and_why() {
    let mut doc: serde_json::Value = serde_json::from_str(&crate::support::sample_json()).unwrap();
    let at = doc["job_descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|j| j["duties"].as_array().is_some_and(|d| !d.is_empty()))
        .expect("a document with duties");
    let duty = doc["job_descriptions"][at]["duties"][0].clone();
    let duties: Vec<serde_json::Value> = (0..10_000)
        .map(|i| {
            let mut d = duty.clone();
            d["number"] = format!("3.{}", i + 1).into();
            d
        })
        .collect();
    doc["job_descriptions"][at]["duties"] = duties.into();
    let reg = Registry::sqlite();
    let file = reg.path("too-big.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = reg.run(&["restore", file.to_str().unwrap()]).fails();
    assert!(
        out.stderr
            .contains(&format!("job_descriptions[{at}].duties"))
            && out.stderr.contains("10000 duties: at most 100"),
        "{}",
        out.stderr
    );
    // Nothing was written.
    let exported = reg.run(&["export"]).ok().stdout;
    assert!(
        !exported.contains(duty["text"].as_str().unwrap()),
        "the registry stays empty"
    );
}
