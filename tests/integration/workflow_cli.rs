//! The lifecycle from the command line: `workflow`, `reviews` and `review`, acting as existing
//! accounts with the same rules as the web application.

use crate::support::Registry;
use crate::workflow::{scenario, today, v1, v2};
use ametijuhend_domain::sample::ids;
use serde_json::Value;

pub fn setup(reg: &Registry) {
    let mut json = serde_json::to_string(&scenario()).expect("serialise");
    json.push('\n');
    reg.run_with_stdin(&["restore", "-"], json.as_bytes()).ok();
    let unit = ids::family_benefits_division().to_string();
    let position = ids::head_of_division().to_string();
    reg.add_user("hr", "hr-password", &["--role", "hr"]);
    reg.add_user(
        "juht",
        "juht-password",
        &["--role", "manager", "--unit", &unit],
    );
    reg.add_user(
        "hele",
        "hele-password",
        &["--role", "staff", "--position", &position],
    );
}

/// The status of version `id` as `export` writes it ("" when there is no such version).
pub fn status(reg: &Registry, id: &str) -> String {
    let r: Value = serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
    r["job_descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["id"] == id)
        .map(|j| j["status"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn the_lifecycle_from_the_command_line() {
    for (backend, reg) in Registry::both() {
        setup(&reg);
        let (v1, v2) = (v1(), v2());
        let today = today();
        // Refused: staff may not submit; nothing is written.
        let refused = reg
            .run(&["workflow", "submit", &v2, "--as", "hele"])
            .fails();
        assert!(
            refused.stderr.contains("[not_permitted]"),
            "{backend}: {}",
            refused.stderr
        );
        assert_eq!(status(&reg, &v2), "draft");
        let wrong = reg
            .run(&["workflow", "put-in-force", &v2, "--as", "hr"])
            .fails();
        assert!(wrong.stderr.contains("[wrong_status]"), "{}", wrong.stderr);

        let ok = reg.run(&["workflow", "submit", &v2, "--as", "juht"]).ok();
        assert!(
            ok.stdout
                .contains("draft → in_coordination (submit by juht as supervisor)"),
            "{}",
            ok.stdout
        );
        reg.run(&["workflow", "sign-off-as-supervisor", &v2, "--as", "juht"])
            .ok();
        reg.run(&[
            "workflow",
            "sign-off-as-hr",
            &v2,
            "--as",
            "hr",
            "--comment",
            "Sobib.",
        ])
        .ok();
        let approve = [
            "workflow",
            "approve",
            &v2,
            "--as",
            "hr",
            "--directive-number",
            "1-1/9",
            "--directive-date",
            &today,
            "--annex",
            "4",
        ];
        let blocked = reg.run(&approve).fails();
        assert!(
            blocked.stderr.contains("[consent_missing]"),
            "{}",
            blocked.stderr
        );
        assert!(
            blocked.stderr.contains("duty 3.99 was added"),
            "{}",
            blocked.stderr
        );
        reg.run(&[
            "workflow",
            "record-consent",
            &v2,
            "--as",
            "hr",
            "--date",
            &today,
        ])
        .ok();
        reg.run(&approve).ok();
        reg.run(&[
            "workflow",
            "acknowledge",
            &v2,
            "--as",
            "hele",
            "--date",
            &today,
        ])
        .ok();
        let live = reg
            .run(&["workflow", "put-in-force", &v2, "--as", "hr"])
            .ok();
        assert!(
            live.stdout.contains("version 1 superseded"),
            "{}",
            live.stdout
        );
        assert_eq!(status(&reg, &v2), "in_force", "{backend}");
        assert_eq!(status(&reg, &v1), "superseded", "{backend}");
    }
}

#[test]
fn reviews_from_the_command_line() {
    let reg = Registry::sqlite();
    setup(&reg);
    let division = ids::head_of_division().to_string();
    let list = reg.run(&["reviews"]).ok();
    assert!(
        list.stdout.contains("Perehüvitiste talitus"),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout
            .contains("Talituse juhataja\t06.03.2024\toverdue"),
        "{}",
        list.stdout
    );
    let json = reg
        .run(&["reviews", "--json", "--today", "2024-02-20"])
        .ok();
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(!report.as_array().unwrap().is_empty());

    let staff = reg
        .run(&[
            "review",
            &division,
            "--as",
            "hele",
            "--outcome",
            "no-change",
        ])
        .fails();
    assert!(staff.stderr.contains("may not review"), "{}", staff.stderr);
    let done = reg
        .run(&[
            "review",
            &division,
            "--as",
            "juht",
            "--outcome",
            "no-change",
        ])
        .ok();
    assert!(
        done.stdout
            .contains("review of Talituse juhataja version 1 recorded"),
        "{}",
        done.stdout
    );
    let after = reg.run(&["reviews"]).ok();
    assert!(
        !after.stdout.contains("Talituse juhataja\t"),
        "{}",
        after.stdout
    );
    let help = reg.run(&["workflow", "--help"]).ok();
    assert!(help.stdout.contains("Examples:"));
}
