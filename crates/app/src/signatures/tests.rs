//! The container in, past the cryptography: a real store with the sample registry, containers
//! the registry issued (or changed ones), and verification reports made here — the holder's
//! valid signature over the issued PDF records the acknowledgement in the container's
//! transaction; someone else's, or one over a changed file, is stored and completes nothing; a
//! signature that is not valid is not stored. The verification itself is the signature crate's
//! (its fixtures); the web, API and command line adapters are tested in tests/integration.

use super::*;
use ametijuhend_domain::access::{self, Role};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::{Assignment, Person, PersonId};
use ametijuhend_signature::report::{SignatureReport, Signer};
use ametijuhend_signature::{Indication, Verdict};
use ametijuhend_store::Store;

async fn store() -> Store {
    let store = crate::testing::sample_store().await;
    // The approved version's position gets a holder.
    let holder = Person {
        id: PersonId::derived("test:Mari-Liis Männik"),
        name: "Mari-Liis Männik".into(),
        email: None,
    };
    let mut position = store
        .get_position(&ids::head_of_division())
        .await
        .unwrap()
        .unwrap();
    position.assignments = vec![Assignment {
        person: holder.id.clone(),
        from: NaiveDate::from_ymd_opt(2024, 1, 1),
        to: None,
    }];
    store
        .apply(&ChangeSet {
            persons: vec![holder],
            positions: vec![position],
            ..ChangeSet::default()
        })
        .await
        .expect("the holder is stored");
    store
}

fn principal(
    account: &str,
    roles: &[Role],
    position: Option<ametijuhend_domain::PositionId>,
) -> Principal {
    Principal {
        access: access::Principal {
            account: account.into(),
            roles: roles.to_vec(),
            unit: None,
            position,
        },
        name: Some(account.into()),
    }
}

fn clock() -> crate::FixedClock {
    crate::FixedClock::on_day(NaiveDate::from_ymd_opt(2026, 3, 10).unwrap())
}

/// A report as the verifier gives it for one signature by `signer`.
fn report(verdict: Verdict, signer: &str) -> Report {
    let mut sig = SignatureReport::new("S0".into(), "META-INF/signatures0.xml".into());
    if verdict != Verdict::Valid {
        sig.indication = Indication::Failed;
    }
    sig.signer = Some(Signer {
        name: signer.into(),
        personal_code: Some("4********21".into()),
        issuer: "ESTEID2018".into(),
        kind: "person".into(),
    });
    sig.level = "XAdES_BASELINE_LT".into();
    sig.signing_time = Some("2026-03-09T07:59:00Z".into());
    sig.time_stamp_time = Some("2026-03-09T08:00:00Z".into());
    Report {
        indication: if verdict == Verdict::Valid {
            "PASSED"
        } else {
            "FAILED"
        }
        .into(),
        verdict,
        data_files: vec![],
        errors: vec![],
        warnings: vec![],
        signatures: vec![sig],
        test_pki_trusted: false,
        limitations: vec![],
    }
}

async fn attach_as(
    store: &Store,
    who: &Principal,
    record: &SignedRecord,
    bytes: &[u8],
    report: Report,
) -> Result<Attached, AppError> {
    let cmd = AttachCommand::new(record.clone(), "allkirjastatud.asice", bytes.to_vec())?;
    let loaded = load(store.as_ref(), record).await?;
    store_verified(store.as_ref(), &clock(), who, cmd, loaded, report).await
}

fn stored(a: Attached) -> (Box<SignedContainer>, StoredOutcome) {
    match a {
        Attached::Stored {
            container, outcome, ..
        } => (container, outcome),
        Attached::Rejected { reason, .. } => panic!("rejected: {reason}"),
    }
}

