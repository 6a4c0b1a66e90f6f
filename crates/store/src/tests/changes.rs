//! The change log: one revision per write transaction, gap-free, listing what it touched.

use super::sample;
use crate::{Change, ChangeSet, RestoreMode, Store};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::{Person, PersonId, PositionId};

fn change(revision: u64, kind: &str, id: &str) -> Change {
    Change {
        revision,
        kind: kind.into(),
        id: id.into(),
    }
}

pub(super) async fn every_write_is_one_revision_in_the_change_log(store: Store) {
    assert_eq!(store.revision().await.expect("revision"), 0);
    assert!(
        store
            .changes_since(0, 100)
            .await
            .expect("changes")
            .is_empty()
    );

    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("restores");
    assert_eq!(store.revision().await.expect("revision"), 1);
    assert_eq!(
        store.changes_since(0, 100).await.expect("changes"),
        vec![change(1, "registry", "*")]
    );

    // A position and one of its versions, changed together: one revision, both listed.
    let mut position = r.positions[0].clone();
    position.title.push_str(" (muudetud)");
    let jd = r
        .job_descriptions
        .iter()
        .find(|j| j.position == position.id)
        .expect("a version")
        .clone();
    store
        .apply(&ChangeSet {
            positions: vec![position.clone()],
            job_descriptions: vec![jd.clone()],
            ..ChangeSet::default()
        })
        .await
        .expect("applies");
    assert_eq!(store.revision().await.expect("revision"), 2);
    let got = store.changes_since(1, 100).await.expect("changes");
    assert!(
        got.contains(&change(2, "position", position.id.as_str())),
        "{got:?}"
    );
    assert!(
        got.contains(&change(2, "job_description", jd.id.as_str())),
        "{got:?}"
    );
    assert!(got.iter().all(|c| c.revision == 2));

    // A refused write bumps nothing.
    let mut dangling = r.positions[0].clone();
    dangling.supervisor = Some(PositionId::derived("nobody"));
    store
        .apply(&ChangeSet {
            positions: vec![dangling],
            ..ChangeSet::default()
        })
        .await
        .expect_err("dangling");
    assert_eq!(store.revision().await.expect("revision"), 2);

    // An empty change set is no write.
    store.apply(&ChangeSet::default()).await.expect("applies");
    assert_eq!(store.revision().await.expect("revision"), 2);

    // Substitution links touch the positions on both sides.
    let link = r.substitutions[0].clone();
    store
        .apply(&ChangeSet {
            remove_substitutions: vec![link.clone()],
            ..ChangeSet::default()
        })
        .await
        .expect("removes");
    let got = store.changes_since(2, 100).await.expect("changes");
    assert!(
        got.contains(&change(3, "position", link.substitute.as_str())),
        "{got:?}"
    );
    assert!(
        got.contains(&change(3, "position", link.substituted.as_str())),
        "{got:?}"
    );

    // Reading a bounded number of revisions gives whole revisions only.
    assert!(
        store
            .changes_since(0, 1)
            .await
            .expect("changes")
            .iter()
            .all(|c| c.revision == 1)
    );
    assert!(
        store
            .changes_since(3, 10)
            .await
            .expect("changes")
            .is_empty()
    );
    let _ = ids::agency();
}

pub(super) async fn concurrent_writes_get_distinct_gap_free_revisions(store: Store) {
    let writers: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                let name = format!("Samaaegne Kirjutaja {i}");
                let person = Person {
                    id: PersonId::derived(&name),
                    name,
                    email: None,
                };
                store
                    .apply(&ChangeSet {
                        persons: vec![person],
                        ..ChangeSet::default()
                    })
                    .await
            })
        })
        .collect();
    for w in writers {
        w.await
            .expect("the writer task runs")
            .expect("the write succeeds");
    }
    assert_eq!(store.revision().await.expect("revision"), 8);
    let changes = store.changes_since(0, 100).await.expect("changes");
    let revisions: Vec<u64> = changes.iter().map(|c| c.revision).collect();
    assert_eq!(
        revisions,
        (1..=8).collect::<Vec<_>>(),
        "each write one revision, no gaps"
    );
}

pub(super) async fn reminders_are_recorded_once(store: Store) {
    let keys = vec!["p1/2027-03-06".to_string(), "p2/2027-04-01".to_string()];
    assert!(
        store
            .notifications_sent(&keys)
            .await
            .expect("reads")
            .is_empty()
    );
    let at = ametijuhend_domain::Timestamp::parse("2027-02-04T08:00:00Z").expect("timestamp");
    store
        .record_notifications(&keys[..1], "juht@example.ee", at)
        .await
        .expect("records");
    assert_eq!(
        store.notifications_sent(&keys).await.expect("reads"),
        vec![keys[0].clone()]
    );
    // Recording again is harmless.
    store
        .record_notifications(&keys, "juht@example.ee", at)
        .await
        .expect("records again");
    assert_eq!(store.notifications_sent(&keys).await.expect("reads"), keys);
    // Not part of the registry, and no registry revision.
    assert!(store.is_empty().await.expect("counts"));
    assert_eq!(store.revision().await.expect("revision"), 0);
}
