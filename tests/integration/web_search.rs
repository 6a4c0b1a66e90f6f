//! Search in the web application (`/search`) and the JSON API (`/api/search`), black-box: the
//! page in every language, links to the exact section, facets and filters, permissions, and an
//! index that follows every change (web edits, deletions, a restore while the server was
//! stopped) and survives another server holding it.

use crate::support::{Client, Registry, Server, enc, sample_json};
use serde_json::Value;
use std::time::{Duration, Instant};

const ROLES: [&str; 5] = ["admin", "hr", "manager", "staff", "auditor"];

/// A client signed in as one of the demo accounts (password `demo-<name>`). The servers of
/// these tests hold the four real job descriptions only ([`Registry::serve_real_documents`]).
fn signed_in<'s>(server: &'s Server, user: &str) -> Client<'s> {
    let mut c = Client::new(server);
    let r = c.login(user, &format!("demo-{user}"));
    assert_eq!(r.status, 303, "{user} could not sign in: {}", r.body);
    c
}

/// `/api/search?…` as JSON (200 expected).
fn api(c: &mut Client, query: &str) -> Value {
    let r = c.get(&format!("/api/search?{query}"));
    assert_eq!(r.status, 200, "/api/search?{query}: {}", r.body);
    r.json()
}

fn titles(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Asks until `done` holds (at most 10 seconds): the index follows writes by itself.
fn eventually(c: &mut Client, query: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let results = api(c, query);
        if done(&results) {
            return results;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "/api/search?{query} did not follow the change: {results}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The value of the first `attr="…"` after `marker` in `html`.
fn attr_after(html: &str, marker: &str, attr: &str) -> Option<String> {
    let rest = &html[html.find(marker)?..];
    let start = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    Some(rest[start..].split('"').next()?.replace("&#38;", "&"))
}

#[test]
fn the_results_page_speaks_every_language_and_marks_the_matches() {
    let reg = Registry::sqlite();
    let server = reg.serve_real_documents();
    let mut c = signed_in(&server, "admin");
    // The layout's search box leads here, on every page.
    let home = c.get("/");
    assert!(home.body.contains("action=\"/search\""), "{}", home.body);
    assert!(home.body.contains("id=\"site-search\""));
    for (lang, count, heading) in [
        ("et", "Leiti 1 tulemus", "Otsing"),
        ("en", "1 result found", "Search"),
        ("ru", "Найден 1 результат", "Поиск"),
    ] {
        let r = c.get(&format!(
            "/search?q={}&lang={lang}",
            enc("kasutajaõiguste andmine")
        ));
        assert_eq!(r.status, 200, "{lang}: {}", r.body);
        let body = &r.body;
        assert!(body.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(body.contains(&format!("<h1>{heading}</h1>")), "{lang}");
        assert!(body.contains(count), "{lang}: no '{count}' in {body}");
        assert!(body.contains("role=\"search\""), "{lang}");
        assert!(body.contains("aria-live=\"polite\""), "{lang}");
        assert!(body.contains("<mark>"), "{lang}: nothing marked");
        assert!(
            !body.contains(">search-"),
            "{lang}: an untranslated key shows"
        );
    }
    // Nothing found: a message with hints, not an error.
    let none = c.get("/search?q=zzzyyyxxx&lang=en");
    assert_eq!(none.status, 200);
    assert!(none.body.contains("Nothing was found for “zzzyyyxxx”."));
    assert!(none.body.contains("Hints"));
}

#[test]
fn a_hit_links_to_the_exact_section_of_the_position_page() {
    let reg = Registry::sqlite();
    let server = reg.serve_real_documents();
    let mut c = signed_in(&server, "staff");
    let found = api(&mut c, &format!("q={}", enc("\"kasutajaõiguste andmine\"")));
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["hits"][0]["section"], "duties[1]");
    let id = found["hits"][0]["id"].as_str().expect("an id").to_string();

    let page = c.get(&format!("/search?q={}", enc("\"kasutajaõiguste andmine\"")));
    let section = format!("/positions/{id}#duties-1");
    assert!(
        page.body.contains(&format!("href=\"{section}\"")),
        "no link to {section}: {}",
        page.body
    );
    assert!(page.body.contains(&format!("href=\"/positions/{id}\"")));
    let position = c.get(&format!("/positions/{id}"));
    assert_eq!(position.status, 200);
    assert!(
        position.body.contains("id=\"duties-1\""),
        "the position page has no anchor duties-1"
    );
}

#[test]
fn facets_and_filters_narrow_the_results() {
    let reg = Registry::sqlite();
    let server = reg.serve_real_documents();
    let mut c = signed_in(&server, "hr");
    let positions = api(&mut c, "kind=position");
    assert_eq!(positions["total"], 4, "{positions}");

    // A unit below the agency: its count is what the unit filter finds.
    let units = positions["facets"]["unit"].as_array().expect("unit facets");
    let unit = units
        .iter()
        .find(|u| u["count"].as_u64() < Some(4))
        .expect("a unit with some of the positions");
    let narrowed = api(
        &mut c,
        &format!("kind=position&unit={}", unit["value"].as_str().unwrap()),
    );
    assert_eq!(narrowed["total"], unit["count"], "{narrowed}");

    // The page shows the same facet as a link that adds the filter, named, not as an id.
    let page = c.get("/search?kind=position&lang=en");
    let href = attr_after(&page.body, "id=\"facet-unit\"", "href").expect("a unit facet link");
    assert!(
        href.contains("kind=position") && href.contains("unit="),
        "{href}"
    );
    // (`?lang=` is for one request: the link does not carry it.)
    assert!(!href.contains("lang="), "{href}");
    let followed = c.get(&format!("{href}&lang=en"));
    assert_eq!(followed.status, 200);
    assert!(
        followed.body.contains("Active filters"),
        "{}",
        followed.body
    );

    // The language requirement: only the web manager needs Russian at B1 or better.
    let ru = api(&mut c, "language=ru&min_level=B1&kind=position");
    assert_eq!(titles(&ru), vec!["Veebihaldur"], "{ru}");
    assert_eq!(api(&mut c, "language=ru&min_level=C1")["total"], 0);
    let page = c.get("/search?language=ru&min_level=B1&kind=position&lang=en");
    assert!(page.body.contains(">Veebihaldur</a>"), "{}", page.body);
    assert!(page.body.contains("1 result found"));

    // A status and a staff group.
    let drafts = api(&mut c, "kind=position&status=draft");
    let signed = api(&mut c, "kind=position&status=signed");
    let both = api(&mut c, "kind=position&status=draft&status=signed");
    assert_eq!(
        both["total"].as_u64(),
        Some(drafts["total"].as_u64().unwrap() + signed["total"].as_u64().unwrap())
    );
    let officials = api(&mut c, "kind=position&staff_group=official")["total"]
        .as_u64()
        .unwrap();
    let employees = api(&mut c, "kind=position&staff_group=employee")["total"]
        .as_u64()
        .unwrap();
    assert_eq!(officials + employees, 4);
}

#[test]
fn unknown_filter_values_are_refused_clearly() {
    let reg = Registry::sqlite();
    let server = reg.serve_real_documents();
    let mut c = signed_in(&server, "auditor");
    for query in [
        "q=a&status=lost",
        "unit=not-a-unit",
        "unit=00000000-0000-4000-8000-000000000000",
        "role_card=00000000-0000-4000-8000-000000000000",
        "language=russian",
        "min_level=B1",
        "language=ru&min_level=Z9",
        "staff_group=boss",
        "kind=people",
        "family=Tundmatu%20pere",
        "level=9Z",
        "page=abc",
        "page=0",
    ] {
        let r = c.get(&format!("/api/search?{query}"));
        assert_eq!(r.status, 400, "/api/search?{query}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "bad_request");
        let page = c.get(&format!("/search?{query}&lang=en"));
        assert_eq!(page.status, 400, "/search?{query}: {}", page.body);
        assert!(
            page.body.contains("class=\"error-summary\""),
            "/search?{query}: no message"
        );
        assert!(page.body.contains("role=\"search\""), "the form is shown");
    }
    let r = c.get("/api/search?status=lost");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("status: 'lost'"),
        "{}",
        r.body
    );
    let page = c.get("/search?q=a&status=lost&lang=en");
    assert!(page.body.contains("id=\"status-error\""));
    assert!(page.body.contains("aria-describedby=\"status-error\""));
}

#[test]
fn search_needs_a_session_and_every_role_finds_what_it_may_read() {
    let reg = Registry::sqlite();
    let server = reg.serve_real_documents();
    let r = server.get("/api/search?q=veebilehtede");
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"]["code"], "unauthorized");
    let r = server.get("/search?q=veebilehtede");
    assert_eq!(r.status, 303);
    assert!(r.header("location").unwrap_or("").starts_with("/login"));
    // Every role reads the whole registry today (access::readable), so finds the same.
    let mut totals = Vec::new();
    for role in ROLES {
        let mut c = signed_in(&server, role);
        totals.push(api(&mut c, "q=veebilehtede")["total"].clone());
    }
    assert!(
        totals.iter().all(|t| t == &totals[0] && t != 0),
        "{totals:?}"
    );
}

#[test]
fn the_index_follows_edits_deletions_and_restores_on_both_backends() {
    for (backend, reg) in Registry::both() {
        let server = reg.serve_real_documents();
        let mut c = signed_in(&server, "hr");

        // A job description edited through the web editor is found by its new text.
        assert_eq!(api(&mut c, "q=kvantarvutid")["total"], 0, "{backend}");
        let drafts = api(&mut c, "kind=position&status=draft");
        let id = drafts["hits"][0]["id"]
            .as_str()
            .expect("a position with a draft")
            .to_string();
        let editor = c.get(&format!("/positions/{id}/job-description/edit"));
        assert_eq!(editor.status, 200, "{backend}: {}", editor.body);
        let base = editor.hidden("base_version").expect("base_version");
        let csrf = editor.hidden("csrf").expect("csrf");
        let saved = c.post(
            &format!("/positions/{id}/job-description/edit"),
            &[
                ("csrf", &csrf),
                ("base_version", &base),
                ("purpose", "Töökoha eesmärk on registri pidamine."),
                (
                    "duty-0-text",
                    "<script>alert(1)</script> Kvantarvutite haldamine ja hooldus.",
                ),
                ("op", "save"),
            ],
        );
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        let found = eventually(&mut c, "q=kvantarvutid", |r| r["total"] == 1);
        assert_eq!(found["hits"][0]["id"], id.as_str(), "{backend}");
        assert_eq!(found["hits"][0]["section"], "duties[0]", "{backend}");
        // The duty's markup is text: escaped on the results page, only the match is marked.
        let page = c.get("/search?q=kvantarvutid");
        assert!(
            page.body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kvantarvutite</mark>"),
            "{backend}: {}",
            page.body
        );
        assert!(!page.body.contains("<script>"), "{backend}");
        let anchor = format!("/positions/{id}#duties-0");
        assert!(
            page.body.contains(&format!("href=\"{anchor}\"")),
            "{backend}"
        );
        assert!(
            c.get(&format!("/positions/{id}"))
                .body
                .contains("id=\"duties-0\""),
            "{backend}"
        );

        // A new position is found by its title; removed, it is found no more.
        let unit = api(&mut c, "kind=unit")["hits"][0]["id"]
            .as_str()
            .expect("a unit")
            .to_string();
        let created = c.post(
            "/positions",
            &[
                ("csrf", &csrf),
                ("title", "Kvantmehaanik"),
                ("unit", &unit),
                ("staff_group", "official"),
            ],
        );
        assert_eq!(created.status, 303, "{backend}: {}", created.body);
        let position = created
            .header("location")
            .expect("the new position's address")
            .to_string();
        let found = eventually(&mut c, "q=kvantmehaanik", |r| r["total"] == 1);
        assert_eq!(
            format!("/positions/{}", found["hits"][0]["id"].as_str().unwrap()),
            position
        );
        let removed = c.post(&format!("{position}/delete"), &[("csrf", &csrf)]);
        assert_eq!(removed.status, 303, "{backend}: {}", removed.body);
        eventually(&mut c, "q=kvantmehaanik", |r| r["total"] == 0);
        let page = c.get("/search?q=kvantmehaanik&lang=en");
        assert!(page.body.contains("Nothing was found"), "{backend}");

        // A restore while the server is stopped: the next start finds the new data only.
        assert_eq!(api(&mut c, "q=informeeritus")["total"], 1, "{backend}");
        drop(c);
        drop(server);
        reg.run_with_stdin(&["restore", "--replace", "-"], sample_json().as_bytes())
            .ok();
        let server = reg.serve(&[]);
        let mut c = signed_in(&server, "hr");
        assert_eq!(
            api(&mut c, "q=informeeritus")["total"],
            0,
            "{backend}: stale hit after the restore"
        );
        assert_eq!(api(&mut c, "q=kvantarvutid")["total"], 0, "{backend}");
        let sample = api(&mut c, "q=arusaadavana");
        assert!(sample["total"].as_u64() >= Some(1), "{backend}: {sample}");
    }
}

#[test]
fn a_second_server_on_the_same_data_directory_runs_and_says_search_is_unavailable() {
    let reg = Registry::sqlite();
    let first = reg.serve_real_documents();
    let second = reg.serve(&[]);
    let mut c = signed_in(&second, "admin");
    let page = c.get("/search?q=veebilehtede&lang=en");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("Search is not available right now"),
        "{}",
        page.body
    );
    let r = c.get("/api/search?q=veebilehtede");
    assert_eq!(r.status, 503, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "unavailable");
    // The other pages work all the same.
    assert_eq!(c.get("/positions").status, 200);
    // Once the first server stops, the second takes the index over.
    drop(first);
    let start = Instant::now();
    loop {
        let r = c.get("/api/search?q=veebilehtede");
        if r.status == 200 {
            // The web manager's position and the role card that speaks of "veebilehed".
            assert_eq!(r.json()["total"], 2);
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "search stayed unavailable: {}",
            r.body
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
