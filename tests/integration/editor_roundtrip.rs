//! The editor round-trips every field: a job description opened in the editor and saved without
//! a change gives a new version identical in content — the general part (substitutes,
//! subordinates), special conditions, signature blocks, unplaced text, requirements the editor
//! does not show, everything. Checked for every position of three registries: the agency's real
//! documents (data/demo, imported), the sample registry, and generated documents of both
//! templates in every lifecycle state.
//!
//! What a new version does not carry over by design is left out of the comparison: its id,
//! number, status, author and time, approval, dates, source file and lifecycle data, and that the
//! earlier version's signatures were given (who signs stays). Duties are numbered under the
//! template's duties section, as the documents number them.

use crate::support::{Client, Registry, sample_json};
use crate::web_support::{form_fields, main_of, pairs, password, set};
use serde_json::Value;
use std::path::Path;

fn editor_path(position: &str) -> String {
    format!("/positions/{position}/job-description/edit")
}

/// What a version says, without what belongs to the version rather than to its content.
fn content(jd: &Value) -> Value {
    let mut c = jd.clone();
    let o = c.as_object_mut().expect("a job description is an object");
    for key in [
        "id",
        "version",
        "status",
        "created_at",
        "created_by",
        "approval",
        "effective_from",
        "effective_to",
        "source",
        "workflow",
    ] {
        o.remove(key);
    }
    if let Some(sigs) = o.get_mut("signatures").and_then(Value::as_array_mut) {
        for s in sigs {
            s["signed_digitally"] = Value::Bool(false);
            s["date"] = Value::Null;
        }
    }
    let section = match o.get("template").and_then(Value::as_str) {
        Some("ska_2024") => 2,
        _ => 3,
    };
    if let Some(duties) = o.get_mut("duties").and_then(Value::as_array_mut) {
        for (i, d) in duties.iter_mut().enumerate() {
            d["number"] = Value::String(format!("{section}.{}", i + 1));
        }
    }
    c
}

/// The latest version of each position, by position id.
fn latest(export: &Value) -> std::collections::BTreeMap<String, Value> {
    let mut out = std::collections::BTreeMap::<String, Value>::new();
    for jd in export["job_descriptions"].as_array().expect("a list") {
        let p = jd["position"].as_str().unwrap().to_string();
        if out
            .get(&p)
            .is_none_or(|o| o["version"].as_u64() < jd["version"].as_u64())
        {
            out.insert(p, jd.clone());
        }
    }
    out
}

fn export(reg: &Registry) -> Value {
    serde_json::from_str(&reg.run(&["export"]).ok().stdout).expect("export writes JSON")
}

/// Opens the editor of every position whose latest version may be edited, saves without a
/// change, and compares. Returns how many versions were compared.
fn round_trip_every_position(what: &str, reg: &Registry) -> usize {
    reg.add_user(
        "hr",
        &password("hr"),
        &["--role", "hr", "--name", "Helle Personal"],
    );
    let before = export(reg);
    let server = reg.serve(&[]);
    let mut hr = Client::new(&server);
    assert_eq!(hr.login("hr", &password("hr")).status, 303);
    let mut edited = Vec::new();
    for (position, jd) in latest(&before) {
        // A version in coordination is not edited (it is withdrawn or returned first).
        if jd["status"] == "in_coordination" {
            continue;
        }
        let path = editor_path(&position);
        let page = hr.get(&path);
        assert_eq!(
            page.status,
            200,
            "{what}: GET {path}: {}",
            main_of(&page.body)
        );
        let mut fields = form_fields(&page.body, &path);
        set(&mut fields, "op", "save");
        let r = hr.post(&path, &pairs(&fields));
        assert_eq!(r.status, 303, "{what}: saving {path}: {}", main_of(&r.body));
        edited.push(position);
    }
    drop(server);
    let after = latest(&export(reg));
    let before = latest(&before);
    for position in &edited {
        let (old, new) = (&before[position], &after[position]);
        assert_ne!(old["id"], new["id"], "{what}: {position} got a new version");
        let (old, new) = (content(old), content(new));
        if old != new {
            let keys: Vec<&String> = old
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| old[k.as_str()] != new[k.as_str()])
                .collect();
            panic!(
                "{what}: position {position} changed in {keys:?}:\nbefore {}\nafter  {}",
                keys.iter()
                    .map(|k| old[k.as_str()].to_string())
                    .collect::<Vec<_>>()
                    .join(" | "),
                keys.iter()
                    .map(|k| new[k.as_str()].to_string())
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
    }
    edited.len()
}

#[test]
fn saving_without_a_change_keeps_every_field_of_real_sample_and_generated_documents() {
    // The agency's real documents, imported (with the text the importer could not place).
    let real = Registry::sqlite();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
    real.run(&["import", demo.to_str().unwrap()]).ok();
    let n = round_trip_every_position("real documents", &real);
    assert!(n >= 4, "the four real documents: {n}");

    // The sample registry (the corpus's documents as records).
    let sample = Registry::sqlite();
    sample
        .run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    let n = round_trip_every_position("sample", &sample);
    assert!(n >= 3, "the sample's positions: {n}");

    // Generated documents: both templates, every lifecycle state, substitutes both ways.
    let generated = Registry::sqlite();
    let file = generated.path("generated.json");
    let f = file.to_str().unwrap();
    generated
        .run(&["generate", "--positions", "60", "--seed", "21", "--out", f])
        .ok();
    generated.run(&["restore", f]).ok();
    let n = round_trip_every_position("generated", &generated);
    assert!(n >= 45, "most of the 60 generated positions: {n}");
}

/// The sample registry with an HR account.
fn sample_with_hr() -> Registry {
    let reg = Registry::sqlite();
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    reg.add_user(
        "hr",
        &password("hr"),
        &["--role", "hr", "--name", "Helle Personal"],
    );
    reg
}

fn signed_in_hr(server: &crate::support::Server) -> Client<'_> {
    let mut hr = Client::new(server);
    assert_eq!(hr.login("hr", &password("hr")).status, 303);
    hr
}

