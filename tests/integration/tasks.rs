//! "Minu ülesanded" as people meet it: the start page lists what waits for the signed-in
//! person, each row one click from the step; the step taken, the task is gone; the same lists
//! as JSON at /api/tasks; one list in full at /tasks?step=….

use crate::web_support::{Lang, Site, main_of, ui};
use crate::workflow::act;
use ametijuhend_domain::sample::ids;
use serde_json::Value;

fn steps(v: &Value) -> Vec<String> {
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap().to_string())
        .collect()
}

fn listed(v: &Value, step: &str, id: &str) -> bool {
    v["sections"].as_array().unwrap().iter().any(|s| {
        s["step"] == step
            && s["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["job_description"] == id)
    })
}

#[test]
fn the_start_page_is_each_persons_task_list_and_a_step_taken_leaves_it() {
    let site = Site::sqlite();
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1).to_string();
    let unregistered = ids::unregistered_directive().to_string();

    // HR: the HR sign-off, and the directive to register.
    let mut hr = site.client("hr");
    let home = hr.get("/");
    assert_eq!(home.status, 200);
    let main = main_of(&home.body);
    assert!(main.contains(&ui(Lang::Et, "tasks-title")), "{main}");
    assert!(
        main.contains(&ui(Lang::Et, "task-sign-off-as-hr")),
        "{main}"
    );
    assert!(
        main.contains(&format!(
            "href=\"/job-descriptions/{lawyer_v1}#wf-heading\""
        )),
        "the row links to the version's lifecycle panel"
    );
    assert!(main.contains(&format!("href=\"/directives/{unregistered}#register\"")));
    let tasks_at = main.find("id=\"tasks-heading\"").unwrap();
    let counts_at = main.find(&ui(Lang::Et, "home-counts")).unwrap();
    assert!(
        tasks_at < counts_at,
        "tasks first, the registry's counts after"
    );
    let api = hr.get("/api/tasks").json();
    assert!(listed(&api, "sign_off_as_hr", &lawyer_v1), "{api}");
    assert_eq!(
        api["directives_to_register"][0]["id"],
        unregistered.as_str()
    );
    assert!(api["total"].as_u64().unwrap() >= 2);
    // Every page's navigation counts them.
    let units = hr.get("/units");
    let badge = format!("class=\"badge\">{}<", api["total"]);
    assert!(units.body.contains(&badge), "{badge}");

    // The manager of the services department: the supervisor's sign-off of the lawyer.
    let mut manager = site.client("manager");
    let api = manager.get("/api/tasks").json();
    assert!(listed(&api, "sign_off_as_supervisor", &lawyer_v1), "{api}");
    assert!(
        !steps(&api).contains(&"sign_off_as_hr".to_string()),
        "{api}"
    );
    assert!(api["directives_to_register"].as_array().unwrap().is_empty());
    let home = manager.get("/");
    let main = main_of(&home.body);
    assert!(
        main.contains(&ui(Lang::Et, "task-sign-off-as-supervisor")),
        "{main}"
    );
    // One click away: the version's page offers the sign-off.
    let page = manager.get(&format!("/job-descriptions/{lawyer_v1}"));
    assert!(main_of(&page.body).contains("value=\"sign_off_as_supervisor\""));
    let r = act(
        &mut manager,
        &lawyer_v1,
        &[("action", "sign_off_as_supervisor")],
    );
    assert_eq!(r.status, 303, "{}", main_of(&r.body));
    let api = manager.get("/api/tasks").json();
    assert!(!listed(&api, "sign_off_as_supervisor", &lawyer_v1), "{api}");

    // Withdrawn from coordination, it is a draft to submit again, its sign-offs cleared.
    let page = manager.get(&format!("/job-descriptions/{lawyer_v1}"));
    assert!(main_of(&page.body).contains("value=\"withdraw\""));
    let r = act(&mut manager, &lawyer_v1, &[("action", "withdraw")]);
    assert_eq!(r.status, 303, "{}", main_of(&r.body));
    assert_eq!(
        crate::workflow::status_of(&mut manager, &lawyer_v1),
        "draft"
    );
    let api = manager.get("/api/tasks").json();
    assert!(listed(&api, "submit", &lawyer_v1), "{api}");
    let v = manager
        .get(&format!("/api/job-descriptions/{lawyer_v1}"))
        .json();
    assert!(v["workflow"]["sign_offs"].is_null(), "{v}");

    // The holder of the STAR support post has nothing waiting; an auditor neither.
    for who in ["staff", "auditor"] {
        let mut c = site.client(who);
        let home = c.get("/");
        assert!(
            main_of(&home.body).contains(&ui(Lang::Et, "tasks-none")),
            "{who}: {}",
            main_of(&home.body)
        );
        assert_eq!(c.get("/api/tasks").json()["total"], 0, "{who}");
    }

    // One list in full; an unknown list is not found; the API needs a session.
    let page = manager.get("/tasks?step=submit");
    assert_eq!(page.status, 200);
    assert!(main_of(&page.body).contains(&lawyer_v1));
    assert_eq!(hr.get("/tasks?step=nonsense").status, 404);
    assert_eq!(site.anonymous().get("/api/tasks").status, 401);
    let doc = hr.get("/api/openapi.json").json();
    assert!(doc["paths"]["/api/tasks"]["get"].is_object());

    // In English and Russian.
    for (lang, code) in [(Lang::En, "en"), (Lang::Ru, "ru")] {
        let home = hr.get(&format!("/?lang={code}"));
        let main = main_of(&home.body);
        assert!(main.contains(&ui(lang, "tasks-title")), "{code}");
        assert!(main.contains(&ui(lang, "task-directives")), "{code}");
    }
}

