//! What an import does beyond adding a version: earlier valid versions are superseded (to the
//! day before the new one's first day), versions of positions linked to a role card record the
//! card's revision, the holder a document names becomes a person with an assignment (once),
//! and personal identification codes are kept nowhere.

use crate::common::read_fixture;
use ametijuhend_domain::job_description::{JobDescription, Status};
use ametijuhend_domain::workflow::ActionKind;
use ametijuhend_domain::{Registry, SourceDocument, Timestamp};
use ametijuhend_ingest::plan::holders::person_id;
use ametijuhend_ingest::plan::versions::IMPORTER_ACCOUNT;
use ametijuhend_ingest::{ImportRecord, Origin, Parsed, Plan, Severity, parse, personal, plan};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

fn now() -> Timestamp {
    Timestamp::parse("2024-03-06T10:15:00Z").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Parses `text` as the file `name` (its hash from the text) and plans it into `reg`.
fn import_text(reg: &Registry, name: &str, text: &str) -> (Registry, Plan, Parsed) {
    let origin = Origin {
        file_name: name.into(),
        content_hash: hex::encode(Sha256::digest(text.as_bytes())),
    };
    let parsed = parse(text, &origin).unwrap_or_else(|e| panic!("{e}"));
    let source = SourceDocument {
        content_hash: origin.content_hash.clone(),
        file_name: origin.file_name.clone(),
        media_type: "text/plain".into(),
        imported_at: now(),
        content: text.as_bytes().to_vec(),
    };
    let p = plan(&parsed.records, reg, source, now());
    let merged = p.apply_to(reg);
    merged
        .validate()
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert!(
        p.report.iter().all(|n| n.severity != Severity::Error),
        "{name}: {:#?}",
        p.report
    );
    (merged, p, parsed)
}

fn fixture(dir: &str, name: &str) -> String {
    read_fixture(dir, name).0
}

fn versions<'a>(reg: &'a Registry, title: &str) -> Vec<&'a JobDescription> {
    let mut v: Vec<&JobDescription> = reg
        .job_descriptions
        .iter()
        .filter(|j| j.general.title == title)
        .collect();
    v.sort_by_key(|j| j.version);
    v
}

/// The peakasutaja document approved by another directive; `suffix` makes it another file.
fn peakasutaja(date: &str, number: &str, suffix: &str) -> String {
    fixture("corpus", "ska-ametijuhend-peakasutaja-perehuvitised")
        .replacen("06.03.2023", date, 1)
        .replacen("nr 49", &format!("nr {number}"), 1)
        + suffix
}

#[test]
fn an_approved_version_supersedes_the_one_before_it() {
    let v1_text = peakasutaja("06.03.2023", "49", "");
    let (reg, _, _) = import_text(&Registry::default(), "v1.txt", &v1_text);
    let (reg, plan, _) = import_text(&reg, "v2.txt", &peakasutaja("01.02.2024", "12", " "));
    let v = versions(&reg, "Peakasutaja");
    assert_eq!(v.len(), 2);
    assert_eq!(
        (v[0].status, v[1].status),
        (Status::Superseded, Status::Approved)
    );
    assert_eq!(v[0].effective_to, Some(day("2024-01-31")));
    let h = &v[0].workflow.history;
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].action, h[0].from, h[0].by.as_str()),
        (ActionKind::Supersede, Status::Approved, IMPORTER_ACCOUNT)
    );
    assert!(
        plan.report
            .iter()
            .any(|n| n.message.contains("in force until 2024-01-31"))
    );

    // Importing the same file again changes nothing; an older document imported last
    // supersedes nothing.
    let (_, again, _) = import_text(&reg, "v2.txt", &peakasutaja("01.02.2024", "12", " "));
    assert!(again.is_empty(), "{:?}", again.delta);
    let (reg, plan, _) = import_text(&reg, "v0.txt", &peakasutaja("01.01.2022", "3", "  "));
    let v = versions(&reg, "Peakasutaja");
    assert_eq!(v.len(), 3);
    assert_eq!(v[1].status, Status::Approved, "the newer version stays");
    assert!(
        plan.report
            .iter()
            .any(|n| n.severity == Severity::Warning && n.message.contains("dated before"))
    );
}

#[test]
fn a_draft_supersedes_nothing() {
    let (reg, _, _) = import_text(
        &Registry::default(),
        "v1.txt",
        &peakasutaja("06.03.2023", "49", ""),
    );
    let draft = peakasutaja("06.03.2023", "49", "").replacen(
        "Sotsiaalkindlustusameti peadirektori 06.03.2023",
        "Sotsiaalkindlustusameti peadirektori {regDateTime}",
        1,
    );
    let draft = draft.replacen("käskkirjaga nr 49", "käskkirjaga nr {regNumber}", 1);
    let draft = draft.replacen("Maret Maripuu", "{Allkirjastaja}", 1);
    let (reg, _, _) = import_text(&reg, "draft.txt", &draft);
    let v = versions(&reg, "Peakasutaja");
    assert_eq!(v.len(), 2);
    assert_eq!(
        (v[0].status, v[1].status),
        (Status::Approved, Status::Draft)
    );
    assert_eq!(v[0].effective_to, None);
}

