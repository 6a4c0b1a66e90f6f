//! Signing in and out: the session cookie, wrong passwords, the login rate limit, where sign-in
//! returns to, CSRF and origin checks on every state-changing request, anonymous requests, and
//! the demo accounts.

use crate::support::{Client, Registry};
use crate::web_support::{Lang, Site, assert_page, location, main_of, password, ui};
use ametijuhend_domain::sample::ids;

/// The `Set-Cookie` header that sets `name`.
fn set_cookie<'r>(r: &'r crate::support::Response, name: &str) -> Option<&'r str> {
    r.headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v.as_str())
        .find(|v| v.starts_with(&format!("{name}=")))
}

fn session_of(c: &Client<'_>) -> Option<String> {
    c.cookies
        .iter()
        .find(|(k, _)| k == "ametijuhend_session")
        .map(|(_, v)| v.clone())
}

#[test]
fn anonymous_requests_go_to_sign_in_and_public_addresses_answer() {
    let site = Site::sqlite();
    let before = site.export();
    let mut c = site.anonymous();
    let r = c.get("/positions?q=jurist");
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/login?next=%2Fpositions%3Fq%3Djurist");
    for path in [
        "/login",
        "/healthz",
        "/api/openapi.json",
        "/static/style.css",
    ] {
        assert_eq!(c.get(path).status, 200, "anonymous GET {path}");
    }
    let login = c.get("/login");
    assert_page(&login, Lang::Et, "the sign-in page");
    // Forms sent without a session change nothing and lead to sign-in.
    let token = login.hidden("csrf").expect("the sign-in form has a token");
    for path in [
        "/units".to_string(),
        format!("/units/{}", ids::services_department()),
        "/positions".into(),
        format!("/positions/{}/delete", ids::lawyer()),
        format!("/positions/{}/job-description/edit", ids::lawyer()),
    ] {
        let r = c.post(
            &path,
            &[
                ("csrf", &token),
                ("name", "X"),
                ("title", "X"),
                ("op", "save"),
            ],
        );
        assert_eq!(r.status, 303, "anonymous POST {path}");
        assert_eq!(location(&r), "/login");
    }
    assert_eq!(site.export(), before, "nothing was written");
}

#[test]
fn sign_in_sets_a_protected_session_cookie_that_expires_and_logout_ends_it() {
    let site = Site::with_args(Registry::sqlite(), &["--session-ttl", "3"]);
    let mut c = site.anonymous();
    let form = c.get("/login");
    let csrf = form.hidden("csrf").unwrap();
    let r = c.post(
        "/login",
        &[
            ("csrf", &csrf),
            ("username", "hr"),
            ("password", &password("hr")),
        ],
    );
    assert_eq!((r.status, location(&r).as_str()), (303, "/"));
    let signed_in = std::time::Instant::now();
    assert_eq!(c.get("/").status, 200, "signed in");
    let cookie = set_cookie(&r, "ametijuhend_session").expect("a session cookie");
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    for a in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/", "Max-Age=3"] {
        assert!(attributes.contains(&a), "{a} in {cookie}");
    }
    let token = attributes[0].trim_start_matches("ametijuhend_session=");
    assert_eq!(token.len(), 64, "a 256-bit token");
    assert!(
        !site.export().contains(token),
        "the token is not in the registry"
    );
    let ttl = std::time::Duration::from_millis(3500);
    std::thread::sleep(ttl.saturating_sub(signed_in.elapsed()));
    let r = c.get("/");
    assert_eq!(r.status, 303, "the session expired");
    assert!(location(&r).starts_with("/login"));

    // Logout (POST with the token) ends the session on the server, not only the cookie.
    let site = Site::sqlite();
    let mut c = site.client("auditor");
    let token = session_of(&c).expect("signed in");
    let csrf = c.csrf();
    // A GET does not sign out; a POST without the form's token is refused.
    let r = c.get("/logout");
    assert_eq!(r.status, 405, "GET /logout");
    assert_page(&r, Lang::Et, "GET /logout");
    assert_eq!(c.post("/logout", &[]).status, 403);
    assert_eq!(c.get("/").status, 200, "still signed in");
    let r = c.post("/logout", &[("csrf", &csrf)]);
    assert_eq!((r.status, location(&r).as_str()), (303, "/login"));
    let cleared = set_cookie(&r, "ametijuhend_session").expect("the cookie is cleared");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let mut replay = site.anonymous();
    replay
        .cookies
        .push(("ametijuhend_session".into(), token.clone()));
    let r = replay.get("/");
    assert_eq!(r.status, 303, "the old session no longer works");
    assert_eq!(replay.get("/api/units").status, 401);
}

