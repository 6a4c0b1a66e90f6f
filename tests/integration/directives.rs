//! Directives end to end: prepared from the registry (annexes, repeals, entry into force),
//! stored with the register's template fields, registered once — which approves the annexes —
//! and rendered with their number, through the command line (the web pages and the JSON API:
//! `directives_web`).

use crate::documents::{assert_pdf, docx_text, export};
use crate::support::{Registry, sample_json};
use crate::web_support::{Site, main_of};
use ametijuhend_domain::sample::{ids, sample_registry};
use serde_json::Value;

pub(crate) fn directive_of<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["directives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("directive {id} is stored"))
}

/// Takes versions through coordination on the web as a person would: HR submits a draft, a
/// manager of the whole agency (account `juht`, added here) signs off as the supervisor, HR
/// signs off, and consent is recorded where the version needs it.
pub(crate) fn coordinate_on_the_web(site: &Site, versions: &[&String]) {
    let agency = ids::agency().to_string();
    site.reg.add_user(
        "juht",
        &crate::web_support::password("juht"),
        &["--role", "manager", "--unit", &agency],
    );
    let mut hr = site.client("hr");
    let mut juht = site.client("juht");
    let today = crate::workflow::today();
    for v in versions {
        if crate::workflow::status_of(&mut hr, v) == "draft" {
            let r = crate::workflow::act(&mut hr, v, &[("action", "submit")]);
            assert_eq!(r.status, 303, "{v}: {}", main_of(&r.body));
        }
        let r = crate::workflow::act(&mut juht, v, &[("action", "sign_off_as_supervisor")]);
        assert_eq!(r.status, 303, "{v}: {}", main_of(&r.body));
        let r = crate::workflow::act(&mut hr, v, &[("action", "sign_off_as_hr")]);
        assert_eq!(r.status, 303, "{v}: {}", main_of(&r.body));
        let _ = crate::workflow::act(
            &mut hr,
            v,
            &[("action", "record_consent"), ("date", &today)],
        );
    }
}

/// Yesterday, as DD.MM.YYYY (a registration date that is never in the future).
fn yesterday() -> String {
    (ametijuhend_app::Clock::today(&ametijuhend_app::SystemClock) - chrono::Days::new(1))
        .format("%d.%m.%Y")
        .to_string()
}

