//! What the pages show: the interface language (chosen by `?lang=`, by the switcher form, per
//! account), plural forms, Estonian alphabetical order, DD.MM.YYYY dates, the 404 page, and a
//! position page that prints as a document.

use crate::support::Client;
use crate::web_support::{
    Lang, Site, assert_page, escaped, location, main_of, text_of, translate, ui, words,
};
use ametijuhend_domain::sample::{ids, sample_registry};
use ametijuhend_web::i18n::Arg;

/// The `Set-Cookie` value for `name`, if the response sets it.
fn sets_cookie(r: &crate::support::Response, name: &str) -> Option<String> {
    r.headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v.clone())
        .find(|v| v.starts_with(&format!("{name}=")))
}

#[test]
fn the_language_is_chosen_per_request_by_query_and_kept_per_account_by_the_switcher() {
    let site = Site::sqlite();
    let mut c = site.client("hr");
    let r = c.get("/");
    assert_page(&r, Lang::Et, "the default language");
    assert!(r.body.contains(&ui(Lang::Et, "nav-units")));

    // ?lang= changes the language of that one request: no cookie, not the account.
    let r = c.get("/units?lang=en");
    assert_page(&r, Lang::En, "/units?lang=en");
    assert!(r.body.contains(&ui(Lang::En, "units-title")));
    assert!(sets_cookie(&r, "ametijuhend_lang").is_none());
    assert_page(&c.get("/positions"), Lang::Et, "the next page");
    assert_page(
        &site.client("hr").get("/"),
        Lang::Et,
        "a new session of the same account",
    );
    // An unknown language changes nothing.
    assert_page(&c.get("/?lang=xx"), Lang::Et, "?lang=xx");

    // The switcher is on every page, and returns to the page it was used on (without ?lang=).
    for path in [
        "/".to_string(),
        format!("/positions/{}", ids::star_support()),
        format!("/units/{}", ids::it_department()),
        "/no-such-page".into(),
    ] {
        let r = c.get(&path);
        assert!(
            r.body.contains("action=\"/language\""),
            "the switcher on {path}"
        );
        assert_eq!(r.hidden("return").as_deref(), Some(path.as_str()), "{path}");
    }
    let csrf = c.csrf();
    let r = c.post(
        "/language",
        &[
            ("csrf", &csrf),
            ("lang", "ru"),
            ("return", "/positions?q=jurist&lang=en"),
        ],
    );
    assert_eq!(
        (r.status, location(&r).as_str()),
        (303, "/positions?q=jurist")
    );
    let r = c.get("/positions?q=jurist");
    assert_page(&r, Lang::Ru, "after the switcher");
    assert!(r.body.contains(&ui(Lang::Ru, "positions-title")));
    // Only a path of this site is returned to.
    for elsewhere in ["//elsewhere.example/", "/\t/elsewhere.example/", "/\n/x"] {
        let csrf = c.csrf();
        let r = c.post(
            "/language",
            &[("csrf", &csrf), ("lang", "et"), ("return", elsewhere)],
        );
        assert_eq!(location(&r), "/", "{elsewhere:?}");
    }
    // The switcher's choice is the account's: a new session keeps it, other accounts do not.
    assert_page(
        &site.client("hr").get("/"),
        Lang::Et,
        "the account's last choice",
    );
    let csrf = c.csrf();
    c.post(
        "/language",
        &[("csrf", &csrf), ("lang", "en"), ("return", "/")],
    );
    assert_page(&site.client("hr").get("/"), Lang::En, "a new session");
    assert_page(&site.client("admin").get("/"), Lang::Et, "another account");
    assert_page(&c.get("/?lang=ru"), Lang::Ru, "?lang= over the account's");
    assert_page(&c.get("/"), Lang::En, "the account's again");

    // The sign-in page switches too, before anyone has signed in.
    let mut anonymous = site.anonymous();
    let r = anonymous.get("/login?lang=ru");
    assert_page(&r, Lang::Ru, "/login?lang=ru");
    assert!(r.body.contains(&ui(Lang::Ru, "login-title")));
    assert_page(&anonymous.get("/login"), Lang::Et, "for that request only");
    let csrf = anonymous
        .get("/login")
        .hidden("csrf")
        .expect("the sign-in form");
    let r = anonymous.post(
        "/language",
        &[("csrf", &csrf), ("lang", "ru"), ("return", "/login")],
    );
    assert!(
        sets_cookie(&r, "ametijuhend_lang").is_some_and(|v| v.starts_with("ametijuhend_lang=ru;"))
    );
    assert_page(
        &anonymous.get("/login"),
        Lang::Ru,
        "the cookie keeps the switcher's choice",
    );
    // Document content stays as written, whatever the language.
    let r = c.get(&format!("/positions/{}?lang=ru", ids::star_support()));
    assert!(r.body.contains("Peaspetsialist (STAR kasutajatugi)"));
    assert!(r.body.contains(&ui(Lang::Ru, "jd-duties")));
}

