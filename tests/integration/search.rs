//! `ametijuhend search` and `reindex`: Estonian full-text search kept in step with the database
//! through the change log.

use crate::support::Registry;
use std::path::Path;

fn demo(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/demo")
        .join(name)
}

fn hits(reg: &Registry, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&reg.run(&all).ok().stdout).expect("JSON results")
}

#[test]
fn search_finds_case_forms_and_compound_parts_and_follows_every_change() {
    for (backend, reg) in Registry::both() {
        reg.run(&["import", demo("").to_str().unwrap()]).ok();
        for q in [
            "kasutajaõigus",
            "kasutajaõigused",
            "kasutajaõiguste",
            "kasutajaõigusi",
        ] {
            let r = hits(&reg, &[q, "--kind", "position"]);
            assert!(
                r["hits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|h| h["title"] == "Peaspetsialist (STAR kasutajatugi)"),
                "{backend}: '{q}' did not find the STAR position: {r}"
            );
        }
        let phrase = hits(&reg, &["\"kasutajaõiguste andmine\""]);
        assert_eq!(phrase["total"], 1, "{backend}: {phrase}");
        assert!(
            phrase["hits"][0]["snippet_html"]
                .as_str()
                .unwrap()
                .contains("<mark>")
        );
        assert_eq!(phrase["hits"][0]["section"], "duties[1]");

        // A new version written by another import is found at once (replayed from the log).
        assert_eq!(hits(&reg, &["kvantarvutite"])["total"], 0);
        let text = std::fs::read_to_string(demo("ska-ametijuhend-veebihaldur.txt")).unwrap();
        let path = reg.path("v2.txt");
        std::fs::write(
            &path,
            text.replace("Töökoha eesmärk on", "Töökoha eesmärk on kvantarvutite ja"),
        )
        .unwrap();
        reg.run(&["import", path.to_str().unwrap()]).ok();
        let found = hits(&reg, &["kvantarvutid"]);
        assert_eq!(found["total"], 1, "{backend}: {found}");
        assert_eq!(found["hits"][0]["section"], "purpose");

        // A restore replaces everything: the index follows.
        let empty = r#"{"format":"ametijuhend-registry","format_version":1,"units":[],"persons":[],"role_glossary":[],"role_cards":[],"competencies":[],"positions":[],"substitutions":[],"directives":[],"job_descriptions":[],"source_documents":[]}"#;
        reg.run_with_stdin(&["restore", "--replace", "-"], empty.as_bytes())
            .ok();
        assert_eq!(
            hits(&reg, &["kvantarvutid"])["total"],
            0,
            "{backend}: stale hit after restore"
        );

        let out = reg.run(&["reindex"]).ok();
        assert!(
            out.stderr.contains("search index rebuilt"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn search_filters_by_language_requirement_and_refuses_bad_filters() {
    let reg = Registry::sqlite();
    reg.run(&["import", demo("").to_str().unwrap()]).ok();
    let ru = hits(
        &reg,
        &[
            "",
            "--language",
            "ru",
            "--level",
            "B1",
            "--kind",
            "position",
        ],
    );
    let titles: Vec<&str> = ru["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec!["Veebihaldur"],
        "only the web manager requires Russian at B1: {ru}"
    );
    let c1 = hits(
        &reg,
        &[
            "",
            "--language",
            "ru",
            "--level",
            "C1",
            "--kind",
            "position",
        ],
    );
    assert_eq!(c1["total"], 0);

    let bad = reg
        .run(&["search", "x", "--level", "Z9", "--language", "ru"])
        .fails();
    assert!(bad.stderr.contains("CEFR"), "{}", bad.stderr);
    let bad = reg.run(&["search", "x", "--kind", "people"]).fails();
    assert!(bad.stderr.contains("position, role_card"), "{}", bad.stderr);
}
