//! The lifecycle of a job description end to end through the web pages: every transition by the
//! role that may do it, the refusals (translated, nothing written), the consent rule blocking
//! approval, the editor refusing a version that is not a draft.

use crate::support::{Client, Registry, Server};
use ametijuhend_domain::sample::{ids, sample_registry};
use ametijuhend_domain::{Duty, JobDescription, Person, PersonId, Status, workflow::Workflow};
use serde_json::Value;

/// The division head's position: version 1 in force (an official's), version 2 a draft that
/// adds a main duty (needs the official's consent). The position is held by "Hele Hoidja".
pub fn scenario() -> ametijuhend_domain::Registry {
    let mut r = sample_registry();
    let division = ids::head_of_division();
    let holder = PersonId::derived("Hele Hoidja");
    r.persons.push(Person {
        id: holder.clone(),
        name: "Hele Hoidja".into(),
        email: Some("hele.hoidja@example.invalid".into()),
    });
    let p = r
        .positions
        .iter_mut()
        .find(|p| p.id == division)
        .expect("the division head's position");
    p.assignments = vec![ametijuhend_domain::Assignment {
        person: holder,
        from: None,
        to: None,
    }];
    let v1 = r
        .job_descriptions
        .iter_mut()
        .find(|j| j.position == division)
        .expect("version 1");
    v1.status = Status::InForce;
    v1.effective_from = v1.approval.as_ref().and_then(|a| a.directive_date);
    let mut v2: JobDescription = v1.clone();
    v2.id = ids::job_description(&division, 2);
    v2.version = 2;
    v2.status = Status::Draft;
    v2.approval = None;
    v2.effective_from = None;
    v2.effective_to = None;
    v2.signatures.clear();
    v2.source = None;
    v2.workflow = Workflow::default();
    // The first duty reworded: one word in, the last word out.
    let mut words: Vec<&str> = v2.duties[0].text.split(' ').collect();
    words.pop();
    words.insert(1, "hoolikalt");
    v2.duties[0].text = words.join(" ");
    v2.duties.push(Duty {
        number: "3.99".into(),
        text:
            "Talituse riskijuhtimise süsteemi väljatöötamine ja juurutamine koostöös siseauditiga."
                .into(),
        expected_results: vec!["Riskijuhtimise süsteem on kasutusel.".into()],
    });
    r.job_descriptions.push(v2);
    r.canonicalize();
    r
}

/// A server on the scenario with accounts: hr, hr2 (HR), juht (manager of the division),
/// hele (staff, holds the position), audit (auditor).
pub fn server(reg: &Registry) -> Server {
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
    reg.add_user("audit", "audit-password", &["--role", "auditor"]);
    reg.serve(&["--no-demo"])
}

pub fn signed_in<'s>(server: &'s Server, user: &str) -> Client<'s> {
    let mut c = Client::new(server);
    assert_eq!(c.login(user, &format!("{user}-password")).status, 303);
    c
}

pub fn v1() -> String {
    ids::job_description(&ids::head_of_division(), 1).to_string()
}

pub fn v2() -> String {
    ids::job_description(&ids::head_of_division(), 2).to_string()
}

pub fn today() -> String {
    ametijuhend_app::Clock::today(&ametijuhend_app::SystemClock).to_string()
}

/// POSTs a transition form as `client`.
pub fn act(c: &mut Client<'_>, id: &str, fields: &[(&str, &str)]) -> crate::support::Response {
    let csrf = c.csrf();
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    c.post(&format!("/job-descriptions/{id}/transitions"), &all)
}

pub fn status_of(c: &mut Client<'_>, id: &str) -> String {
    let v: Value = c.get(&format!("/api/job-descriptions/{id}")).json();
    v["status"].as_str().unwrap_or_default().to_string()
}

#[track_caller]
fn done(r: &crate::support::Response) {
    assert_eq!(r.status, 303, "{}", r.body);
}