#[test]
fn a_coordinated_version_is_approved_through_a_directive_from_its_page() {
    let site = Site::sqlite();
    let mut hr = site.client("hr");
    let mut manager = site.client("manager");

    // A coordinated version: HR is offered preparing a directive with it (the manual approval
    // only folded away, for documents approved outside the registry).
    let lawyer_v1 = ids::job_description(&ids::lawyer(), 1).to_string();
    let link = format!("/directives/new?jd={lawyer_v1}&#38;status=in_coordination");
    let page = hr.get(&format!("/job-descriptions/{lawyer_v1}"));
    assert!(!page.body.contains(&link), "not before the sign-offs");
    for (c, action) in [
        (&mut hr, "sign_off_as_hr"),
        (&mut manager, "sign_off_as_supervisor"),
    ] {
        assert_eq!(act(c, &lawyer_v1, &[("action", action)]).status, 303);
    }
    let page = hr.get(&format!("/job-descriptions/{lawyer_v1}"));
    let main = main_of(&page.body);
    assert!(main.contains(&link), "{main}");
    assert!(
        main.contains("<details class=\"manual-approval\">"),
        "{main}"
    );
    // The manager may not approve: no directive for them.
    let page = manager.get(&format!("/job-descriptions/{lawyer_v1}"));
    assert!(!page.body.contains("/directives/new?jd="));
    // The form has the version chosen.
    let form = hr.get(&link.replace("&#38;", "&"));
    assert_eq!(form.status, 200);
    assert!(
        form.body
            .contains(&format!("name=\"jd\" value=\"{lawyer_v1}\" checked")),
        "{}",
        main_of(&form.body)
    );

    // An annex of a directive not registered yet: its page points to that directive, whose
    // registration approves it, and offers no other directive.
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    let page = hr.get(&format!("/job-descriptions/{head_v3}"));
    let main = main_of(&page.body);
    let unregistered = ids::unregistered_directive();
    assert!(
        main.contains(&format!("href=\"/directives/{unregistered}#register\"")),
        "{main}"
    );
    assert!(!main.contains("/directives/new?jd="), "{main}");
}
