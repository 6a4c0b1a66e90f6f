//! Hand-made variants for the oddities the importer must handle: a directive with three
//! annexes in three layouts, another agency's job description with label variants and the
//! title only in a genitive heading, extraction artefacts (form feeds, page numbers, U+F0B7
//! bullets, hyphenated wraps, a flattened row), and text that is no known document.

use crate::common::{parse_fixture, read_fixture};
use ametijuhend_domain::directive::EntryIntoForce;
use ametijuhend_domain::job_description::{SignatureParty, Status, Template};
use ametijuhend_domain::language::Cefr;
use ametijuhend_ingest::record::{DirectiveRecord, JobDescriptionRecord};
use ametijuhend_ingest::{DocumentKind, ImportRecord, detect, parse};
use chrono::NaiveDate;

fn date(s: &str) -> Option<NaiveDate> {
    ametijuhend_domain::time::parse_date(s)
}

fn jd(r: &ImportRecord) -> &JobDescriptionRecord {
    match r {
        ImportRecord::JobDescription(j) => j,
        other => panic!("expected a job description, got {}", other.kind()),
    }
}

fn directive(r: &ImportRecord) -> &DirectiveRecord {
    match r {
        ImportRecord::Directive(d) => d,
        other => panic!("expected a directive, got {}", other.kind()),
    }
}

#[test]
fn directive_with_three_annexes() {
    let p = parse_fixture("variants", "kaskkiri-kolme-lisaga");
    assert_eq!(p.kind, DocumentKind::Directive);
    assert_eq!(
        p.records.len(),
        4,
        "one directive and one job description per annex"
    );
    let d = &directive(&p.records[0]).directive;
    assert_eq!(d.number.as_deref(), Some("49"));
    assert_eq!(d.date, date("06.03.2023"));
    assert_eq!(d.title, "Ametijuhendite kinnitamine");
    assert!(
        d.legal_basis
            .as_deref()
            .unwrap()
            .starts_with("Avaliku teenistuse seaduse § 52 lõigete 1 ja 2")
    );
    let annexes: Vec<(u32, &str)> = d
        .annexes
        .iter()
        .map(|a| (a.annex, a.title.as_str()))
        .collect();
    assert_eq!(
        annexes,
        vec![
            (1, "peaspetsialist (STAR kasutajatugi)"),
            (2, "juhtivspetsialist (kasutajatugi)"),
            (3, "arendustalituse juhataja")
        ]
    );
    assert_eq!(d.repeals.len(), 2);
    assert_eq!(
        (d.repeals[0].directive_number.as_deref(), d.repeals[0].annex),
        (Some("12"), Some(4))
    );
    assert_eq!(d.repeals[0].directive_date, date("12.01.2022"));
    assert_eq!(
        (d.repeals[1].directive_number.as_deref(), d.repeals[1].annex),
        (Some("7"), None)
    );
    assert_eq!(
        d.entry_into_force,
        Some(EntryIntoForce::OnSigning {
            retroactive_from: date("01.03.2023")
        })
    );
    assert!(
        d.appeal_clause
            .as_deref()
            .unwrap()
            .starts_with("Käskkirja on võimalik vaidlustada 30 päeva jooksul")
    );
    let signer = d.signer.as_ref().unwrap();
    assert_eq!(
        (signer.name.as_deref(), signer.title.as_deref()),
        (Some("Maret Maripuu"), Some("peadirektor"))
    );
    assert_eq!(
        d.clauses.len(),
        3,
        "the appeal clause is kept apart from the operative clauses"
    );
    let unplaced: Vec<&str> = directive(&p.records[0])
        .unplaced
        .iter()
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(
        unplaced,
        vec![
            "SOTSIAALKINDLUSTUSAMET",
            "Teadmiseks: arendusosakond, personalitalitus"
        ]
    );

    let templates: Vec<Template> = p.records[1..].iter().map(|r| jd(r).template).collect();
    assert_eq!(
        templates,
        vec![Template::Ska2024, Template::Ska2023, Template::Other]
    );
    for (k, r) in p.records[1..].iter().enumerate() {
        let j = jd(r);
        let a = j.approval.as_ref().unwrap();
        assert_eq!(a.directive_number.as_deref(), Some("49"));
        assert_eq!(a.directive_date, date("06.03.2023"));
        assert_eq!(a.annex, Some(k as u32 + 1));
        assert_eq!(j.status, Status::Approved);
        assert!(j.source.first_line > 30, "each annex knows its own lines");
    }
    let a1 = jd(&p.records[1]);
    assert_eq!(
        a1.position.full_title().as_deref(),
        Some("Peaspetsialist (STAR kasutajatugi)")
    );
    assert_eq!(
        a1.position.substitutes_for,
        vec!["Juhtivspetsialisti (kasutajatugi)"]
    );
    assert_eq!(
        a1.amendment_rules,
        vec!["Ametijuhend vaadatakse üle kord aastas vahetu juhiga."]
    );
    let a2 = jd(&p.records[2]);
    assert_eq!(
        a2.position.supervisor.as_deref(),
        Some("Arendustalituse juhataja")
    );
    assert_eq!(
        a2.position.substituted_by,
        vec!["Peaspetsialist (STAR kasutajatugi)"]
    );
    assert_eq!(
        a2.duties[1].expected_results,
        vec!["Peaspetsialist on juhendatud."]
    );
    assert_eq!(
        a2.requirements.languages.len(),
        3,
        "a numbered section after skipped numbers is still a heading"
    );
    let a3 = jd(&p.records[3]);
    assert_eq!(
        a3.position.title.as_deref(),
        Some("Arendustalituse juhataja")
    );
    assert_eq!(
        a3.position.subordinates,
        vec![
            "Juhtivspetsialist (kasutajatugi)",
            "peaspetsialist (STAR kasutajatugi)"
        ]
    );
    assert_eq!(a3.duties.len(), 2);
    assert_eq!(
        a3.duties[0].expected_results,
        vec!["Talitus täidab oma ülesanded."]
    );
}