#[test]
fn cli_directive_is_planned_stored_registered_once_and_rendered_with_its_number() {
    for (backend, reg) in Registry::both() {
        reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
            .ok();
        let head_v3 = ids::job_description(&ids::head_of_department(), 3).to_string();
        let lawyer_v1 = ids::job_description(&ids::lawyer(), 1).to_string();
        let out = reg.path("kaskkiri.docx");
        reg.add_user("hr", "hr-password", &["--role", "hr"]);
        let r = reg
            .run(&[
                "directive",
                "create",
                "--as",
                "hr",
                "--job-description",
                &head_v3,
                "--job-description",
                &lawyer_v1,
                "--signer-name",
                "Maret Maripuu",
                "--signer-title",
                "peadirektor",
                "--on-signing",
                "--retroactive-from",
                "01.01.2025",
                "--format",
                "docx",
                "--out",
                out.to_str().unwrap(),
            ])
            .ok();
        let id = r.stdout.trim().to_string();
        assert_eq!(id.len(), 36, "{backend}: the id is printed: {}", r.stdout);
        // head v3 is already an annex of the sample's unregistered directive: a warning.
        assert!(
            r.stderr.contains("already an annex"),
            "{backend}: {}",
            r.stderr
        );

        let text = docx_text(&std::fs::read(&out).unwrap());
        assert!(
            text.contains("{regDateTime} nr {regNumber}"),
            "{backend}: {text}"
        );
        assert!(text.contains("1. Kinnitan järgmiste ametikohtade ametijuhendid:"));
        assert!(text.contains("käskkirjaga nr {regNumber}"));
        assert!(text.contains("tagasiulatuvalt alates 01.01.2025"));
        assert!(text.contains("Käskkirja on võimalik vaidlustada 30 päeva jooksul"));
        assert!(text.contains("Maret Maripuu"));

        // The stored record: template fields, annexes, the computed repeals, entry into force.
        let doc = export(&reg);
        let d = directive_of(&doc, &id);
        assert_eq!(d["number"], Value::Null);
        assert_eq!(d["date"], Value::Null);
        assert_eq!(
            d["placeholders"],
            serde_json::json!(["{regNumber}", "{regDateTime}"])
        );
        let annexes: Vec<&str> = d["annexes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["job_description"].as_str().unwrap())
            .collect();
        assert_eq!(annexes, [head_v3.as_str(), lawyer_v1.as_str()]);
        let plan = ametijuhend_render::plan_directive(
            &sample_registry(),
            &[
                ids::job_description(&ids::head_of_department(), 3),
                ids::job_description(&ids::lawyer(), 1),
            ],
        )
        .unwrap();
        assert_eq!(
            d["repeals"],
            serde_json::to_value(&plan.repeals).unwrap(),
            "{backend}"
        );
        assert_eq!(
            d["entry_into_force"],
            serde_json::json!({"kind": "on_signing", "retroactive_from": "2025-01-01"})
        );
        assert_eq!(d["signer"]["name"], "Maret Maripuu");
        let list = reg.run(&["directive", "list"]).ok().stdout;
        assert!(
            list.contains(&format!("{id}\tunregistered\tAmetijuhendite kinnitamine")),
            "{list}"
        );

        // Registration: not in the future, then once.
        let agency = ids::agency().to_string();
        reg.add_user(
            "juht",
            "juht-password",
            &["--role", "manager", "--unit", &agency],
        );
        let r = reg
            .run(&[
                "directive",
                "register",
                &id,
                "--number",
                "1-3/17",
                "--date",
                "01.01.2999",
                "--as",
                "hr",
            ])
            .fails();
        assert!(
            r.stderr.contains("is in the future"),
            "{backend}: {}",
            r.stderr
        );
        let day = yesterday();
        let register = |reg: &crate::support::Registry, number: &str| {
            reg.run(&[
                "directive",
                "register",
                &id,
                "--number",
                number,
                "--date",
                &day,
                "--as",
                "hr",
            ])
        };
        // Registering approves the annexes: refused while they are not coordinated, and
        // nothing is written.
        let r = register(&reg, "1-3/17").fails();
        assert!(
            r.stderr.contains("cannot all be approved")
                && r.stderr.contains("annex 1 (")
                && r.stderr.contains("[annexes_refused]"),
            "{backend}: {}",
            r.stderr
        );
        assert_eq!(directive_of(&export(&reg), &id)["number"], Value::Null);
        for v in [&head_v3, &lawyer_v1] {
            if crate::workflow_cli::status(&reg, v) == "draft" {
                reg.run(&["workflow", "submit", v, "--as", "hr"]).ok();
            }
            reg.run(&["workflow", "sign-off-as-supervisor", v, "--as", "juht"])
                .ok();
            reg.run(&["workflow", "sign-off-as-hr", v, "--as", "hr"])
                .ok();
            let consent = reg.run(&["workflow", "record-consent", v, "--as", "hr"]);
            if consent.code != 0 {
                assert!(
                    consent.stderr.contains("consent_not_needed"),
                    "{backend}: {}",
                    consent.stderr
                );
            }
        }
        let r = register(&reg, "1-3/17").ok();
        assert!(r.stderr.contains("approved: "), "{backend}: {}", r.stderr);
        for v in [&head_v3, &lawyer_v1] {
            assert_eq!(
                crate::workflow_cli::status(&reg, v),
                "approved",
                "{backend}: {v}"
            );
        }
        let r = register(&reg, "18").fails();
        assert!(
            r.stderr.contains("already registered (nr 1-3/17"),
            "{backend}: {}",
            r.stderr
        );
        let doc = export(&reg);
        let d = directive_of(&doc, &id);
        assert_eq!(d["number"], "1-3/17");
        assert_eq!(d["placeholders"], serde_json::json!([]));
        let list = reg.run(&["directive", "list"]).ok().stdout;
        assert!(
            list.contains(&format!("{id}\tnr 1-3/17 of {day}")),
            "{list}"
        );

        // Rendered again: the number and date in the heading and in every annex stamp.
        let again = reg.path("kaskkiri-17.docx");
        reg.run(&["directive", "render", &id, "--out", again.to_str().unwrap()])
            .ok();
        let text = docx_text(&std::fs::read(&again).unwrap());
        assert!(
            text.contains(&format!("{day} nr 1-3/17")),
            "{backend}: {text}"
        );
        assert!(
            !text.contains("{regNumber}") && !text.contains("{regDateTime}"),
            "{text}"
        );
        for annex in ["Lisa 1", "Lisa 2"] {
            assert!(
                text.contains(&format!(
                    "KINNITATUD\nSotsiaalkindlustusameti peadirektori {day}\nkäskkirjaga nr 1-3/17\n{annex}"
                )),
                "{backend}: the stamp of {annex}: {text}"
            );
        }
        let pdf = reg.path("kaskkiri-17.pdf");
        reg.run(&[
            "directive",
            "render",
            &id,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ])
        .ok();
        assert_pdf(&std::fs::read(&pdf).unwrap(), "the directive");

        let r = reg
            .run(&[
                "directive",
                "register",
                "00000000-0000-4000-8000-000000000000",
                "--number",
                "1",
                "--date",
                &day,
                "--as",
                "hr",
            ])
            .fails();
        assert!(r.stderr.contains("there is no directive"), "{}", r.stderr);
    }
}

#[test]
fn cli_directive_of_a_unit_takes_its_drafts_and_refuses_what_cannot_be_approved() {
    let reg = Registry::sqlite();
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    let it = ids::it_department().to_string();
    let services = ids::services_department().to_string();
    reg.add_user("hr", "hr-password", &["--role", "hr"]);
    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "hr",
            "--unit",
            &it,
            "--status",
            "draft",
        ])
        .ok();
    let id = r.stdout.trim().to_string();
    let doc = export(&reg);
    let d = directive_of(&doc, &id);
    let annexes = d["annexes"].as_array().unwrap();
    assert_eq!(annexes.len(), 1, "{d}");
    assert_eq!(
        annexes[0]["job_description"],
        ids::job_description(&ids::head_of_department(), 3).to_string()
    );
    assert_eq!(d["title"], "Ametijuhendi muutmine");

    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "hr",
            "--unit",
            &services,
            "--status",
            "superseded",
        ])
        .fails();
    assert!(
        r.stderr
            .contains("has a job description with status superseded"),
        "{}",
        r.stderr
    );
    // Two versions of one position.
    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "hr",
            "--job-description",
            &ids::job_description(&ids::head_of_department(), 2).to_string(),
            "--job-description",
            &ids::job_description(&ids::head_of_department(), 3).to_string(),
        ])
        .fails();
    assert!(
        r.stderr.contains("belong to the same position"),
        "{}",
        r.stderr
    );
    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "hr",
            "--job-description",
            "00000000-0000-4000-8000-000000000000",
        ])
        .fails();
    assert!(
        r.stderr.contains("there is no job description"),
        "{}",
        r.stderr
    );
    let r = reg.run(&["directive", "create"]).fails();
    assert!(r.stderr.contains("--job-description"), "{}", r.stderr);
    // Nothing of the refused ones was stored.
    assert_eq!(export(&reg)["directives"].as_array().unwrap().len(), 4);
}