/// The Russian plural form of `n` (CLDR: one, few, many).
fn ru_form(n: usize) -> usize {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => 0,
        (2..=4, r) if !(12..=14).contains(&r) => 1,
        _ => 2,
    }
}

#[test]
fn counts_use_each_languages_plural_forms() {
    let site = Site::sqlite();
    let sample = sample_registry();
    let mut c = site.client("auditor");
    let home = c.get("/?lang=ru");
    assert_page(&home, Lang::Ru, "the start page in Russian");
    let units = sample.units.len();
    let positions = sample.positions.len();
    let forms = [
        (units, ["подразделение", "подразделения", "подразделений"]),
        (positions, ["должность", "должности", "должностей"]),
        (
            sample.role_cards.len(),
            ["ролевая карта", "ролевые карты", "ролевых карт"],
        ),
        (
            sample.competencies.len(),
            ["компетенция", "компетенции", "компетенций"],
        ),
    ];
    let home_text = words(main_of(&home.body));
    for (n, nouns) in forms {
        let text = format!("{n} {}", nouns[ru_form(n)]);
        assert!(home_text.contains(&text), "'{text}' on the start page");
    }
    // One, few and many of the same word all occur among these counts.
    let used: std::collections::BTreeSet<usize> = [units, positions, sample.role_cards.len()]
        .map(ru_form)
        .into();
    assert!(used.len() >= 2, "the sample covers several forms");
    // Each role card counts its positions: one here.
    let cards = c.get("/role-cards?lang=ru");
    assert!(
        cards.body.contains("1 должность"),
        "{}",
        main_of(&cards.body)
    );
    // The translations themselves, beyond the sample's numbers.
    for (n, word) in [
        (1, "должность"),
        (3, "должности"),
        (5, "должностей"),
        (11, "должностей"),
        (21, "должность"),
        (22, "должности"),
    ] {
        assert_eq!(
            translate(
                Lang::Ru,
                "count-positions",
                &[("count", Arg::from(n as usize))]
            ),
            format!("{n} {word}")
        );
    }
    let home = c.get("/?lang=et");
    assert!(words(main_of(&home.body)).contains(&format!("{units} struktuuriüksust")));
    let home = c.get("/?lang=en");
    assert!(words(main_of(&home.body)).contains(&format!("{positions} positions")));
}

/// The index of each of `names` in `text`, which must be in this order.
#[track_caller]
fn assert_in_order(text: &str, names: &[&str], what: &str) {
    let mut last = 0;
    let mut prev = "";
    for name in names {
        let at = text[last..]
            .find(&escaped(name))
            .map(|i| i + last)
            .unwrap_or_else(|| panic!("{what}: '{name}' not after '{prev}'"));
        last = at;
        prev = name;
    }
}

#[test]
fn lists_are_in_estonian_alphabetical_order() {
    let site = Site::sqlite();
    let mut admin = site.client("admin");
    let division = ids::family_benefits_division().to_string();
    // Created in a scrambled order; Estonian order is … s š z ž t u v w õ ä ö ü x y.
    let units = [
        "Ühiku tiim",
        "Zeta tiim",
        "Õuna tiim",
        "Šahti tiim",
        "Tõru tiim",
        "Ämbri tiim",
        "Žürii tiim",
        "Öö tiim",
        "Sõna tiim",
        "Vee tiim",
        "Xylo tiim",
    ];
    for name in units {
        let csrf = admin.csrf();
        let r = admin.post(
            "/units",
            &[
                ("csrf", &csrf),
                ("name", name),
                ("kind", "team"),
                ("parent", &division),
            ],
        );
        assert_eq!(r.status, 303, "{name}: {}", main_of(&r.body));
    }
    let sorted = [
        "Sõna tiim",
        "Šahti tiim",
        "Zeta tiim",
        "Žürii tiim",
        "Tõru tiim",
        "Vee tiim",
        "Õuna tiim",
        "Ämbri tiim",
        "Öö tiim",
        "Ühiku tiim",
        "Xylo tiim",
    ];
    let tree = admin.get("/units");
    assert_in_order(main_of(&tree.body), &sorted, "the unit tree");
    let page = admin.get(&format!("/units/{division}"));
    assert_in_order(main_of(&page.body), &sorted, "the sub-units");
    let form = admin.get("/units/new");
    assert_in_order(main_of(&form.body), &sorted, "the parent choices");

    let titles = [
        "Ülem",
        "Žurnalist",
        "Šoför",
        "Õpetaja",
        "Zooloog",
        "Ärianalüütik",
        "Tõlk",
        "Ökonomist",
        "Sekretär",
    ];
    for title in titles {
        let csrf = admin.csrf();
        let r = admin.post(
            "/positions",
            &[
                ("csrf", &csrf),
                ("title", title),
                ("unit", &division),
                ("staff_group", "employee"),
            ],
        );
        assert_eq!(r.status, 303, "{title}: {}", main_of(&r.body));
    }
    let sorted = [
        "Sekretär",
        "Šoför",
        "Zooloog",
        "Žurnalist",
        "Tõlk",
        "Õpetaja",
        "Ärianalüütik",
        "Ökonomist",
        "Ülem",
    ];
    let list = admin.get("/positions");
    assert_in_order(main_of(&list.body), &sorted, "the position list");
    let page = admin.get(&format!("/units/{division}"));
    assert_in_order(main_of(&page.body), &sorted, "the unit's positions");
}

