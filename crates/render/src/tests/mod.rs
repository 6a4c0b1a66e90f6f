//! Unit tests that need a registry: directive planning (annexes, titles, repeals) and the
//! layout of the intermediate model. The registry is the corpus fixture shared with the
//! integration tests.

#[path = "../../tests/common/corpus_records.rs"]
mod corpus_records;

use crate::directive::{DirectiveDraft, directive_document, entry_into_force_clause};
use crate::doc::{Block, Document};
use crate::{JobDescriptionOptions, RenderError, StampChoice, plan_directive};
use ametijuhend_domain::{
    DirectiveAnnex, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId, Registry,
    Status, Template,
};
use corpus_records::{corpus_registry, day};

/// A new draft version of the position of `registry.job_descriptions[index]`.
fn new_version(registry: &mut Registry, index: usize) -> JobDescriptionId {
    let mut jd: JobDescription = registry.job_descriptions[index].clone();
    jd.version += 1;
    jd.id = JobDescriptionId::derived(&format!("{} next", jd.id));
    jd.status = Status::Draft;
    jd.approval = None;
    registry.job_descriptions.push(jd.clone());
    jd.id
}

fn id(registry: &Registry, index: usize) -> JobDescriptionId {
    registry.job_descriptions[index].id.clone()
}

#[test]
fn first_approvals_list_annexes_and_repeal_nothing() {
    let r = corpus_registry();
    let plan = plan_directive(&r, &[id(&r, 2), id(&r, 0)]).unwrap();
    assert_eq!(
        plan.annexes,
        vec![
            DirectiveAnnex {
                annex: 1,
                title: "osakonnajuhataja".into(),
                job_description: Some(id(&r, 2)),
            },
            DirectiveAnnex {
                annex: 2,
                title: "peaspetsialist (STAR kasutajatugi)".into(),
                job_description: Some(id(&r, 0)),
            },
        ]
    );
    assert!(plan.repeals.is_empty());
    assert!(!plan.amendment);
    assert_eq!(plan.default_title, "Ametijuhendite kinnitamine");

    let one = plan_directive(&r, &[id(&r, 2)]).unwrap();
    assert_eq!(one.default_title, "Ametijuhendi kinnitamine");
}

#[test]
fn amending_the_only_annex_repeals_the_whole_directive() {
    let mut r = corpus_registry();
    let v2 = new_version(&mut r, 1);
    let plan = plan_directive(&r, &[v2]).unwrap();
    assert!(plan.amendment);
    assert_eq!(plan.default_title, "Ametijuhendi muutmine");
    assert_eq!(plan.repeals.len(), 1);
    let rep = &plan.repeals[0];
    assert_eq!(rep.directive, Some(DirectiveId::derived("käskkiri 49")));
    assert_eq!(rep.annex, None);
    assert_eq!(
        rep.text,
        "Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirja nr 49 „Ametijuhendite kinnitamine“"
    );
}

#[test]
fn amending_one_of_several_annexes_repeals_that_annex_only() {
    let mut r = corpus_registry();
    // Directive 49 also approved the web manager's job description as annex 2.
    let web = id(&r, 3);
    r.directives[0].annexes.push(DirectiveAnnex {
        annex: 2,
        title: "veebihaldur".into(),
        job_description: Some(web.clone()),
    });
    let v2 = new_version(&mut r, 1);
    let plan = plan_directive(&r, std::slice::from_ref(&v2)).unwrap();
    assert_eq!(plan.repeals.len(), 1);
    assert_eq!(plan.repeals[0].annex, Some(1));
    assert!(
        plan.repeals[0]
            .text
            .ends_with("„Ametijuhendite kinnitamine“ lisa 1")
    );

    // Replacing both annexes repeals the directive as a whole.
    let web2 = new_version(&mut r, 3);
    let plan = plan_directive(&r, &[v2.clone(), web2]).unwrap();
    assert_eq!(plan.repeals.len(), 1);
    assert_eq!(plan.repeals[0].annex, None);
    assert_eq!(plan.default_title, "Ametijuhendite kinnitamine");

    // An annex whose job description is no longer valid does not keep the directive alive.
    let pos = r.job_descriptions[3].position.clone();
    r.job_descriptions
        .iter_mut()
        .filter(|j| j.position == pos && j.version == 1)
        .for_each(|j| j.status = Status::Superseded);
    let plan = plan_directive(&r, &[v2]).unwrap();
    assert_eq!(plan.repeals[0].annex, None);
}

