//! Discarding a draft end to end, on both backends: from the version page through the
//! confirmation page (a form with the CSRF token and the revision, no JavaScript), in the JSON
//! API and with `workflow discard`. Refusals are translated and write nothing; after it the
//! position page confirms it, the history keeps it, the task list and the search index drop it.

use crate::support::{Client, Registry};
use crate::web_support::{Lang, escaped, location, main_of, translate, ui};
use crate::workflow::{server, signed_in, v1, v2};
use crate::workflow_cli::status;

use ametijuhend_domain::sample::ids;
use serde_json::Value;

fn head_v3() -> String {
    ids::job_description(&ids::head_of_department(), 3).to_string()
}

fn discard_page(v: &str) -> String {
    format!("/job-descriptions/{v}/discard")
}

/// Whether `/api/tasks` lists version `id` under `step`.
fn listed(c: &mut Client<'_>, step: &str, id: &str) -> bool {
    let t: Value = c.get("/api/tasks").json();
    t["sections"].as_array().unwrap().iter().any(|s| {
        s["step"] == step
            && s["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["job_description"] == id)
    })
}

#[test]
fn a_draft_is_discarded_on_its_page_after_a_confirmation() {
    for (backend, reg) in Registry::both() {
        let server = server(&reg);
        let mut juht = signed_in(&server, "juht");
        let mut hele = signed_in(&server, "hele");
        let mut hr = signed_in(&server, "hr");
        let (v1, v2) = (v1(), v2());
        let division = ids::head_of_division().to_string();
        let export = || reg.run(&["export"]).ok().stdout;

        // Offered on the draft's page to whoever may edit it; not to the holder, and not on the
        // version in force.
        let offer = format!("action=\"{}\"", discard_page(&v2));
        let page = juht.get(&format!("/job-descriptions/{v2}"));
        assert!(main_of(&page.body).contains(&offer), "{backend}");
        assert!(main_of(&page.body).contains(&ui(Lang::Et, "wf-action-discard")));
        let page = hele.get(&format!("/job-descriptions/{v2}"));
        assert!(!page.body.contains(&offer), "{backend}");
        let page = hr.get(&format!("/job-descriptions/{v1}"));
        assert!(!page.body.contains(&discard_page(&v1)), "{backend}");
        assert!(listed(&mut juht, "submit", &v2), "{backend}");

        // The holder is refused, translated, even on the confirmation page.
        let r = hele.get(&discard_page(&v2));
        assert_eq!(r.status, 403, "{backend}");
        assert!(
            r.body
                .contains("Sul ei ole õigust seda kavandit kustutada: teenistuja roll"),
            "{backend}: {}",
            main_of(&r.body)
        );
        let r = hr.get(&format!("{}?lang=en", discard_page(&v1)));
        assert_eq!(r.status, 409, "{backend}");
        assert!(
            r.body
                .contains("The draft cannot be discarded: the version is in force"),
            "{backend}: {}",
            main_of(&r.body)
        );
        hr.get("/?lang=et");
        // A draft a directive lists as an annex is not offered, and refused with the annex named.
        let page = hr.get(&format!("/job-descriptions/{}", head_v3()));
        assert!(!page.body.contains(&discard_page(&head_v3())), "{backend}");
        let r = hr.get(&discard_page(&head_v3()));
        assert_eq!(r.status, 409, "{backend}");
        assert!(
            main_of(&r.body)
                .contains("Kavandit ei saa kustutada: see on registreerimata käskkirja"),
            "{backend}: {}",
            main_of(&r.body)
        );
        assert!(main_of(&r.body).contains("lisa 1."), "{backend}");

        // The confirmation page: what happens, one form with the token and the revision.
        let confirm = juht.get(&discard_page(&v2));
        assert_eq!(confirm.status, 200, "{backend}");
        assert!(main_of(&confirm.body).contains(&ui(Lang::Et, "discard-intro")));
        let csrf = confirm.hidden("csrf").expect("a token");
        let revision = confirm.hidden("revision").expect("the revision");
        assert_eq!(revision.len(), 16);

        // Refused, nothing written: no token, a stale revision, the holder.
        let before = export();
        let r = juht.post(&discard_page(&v2), &[("revision", &revision)]);
        assert_eq!(r.status, 403, "{backend}");
        let r = juht.post(
            &discard_page(&v2),
            &[("csrf", &csrf), ("revision", "00000000000000ff")],
        );
        assert_eq!(r.status, 409, "{backend}");
        assert!(r.body.contains(&ui(Lang::Et, "wf-refused-changed")));
        let hele_csrf = hele.csrf();
        let r = hele.post(
            &discard_page(&v2),
            &[("csrf", &hele_csrf), ("revision", &revision)],
        );
        assert_eq!(r.status, 403, "{backend}");
        assert_eq!(export(), before, "{backend}: nothing was written");

        // Discarded: the position page confirms it where the eye is.
        let r = juht.post(
            &discard_page(&v2),
            &[("csrf", &csrf), ("revision", &revision)],
        );
        assert_eq!(r.status, 303, "{backend}: {}", main_of(&r.body));
        assert_eq!(
            location(&r),
            format!("/positions/{division}?discarded=2#wf-done")
        );
        let page = juht.get(&format!("/positions/{division}?discarded=2"));
        let done = translate(
            Lang::Et,
            "discard-done",
            &[("version", ametijuhend_web::i18n::Arg::from(2u32))],
        );
        assert!(
            main_of(&page.body).contains(&format!(
                "role=\"status\" id=\"wf-done\" tabindex=\"-1\">{}",
                escaped(&done)
            )),
            "{backend}: {}",
            main_of(&page.body)
        );
        assert_eq!(juht.get(&format!("/job-descriptions/{v2}")).status, 404);
        assert_eq!(juht.get(&format!("/api/job-descriptions/{v2}")).status, 404);
        assert_eq!(status(&reg, &v2), "", "{backend}: not in the export");
        assert!(!listed(&mut juht, "submit", &v2), "{backend}");
        // The position's history keeps it.
        let history = hr.get(&format!("/positions/{division}/history"));
        assert!(
            main_of(&history.body).contains(&ui(Lang::Et, "action-job-description-discarded")),
            "{backend}"
        );
        // Sent again: there is nothing to discard.
        let r = juht.post(
            &discard_page(&v2),
            &[("csrf", &csrf), ("revision", &revision)],
        );
        assert_eq!(r.status, 404, "{backend}");
    }
}

#[test]
fn the_api_discards_a_draft_with_the_csrf_header_and_the_search_follows() {
    for (backend, reg) in Registry::both() {
        let server = server(&reg);
        let mut hr = signed_in(&server, "hr");
        let mut hele = signed_in(&server, "hele");
        let (v1, v2) = (v1(), v2());
        let token = |c: &mut Client<'_>| {
            let s: Value = c.get("/api/session").json();
            s["csrf_token"].as_str().unwrap().to_string()
        };
        let path = |v: &str| format!("/api/job-descriptions/{v}/discard");

        let actions: Value = hr
            .get(&format!("/api/job-descriptions/{v2}/actions"))
            .json();
        assert_eq!(actions["discardable"], true, "{backend}: {actions}");
        let revision = actions["revision"].as_str().unwrap().to_string();
        let actions: Value = hele
            .get(&format!("/api/job-descriptions/{v2}/actions"))
            .json();
        assert_eq!(actions["discardable"], false, "{backend}");

        // Refused, with the domain's codes; nothing written.
        let before = reg.run(&["export"]).ok().stdout;
        let r = hr.post_json(&path(&v2), "{}", &[]);
        assert_eq!(r.status, 403, "{backend}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "forbidden");
        let t = token(&mut hele);
        let r = hele.post_json(&path(&v2), "{}", &[("X-CSRF-Token", &t)]);
        assert_eq!(
            (r.status, r.json()["error"]["code"].clone()),
            (403, "not_permitted".into()),
            "{backend}"
        );
        let t = token(&mut hr);
        let h = [("X-CSRF-Token", t.as_str())];
        let stale = hr.post_json(&path(&v2), r#"{"revision":"00000000000000ff"}"#, &h);
        assert_eq!(
            (stale.status, stale.json()["error"]["code"].clone()),
            (409, "changed".into()),
            "{backend}"
        );
        let r = hr.post_json(&path(&v1), "{}", &h);
        assert_eq!(r.json()["error"]["code"], "not_a_draft", "{backend}");
        let r = hr.post_json(&path(&head_v3()), "{}", &h);
        assert_eq!(
            (r.status, r.json()["error"]["code"].clone()),
            (409, "annex_of_directive".into()),
            "{backend}: {}",
            r.body
        );
        for bad in ["[]", r#"{"revison":"x"}"#, "nonsense"] {
            assert_eq!(hr.post_json(&path(&v2), bad, &h).status, 400, "{bad}");
        }
        assert_eq!(reg.run(&["export"]).ok().stdout, before, "{backend}");

        let body = format!(r#"{{"revision":"{revision}"}}"#);
        let r = hr.post_json(&path(&v2), &body, &h);
        assert_eq!(r.status, 200, "{backend}: {}", r.body);
        assert_eq!(r.json()["job_description"], v2.as_str());
        assert_eq!(r.json()["position"], ids::head_of_division().to_string());
        assert_eq!(r.json()["version"], 2);
        assert_eq!(hr.post_json(&path(&v2), "{}", &h).status, 404);

        // A version returned to draft is discarded too; the search index drops its text.
        let lawyer = ids::job_description(&ids::lawyer(), 1).to_string();
        let drafts = |c: &mut Client<'_>| {
            let r: Value = c.get("/api/search?status=draft&kind=position").json();
            r["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["id"] == ids::lawyer().to_string())
        };
        let returned = hr.post_json(
            &format!("/api/job-descriptions/{lawyer}/transitions"),
            r#"{"action":"return","comment":"Ei ole vaja."}"#,
            &h,
        );
        assert_eq!(returned.status, 200, "{backend}: {}", returned.body);
        assert!(drafts(&mut hr), "{backend}: the draft is found");
        assert_eq!(hr.post_json(&path(&lawyer), "{}", &h).status, 200);
        assert!(!drafts(&mut hr), "{backend}: and no longer");
    }
}

#[test]
fn workflow_discard_on_the_command_line() {
    for (backend, reg) in Registry::both() {
        crate::workflow_cli::setup(&reg);
        let (v1, v2) = (v1(), v2());
        let before = reg.run(&["export"]).ok().stdout;
        let refusals = [
            (v2.clone(), "hele", "[not_permitted]"),
            (v1.clone(), "hr", "[not_a_draft]"),
            (head_v3(), "hr", "[annex_of_directive]"),
        ];
        for (v, who, code) in refusals {
            let r = reg.run(&["workflow", "discard", &v, "--as", who]).fails();
            assert!(r.stderr.contains(code), "{backend}: {}", r.stderr);
        }
        let r = reg
            .run(&[
                "workflow",
                "discard",
                &v2,
                "--as",
                "juht",
                "--revision",
                "00000000000000ff",
            ])
            .fails();
        assert!(r.stderr.contains("[stale]"), "{backend}: {}", r.stderr);
        assert_eq!(reg.run(&["export"]).ok().stdout, before, "{backend}");

        let ok = reg.run(&["workflow", "discard", &v2, "--as", "juht"]).ok();
        assert!(
            ok.stdout.contains("version 2") && ok.stdout.contains("draft discarded by juht"),
            "{backend}: {}",
            ok.stdout
        );
        assert_eq!(status(&reg, &v2), "", "{backend}");
        assert_eq!(status(&reg, &v1), "in_force", "{backend}");
    }
}
