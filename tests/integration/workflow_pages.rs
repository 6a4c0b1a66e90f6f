//! The lifecycle's report pages through the web: reviews (recording one, the report by unit,
//! the start page's digest), the consistency checks, a draft from a role card, and role card
//! updates taken in or dismissed.

use crate::support::{Registry, Server};
use crate::workflow::{scenario, signed_in, today, v2};
use ametijuhend_domain::sample::ids;
use serde_json::Value;

fn serve_with(reg: &Registry, r: &ametijuhend_domain::Registry) -> Server {
    let mut json = serde_json::to_string(r).expect("serialise");
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
    reg.add_user("audit", "audit-password", &["--role", "auditor"]);
    reg.serve(&["--no-demo"])
}

fn post(
    c: &mut crate::support::Client<'_>,
    path: &str,
    fields: &[(&str, &str)],
) -> crate::support::Response {
    let csrf = c.csrf();
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    c.post(path, &all)
}

/// Markup back to the text a reader sees (tags out, the escapes askama writes undone).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn reviews_are_recorded_and_reported_by_unit() {
    for (backend, reg) in Registry::both() {
        let server = serve_with(&reg, &scenario());
        let mut hr = signed_in(&server, "hr");
        let mut juht = signed_in(&server, "juht");
        let mut hele = signed_in(&server, "hele");
        let division = ids::head_of_division();

        // The report: the division head's review (approved 06.03.2023) is overdue.
        let report = hr.get("/reviews");
        assert_eq!(report.status, 200, "{backend}");
        assert!(
            report.body.contains("<h2>Perehüvitiste talitus</h2>"),
            "{}",
            report.body
        );
        assert!(report.body.contains("Talituse juhataja"), "{}", report.body);
        assert!(report.body.contains("06.03.2024"), "{}", report.body);
        assert!(report.body.contains("päeva üle tähtaja"), "{}", report.body);
        // A manager sees only their units; the start page's digest likewise.
        let mine = juht.get("/reviews");
        assert!(mine.body.contains("Talituse juhataja"));
        assert!(!mine.body.contains("Osakonna juhataja"), "{}", mine.body);
        let home = juht.get("/");
        assert!(home.body.contains("Talituse juhataja"), "{}", home.body);

        // Staff may not record a review.
        let path = format!("/positions/{division}/reviews");
        let today = today();
        let refused = post(
            &mut hele,
            &path,
            &[("date", &today), ("outcome", "no_change")],
        );
        assert_eq!(refused.status, 403, "{backend}");
        // A date in the future is refused and translated.
        let future = post(
            &mut hr,
            &path,
            &[("date", "2999-01-01"), ("outcome", "no_change")],
        );
        assert_eq!(future.status, 422);
        assert!(future.body.contains("on tulevikus"), "{}", future.body);
        // No change: recorded on the version in force, the position leaves the report.
        let r = post(
            &mut juht,
            &path,
            &[
                ("date", &today),
                ("outcome", "no_change"),
                ("comment", "Kõik kehtib."),
            ],
        );
        assert_eq!(r.status, 303, "{backend}: {}", r.body);
        let v1: Value = hr
            .get(&format!("/api/job-descriptions/{}", crate::workflow::v1()))
            .json();
        let reviews = v1["workflow"]["reviews"].as_array().unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0]["reviewer"], "juht");
        assert_eq!(reviews[0]["outcome"]["kind"], "no_change");
        assert!(!hr.get("/reviews").body.contains("Talituse juhataja"));
        let page = hr.get(&format!("/positions/{division}"));
        assert!(page.body.contains("muudatusteta"), "{}", page.body);
        // New version started: the existing newer draft is the new version.
        let r = post(
            &mut hr,
            &path,
            &[("date", &today), ("outcome", "new_version")],
        );
        assert_eq!(r.status, 303);
        assert!(
            r.header("location").unwrap().contains(&v2()),
            "{:?}",
            r.headers
        );
        let history = hr.get(&format!("/positions/{division}/history"));
        assert!(history.body.contains("märgiti ametijuhendi ülevaatus"));
    }
}

