//! Targeted assertions on the tricky fields of the corpus documents (the golden files check
//! everything else): the flattened general part, results split by page breaks, typed language
//! requirements, placeholders, two-party signatures, the role card catalogue.

use crate::common::{parse_fixture, read_fixture};
use ametijuhend_domain::job_description::{SignatureParty, Status, Template};
use ametijuhend_domain::language::Cefr;
use ametijuhend_ingest::record::{JobDescriptionRecord, RoleCardBody};
use ametijuhend_ingest::{DocumentKind, ImportRecord, detect};

fn only_jd(name: &str) -> JobDescriptionRecord {
    let p = parse_fixture("corpus", name);
    assert_eq!(p.records.len(), 1);
    match p.records.into_iter().next().unwrap() {
        ImportRecord::JobDescription(j) => j,
        other => panic!("{name}: {}", other.kind()),
    }
}

#[test]
fn kinds_are_detected() {
    let cases = [
        (
            "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
            DocumentKind::JobDescription2023,
        ),
        (
            "ska-ametijuhend-peakasutaja-perehuvitised",
            DocumentKind::JobDescription2023,
        ),
        (
            "ska-ametijuhend-peaspetsialist-star-kasutajatugi",
            DocumentKind::JobDescription2024,
        ),
        (
            "ska-ametijuhend-veebihaldur",
            DocumentKind::JobDescription2023,
        ),
        ("ska-rollikaardid-2024", DocumentKind::RoleCardCatalogue),
    ];
    for (name, kind) in cases {
        assert_eq!(detect(&read_fixture("corpus", name).0), kind, "{name}");
    }
}

#[test]
fn peakasutaja_general_part_and_results() {
    let j = only_jd("ska-ametijuhend-peakasutaja-perehuvitised");
    let p = &j.position;
    assert_eq!(p.title.as_deref(), Some("Peakasutaja"));
    assert_eq!(
        p.unit.as_deref(),
        Some("Hüvitiste osakonna perehüvitiste valdkonna tiim")
    );
    assert_eq!(
        p.supervisor.as_deref(),
        Some("Perehüvitiste valdkonna juht")
    );
    assert_eq!(p.substituted_by, vec!["Peakasutaja", "teenuse juht"]);
    assert_eq!(p.substitutes_for, vec!["Peakasutajat", "teenuse juhti"]);
    assert_eq!(j.duties.len(), 17);
    let d315 = j.duties.iter().find(|d| d.number == "3.15").unwrap();
    assert_eq!(
        d315.expected_results,
        vec![
            "Tehtud on asjakohased ettepanekud oma valdkonna töökorralduse lihtsustamiseks.",
            "Tehtud on põhjendatud arendusettepanekud, mis lähtuvad ameti eesmärkidest ja võimalustest."
        ]
    );
    let a = j.approval.as_ref().unwrap();
    assert_eq!(a.directive_number.as_deref(), Some("49"));
    assert_eq!(
        a.directive_date.map(|d| d.to_string()).as_deref(),
        Some("2023-03-06")
    );
    assert_eq!(a.annex, None);
    assert_eq!(j.status, Status::Approved);
    let langs = &j.requirements.languages;
    assert_eq!(langs.len(), 2);
    assert_eq!(
        (
            langs[0].language.as_ref().map(|c| c.as_str()),
            langs[0].level
        ),
        (Some("et"), Cefr::C1)
    );
    assert_eq!(langs[1].language, None);
    assert_eq!(langs[1].level, Cefr::B1);
    assert_eq!(langs[1].count, Some(1));
    assert_eq!(
        langs[1]
            .preferred
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        vec!["en", "ru"]
    );
    assert_eq!(j.rights.intro.as_deref(), Some("Teenistujal on õigus:"));
    assert_eq!(j.rights.items.len(), 5);
    let names: Vec<&str> = j.competencies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        &names[..4],
        [
            "Kliendikeskus",
            "Asjatundlikkus",
            "Koostöövõime",
            "Uuendusmeelsus"
        ]
    );
    assert!(
        j.unplaced.is_empty() && j.warnings.is_empty(),
        "{:?} {:?}",
        j.unplaced,
        j.warnings
    );
}

