//! Planning imports against a registry: units and positions are created once, re-importing
//! the same file changes nothing, a new file for a known position is its next version, names
//! are resolved with Estonian case endings (ambiguous ones are noted, not guessed), and every
//! planned registry validates.

use crate::common::{corpus_names, read_fixture};
use ametijuhend_domain::job_description::Status;
use ametijuhend_domain::{Position, Registry, SourceDocument, StaffGroup, Timestamp, UnitKind};
use ametijuhend_ingest::plan::{AGENCY, merge};
use ametijuhend_ingest::{Origin, Parsed, Plan, Severity, parse, plan};

fn now() -> Timestamp {
    Timestamp::parse("2024-03-06T10:15:00Z").unwrap()
}

fn source(text: &str, origin: &Origin) -> SourceDocument {
    SourceDocument {
        content_hash: origin.content_hash.clone(),
        file_name: origin.file_name.clone(),
        media_type: "text/plain".into(),
        imported_at: now(),
        content: text.as_bytes().to_vec(),
    }
}

fn parsed(dir: &str, name: &str) -> (Parsed, SourceDocument) {
    let (text, origin) = read_fixture(dir, name);
    (parse(&text, &origin).unwrap(), source(&text, &origin))
}

/// Plans a document against `reg`, checks the result validates, and returns the new registry.
fn import(reg: &Registry, dir: &str, name: &str) -> (Registry, Plan) {
    let (p, src) = parsed(dir, name);
    let plan = plan(&p.records, reg, src, now());
    let merged = merge(reg, &plan.delta);
    merged
        .validate()
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert!(
        plan.report.iter().all(|n| n.severity != Severity::Error),
        "{name}: {:#?}",
        plan.report
    );
    (merged, plan)
}

fn position<'a>(reg: &'a Registry, title: &str) -> Vec<&'a Position> {
    reg.positions
        .iter()
        .filter(|p| p.full_title() == title)
        .collect()
}

#[test]
fn a_job_description_creates_units_position_and_version_one() {
    let (reg, plan) = import(
        &Registry::default(),
        "corpus",
        "ska-ametijuhend-peakasutaja-perehuvitised",
    );
    let names: Vec<(&str, UnitKind)> = reg
        .units
        .iter()
        .map(|u| (u.name(), u.current().kind))
        .collect();
    assert!(names.contains(&(AGENCY, UnitKind::Agency)));
    assert!(names.contains(&("Hüvitiste osakond", UnitKind::Department)));
    assert!(names.contains(&("Perehüvitiste valdkonna tiim", UnitKind::Team)));
    let team = reg
        .units
        .iter()
        .find(|u| u.name() == "Perehüvitiste valdkonna tiim")
        .unwrap();
    let dept = reg
        .units
        .iter()
        .find(|u| u.name() == "Hüvitiste osakond")
        .unwrap();
    assert_eq!(team.parent(), Some(&dept.id));
    let p = position(&reg, "Peakasutaja");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].unit, team.id);
    assert_eq!(p[0].staff_group, StaffGroup::Official);
    assert_eq!(reg.job_descriptions.len(), 1);
    let jd = &reg.job_descriptions[0];
    assert_eq!((jd.version, jd.status.as_str()), (1, "approved"));
    assert_eq!(
        jd.general.substitutes_for,
        vec!["Peakasutajat", "teenuse juhti"],
        "names stay as written"
    );
    assert_eq!(jd.competencies.len(), 13);
    assert_eq!(reg.competencies.len(), 13);
    assert_eq!(reg.source_documents.len(), 1);
    assert_eq!(
        jd.source.as_ref().unwrap().content_hash,
        reg.source_documents[0].content_hash
    );
    // Nothing else is in the registry yet: the names are reported, not guessed.
    assert!(
        plan.report.iter().any(|n| n.field == "position.supervisor"
            && n.message.contains("Perehüvitiste valdkonna juht"))
    );
    assert!(
        plan.report
            .iter()
            .any(|n| n.field == "position.substituted_by" && n.message.contains("own title"))
    );
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let mut reg = Registry::default();
    for name in corpus_names() {
        reg = import(&reg, "corpus", &name).0;
    }
    for name in [
        "kaskkiri-kolme-lisaga",
        "teise-asutuse-ametijuhend",
        "artefaktid",
    ] {
        reg = import(&reg, "variants", name).0;
    }
    for name in corpus_names() {
        let (_, again) = import(&reg, "corpus", &name);
        assert!(again.is_empty(), "{name}: {:#?}", again.delta);
    }
    for name in [
        "kaskkiri-kolme-lisaga",
        "teise-asutuse-ametijuhend",
        "artefaktid",
    ] {
        let (_, again) = import(&reg, "variants", name);
        assert!(again.is_empty(), "{name}: {:#?}", again.delta);
    }
}

