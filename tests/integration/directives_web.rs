//! Directives on the web and in the JSON API: HR prepares and registers them (registering
//! approves the annexes), everyone reads them; the command line's side is in `directives`.

use crate::directives::{coordinate_on_the_web, directive_of};
use crate::documents::{assert_pdf, docx_text, get_bytes, header};
use crate::support::Client;
use crate::web_support::{Lang, Site, location, main_of, ui};
use ametijuhend_domain::sample::ids;
use serde_json::Value;

/// The form of `/directives/new` as a browser would send it with `jd` checked.
fn directive_form(csrf: &str, jds: &[String], legal_basis: &str) -> Vec<(String, String)> {
    let mut f = vec![
        ("csrf".to_string(), csrf.to_string()),
        ("unit".into(), String::new()),
        ("status".into(), "draft".into()),
        ("title".into(), String::new()),
        ("legal_basis".into(), legal_basis.into()),
        ("entry".into(), "signing".into()),
        ("retroactive_from".into(), String::new()),
        ("in_force".into(), String::new()),
        ("signer_name".into(), "Maret Maripuu".into()),
        ("signer_title".into(), "peadirektor".into()),
    ];
    for jd in jds {
        f.push(("jd".into(), jd.clone()));
    }
    f
}

fn post(c: &mut Client<'_>, path: &str, fields: &[(String, String)]) -> crate::support::Response {
    let f: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    c.post(path, &f)
}