#[test]
fn cli_directive_create_acts_as_an_account_that_may_prepare_directives() {
    let reg = Registry::sqlite();
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    let agency = ids::agency().to_string();
    reg.add_user(
        "juht",
        "juht-password",
        &["--role", "manager", "--unit", &agency],
    );
    let v = ids::job_description(&ids::head_of_department(), 3).to_string();
    // A manager does not prepare directives: refused, nothing stored.
    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "juht",
            "--job-description",
            &v,
        ])
        .fails();
    assert!(
        r.stderr.contains("not allowed") && r.stderr.contains("[forbidden]"),
        "{}",
        r.stderr
    );
    let r = reg
        .run(&[
            "directive",
            "create",
            "--as",
            "nobody",
            "--job-description",
            &v,
        ])
        .fails();
    assert!(
        r.stderr.contains("there is no account 'nobody'"),
        "{}",
        r.stderr
    );
    // The account is required.
    let r = reg
        .run(&["directive", "create", "--job-description", &v])
        .fails();
    assert!(r.stderr.contains("--as"), "{}", r.stderr);
    assert_eq!(export(&reg)["directives"].as_array().unwrap().len(), 3);
    // HR may; the audit trail names the account.
    reg.add_user("hr", "hr-password", &["--role", "hr"]);
    let r = reg
        .run(&["directive", "create", "--as", "hr", "--job-description", &v])
        .ok();
    assert_eq!(r.stdout.trim().len(), 36, "{}", r.stdout);
    assert_eq!(export(&reg)["directives"].as_array().unwrap().len(), 4);
}
