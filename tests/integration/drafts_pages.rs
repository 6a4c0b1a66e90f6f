//! What the editor and the position form offer to choose from: the position's neighbourhood
//! (its unit and the units above it, its supervisor chain, subordinates and substitution
//! partners) and, for a supervisor, the chosen unit and the units above it with the current
//! supervisor — read without loading the registry, and still plain forms that work without
//! JavaScript.

use crate::web_support::{Site, form_fields, main_of, pairs, set};
use ametijuhend_domain::sample::ids;

/// The values of the `<option>`s of the `<select name="...">` in `body`.
fn options(body: &str, name: &str) -> Vec<String> {
    let start = body
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("a select {name}"));
    let end = start + body[start..].find("</select>").expect("the select ends");
    body[start..end]
        .split("<option value=\"")
        .skip(1)
        .map(|o| o.split('"').next().unwrap_or_default().to_string())
        .collect()
}

/// The ids of the substitutes the editor offers.
fn substitutes(body: &str) -> Vec<String> {
    body.split("name=\"substitute\" value=\"")
        .skip(1)
        .map(|o| o.split('"').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_editor_offers_the_positions_neighbourhood_and_saves_a_chosen_substitute() {
    let site = Site::sqlite();
    let mut hr = site.client("hr");
    let star = ids::star_support();
    let path = format!("/positions/{star}/job-description/edit");
    let r = hr.get(&path);
    assert_eq!(r.status, 200, "{}", main_of(&r.body));
    let offered = substitutes(&r.body);
    // Its unit's and the units above it, its supervisor chain; not a position of a unit below
    // or beside it that it has no link to, and never itself.
    for p in [ids::head_of_division(), ids::head_of_department()] {
        assert!(offered.contains(&p.to_string()), "{p}: {offered:?}");
    }
    assert!(!offered.contains(&ids::lawyer().to_string()), "{offered:?}");
    assert!(!offered.contains(&star.to_string()), "{offered:?}");

    // A substitute chosen from elsewhere (sent by the form) is kept and saved.
    let mut fields = form_fields(&r.body, &path);
    fields.retain(|(k, _)| k != "substitute");
    fields.push(("substitute".into(), ids::lawyer().to_string()));
    set(&mut fields, "op", "refresh");
    let again = hr.post(&path, &pairs(&fields));
    assert_eq!(again.status, 200, "{}", main_of(&again.body));
    assert!(substitutes(&again.body).contains(&ids::lawyer().to_string()));
    let mut fields = form_fields(&again.body, &path);
    assert!(
        fields
            .iter()
            .any(|(k, v)| k == "substitute" && v == &ids::lawyer().to_string()),
        "the choice stays checked"
    );
    set(&mut fields, "op", "save");
    let saved = hr.post(&path, &pairs(&fields));
    assert_eq!(saved.status, 303, "{}", main_of(&saved.body));
    let doc = crate::documents::export(&site.reg);
    assert!(
        doc["substitutions"].as_array().unwrap().iter().any(|s| {
            s["substitute"] == ids::lawyer().to_string() && s["substituted"] == star.to_string()
        }),
        "{}",
        doc["substitutions"]
    );
}

#[test]
fn the_position_forms_supervisor_picker_offers_the_unit_and_the_units_above_it() {
    let site = Site::sqlite();
    let mut admin = site.client("admin");
    // A new position in the legal team: its positions and those of the division, the
    // department and the agency above it; not the IT department's.
    let team = ids::legal_team();
    let r = admin.get(&format!("/positions/new?unit={team}"));
    assert_eq!(r.status, 200, "{}", main_of(&r.body));
    let offered = options(&r.body, "supervisor");
    assert_eq!(offered[0], "", "no supervisor comes first");
    for p in [ids::lawyer(), ids::head_of_division(), ids::star_support()] {
        assert!(offered.contains(&p.to_string()), "{p}: {offered:?}");
    }
    assert!(
        !offered.contains(&ids::head_of_department().to_string()),
        "{offered:?}"
    );
    // The lawyer's form: not itself, and its current supervisor always.
    let lawyer = ids::lawyer();
    let r = admin.get(&format!("/positions/{lawyer}/edit"));
    let offered = options(&r.body, "supervisor");
    assert!(!offered.contains(&lawyer.to_string()));
    assert!(offered.contains(&ids::head_of_division().to_string()));
    // Moved to the IT department in the same (no-JavaScript) submit, with a supervisor there
    // chosen: saved.
    let mut fields = form_fields(&r.body, &format!("/positions/{lawyer}"));
    set(&mut fields, "unit", &ids::it_department().to_string());
    set(
        &mut fields,
        "supervisor",
        &ids::head_of_department().to_string(),
    );
    let saved = admin.post(&format!("/positions/{lawyer}"), &pairs(&fields));
    assert_eq!(saved.status, 303, "{}", main_of(&saved.body));
    let r = admin.get(&format!("/positions/{lawyer}/edit"));
    let offered = options(&r.body, "supervisor");
    assert!(offered.contains(&ids::head_of_department().to_string()));
    assert!(
        !offered.contains(&ids::star_support().to_string()),
        "{offered:?}"
    );
}
