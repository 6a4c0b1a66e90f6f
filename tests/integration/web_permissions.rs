//! Who may see and change what, through the pages and the JSON API: every page route for every
//! role (and for anonymous requests), every state-changing route for the roles that must be
//! refused, a manager outside their subtree, and the names of people holding positions.

use crate::support::Client;
use crate::web_support::{ACCOUNTS, Lang, Site, assert_page, escaped, location, main_of, ui};
use ametijuhend_domain::sample::{ids, sample_registry};

/// What a role gets on a route: the page, or the 403 page with this reason.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Page,
    Refused(&'static str),
}

use Want::{Page, Refused};

const STAFF_RO: Want = Refused("denied-staff-reads-only");
const AUDITOR_RO: Want = Refused("denied-auditor-reads-only");
const NOT_STAFF: Want = Refused("denied-staff-not-own-record");
const OUTSIDE: Want = Refused("denied-outside-manager-scope");
const EVERYONE: [Want; 5] = [Page; 5];
/// Editing in the manager's subtree: administrator, HR and the manager.
const EDITORS: [Want; 5] = [Page, Page, Page, STAFF_RO, AUDITOR_RO];
/// Editing outside the manager's subtree: administrator and HR only.
const EDITORS_OUTSIDE: [Want; 5] = [Page, Page, OUTSIDE, STAFF_RO, AUDITOR_RO];
const HISTORY: [Want; 5] = [Page, Page, Page, NOT_STAFF, Page];
const HISTORY_OUTSIDE: [Want; 5] = [Page, Page, OUTSIDE, NOT_STAFF, Page];

/// Every page route with what each account of [`ACCOUNTS`] gets.
fn page_routes() -> Vec<(String, [Want; 5])> {
    let services = ids::services_department();
    let division = ids::family_benefits_division();
    let it = ids::it_department();
    let star = ids::star_support();
    let head = ids::head_of_department();
    let sample = sample_registry();
    let competency = &sample.competencies[0].id;
    vec![
        ("/".into(), EVERYONE),
        ("/units".into(), EVERYONE),
        (format!("/units/{services}"), EVERYONE),
        (format!("/units/{it}"), EVERYONE),
        ("/units/new".into(), EDITORS),
        (format!("/units/new?parent={division}"), EDITORS),
        (format!("/units/new?parent={it}"), EDITORS_OUTSIDE),
        (format!("/units/{services}/edit"), EDITORS),
        (format!("/units/{division}/edit"), EDITORS),
        (format!("/units/{it}/edit"), EDITORS_OUTSIDE),
        (format!("/units/{services}/history"), HISTORY),
        (format!("/units/{it}/history"), HISTORY_OUTSIDE),
        ("/positions".into(), EVERYONE),
        ("/positions?q=jurist".into(), EVERYONE),
        ("/positions/new".into(), EDITORS),
        (format!("/positions/new?unit={division}"), EDITORS),
        (format!("/positions/new?unit={it}"), EDITORS_OUTSIDE),
        (format!("/positions/{star}"), EVERYONE),
        (format!("/positions/{head}"), EVERYONE),
        (format!("/positions/{star}/edit"), EDITORS),
        (format!("/positions/{head}/edit"), EDITORS_OUTSIDE),
        (format!("/positions/{star}/history"), HISTORY),
        (format!("/positions/{head}/history"), HISTORY_OUTSIDE),
        (format!("/positions/{star}/job-description/edit"), EDITORS),
        (
            format!("/positions/{head}/job-description/edit"),
            EDITORS_OUTSIDE,
        ),
        (
            format!("/job-descriptions/{}", ids::job_description(&star, 2)),
            EVERYONE,
        ),
        (
            format!("/job-descriptions/{}", ids::job_description(&head, 3)),
            EVERYONE,
        ),
        ("/role-cards".into(), EVERYONE),
        (
            format!("/role-cards/{}", ids::head_of_department_card()),
            EVERYONE,
        ),
        ("/competencies".into(), EVERYONE),
        (format!("/competencies/{competency}"), EVERYONE),
        // The pages of search, the lifecycle and directives.
        ("/search?q=juhataja".into(), EVERYONE),
        ("/reviews".into(), EVERYONE),
        ("/checks".into(), HISTORY),
        ("/card-updates".into(), EDITORS),
        (
            format!(
                "/compare?a={}&b={}",
                ids::job_description(&head, 2),
                ids::job_description(&head, 3)
            ),
            EVERYONE,
        ),
        ("/directives".into(), EVERYONE),
        (format!("/directives/{}", ids::directive_49()), EVERYONE),
        (
            "/directives/new".into(),
            [
                Page,
                Page,
                Refused("denied-directives-by-hr"),
                STAFF_RO,
                AUDITOR_RO,
            ],
        ),
    ]
}