#[test]
fn a_wrong_password_is_refused_with_a_message_next_to_the_form() {
    let site = Site::sqlite();
    let mut c = site.anonymous();
    for (username, pw) in [("hr", "wrong-password"), ("nobody", "whatever-it-is")] {
        let form = c.get("/login");
        let csrf = form.hidden("csrf").unwrap();
        let r = c.post(
            "/login",
            &[("csrf", &csrf), ("username", username), ("password", pw)],
        );
        assert_eq!(r.status, 401, "{username}");
        assert_page(&r, Lang::Et, "a failed sign-in");
        let main = main_of(&r.body);
        assert!(main.contains(&ui(Lang::Et, "login-failed")), "{main}");
        assert!(main.contains("id=\"login-error\""));
        assert!(main.contains("aria-describedby=\"login-error\""));
        assert!(
            main.contains(&format!("value=\"{username}\"")),
            "the name stays"
        );
        assert!(!r.body.contains(pw), "the password is not sent back");
        assert!(set_cookie(&r, "ametijuhend_session").is_none());
    }
    // In the language chosen on the sign-in page.
    let page = c.get("/login?lang=ru");
    assert!(
        page.body.contains("action=\"/login?lang=ru\""),
        "the form keeps ?lang="
    );
    let csrf = page.hidden("csrf").unwrap();
    let r = c.post(
        "/login?lang=ru",
        &[("csrf", &csrf), ("username", "hr"), ("password", "wrong")],
    );
    assert_page(&r, Lang::Ru, "a failed sign-in in Russian");
    assert!(main_of(&r.body).contains(&ui(Lang::Ru, "login-failed")));
    assert_eq!(c.get("/").status, 303, "not signed in");
}

#[test]
fn the_sixth_failed_sign_in_in_a_row_is_refused_with_429() {
    let site = Site::sqlite();
    let mut c = site.anonymous();
    let csrf = c.get("/login").hidden("csrf").unwrap();
    let attempt = |c: &mut Client<'_>, username: &str, pw: &str| {
        c.post(
            "/login",
            &[("csrf", &csrf), ("username", username), ("password", pw)],
        )
    };
    for i in 1..=5 {
        assert_eq!(
            attempt(&mut c, "manager", "wrong").status,
            401,
            "attempt {i}"
        );
    }
    let r = attempt(&mut c, "manager", "wrong");
    assert_eq!(r.status, 429, "the sixth attempt");
    assert_page(&r, Lang::Et, "the rate limit page");
    assert!(main_of(&r.body).contains(&ui(Lang::Et, "error-rate-limited")));
    // Even the right password waits now; the limit is per username (upper case too).
    let r = attempt(&mut c, "MANAGER", &password("manager"));
    assert_eq!(r.status, 429);
    assert!(set_cookie(&r, "ametijuhend_session").is_none());
    let r = attempt(&mut c, "hr", &password("hr"));
    assert_eq!(r.status, 303, "another account signs in");
}

#[test]
fn sign_in_returns_to_the_page_asked_for_but_never_to_another_site() {
    let site = Site::sqlite();
    for (next, expected) in [
        ("/positions?q=jurist", "/positions?q=jurist"),
        ("//elsewhere.example/x", "/"),
        ("https://elsewhere.example/", "/"),
        ("/\\elsewhere.example", "/"),
        ("/\t/elsewhere.example/", "/"),
        ("/\n/elsewhere.example/", "/"),
    ] {
        let mut c = site.anonymous();
        let csrf = c.get("/login").hidden("csrf").unwrap();
        let r = c.post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", "staff"),
                ("password", &password("staff")),
                ("next", next),
            ],
        );
        assert_eq!((r.status, location(&r).as_str()), (303, expected), "{next}");
    }
}

