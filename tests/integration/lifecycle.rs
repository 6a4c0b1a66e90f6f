//! `ametijuhend lint` and `ametijuhend diff` through the command line.

use crate::support::Registry;
use std::path::Path;

fn demo(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/demo")
        .join(name)
}

#[test]
fn lint_reports_findings_with_fixes_and_fails_on_errors() {
    let reg = Registry::sqlite();
    let clean = reg.run(&["lint"]).ok();
    assert!(clean.stdout.contains("0 finding(s)"), "{}", clean.stdout);

    reg.run(&["import", demo("").to_str().unwrap()]).ok();
    let out = reg.run(&["lint", "--today", "01.06.2026"]).fails();
    assert!(
        out.stdout
            .contains("[supervisor_missing] Veebihaldur, Kommunikatsiooniosakond"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("fix: "), "{}", out.stdout);
    assert!(
        out.stdout.contains("[review_overdue] Peakasutaja"),
        "{}",
        out.stdout
    );

    let json = reg
        .run(&["lint", "--json", "--today", "2026-06-01"])
        .fails();
    let findings: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "supervisor_missing" && f["severity"] == "error")
    );

    let bad = reg.run(&["lint", "--today", "31.02.2026"]).fails();
    assert!(bad.stderr.contains("DD.MM.YYYY"), "{}", bad.stderr);
}

#[test]
fn diff_shows_what_changed_between_versions() {
    let reg = Registry::sqlite();
    reg.run(&[
        "import",
        demo("ska-ametijuhend-veebihaldur.txt").to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(demo("ska-ametijuhend-veebihaldur.txt")).unwrap();
    let edited = text.replace(
        "3.7 Vahetu juhi antud muude ühekordsete",
        "3.7 Vahetu juhi antud ühekordsete",
    );
    let path = reg.path("v2.txt");
    std::fs::write(&path, edited).unwrap();
    reg.run(&["import", path.to_str().unwrap()]).ok();
    let registry: serde_json::Value =
        serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
    let position = registry["positions"][0]["id"].as_str().unwrap().to_string();

    let out = reg.run(&["diff", &position]).ok();
    assert!(
        out.stdout.contains("--- Veebihaldur, versioon 1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("-Ülesanne 3.7. Vahetu juhi antud muude ühekordsete ülesannete täitmine."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("+Ülesanne 3.7. Vahetu juhi antud ühekordsete ülesannete täitmine."),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.starts_with('-') && !l.starts_with("---"))
            .count(),
        1,
        "{}",
        out.stdout
    );

    let same = reg
        .run(&["diff", &format!("{position}@2"), &format!("{position}@2")])
        .ok();
    assert!(same.stdout.is_empty() && same.stderr.contains("no differences"));

    let missing = reg
        .run(&["diff", &format!("{position}@7"), &position])
        .fails();
    assert!(
        missing.stderr.contains("no version 7"),
        "{}",
        missing.stderr
    );
    let garbage = reg.run(&["diff", "nonsense"]).fails();
    assert!(garbage.stderr.contains("nonsense"), "{}", garbage.stderr);
}
