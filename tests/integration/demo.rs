//! The demo registry `serve` loads into a new registry: a generated agency of 150 positions
//! worth exploring (every lifecycle state, a registered directive with annexes and one to
//! register, substitutions both ways, reviews overdue and due), the four real job descriptions
//! placed in its units, and demo accounts with something waiting on their start page — on both
//! backends.

use crate::support::{Client, Registry, Server};
use crate::web_support::{Lang, main_of, ui};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// `/api/tasks` of a demo account: (step, scope, total) of each list, and the directives to
/// register.
fn tasks(server: &Server, user: &str) -> (Vec<(String, String, u64)>, usize) {
    let mut c = Client::new(server);
    assert_eq!(c.login(user, &format!("demo-{user}")).status, 303, "{user}");
    let t = c.get("/api/tasks").json();
    let sections = t["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_string(),
                s["scope"].as_str().unwrap().to_string(),
                s["total"].as_u64().unwrap(),
            )
        })
        .collect();
    (
        sections,
        t["directives_to_register"].as_array().unwrap().len(),
    )
}

fn has(sections: &[(String, String, u64)], step: &str, scope: &str) -> bool {
    sections
        .iter()
        .any(|(s, sc, n)| s == step && sc == scope && *n > 0)
}

fn array<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap()
}

fn parties(jd: &Value) -> Vec<&str> {
    jd["workflow"]["sign_offs"]
        .as_array()
        .map(|s| s.iter().map(|x| x["party"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn a_new_registry_gets_an_agency_worth_exploring_on_both_backends() {
    for (backend, reg) in Registry::both() {
        let started = Instant::now();
        let server = reg.serve(&[]);
        eprintln!("{backend}: the demo started in {:?}", started.elapsed());

        // What waits for each account on its start page.
        let (hr, hr_directives) = tasks(&server, "hr");
        for step in ["sign_off_as_hr", "approve", "acknowledge", "revise"] {
            assert!(
                has(&hr, step, "all"),
                "{backend}: hr has no '{step}': {hr:?}"
            );
        }
        assert!(hr_directives >= 1, "{backend}: no directive to register");
        let (manager, _) = tasks(&server, "manager");
        for step in ["sign_off_as_supervisor", "revise", "submit"] {
            assert!(
                has(&manager, step, "units"),
                "{backend}: manager has no '{step}': {manager:?}"
            );
        }
        // The second manager holds the head of Arendustalitus: sign-offs of those reporting to it.
        let (juht, _) = tasks(&server, "juht");
        assert!(
            has(&juht, "sign_off_as_supervisor", "supervised"),
            "{backend}: juht: {juht:?}"
        );
        let (staff, _) = tasks(&server, "staff");
        assert_eq!(
            staff,
            [("acknowledge".to_string(), "own_position".to_string(), 1)],
            "{backend}"
        );
        let (admin, admin_directives) = tasks(&server, "admin");
        assert!(has(&admin, "put_in_force", "all") && admin_directives >= 1);
        assert_eq!(tasks(&server, "auditor"), (vec![], 0), "{backend}");
        // The reviews overdue in the manager's units are on their start page too.
        let mut manager = Client::new(&server);
        manager.login("manager", "demo-manager");
        let home = manager.get("/").body;
        assert!(
            main_of(&home).contains(&ui(Lang::Et, "review-overdue")),
            "{backend}"
        );
        drop(server);

        let r: Value = serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
        let positions = array(&r, "positions");
        let units = array(&r, "units");
        assert!(
            positions.len() >= 140,
            "{backend}: {} positions",
            positions.len()
        );
        assert!((25..=40).contains(&units.len()), "{} units", units.len());
        // The real documents went into the agency's units: no unit twice.
        let names: HashSet<&str> = units
            .iter()
            .map(|u| u["versions"][0]["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), units.len(), "{backend}: a unit name twice");
        for name in [
            "Teenuste osakond",
            "Arendustalitus",
            "Perehüvitiste valdkonna tiim",
        ] {
            assert!(names.contains(name), "{backend}: no {name}");
        }
        // The real catalogue, not the generator's.
        assert_eq!(array(&r, "role_cards").len(), 14);
        assert!(
            positions
                .iter()
                .filter(|p| p["role_card"].is_string())
                .count()
                > 140
        );

        // Every state of the lifecycle, and in coordination waiting for each party.
        let jds = array(&r, "job_descriptions");
        let status = |s: &str| jds.iter().filter(|j| j["status"] == s).count();
        for s in [
            "draft",
            "in_coordination",
            "approved",
            "signed",
            "in_force",
            "superseded",
            "repealed",
        ] {
            assert!(status(s) > 0, "{backend}: no version is {s}");
        }
        let returned = jds.iter().any(|j| {
            j["status"] == "draft"
                && j["workflow"]["history"]
                    .as_array()
                    .and_then(|h| h.last())
                    .is_some_and(|h| h["action"] == "return" && h["comment"].is_string())
        });
        assert!(returned, "{backend}: no draft returned with a comment");
        let coordination: Vec<Vec<&str>> = jds
            .iter()
            .filter(|j| j["status"] == "in_coordination")
            .map(parties)
            .collect();
        for signed in [vec![], vec!["supervisor"], vec!["hr"]] {
            assert!(coordination.contains(&signed), "{backend}: {signed:?}");
        }

        // Directives: registered ones approving several versions, one still to register.
        let by_id: HashMap<&str, &Value> =
            jds.iter().map(|j| (j["id"].as_str().unwrap(), j)).collect();
        let directives = array(&r, "directives");
        let registered_with_annexes = directives.iter().any(|d| {
            d["number"].is_string()
                && array(d, "annexes").len() >= 2
                && array(d, "annexes").iter().all(|a| {
                    let jd = by_id[a["job_description"].as_str().unwrap()];
                    jd["approval"]["directive"] == d["id"]
                })
        });
        assert!(registered_with_annexes, "{backend}");
        assert!(
            directives
                .iter()
                .any(|d| d["number"].is_null() && !array(d, "annexes").is_empty()),
            "{backend}: no directive to register"
        );

        // Substitutions both ways and one way.
        let links: HashSet<(&str, &str)> = array(&r, "substitutions")
            .iter()
            .map(|s| {
                (
                    s["substitute"].as_str().unwrap(),
                    s["substituted"].as_str().unwrap(),
                )
            })
            .collect();
        let both = links
            .iter()
            .filter(|(a, b)| links.contains(&(*b, *a)))
            .count();
        assert!(
            both > 40 && both < links.len(),
            "{backend}: {both} of {}",
            links.len()
        );

        // Reviews overdue and due within 30 days, on the demo's day.
        let reviews: Value = serde_json::from_str(
            &reg.run(&["reviews", "--json", "--today", "07.12.2026"])
                .ok()
                .stdout,
        )
        .unwrap();
        let count = |key: &str| -> usize {
            reviews
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u[key].as_array().map_or(0, Vec::len))
                .sum()
        };
        assert!(count("overdue") > 10, "{backend}: {reviews}");
        assert!(count("due_soon") > 3, "{backend}: {reviews}");
    }
}