/// A date written as YYYY-MM-DD (how the interface must not write dates).
fn iso_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        (digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10))
            .then(|| &text[i..i + 10])
    })
}

#[test]
fn dates_are_written_dd_mm_yyyy() {
    let site = Site::sqlite();
    let mut admin = site.client("admin");
    let it = ids::it_department();
    let head = ids::head_of_department();
    let unit = admin.get(&format!("/units/{it}"));
    let main = main_of(&unit.body);
    for d in ["01.01.2019", "31.12.2023", "01.01.2024"] {
        assert!(main.contains(d), "{d} on the unit page");
    }
    // A closed unit says so in the tree, with the day.
    let tree = words(main_of(&admin.get("/units").body));
    let closed = format!(
        "{} ({}; {} 30.06.2025)",
        "Õigusküsimuste tiim",
        translate(Lang::Et, "unit-kind-team", &[]),
        translate(Lang::Et, "unit-closed-on", &[])
    );
    assert!(tree.contains(&closed), "{closed} in {tree}");
    let position = admin.get(&format!("/positions/{head}"));
    assert!(
        // Saved at 08:00 UTC: shown in Europe/Tallinn (UTC+2 in January).
        main_of(&position.body).contains("02.01.2024 10:00"),
        "when version 2 was saved"
    );
    let version = admin.get(&format!(
        "/job-descriptions/{}",
        ids::job_description(&head, 2)
    ));
    assert!(
        main_of(&version.body).contains("01.01.2024"),
        "in force from"
    );

    // A change, and its history.
    let csrf = admin.csrf();
    let r = admin.post(
        &format!("/units/{it}"),
        &[
            ("csrf", &csrf),
            ("name", "IT osakond"),
            ("kind", "department"),
            ("parent", &ids::agency().to_string()),
            ("valid_from", "1.3.2030"),
        ],
    );
    assert_eq!(r.status, 303, "{}", main_of(&r.body));
    let unit = admin.get(&format!("/units/{it}"));
    assert!(main_of(&unit.body).contains("28.02.2030"));
    assert!(main_of(&unit.body).contains("01.03.2030"));
    let history = admin.get(&format!("/units/{it}/history"));
    let edit = admin.get(&format!("/units/{it}/edit"));
    for (what, page) in [
        ("unit", &unit),
        ("position", &position),
        ("version", &version),
        ("history", &history),
        ("unit form", &edit),
    ] {
        let text = text_of(main_of(&page.body));
        assert_eq!(
            iso_date(&text),
            None,
            "the {what} page writes a date as YYYY-MM-DD"
        );
    }
    let main = main_of(&history.body);
    assert!(
        main.contains("28.02.2030") && main.contains("01.03.2030"),
        "{main}"
    );
}

