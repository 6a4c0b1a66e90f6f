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