#[test]
fn every_page_route_answers_every_role_and_refuses_with_the_reason() {
    let site = Site::sqlite();
    let routes = page_routes();

    let mut anonymous = site.anonymous();
    for (path, _) in &routes {
        let r = anonymous.get(path);
        assert_eq!(r.status, 303, "anonymous GET {path}");
        let to = location(&r);
        assert!(
            to.starts_with("/login?next=%2F"),
            "anonymous GET {path} → {to}"
        );
    }

    for (i, account) in ACCOUNTS.iter().enumerate() {
        let mut c = site.client(account);
        for (path, wants) in &routes {
            let what = format!("{account} GET {path}");
            let r = c.get(path);
            match wants[i] {
                Page => {
                    assert_eq!(r.status, 200, "{what}: {}", main_of(&r.body));
                    assert_page(&r, Lang::Et, &what);
                }
                Refused(reason) => {
                    assert_eq!(r.status, 403, "{what}: {}", main_of(&r.body));
                    assert_page(&r, Lang::Et, &what);
                    let main = main_of(&r.body);
                    assert!(main.contains(&ui(Lang::Et, "error-forbidden")), "{what}");
                    assert!(
                        main.contains(&ui(Lang::Et, reason)),
                        "{what}: the page says why ({reason}): {main}"
                    );
                }
            }
        }
    }

    // The reason comes in the language of the page.
    let mut auditor = site.client("auditor");
    let r = auditor.get("/units/new?lang=ru");
    assert_eq!(r.status, 403);
    assert_page(&r, Lang::Ru, "auditor /units/new in Russian");
    assert!(r.body.contains("аудитор видит всё, но ничего не изменяет"));
    assert!(r.body.contains(&ui(Lang::Ru, "error-forbidden")));
    let r = site.client("staff").get("/units/new?lang=en");
    assert!(r.body.contains(&ui(Lang::En, "denied-staff-reads-only")));
}

#[test]
fn the_json_api_needs_a_session_and_every_role_reads_it() {
    let site = Site::sqlite();
    let star = ids::star_support();
    let sample = sample_registry();
    let routes = [
        "/api/units".to_string(),
        format!("/api/units/{}", ids::services_department()),
        "/api/positions".into(),
        format!("/api/positions?unit={}", ids::family_benefits_division()),
        format!("/api/positions/{star}"),
        format!("/api/positions/{star}/job-descriptions"),
        format!("/api/job-descriptions/{}", ids::job_description(&star, 1)),
        "/api/role-cards".into(),
        format!("/api/role-cards/{}", ids::web_admin_card()),
        "/api/role-glossary".into(),
        "/api/competencies".into(),
        format!("/api/competencies/{}", sample.competencies[1].id),
        "/api/directives".into(),
        format!("/api/directives/{}", ids::directive_49()),
    ];
    let mut anonymous = site.anonymous();
    for path in &routes {
        let r = anonymous.get(path);
        assert_eq!(r.status, 401, "anonymous GET {path}");
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.json()["error"]["code"], "unauthorized", "{path}");
    }
    for path in ["/healthz", "/api/openapi.json"] {
        assert_eq!(anonymous.get(path).status, 200, "anonymous GET {path}");
    }
    for account in ACCOUNTS {
        let mut c = site.client(account);
        for path in &routes {
            let r = c.get(path);
            assert_eq!(r.status, 200, "{account} GET {path}: {}", r.body);
            assert_eq!(r.header("content-type"), Some("application/json"));
        }
    }
}

/// A form's address, its fields, and the reason the refusal must give (when it is the access
/// decision's).
type FormRoute<'a> = (String, Vec<(&'a str, &'a str)>, Option<&'a str>);

