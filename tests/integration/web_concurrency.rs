//! Writes under concurrency, through the pages: 50 racing edits of one position from the same
//! form (the same revision) store exactly one, the other 49 are refused with 409 and a message
//! saying the record changed meanwhile, and the history holds one change; a unit edited from an
//! old revision is refused the same way (both backends).

use crate::support::Client;
use crate::web_support::{Site, form_fields, main_of, pairs, set};
use ametijuhend_domain::sample::ids;

#[test]
fn racing_position_edits_store_one_and_refuse_the_rest_with_409() {
    for (backend, site) in Site::both() {
        let lawyer = ids::lawyer();
        let mut admin = site.client("admin");
        let edit = admin.get(&format!("/positions/{lawyer}/edit"));
        let fields = form_fields(&edit.body, &format!("/positions/{lawyer}"));
        assert!(
            fields.iter().any(|(k, v)| k == "revision" && !v.is_empty()),
            "{backend}: the form carries the revision it was made from"
        );
        let cookies = admin.cookies.clone();
        let server = &site.server;
        let path = format!("/positions/{lawyer}");
        let path = path.as_str();
        let statuses: Vec<(u16, String)> = std::thread::scope(|scope| {
            let edits: Vec<_> = (0..50)
                .map(|i| {
                    let mut fields = fields.clone();
                    let cookies = cookies.clone();
                    scope.spawn(move || {
                        let mut client = Client { server, cookies };
                        set(&mut fields, "title", &format!("Jurist {i}"));
                        let r = client.post(path, &pairs(&fields));
                        (r.status, main_of(&r.body).to_string())
                    })
                })
                .collect();
            edits
                .into_iter()
                .map(|e| e.join().expect("the edit thread runs"))
                .collect()
        });
        let won = statuses.iter().filter(|(s, _)| *s == 303).count();
        let stale: Vec<_> = statuses.iter().filter(|(s, _)| *s == 409).collect();
        assert_eq!((won, stale.len()), (1, 49), "{backend}: {statuses:?}");
        assert!(
            stale[0].1.contains("muutis seda vahepeal"),
            "{backend}: the refusal says the record changed meanwhile: {}",
            stale[0].1
        );
        let history = admin.get(&format!("/positions/{lawyer}/history"));
        let changes = main_of(&history.body).matches("Jurist ").count();
        assert!(changes >= 1, "{backend}: the change is in the history");

        // A unit edited from a revision that is no longer stored is refused.
        let division = ids::family_benefits_division();
        let edit = admin.get(&format!("/units/{division}/edit"));
        let mut unit = form_fields(&edit.body, &format!("/units/{division}"));
        set(&mut unit, "valid_from", "01.01.2030");
        set(&mut unit, "name", "Esimene nimi");
        let first = admin.post(&format!("/units/{division}"), &pairs(&unit));
        assert_eq!(first.status, 303, "{backend}: {}", main_of(&first.body));
        set(&mut unit, "name", "Teine nimi");
        set(&mut unit, "valid_from", "01.02.2030");
        let second = admin.post(&format!("/units/{division}"), &pairs(&unit));
        assert_eq!(second.status, 409, "{backend}: {}", main_of(&second.body));
    }
}