#[test]
fn a_new_file_for_a_known_position_is_its_next_version() {
    let (reg, _) = import(
        &Registry::default(),
        "corpus",
        "ska-ametijuhend-veebihaldur",
    );
    let (text, mut origin) = read_fixture("corpus", "ska-ametijuhend-veebihaldur");
    let changed = text.replace(
        "veebilehtede haldamine ja",
        "veebilehtede ja intraneti haldamine ning",
    );
    origin.content_hash = "f".repeat(64);
    let p = parse(&changed, &origin).unwrap();
    let plan = plan(&p.records, &reg, source(&changed, &origin), now());
    assert!(
        plan.delta.positions.is_empty(),
        "no new position: {:?}",
        plan.delta.positions
    );
    // The new version, and the signed version 1 it supersedes (no dates in the document: the
    // end stays open).
    assert_eq!(plan.delta.job_descriptions.len(), 2);
    let v2 = plan
        .delta
        .job_descriptions
        .iter()
        .find(|j| j.version == 2)
        .unwrap();
    assert_eq!(v2.position, reg.job_descriptions[0].position);
    assert!(v2.purpose.contains("intraneti"));
    assert_eq!(v2.status, Status::Signed);
    let v1 = plan
        .delta
        .job_descriptions
        .iter()
        .find(|j| j.version == 1)
        .unwrap();
    assert_eq!(v1.status, Status::Superseded);
    assert_eq!(v1.effective_to, None);
    let merged = merge(&reg, &plan.delta);
    merged.validate().unwrap();
    assert_eq!(merged.job_descriptions.len(), 2);
    assert!(plan.report.iter().any(|n| n.message.contains("version 2")));
}

#[test]
fn a_directive_links_its_annexes_and_resolves_names() {
    let (reg, plan) = import(&Registry::default(), "variants", "kaskkiri-kolme-lisaga");
    assert_eq!(reg.directives.len(), 1);
    let d = &reg.directives[0];
    assert_eq!(d.annexes.len(), 3);
    for a in &d.annexes {
        let jd = reg
            .job_description(a.job_description.as_ref().expect("annex linked"))
            .unwrap();
        assert_eq!(jd.approval.as_ref().unwrap().annex, Some(a.annex));
        assert_eq!(
            jd.approval.as_ref().unwrap().directive.as_ref(),
            Some(&d.id)
        );
        assert_eq!(
            jd.effective_from,
            ametijuhend_domain::time::parse_date("01.03.2023")
        );
    }
    let star = position(&reg, "Peaspetsialist (STAR kasutajatugi)")[0];
    let support = position(&reg, "Juhtivspetsialist (kasutajatugi)")[0];
    let head = position(&reg, "Arendustalituse juhataja")[0];
    assert_eq!(star.supervisor.as_ref(), Some(&support.id));
    assert_eq!(
        support.supervisor.as_ref(),
        Some(&head.id),
        "'Arendustalituse juhataja' resolved"
    );
    assert_eq!(star.unit, head.unit, "one division for all three");
    let subs: Vec<(&str, &str)> = reg
        .substitutions
        .iter()
        .map(|s| {
            (
                reg.position(&s.substitute).unwrap().title.as_str(),
                reg.position(&s.substituted).unwrap().title.as_str(),
            )
        })
        .collect();
    assert!(subs.contains(&("Juhtivspetsialist", "Peaspetsialist")));
    assert!(
        subs.contains(&("Peaspetsialist", "Juhtivspetsialist")),
        "'Juhtivspetsialisti' (partitive) resolved"
    );
    assert!(plan.report.iter().any(
        |n| n.field == "position.supervisor" && n.message.contains("Arendusosakonna juhataja")
    ));
    assert!(
        plan.report
            .iter()
            .any(|n| n.field == "position.subordinates" && n.message.contains("another position"))
    );
}