#[test]
fn a_missing_deleted_or_malformed_record_is_a_404_page() {
    let site = Site::sqlite();
    let mut admin = site.client("admin");
    let missing = "00000000-0000-4000-8000-000000000000";
    for id in [missing, "not-an-id", "%C3%B5%20x"] {
        for path in [
            format!("/units/{id}"),
            format!("/units/{id}/edit"),
            format!("/units/{id}/history"),
            format!("/positions/{id}"),
            format!("/positions/{id}/edit"),
            format!("/positions/{id}/history"),
            format!("/positions/{id}/job-description/edit"),
            format!("/job-descriptions/{id}"),
            format!("/role-cards/{id}"),
            format!("/competencies/{id}"),
        ] {
            let r = admin.get(&path);
            assert_eq!(r.status, 404, "GET {path}");
            assert_page(&r, Lang::Et, &path);
            assert!(main_of(&r.body).contains(&ui(Lang::Et, "error-not-found")));
        }
        for path in [
            format!("/units/{id}"),
            format!("/positions/{id}"),
            format!("/positions/{id}/delete"),
            format!("/positions/{id}/job-description/edit"),
        ] {
            let csrf = admin.csrf();
            let r = admin.post(&path, &[("csrf", &csrf), ("name", "x"), ("title", "x")]);
            assert_eq!(r.status, 404, "POST {path}");
        }
    }
    for path in ["/no-such-page", "/units/", "/positions/x/y/z"] {
        let r = admin.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert_page(&r, Lang::Et, path);
    }
    let r = admin.get("/no-such-page?lang=ru");
    assert!(main_of(&r.body).contains(&ui(Lang::Ru, "error-not-found")));
    assert_page(&r, Lang::Ru, "the 404 page in Russian");
    admin.choose_language("et");

    // A deleted position.
    let csrf = admin.csrf();
    let r = admin.post(
        "/positions",
        &[
            ("csrf", &csrf),
            ("title", "Ajutine"),
            ("unit", &ids::services_department().to_string()),
            ("staff_group", "employee"),
        ],
    );
    let page = location(&r);
    let csrf = admin.csrf();
    assert_eq!(
        admin
            .post(&format!("{page}/delete"), &[("csrf", &csrf)])
            .status,
        303
    );
    let r = admin.get(&page);
    assert_eq!(r.status, 404, "a deleted position");
    assert_page(&r, Lang::Et, "a deleted position");

    // The JSON API answers in JSON.
    for (path, status, code) in [
        (format!("/api/positions/{missing}"), 404, "not_found"),
        ("/api/positions/not-an-id".to_string(), 400, "bad_request"),
        ("/api/no-such-thing".to_string(), 404, "not_found"),
    ] {
        let r = admin.get(&path);
        assert_eq!(r.status, status, "{path}");
        assert_eq!(r.json()["error"]["code"], code, "{path}");
    }
    // A form sent to the API is refused in JSON too, with or without the token.
    let csrf = admin.csrf();
    let r = admin.post("/api/units", &[("csrf", &csrf)]);
    assert!(matches!(r.status, 403 | 405), "{}", r.body);
    assert!(r.json()["error"]["code"].is_string(), "JSON under /api/");
    let r = admin.post("/api/units", &[]);
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["code"], "forbidden", "JSON under /api/");
}

#[test]
fn a_position_page_is_the_whole_job_description_and_prints_as_a_document() {
    let site = Site::sqlite();
    let mut c = site.client("staff");
    let r = c.get(&format!("/positions/{}", ids::star_support()));
    assert_page(&r, Lang::Et, "a position");
    let main = main_of(&r.body);
    assert!(main.contains("<article class=\"doc\""));
    let mut last = 0;
    for key in [
        "jd-general",
        "jd-purpose",
        "jd-duties",
        "jd-rights",
        "jd-responsibilities",
        "jd-work-equipment",
        "jd-requirements",
        "jd-competencies",
    ] {
        let heading = ui(Lang::Et, key);
        let at = main[last..]
            .find(&heading)
            .unwrap_or_else(|| panic!("section {key} in order"));
        last += at;
    }
    let css = Client::new(&site.server).get("/static/style.css");
    assert_eq!(css.status, 200);
    let print = css
        .body
        .split("@media print")
        .nth(1)
        .expect("a print stylesheet");
    for hidden in [
        ".site-header",
        ".main-nav",
        ".site-footer",
        "form",
        ".actions",
    ] {
        assert!(print.contains(hidden), "{hidden} is not printed");
    }
}

#[test]
fn the_position_page_offers_the_editor_only_when_it_opens() {
    // The lawyer's only version is in coordination: the editor refuses it (409), so the page
    // does not offer it; a position whose newest version is not in coordination does.
    let site = Site::sqlite();
    let mut hr = site.client("hr");
    let (lawyer, star) = (ids::lawyer(), ids::star_support());
    let page = hr.get(&format!("/positions/{lawyer}"));
    assert_eq!(page.status, 200);
    let editor = format!("href=\"/positions/{lawyer}/job-description/edit\"");
    assert!(
        !main_of(&page.body).contains(&editor),
        "{}",
        main_of(&page.body)
    );
    assert!(main_of(&page.body).contains(&format!("href=\"/positions/{lawyer}/edit\"")));
    assert_eq!(
        hr.get(&format!("/positions/{lawyer}/job-description/edit"))
            .status,
        409
    );
    let page = hr.get(&format!("/positions/{star}"));
    let editor = format!("href=\"/positions/{star}/job-description/edit\"");
    assert!(main_of(&page.body).contains(&editor));
    assert_eq!(
        hr.get(&format!("/positions/{star}/job-description/edit"))
            .status,
        200
    );
}