#[test]
fn an_approval_known_only_from_the_stamp_is_repealed_by_its_text() {
    let mut r = corpus_registry();
    r.directives.clear();
    if let Some(a) = r.job_descriptions[1].approval.as_mut() {
        a.directive = None;
        a.annex = None;
    }
    let v2 = new_version(&mut r, 1);
    let plan = plan_directive(&r, &[v2]).unwrap();
    assert_eq!(plan.repeals.len(), 1);
    assert_eq!(
        plan.repeals[0].text,
        "Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirjaga nr 49 kinnitatud ametikoha „Peakasutaja“ ametijuhendi"
    );
}

#[test]
fn planning_refuses_bad_choices() {
    let mut r = corpus_registry();
    assert!(matches!(
        plan_directive(&r, &[]),
        Err(RenderError::NothingToApprove)
    ));
    assert!(matches!(
        plan_directive(&r, &[JobDescriptionId::derived("missing")]),
        Err(RenderError::UnknownJobDescription(_))
    ));
    let v2 = new_version(&mut r, 1);
    assert!(matches!(
        plan_directive(&r, &[id(&r, 1), v2]),
        Err(RenderError::SamePositionTwice { .. })
    ));
    // The same id twice is one annex.
    let plan = plan_directive(&r, &[id(&r, 0), id(&r, 0)]).unwrap();
    assert_eq!(plan.annexes.len(), 1);
}

#[test]
fn repeated_titles_get_their_unit() {
    let mut r = corpus_registry();
    let mut other = r.job_descriptions[0].clone();
    other.id = JobDescriptionId::derived("other star");
    other.position = ametijuhend_domain::PositionId::derived("other star");
    other.general.unit = "Arendusosakond, andmetalitus".into();
    r.job_descriptions.push(other.clone());
    let plan = plan_directive(&r, &[id(&r, 0), other.id]).unwrap();
    assert_eq!(
        plan.annexes[1].title,
        "peaspetsialist (STAR kasutajatugi), arendusosakond, andmetalitus"
    );
}