#[test]
fn the_full_lifecycle_by_the_right_roles_supersedes_the_version_in_force() {
    for (backend, reg) in Registry::both() {
        let server = server(&reg);
        let mut hr = signed_in(&server, "hr");
        let mut juht = signed_in(&server, "juht");
        let mut hele = signed_in(&server, "hele");
        let (v1, v2) = (v1(), v2());

        // The version page shows the status, the consent verdict and the actions.
        let page = juht.get(&format!("/job-descriptions/{v2}"));
        assert_eq!(page.status, 200, "{backend}");
        assert!(page.body.contains("vajab ametniku nõusolekut"), "{backend}");
        assert!(page.body.contains("lisandus ülesanne 3.99"), "{backend}");
        assert!(page.body.contains("value=\"submit\""), "{backend}");

        done(&act(&mut juht, &v2, &[("action", "submit")]));
        assert_eq!(status_of(&mut hr, &v2), "in_coordination");
        done(&act(
            &mut juht,
            &v2,
            &[("action", "sign_off_as_supervisor")],
        ));
        done(&act(
            &mut hr,
            &v2,
            &[("action", "sign_off_as_hr"), ("comment", "Sobib.")],
        ));
        // Approval is blocked until the consent is recorded.
        let today = today();
        let approve = [
            ("action", "approve"),
            ("number", "1-1/77"),
            ("date", today.as_str()),
            ("annex", "3"),
        ];
        let refused = act(&mut hr, &v2, &approve);
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        assert!(
            refused
                .body
                .contains("Kinnitada ei saa: vaja on (ametniku nõusolek)"),
            "{backend}: {}",
            refused.body
        );
        assert_eq!(status_of(&mut hr, &v2), "in_coordination");
        done(&act(
            &mut hr,
            &v2,
            &[("action", "record_consent"), ("date", today.as_str())],
        ));
        done(&act(&mut hr, &v2, &approve));
        assert_eq!(status_of(&mut hr, &v2), "approved");
        // Not in force before the holder acknowledged it.
        let early = act(&mut hr, &v2, &[("action", "put_in_force")]);
        assert_eq!(early.status, 422, "{backend}");
        assert!(early.body.contains("tutvunud"), "{}", early.body);
        done(&act(
            &mut hele,
            &v2,
            &[("action", "acknowledge"), ("date", today.as_str())],
        ));
        assert_eq!(status_of(&mut hr, &v2), "signed");
        done(&act(&mut hr, &v2, &[("action", "put_in_force")]));
        assert_eq!(status_of(&mut hr, &v2), "in_force");
        assert_eq!(status_of(&mut hr, &v1), "superseded", "{backend}");

        // The history says who did what, when and why.
        let page = hr.get(&format!("/job-descriptions/{v2}"));
        for text in [
            "Esita kooskõlastamiseks",
            "Kooskõlasta vahetu juhina",
            "Sobib.",
            "Kinnita käskkirjaga",
            "Märgi tutvutuks",
            "Jõusta",
            "juht",
        ] {
            assert!(page.body.contains(text), "{backend}: {text}");
        }
        let jd: Value = hr.get(&format!("/api/job-descriptions/{v2}")).json();
        assert_eq!(jd["approval"]["directive_number"], "1-1/77");
        assert_eq!(jd["workflow"]["history"].as_array().unwrap().len(), 7);
        let old: Value = hr.get(&format!("/api/job-descriptions/{v1}")).json();
        assert!(old["effective_to"].is_string(), "{old}");
        // Each transition left an audit entry in the position's history.
        let history = hr.get(&format!("/positions/{}/history", ids::head_of_division()));
        assert!(history.body.contains("ametijuhend jõustus"), "{backend}");
        assert!(history.body.contains("ametijuhend asendati uuemaga"));
    }
}

