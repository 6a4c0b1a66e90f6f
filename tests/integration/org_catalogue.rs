//! The organisation tree, the role card catalogue and the competency library at a size where
//! listing every position on one page would not do: the tree counts each unit's positions (the
//! unit's page lists them), and a role card's or a competency's positions come 50 to a page.
//! What the pages count and list equals what the JSON API says of the same registry.

use crate::support::{Client, Registry};
use crate::web_support::main_of;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Every position through the paged API.
fn all_positions(c: &mut Client) -> Vec<Value> {
    let r = c.get("/api/positions?per_page=1000");
    assert_eq!(r.status, 200);
    let total: usize = r.header("x-total-count").unwrap().parse().unwrap();
    let rows = r.json().as_array().unwrap().clone();
    assert_eq!(rows.len(), total, "one page of 1,000 holds the demo");
    rows
}

/// The numbers in `<span class="count">` of the unit tree, by unit id.
fn tree_counts(main: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for part in main.split("<span class=\"count\">").skip(1) {
        let href = part.split("href=\"/units/").nth(1).unwrap();
        let id = href.split('#').next().unwrap().to_string();
        let text = part.split('>').nth(1).unwrap();
        let n: usize = text
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("a count: {text}"));
        out.insert(id, n);
    }
    out
}

/// The position ids a paged list shows, following `rel="next"` from `first`.
fn walk(c: &mut Client, first: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut next = Some(first.to_string());
    let mut pages = 0;
    while let Some(path) = next {
        let r = c.get(&path);
        assert_eq!(r.status, 200, "{path}");
        let main = main_of(&r.body).to_string();
        let section = main.split("id=\"positions\"").nth(1).unwrap();
        let on_page: Vec<String> = section
            .split("href=\"/positions/")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            .collect();
        assert!(on_page.len() <= 50, "{path}: {} rows", on_page.len());
        ids.extend(on_page);
        next = section
            .split("rel=\"next\"")
            .next()
            .filter(|_| section.contains("rel=\"next\""))
            .and_then(|before| before.rsplit("href=\"").next())
            .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"));
        pages += 1;
        assert!(pages < 100, "{first}: the pages end");
    }
    ids
}

#[test]
fn the_tree_counts_and_the_catalogue_pages_list_what_the_registry_holds() {
    let reg = Registry::sqlite();
    let server = reg.serve(&["--demo"]);
    let mut hr = Client::new(&server);
    assert_eq!(hr.login("hr", "demo-hr").status, 303);
    let positions = all_positions(&mut hr);
    assert!(positions.len() > 100, "the demo agency");

    // The tree: each unit with its number of positions, no position listed.
    let tree = hr.get("/units");
    let main = main_of(&tree.body);
    assert!(
        !main.contains("href=\"/positions/"),
        "the tree lists no positions"
    );
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for p in &positions {
        *expected
            .entry(p["unit"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(tree_counts(main), expected);

    // A role card: its positions, 50 to a page, the count above them.
    let mut by_card: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in &positions {
        if let Some(card) = p["role_card"].as_str() {
            by_card
                .entry(card.to_string())
                .or_default()
                .insert(p["id"].as_str().unwrap().to_string());
        }
    }
    let (card, members) = by_card
        .iter()
        .max_by_key(|(_, m)| m.len())
        .expect("positions written from role cards");
    assert!(
        members.len() > 50,
        "a card with more than one page: {}",
        members.len()
    );
    let listed = walk(&mut hr, &format!("/role-cards/{card}"));
    assert_eq!(listed.len(), members.len(), "each position once");
    assert_eq!(listed.iter().cloned().collect::<BTreeSet<_>>(), *members);
    let page = hr.get(&format!("/role-cards/{card}"));
    assert!(
        main_of(&page.body).contains(&format!("{} ametikohta", members.len())),
        "the count"
    );
    let cards = hr.get("/role-cards");
    assert!(main_of(&cards.body).contains(&format!("{} ametikohta", members.len())));

    // A competency: the positions whose speaking version requires it, as many as the library
    // page counts.
    let library = hr.get("/api/competencies").json();
    let mut seen_any = false;
    for c in library.as_array().unwrap().iter().take(12) {
        let id = c["id"].as_str().unwrap();
        let listed = walk(&mut hr, &format!("/competencies/{id}"));
        let unique: BTreeSet<&String> = listed.iter().collect();
        assert_eq!(unique.len(), listed.len(), "{id}: each position once");
        let page = hr.get("/competencies");
        let row = main_of(&page.body)
            .split(&format!("/competencies/{id}\""))
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap()
            .to_string();
        let counted = if listed.is_empty() {
            "0 ametikohta".to_string()
        } else if listed.len() == 1 {
            "1 ametikoht".to_string()
        } else {
            format!("{} ametikohta", listed.len())
        };
        assert!(row.contains(&counted), "{id}: {counted} in {row}");
        seen_any |= !listed.is_empty();
    }
    assert!(seen_any, "the demo's job descriptions require competencies");
}
