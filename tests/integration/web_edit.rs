//! Editing through the pages: a job description save makes a new draft version and leaves the
//! old versions byte for byte; a second save from the same version is refused (409) with the
//! input kept; every change is in the record's history with who, when, before and after; forms
//! show errors next to their fields and store nothing. Units and positions: `web_edit_units`.

use crate::support::Client;
use crate::web_support::{
    Lang, Site, assert_page, escaped, field, form_fields, location, main_of, pairs, set, translate,
    ui,
};
use ametijuhend_domain::sample::ids;
use ametijuhend_web::i18n::Arg;
use serde_json::Value;

fn editor_path(position: &impl std::fmt::Display) -> String {
    format!("/positions/{position}/job-description/edit")
}

/// Opens the editor and returns the fields it would submit.
#[track_caller]
fn open_editor(c: &mut Client<'_>, position: &impl std::fmt::Display) -> Vec<(String, String)> {
    let path = editor_path(position);
    let r = c.get(&path);
    assert_eq!(r.status, 200, "GET {path}: {}", main_of(&r.body));
    form_fields(&r.body, &path)
}

/// Submits the editor's fields with `op`.
fn submit(
    c: &mut Client<'_>,
    position: &impl std::fmt::Display,
    fields: &[(String, String)],
    op: &str,
) -> crate::support::Response {
    let mut fields = fields.to_vec();
    set(&mut fields, "op", op);
    c.post(&editor_path(position), &pairs(&fields))
}

fn parse(export: &str) -> Value {
    serde_json::from_str(export).expect("export writes JSON")
}