/// The state-changing routes with forms that an administrator could submit.
fn post_routes() -> Vec<(String, Vec<(&'static str, String)>)> {
    let services = ids::services_department().to_string();
    let division = ids::family_benefits_division().to_string();
    let star = ids::star_support();
    vec![
        (
            "/units".into(),
            vec![
                ("name", "Uus tiim".into()),
                ("kind", "team".into()),
                ("parent", division.clone()),
                ("valid_from", String::new()),
            ],
        ),
        (
            format!("/units/{division}"),
            vec![
                ("name", "Perehüvitiste ja toetuste talitus".into()),
                ("kind", "division".into()),
                ("parent", services.clone()),
                ("valid_from", "01.01.2030".into()),
            ],
        ),
        (
            "/positions".into(),
            vec![
                ("title", "Analüütik".into()),
                ("unit", division.clone()),
                ("staff_group", "official".into()),
            ],
        ),
        (
            format!("/positions/{star}"),
            vec![
                ("title", "Peaspetsialist".into()),
                ("specialisation", "STAR kasutajatugi ja koolitus".into()),
                ("unit", division.clone()),
                ("supervisor", ids::head_of_division().to_string()),
                ("staff_group", "employee".into()),
                ("role_card", ids::web_admin_card().to_string()),
                ("job_family", "IT-testimine".into()),
                ("job_level", "3".into()),
            ],
        ),
        (format!("/positions/{star}/delete"), vec![]),
        (
            format!("/positions/{star}/job-description/edit"),
            vec![
                ("op", "save".into()),
                ("base_version", "2".into()),
                ("purpose", "Uus eesmärk.".into()),
                ("duty-0-text", "Uus tööülesanne.".into()),
            ],
        ),
    ]
}

fn post_with_csrf(c: &mut Client<'_>, path: &str, fields: &[(&'static str, String)]) -> u16 {
    let csrf = c.csrf();
    let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    let r = c.post(path, &form);
    r.status
}