#[test]
fn the_checks_page_lists_findings_with_their_fix() {
    let reg = Registry::sqlite();
    let server = serve_with(&reg, &scenario());
    let mut hr = signed_in(&server, "hr");
    let page = hr.get("/checks");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Hoiatused"), "{}", page.body);
    assert!(
        page.body.contains("Iga-aastane ülevaatus on hilinenud"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Parandamiseks:"));
    assert!(
        page.body.contains("märgi ülevaatus registrisse"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("/positions/{}", ids::head_of_division()))
    );
    let mut audit = signed_in(&server, "audit");
    assert_eq!(audit.get("/checks").status, 200);
    let mut hele = signed_in(&server, "hele");
    assert_eq!(hele.get("/checks").status, 403);
    // A manager sees the findings of their units only.
    let mut juht = signed_in(&server, "juht");
    let mine = juht.get("/checks");
    assert!(mine.body.contains("Talituse juhataja"));
    // (a finding about the department head alone is not theirs; a substitution with one of
    // their positions is)
    let theirs = format!(
        "</strong>: <a href=\"/positions/{}\"",
        ids::head_of_department()
    );
    assert!(page.body.contains(&theirs) || !mine.body.contains(&theirs));
    assert!(!mine.body.contains(&theirs), "{}", mine.body);
}

/// The scenario with the division head's draft written from revision 4 of a role card that is
/// now at revision 5 with another purpose.
fn with_card_update() -> ametijuhend_domain::Registry {
    let mut r = scenario();
    let card_id = ids::head_of_department_card();
    let card = r.role_cards.iter_mut().find(|c| c.id == card_id).unwrap();
    card.revision = 4;
    let old = card.clone();
    card.revision = 5;
    card.purpose = format!("{} Uus lause rollikaardis.", old.purpose);
    let draft = r
        .job_descriptions
        .iter_mut()
        .find(|j| j.id.to_string() == v2())
        .unwrap();
    draft.written_from = Some(ametijuhend_domain::job_description::RoleCardSource {
        role_card: card_id,
        revision: 4,
    });
    draft.purpose = old.purpose.clone();
    draft.workflow.card_snapshot = Some(old);
    r
}

#[test]
fn role_card_updates_are_taken_in_as_a_new_draft() {
    let reg = Registry::sqlite();
    let server = serve_with(&reg, &with_card_update());
    let mut juht = signed_in(&server, "juht");
    let list = juht.get("/card-updates");
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains("Talituse juhataja"), "{}", list.body);
    assert!(list.body.contains("4 → 5"));
    assert!(list.body.contains("rollikaardis."), "{}", list.body);
    assert!(list.body.contains("<ins>"));
    let r = post(
        &mut juht,
        &format!("/job-descriptions/{}/card-update/take-in", v2()),
        &[],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let versions: Value = juht
        .get(&format!(
            "/api/positions/{}/job-descriptions",
            ids::head_of_division()
        ))
        .json();
    let v3 = &versions.as_array().unwrap()[2];
    assert_eq!(v3["status"], "draft");
    assert_eq!(v3["written_from"]["revision"], 5);
    assert!(
        v3["purpose"]
            .as_str()
            .unwrap()
            .ends_with("Uus lause rollikaardis.")
    );
    assert!(!juht.get("/card-updates").body.contains("4 → 5"));
}

#[test]
fn role_card_updates_are_dismissed() {
    let reg = Registry::sqlite();
    let server = serve_with(&reg, &with_card_update());
    let mut hr = signed_in(&server, "hr");
    let mut hele = signed_in(&server, "hele");
    let path = format!("/job-descriptions/{}/card-update/dismiss", v2());
    assert_eq!(post(&mut hele, &path, &[]).status, 403);
    let r = post(
        &mut hr,
        &path,
        &[("comment", "Ei puuduta seda ametikohta.")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(!hr.get("/card-updates").body.contains("4 → 5"));
    let jd: Value = hr.get(&format!("/api/job-descriptions/{}", v2())).json();
    assert_eq!(jd["workflow"]["dismissed_card_updates"][0]["revision"], 5);
    // Nothing new was made.
    let versions: Value = hr
        .get(&format!(
            "/api/positions/{}/job-descriptions",
            ids::head_of_division()
        ))
        .json();
    assert_eq!(versions.as_array().unwrap().len(), 2);
}

#[test]
fn a_new_draft_is_written_from_a_role_card() {
    let reg = Registry::sqlite();
    let server = serve_with(&reg, &scenario());
    let mut hr = signed_in(&server, "hr");
    let card = ids::web_admin_card().to_string();
    let page = hr.get(&format!("/positions/{}", ids::head_of_division()));
    assert!(page.body.contains("draft-from-role-card"), "{}", page.body);
    let r = post(
        &mut hr,
        &format!(
            "/positions/{}/draft-from-role-card",
            ids::head_of_division()
        ),
        &[("role_card", &card)],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let versions: Value = hr
        .get(&format!(
            "/api/positions/{}/job-descriptions",
            ids::head_of_division()
        ))
        .json();
    let v3 = &versions.as_array().unwrap()[2];
    assert_eq!(v3["version"], 3);
    assert_eq!(v3["status"], "draft");
    assert_eq!(v3["written_from"]["role_card"], card);
    let cards: Value = hr.get(&format!("/api/role-cards/{card}")).json();
    assert_eq!(v3["purpose"], cards["purpose"].as_str().unwrap().trim());
}

#[test]
fn the_checks_page_reads_in_estonian_and_russian_without_an_english_sentence() {
    for (backend, reg) in Registry::both() {
        // The scenario broken further: a position without a supervisor, a version in force
        // without the education requirement.
        let mut r = scenario();
        for p in &mut r.positions {
            if p.id == ids::head_of_division() {
                p.supervisor = None;
            }
        }
        for j in &mut r.job_descriptions {
            if j.id.to_string() == crate::workflow::v1() {
                j.requirements.education = None;
            }
        }
        let server = serve_with(&reg, &r);
        let mut hr = signed_in(&server, "hr");
        let findings: Value = hr.get("/api/checks").json();
        let findings = findings.as_array().expect("a list");
        let rules: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
        for rule in [
            "supervisor_missing",
            "required_content_missing",
            "review_overdue",
        ] {
            assert!(rules.contains(&rule), "{backend}: {rules:?}");
        }
        for (code, expected) in [
            (
                "et",
                [
                    "Ametikohal ei ole vahetut juhti.",
                    "mida nõuab avaliku teenistuse seadus (ATS § 52 lg 1): haridus.",
                    "Kirjuta ametijuhendi uude versiooni: haridus.",
                    ", versioon 1",
                ],
            ),
            (
                "ru",
                [
                    "У должности нет непосредственного руководителя.",
                    "Закон о государственной службе (§ 52 ч. 1): образование.",
                    "Впишите в новую версию должностной инструкции: образование.",
                    ", версия 1",
                ],
            ),
        ] {
            let page = hr.get(&format!("/checks?lang={code}"));
            assert_eq!(page.status, 200, "{backend} {code}");
            assert!(page.body.contains(&format!("lang=\"{code}\"")), "{code}");
            let text = text_of(&page.body);
            for sentence in expected {
                assert!(
                    text.contains(sentence),
                    "{backend} {code}: {sentence} in {text}"
                );
            }
            // No finding's English message or fix, nor an English record name.
            for f in findings {
                for field in ["message", "fix"] {
                    let english = f[field].as_str().expect("a text");
                    assert!(!text.contains(english), "{backend} {code}: {english}");
                }
            }
            for english in ["version 1", "stands in for", "the supervisor", " the "] {
                assert!(
                    !text.contains(english),
                    "{backend} {code}: {english} in {text}"
                );
            }
            assert!(!text.contains("lint-"), "{backend} {code}: a raw key");
        }
    }
}