#[test]
fn a_form_without_the_sessions_csrf_token_or_from_another_site_changes_nothing() {
    let site = Site::sqlite();
    let division = ids::family_benefits_division().to_string();
    let star = ids::star_support();
    let routes: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            "/units".into(),
            vec![
                ("name", "Uus tiim".into()),
                ("kind", "team".into()),
                ("parent", division.clone()),
            ],
        ),
        (
            format!("/units/{division}"),
            vec![
                ("name", "Perehüvitiste ja toetuste talitus".into()),
                ("kind", "division".into()),
                ("parent", ids::services_department().to_string()),
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
                ("unit", division.clone()),
                ("staff_group", "employee".into()),
            ],
        ),
        (format!("/positions/{}/delete", ids::lawyer()), vec![]),
        (
            format!("/positions/{star}/job-description/edit"),
            vec![
                ("op", "save".into()),
                ("base_version", "2".into()),
                ("purpose", "Uus eesmärk.".into()),
            ],
        ),
    ];
    let before = site.export();
    let mut admin = site.client("admin");
    let own = admin.csrf();
    let other = site.client("hr").csrf();
    assert_ne!(own, other, "each session has its own token");
    let origin = format!("http://{}", site.server.addr);
    for (path, fields) in &routes {
        let form = |token: Option<&str>| {
            let mut f: Vec<(&str, String)> = token
                .map(|t| vec![("csrf", t.to_string())])
                .unwrap_or_default();
            f.extend(fields.iter().cloned());
            f
        };
        let cases: [(&str, Option<&str>, Option<&str>); 5] = [
            ("no token", None, None),
            ("a wrong token", Some(&"0".repeat(64)), None),
            ("another session's token", Some(&other), None),
            ("an empty token", Some(""), None),
            (
                "another site",
                Some(&own),
                Some("https://elsewhere.example"),
            ),
        ];
        for (case, token, from) in cases {
            let f = form(token);
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let headers: Vec<(&str, &str)> = from.map(|o| vec![("Origin", o)]).unwrap_or_default();
            let r = admin.post_with_headers(path, &f, &headers);
            let what = format!("POST {path} with {case}");
            assert_eq!(r.status, 403, "{what}: {}", main_of(&r.body));
            assert_page(&r, Lang::Et, &what);
            assert!(
                main_of(&r.body).contains(&ui(Lang::Et, "denied-csrf")),
                "{what}"
            );
        }
    }
    // The language, sign-out and sign-in forms too.
    assert_eq!(admin.post("/language", &[("lang", "en")]).status, 403);
    assert_eq!(admin.post("/logout", &[]).status, 403);
    let r = admin.get("/");
    assert_eq!(r.status, 200, "still signed in");
    assert_page(&r, Lang::Et, "the language did not change");
    let mut anonymous = site.anonymous();
    anonymous.get("/login");
    let r = anonymous.post(
        "/login",
        &[("username", "admin"), ("password", &password("admin"))],
    );
    assert_eq!(r.status, 403, "sign-in without the form's token");
    assert!(set_cookie(&r, "ametijuhend_session").is_none());
    assert_eq!(site.export(), before, "nothing was written");

    // The same form with the session's token, from this site, goes through.
    let (path, fields) = &routes[0];
    let mut f: Vec<(&str, &str)> = vec![("csrf", &own)];
    f.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    let r = admin.post_with_headers(path, &f, &[("Origin", &origin)]);
    assert_eq!(r.status, 303, "{}", main_of(&r.body));
    assert_ne!(site.export(), before);
}

#[test]
fn each_demo_account_signs_in_with_its_documented_password() {
    let reg = Registry::sqlite();
    let server = reg.serve(&[]);
    let users = reg.run(&["user", "list"]).ok().stdout;
    for (username, role) in [
        ("admin", "administrator"),
        ("hr", "hr"),
        ("manager", "manager"),
        ("staff", "staff"),
        ("auditor", "auditor"),
    ] {
        let line = users
            .lines()
            .find(|l| l.starts_with(&format!("{username}\t")))
            .unwrap_or_else(|| panic!("{username} in user list:\n{users}"));
        assert!(line.contains(&format!("\t{role}\t")), "{line}");
        let mut c = Client::new(&server);
        let r = c.login(username, &format!("demo-{username}"));
        assert_eq!(r.status, 303, "{username} signs in");
        let home = c.get("/");
        assert_eq!(home.status, 200);
        assert!(
            home.body.contains(&ui(Lang::Et, &format!("role-{role}"))),
            "{username}: the role is shown"
        );
        assert_eq!(
            Client::new(&server)
                .login(username, &format!("demo-{username}x"))
                .status,
            401
        );
    }
    // The manager manages Arendusosakond; the staff member holds the STAR support position.
    let manager_line = users.lines().find(|l| l.starts_with("manager\t")).unwrap();
    let mut manager = Client::new(&server);
    manager.login("manager", "demo-manager");
    let units = manager.get("/api/units").json();
    let dept = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "Arendusosakond")
        .expect("the demo registry has Arendusosakond");
    let dept_id = dept["id"].as_str().unwrap();
    assert!(
        manager_line.contains(&format!("unit={dept_id}")),
        "{manager_line}"
    );
    assert_eq!(manager.get(&format!("/units/{dept_id}/edit")).status, 200);
    let mut staff = Client::new(&server);
    staff.login("staff", "demo-staff");
    // The demo staff member holds "Peakasutaja", whose approved job description waits for
    // their acknowledgement: a real task on their start page.
    let home = staff.get("/").body;
    assert!(home.contains("Peakasutaja"), "{home}");
    let tasks = staff.get("/api/tasks").json();
    assert_eq!(tasks["sections"][0]["step"], "acknowledge", "{tasks}");
    assert_eq!(tasks["sections"][0]["scope"], "own_position", "{tasks}");
}