#[test]
fn subordinates_whom_the_position_substitutes_and_special_conditions_are_edited_too() {
    let reg = sample_with_hr();
    let position = ametijuhend_domain::sample::ids::star_support().to_string();
    let server = reg.serve(&[]);
    let mut hr = signed_in_hr(&server);
    let path = editor_path(&position);
    let page = hr.get(&path);
    // What the editor does not change is shown as kept, not hidden.
    assert!(
        page.body.contains("id=\"kept-heading\""),
        "{}",
        main_of(&page.body)
    );
    let mut fields = form_fields(&page.body, &path);
    set(
        &mut fields,
        "subordinates",
        " Spetsialist \r\n\r\nAssistent",
    );
    set(
        &mut fields,
        "substitutes_for",
        "Peaspetsialist (SKAIS kasutajatugi)",
    );
    set(&mut fields, "special_conditions", "Töö ka puhkepäevadel.");
    set(&mut fields, "op", "save");
    let r = hr.post(&path, &pairs(&fields));
    assert_eq!(r.status, 303, "{}", main_of(&r.body));
    drop(server);
    let jd = &latest(&export(&reg))[&position];
    assert_eq!(
        jd["general"]["subordinates"],
        serde_json::json!(["Spetsialist", "Assistent"])
    );
    assert_eq!(
        jd["general"]["substitutes_for"],
        serde_json::json!(["Peaspetsialist (SKAIS kasutajatugi)"])
    );
    assert_eq!(jd["special_conditions"], "Töö ka puhkepäevadel.");
}

#[test]
fn after_an_editing_button_the_field_it_made_or_moved_has_the_focus() {
    let reg = sample_with_hr();
    let position = ametijuhend_domain::sample::ids::star_support().to_string();
    let server = reg.serve(&[]);
    let mut hr = signed_in_hr(&server);
    let path = editor_path(&position);
    let fields = form_fields(&hr.get(&path).body, &path);
    let duties = fields
        .iter()
        .filter(|(k, _)| k.starts_with("duty-") && k.ends_with("-text"))
        .count();
    let focused = |body: &str| {
        body.split("autofocus")
            .next()
            .and_then(|before| before.rsplit("id=\"").next())
            .map(|id| id.split('"').next().unwrap_or("").to_string())
            .filter(|_| body.matches("autofocus").count() == 1)
    };
    for (op, field) in [
        ("add-duty".to_string(), format!("duty-{duties}-text")),
        ("down-duty-0".to_string(), "duty-1-text".to_string()),
        ("add-result-0".to_string(), String::new()),
        ("add-language".to_string(), String::new()),
    ] {
        let mut f = fields.clone();
        set(&mut f, "op", &op);
        let r = hr.post(&path, &pairs(&f));
        assert_eq!(r.status, 200, "{op}");
        let got = focused(&r.body).unwrap_or_else(|| panic!("{op}: one field has autofocus"));
        if field.is_empty() {
            let prefix = if op.contains("result") {
                "duty-0-result-"
            } else {
                "lang-"
            };
            assert!(got.starts_with(prefix), "{op}: {got}");
        } else {
            assert_eq!(got, field, "{op}");
        }
    }
    // Opening the editor focuses nothing in particular.
    assert_eq!(focused(&hr.get(&path).body), None);
}
