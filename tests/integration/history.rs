//! The history page of a position after a whole lifecycle, in Estonian and Russian: every row
//! names the action, who acted in which capacity, the statuses and dates in the reader's
//! language, the directive linked, times in Europe/Tallinn; no raw keys, no paths into the
//! version's workflow data.

use crate::support::{Client, Registry, Response};
use crate::workflow::{server, signed_in, today, v2};
use ametijuhend_domain::Timestamp;
use ametijuhend_domain::sample::ids;
use serde_json::Value;

fn transition(c: &mut Client<'_>, id: &str, body: &str) -> Response {
    let s: Value = c.get("/api/session").json();
    let t = s["csrf_token"].as_str().expect("a token").to_string();
    let r = c.post_json(
        &format!("/api/job-descriptions/{id}/transitions"),
        body,
        &[("X-CSRF-Token", &t)],
    );
    assert_eq!(r.status, 200, "{body}: {}", r.body);
    r
}

/// The text a reader sees (tags out, askama's escapes undone).
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
        .replace("&amp;", "&")
}

#[test]
fn a_lifecycle_reads_in_words_in_the_history_in_estonian_and_russian() {
    for (backend, reg) in Registry::both() {
        let server = server(&reg);
        let v2 = v2();
        let mut juht = signed_in(&server, "juht");
        let mut hr = signed_in(&server, "hr");
        let today = today();
        transition(&mut juht, &v2, r#"{"action":"submit"}"#);
        transition(
            &mut hr,
            &v2,
            r#"{"action":"return","comment":"Palun täpsusta eesmärki."}"#,
        );
        transition(&mut juht, &v2, r#"{"action":"submit"}"#);
        transition(&mut juht, &v2, r#"{"action":"sign_off_as_supervisor"}"#);
        transition(&mut hr, &v2, r#"{"action":"sign_off_as_hr"}"#);
        let consent = format!(r#"{{"action":"record_consent","given_on":"{today}"}}"#);
        transition(&mut hr, &v2, &consent);
        let approve =
            format!(r#"{{"action":"approve","number":"1-1/124","date":"{today}","annex":2}}"#);
        let approved = transition(&mut hr, &v2, &approve);
        let ack = format!(r#"{{"action":"acknowledge","date":"{today}"}}"#);
        transition(&mut hr, &v2, &ack);
        transition(&mut hr, &v2, r#"{"action":"put_in_force"}"#);

        let jd: Value = hr.get(&format!("/api/job-descriptions/{v2}")).json();
        let directive = jd["approval"]["directive"]
            .as_str()
            .unwrap_or_else(|| panic!("{backend}: the approval names its directive: {jd}"));
        let at = approved.json()["record"]["at"]
            .as_str()
            .expect("the time of the approval")
            .to_string();
        let tallinn = ametijuhend_app::clock::format_local(&Timestamp::parse(&at).expect("a time"));
        let day = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d")
            .expect("a day")
            .format("%d.%m.%Y")
            .to_string();

        let path = format!("/positions/{}/history", ids::head_of_division());
        for (code, expected) in [
            (
                "et",
                [
                    "ametijuhend kinnitati käskkirjaga".to_string(),
                    format!("Kinnitatud käskkirjaga 1-1/124 ({day}, lisa 2)"),
                    "Kommentaar: Palun täpsusta eesmärki.".to_string(),
                    "Mis rollis: vahetu juht".to_string(),
                    "kooskõlastamisel".to_string(),
                    format!("Tutvumise kuupäev: {day}."),
                    format!("Ametniku nõusolek on antud {day}."),
                ],
            ),
            (
                "ru",
                [
                    "должностная инструкция утверждена приказом".to_string(),
                    format!("Утверждена приказом 1-1/124 ({day}, приложение 2)"),
                    "Комментарий: Palun täpsusta eesmärki.".to_string(),
                    "В качестве: непосредственный руководитель".to_string(),
                    "на согласовании".to_string(),
                    format!("Дата ознакомления: {day}."),
                    format!("Согласие служащего дано {day}."),
                ],
            ),
        ] {
            let page = hr.get(&format!("{path}?lang={code}"));
            assert_eq!(page.status, 200, "{backend} {code}");
            assert!(
                page.body
                    .contains(&format!("<a href=\"/directives/{directive}\">")),
                "{backend} {code}: the directive is linked: {}",
                page.body
            );
            let text = text_of(&page.body);
            for sentence in &expected {
                assert!(
                    text.contains(sentence.as_str()),
                    "{backend} {code}: {sentence} in {text}"
                );
            }
            assert!(
                text.contains(&tallinn),
                "{backend} {code}: {tallinn} in {text}"
            );
            for raw in [
                "workflow",
                " › ",
                "action-",
                "put_in_force",
                "in_coordination",
                "sign_off",
                "capacity",
                "approval",
                "signatures",
                "holder",
            ] {
                assert!(!text.contains(raw), "{backend} {code}: {raw} in {text}");
            }
        }

        // The start page's latest changes: the directive's event links to the directive.
        let home = text_of(&hr.get("/?lang=et").body);
        assert!(
            home.contains("käskkiri kanti registrisse"),
            "{backend}: {home}"
        );
        let home = hr.get("/");
        assert!(
            home.body
                .contains(&format!("href=\"/directives/{directive}\"")),
            "{backend}: {}",
            home.body
        );
        assert!(
            !home.body.contains(&format!("/positions/{directive}")),
            "{backend}"
        );
        assert!(!home.body.contains("action-"), "{backend}");
    }
}
