//! Other agencies' job descriptions as DOCX, built like the other DOCX test documents
//! ([`super::builders`]): the general part as a two-column table (label | value), a flattened
//! side-by-side header row, and a stamp with "Lisa N" above it. The text extracted from them
//! must give the same header fields as the agency forms in `crates/ingest/tests/agencies`.

use super::builders::{docx, p, table};
use super::extract_ok;
use ametijuhend_ingest::record::JobDescriptionRecord;
use ametijuhend_ingest::{ImportRecord, Origin, parse};

fn job_description(bytes: &[u8], name: &str) -> JobDescriptionRecord {
    let doc = extract_ok(bytes, name);
    let origin = Origin {
        file_name: name.into(),
        content_hash: "0".repeat(64),
    };
    let parsed = parse(&doc.text, &origin).unwrap_or_else(|e| panic!("{e}\n{}", doc.text));
    match parsed.records.into_iter().next() {
        Some(ImportRecord::JobDescription(j)) => j,
        other => panic!("{name}: not a job description: {other:?}\n{}", doc.text),
    }
}

fn body_sections() -> String {
    [
        p("TÖÖÜLESANDED"),
        p("1. Juhib liiklusregistri teenuste arendust."),
        p("2. Koostab teenuste aruandeid."),
        p("NÕUDED"),
        p("Haridus: kõrgharidus."),
    ]
    .concat()
}

/// A label | value table with a dative supervisor, a definition, first and second substitute.
#[test]
fn a_label_value_table() {
    let body = [
        p("Lisa 4"),
        p("KINNITATUD"),
        p("Transpordiameti peadirektori"),
        p("12.01.2023 käskkirjaga nr 1.1-1/23/5"),
        p("TEENUSEJUHI AMETIJUHEND"),
        table(&[
            &["Ametikoha nimetus", "Teenusejuht (liiklusregister)"],
            &["Struktuuriüksus", "Teenuste osakond (edaspidi osakond)"],
            &["Kellele allub", "Osakonna juhatajale"],
            &["Esimene asendaja", "Vanemspetsialist"],
            &["Teine asendaja", "Spetsialist"],
            &["Ametnik asendab", "Osakonna juhatajat"],
            &["Alluvad", "puuduvad"],
            &[
                "Teenistuskoha eesmärk",
                "Liiklusregistri teenuste arendamine ja kvaliteedi tagamine.",
            ],
        ]),
        body_sections(),
    ]
    .concat();
    let j = job_description(&docx(&body, None), "teenusejuht.docx");
    let pos = &j.position;
    assert_eq!(
        pos.full_title().as_deref(),
        Some("Teenusejuht (liiklusregister)")
    );
    assert_eq!(pos.unit.as_deref(), Some("Teenuste osakond"));
    assert_eq!(pos.supervisor.as_deref(), Some("Osakonna juhataja"));
    assert_eq!(pos.substituted_by, vec!["Vanemspetsialist", "Spetsialist"]);
    assert_eq!(pos.substitutes_for, vec!["Osakonna juhatajat"]);
    assert!(pos.subordinates.is_empty());
    assert_eq!(
        j.purpose.as_deref(),
        Some("Liiklusregistri teenuste arendamine ja kvaliteedi tagamine.")
    );
    let a = j.approval.as_ref().expect("the stamp");
    assert_eq!(a.directive_number.as_deref(), Some("1.1-1/23/5"));
    assert_eq!(
        a.directive_date.map(|d| d.to_string()).as_deref(),
        Some("2023-01-12")
    );
    assert_eq!(a.annex, Some(4));
}

/// A header row of several labels side by side with the values in the row below (extraction
/// flattens each row into one line), and a worded date in the stamp.
#[test]
fn a_side_by_side_header_row() {
    let body = [
        p("KINNITATUD"),
        p("Riigi Infosüsteemi Ameti peadirektori"),
        p("5. aprilli 2019 käskkirjaga nr ABC-1/7"),
        p("ANALÜÜTIKU AMETIJUHEND"),
        p("1. ÜLDOSA"),
        table(&[
            &["Struktuuriüksus", "Vahetu juht"],
            &["Analüüsi osakond", "Osakonna juhataja"],
            &["Asendaja", "Asendab"],
            &["Peaspetsialist", "Juhtivspetsialisti"],
        ]),
        p("2. AMETIKOHA EESMÄRK"),
        p("Turvaintsidentide analüüsimine."),
        body_sections(),
    ]
    .concat();
    let j = job_description(&docx(&body, None), "analuutik.docx");
    let pos = &j.position;
    assert_eq!(pos.title.as_deref(), Some("Analüütik"));
    assert_eq!(pos.unit.as_deref(), Some("Analüüsi osakond"));
    assert_eq!(pos.supervisor.as_deref(), Some("Osakonna juhataja"));
    assert_eq!(pos.substituted_by, vec!["Peaspetsialist"]);
    assert_eq!(pos.substitutes_for, vec!["Juhtivspetsialisti"]);
    assert_eq!(
        j.purpose.as_deref(),
        Some("Turvaintsidentide analüüsimine.")
    );
    let a = j.approval.as_ref().expect("the stamp");
    assert_eq!(a.directive_number.as_deref(), Some("ABC-1/7"));
    assert_eq!(
        a.directive_date.map(|d| d.to_string()).as_deref(),
        Some("2019-04-05")
    );
}
