//! Editing units and positions through the pages: unit changes are effective-dated and keep
//! their history; a position in use is not removed, and the refusal says why.

use crate::support::Client;
use crate::web_support::{Lang, Site, assert_page, escaped, location, main_of, translate, ui};
use ametijuhend_domain::sample::ids;
use ametijuhend_web::i18n::Arg;
use serde_json::Value;

fn parse(export: &str) -> Value {
    serde_json::from_str(export).expect("export writes JSON")
}

/// The versions of a unit in an export: (valid_from, valid_to, name, parent).
fn unit_versions(export: &Value, id: &str) -> Vec<(Value, Value, Value, Value)> {
    export["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .expect("the unit")["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["valid_from"].clone(),
                v["valid_to"].clone(),
                v["name"].clone(),
                v["parent"].clone(),
            )
        })
        .collect()
}

#[test]
fn renaming_and_moving_a_unit_is_effective_dated_and_keeps_its_history() {
    for (backend, site) in Site::both() {
        let division = ids::family_benefits_division().to_string();
        let services = ids::services_department().to_string();
        let it = ids::it_department().to_string();
        let mut hr = site.client("hr");
        let change = |c: &mut Client<'_>, name: &str, parent: &str, from: &str| {
            let csrf = c.csrf();
            c.post(
                &format!("/units/{division}"),
                &[
                    ("csrf", &csrf),
                    ("name", name),
                    ("kind", "division"),
                    ("parent", parent),
                    ("valid_from", from),
                ],
            )
        };
        let edit = hr.get(&format!("/units/{division}/edit"));
        assert_eq!(edit.status, 200);
        assert!(main_of(&edit.body).contains(&ui(Lang::Et, "unit-valid-from-hint-edit")));
        let r = change(
            &mut hr,
            "Perehüvitiste ja toetuste talitus",
            &services,
            "01.01.2030",
        );
        assert_eq!(r.status, 303, "{backend}: rename");
        let r = change(
            &mut hr,
            "Perehüvitiste ja toetuste talitus",
            &it,
            "01.06.2030",
        );
        assert_eq!(r.status, 303, "{backend}: move");
        let export = parse(&site.export());
        let expected = vec![
            (
                Value::Null,
                "2029-12-31".into(),
                "Perehüvitiste talitus".into(),
                services.clone().into(),
            ),
            (
                "2030-01-01".into(),
                "2030-05-31".into(),
                "Perehüvitiste ja toetuste talitus".into(),
                services.clone().into(),
            ),
            (
                "2030-06-01".into(),
                Value::Null,
                "Perehüvitiste ja toetuste talitus".into(),
                it.clone().into(),
            ),
        ];
        assert_eq!(unit_versions(&export, &division), expected, "{backend}");
        let page = hr.get(&format!("/units/{division}"));
        let main = main_of(&page.body);
        for d in ["31.12.2029", "01.01.2030", "31.05.2030", "01.06.2030"] {
            assert!(main.contains(d), "{backend}: {d} on the unit page");
        }
        assert!(
            main.contains("Perehüvitiste talitus"),
            "the old name stays in the history"
        );

        // A change must start after the current version; an unchanged form changes nothing;
        // a unit cannot go under itself.
        let before = site.export();
        let r = change(&mut hr, "Uus nimi", &it, "01.06.2030");
        assert_eq!(r.status, 422, "{backend}");
        let message = translate(
            Lang::Et,
            "error-date-after",
            &[("date", Arg::from("01.06.2030"))],
        );
        assert!(
            main_of(&r.body).contains(&escaped(&message)),
            "{}",
            main_of(&r.body)
        );
        let r = change(
            &mut hr,
            "Perehüvitiste ja toetuste talitus",
            &it,
            "01.07.2030",
        );
        assert_eq!(r.status, 422, "{backend}: nothing changed");
        assert!(main_of(&r.body).contains(&ui(Lang::Et, "error-nothing-changed")));
        let legal = ids::legal_team().to_string();
        let r = change(
            &mut hr,
            "Perehüvitiste ja toetuste talitus",
            &legal,
            "01.07.2030",
        );
        assert_eq!(r.status, 422, "{backend}: under its own sub-unit");
        assert!(main_of(&r.body).contains(&ui(Lang::Et, "error-parent-cycle")));
        // A closed unit keeps the day it was closed: it is not renamed or moved any more.
        let closed = translate(
            Lang::Et,
            "error-unit-closed",
            &[("date", Arg::from("30.06.2025"))],
        );
        let form = hr.get(&format!("/units/{legal}/edit"));
        assert!(
            main_of(&form.body).contains(&escaped(&closed)),
            "{backend}: the form says so"
        );
        let csrf = hr.csrf();
        let r = hr.post(
            &format!("/units/{legal}"),
            &[
                ("csrf", &csrf),
                ("name", "Õigustiim"),
                ("kind", "team"),
                ("parent", &division),
                ("valid_from", "01.01.2030"),
            ],
        );
        assert_eq!(r.status, 422, "{backend}: a closed unit renamed");
        assert!(main_of(&r.body).contains(&escaped(&closed)));
        assert_eq!(site.export(), before, "{backend}: nothing was stored");
    }
}

