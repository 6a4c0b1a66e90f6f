//! Superseded and repealed versions are read-only on the web and in the API, on both backends:
//! their pages offer no action (no lifecycle form, no editing, no discarding, no signing), and
//! every such request is refused, translated, with nothing written.

use crate::support::{Client, Registry};
use crate::web_support::{Lang, main_of, ui};
use crate::workflow::{server, signed_in, today};
use ametijuhend_domain::sample::ids;

/// The sample's superseded version (the department head's first) and repealed version (the
/// STAR support post's first).
fn read_only_versions() -> [String; 2] {
    [
        ids::job_description(&ids::head_of_department(), 1).to_string(),
        ids::job_description(&ids::star_support(), 1).to_string(),
    ]
}

/// Every lifecycle form of the version page, each with every field it may send.
const ACTIONS: [&str; 10] = [
    "submit",
    "sign_off_as_supervisor",
    "sign_off_as_hr",
    "return",
    "withdraw",
    "record_consent",
    "approve",
    "acknowledge",
    "put_in_force",
    "repeal",
];

fn act(c: &mut Client<'_>, id: &str, action: &str) -> crate::support::Response {
    let csrf = c.csrf();
    let today = today();
    c.post(
        &format!("/job-descriptions/{id}/transitions"),
        &[
            ("csrf", &csrf),
            ("action", action),
            ("comment", "Vananenud."),
            ("date", &today),
            ("number", "1-1/77"),
            ("annex", "1"),
        ],
    )
}

#[test]
fn superseded_and_repealed_versions_offer_nothing_and_refuse_everything() {
    for (backend, reg) in Registry::both() {
        let server = server(&reg);
        let before = reg.run(&["export"]).ok().stdout;
        for account in ["hr", "juht", "hele", "audit"] {
            let mut c = signed_in(&server, account);
            for id in read_only_versions() {
                let what = format!("{backend} {account} {id}");
                let page = c.get(&format!("/job-descriptions/{id}"));
                assert_eq!(page.status, 200, "{what}");
                let main = main_of(&page.body);
                for offered in [
                    format!("/job-descriptions/{id}/transitions"),
                    format!("/job-descriptions/{id}/discard"),
                    format!("/job-descriptions/{id}/signatures"),
                    format!("/job-descriptions/{id}/container"),
                    "/job-description/edit".to_string(),
                ] {
                    assert!(!main.contains(&offered), "{what}: offers {offered}");
                }
                assert!(main.contains(&ui(Lang::Et, "wf-no-actions")), "{what}");
            }
        }

        // Whatever is sent, by HR (who may do the most): refused, nothing written.
        let mut hr = signed_in(&server, "hr");
        let token = hr.get("/api/session").json()["csrf_token"]
            .as_str()
            .unwrap()
            .to_string();
        for id in read_only_versions() {
            let what = format!("{backend} {id}");
            for action in ACTIONS {
                let r = act(&mut hr, &id, action);
                assert_eq!(r.status, 409, "{what}: {action}: {}", main_of(&r.body));
                let r = hr.post_json(
                    &format!("/api/job-descriptions/{id}/transitions"),
                    &format!(r#"{{"action":"{action}","comment":"x","reason":"x","given_on":"{}","date":"{}","number":"1","annex":1}}"#, today(), today()),
                    &[("X-CSRF-Token", &token)],
                );
                assert_eq!(
                    r.json()["error"]["code"],
                    "wrong_status",
                    "{what}: API {action}: {}",
                    r.body
                );
            }
            let csrf = hr.csrf();
            let r = hr.post(
                &format!("/job-descriptions/{id}/discard"),
                &[("csrf", &csrf), ("revision", "")],
            );
            assert_eq!(r.status, 409, "{what}: discard");
            assert_eq!(
                hr.get(&format!("/job-descriptions/{id}/discard")).status,
                409
            );
            // Not issued for signing, and no signed container taken: translated.
            let r = hr.get(&format!("/job-descriptions/{id}/container"));
            assert_eq!(r.status, 409, "{what}: container");
            assert!(
                r.body.contains(&ui(Lang::Et, "sig-refused-read-only")),
                "{what}: {}",
                main_of(&r.body)
            );
            let r = hr.post_multipart(
                &format!("/job-descriptions/{id}/signatures"),
                &[("csrf", &csrf)],
                ("container", "allkirjastatud.asice", b"PK\x03\x04"),
            );
            assert_eq!(r.status, 409, "{what}: upload: {}", main_of(&r.body));
            let r = hr.post_bytes(
                &format!("/api/job-descriptions/{id}/signatures"),
                "application/vnd.etsi.asic-e+zip",
                b"PK\x03\x04",
                &[("X-CSRF-Token", &token)],
            );
            assert_eq!(r.json()["error"]["code"], "read_only", "{what}: {}", r.body);
            // No role card update is taken in from it or dismissed on it.
            for answer in ["take-in", "dismiss"] {
                let r = hr.post(
                    &format!("/job-descriptions/{id}/card-update/{answer}"),
                    &[("csrf", &csrf)],
                );
                assert_eq!(r.status, 409, "{what}: card update {answer}");
            }
        }
        assert_eq!(
            reg.run(&["export"]).ok().stdout,
            before,
            "{backend}: nothing was written"
        );
    }
}
