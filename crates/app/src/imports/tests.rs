//! Matching against what the store is asked for gives the plan the whole registry gives: the
//! demo's real job descriptions into a generated agency (found positions, names linked,
//! versions numbered) and a repeated import, each planned both ways; what is read per file is
//! a handful of positions, not the registry; the import is audited; a principal who may not
//! edit the whole registry is refused.

use super::*;
use crate::{Clock, FixedClock, Principal};
use ametijuhend_domain::access::{self, Role};
use ametijuhend_domain::{Registry, Timestamp};
use ametijuhend_store::{RestoreMode, Store};

fn demo_documents() -> Vec<Document> {
    macro_rules! doc {
        ($name:literal) => {
            Document {
                name: $name.into(),
                bytes: include_bytes!(concat!("../../../../data/demo/", $name)).to_vec(),
            }
        };
    }
    vec![
        doc!("ska-ametijuhend-osakonnajuhataja-teenuste-osakond.txt"),
        doc!("ska-ametijuhend-peakasutaja-perehuvitised.txt"),
        doc!("ska-ametijuhend-peaspetsialist-star-kasutajatugi.txt"),
        doc!("ska-ametijuhend-veebihaldur.txt"),
    ]
}

fn clock() -> FixedClock {
    FixedClock::on_day(chrono::NaiveDate::from_ymd_opt(2025, 5, 1).expect("a day"))
}

/// A store holding the generated agency of the demo (seed 1, 150 positions).
async fn agency() -> (Store, Registry) {
    let store = ametijuhend_store::open(Some("sqlite::memory:"), &std::env::temp_dir())
        .await
        .expect("opens");
    let mut r = ametijuhend_generate::registry(1, 150).expect("generates");
    r.canonicalize();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    (store, r)
}

fn whole_plan(doc: &ParsedDocument, r: &Registry, now: Timestamp) -> ametijuhend_ingest::Plan {
    ametijuhend_ingest::plan(doc.records(), r, doc.source(now), now)
}

#[tokio::test]
async fn matching_on_store_reads_plans_what_the_whole_registry_plans() {
    let (store, mut whole) = agency().await;
    let clock = clock();
    let now = clock.timestamp();
    let mut importer = Importer::new(store.as_ref(), &clock, None)
        .await
        .expect("starts");
    for round in 0..2 {
        for doc in demo_documents() {
            let doc = read(doc, &Limits::default()).expect("reads");
            // The oracle: the plan against the whole registry, kept in memory (test only).
            let expected = whole_plan(&doc, &whole, now);
            let context = importer.context(&doc).await.expect("reads the context");
            assert!(
                context.positions.len() * 5 < whole.positions.len(),
                "{}: {} of {} positions read",
                doc.name,
                context.positions.len(),
                whole.positions.len()
            );
            assert!(context.job_descriptions.len() * 5 < whole.job_descriptions.len());
            let got = ametijuhend_ingest::plan::context::plan_in_context(
                doc.records(),
                &context,
                doc.source(now),
                now,
            );
            assert_eq!(got.delta, expected.delta, "{} (round {round})", doc.name);
            assert_eq!(got.report, expected.report, "{} (round {round})", doc.name);
            let outcome = importer.store(&doc).await.expect("stores");
            whole = expected.apply_to(&whole);
            match (round, &outcome) {
                (0, Outcome::Imported { changed, .. }) => assert!(*changed > 0),
                (1, Outcome::Unchanged) => {}
                _ => panic!("{}: {outcome:?} in round {round}", doc.name),
            }
        }
    }
    // The documents found their positions and linked names.
    let notes: Vec<String> = {
        let (store, _) = agency().await;
        let mut importer = Importer::new(store.as_ref(), &clock, None)
            .await
            .expect("starts");
        let mut notes = Vec::new();
        for doc in demo_documents() {
            let doc = read(doc, &Limits::default()).expect("reads");
            if let Outcome::Imported { notes: n, .. } = importer.store(&doc).await.expect("stores")
            {
                notes.extend(n.into_iter().map(|n| n.message));
            }
        }
        notes
    };
    assert!(
        notes.iter().any(|n| n.contains("is a known position")),
        "{notes:?}"
    );
}

#[tokio::test]
async fn an_import_is_audited_by_the_importer_account() {
    let (store, _) = agency().await;
    let clock = clock();
    let changed = import_builtin(store.as_ref(), &clock, demo_documents())
        .await
        .expect("imports");
    assert_eq!(changed, 4);
    let recent = store.recent_audit(500).await.expect("audit");
    let imported: Vec<_> = recent
        .iter()
        .filter(|e| e.entry.action == "job_description.imported")
        .collect();
    assert!(imported.len() >= 4, "{}", imported.len());
    assert!(imported.iter().all(|e| e.entry.actor == IMPORTER_ACCOUNT));
    assert_eq!(
        import_builtin(store.as_ref(), &clock, demo_documents())
            .await
            .expect("imports again"),
        0,
        "a repeated import changes nothing"
    );
}

#[tokio::test]
async fn only_who_may_edit_the_whole_registry_imports() {
    let (store, r) = agency().await;
    let who = |roles: &[Role], unit| Principal {
        access: access::Principal {
            account: "someone".into(),
            roles: roles.to_vec(),
            unit,
            position: None,
        },
        name: None,
    };
    let clock = clock();
    let manager = who(&[Role::Manager], Some(r.units[1].id.clone()));
    assert!(matches!(
        Importer::new(store.as_ref(), &clock, Some(&manager)).await,
        Err(crate::AppError::Denied(_))
    ));
    let hr = who(&[Role::Hr], None);
    assert!(
        Importer::new(store.as_ref(), &clock, Some(&hr))
            .await
            .is_ok()
    );
}
