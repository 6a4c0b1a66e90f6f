//! Preparing directives against a real SQLite store holding the sample registry: the command's
//! limits, the permission refusals, the candidates' order, and what is written.

use crate::directives::{self, CandidateQuery, DirectiveInput, NewDirective, PlanError};
use crate::{AppError, FixedClock, Principal};
use ametijuhend_domain::access::Role;
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::{Status, UnitId};
use ametijuhend_store::Store;
use chrono::NaiveDate;

async fn store() -> Store {
    crate::testing::sample_store().await
}

fn clock() -> FixedClock {
    FixedClock::on_day(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())
}

fn who(account: &str, role: Role, unit: Option<UnitId>) -> Principal {
    crate::testing::principal(account, role, unit)
}

fn hr() -> Principal {
    who("hr", Role::Hr, None)
}

#[test]
fn a_new_directive_holds_its_limits() {
    let one = vec![ids::job_description(&ids::lawyer(), 1)];
    let ok = |input: DirectiveInput| NewDirective::parse(input);
    let field = |input: DirectiveInput| ok(input).unwrap_err().problems()[0].field.clone();
    assert_eq!(field(DirectiveInput::default()), "job_descriptions");
    let too_many = (0..=directives::MAX_ANNEXES)
        .map(|i| ametijuhend_domain::JobDescriptionId::derived(&format!("j{i}")))
        .collect();
    assert_eq!(
        field(DirectiveInput {
            job_descriptions: too_many,
            ..DirectiveInput::default()
        }),
        "job_descriptions"
    );
    let with = |f: fn(&mut DirectiveInput)| {
        let mut i = DirectiveInput {
            job_descriptions: one.clone(),
            ..DirectiveInput::default()
        };
        f(&mut i);
        i
    };
    assert_eq!(
        field(with(
            |i| i.title = Some("x".repeat(directives::MAX_LINE + 1))
        )),
        "title"
    );
    assert_eq!(field(with(|i| i.title = Some("a\u{0}b".into()))), "title");
    assert_eq!(
        field(with(|i| i.signer_name = Some("a\nb".into()))),
        "signer_name"
    );
    assert_eq!(
        field(with(|i| i.signer_title = Some("y".repeat(301)))),
        "signer_title"
    );
    assert_eq!(
        field(with(
            |i| i.legal_basis = Some("z".repeat(directives::MAX_LEGAL_BASIS + 1))
        )),
        "legal_basis"
    );
    // Line breaks are text in the legal basis; an empty one is the default; ids once.
    let parsed = ok(with(|i| {
        i.legal_basis = Some("Esimene rida\nteine rida alusel:".into());
        i.job_descriptions.push(i.job_descriptions[0].clone());
    }))
    .unwrap();
    assert_eq!(parsed.job_descriptions().len(), 1);
    assert!(ok(with(|i| i.legal_basis = Some("  ".into()))).is_ok());
}

#[tokio::test]
async fn directives_are_planned_and_created_by_those_who_prepare_them_only() {
    let store = store().await;
    let cmd = NewDirective::parse(DirectiveInput {
        job_descriptions: vec![ids::job_description(&ids::head_of_department(), 3)],
        ..DirectiveInput::default()
    })
    .unwrap();
    for role in [Role::Manager, Role::Staff, Role::Auditor] {
        let p = who("x", role, Some(ids::agency()));
        let err = directives::plan(store.as_ref(), &p, &cmd)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 403, "{role:?}");
        let q = CandidateQuery::default();
        assert!(
            directives::candidates(store.as_ref(), &p, &q)
                .await
                .is_err()
        );
    }
    let planned = directives::plan(store.as_ref(), &hr(), &cmd).await.unwrap();
    assert_eq!(planned.directive.title, "Ametijuhendi muutmine");
    assert!(
        !planned.annex_elsewhere.is_empty(),
        "head v3 is an annex already"
    );
    let before = store.list_directives().await.unwrap().len();
    let staff = who("x", Role::Staff, None);
    assert_eq!(
        directives::create(store.as_ref(), &clock(), &staff, &planned)
            .await
            .unwrap_err()
            .status(),
        403
    );
    let d = directives::create(store.as_ref(), &clock(), &hr(), &planned)
        .await
        .unwrap();
    assert_eq!(store.list_directives().await.unwrap().len(), before + 1);
    let audit = store
        .audit_history("directive", d.id.as_str())
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].entry.action, "directive.created");
    // Two versions of one position; an unknown version.
    let two = NewDirective::parse(DirectiveInput {
        job_descriptions: vec![
            ids::job_description(&ids::head_of_department(), 2),
            ids::job_description(&ids::head_of_department(), 3),
        ],
        ..DirectiveInput::default()
    })
    .unwrap();
    let err = directives::plan(store.as_ref(), &hr(), &two)
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Plan(PlanError::SamePositionTwice(_))),
        "{err}"
    );
    assert_eq!((err.status(), err.code()), (422, "invalid_choice"));
}

#[tokio::test]
async fn candidates_are_a_subtrees_latest_versions_in_one_order() {
    let store = store().await;
    let q = CandidateQuery {
        unit: Some(ids::agency()),
        status: None,
        chosen: vec![],
    };
    let all = directives::candidates(store.as_ref(), &hr(), &q)
        .await
        .unwrap();
    assert_eq!(all.len(), 4, "{all:?}");
    assert!(all.windows(2).all(|w| {
        ametijuhend_domain::text::estonian_cmp(&w[0].unit_name, &w[1].unit_name)
            .then_with(|| ametijuhend_domain::text::estonian_cmp(&w[0].title, &w[1].title))
            .is_le()
    }));
    let drafts = CandidateQuery {
        unit: Some(ids::it_department()),
        status: Some(Status::Draft),
        chosen: vec![ids::job_description(&ids::lawyer(), 1)],
    };
    let got = directives::candidates(store.as_ref(), &hr(), &drafts)
        .await
        .unwrap();
    let versions: Vec<_> = got.iter().map(|c| c.job_description.clone()).collect();
    assert!(versions.contains(&ids::job_description(&ids::head_of_department(), 3)));
    assert!(
        versions.contains(&ids::job_description(&ids::lawyer(), 1)),
        "chosen stays"
    );
    let unknown = CandidateQuery {
        unit: Some(UnitId::derived("none")),
        ..CandidateQuery::default()
    };
    let err = directives::candidates(store.as_ref(), &hr(), &unknown)
        .await
        .unwrap_err();
    assert_eq!(err.status(), 404);
}
