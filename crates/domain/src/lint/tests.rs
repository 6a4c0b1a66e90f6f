//! Each rule with a registry that breaks it; the fixture registry breaks none.

use super::*;
use crate::fixtures::{day, registry};
use crate::position::{JobFamilyLevel, Position, Substitution};

const TODAY: (i32, u32, u32) = (2024, 6, 1);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn pid(key: &str) -> PositionId {
    PositionId::derived(key)
}

fn position_mut<'a>(r: &'a mut Registry, key: &str) -> &'a mut Position {
    let id = pid(key);
    r.positions
        .iter_mut()
        .find(|p| p.id == id)
        .expect("the position is in the fixture")
}

fn jd_mut<'a>(r: &'a mut Registry, key: &str) -> &'a mut JobDescription {
    let id = pid(key);
    r.job_descriptions
        .iter_mut()
        .find(|j| j.position == id)
        .expect("the version is in the fixture")
}

/// The findings of one rule.
fn of(r: &Registry, rule: &str) -> Vec<Finding> {
    lint(r, today())
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// Asserts the clean registry has no finding of `rule`, and `broken` has exactly one, about
/// `record`; returns it.
fn breaks(rule: &str, broken: &Registry, record: &str) -> Finding {
    assert!(of(&registry(), rule).is_empty(), "clean registry: {rule}");
    let found = of(broken, rule);
    assert_eq!(found.len(), 1, "{rule}: {found:#?}");
    let f = found.into_iter().next().expect("one finding");
    assert!(f.record.name.contains(record), "{rule}: {:?}", f.record);
    assert!(!f.message.is_empty() && !f.fix.is_empty());
    assert_translatable(&f);
    f
}

/// The finding's key and its record's are listed with exactly the arguments they carry.
fn assert_translatable(f: &Finding) {
    fn declared(list: &[(&'static str, &'static [&'static str])], key: &str) -> Vec<String> {
        list.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, args)| args.iter().map(|a| a.to_string()).collect())
            .unwrap_or_else(|| panic!("{key} is not listed"))
    }
    fn names(args: &[(&str, LintArg)]) -> Vec<String> {
        args.iter().map(|(n, _)| n.to_string()).collect()
    }
    assert!(
        f.key == f.rule || f.key.starts_with(&format!("{}.", f.rule)),
        "{}",
        f.key
    );
    assert_eq!(declared(MESSAGES, f.key), names(&f.args), "{}", f.key);
    for r in std::iter::once(&f.record).chain(&f.related) {
        assert_eq!(
            declared(RECORD_LABELS, r.label.key),
            names(&r.label.args),
            "{}",
            r.label.key
        );
    }
    for (_, arg) in &f.args {
        if let LintArg::Terms(terms) = arg {
            assert!(terms.iter().all(|t| TERMS.contains(t)), "{terms:?}");
        }
    }
}

#[test]
fn the_fixture_registry_is_clean() {
    let findings = lint(&registry(), today());
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(!has_errors(&findings));
}

#[test]
fn job_family_out_of_range() {
    let mut r = registry();
    position_mut(&mut r, "peakasutaja").job_family = Some(JobFamilyLevel {
        family: "IT-testimine".into(),
        level: "5".into(),
    });
    let f = breaks("job_family_out_of_range", &r, "Peakasutaja");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("IT-testimine 3; IT-konsultandid 2"),
        "{}",
        f.message
    );
    assert!(has_errors(&lint(&r, today())));

    // A family the card does not name is out of range too.
    let mut r = registry();
    position_mut(&mut r, "hüvitiste juhataja").job_family = Some(JobFamilyLevel {
        family: "Ekspertiis".into(),
        level: "6".into(),
    });
    breaks(
        "job_family_out_of_range",
        &r,
        "Osakonnajuhataja, Hüvitiste osakond",
    );
}

#[test]
fn job_family_exceptional() {
    let mut r = registry();
    let card = r
        .role_cards
        .iter_mut()
        .find(|c| c.title == "OSAKONNA JUHATAJA")
        .expect("card");
    card.job_families[0].exceptional = true;
    let f = breaks("job_family_exceptional", &r, "Osakonnajuhataja");
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn substitution_missing_position() {
    let mut r = registry();
    r.substitutions.push(Substitution {
        substitute: pid("peakasutaja"),
        substituted: pid("kaotatud ametikoht"),
    });
    let f = breaks("substitution_missing_position", &r, "Peakasutaja");
    assert_eq!(f.record.kind, RecordKind::Substitution);
    assert!(f.message.contains(pid("kaotatud ametikoht").as_str()));
}

#[test]
fn substitutes_itself() {
    let mut r = registry();
    r.substitutions.push(Substitution {
        substitute: pid("star"),
        substituted: pid("star"),
    });
    let f = breaks(
        "substitutes_itself",
        &r,
        "Peaspetsialist (STAR kasutajatugi)",
    );
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn substitution_not_reciprocal() {
    let mut r = registry();
    r.substitutions
        .retain(|s| s.substitute != pid("teenuse juht"));
    let f = breaks("substitution_not_reciprocal", &r, "Peakasutaja");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.starts_with("Teenuse juht"), "{}", f.message);
    assert_eq!(f.related.len(), 2);
}

#[test]
fn supervisor_missing() {
    let mut r = registry();
    position_mut(&mut r, "teenuse juht").supervisor = None;
    breaks("supervisor_missing", &r, "Teenuse juht");

    let mut r = registry();
    position_mut(&mut r, "teenuse juht").supervisor = Some(pid("puudub"));
    let f = breaks("supervisor_missing", &r, "Teenuse juht");
    assert!(f.message.contains("not in the registry"));
    assert_eq!(f.key, "supervisor_missing.not_in_registry");
}

#[test]
fn supervisor_outside_unit_chain() {
    // The STAR chief specialist (Arendusosakond) reporting to the head of Hüvitiste osakond.
    let mut r = registry();
    position_mut(&mut r, "star").supervisor = Some(pid("hüvitiste juhataja"));
    let f = breaks("supervisor_outside_unit_chain", &r, "Peaspetsialist");
    assert!(f.related[0].name.contains("Hüvitiste osakond"));
    // Reporting to someone in a unit below is outside the chain too.
    let mut r = registry();
    position_mut(&mut r, "hüvitiste juhataja").supervisor = Some(pid("valdkonna juht"));
    breaks(
        "supervisor_outside_unit_chain",
        &r,
        "Osakonnajuhataja, Hüvitiste osakond",
    );
}

#[test]
fn required_content_missing() {
    let mut r = registry();
    let jd = jd_mut(&mut r, "peakasutaja");
    jd.requirements.education = None;
    jd.requirements.computer_skills = None;
    let f = breaks("required_content_missing", &r, "Peakasutaja, version 1");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("education, knowledge and skills"),
        "{}",
        f.message
    );
    assert_eq!(f.record.kind, RecordKind::JobDescription);
    assert_eq!(
        f.args,
        vec![(
            "missing",
            LintArg::Terms(vec!["education", "knowledge_and_skills"])
        )]
    );

    // For an employee it is a warning; a version in coordination is checked too.
    let mut r = registry();
    let mut next = jd_mut(&mut r, "star").clone();
    next.id = crate::ids::JobDescriptionId::derived("star/2");
    next.version = 2;
    next.status = Status::InCoordination;
    next.duties.clear();
    r.job_descriptions.push(next);
    let f = breaks("required_content_missing", &r, "version 2");
    assert_eq!(f.severity, Severity::Warning);
    // A draft is work in progress: not checked.
    r.job_descriptions.last_mut().expect("pushed").status = Status::Draft;
    assert!(of(&r, "required_content_missing").is_empty());
}

#[test]
fn unfilled_template_field() {
    // As in the head of department's document of the corpus: signed "{Allkirjastaja}
    // {Ametikoht}", approved "{regDateTime} käskkirjaga nr {regNumber}".
    let mut r = registry();
    let jd = jd_mut(&mut r, "hüvitiste juhataja");
    jd.signatures.push(crate::job_description::Signature {
        party: crate::job_description::SignatureParty::Approver,
        name: Some("{Allkirjastaja}".into()),
        title: Some("{Ametikoht}".into()),
        signed_digitally: true,
        date: None,
        placeholders: vec![],
    });
    if let Some(a) = jd.approval.as_mut() {
        a.placeholders = vec!["{regNumber}".into()];
    }
    let f = breaks("unfilled_template_field", &r, "Osakonnajuhataja");
    for field in ["{Allkirjastaja}", "{Ametikoht}", "{regNumber}"] {
        assert!(f.message.contains(field), "{}", f.message);
    }
    // In a draft the fields are expected.
    jd_mut(&mut r, "hüvitiste juhataja").status = Status::Draft;
    assert!(of(&r, "unfilled_template_field").is_empty());
}

#[test]
fn review_overdue() {
    let mut r = registry();
    let jd = jd_mut(&mut r, "teenuse juht");
    if let Some(a) = jd.approval.as_mut() {
        a.directive_date = Some(day(2023, 5, 2));
    }
    let f = breaks("review_overdue", &r, "Teenuse juht");
    assert!(
        f.message.contains("02.05.2024 (30 days ago)"),
        "{}",
        f.message
    );
    assert_eq!(
        f.args,
        vec![
            ("due", LintArg::Text("02.05.2024".into())),
            ("days", LintArg::Number(30))
        ]
    );
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn review_date_unknown() {
    let mut r = registry();
    jd_mut(&mut r, "teenuse juht").approval = None;
    breaks("review_date_unknown", &r, "Teenuse juht");
}

#[test]
fn duplicate_duties() {
    let mut r = registry();
    let copied = "Vahetu juhi ühekordsete ülesannete täitmine.";
    for (i, key) in ["peadirektor", "teenuse juht", "valdkonna juht"]
        .into_iter()
        .enumerate()
    {
        let jd = jd_mut(&mut r, key);
        let text = if i == 1 {
            copied.to_uppercase()
        } else {
            copied.to_string()
        };
        jd.duties.push(crate::job_description::Duty {
            number: "3.9.".into(),
            text,
            expected_results: vec![],
        });
    }
    let f = breaks("duplicate_duties", &r, "version 1");
    assert_eq!(f.related.len(), 4, "the STAR document has it as 2.8 too");
    assert!(f.message.contains("in 4 positions"));
    // Fewer than the threshold: not reported.
    let options = LintOptions {
        duplicate_duty_min_positions: 5,
        ..LintOptions::default()
    };
    assert!(super::duplicate_duties(&r, &options).is_empty());
}

#[test]
fn findings_are_ordered_errors_first() {
    let mut r = registry();
    position_mut(&mut r, "teenuse juht").supervisor = None;
    r.substitutions
        .retain(|s| s.substitute != pid("teenuse juht"));
    let all = lint(&r, today());
    assert_eq!(all.len(), 2);
    assert_eq!(
        (all[0].severity, all[1].severity),
        (Severity::Error, Severity::Warning)
    );
    let json = serde_json::to_value(&all[0]).expect("serialises");
    assert_eq!(json["rule"], "supervisor_missing");
    assert_eq!(json["severity"], "error");
}

#[test]
fn every_finding_of_the_sample_registry_is_translatable() {
    let findings = lint(&crate::sample::sample_registry(), day(2026, 3, 1));
    assert!(!findings.is_empty());
    findings.iter().for_each(assert_translatable);
}
