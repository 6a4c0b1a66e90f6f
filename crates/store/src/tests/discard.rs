//! Removing a discarded draft on both backends: the version, its competency rows and its task
//! rows go, the audit event keeps its content, the change log names the version and its
//! position; a version that is no draft, changed meanwhile, or referred to is refused and
//! nothing is written.

use super::{pretty, sample};
use crate::{
    AuditEntry, Change, ChangeSet, IssuedFile, RestoreMode, SignedKind, Store, StoreError,
    TaskScope,
};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::{NextStep, new_version_draft};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Timestamp};

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a timestamp")
}

fn discarded(jd: &JobDescription) -> AuditEntry {
    AuditEntry::new(
        at("2026-03-09T10:00:00Z"),
        "hr",
        "job_description.discarded",
        "position",
        &jd.position,
    )
    .before(jd)
}

/// What a refusal must leave as it was: the registry, its revision and the audit trail.
async fn snapshot(store: &Store) -> (String, u64, usize) {
    (
        pretty(&store.export().await.unwrap()),
        store.revision().await.unwrap(),
        store.recent_audit(100).await.unwrap().len(),
    )
}

async fn waiting_to_submit(store: &Store) -> Vec<JobDescriptionId> {
    let (_, rows) = store
        .task_rows(NextStep::Submit, &TaskScope::All, None, 0, 100)
        .await
        .unwrap();
    rows.into_iter().map(|r| r.job_description).collect()
}

pub(in crate::tests) async fn discarded_drafts_are_removed_with_audit_or_refused(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    // A draft of the division head's position that nothing refers to (with competencies).
    let base = r
        .job_description(&ids::job_description(&ids::head_of_division(), 1))
        .unwrap()
        .clone();
    let draft = new_version_draft(
        &base,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        2,
        at("2026-03-01T08:00:00Z"),
        Some("juht".into()),
    );
    assert!(
        !draft.competencies.is_empty(),
        "the draft has competency rows"
    );
    store
        .apply(&ChangeSet {
            job_descriptions: vec![draft.clone()],
            ..ChangeSet::default()
        })
        .await
        .unwrap();
    assert!(waiting_to_submit(&store).await.contains(&draft.id));

    // Refused, nothing written: a version that is no draft, a draft a directive lists as an
    // annex, a draft changed meanwhile, a draft a document was issued for.
    let before = snapshot(&store).await;
    let in_force = r
        .job_description(&ids::job_description(&ids::head_of_department(), 2))
        .unwrap()
        .clone();
    let e = store
        .delete_job_description(&in_force, &discarded(&in_force))
        .await
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Invalid { .. }) && e.to_string().contains("only a draft"),
        "{e}"
    );
    let annex = r
        .job_description(&ids::job_description(&ids::head_of_department(), 3))
        .unwrap()
        .clone();
    let e = store
        .delete_job_description(&annex, &discarded(&annex))
        .await
        .unwrap_err();
    assert!(
        matches!(e, StoreError::InUse { .. }) && e.to_string().contains("annex"),
        "{e}"
    );
    let mut changed = draft.clone();
    changed.purpose.push_str(" Muudetud.");
    let e = store
        .delete_job_description(&changed, &discarded(&changed))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Changed { .. }), "{e}");
    assert_eq!(snapshot(&store).await, before);

    // Removed: the version and its rows, one revision naming it and its position, the audit
    // event with its content.
    let revision = store.revision().await.unwrap();
    let counted = store.counts().await.unwrap().job_descriptions;
    store
        .delete_job_description(&draft, &discarded(&draft))
        .await
        .unwrap();
    assert_eq!(store.get_job_description(&draft.id).await.unwrap(), None);
    assert_eq!(store.counts().await.unwrap().job_descriptions, counted - 1);
    assert!(
        store
            .list_job_descriptions(&draft.position)
            .await
            .unwrap()
            .iter()
            .all(|v| v.id != draft.id)
    );
    assert!(!waiting_to_submit(&store).await.contains(&draft.id));
    assert_eq!(
        store.changes_since(revision, 10).await.unwrap(),
        vec![
            Change {
                revision: revision + 1,
                kind: "job_description".into(),
                id: draft.id.to_string(),
            },
            Change {
                revision: revision + 1,
                kind: "position".into(),
                id: draft.position.to_string(),
            },
        ]
    );
    let history = store
        .audit_history("position", draft.position.as_str())
        .await
        .unwrap();
    let last = &history.last().expect("an audit event").entry;
    assert_eq!(last.action, "job_description.discarded");
    assert_eq!(last.before, Some(serde_json::to_value(&draft).unwrap()));
    assert_eq!(last.after, None);
    // The registry stays whole: nothing dangles.
    let exported = store.export().await.unwrap();
    exported.validate().expect("no dangling reference");
    // Removed already: the version is not as it was read.
    let e = store
        .delete_job_description(&draft, &discarded(&draft))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Changed { .. }), "{e}");

    // A draft a document was issued for (or a signed container stored) is kept.
    let other = new_version_draft(
        &base,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        2,
        at("2026-03-02T08:00:00Z"),
        Some("hr".into()),
    );
    store
        .apply(&ChangeSet {
            job_descriptions: vec![other.clone()],
            ..ChangeSet::default()
        })
        .await
        .unwrap();
    let file = IssuedFile {
        kind: SignedKind::JobDescription,
        target_id: other.id.to_string(),
        file_name: "ametijuhend.pdf".into(),
        sha256: "cd".repeat(32),
        issued_at: at("2026-03-08T08:00:00Z"),
        issued_by: "hr".into(),
    };
    store
        .record_issued(&[file], &discarded(&other))
        .await
        .unwrap();
    let before = snapshot(&store).await;
    let e = store
        .delete_job_description(&other, &discarded(&other))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("issued for signing"), "{e}");
    assert_eq!(snapshot(&store).await, before);
}