#[test]
fn another_agency_with_label_variants() {
    let p = parse_fixture("variants", "teise-asutuse-ametijuhend");
    assert_eq!(p.kind, DocumentKind::JobDescriptionOther);
    let j = jd(&p.records[0]);
    assert_eq!(j.template, Template::Other);
    assert_eq!(
        j.position.title.as_deref(),
        Some("Peaspetsialist"),
        "from the genitive heading"
    );
    assert!(
        j.warnings
            .iter()
            .any(|w| w.field.as_deref() == Some("position.title") && w.message.contains("heading"))
    );
    assert_eq!(
        j.position.unit.as_deref(),
        Some("Analüüsiosakond, andmeanalüüsi talitus")
    );
    assert_eq!(
        j.position.supervisor.as_deref(),
        Some("Talituse juhataja"),
        "'Kellele allub'"
    );
    assert!(j.position.subordinates.is_empty(), "'puuduvad'");
    assert_eq!(
        j.position.substituted_by,
        vec!["Teine peaspetsialist", "juhtivanalüütik"],
        "'Asendaja'"
    );
    assert_eq!(
        j.position.substitutes_for,
        vec!["Juhtivanalüütikut"],
        "'Asendab'"
    );
    assert_eq!(
        j.purpose.as_deref(),
        Some("Maksulaekumiste analüüs ja prognooside koostamine juhtkonnale.")
    );
    assert_eq!(j.duties.len(), 2);
    assert_eq!(j.duties[0].text, "Koostab maksulaekumiste prognoose.");
    assert_eq!(
        j.duties[0].expected_results,
        vec![
            "Prognoosid on õigeaegsed.",
            "Prognooside kõrvalekalded on põhjendatud."
        ]
    );
    let langs: Vec<(Option<&str>, Cefr)> = j
        .requirements
        .languages
        .iter()
        .map(|l| (l.language.as_ref().map(|c| c.as_str()), l.level))
        .collect();
    assert_eq!(langs, vec![(Some("et"), Cefr::C1), (Some("en"), Cefr::B2)]);
    assert_eq!(
        j.requirements.computer_skills.as_deref(),
        Some("Excel, R või Python.")
    );
    assert_eq!(
        j.rights.items,
        vec!["saada tööks vajalikku infot;", "osaleda koolitustel."],
        "sub-numbered items"
    );
    assert_eq!(
        j.responsibilities.items,
        vec!["andmete konfidentsiaalsuse eest."]
    );
    assert_eq!(j.competencies.len(), 1, "a competency section of its own");
    assert_eq!(j.competencies[0].name, "Analüütilisus");
    assert_eq!(
        j.competencies[0].indicators,
        vec![
            "Näeb seoseid ja teeb järeldusi.",
            "Kontrollib andmete kvaliteeti."
        ]
    );
    assert_eq!(j.signatures.len(), 1);
    assert_eq!(
        (j.signatures[0].party, j.signatures[0].name.as_deref()),
        (SignatureParty::Holder, Some("Mari Mets"))
    );
    assert_eq!(j.status, Status::Signed);
    let unplaced: Vec<&str> = j.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        unplaced,
        vec!["MAKSU- JA TOLLIAMET", "Tööpere: Analüüs 5"],
        "labels without a field are kept, not dropped"
    );
    let report = p.report.to_string();
    assert!(
        report.contains("unplaced teise-asutuse-ametijuhend.txt:11: Tööpere: Analüüs 5"),
        "{report}"
    );
}