#[test]
fn the_auditor_and_staff_are_refused_every_state_changing_route_and_nothing_is_written() {
    let site = Site::sqlite();
    let before = site.export();
    for (account, reason) in [
        ("auditor", "denied-auditor-reads-only"),
        ("staff", "denied-staff-reads-only"),
    ] {
        let mut c = site.client(account);
        for (path, fields) in post_routes() {
            let csrf = c.csrf();
            let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
            form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            let r = c.post(&path, &form);
            let what = format!("{account} POST {path}");
            assert_eq!(r.status, 403, "{what}: {}", main_of(&r.body));
            assert_page(&r, Lang::Et, &what);
            assert!(
                main_of(&r.body).contains(&ui(Lang::Et, reason)),
                "{what}: the page says why"
            );
        }
        // Directives and the lifecycle's forms: transitions, reviews, drafts from a role card,
        // card updates (a transition's refusal comes from the workflow rules, in their words).
        let head = ids::head_of_department();
        let draft = ids::job_description(&head, 3);
        let in_force = ids::job_description(&head, 2);
        let card = ids::head_of_department_card().to_string();
        let unregistered = ids::unregistered_directive();
        let lifecycle: [FormRoute<'_>; 9] = [
            (
                "/directives".to_string(),
                vec![
                    ("title", "Ametijuhendite kinnitamine"),
                    ("entry", "signing"),
                ],
                Some(reason),
            ),
            (
                format!("/directives/{unregistered}/registration"),
                vec![("number", "1-1/50"), ("date", "01.11.2026")],
                Some(reason),
            ),
            (
                format!("/job-descriptions/{draft}/transitions"),
                vec![("action", "submit")],
                None,
            ),
            (
                format!("/job-descriptions/{in_force}/transitions"),
                vec![("action", "repeal"), ("comment", "Vananenud.")],
                None,
            ),
            (
                format!("/job-descriptions/{draft}/discard"),
                vec![("revision", "")],
                None,
            ),
            (
                format!("/positions/{head}/reviews"),
                vec![("date", "01.11.2026"), ("outcome", "no_change")],
                Some(reason),
            ),
            (
                format!("/positions/{head}/draft-from-role-card"),
                vec![("role_card", &card)],
                Some(reason),
            ),
            (
                format!("/job-descriptions/{in_force}/card-update/take-in"),
                vec![],
                Some(reason),
            ),
            (
                format!("/job-descriptions/{in_force}/card-update/dismiss"),
                vec![],
                Some(reason),
            ),
        ];
        for (path, fields, why) in &lifecycle {
            let csrf = c.csrf();
            let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
            form.extend(fields.iter().copied());
            let r = c.post(path, &form);
            let what = format!("{account} POST {path}");
            assert_eq!(r.status, 403, "{what}: {}", main_of(&r.body));
            assert_page(&r, Lang::Et, &what);
            if let Some(why) = why {
                assert!(main_of(&r.body).contains(&ui(Lang::Et, why)), "{what}: why");
            }
        }
        // The JSON API's lifecycle write.
        let token = c.get("/api/session").json()["csrf_token"]
            .as_str()
            .expect("the session's token")
            .to_string();
        let r = c.post_json(
            &format!("/api/job-descriptions/{draft}/transitions"),
            r#"{"action": "submit"}"#,
            &[("X-CSRF-Token", &token)],
        );
        assert_eq!(r.status, 403, "{account}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "not_permitted");
        // What is theirs to change: the interface language, and signing out.
        let csrf = c.csrf();
        let r = c.post(
            "/language",
            &[("csrf", &csrf), ("lang", "en"), ("return", "/units")],
        );
        assert_eq!((r.status, location(&r).as_str()), (303, "/units"));
        let csrf = c.csrf();
        assert_eq!(c.post("/logout", &[("csrf", &csrf)]).status, 303);
    }
    assert_eq!(site.export(), before, "nothing was written");
    // The administrator may do all of it (so the refusals above were about the role).
    let mut admin = site.client("admin");
    for (path, fields) in post_routes() {
        let status = post_with_csrf(&mut admin, &path, &fields);
        let expected = if path.ends_with("/delete") { 409 } else { 303 };
        assert_eq!(status, expected, "admin POST {path}");
    }
}

#[test]
fn a_manager_edits_inside_their_subtree_only() {
    let site = Site::sqlite();
    let it = ids::it_department().to_string();
    let services = ids::services_department().to_string();
    let division = ids::family_benefits_division().to_string();
    let head = ids::head_of_department();
    let star = ids::star_support();
    let mut manager = site.client("manager");
    let before = site.export();

    let outside: Vec<(String, Vec<(&'static str, String)>)> = vec![
        // A unit under a unit outside the subtree, and one at the top of the tree.
        (
            "/units".into(),
            vec![
                ("name", "Võõras tiim".into()),
                ("kind", "team".into()),
                ("parent", it.clone()),
            ],
        ),
        (
            "/units".into(),
            vec![("name", "Uus amet".into()), ("kind", "agency".into())],
        ),
        // Renaming a unit outside the subtree.
        (
            format!("/units/{it}"),
            vec![
                ("name", "IT osakond".into()),
                ("kind", "department".into()),
                ("parent", ids::agency().to_string()),
                ("valid_from", "01.01.2030".into()),
            ],
        ),
        // Moving a unit of the subtree under a unit outside it.
        (
            format!("/units/{division}"),
            vec![
                ("name", "Perehüvitiste talitus".into()),
                ("kind", "division".into()),
                ("parent", it.clone()),
                ("valid_from", "01.01.2030".into()),
            ],
        ),
        // Moving the manager's own unit elsewhere in the tree.
        (
            format!("/units/{services}"),
            vec![
                ("name", "Teenuste osakond".into()),
                ("kind", "department".into()),
                ("parent", it.clone()),
                ("valid_from", "01.01.2030".into()),
            ],
        ),
        // A position in a unit outside the subtree.
        (
            "/positions".into(),
            vec![
                ("title", "Analüütik".into()),
                ("unit", it.clone()),
                ("staff_group", "official".into()),
            ],
        ),
        // Changing a position outside the subtree.
        (
            format!("/positions/{head}"),
            vec![
                ("title", "Osakonna juhataja".into()),
                ("unit", it.clone()),
                ("staff_group", "official".into()),
            ],
        ),
        // Moving a position of the subtree out of it.
        (
            format!("/positions/{star}"),
            vec![
                ("title", "Peaspetsialist".into()),
                ("unit", it.clone()),
                ("staff_group", "employee".into()),
            ],
        ),
        (format!("/positions/{head}/delete"), vec![]),
        (
            format!("/positions/{head}/job-description/edit"),
            vec![
                ("op", "save".into()),
                ("base_version", "3".into()),
                ("purpose", "Juhtida osakonda.".into()),
            ],
        ),
        (
            format!("/positions/{head}/job-description/edit"),
            vec![("op", "add-duty".into()), ("base_version", "3".into())],
        ),
    ];
    for (path, fields) in &outside {
        let csrf = manager.csrf();
        let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
        let r = manager.post(path, &form);
        let what = format!("manager POST {path} {fields:?}");
        assert_eq!(r.status, 403, "{what}: {}", main_of(&r.body));
        assert!(
            main_of(&r.body).contains(&ui(Lang::Et, "denied-outside-manager-scope")),
            "{what}: the page says why"
        );
    }
    assert_eq!(site.export(), before, "nothing was written");

    // Inside the subtree the same kinds of change are made.
    let inside: Vec<(String, Vec<(&'static str, String)>)> = vec![
        (
            "/units".into(),
            vec![
                ("name", "Toetuste tiim".into()),
                ("kind", "team".into()),
                ("parent", division.clone()),
            ],
        ),
        (
            format!("/units/{division}"),
            vec![
                ("name", "Perehüvitiste ja toetuste talitus".into()),
                ("kind", "division".into()),
                ("parent", services.clone()),
                ("valid_from", "01.01.2030".into()),
            ],
        ),
        (
            "/positions".into(),
            vec![
                ("title", "Analüütik".into()),
                ("unit", division.clone()),
                ("staff_group", "official".into()),
            ],
        ),
    ];
    for (path, fields) in &inside {
        assert_eq!(
            post_with_csrf(&mut manager, path, fields),
            303,
            "manager POST {path}"
        );
    }
    let r = manager.get(&format!("/units/{division}/history"));
    assert!(
        r.body.contains("<strong>manager</strong>"),
        "the change is the manager's"
    );
    // The choices of the forms offer the subtree only.
    let r = manager.get("/positions/new");
    let select = r.body.split("id=\"unit\"").nth(1).unwrap_or_default();
    let select = select.split("</select>").next().unwrap_or_default();
    assert!(select.contains(&division) && select.contains(&services));
    assert!(
        !select.contains(&it),
        "a unit outside the subtree is offered"
    );
}

#[test]
fn staff_see_the_holder_of_their_own_position_only() {
    let site = Site::sqlite();
    let star = ids::star_support();
    let lawyer = ids::lawyer();
    let head = ids::head_of_department();

    let mut staff = site.client("staff");
    let own = staff.get(&format!("/positions/{star}"));
    assert!(own.body.contains("Jüri Šokolaad-Žukov"), "own holder shown");
    for (id, name) in [(&lawyer, "Mari Maasikas"), (&head, "Õie Ääremaa")] {
        let r = staff.get(&format!("/positions/{id}"));
        assert_eq!(r.status, 200);
        assert!(!r.body.contains(name), "staff see {name} on {id}");
        assert!(
            main_of(&r.body).contains(&ui(Lang::Et, "position-holder-hidden")),
            "the page says the holder is not shown"
        );
    }
    // Not on any other page the staff member reaches either.
    for path in ["/", "/units", "/positions", "/role-cards", "/competencies"] {
        let r = staff.get(path);
        for name in ["Mari Maasikas", "Õie Ääremaa"] {
            assert!(!r.body.contains(name), "staff see {name} on {path}");
        }
    }
    let r = staff.get(&format!("/units/{}", ids::legal_team()));
    assert!(!r.body.contains("Mari Maasikas"));

    // Every other role sees the holders.
    for account in ["admin", "hr", "manager", "auditor"] {
        let mut c = site.client(account);
        let r = c.get(&format!("/positions/{lawyer}"));
        assert!(
            r.body.contains("Mari Maasikas"),
            "{account} sees the lawyer's holder"
        );
        let r = c.get(&format!("/positions/{head}"));
        assert!(
            r.body.contains(&escaped("Õie Ääremaa")),
            "{account} sees the holder"
        );
    }
    // The staff member's start page leads to their own position.
    let home = staff.get("/");
    assert!(home.body.contains(&format!("href=\"/positions/{star}\"")));
    assert!(home.body.contains(&ui(Lang::Et, "home-own-position")));
}