fn texts(doc: &Document) -> Vec<String> {
    doc.parts[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn directive_points_and_placeholders() {
    let mut r = corpus_registry();
    let v2 = new_version(&mut r, 1);
    let mut draft = DirectiveDraft::new(vec![id(&r, 2), v2]);
    draft.entry_into_force = EntryIntoForce::OnSigning {
        retroactive_from: Some(day(2024, 1, 1)),
    };
    let doc = directive_document(&r, &draft).unwrap();
    let t = texts(&doc);
    assert_eq!(t[0], "{regDateTime} nr {regNumber}");
    assert_eq!(t[1], "Ametijuhendite kinnitamine");
    assert!(t.contains(&"1.1. osakonnajuhataja (lisa 1);".to_string()));
    assert!(t.contains(&"1.2. peakasutaja (lisa 2).".to_string()));
    assert!(t.iter().any(|p| p.starts_with(
        "2. Tunnistan kehtetuks Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirja nr 49"
    )));
    assert!(t.contains(&"3. Käskkiri jõustub allkirjastamisel ja seda rakendatakse tagasiulatuvalt alates 01.01.2024.".to_string()));
    assert!(
        t.iter()
            .any(|p| p.starts_with("4. Käskkirja on võimalik vaidlustada 30 päeva jooksul"))
    );
    assert_eq!(doc.parts.len(), 3);
    assert_eq!(
        doc.parts[2].blocks[0],
        Block::Stamp {
            lines: vec![
                "KINNITATUD".into(),
                "Sotsiaalkindlustusameti peadirektori {regDateTime}".into(),
                "käskkirjaga nr {regNumber}".into(),
                "Lisa 2".into(),
            ]
        }
    );
    match doc.parts[0].blocks.last() {
        Some(Block::Signatures { columns }) => {
            assert_eq!(columns[0][1..], ["{Allkirjastaja}", "{Ametikoht}"])
        }
        other => panic!("expected the signature block, got {other:?}"),
    }

    draft.number = Some("12".into());
    draft.date = Some(day(2024, 2, 1));
    draft.title = Some("Teenuste osakonna ametijuhendite kinnitamine".into());
    let doc = directive_document(&r, &draft).unwrap();
    let t = texts(&doc);
    assert_eq!(t[0], "01.02.2024 nr 12");
    assert_eq!(t[1], "Teenuste osakonna ametijuhendite kinnitamine");
}

#[test]
fn entry_into_force_clauses() {
    assert_eq!(
        entry_into_force_clause(&EntryIntoForce::OnDate {
            date: day(2024, 3, 1)
        }),
        "Käskkiri jõustub 01.03.2024."
    );
    assert_eq!(
        entry_into_force_clause(&EntryIntoForce::OnSigning {
            retroactive_from: None
        }),
        "Käskkiri jõustub allkirjastamisel."
    );
}

#[test]
fn stamps_follow_the_choice() {
    let r = corpus_registry();
    let stamp_of = |jd: &JobDescription, stamp: StampChoice| {
        let options = JobDescriptionOptions {
            template: Template::Ska2024,
            stamp,
        };
        match &crate::job_description_document(&r, jd, &options)
            .unwrap()
            .parts[0]
            .blocks[0]
        {
            Block::Stamp { lines } => Some(lines.clone()),
            _ => None,
        }
    };
    // Approved by directive 49: its stamp.
    let approved = stamp_of(&r.job_descriptions[1], StampChoice::Auto).unwrap();
    assert_eq!(
        approved[1],
        "Sotsiaalkindlustusameti peadirektori 06.03.2023"
    );
    // In coordination without approval: the register's template fields.
    let pending = stamp_of(&r.job_descriptions[2], StampChoice::Auto).unwrap();
    assert_eq!(pending[2], "käskkirjaga nr {regNumber}");
    // In force without a recorded approval: none; and none when asked for none.
    assert_eq!(stamp_of(&r.job_descriptions[0], StampChoice::Auto), None);
    assert_eq!(stamp_of(&r.job_descriptions[1], StampChoice::None), None);
}

#[test]
fn other_template_and_missing_competency_are_errors() {
    let mut r = corpus_registry();
    let options = JobDescriptionOptions {
        template: Template::Other,
        stamp: StampChoice::Auto,
    };
    assert!(matches!(
        crate::job_description_document(&r, &r.job_descriptions[0], &options),
        Err(RenderError::UnsupportedTemplate)
    ));
    r.competencies.clear();
    let err = crate::job_description_document(
        &r,
        &r.job_descriptions[1],
        &JobDescriptionOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not in the registry"), "{err}");
}

#[test]
fn a_draft_becomes_a_record_with_placeholders_that_prints_the_same() {
    let mut r = corpus_registry();
    let v2 = new_version(&mut r, 1);
    let draft = DirectiveDraft::new(vec![id(&r, 2), v2.clone()]);
    let record =
        crate::directive_record(&r, &draft, DirectiveId::derived("stored")).expect("a record");
    assert_eq!(record.number, None);
    assert_eq!(record.date, None);
    assert_eq!(record.placeholders, ["{regNumber}", "{regDateTime}"]);
    assert_eq!(record.title, "Ametijuhendite kinnitamine");
    assert_eq!(
        record.legal_basis.as_deref(),
        Some(crate::DEFAULT_LEGAL_BASIS)
    );
    assert_eq!(
        record.annexes.iter().map(|a| a.annex).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(record.annexes[1].job_description.as_ref(), Some(&v2));
    assert_eq!(record.repeals.len(), 1);
    let signer = record.signer.as_ref().expect("a signer");
    assert_eq!(signer.placeholders, ["{Allkirjastaja}", "{Ametikoht}"]);
    assert_eq!(record.clauses, crate::directive_clauses(&record));
    assert_eq!(
        record.clauses[0],
        "1. Kinnitan järgmiste ametikohtade ametijuhendid:"
    );
    assert!(record.clauses[3].starts_with("2. Tunnistan kehtetuks"));
    assert!(record.clauses[5].starts_with("4. Käskkirja on võimalik vaidlustada"));

    // The stored record prints exactly as the draft did.
    let from_draft = directive_document(&r, &draft).unwrap();
    let from_record =
        crate::directive::stored_directive_document(&r, &record, Template::Ska2024).unwrap();
    assert_eq!(from_draft, from_record);
}

#[test]
fn a_registered_record_prints_its_number_and_date_in_the_heading_and_every_stamp() {
    let mut r = corpus_registry();
    let v2 = new_version(&mut r, 1);
    let mut draft = DirectiveDraft::new(vec![id(&r, 2), v2]);
    draft.signer_name = Some("Maret Maripuu".into());
    draft.signer_title = Some("peadirektor".into());
    let mut record = crate::directive_record(&r, &draft, DirectiveId::derived("x")).unwrap();
    assert!(record.signer.as_ref().unwrap().placeholders.is_empty());
    let planned_repeals = record.repeals.clone();
    record.number = Some("1-3/17".into());
    record.date = Some(day(2024, 5, 2));
    record.placeholders = crate::registration_placeholders(record.number.as_deref(), record.date);
    assert!(record.placeholders.is_empty());

    // Later changes to the registry do not change what the stored directive repeals.
    r.directives.clear();
    let doc = crate::directive::stored_directive_document(&r, &record, Template::Ska2023).unwrap();
    let t = texts(&doc);
    assert_eq!(t[0], "02.05.2024 nr 1-3/17");
    assert!(t.iter().any(|p| p.starts_with("2. Tunnistan kehtetuks")));
    assert_eq!(record.repeals, planned_repeals);
    assert_eq!(doc.parts.len(), 3);
    for (k, part) in doc.parts[1..].iter().enumerate() {
        assert_eq!(
            part.blocks[0],
            Block::Stamp {
                lines: vec![
                    "KINNITATUD".into(),
                    "Sotsiaalkindlustusameti peadirektori 02.05.2024".into(),
                    "käskkirjaga nr 1-3/17".into(),
                    format!("Lisa {}", k + 1),
                ]
            }
        );
    }
    match doc.parts[0].blocks.last() {
        Some(Block::Signatures { columns }) => {
            assert_eq!(columns[0][1..], ["Maret Maripuu", "peadirektor"])
        }
        other => panic!("expected the signature block, got {other:?}"),
    }
    for format in crate::Format::ALL {
        let out = crate::render_stored_directive(&r, &record, format, Template::Ska2024).unwrap();
        assert!(!out.is_empty());
    }
}

#[test]
fn an_imported_directive_without_annexes_in_the_registry_prints_its_own_clauses() {
    let r = corpus_registry();
    let record = ametijuhend_domain::Directive {
        id: DirectiveId::derived("imported"),
        number: Some("49".into()),
        date: Some(day(2023, 3, 6)),
        title: String::new(),
        legal_basis: None,
        clauses: vec![],
        annexes: vec![DirectiveAnnex {
            annex: 1,
            title: "jurist".into(),
            job_description: None,
        }],
        repeals: vec![],
        entry_into_force: None,
        appeal_clause: None,
        signer: None,
        placeholders: vec![],
        source: None,
        unplaced: vec![],
    };
    assert_eq!(
        crate::directive_clauses(&record),
        [
            "1. Kinnitan järgmise ametikoha ametijuhendi:".to_string(),
            "1.1. jurist (lisa 1).".to_string(),
            format!("2. {}", crate::APPEAL_CLAUSE),
        ]
    );
    let doc = crate::directive::stored_directive_document(&r, &record, Template::Ska2024).unwrap();
    assert_eq!(doc.parts.len(), 1);
    assert_eq!(doc.title, "Käskkiri – Ametijuhendite kinnitamine");
    assert!(texts(&doc).contains(&crate::DEFAULT_LEGAL_BASIS.to_string()));
}
