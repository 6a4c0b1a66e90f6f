//! The HTTP API, black-box: a server on a random port with a fresh registry.

use crate::support::{Client, Registry, Server, sample_json};

fn sample_server(reg: &Registry) -> Server {
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    reg.add_user("reader", "reader-password", &["--role", "auditor"]);
    reg.serve(&[])
}

/// A signed-in client (the API needs a session).
fn reader(server: &Server) -> Client<'_> {
    let mut c = Client::new(server);
    assert_eq!(c.login("reader", "reader-password").status, 303);
    c
}

#[test]
fn the_api_needs_a_session() {
    let reg = Registry::sqlite();
    let server = sample_server(&reg);
    let r = server.get("/api/units");
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"]["code"], "unauthorized");
    assert_eq!(reader(&server).get("/api/units").status, 200);
}

#[test]
fn healthz_answers_on_both_backends() {
    for (backend, reg) in Registry::both() {
        let server = reg.serve(&[]);
        let r = server.get("/healthz");
        assert_eq!(r.status, 200, "{backend}: {}", r.body);
        assert_eq!(r.json()["status"], "ok");
        assert_eq!(r.json()["backend"], backend);
    }
}

#[test]
fn openapi_document_describes_every_path() {
    let reg = Registry::sqlite();
    let server = reg.serve(&[]);
    let r = server.get("/api/openapi.json");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let doc = r.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/units",
        "/api/positions/{id}",
        "/api/job-descriptions/{id}",
        "/api/job-descriptions/{id}/discard",
        "/api/role-cards",
        "/api/search",
        "/healthz",
    ] {
        assert!(doc["paths"].get(path).is_some(), "missing {path}");
    }
}

#[test]
fn records_are_served_as_stored() {
    let reg = Registry::sqlite();
    let server = sample_server(&reg);
    let mut server = reader(&server);
    let sample: serde_json::Value = serde_json::from_str(&sample_json()).unwrap();

    let units = server.get("/api/units").json();
    assert_eq!(
        units.as_array().unwrap().len(),
        sample["units"].as_array().unwrap().len()
    );
    let names: Vec<String> = units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| ametijuhend_domain::text::estonian_cmp(a, b));
    assert_eq!(
        names, sorted,
        "units are not in Estonian alphabetical order"
    );

    for jd in sample["job_descriptions"].as_array().unwrap() {
        let id = jd["id"].as_str().unwrap();
        let got = server.get(&format!("/api/job-descriptions/{id}"));
        assert_eq!(got.status, 200);
        assert_eq!(
            got.json(),
            *jd,
            "job description {id} differs from the stored one"
        );
    }

    for p in sample["positions"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let view = server.get(&format!("/api/positions/{id}")).json();
        assert_eq!(view["title"], p["title"]);
        let expected_for: Vec<&serde_json::Value> = sample["substitutions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["substitute"] == p["id"])
            .map(|s| &s["substituted"])
            .collect();
        let got_for: Vec<&serde_json::Value> =
            view["substitutes_for"].as_array().unwrap().iter().collect();
        assert_eq!(got_for, expected_for, "substitutes_for of {id}");
        let expected_by: Vec<&serde_json::Value> = sample["substitutions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["substituted"] == p["id"])
            .map(|s| &s["substitute"])
            .collect();
        let got_by: Vec<&serde_json::Value> =
            view["substituted_by"].as_array().unwrap().iter().collect();
        assert_eq!(got_by, expected_by, "substituted_by of {id}");
        let versions = server
            .get(&format!("/api/positions/{id}/job-descriptions"))
            .json();
        assert_eq!(
            view["versions"].as_array().unwrap().len(),
            versions.as_array().unwrap().len()
        );
    }

    for (path, key) in [
        ("/api/role-cards", "role_cards"),
        ("/api/competencies", "competencies"),
        ("/api/directives", "directives"),
        ("/api/role-glossary", "role_glossary"),
    ] {
        let got = server.get(path).json();
        assert_eq!(
            got.as_array().unwrap().len(),
            sample[key].as_array().unwrap().len(),
            "{path}"
        );
    }
    for card in sample["role_cards"].as_array().unwrap() {
        let got = server.get(&format!("/api/role-cards/{}", card["id"].as_str().unwrap()));
        assert_eq!(got.json(), *card);
    }
}

#[test]
fn bad_and_missing_ids_get_clear_errors() {
    let reg = Registry::sqlite();
    let server = sample_server(&reg);
    let mut server = reader(&server);
    let r = server.get("/api/positions/not-an-id");
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "bad_request");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not-an-id")
    );

    let r = server.get("/api/positions/00000000-0000-4000-8000-000000000000");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
    assert_eq!(
        server
            .get("/api/positions/00000000-0000-4000-8000-000000000000/job-descriptions")
            .status,
        404
    );
    assert_eq!(server.get("/api/nothing-here").status, 404);
    assert_eq!(server.get("/api/positions?unit=garbage").status, 400);
}