#[test]
fn web_directives_are_prepared_and_registered_by_hr_and_read_by_everyone() {
    let site = Site::sqlite();
    let head_v3 = ids::job_description(&ids::head_of_department(), 3).to_string();
    let head_v2 = ids::job_description(&ids::head_of_department(), 2).to_string();
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1).to_string();
    let sample_unregistered = ids::unregistered_directive().to_string();

    // Everyone reads the list (linked from the navigation); only HR and admins may prepare.
    for who in ["admin", "hr", "manager", "staff", "auditor"] {
        let mut c = site.client(who);
        let home = c.get("/");
        assert!(
            home.body.contains("href=\"/directives\""),
            "{who}: the navigation links the directives"
        );
        let list = c.get("/directives");
        assert_eq!(list.status, 200, "{who}");
        let main = main_of(&list.body);
        assert!(
            main.contains(&ui(Lang::Et, "directive-unregistered")),
            "{who}"
        );
        assert!(main.contains(&format!("href=\"/directives/{sample_unregistered}\"")));
        let may = matches!(who, "admin" | "hr");
        assert_eq!(main.contains("href=\"/directives/new\""), may, "{who}");
        let show = c.get(&format!("/directives/{sample_unregistered}"));
        assert_eq!(show.status, 200, "{who}");
        assert_eq!(
            show.body.contains("action=\"/directives/"),
            may,
            "{who}: the registration form"
        );
        if !may {
            let csrf = c.csrf();
            let r = c.get("/directives/new");
            assert_eq!(r.status, 403, "{who}");
            let reason = match who {
                "staff" => "denied-staff-reads-only",
                "auditor" => "denied-auditor-reads-only",
                _ => "denied-directives-by-hr",
            };
            assert!(main_of(&r.body).contains(&ui(Lang::Et, reason)), "{who}");
            let r = post(
                &mut c,
                "/directives",
                &directive_form(&csrf, std::slice::from_ref(&head_v3), "Alus:"),
            );
            assert_eq!(r.status, 403, "{who}");
            let r = c.post(
                &format!("/directives/{sample_unregistered}/registration"),
                &[("csrf", &csrf), ("number", "5"), ("date", "2024-01-02")],
            );
            assert_eq!(r.status, 403, "{who}");
        }
    }
    let before = site.export();
    assert!(
        !before.contains("\"number\": \"5\""),
        "nothing was registered by the refused"
    );

    let mut hr = site.client("hr");
    let form = hr.get("/directives/new");
    assert_eq!(form.status, 200);
    let main = main_of(&form.body);
    assert!(
        main.contains("Avaliku teenistuse seaduse § 52 lõigete 1 ja 2"),
        "the default legal basis"
    );
    assert!(
        main.contains(&format!("value=\"{head_v3}\"")),
        "the draft is offered"
    );
    assert!(
        !main.contains(&format!("value=\"{lawyer_v1}\"")),
        "not in coordination by default"
    );
    let filtered = hr.get(&format!(
        "/directives/new?unit={}&status=in_coordination",
        ids::services_department()
    ));
    assert!(main_of(&filtered.body).contains(&format!("value=\"{lawyer_v1}\"")));
    let csrf = hr.csrf();

    // Errors next to their fields; nothing stored.
    let r = post(&mut hr, "/directives", &directive_form(&csrf, &[], ""));
    assert_eq!(r.status, 422);
    let main = main_of(&r.body);
    assert!(main.contains("id=\"jd-error\""), "the choice has its error");
    assert!(main.contains(&ui(Lang::Et, "directive-error-none-chosen")));
    assert!(main.contains("id=\"legal_basis-error\""));
    assert!(main.contains("aria-describedby=\"legal_basis-error\""));
    let r = post(
        &mut hr,
        "/directives",
        &directive_form(&csrf, &[head_v2.clone(), head_v3.clone()], "Alus:"),
    );
    assert_eq!(r.status, 422);
    assert!(main_of(&r.body).contains(&ui(Lang::Et, "directive-error-same-position")));
    let mut bad_date = directive_form(&csrf, std::slice::from_ref(&head_v3), "Alus:");
    bad_date.retain(|(k, _)| k != "entry" && k != "in_force");
    bad_date.push(("entry".into(), "date".into()));
    bad_date.push(("in_force".into(), "31.02.2025".into()));
    let r = post(&mut hr, "/directives", &bad_date);
    assert_eq!(r.status, 422);
    assert!(main_of(&r.body).contains("id=\"in_force-error\""));
    assert!(
        r.body.contains(&format!("value=\"{head_v3}\" checked")),
        "the choice is kept"
    );
    assert_eq!(site.export(), before);

    // Prepared: stored with the template fields and shown as it will print.
    let r = post(
        &mut hr,
        "/directives",
        &directive_form(
            &csrf,
            &[head_v3.clone(), lawyer_v1.clone()],
            "Avaliku teenistuse seaduse § 52 alusel:",
        ),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let to = location(&r);
    assert!(
        to.starts_with("/directives/") && to.ends_with("?created=1"),
        "{to}"
    );
    let id = to
        .trim_start_matches("/directives/")
        .trim_end_matches("?created=1")
        .to_string();
    let page = hr.get(&to);
    assert_eq!(page.status, 200);
    let main = main_of(&page.body);
    assert!(main.contains(&ui(Lang::Et, "directive-created-notice")));
    assert!(main.contains("{regDateTime} nr {regNumber}"));
    assert!(main.contains("1. Kinnitan järgmiste ametikohtade ametijuhendid:"));
    assert!(main.contains("Avaliku teenistuse seaduse § 52 alusel:"));
    assert!(
        main.contains(&format!("href=\"/job-descriptions/{head_v3}\"")),
        "annexes are linked"
    );
    assert!(main.contains(&format!(
        "href=\"/directives/{id}/download?format=docx&amp;template=2024\" download"
    )));
    let doc: Value = serde_json::from_str(&site.export()).unwrap();
    let d = directive_of(&doc, &id);
    assert_eq!(
        d["placeholders"],
        serde_json::json!(["{regNumber}", "{regDateTime}"])
    );
    assert_eq!(d["signer"]["title"], "peadirektor");
    assert_eq!(d["annexes"].as_array().unwrap().len(), 2);

    // The files.
    let (status, headers, body) = get_bytes(&hr, &format!("/directives/{id}/download?format=docx"));
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "content-type"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(
        header(&headers, "content-disposition").starts_with(
            "attachment; filename=\"kaskkiri-registreerimata-ametijuhendite-kinnitamine.docx\"; filename*=UTF-8''K%C3%A4skkiri%20"
        ),
        "{}",
        header(&headers, "content-disposition")
    );
    assert!(docx_text(&body).contains("käskkirjaga nr {regNumber}"));
    let (status, headers, body) = get_bytes(
        &hr,
        &format!("/directives/{id}/download?format=pdf&template=2023"),
    );
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "application/pdf");
    assert_pdf(&body, "directive");

    // Registration: a future date and an empty number are refused next to their fields.
    let reg_path = format!("/directives/{id}/registration");
    let r = hr.post(
        &reg_path,
        &[("csrf", &csrf), ("number", ""), ("date", "2999-01-01")],
    );
    assert_eq!(r.status, 422);
    let main = main_of(&r.body);
    assert!(main.contains("id=\"number-error\""));
    let r = hr.post(
        &reg_path,
        &[("csrf", &csrf), ("number", "17"), ("date", "2999-01-01")],
    );
    assert_eq!(r.status, 422);
    assert!(main_of(&r.body).contains("id=\"date-error\""));
    assert!(
        main_of(&r.body).contains("value=\"17\""),
        "the number is kept"
    );
    let day = ametijuhend_app::Clock::today(&ametijuhend_app::SystemClock) - chrono::Days::new(1);
    let iso = day.format("%Y-%m-%d").to_string();
    let et = day.format("%d.%m.%Y").to_string();
    // Registering approves the annexes: refused (naming each annex) while they are not
    // coordinated, and nothing is written.
    let r = hr.post(
        &reg_path,
        &[("csrf", &csrf), ("number", "17"), ("date", &iso)],
    );
    assert_eq!(r.status, 409, "{}", r.body);
    let main = main_of(&r.body);
    assert!(main.contains("id=\"register-refused\""), "{main}");
    assert!(main.contains("Lisa 1 ("), "{main}");
    assert!(!site.export().contains("\"number\": \"17\""));
    coordinate_on_the_web(&site, &[&head_v3, &lawyer_v1]);
    // Approving an annex by hand instead is refused, in the reader's language.
    let r = crate::workflow::act(
        &mut hr,
        &lawyer_v1,
        &[
            ("action", "approve"),
            ("number", "1-1/999"),
            ("date", &iso),
            ("annex", "5"),
        ],
    );
    assert_eq!(r.status, 409, "{}", main_of(&r.body));
    assert!(
        main_of(&r.body).contains(&ui(Lang::Et, "wf-refused-approval-disagrees")),
        "{}",
        main_of(&r.body)
    );
    let r = hr.post(
        &reg_path,
        &[("csrf", &csrf), ("number", "17"), ("date", &iso)],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        location(&r),
        format!("/directives/{id}?registered=1#notice")
    );
    for v in [&head_v3, &lawyer_v1] {
        assert_eq!(crate::workflow::status_of(&mut hr, v), "approved", "{v}");
    }
    let page = hr.get(&location(&r));
    let main = main_of(&page.body);
    assert!(main.contains(&format!("{et} nr 17")));
    assert!(main.contains(&ui(Lang::Et, "directive-registered-notice")));
    assert!(
        !main.contains(&format!("action=\"{reg_path}\"")),
        "registered: no form"
    );
    let (_, headers, body) = get_bytes(&hr, &format!("/directives/{id}/download?format=docx"));
    assert!(
        header(&headers, "content-disposition")
            .contains("filename=\"kaskkiri-17-ametijuhendite-kinnitamine.docx\"")
    );
    let text = docx_text(&body);
    assert!(
        text.contains(&format!(
            "KINNITATUD\nSotsiaalkindlustusameti peadirektori {et}\nkäskkirjaga nr 17\nLisa 2"
        )),
        "{text}"
    );
    // Once only.
    let r = hr.post(
        &reg_path,
        &[("csrf", &csrf), ("number", "18"), ("date", &iso)],
    );
    assert_eq!(r.status, 409);
    assert!(main_of(&r.body).contains(&ui(Lang::Et, "directive-error-already-registered")));
    let list = hr.get("/directives");
    assert!(main_of(&list.body).contains(&format!("nr 17, {et}")));

    // In English and Russian too.
    for (lang, code) in [(Lang::En, "en"), (Lang::Ru, "ru")] {
        let r = hr.get(&format!("/directives?lang={code}"));
        assert!(
            main_of(&r.body).contains(&ui(lang, "directives-title")),
            "{code}"
        );
        let r = hr.get(&format!("/directives/new?lang={code}"));
        assert!(
            main_of(&r.body).contains(&ui(lang, "directive-choose-legend")),
            "{code}"
        );
    }
    // A missing directive is the 404 page.
    assert_eq!(
        hr.get("/directives/00000000-0000-4000-8000-000000000000")
            .status,
        404
    );
    assert_eq!(hr.get(&reg_path).status, 405);
}

