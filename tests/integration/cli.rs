//! The command line: help, configuration, and clear errors for bad input.

use crate::support::{BIN, Registry, sample_json};
use std::process::Command;

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["serve", "export", "restore", "schema"] {
        let out = Command::new(BIN).args([cmd, "--help"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{cmd} --help failed");
        assert!(
            text.contains("Examples:"),
            "{cmd} --help has no example:\n{text}"
        );
        assert!(
            text.contains("--data-dir") && text.contains("--database"),
            "{cmd}: global options missing"
        );
    }
}

#[test]
fn the_data_directory_and_database_are_created_on_first_run() {
    let reg = Registry::sqlite();
    let nested = reg.path("a/b/c");
    let out = Command::new(BIN)
        .env("AMETIJUHEND_DATA_DIR", &nested)
        .env_remove("AMETIJUHEND_DATABASE_URL")
        .arg("export")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(nested.join("registry.db").is_file());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "ametijuhend-registry");
    assert_eq!(v["positions"].as_array().unwrap().len(), 0);
}

#[test]
fn an_unsupported_or_unreachable_database_url_says_so() {
    let reg = Registry::sqlite();
    let out = reg
        .run(&["--database", "mysql://root:secret@localhost/x", "export"])
        .fails();
    assert!(out.stderr.contains("mysql://"), "{}", out.stderr);
    assert!(
        out.stderr.contains("postgres://"),
        "should say what is accepted: {}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("secret"),
        "password leaked: {}",
        out.stderr
    );

    let out = reg
        .run(&[
            "--database",
            "postgres://nobody:hunter2@127.0.0.1:1/none",
            "export",
        ])
        .fails();
    assert!(
        !out.stderr.contains("hunter2"),
        "password leaked: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains("127.0.0.1:1"),
        "should name the server: {}",
        out.stderr
    );
}

#[test]
fn invalid_json_names_the_path_and_field() {
    let reg = Registry::sqlite();
    let mut v: serde_json::Value = serde_json::from_str(&sample_json()).unwrap();
    v["job_descriptions"][0]["requirements"]["languages"] =
        serde_json::json!([{"language": "EST", "level": "C1", "text": "x"}]);
    let file = reg.path("bad.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = reg.run(&["restore", file.to_str().unwrap()]).fails();
    assert!(out.stderr.contains("bad.json"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("job_descriptions[0].requirements.languages[0].language"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("ISO 639-1"), "{}", out.stderr);

    let out = reg.run_with_stdin(&["restore", "-"], b"{ not json").fails();
    assert!(out.stderr.contains("line 1"), "{}", out.stderr);

    let out = reg
        .run(&["restore", reg.path("missing.json").to_str().unwrap()])
        .fails();
    assert!(out.stderr.contains("missing.json"), "{}", out.stderr);

    // Nothing was written by the failed restores.
    let exported: serde_json::Value =
        serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
    assert_eq!(exported["job_descriptions"].as_array().unwrap().len(), 0);
}

#[test]
fn an_inconsistent_registry_is_refused_whole() {
    let reg = Registry::sqlite();
    let mut v: serde_json::Value = serde_json::from_str(&sample_json()).unwrap();
    v["positions"][0]["unit"] = serde_json::json!("00000000-0000-4000-8000-000000000000");
    let out = reg
        .run_with_stdin(&["restore", "-"], v.to_string().as_bytes())
        .fails();
    assert!(out.stderr.contains("positions[0].unit"), "{}", out.stderr);
    let exported: serde_json::Value =
        serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
    assert_eq!(
        exported["units"].as_array().unwrap().len(),
        0,
        "a refused restore wrote something"
    );
}

#[test]
fn the_committed_registry_schema_is_up_to_date() {
    let out = Command::new(BIN)
        .args(["schema", "registry"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/registry.schema.json"
    ))
    .unwrap();
    assert!(
        generated == committed,
        "docs/registry.schema.json is out of date: run `cargo run -q -- schema registry > docs/registry.schema.json`"
    );
}