#[test]
fn ambiguous_names_are_noted_not_guessed() {
    let (mut reg, _) = import(
        &Registry::default(),
        "corpus",
        "ska-ametijuhend-peakasutaja-perehuvitised",
    );
    // Two "Teenuse juht" positions in two other teams of the same department.
    let dept = reg
        .units
        .iter()
        .find(|u| u.name() == "Hüvitiste osakond")
        .unwrap()
        .id
        .clone();
    let template = reg.positions[0].clone();
    for (i, team) in ["Pensionide tiim", "Toetuste tiim"].iter().enumerate() {
        let unit = ametijuhend_domain::Unit::new(
            ametijuhend_domain::UnitId::derived(team),
            *team,
            UnitKind::Team,
            Some(dept.clone()),
        );
        reg.positions.push(Position {
            id: ametijuhend_domain::PositionId::derived(&format!("teenuse juht {i}")),
            title: "Teenuse juht".into(),
            unit: unit.id.clone(),
            ..template.clone()
        });
        reg.units.push(unit);
    }
    reg.validate().unwrap();
    let (text, mut origin) = read_fixture("corpus", "ska-ametijuhend-peakasutaja-perehuvitised");
    origin.content_hash = "e".repeat(64);
    let p = parse(&text, &origin).unwrap();
    let plan = plan(&p.records, &reg, source(&text, &origin), now());
    let notes: Vec<&str> = plan
        .report
        .iter()
        .filter(|n| n.severity == Severity::Warning)
        .map(|n| n.message.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|m| m.contains("'teenuse juhti' is ambiguous")),
        "{notes:#?}"
    );
    assert!(
        plan.delta.substitutions.is_empty(),
        "no guess: {:?}",
        plan.delta.substitutions
    );
    merge(&reg, &plan.delta).validate().unwrap();

    // A "Teenuse juht" in the position's own team wins over the others.
    let team = reg
        .positions
        .iter()
        .find(|p| p.title == "Peakasutaja")
        .unwrap()
        .unit
        .clone();
    reg.positions.push(Position {
        id: ametijuhend_domain::PositionId::derived("teenuse juht in the team"),
        title: "Teenuse juht".into(),
        unit: team,
        ..template
    });
    let plan = ametijuhend_ingest::plan(&p.records, &reg, source(&text, &origin), now());
    assert_eq!(plan.delta.substitutions.len(), 2, "{:#?}", plan.report);
}

#[test]
fn role_cards_and_glossary_update_in_place() {
    let (reg, _) = import(&Registry::default(), "corpus", "ska-rollikaardid-2024");
    assert_eq!(reg.role_cards.len(), 14);
    assert_eq!(reg.role_glossary.len(), 12);
    let linked = reg
        .role_cards
        .iter()
        .flat_map(|c| &c.roles)
        .filter(|r| r.glossary_entry.is_some())
        .count();
    assert!(linked >= 40, "{linked} roles linked");
    let (text, mut origin) = read_fixture("corpus", "ska-rollikaardid-2024");
    let changed = text.replace("Poliitika rakendamine 4B", "Poliitika rakendamine 5");
    origin.content_hash = "d".repeat(64);
    let p = parse(&changed, &origin).unwrap();
    let plan = plan(&p.records, &reg, source(&changed, &origin), now());
    assert_eq!(plan.delta.role_cards.len(), 1, "only the changed card");
    assert_eq!(plan.delta.role_cards[0].revision, 2);
    assert!(plan.delta.role_glossary.is_empty());
    let merged = merge(&reg, &plan.delta);
    merged.validate().unwrap();
    assert_eq!(merged.role_cards.len(), 14);

    // A position imported after the catalogue is linked to its card by title.
    let (reg, _) = import(
        &merged,
        "corpus",
        "ska-ametijuhend-peakasutaja-perehuvitised",
    );
    let card = position(&reg, "Peakasutaja")[0]
        .role_card
        .clone()
        .expect("linked");
    assert_eq!(reg.role_card(&card).unwrap().title, "PEAKASUTAJA");
}

#[test]
fn bare_titles_stay_in_their_department_qualified_names_go_further() {
    let (reg, _) = import(
        &Registry::default(),
        "corpus",
        "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    );
    // The web manager's "Osakonnajuhataja" is the head of Kommunikatsiooniosakond, not the
    // head of Teenuste osakond who is in the registry.
    let (reg, web_plan) = import(&reg, "corpus", "ska-ametijuhend-veebihaldur");
    let web = position(&reg, "Veebihaldur")[0];
    assert_eq!(web.supervisor, None);
    assert!(
        web_plan
            .report
            .iter()
            .any(|n| n.field == "position.supervisor" && n.message.contains("matches no position"))
    );

    // "ekspertiisi talituse talitusejuhataja" names a unit: found wherever that unit is.
    let mut reg = reg;
    let dept = reg
        .units
        .iter()
        .find(|u| u.name() == "Teenuste osakond")
        .unwrap()
        .id
        .clone();
    let unit = ametijuhend_domain::Unit::new(
        ametijuhend_domain::UnitId::derived("ekspertiisi talitus"),
        "Ekspertiisi talitus",
        UnitKind::Division,
        Some(dept),
    );
    let head = Position {
        id: ametijuhend_domain::PositionId::derived("ekspertiisi talitusejuhataja"),
        title: "Talitusejuhataja".into(),
        specialisation: None,
        unit: unit.id.clone(),
        supervisor: None,
        staff_group: StaffGroup::Official,
        role_card: None,
        job_family: None,
        assignments: vec![],
    };
    reg.units.push(unit);
    reg.positions.push(head.clone());
    let (text, mut origin) = read_fixture(
        "corpus",
        "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    );
    origin.content_hash = "c".repeat(64);
    let p = parse(&text, &origin).unwrap();
    let plan = plan(&p.records, &reg, source(&text, &origin), now());
    let substitutes: Vec<_> = plan
        .delta
        .substitutions
        .iter()
        .map(|s| &s.substitute)
        .collect();
    assert_eq!(substitutes, vec![&head.id], "{:#?}", plan.report);
}