#[test]
fn extraction_artefacts() {
    let p = parse_fixture("variants", "artefaktid");
    let j = jd(&p.records[0]);
    assert_eq!(j.position.title.as_deref(), Some("Jurist"));
    assert_eq!(j.position.unit.as_deref(), Some("Õigusosakond"));
    assert_eq!(
        j.position.supervisor.as_deref(),
        Some("Õigusosakonna juhataja")
    );
    assert_eq!(
        j.position.substituted_by,
        vec!["Teine jurist"],
        "a wide gap separates the columns"
    );
    assert!(
        j.position.substitutes_for.is_empty(),
        "'-' after a blank line"
    );
    assert_eq!(
        j.purpose.as_deref(),
        Some("Õigusalase nõustamise tagamine ja õigusaktide väljatöötamises osalemine."),
        "form feed, page number and a hyphenated wrap across a blank line"
    );
    assert_eq!(j.duties[0].text, "Õigusaktide eelnõude koostamine.");
    assert_eq!(
        j.duties[0].expected_results,
        vec![
            "Eelnõud on koostatud.",
            "Eelnõud on kooskõlastatud tähtaegselt."
        ]
    );
    assert_eq!(
        j.duties[1].expected_results,
        vec!["Nõustatud."],
        "a U+F0B7 bullet in the middle of a line"
    );
    assert_eq!(
        j.rights.items,
        vec![
            "saada infot;",
            "osaleda koolitustel jne.",
            "esindada ametit"
        ]
    );
    assert_eq!(j.requirements.languages.len(), 1);
    assert_eq!(
        j.requirements.other[0].text,
        "Saksa keele oskus kõrgtasemel."
    );
    assert!(
        j.warnings
            .iter()
            .any(|w| w.field.as_deref() == Some("requirements.languages"))
    );
    assert_eq!(
        j.signatures[0].placeholders,
        vec!["{Allkirjastaja}", "{Ametikoht}"]
    );
    assert_eq!(j.signatures[0].name, None);
    assert_eq!(j.status, Status::Draft);
}

#[test]
fn unrecognised_text_is_a_clear_error() {
    let (text, origin) = read_fixture("variants", "tundmatu");
    assert_eq!(detect(&text), DocumentKind::Unrecognised);
    let err = parse(&text, &origin).unwrap_err();
    assert_eq!(err.file_name, "tundmatu.txt");
    assert_eq!(err.line, Some(1));
    let msg = err.to_string();
    assert!(
        msg.starts_with("tundmatu.txt:1: not a job description, directive or role card catalogue"),
        "{msg}"
    );
    assert!(
        msg.contains("'1. ÜLDOSA'") && msg.contains("'KÄSKKIRI'"),
        "{msg}"
    );
    let empty = parse(" \n\x0c\n", &origin).unwrap_err();
    assert!(empty.to_string().contains("no text"));
}