#[test]
fn refused_transitions_are_translated_and_write_nothing() {
    let reg = Registry::sqlite();
    let server = server(&reg);
    let v2 = v2();
    let mut hele = signed_in(&server, "hele");
    let mut audit = signed_in(&server, "audit");
    let mut hr = signed_in(&server, "hr");
    let before: Value = hr.get(&format!("/api/job-descriptions/{v2}")).json();

    // Wrong role: staff and auditors may not submit.
    for c in [&mut hele, &mut audit] {
        let r = act(c, &v2, &[("action", "submit")]);
        assert_eq!(r.status, 403, "{}", r.body);
        assert!(
            r.body
                .contains("Sinu kontol ei ole õigust teha toimingut „Esita kooskõlastamiseks“"),
            "{}",
            r.body
        );
    }
    // Wrong state: a draft is not approved, signed off or put in force.
    for action in ["sign_off_as_hr", "put_in_force", "return"] {
        let r = act(&mut hr, &v2, &[("action", action), ("comment", "x")]);
        assert_eq!(r.status, 409, "{action}: {}", r.body);
        assert!(r.body.contains("versioon on kavand"), "{}", r.body);
    }
    // Other languages.
    hr.choose_language("en");
    let r = act(&mut hr, &v2, &[("action", "put_in_force")]);
    assert!(
        r.body
            .contains("“Put in force” is not possible: the version is draft"),
        "{}",
        r.body
    );
    hr.choose_language("ru");
    let r = act(&mut hr, &v2, &[("action", "put_in_force")]);
    assert!(
        r.body.contains("Действие «Ввести в действие» невозможно"),
        "{}",
        r.body
    );
    // A bad date is a form error, not a 500.
    let r = act(
        &mut hr,
        &v2,
        &[("action", "record_consent"), ("date", "31.02.2026")],
    );
    assert_eq!(r.status, 422);
    // Return needs a comment (in coordination).
    hr.choose_language("et");
    let mut juht = signed_in(&server, "juht");
    done(&act(&mut juht, &v2, &[("action", "submit")]));
    let r = act(&mut hr, &v2, &[("action", "return"), ("comment", "  ")]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("kirjuta kommentaar"), "{}", r.body);
    // The same person does not sign off twice.
    let mut both = signed_in(&server, "hr");
    done(&act(&mut both, &v2, &[("action", "sign_off_as_hr")]));
    let r = act(&mut both, &v2, &[("action", "sign_off_as_hr")]);
    assert_eq!(r.status, 409, "{}", r.body);

    // Nothing but the submit and the one sign-off was written.
    let after: Value = hr.get(&format!("/api/job-descriptions/{v2}")).json();
    assert_eq!(after["status"], "in_coordination");
    assert_eq!(after["workflow"]["history"].as_array().unwrap().len(), 2);
    assert_eq!(before["purpose"], after["purpose"]);
}

#[test]
fn only_drafts_are_edited() {
    let reg = Registry::sqlite();
    let server = server(&reg);
    let v2 = v2();
    let mut juht = signed_in(&server, "juht");
    let edit = format!(
        "/positions/{}/job-description/edit",
        ids::head_of_division()
    );
    assert_eq!(juht.get(&edit).status, 200);
    done(&act(&mut juht, &v2, &[("action", "submit")]));
    let r = juht.get(&edit);
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("Muuta saab ainult kavandit"), "{}", r.body);
    let csrf = juht.csrf();
    let r = juht.post(
        &edit,
        &[("csrf", &csrf), ("op", "save"), ("base_version", "2")],
    );
    assert_eq!(r.status, 409, "{}", r.body);
    let versions: Value = juht
        .get(&format!(
            "/api/positions/{}/job-descriptions",
            ids::head_of_division()
        ))
        .json();
    assert_eq!(versions.as_array().unwrap().len(), 2);
}

#[test]
fn the_compare_page_marks_inserted_and_deleted_words() {
    let reg = Registry::sqlite();
    let server = server(&reg);
    let mut audit = signed_in(&server, "audit");
    let page = audit.get(&format!("/compare?a={}&b={}", v1(), v2()));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("<ins><span class=\"visually-hidden\">[lisatud: </span>hoolikalt"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<del><span class=\"visually-hidden\">[kustutatud: </span>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Ülesanne 3.99"), "{}", page.body);
    // Pickers: the position's versions, and another position.
    assert!(page.body.contains("name=\"other\""));
    let other = audit.get(&format!(
        "/compare?a={}&other={}",
        v1(),
        ids::head_of_department()
    ));
    assert_eq!(other.status, 200);
    assert!(
        other.body.contains("Osakonna juhataja, versioon 2"),
        "{}",
        other.body
    );
    // The version page links to the comparison with the previous version.
    let version = audit.get(&format!("/job-descriptions/{}", v2()));
    assert!(
        version
            .body
            .contains(&format!("/compare?a={}&amp;b={}", v1(), v2()))
    );
}