#[test]
fn a_position_in_use_is_not_removed_and_the_refusal_says_why() {
    for (backend, site) in Site::both() {
        let star = ids::star_support();
        let services = ids::services_department().to_string();
        let mut admin = site.client("admin");
        let page = admin.get(&format!("/positions/{star}"));
        let main = main_of(&page.body);
        assert!(main.contains(&ui(Lang::Et, "position-remove-blocked")));
        for key in [
            "position-remove-has-versions",
            "position-remove-has-substitutes",
            "position-remove-has-holders",
        ] {
            assert!(main.contains(&ui(Lang::Et, key)), "{backend}: {key}");
        }
        assert!(!main.contains(&format!("action=\"/positions/{star}/delete\"")));

        let before = site.export();
        let csrf = admin.csrf();
        let r = admin.post(&format!("/positions/{star}/delete"), &[("csrf", &csrf)]);
        assert_eq!(r.status, 409, "{backend}: {}", main_of(&r.body));
        assert_page(&r, Lang::Et, "the refused removal");
        let main = main_of(&r.body);
        assert!(main.contains(&ui(Lang::Et, "position-remove-blocked")));
        assert!(main.contains(&ui(Lang::Et, "position-remove-has-versions")));
        assert!(main.contains(&ui(Lang::Et, "position-remove-has-holders")));
        assert_eq!(site.export(), before, "{backend}: nothing was removed");

        // A position with a subordinate waits for it; then both go.
        let create = |c: &mut Client<'_>, title: &str, supervisor: &str| {
            let csrf = c.csrf();
            let r = c.post(
                "/positions",
                &[
                    ("csrf", &csrf),
                    ("title", title),
                    ("unit", &services),
                    ("supervisor", supervisor),
                    ("staff_group", "official"),
                ],
            );
            assert_eq!(r.status, 303, "{}", main_of(&r.body));
            location(&r)
        };
        let boss = create(&mut admin, "Ajutine juht", "");
        let boss_id = boss.trim_start_matches("/positions/").to_string();
        let worker = create(&mut admin, "Ajutine spetsialist", &boss_id);
        let csrf = admin.csrf();
        let r = admin.post(&format!("{boss}/delete"), &[("csrf", &csrf)]);
        assert_eq!(r.status, 409, "{backend}");
        assert!(main_of(&r.body).contains(&ui(Lang::Et, "position-remove-has-subordinates")));
        let page = admin.get(&worker);
        assert!(
            page.body.contains(&format!("action=\"{worker}/delete\"")),
            "removable"
        );
        let csrf = admin.csrf();
        let r = admin.post(&format!("{worker}/delete"), &[("csrf", &csrf)]);
        assert_eq!(
            (r.status, location(&r)),
            (303, format!("/units/{services}"))
        );
        let csrf = admin.csrf();
        assert_eq!(
            admin
                .post(&format!("{boss}/delete"), &[("csrf", &csrf)])
                .status,
            303
        );
        assert_eq!(admin.get(&boss).status, 404);
        let home = site.client("auditor").get("/");
        assert!(main_of(&home.body).contains(&ui(Lang::Et, "action-position-removed")));
        assert_eq!(
            parse(&site.export())["positions"],
            parse(&before)["positions"]
        );
    }
}
