//! Job descriptions in other Estonian agencies' forms (tests/agencies/*.txt, hand-written, one
//! per form and per combination of the oddities: numbered labels with colons, labels on their
//! own line, values running into the next label, definitional suffixes, substitution labels of
//! every kind, titles only in a genitive heading, directives and stamps of other forms, a
//! document register's metadata table). Their dry-run output is kept in golden files
//! (tests/agencies/golden), and the header fields are measured against values written by hand
//! (tests/agencies/expected.json): at least 95 % must be right.

use crate::common::{fixture_dir, fixture_names, parse_fixture};
use crate::golden::compare_with_golden_files;
use ametijuhend_ingest::ImportRecord;
use ametijuhend_ingest::record::JobDescriptionRecord;
use serde_json::{Value, json};

const DIR: &str = "agencies";

fn expected() -> serde_json::Map<String, Value> {
    let path = fixture_dir(DIR).join("expected.json");
    let text = std::fs::read_to_string(&path).unwrap();
    match serde_json::from_str(&text).unwrap() {
        Value::Object(m) => m,
        other => panic!("{}: not an object: {other}", path.display()),
    }
}

/// The header fields of a job description as the expectations write them.
fn header(j: &JobDescriptionRecord) -> serde_json::Map<String, Value> {
    let p = &j.position;
    let a = j.approval.as_ref();
    let v = json!({
        "title": p.full_title(),
        "unit": p.unit,
        "supervisor": p.supervisor,
        "substituted_by": p.substituted_by,
        "substitutes_for": p.substitutes_for,
        "subordinates": p.subordinates,
        "purpose": j.purpose,
        "directive_number": a.and_then(|a| a.directive_number.clone()),
        "directive_date": a.and_then(|a| a.directive_date).map(|d| d.to_string()),
        "annex": a.and_then(|a| a.annex),
    });
    match v {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

#[test]
fn every_form_has_expectations() {
    let names = fixture_names(DIR);
    let exp = expected();
    assert!(names.len() >= 9, "{names:?}");
    for n in &names {
        assert!(exp.contains_key(n), "{n}.txt has no entry in expected.json");
    }
    for k in exp.keys() {
        assert!(
            names.contains(k),
            "expected.json names {k}, which has no .txt"
        );
    }
}

#[test]
fn agencies_match_golden_files() {
    let failures =
        compare_with_golden_files(DIR, &fixture_dir(DIR).join("golden"), &fixture_names(DIR));
    assert!(
        failures.is_empty(),
        "differences from the golden files:\n{}",
        failures.join("\n")
    );
}

/// Header-field accuracy over the set: title (with specialisation), unit, supervisor,
/// substitutes both ways, subordinates, purpose, directive number and date, annex.
#[test]
fn header_field_accuracy_is_at_least_95_percent() {
    let (mut right, mut total) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for (name, exp) in expected() {
        let parsed = parse_fixture(DIR, &name);
        let jds: Vec<&JobDescriptionRecord> = parsed
            .records
            .iter()
            .filter_map(|r| match r {
                ImportRecord::JobDescription(j) => Some(j),
                _ => None,
            })
            .collect();
        let want = exp["job_descriptions"].as_array().unwrap();
        assert_eq!(jds.len(), want.len(), "{name}: job descriptions");
        for (j, w) in jds.iter().zip(want) {
            let got = header(j);
            for (field, value) in w.as_object().unwrap() {
                total += 1;
                if got.get(field) == Some(value) {
                    right += 1;
                } else {
                    wrong.push(format!(
                        "{name} {field}: expected {value}, got {}",
                        got.get(field).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
        if let Some(d) = exp.get("directive") {
            let dir = parsed
                .records
                .iter()
                .find_map(|r| match r {
                    ImportRecord::Directive(d) => Some(&d.directive),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{name}: no directive"));
            let got = json!({
                "number": dir.number,
                "date": dir.date.map(|d| d.to_string()),
            });
            for (field, value) in d.as_object().unwrap() {
                total += 1;
                if got[field] == *value {
                    right += 1;
                } else {
                    wrong.push(format!(
                        "{name} directive.{field}: expected {value}, got {}",
                        got[field]
                    ));
                }
            }
        }
    }
    let percent = right as f64 * 100.0 / total as f64;
    println!(
        "header-field accuracy on {} agency forms: {right}/{total} = {percent:.1} %",
        fixture_names(DIR).len()
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(total >= 80, "too few fields measured: {total}");
    assert!(
        percent >= 95.0,
        "header-field accuracy {percent:.1} % is below 95 %:\n{}",
        wrong.join("\n")
    );
}

/// Labels the lexicon does not know are listed with their lines; a register's metadata
/// ("Vastutaja", "Allkirjastaja") is kept as unplaced text, never read as the supervisor.
#[test]
fn unknown_labels_are_listed_and_nothing_is_dropped() {
    for (name, exp) in expected() {
        let parsed = parse_fixture(DIR, &name);
        let listed: Vec<&str> = parsed
            .report
            .unknown_labels
            .iter()
            .map(|u| u.label.as_str())
            .collect();
        for want in exp
            .get("unknown_labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(
                listed.contains(&want.as_str().unwrap()),
                "{name}: '{want}' not listed among {listed:?}"
            );
        }
    }
    let p = parse_fixture(DIR, "ria-analuutik-koolonitega");
    let u = &p.report.unknown_labels[0];
    assert_eq!((u.line, u.label.as_str()), (14, "Ametijuhendi versioon"));
    let printed = p.report.to_string();
    assert!(
        printed.contains("unknown label ria-analuutik-koolonitega.txt:14: 'Ametijuhendi versioon'"),
        "{printed}"
    );
    let p = parse_fixture(DIR, "dokumendiregistri-metaandmed");
    let ImportRecord::JobDescription(j) = &p.records[0] else {
        panic!("a job description")
    };
    let unplaced: Vec<&str> = j.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert!(
        unplaced.contains(&"Vastutaja: Mari Maasikas"),
        "{unplaced:?}"
    );
    assert!(
        unplaced.contains(&"Allkirjastaja: Jaan Tamm"),
        "{unplaced:?}"
    );
    // A directive clause "Kinnitan eksperdi ametijuhendi (lisa 1)" is no annex title: the
    // annex's own title is taken.
    let p = parse_fixture(DIR, "kaskkiri-uhel-real-lisaga");
    let ImportRecord::Directive(d) = &p.records[0] else {
        panic!("a directive")
    };
    assert_eq!(d.directive.annexes[0].title, "Ekspert");
    // The definitions removed from values are kept in notes.
    let p = parse_fixture(DIR, "mta-noulik-pealkirjas");
    let ImportRecord::JobDescription(j) = &p.records[0] else {
        panic!("a job description")
    };
    assert!(
        j.warnings
            .iter()
            .any(|w| w.message.contains("'(edaspidi direktor)' was removed")),
        "{:?}",
        j.warnings
    );
}