/// The job description versions of a position in an export, by version number.
fn versions(export: &Value, position: &str) -> Vec<Value> {
    export["job_descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["position"] == position)
        .cloned()
        .collect()
}

/// Each job description of `before` is in `after`, serialised to the same bytes.
#[track_caller]
fn assert_old_versions_unchanged(before: &Value, after: &Value) {
    let after_list = after["job_descriptions"].as_array().unwrap();
    for old in before["job_descriptions"].as_array().unwrap() {
        let same = after_list
            .iter()
            .find(|j| j["id"] == old["id"])
            .unwrap_or_else(|| panic!("version {} is gone", old["id"]));
        assert_eq!(
            serde_json::to_string_pretty(same).unwrap(),
            serde_json::to_string_pretty(old).unwrap(),
            "version {} changed",
            old["id"]
        );
    }
}

#[test]
fn a_job_description_save_makes_a_new_draft_and_old_versions_stay_byte_for_byte() {
    for (backend, site) in Site::both() {
        let star = ids::star_support();
        let mut admin = site.client("admin");
        let before_text = site.export();
        let before = parse(&before_text);
        let mut fields = open_editor(&mut admin, &star);
        assert_eq!(field(&fields, "base_version"), Some("2"), "{backend}");
        let old_duty = field(&fields, "duty-0-text").unwrap().to_string();

        // Editing steps re-render the form and write nothing.
        let r = submit(&mut admin, &star, &fields, "add-duty");
        assert_eq!(r.status, 200, "{backend}");
        let with_new = form_fields(&r.body, &editor_path(&star));
        let duties = |f: &[(String, String)]| {
            f.iter()
                .filter(|(k, _)| k.starts_with("duty-") && k.ends_with("-text"))
                .count()
        };
        assert_eq!(duties(&with_new), duties(&fields) + 1, "{backend}");
        assert_eq!(
            site.export(),
            before_text,
            "{backend}: an editing step wrote"
        );

        let text = "Nõustab kasutajaid „STAR“ <süsteemis> & koolitab neid.";
        set(&mut fields, "duty-0-text", text);
        let r = submit(&mut admin, &star, &fields, "save");
        assert_eq!(r.status, 303, "{backend}: {}", main_of(&r.body));
        let to = location(&r);
        assert!(
            to.starts_with("/job-descriptions/") && to.ends_with("?saved=1"),
            "{to}"
        );
        let page = admin.get(&to);
        assert_page(&page, Lang::Et, "the saved version");
        assert!(page.body.contains(&ui(Lang::Et, "jd-saved-notice")));
        assert!(
            page.body.contains(&escaped(text)),
            "{backend}: the text as written"
        );

        let after = parse(&site.export());
        assert_old_versions_unchanged(&before, &after);
        for collection in [
            "units",
            "positions",
            "substitutions",
            "persons",
            "competencies",
        ] {
            assert_eq!(
                before[collection], after[collection],
                "{backend}: {collection}"
            );
        }
        let list = versions(&after, star.as_str());
        assert_eq!(list.len(), 3, "{backend}");
        let new = list.iter().find(|j| j["version"] == 3).expect("version 3");
        let v2 = list.iter().find(|j| j["version"] == 2).unwrap();
        assert_eq!(new["status"], "draft");
        assert_eq!(new["created_by"], "admin");
        assert_eq!(new["duties"][0]["text"], text);
        assert_eq!(v2["duties"][0]["text"], old_duty.as_str());
        assert_eq!(
            new["purpose"], v2["purpose"],
            "{backend}: the rest is carried over"
        );
        assert_eq!(new["competencies"], v2["competencies"]);
        assert_eq!(
            new["requirements"]["languages"], v2["requirements"]["languages"],
            "{backend}"
        );
        assert_ne!(new["id"], v2["id"]);
        // The position page shows the versions; the editor now starts from version 3.
        let fields = open_editor(&mut admin, &star);
        assert_eq!(field(&fields, "base_version"), Some("3"));
    }
}

#[test]
fn a_second_save_from_the_same_version_is_refused_with_a_conflict_and_keeps_its_input() {
    for (backend, site) in Site::both() {
        let star = ids::star_support();
        let mut first = site.client("admin");
        let mut second = site.client("hr");
        let mut a = open_editor(&mut first, &star);
        let mut b = open_editor(&mut second, &star);
        assert_eq!(field(&a, "base_version"), field(&b, "base_version"));

        set(&mut a, "purpose", "Esimese salvestaja eesmärk.");
        set(&mut b, "purpose", "Teise salvestaja eesmärk.");
        set(&mut b, "duty-0-text", "Teise salvestaja tööülesanne.");
        let r = submit(&mut first, &star, &a, "save");
        assert_eq!(r.status, 303, "{backend}: the first save");
        let after_first = site.export();

        let r = submit(&mut second, &star, &b, "save");
        assert_eq!(
            r.status,
            409,
            "{backend}: the second save: {}",
            main_of(&r.body)
        );
        assert_page(&r, Lang::Et, "the conflict page");
        let main = main_of(&r.body);
        assert!(
            main.contains(&ui(Lang::Et, "jd-conflict-heading")),
            "{backend}"
        );
        let message = translate(Lang::Et, "jd-conflict", &[("version", Arg::from(3u32))]);
        assert!(main.contains(&escaped(&message)), "{backend}: {main}");
        assert!(main.contains("role=\"alert\""));
        let kept = form_fields(&r.body, &editor_path(&star));
        assert_eq!(field(&kept, "purpose"), Some("Teise salvestaja eesmärk."));
        assert_eq!(
            field(&kept, "duty-0-text"),
            Some("Teise salvestaja tööülesanne.")
        );
        assert_eq!(
            field(&kept, "base_version"),
            Some("3"),
            "saving again builds on 3"
        );
        assert_eq!(
            site.export(),
            after_first,
            "{backend}: the refused save wrote"
        );
        let export = parse(&after_first);
        let list = versions(&export, star.as_str());
        let v3 = list.iter().find(|j| j["version"] == 3).unwrap();
        assert_eq!(
            v3["purpose"], "Esimese salvestaja eesmärk.",
            "{backend}: not overwritten"
        );
        assert_eq!(v3["created_by"], "admin");

        // Saving again on purpose makes the next version; version 3 stays.
        let r = submit(&mut second, &star, &kept, "save");
        assert_eq!(r.status, 303, "{backend}");
        let export = parse(&site.export());
        assert_old_versions_unchanged(&parse(&after_first), &export);
        let list = versions(&export, star.as_str());
        let v4 = list.iter().find(|j| j["version"] == 4).unwrap();
        assert_eq!(v4["purpose"], "Teise salvestaja eesmärk.");
        assert_eq!(v4["created_by"], "hr");

        // Two saves at the same moment: one is stored, the other is told of the conflict.
        let a = open_editor(&mut first, &star);
        let b = open_editor(&mut second, &star);
        let before = parse(&site.export());
        let statuses = std::thread::scope(|s| {
            let one = s.spawn(|| submit(&mut first, &star, &a, "save").status);
            let two = s.spawn(|| submit(&mut second, &star, &b, "save").status);
            let mut st = [one.join().unwrap(), two.join().unwrap()];
            st.sort_unstable();
            st
        });
        assert_eq!(statuses, [303, 409], "{backend}: simultaneous saves");
        let export = parse(&site.export());
        assert_old_versions_unchanged(&before, &export);
        assert_eq!(versions(&export, star.as_str()).len(), 5, "{backend}");
    }
}

#[test]
fn the_history_shows_who_changed_what_when_with_before_and_after() {
    for (backend, site) in Site::both() {
        let division = ids::family_benefits_division();
        let lawyer = ids::lawyer();
        let star = ids::star_support();
        let mut hr = site.client("hr");
        let csrf = hr.csrf();
        let r = hr.post(
            &format!("/units/{division}"),
            &[
                ("csrf", &csrf),
                ("name", "Perehüvitiste ja toetuste talitus"),
                ("kind", "division"),
                ("parent", &ids::services_department().to_string()),
                ("valid_from", "01.01.2030"),
            ],
        );
        assert_eq!(r.status, 303, "{backend}");
        let mut admin = site.client("admin");
        let edit = admin.get(&format!("/positions/{lawyer}/edit"));
        let mut fields = form_fields(&edit.body, &format!("/positions/{lawyer}"));
        set(&mut fields, "title", "Õigusnõunik");
        let r = admin.post(&format!("/positions/{lawyer}"), &pairs(&fields));
        assert_eq!(r.status, 303, "{backend}: {}", main_of(&r.body));
        let mut jd = open_editor(&mut admin, &star);
        set(&mut jd, "duty-0-text", "Uus tööülesande sõnastus.");
        assert_eq!(submit(&mut admin, &star, &jd, "save").status, 303);

        let mut auditor = site.client("auditor");
        // Times are shown in Europe/Tallinn: the day is the Tallinn day.
        let today = ametijuhend_app::Clock::today(&ametijuhend_app::SystemClock)
            .format("%d.%m.%Y")
            .to_string();
        let unit = auditor.get(&format!("/units/{division}/history"));
        assert_page(&unit, Lang::Et, "the unit's history");
        let main = main_of(&unit.body);
        assert!(main.contains("<strong>hr</strong>"), "{backend}: who");
        assert!(main.contains(&today), "{backend}: when");
        assert!(main.contains(&ui(Lang::Et, "action-unit-changed")), "what");
        assert!(main.contains(&ui(Lang::Et, "history-before")));
        assert!(main.contains(&ui(Lang::Et, "history-after")));
        // The version that was current ends the day before; the new one is added.
        let row = |field: &str, before: &str, after: &str| {
            format!(
                "{field}</th><td data-label=\"{}\"><pre>{}</pre></td>\
                 <td data-label=\"{}\"><pre>{}</pre></td>",
                ui(Lang::Et, "history-before"),
                escaped(before),
                ui(Lang::Et, "history-after"),
                escaped(after)
            )
        };
        let versions = ui(Lang::Et, "unit-versions");
        let to = row(
            &format!("{versions} › 1 › {}", ui(Lang::Et, "col-to")),
            "–",
            "31.12.2029",
        );
        assert!(main.contains(&to), "{backend}: {to} in {main}");
        let name = ui(Lang::Et, "unit-name");
        let named = row(
            &format!("{versions} › 2 › {name}"),
            "–",
            "Perehüvitiste ja toetuste talitus",
        );
        assert!(main.contains(&named), "{backend}: {named}");

        let position = auditor.get(&format!("/positions/{lawyer}/history"));
        let main = main_of(&position.body);
        assert!(main.contains("<strong>admin</strong>"));
        assert!(main.contains(&ui(Lang::Et, "action-position-changed")));
        let title = row(&ui(Lang::Et, "position-title"), "Jurist", "Õigusnõunik");
        assert!(main.contains(&title), "{backend}: {title} in {main}");

        let jd_history = auditor.get(&format!("/positions/{star}/history"));
        let main = main_of(&jd_history.body);
        assert!(main.contains(&ui(Lang::Et, "action-job-description-draft-saved")));
        assert!(
            main.contains("Uus tööülesande sõnastus."),
            "{backend}: the new text"
        );

        // The start page lists the latest changes to those who may read the history.
        let home = auditor.get("/");
        let main = main_of(&home.body);
        assert!(main.contains(&ui(Lang::Et, "home-recent-changes")));
        assert!(main.contains(&escaped("Õigusnõunik")));
        let home = site.client("staff").get("/");
        assert!(!home.body.contains(&ui(Lang::Et, "home-recent-changes")));
        // A manager sees the changes in their subtree only.
        let it = ids::it_department();
        let csrf = admin.csrf();
        let r = admin.post(
            &format!("/units/{it}"),
            &[
                ("csrf", &csrf),
                ("name", "Digiosakond"),
                ("kind", "department"),
                ("parent", &ids::agency().to_string()),
                ("valid_from", "01.01.2030"),
            ],
        );
        assert_eq!(r.status, 303, "{backend}");
        let outside = format!("href=\"/units/{it}\"");
        let inside = format!("href=\"/units/{division}\"");
        let home = site.client("manager").get("/");
        assert!(
            main_of(&home.body).contains(&inside),
            "{backend}: in the subtree"
        );
        assert!(
            !main_of(&home.body).contains(&outside),
            "{backend}: outside it"
        );
        let home = auditor.get("/");
        assert!(
            main_of(&home.body).contains(&outside),
            "{backend}: the auditor sees all"
        );
    }
}

#[test]
fn form_errors_are_shown_next_to_their_fields_in_the_users_language_and_nothing_is_stored() {
    let site = Site::sqlite();
    let star = ids::star_support();
    let before = site.export();

    /// The error of `name`: its element, the field's `aria-describedby` and `aria-invalid`,
    /// and a link from the summary at the top.
    #[track_caller]
    fn assert_error(body: &str, name: &str, message: &str) {
        let main = main_of(body);
        let element = format!("id=\"{name}-error\">{message}<");
        assert!(main.contains(&element), "{element} in {main}");
        let field = main
            .split(&format!("name=\"{name}\""))
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .unwrap_or_else(|| panic!("no field {name}"));
        let own = main
            .split(&format!("id=\"{name}\""))
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .unwrap_or_default();
        let tag = format!("{own} {field}");
        assert!(
            tag.contains(&format!("{name}-error")) && tag.contains("aria-describedby=\""),
            "aria-describedby of {name}: {tag}"
        );
        assert!(
            tag.contains("aria-invalid=\"true\""),
            "aria-invalid of {name}: {tag}"
        );
        assert!(
            main.contains(&format!("href=\"#{name}\"")),
            "the summary links {name}"
        );
    }

    let mut admin = site.client("admin");
    let mut fields = open_editor(&mut admin, &star);
    set(&mut fields, "duty-0-text", "   ");
    set(&mut fields, "lang-0-level", "D1");
    set(&mut fields, "lang-1-code", "xx");
    set(&mut fields, "purpose", "Eesmärk\u{0}peidetud märgiga");
    set(
        &mut fields,
        "comp-00000000-0000-4000-8000-000000000000",
        "core",
    );
    let r = submit(&mut admin, &star, &fields, "save");
    assert_eq!(r.status, 422, "{}", main_of(&r.body));
    assert_page(&r, Lang::Et, "the editor with errors");
    assert_error(&r.body, "duty-0-text", &ui(Lang::Et, "error-required"));
    assert_error(&r.body, "lang-0-level", &ui(Lang::Et, "error-cefr"));
    assert_error(&r.body, "lang-1-code", &ui(Lang::Et, "error-choose"));
    assert_error(
        &r.body,
        "purpose",
        &ui(Lang::Et, "error-control-characters"),
    );
    assert!(main_of(&r.body).contains(&ui(Lang::Et, "form-has-errors")));
    // The input stays as typed.
    let kept = form_fields(&r.body, &editor_path(&star));
    assert_eq!(field(&kept, "duty-0-text"), Some("   "));
    assert_eq!(site.export(), before, "nothing was stored");

    // In Russian for a Russian-speaking account.
    let mut hr = site.client("hr");
    hr.choose_language("ru");
    let mut fields = open_editor(&mut hr, &star);
    set(&mut fields, "duty-0-text", "");
    let r = submit(&mut hr, &star, &fields, "save");
    assert_eq!(r.status, 422);
    assert_page(&r, Lang::Ru, "the editor with errors in Russian");
    assert_error(&r.body, "duty-0-text", &ui(Lang::Ru, "error-required"));

    // The unit form.
    let division = ids::family_benefits_division().to_string();
    let long = "Ü".repeat(301);
    for (name, kind, parent, valid_from, field_name, key) in [
        ("", "team", division.as_str(), "", "name", "error-required"),
        (
            "Kaks\nrida",
            "team",
            &division,
            "",
            "name",
            "error-single-line",
        ),
        (
            "Null\u{0}märk",
            "team",
            &division,
            "",
            "name",
            "error-single-line",
        ),
        (
            long.as_str(),
            "team",
            &division,
            "",
            "name",
            "error-too-long",
        ),
        ("Tiim", "castle", &division, "", "kind", "error-choose"),
        (
            "Tiim",
            "team",
            "00000000-0000-4000-8000-000000000000",
            "",
            "parent",
            "error-choose",
        ),
        (
            "Tiim",
            "team",
            &division,
            "31.02.2030",
            "valid_from",
            "error-date",
        ),
        (
            "Tiim",
            "team",
            &division,
            "2030/01/01",
            "valid_from",
            "error-date",
        ),
    ] {
        let csrf = admin.csrf();
        let r = admin.post(
            "/units",
            &[
                ("csrf", &csrf),
                ("name", name),
                ("kind", kind),
                ("parent", parent),
                ("valid_from", valid_from),
            ],
        );
        assert_eq!(
            r.status,
            422,
            "unit {name:?} {kind} {valid_from}: {}",
            main_of(&r.body)
        );
        let message = if key == "error-too-long" {
            escaped(&translate(Lang::Et, key, &[("max", Arg::from(300usize))]))
        } else {
            ui(Lang::Et, key)
        };
        assert_error(&r.body, field_name, &message);
    }
    // A rename into a name with a line break is refused the same way.
    let csrf = admin.csrf();
    let r = admin.post(
        &format!("/units/{division}"),
        &[
            ("csrf", &csrf),
            ("name", "Pere\rhüvitised"),
            ("kind", "division"),
            ("parent", &ids::services_department().to_string()),
            ("valid_from", "01.01.2030"),
        ],
    );
    assert_eq!(r.status, 422);
    assert_error(&r.body, "name", &ui(Lang::Et, "error-single-line"));

    // The position form.
    for (title, unit, family, level, field_name, key) in [
        ("", division.as_str(), "", "", "title", "error-required"),
        ("Analüütik", "not-a-unit", "", "", "unit", "error-choose"),
        (
            "Analüütik",
            &division,
            "IT-testimine",
            "",
            "job_level",
            "error-family-and-level",
        ),
        (
            "Ana\tlüütik",
            &division,
            "",
            "",
            "title",
            "error-single-line",
        ),
    ] {
        let csrf = admin.csrf();
        let r = admin.post(
            "/positions",
            &[
                ("csrf", &csrf),
                ("title", title),
                ("unit", unit),
                ("staff_group", "official"),
                ("job_family", family),
                ("job_level", level),
            ],
        );
        assert_eq!(r.status, 422, "position {title:?}: {}", main_of(&r.body));
        assert_error(&r.body, field_name, &ui(Lang::Et, key));
    }
    assert_eq!(site.export(), before, "nothing was stored");
}
