//! The lifecycle in the JSON API: actions, transitions (with and without the CSRF header),
//! consent, compare, reviews and checks.

use crate::support::Client;
use crate::support::Registry;
use crate::workflow::{server, signed_in, status_of, today, v1, v2};
use serde_json::Value;

fn token(c: &mut Client<'_>) -> String {
    let s: Value = c.get("/api/session").json();
    s["csrf_token"].as_str().expect("a token").to_string()
}

fn transition(c: &mut Client<'_>, id: &str, body: &str) -> crate::support::Response {
    let t = token(c);
    c.post_json(
        &format!("/api/job-descriptions/{id}/transitions"),
        body,
        &[("X-CSRF-Token", &t)],
    )
}

#[test]
fn api_transitions_need_the_csrf_header_and_follow_the_domain() {
    let reg = Registry::sqlite();
    let server = server(&reg);
    let (v1, v2) = (v1(), v2());
    let mut juht = signed_in(&server, "juht");
    let mut hr = signed_in(&server, "hr");

    let actions: Value = juht
        .get(&format!("/api/job-descriptions/{v2}/actions"))
        .json();
    assert_eq!(actions["status"], "draft");
    assert!(
        actions["actions"]
            .as_array()
            .unwrap()
            .contains(&"submit".into()),
        "{actions}"
    );
    let consent: Value = juht
        .get(&format!("/api/job-descriptions/{v2}/consent"))
        .json();
    assert_eq!(consent["assessment"]["needs_consent"], true);
    assert_eq!(consent["compared_with"], v1);
    assert!(
        consent["summary"]
            .as_str()
            .unwrap()
            .starts_with("needs the official's consent")
    );

    // Without the header, or as a form, nothing happens.
    let path = format!("/api/job-descriptions/{v2}/transitions");
    let r = juht.post_json(&path, r#"{"action":"submit"}"#, &[]);
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "forbidden");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("X-CSRF-Token")
    );
    let r = juht.post_json(&path, r#"{"action":"submit"}"#, &[("X-CSRF-Token", "0000")]);
    assert_eq!(r.status, 403);
    let t = token(&mut juht);
    // A form (even with the token) is not an action: the API takes JSON.
    let r = juht.post(&path, &[("csrf", &t), ("action", "submit")]);
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(status_of(&mut juht, &v2), "draft");

    // With it: the domain decides.
    let r = transition(&mut juht, &v2, r#"{"action":"submit"}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["to"], "in_coordination");
    assert_eq!(r.json()["record"]["by"], "juht");
    let r = transition(&mut hr, &v2, r#"{"action":"submit"}"#);
    assert_eq!(r.status, 409);
    assert_eq!(r.json()["error"]["code"], "wrong_status");
    let r = transition(&mut juht, &v2, r#"{"action":"sign_off_as_hr"}"#);
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["code"], "not_permitted");
    assert_eq!(
        transition(&mut juht, &v2, r#"{"action":"sign_off_as_supervisor"}"#).status,
        200
    );
    assert_eq!(
        transition(&mut hr, &v2, r#"{"action":"sign_off_as_hr"}"#).status,
        200
    );
    let today = today();
    let approve = format!(r#"{{"action":"approve","number":"1-1/5","date":"{today}","annex":1}}"#);
    let r = transition(&mut hr, &v2, &approve);
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["code"], "consent_missing");
    let consent = format!(r#"{{"action":"record_consent","given_on":"{today}"}}"#);
    assert_eq!(transition(&mut hr, &v2, &consent).status, 200);
    assert_eq!(transition(&mut hr, &v2, &approve).status, 200);
    let ack = format!(r#"{{"action":"acknowledge","date":"{today}"}}"#);
    assert_eq!(transition(&mut hr, &v2, &ack).status, 200);
    let r = transition(&mut hr, &v2, r#"{"action":"put_in_force"}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["superseded"][0], v1);
    let jd: Value = hr.get(&format!("/api/job-descriptions/{v2}")).json();
    // Recorded for the holder by HR: the holder's name.
    assert!(
        jd["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["party"] == "holder" && s["name"] == "Hele Hoidja"),
        "{jd}"
    );
    let bad = transition(&mut hr, &v2, r#"{"action":"fly"}"#);
    assert_eq!(bad.status, 400);
}

#[test]
fn api_reports_compare_reviews_and_checks() {
    let reg = Registry::sqlite();
    let server = server(&reg);
    let mut audit = signed_in(&server, "audit");
    let diff: Value = audit
        .get(&format!("/api/compare?a={}&b={}", v1(), v2()))
        .json();
    let changed: Vec<&Value> = diff["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["change"] != "unchanged")
        .collect();
    assert!(
        changed
            .iter()
            .any(|s| s["section"] == "duty" && s["change"] == "added")
    );
    assert!(changed.iter().any(|s| {
        s["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["kind"] == "inserted" && x["text"].as_str().unwrap().trim() == "hoolikalt")
    }));
    let reviews: Value = audit.get("/api/reviews").json();
    assert!(reviews.as_array().unwrap().iter().any(|u| {
        u["unit_name"] == "Perehüvitiste talitus"
            && u["overdue"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["title"] == "Talituse juhataja")
    }));
    let checks: Value = audit.get("/api/checks").json();
    assert!(
        checks
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "review_overdue"
                && f["fix"].as_str().unwrap().contains("record the review"))
    );
    let mut hele = signed_in(&server, "hele");
    assert_eq!(hele.get("/api/checks").status, 403);
    let doc: Value = audit.get("/api/openapi.json").json();
    for p in [
        "/api/session",
        "/api/job-descriptions/{id}/actions",
        "/api/job-descriptions/{id}/transitions",
        "/api/job-descriptions/{id}/consent",
        "/api/compare",
        "/api/reviews",
        "/api/checks",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
}