#[test]
fn positions_can_be_listed_by_unit() {
    let reg = Registry::sqlite();
    let server = sample_server(&reg);
    let mut server = reader(&server);
    let sample: serde_json::Value = serde_json::from_str(&sample_json()).unwrap();
    for unit in sample["units"].as_array().unwrap() {
        let id = unit["id"].as_str().unwrap();
        let expected = sample["positions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["unit"] == unit["id"])
            .count();
        let got = server.get(&format!("/api/positions?unit={id}")).json();
        assert_eq!(got.as_array().unwrap().len(), expected, "unit {id}");
    }
}

/// The `rel="next"` address of a `Link` header.
fn next_link(link: &str) -> Option<String> {
    link.split(", ").find_map(|part| {
        let (url, rel) = part.split_once("; ")?;
        (rel == "rel=\"next\"").then(|| url.trim_matches(['<', '>']).to_string())
    })
}

#[test]
fn long_lists_come_in_pages_that_link_to_each_other() {
    let reg = Registry::sqlite();
    let server = sample_server(&reg);
    let mut server = reader(&server);
    for path in [
        "/api/positions",
        "/api/directives",
        "/api/checks",
        "/api/reviews?today=2030-01-01",
    ] {
        let whole = server.get(&format!(
            "{path}{}per_page=1000",
            if path.contains('?') { "&" } else { "?" }
        ));
        assert_eq!(whole.status, 200, "{path}");
        let whole_rows = whole.json().as_array().unwrap().clone();
        let total: usize = whole.header("x-total-count").unwrap().parse().unwrap();
        // Following rel="next" with two rows a page gives the same rows in the same order.
        let mut next = Some(format!(
            "{path}{}per_page=2",
            if path.contains('?') { "&" } else { "?" }
        ));
        let mut walked = Vec::new();
        let mut pages = 0;
        while let Some(address) = next {
            let r = server.get(&address);
            assert_eq!(r.status, 200, "{address}");
            assert_eq!(r.header("x-total-count"), Some(total.to_string().as_str()));
            let rows = r.json().as_array().unwrap().clone();
            assert!(rows.len() <= 2, "{address}: at most two rows");
            walked.extend(rows);
            pages += 1;
            next = next_link(r.header("link").unwrap());
            assert!(pages <= total + 1, "{path}: the pages end");
        }
        if path.starts_with("/api/reviews") {
            // Grouped by unit: a unit continued on the next page is listed again.
            let count = |rows: &[serde_json::Value]| -> usize {
                rows.iter()
                    .map(|u| {
                        ["overdue", "due_soon", "unknown"]
                            .iter()
                            .map(|k| u[*k].as_array().unwrap().len())
                            .sum::<usize>()
                    })
                    .sum()
            };
            assert_eq!(count(&walked), count(&whole_rows), "{path}");
            assert_eq!(count(&whole_rows), total, "{path}");
        } else {
            assert_eq!(walked, whole_rows, "{path}");
            assert_eq!(whole_rows.len(), total, "{path}");
        }
        assert!(
            total >= 2,
            "{path}: the sample lists more than one page of two"
        );
    }
    // Without parameters: the first 100.
    let r = server.get("/api/positions");
    assert!(r.json().as_array().unwrap().len() <= 100);
    for bad in ["page=0", "per_page=0", "per_page=1001", "page=x"] {
        let r = server.get(&format!("/api/positions?{bad}"));
        assert_eq!(r.status, 400, "{bad}");
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("whole number"),
            "{bad}"
        );
    }
}
