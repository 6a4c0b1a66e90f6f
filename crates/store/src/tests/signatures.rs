//! Digital signatures: issued files recorded once, signed containers stored with the changes
//! they complete in one transaction (or nothing when the version changed meanwhile), kept out
//! of the registry document.

use super::{pretty, sample};
use crate::{
    AuditEntry, ChangeSet, IssuedFile, RestoreMode, SignedContainer, SignedKind, Store, StoreError,
};
use ametijuhend_domain::Timestamp;
use serde_json::json;

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a timestamp")
}

fn audit(action: &str, id: &str) -> AuditEntry {
    AuditEntry::new(at("2026-03-09T10:00:00Z"), "hr", action, "position", id)
}

fn container(id: &str, target: &str) -> SignedContainer {
    SignedContainer {
        id: id.into(),
        kind: SignedKind::JobDescription,
        target_id: target.into(),
        file_name: "ametijuhend.asice".into(),
        sha256: "ab".repeat(32),
        verdict: "valid".into(),
        outcome: json!({"kind": "other_signer", "signers": ["JAAK TAMM"]}),
        report: json!({"indication": "PASSED"}),
        uploaded_by: "hr".into(),
        uploaded_at: at("2026-03-09T10:00:00Z"),
    }
}

pub(in crate::tests) async fn signed_containers_are_stored_with_what_they_complete(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let exported = pretty(&store.export().await.unwrap());
    let jd = r.job_descriptions[0].clone();
    let target = jd.id.to_string();

    // Issuing: the same file twice is recorded once.
    let file = IssuedFile {
        kind: SignedKind::JobDescription,
        target_id: target.clone(),
        file_name: "ametijuhend.pdf".into(),
        sha256: "cd".repeat(32),
        issued_at: at("2026-03-08T08:00:00Z"),
        issued_by: "staff".into(),
    };
    let issued = audit("signature.container_issued", jd.position.as_str());
    assert_eq!(
        store
            .record_issued(std::slice::from_ref(&file), &issued)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .record_issued(std::slice::from_ref(&file), &issued)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .issued_files(SignedKind::JobDescription, &target)
            .await
            .unwrap(),
        vec![file.clone()]
    );
    assert!(
        store
            .issued_files(SignedKind::Directive, &target)
            .await
            .unwrap()
            .is_empty()
    );

    // A container that completes a change: stored with it, in one transaction.
    let mut changed = jd.clone();
    changed.purpose = "acknowledged".into();
    let changes = ChangeSet {
        job_descriptions: vec![changed.clone()],
        ..ChangeSet::default()
    };
    let first = container("00000000-0000-4000-8000-000000000001", &target);
    store
        .store_signed_container(
            &first,
            b"PK container",
            &changes,
            std::slice::from_ref(&jd),
            &[audit("signature.attached", jd.position.as_str())],
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .get_job_description(&jd.id)
            .await
            .unwrap()
            .unwrap()
            .purpose,
        "acknowledged"
    );
    // A second one decided on the version as it was before: refused, nothing written.
    let second = container("00000000-0000-4000-8000-000000000002", &target);
    let err = store
        .store_signed_container(
            &second,
            b"PK other",
            &changes,
            std::slice::from_ref(&jd),
            &[audit("signature.attached", jd.position.as_str())],
        )
        .await
        .expect_err("the version changed meanwhile");
    assert!(matches!(err, StoreError::Changed { .. }), "{err}");
    let listed = store
        .signed_containers(SignedKind::JobDescription, &target)
        .await
        .unwrap();
    assert_eq!(listed, vec![first.clone()]);
    let (meta, bytes) = store
        .signed_container_content(&first.id)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!((meta, bytes), (first, b"PK container".to_vec()));
    assert!(
        store
            .signed_container_content(&second.id)
            .await
            .unwrap()
            .is_none()
    );
    let history = store
        .audit_history("position", jd.position.as_str())
        .await
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.entry.action.as_str()).collect();
    assert_eq!(
        actions,
        ["signature.container_issued", "signature.attached"]
    );

    // Not part of the registry document: the export changed only by the completed change.
    let mut expected: ametijuhend_domain::Registry = serde_json::from_str(&exported).unwrap();
    for v in expected
        .job_descriptions
        .iter_mut()
        .filter(|v| v.id == jd.id)
    {
        v.purpose = "acknowledged".into();
    }
    assert_eq!(pretty(&store.export().await.unwrap()), pretty(&expected));
}