#[test]
fn a_letter_that_mentions_a_job_description_is_not_one() {
    let origin = ametijuhend_ingest::Origin {
        file_name: "kiri.txt".into(),
        content_hash: "0".repeat(64),
    };
    let letter = "Tere!\nSee on lihtsalt kiri, mitte ametijuhend.\n";
    assert_eq!(detect(letter), DocumentKind::Unrecognised);
    let err = parse(letter, &origin).unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(
        err.message.starts_with(
            "not a job description, directive or role card catalogue (it starts 'Tere!')"
        ),
        "{err}"
    );
    assert!(
        err.message
            .contains("line 2 mentions 'ametijuhend' in a sentence"),
        "{err}"
    );
    assert!(!err.hint.is_empty());
    // A heading of its own with nothing of a job description under it is not one either.
    let memo = "AMETIJUHEND\n\nAmetijuhendid vaadatakse üle igal aastal.\n";
    assert_eq!(detect(memo), DocumentKind::Unrecognised);
    let err = parse(memo, &origin).unwrap_err();
    assert!(
        err.message
            .contains("line 1 is a job-description heading ('AMETIJUHEND')"),
        "{err}"
    );
    // Another agency's short job description, heading and two labels, still is one.
    let short =
        "NÕUNIKU AMETIJUHEND\n\nAmetikoha nimetus: Nõunik\nKellele allub: Osakonna juhataja\n";
    assert_eq!(detect(short), DocumentKind::JobDescriptionOther);
}

#[test]
fn an_unregistered_directive_keeps_its_template_fields() {
    let text = "KÄSKKIRI\n\n{regDateTime} nr {regNumber}\n\nAmetijuhendi kinnitamine\n\n\
        Avaliku teenistuse seaduse § 52 lõike 1 alusel:\n\n\
        1. Kinnitan teenuste osakonna nõuniku ametijuhendi vastavalt lisale 1.\n\
        2. Käskkiri jõustub 01.04.2023.\n\n\
        (allkirjastatud digitaalselt)\n{Allkirjastaja}\n{Ametikoht}\n\n\
        KINNITATUD\n{regDateTime} käskkirjaga nr {regNumber}\nLisa 1\n\n\
        AMETIJUHEND\n\n1. Üldosa\n\nStruktuuriüksus Teenuste osakond\n\nTeenistuskoht Nõunik\n\n\
        Vahetu juht {Ametikoht}\n\nTeenistuskoha eesmärk Nõustamine.\n";
    let origin = ametijuhend_ingest::Origin {
        file_name: "kaskkiri.txt".into(),
        content_hash: "a".repeat(64),
    };
    let p = parse(text, &origin).unwrap();
    assert_eq!(p.kind, DocumentKind::Directive);
    let d = &directive(&p.records[0]).directive;
    assert_eq!((d.number.as_deref(), d.date), (None, None));
    assert_eq!(d.placeholders, vec!["{regDateTime}", "{regNumber}"]);
    assert_eq!(d.title, "Ametijuhendi kinnitamine");
    assert_eq!(
        d.entry_into_force,
        Some(EntryIntoForce::OnDate {
            date: date("01.04.2023").unwrap()
        })
    );
    let signer = d.signer.as_ref().unwrap();
    assert_eq!(signer.name, None);
    assert_eq!(signer.placeholders, vec!["{Allkirjastaja}", "{Ametikoht}"]);
    assert_eq!(d.annexes.len(), 1);
    assert_eq!(
        d.annexes[0].title, "Nõunik",
        "taken from the annex when the clause lists no titles"
    );
    let j = jd(&p.records[1]);
    let a = j.approval.as_ref().unwrap();
    assert_eq!((a.directive_number.as_deref(), a.annex), (None, Some(1)));
    assert_eq!(a.placeholders, vec!["{regDateTime}", "{regNumber}"]);
    assert_eq!(j.status, Status::Draft);
    assert_eq!(
        j.position.supervisor, None,
        "a template field is not a supervisor"
    );
    assert!(
        j.warnings
            .iter()
            .any(|w| w.field.as_deref() == Some("position.supervisor"))
    );
}