#[test]
fn versions_of_positions_with_a_role_card_are_written_from_it() {
    let (reg, _, _) = import_text(
        &Registry::default(),
        "ska-rollikaardid-2024.txt",
        &fixture("corpus", "ska-rollikaardid-2024"),
    );
    let (reg, _, _) = import_text(
        &reg,
        "veebihaldur.txt",
        &fixture("corpus", "ska-ametijuhend-veebihaldur"),
    );
    let card = reg
        .role_cards
        .iter()
        .find(|c| c.title == "(VEEBI)HALDUR")
        .expect("the card");
    let v = versions(&reg, "Veebihaldur");
    let from = v[0].written_from.as_ref().expect("written_from");
    assert_eq!((&from.role_card, from.revision), (&card.id, card.revision));
    assert_eq!(v[0].workflow.card_snapshot.as_ref(), Some(card));

    // Without the catalogue there is no card to be written from.
    let (bare, _, _) = import_text(
        &Registry::default(),
        "veebihaldur.txt",
        &fixture("corpus", "ska-ametijuhend-veebihaldur"),
    );
    assert_eq!(versions(&bare, "Veebihaldur")[0].written_from, None);
}

#[test]
fn the_holder_is_a_person_with_one_assignment() {
    let text = fixture("corpus", "ska-ametijuhend-veebihaldur");
    let (reg, plan, parsed) = import_text(&Registry::default(), "veebihaldur.txt", &text);
    let ImportRecord::JobDescription(jd) = &parsed.records[0] else {
        panic!("a job description")
    };
    assert_eq!(jd.holder.as_deref(), Some("Kalev Lattik"));
    let position = reg
        .positions
        .iter()
        .find(|p| p.title == "Veebihaldur")
        .unwrap();
    let id = person_id("Kalev Lattik", &position.id);
    assert_eq!(reg.persons.len(), 1);
    assert_eq!(
        (&reg.persons[0].id, reg.persons[0].name.as_str()),
        (&id, "Kalev Lattik")
    );
    assert_eq!(position.assignments.len(), 1);
    let a = &position.assignments[0];
    assert_eq!((&a.person, a.from, a.to), (&id, None, None));
    assert!(plan.report.iter().any(|n| n.field == "holder"));

    // A new version signed by the same holder on a known day: the same person, one
    // assignment, its start filled in.
    let v2 = text.replacen("Peadirektor", "Peadirektor\n06.03.2024", 1) + " ";
    let (reg, plan, _) = import_text(&reg, "veebihaldur-2.txt", &v2);
    assert!(plan.delta.persons.is_empty(), "{:?}", plan.delta.persons);
    let position = reg
        .positions
        .iter()
        .find(|p| p.title == "Veebihaldur")
        .unwrap();
    assert_eq!(position.assignments.len(), 1);
    assert_eq!(position.assignments[0].from, Some(day("2024-03-06")));

    // Another holder from a later day: the first one's assignment ends the day before.
    let v3 = text
        .replacen(
            "Maret Maripuu Kalev Lattik",
            "Maret Maripuu Mari Maasikas",
            1,
        )
        .replacen("Peadirektor", "Peadirektor\n01.09.2024", 1);
    let (reg, _, _) = import_text(&reg, "veebihaldur-3.txt", &v3);
    let position = reg
        .positions
        .iter()
        .find(|p| p.title == "Veebihaldur")
        .unwrap();
    let spans: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = position
        .assignments
        .iter()
        .map(|a| (reg.person(&a.person).unwrap().name.clone(), a.from, a.to))
        .collect();
    assert_eq!(
        spans,
        vec![
            (
                "Kalev Lattik".into(),
                Some(day("2024-03-06")),
                Some(day("2024-08-31"))
            ),
            ("Mari Maasikas".into(), Some(day("2024-09-01")), None),
        ]
    );
    assert_eq!(reg.persons.len(), 2);
}

#[test]
fn personal_identification_codes_are_kept_nowhere() {
    let code = "38001010009";
    let text = fixture("corpus", "ska-ametijuhend-veebihaldur").replacen(
        "Maret Maripuu Kalev Lattik",
        &format!("Maret Maripuu Kalev Lattik, isikukood {code}"),
        1,
    );
    let (reg, plan, parsed) = import_text(&Registry::default(), "veebihaldur.txt", &text);
    assert!(!parsed.to_json_lines().contains(code));
    assert!(!parsed.report.to_string().contains(code));
    let ImportRecord::JobDescription(jd) = &parsed.records[0] else {
        panic!("a job description")
    };
    assert_eq!(jd.holder.as_deref(), Some("Kalev Lattik"));
    let line = text.lines().position(|l| l.contains(code)).unwrap() + 1;
    assert!(
        jd.warnings
            .iter()
            .any(|w| { w.field.as_deref() == Some(personal::FIELD) && w.line == Some(line) })
    );
    // The original is kept by name and hash, not its bytes; nothing else holds the code.
    assert!(reg.source_documents[0].content.is_empty());
    assert!(plan.report.iter().any(|n| n.field == "source.content"));
    assert!(!serde_json::to_string(&reg).unwrap().contains(code));
}