#[tokio::test]
async fn the_holders_signature_over_the_issued_pdf_records_the_acknowledgement() {
    let store = store().await;
    let hr = principal("hr", &[Role::Hr], None);
    let version = ids::job_description(&ids::head_of_division(), 1);
    let record = SignedRecord::JobDescription(version.clone());
    let issued = issue(store.as_ref(), &clock(), &hr, &record)
        .await
        .expect("issued");
    let again = issue(store.as_ref(), &clock(), &hr, &record)
        .await
        .expect("issued");
    assert_eq!(issued.bytes, again.bytes, "the same container every time");
    assert_eq!(
        store
            .issued_files(SignedKind::JobDescription, version.as_str())
            .await
            .unwrap()
            .len(),
        1
    );

    // Someone else's valid signature: stored, completes nothing.
    let (c, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &issued.bytes,
            report(Verdict::Valid, "JAAK TAMM"),
        )
        .await
        .unwrap(),
    );
    assert_eq!(o.outcome.code(), "other-signer");
    assert!(!o.completed);
    assert_eq!(c.outcome["kind"], "other_signer");
    // The holder's signature over a changed PDF: stored, completes nothing.
    let changed = ametijuhend_signature::build_container(&[DataFile {
        name: issued.files[0].file_name.clone(),
        media_type: "application/pdf".into(),
        bytes: b"%PDF-1.7 another document".to_vec(),
    }])
    .unwrap();
    let (_, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &changed,
            report(Verdict::Valid, "MARI-LIIS MÄNNIK"),
        )
        .await
        .unwrap(),
    );
    assert_eq!(o.outcome.code(), "not-issued");
    // A signature that is not valid: not stored at all.
    let r = attach_as(
        &store,
        &hr,
        &record,
        &issued.bytes,
        report(Verdict::Invalid, "MARI-LIIS MÄNNIK"),
    )
    .await
    .unwrap();
    assert!(matches!(r, Attached::Rejected { .. }));
    assert_eq!(
        store
            .get_job_description(&version)
            .await
            .unwrap()
            .unwrap()
            .status,
        Status::Approved
    );

    // The holder's valid signature over the issued PDF: acknowledged on the signing day.
    let (_, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &issued.bytes,
            report(Verdict::Valid, "MARI-LIIS MÄNNIK"),
        )
        .await
        .unwrap(),
    );
    assert_eq!(
        o.outcome,
        Outcome::Acknowledged {
            signer: "MARI-LIIS MÄNNIK".into(),
            on: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        }
    );
    assert!(o.completed);
    let jd = store.get_job_description(&version).await.unwrap().unwrap();
    assert_eq!(jd.status, Status::Signed);
    let ack = jd.signatures.last().expect("the acknowledgement");
    assert_eq!(ack.name.as_deref(), Some("Mari-Liis Männik"));
    assert_eq!(ack.date, NaiveDate::from_ymd_opt(2026, 3, 9));
    let actions: Vec<String> = store
        .audit_history("position", ids::head_of_division().as_str())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.entry.action)
        .collect();
    assert!(
        actions.ends_with(&[
            "job_description.acknowledge".into(),
            "signature.attached".into()
        ]),
        "{actions:?}"
    );
    // Once more: stored, but the version was acknowledged before.
    let (_, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &issued.bytes,
            report(Verdict::Valid, "MARI-LIIS MÄNNIK"),
        )
        .await
        .unwrap(),
    );
    assert!(!o.completed);
    assert!(o.not_performed.is_some());
    let list = store
        .signed_containers(SignedKind::JobDescription, version.as_str())
        .await
        .unwrap();
    assert_eq!(
        list.len(),
        4,
        "every valid container is kept, the invalid one is not"
    );
}

#[tokio::test]
async fn only_hr_administrators_and_the_holder_attach() {
    let store = store().await;
    let version = ids::job_description(&ids::head_of_division(), 1);
    let record = SignedRecord::JobDescription(version);
    let cmd = || AttachCommand::new(record.clone(), "a.asice", b"PK".to_vec()).unwrap();
    let other = principal("staff", &[Role::Staff], Some(ids::star_support()));
    let e = attach(store.as_ref(), &clock(), &other, cmd())
        .await
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // The holder of the position passes the permission decision (and then the verifier
    // refuses the bytes).
    let holder = principal("holder", &[Role::Staff], Some(ids::head_of_division()));
    let e = attach(store.as_ref(), &clock(), &holder, cmd())
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invalid", "{e}");
    // A draft is not issued.
    let hr = principal("hr", &[Role::Hr], None);
    let draft = SignedRecord::JobDescription(ids::job_description(&ids::head_of_department(), 3));
    let e = issue(store.as_ref(), &clock(), &hr, &draft)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "not_approved");
    let cmd = AttachCommand::new(draft, "a.asice", b"PK".to_vec()).unwrap();
    let e = attach(store.as_ref(), &clock(), &hr, cmd)
        .await
        .unwrap_err();
    assert_eq!(
        e.code(),
        "not_approved",
        "a draft takes no signed container"
    );
    assert!(AttachCommand::new(record.clone(), "a.asice", vec![]).is_err());
    assert!(AttachCommand::new(record, "a.asice", vec![0; MAX_CONTAINER_BYTES + 1]).is_err());
}

#[tokio::test]
async fn the_directives_named_signer_records_it_as_signed() {
    let store = store().await;
    let hr = principal("hr", &[Role::Hr], None);
    let record = SignedRecord::Directive(ids::directive_49());
    let issued = issue(store.as_ref(), &clock(), &hr, &record)
        .await
        .expect("issued");
    let (_, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &issued.bytes,
            report(Verdict::Valid, "MARET MARIPUU"),
        )
        .await
        .unwrap(),
    );
    assert_eq!(o.outcome.code(), "directive-signed");
    assert!(o.completed);
    let (_, o) = stored(
        attach_as(
            &store,
            &hr,
            &record,
            &issued.bytes,
            report(Verdict::Valid, "JAAK TAMM"),
        )
        .await
        .unwrap(),
    );
    assert_eq!(o.outcome.code(), "other-signer");
    // Only HR and administrators attach to a directive.
    let staff = principal("staff", &[Role::Staff], Some(ids::star_support()));
    let cmd = AttachCommand::new(record, "a.asice", issued.bytes).unwrap();
    let e = attach(store.as_ref(), &clock(), &staff, cmd)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
}