#[test]
fn osakonnajuhataja_multiline_substitutes_and_placeholders() {
    let j = only_jd("ska-ametijuhend-osakonnajuhataja-teenuste-osakond");
    let p = &j.position;
    assert_eq!(
        (p.title.as_deref(), p.unit.as_deref()),
        (Some("Osakonnajuhataja"), Some("Teenuste osakond"))
    );
    assert_eq!(p.supervisor.as_deref(), Some("Peadirektor"));
    assert_eq!(
        p.substituted_by,
        vec![
            "Erihoolekande ja rehabilitatsiooni talituse talitusejuhataja",
            "abivahendite talituse talitusejuhataja",
            "ekspertiisi talituse talitusejuhataja"
        ]
    );
    assert!(p.substitutes_for.is_empty(), "'-' is nobody");
    let d31 = &j.duties[0];
    assert!(
        d31.text.ends_with("korraldamise tagamine."),
        "the duty's own sub-list stays in its text: {}",
        d31.text
    );
    assert_eq!(
        d31.expected_results,
        vec![
            "Sotsiaalkindlustusameti poolt tagatud sotsiaalteenused on kvaliteetsed ja kättesaadavad."
        ]
    );
    let d37 = j.duties.iter().find(|d| d.number == "3.7").unwrap();
    assert_eq!(d37.text, "Infovahetuse ja koostöö tagamine.");
    assert_eq!(d37.expected_results.len(), 3);
    assert_eq!(
        j.rights.items.last().map(String::as_str),
        Some("vastu võtta otsuseid oma pädevuse piires")
    );
    let sig = &j.signatures[0];
    assert_eq!(sig.party, SignatureParty::Approver);
    assert_eq!((sig.name.as_deref(), sig.title.as_deref()), (None, None));
    assert_eq!(sig.placeholders, vec!["{Allkirjastaja}", "{Ametikoht}"]);
    assert_eq!(j.status, Status::Draft);
    let additional: Vec<&str> = j
        .competencies
        .iter()
        .filter(|c| c.kind == ametijuhend_domain::CompetencyKind::Additional)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(additional.len(), 13);
    assert!(additional.contains(&"Rehabilitatsioonivaldkonna tundmine"));
}

#[test]
fn veebihaldur_languages_and_two_party_signature() {
    let j = only_jd("ska-ametijuhend-veebihaldur");
    assert_eq!(j.position.substituted_by, vec!["Veebihaldur"]);
    assert_eq!(j.position.substitutes_for, vec!["Veebihaldur"]);
    let langs: Vec<(&str, Cefr)> = j
        .requirements
        .languages
        .iter()
        .map(|l| (l.language.as_ref().unwrap().as_str(), l.level))
        .collect();
    assert_eq!(
        langs,
        vec![("et", Cefr::C1), ("en", Cefr::B1), ("ru", Cefr::B1)]
    );
    let s: Vec<(SignatureParty, Option<&str>, Option<&str>, bool)> = j
        .signatures
        .iter()
        .map(|s| {
            (
                s.party,
                s.name.as_deref(),
                s.title.as_deref(),
                s.signed_digitally,
            )
        })
        .collect();
    assert_eq!(
        s,
        vec![
            (
                SignatureParty::Employer,
                Some("Maret Maripuu"),
                Some("Peadirektor"),
                true
            ),
            (SignatureParty::Holder, Some("Kalev Lattik"), None, true)
        ]
    );
    assert_eq!(j.status, Status::Signed);
}

#[test]
fn template_2024() {
    let j = only_jd("ska-ametijuhend-peaspetsialist-star-kasutajatugi");
    assert_eq!(j.template, Template::Ska2024);
    let p = &j.position;
    assert_eq!(
        (p.title.as_deref(), p.specialisation.as_deref()),
        (Some("Peaspetsialist"), Some("STAR kasutajatugi"))
    );
    assert_eq!(p.unit.as_deref(), Some("Arendusosakond, arendustalitus"));
    assert!(p.subordinates.is_empty());
    assert_eq!(
        p.substituted_by,
        vec!["Peaspetsialist", "juhtivspetsialist (kasutajatugi)"]
    );
    assert_eq!(
        p.staff_group,
        Some(ametijuhend_domain::StaffGroup::Employee)
    );
    assert!(
        j.purpose
            .as_deref()
            .unwrap()
            .ends_with("muudes vajalikes registrites).")
    );
    assert_eq!(
        j.requirements.personal_qualities.as_deref(),
        Some("Hoolivus, asjatundlikkus, koostöövõime, uuendusmeelsus")
    );
    assert_eq!(
        j.special_conditions.as_deref(),
        Some("Eritingimused määratakse töölepingus.")
    );
    assert_eq!(j.duties.len(), 8);
    assert_eq!(j.duties[0].expected_results.len(), 4);
    assert_eq!(j.rights.items.len(), 6);
    assert_eq!(j.responsibilities.items.len(), 6);
    assert_eq!(
        j.amendment_rules,
        vec!["Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel."]
    );
}

