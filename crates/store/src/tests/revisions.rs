//! Revisions: racing edits of one position (one wins, the rest are stale, the audit trail is
//! a chain), stale unit edits, and a draft save racing the submission of the latest version.

use super::sample;
use crate::{
    AuditEntry, ChangeSet, Expected, RecordKind, RestoreMode, Store, StoreError, revision_of,
};
use ametijuhend_domain::workflow::new_version_draft;
use ametijuhend_domain::{JobDescriptionId, Status, Timestamp};

fn at() -> Timestamp {
    Timestamp::parse("2026-03-06T10:00:00Z").unwrap()
}

/// 50 edits of one position from the same revision, side by side: exactly one is written, the
/// other 49 are refused as stale, and the audit trail's "before" is the stored "after" of the
/// entry before it.
pub(in crate::tests) async fn racing_position_edits_store_one_and_refuse_the_rest(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let original = r.positions[0].clone();
    let revision = revision_of(&original);
    let edits: Vec<_> = (0..50)
        .map(|i| {
            let store = store.clone();
            let before = original.clone();
            let revision = revision.clone();
            tokio::spawn(async move {
                let mut after = before.clone();
                after.title = format!("Pealkiri {i}");
                let audit = AuditEntry::new(
                    at(),
                    format!("editor{i}"),
                    "position.changed",
                    "position",
                    &after.id,
                )
                .before(&before)
                .after(&after);
                let expected = [Expected::new(RecordKind::Position, &after.id, revision)];
                let changes = ChangeSet {
                    positions: vec![after],
                    ..ChangeSet::default()
                };
                store.apply_audited_at(&changes, &expected, &[audit]).await
            })
        })
        .collect();
    let (mut won, mut stale) = (0, 0);
    for e in edits {
        match e.await.expect("the edit task runs") {
            Ok(()) => won += 1,
            Err(StoreError::Stale { kind, expected, .. }) => {
                assert_eq!((kind, expected.as_str()), ("position", revision.as_str()));
                stale += 1;
            }
            Err(other) => panic!("a racing edit failed instead of being stale: {other}"),
        }
    }
    assert_eq!((won, stale), (1, 49));
    let stored = store.get_position(&original.id).await.unwrap().unwrap();
    assert_ne!(revision_of(&stored), revision);
    let history = store
        .audit_history("position", original.id.as_str())
        .await
        .unwrap();
    assert_eq!(history.len(), 1, "one audit entry, of the edit written");
    let entry = &history[0].entry;
    assert_eq!(entry.before, Some(serde_json::to_value(&original).unwrap()));
    assert_eq!(entry.after, Some(serde_json::to_value(&stored).unwrap()));

    // The next edit from the stored revision goes through, and chains to the one before.
    let mut next = stored.clone();
    next.title = "Järgmine".into();
    let audit = AuditEntry::new(at(), "next", "position.changed", "position", &next.id)
        .before(&stored)
        .after(&next);
    let expected = [Expected::new(
        RecordKind::Position,
        &next.id,
        revision_of(&stored),
    )];
    let changes = ChangeSet {
        positions: vec![next],
        ..ChangeSet::default()
    };
    store
        .apply_audited_at(&changes, &expected, &[audit])
        .await
        .unwrap();
    let history = store
        .audit_history("position", original.id.as_str())
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].entry.before, history[0].entry.after, "a chain");
}

/// A unit edited from an old revision is refused and nothing is written; a removed record is
/// named.
pub(in crate::tests) async fn stale_unit_edits_write_nothing(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let unit = r.units[0].clone();
    let old = revision_of(&unit);
    let mut renamed = unit.clone();
    renamed.versions[0].name = "Uus nimi".into();
    let write = |u: ametijuhend_domain::Unit, rev: String| {
        let store = store.clone();
        async move {
            let expected = [Expected::new(RecordKind::Unit, &u.id, rev)];
            let changes = ChangeSet {
                units: vec![u],
                ..ChangeSet::default()
            };
            store.apply_audited_at(&changes, &expected, &[]).await
        }
    };
    write(renamed.clone(), old.clone()).await.unwrap();
    let mut again = unit.clone();
    again.versions[0].name = "Teine nimi".into();
    let err = write(again, old).await.expect_err("stale");
    assert!(err.to_string().contains("changed meanwhile"), "{err}");
    let stored = store.get_unit(&unit.id).await.unwrap().unwrap();
    assert_eq!(stored.versions[0].name, "Uus nimi");
    let missing = [Expected::new(
        RecordKind::Position,
        "00000000-0000-0000-0000-000000000000",
        "x",
    )];
    let err = store
        .apply_audited_at(&ChangeSet::default(), &missing, &[])
        .await
        .expect_err("no such record");
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
}

/// A draft saved from the latest version after that version was submitted is refused (the
/// check is inside the save's transaction).
pub(in crate::tests) async fn a_draft_save_after_the_submission_is_refused(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let position = r.job_descriptions[0].position.clone();
    let versions = store.list_job_descriptions(&position).await.unwrap();
    let mut latest = versions.last().unwrap().clone();
    latest.status = Status::InCoordination;
    store
        .apply(&ChangeSet {
            job_descriptions: vec![latest.clone()],
            ..ChangeSet::default()
        })
        .await
        .unwrap();
    let draft = new_version_draft(
        &latest,
        JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        latest.version + 1,
        at(),
        Some("editor".into()),
    );
    let audit = AuditEntry::new(
        at(),
        "editor",
        "job_description.draft_saved",
        "position",
        &position,
    );
    let changes = ChangeSet {
        job_descriptions: vec![draft],
        ..ChangeSet::default()
    };
    let err = store
        .save_job_description_draft(&changes, &position, Some(latest.version), &audit)
        .await
        .expect_err("in coordination");
    assert!(matches!(err, StoreError::Changed { .. }), "{err}");
    assert!(err.to_string().contains("coordination"), "{err}");
    assert_eq!(
        store.list_job_descriptions(&position).await.unwrap().len(),
        versions.len()
    );
}