#[test]
fn api_prepares_and_registers_directives_for_hr_only() {
    let site = Site::sqlite();
    let head_v3 = ids::job_description(&ids::head_of_department(), 3).to_string();
    let token = |c: &mut Client<'_>| -> String {
        let s = c.get("/api/session").json();
        s["csrf_token"].as_str().unwrap().to_string()
    };
    let body = format!(
        r#"{{"job_descriptions": ["{head_v3}"], "entry_into_force": {{"kind": "on_date", "date": "2025-03-01"}}}}"#
    );
    let mut staff = site.client("staff");
    let t = token(&mut staff);
    let r = staff.post_json("/api/directives", &body, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 403, "{}", r.body);

    let mut hr = site.client("hr");
    let t = token(&mut hr);
    let r = hr.post_json("/api/directives", &body, &[]);
    assert_eq!(r.status, 403, "no CSRF header: {}", r.body);
    let r = hr.post_json(
        "/api/directives",
        r#"{"job_descriptions": []}"#,
        &[("X-CSRF-Token", &t)],
    );
    assert_eq!(r.status, 422, "{}", r.body);
    let r = hr.post_json("/api/directives", &body, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 201, "{}", r.body);
    let d = r.json();
    assert_eq!(
        d["placeholders"],
        serde_json::json!(["{regNumber}", "{regDateTime}"])
    );
    assert_eq!(d["title"], "Ametijuhendi muutmine");
    assert!(
        d["clauses"].as_array().unwrap().iter().any(|c| c
            .as_str()
            .unwrap()
            .ends_with(". Käskkiri jõustub 01.03.2025.")),
        "{d}"
    );
    let id = d["id"].as_str().unwrap().to_string();
    let path = format!("/api/directives/{id}/registration");
    let r = hr.post_json(
        &path,
        r#"{"number": "9", "date": "2999-01-01"}"#,
        &[("X-CSRF-Token", &t)],
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["code"], "date_in_future");
    let day = (ametijuhend_app::Clock::today(&ametijuhend_app::SystemClock) - chrono::Days::new(1))
        .format("%Y-%m-%d");
    let ok = format!(r#"{{"number": "9", "date": "{day}"}}"#);
    // Its annex is a draft: registering it would approve it, so it is refused and nothing is
    // written.
    let r = hr.post_json(&path, &ok, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "annexes_refused");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("annex 1 (")
    );
    coordinate_on_the_web(&site, &[&head_v3]);
    // A registration sent with an old revision of the directive is stale.
    let stale = format!(r#"{{"number": "9", "date": "{day}", "revision": "0000000000000000"}}"#);
    let r = hr.post_json(&path, &stale, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "stale");
    let r = hr.post_json(&path, &ok, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 200, "{}", r.body);
    let v: Value = hr.get(&format!("/api/job-descriptions/{head_v3}")).json();
    assert_eq!(v["status"], "approved", "{v}");
    assert_eq!(v["approval"]["directive_number"], "9", "{v}");
    assert_eq!(v["approval"]["directive"], id.as_str(), "{v}");
    assert_eq!(r.json()["number"], "9");
    let r = hr.post_json(&path, &ok, &[("X-CSRF-Token", &t)]);
    assert_eq!(r.status, 409);
    assert_eq!(r.json()["error"]["code"], "already_registered");
    let listed = hr.get("/api/directives").json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == id && d["number"] == "9")
    );
}