#[test]
fn role_card_catalogue() {
    let p = parse_fixture("corpus", "ska-rollikaardid-2024");
    let cards: Vec<&RoleCardBody> = p
        .records
        .iter()
        .filter_map(|r| match r {
            ImportRecord::RoleCard(c) => Some(&c.role_card),
            _ => None,
        })
        .collect();
    let glossary = p
        .records
        .iter()
        .filter(|r| r.kind() == "role_glossary_entry")
        .count();
    assert_eq!(cards.len(), 14);
    assert_eq!(glossary, 12);
    assert!(p.report.unplaced.is_empty() && p.report.warnings.is_empty());
    let card = |t: &str| {
        *cards
            .iter()
            .find(|c| c.title == t)
            .unwrap_or_else(|| panic!("no card {t}"))
    };
    assert_eq!(
        card("TEENUSEOMANIK").note.as_deref(),
        Some("IT vaates äriteenuse omanik")
    );
    assert_eq!(
        card("PORTFELLIHALDUR").note.as_deref(),
        Some("Võib olla kombineeritud eelkõige talituse juhataja rolliga")
    );
    assert!(cards.iter().any(|c| c.title == "(VEEBI)HALDUR"));
    assert!(
        cards
            .iter()
            .any(|c| c.title == "SPETSIALIST (sh MENETLEJA, NÕUSTAJA)")
    );
    let head = card("OSAKONNA JUHATAJA");
    let linked: Vec<(&str, Option<&str>)> = head
        .roles
        .iter()
        .map(|r| (r.text.as_str(), r.glossary_term.as_deref()))
        .collect();
    assert!(linked.contains(&("võimestaja", Some("Võimestaja"))));
    assert!(linked.contains(&("valdkonna kõneisik", Some("Valdkonna kõneisik"))));
    assert!(linked.contains(&(
        "koostöö algataja ja vedaja",
        Some("Koostöö algataja ja vedaja")
    )));
    assert!(
        linked.contains(&("suhete looja ja hoidja", None)),
        "unmatched roles stay unlinked"
    );
    assert_eq!(head.target_groups.len(), 6);
    assert!(
        head.required_competences
            .starts_with("Töö eeldab kõrgharidust")
    );
    assert_eq!(
        head.job_family_note.as_deref(),
        Some(
            "Sõltuvalt osakonna suurusest ja asjaolust, kas hakkab tulevikus asendama peadirektorit."
        )
    );
    let test_lead = card("TESTJUHT");
    assert_eq!(
        test_lead.target_groups,
        vec!["SKA arenduspartnerid", "TEHIK", "SKA teenistujad"]
    );
    assert!(
        test_lead
            .required_competences
            .starts_with("Töö eeldab valdkonnapõhist töökogemust")
    );
    let a = head.approval.as_ref().unwrap();
    assert_eq!(a.placeholders, vec!["{regDateTime}", "{regNumber}"]);
    assert_eq!(a.directive_number, None);
    let veebi = card("(VEEBI)HALDUR");
    assert!(
        !veebi.job_family_text.contains("regDateTime"),
        "the repeated stamp is not card text"
    );
    let expert = card("EKSPERT");
    assert_eq!(
        expert.evaluation_points.map(|p| (p.min, p.max)),
        Some((250, 350))
    );
    assert_eq!(expert.job_families.len(), 4);
}

#[test]
fn reports_name_what_is_missing() {
    let missing = |name: &str| {
        parse_fixture("corpus", name).report.records[0]
            .fields_missing
            .clone()
    };
    assert!(missing("ska-ametijuhend-peakasutaja-perehuvitised").is_empty());
    assert_eq!(
        missing("ska-ametijuhend-peaspetsialist-star-kasutajatugi"),
        vec!["approval"]
    );
    assert_eq!(
        missing("ska-ametijuhend-osakonnajuhataja-teenuste-osakond"),
        vec!["approval"]
    );
    let p = parse_fixture(
        "corpus",
        "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    );
    let text = p.report.to_string();
    assert!(text.starts_with(
        "ska-ametijuhend-osakonnajuhataja-teenuste-osakond.txt: job description (SKA 2023 template)"
    ));
    assert!(
        text.contains("[status]: unfilled template fields {Allkirjastaja}, {Ametikoht}"),
        "{text}"
    );
    let found = &p.report.records[0].fields_found;
    let mut dedup = found.clone();
    dedup.dedup();
    assert_eq!(&dedup, found, "each field once");
}
