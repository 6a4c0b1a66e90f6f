//! Storage cases for accounts, sessions, the audit trail and the audited writes (run on both
//! backends through `cases`).

use super::{pretty, sample};
use crate::{AuditEntry, ChangeSet, RestoreMode, SessionRecord, Store, StoreError, User};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::workflow::new_version_draft;
use ametijuhend_domain::{JobDescriptionId, Role, Timestamp};

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a timestamp")
}

fn user(name: &str, roles: Vec<Role>) -> User {
    User {
        id: uuid::Uuid::new_v4().to_string(),
        username: name.into(),
        display_name: format!("{name} display"),
        roles,
        unit: Some(ids::agency()),
        position: None,
        language: "et".into(),
        created_at: at("2024-05-01T08:00:00Z"),
    }
}

fn entry(action: &str, kind: &str, id: &str) -> AuditEntry {
    AuditEntry {
        at: at("2024-05-02T09:30:00Z"),
        actor: "hr".into(),
        action: action.into(),
        record_kind: kind.into(),
        record_id: id.into(),
        before: None,
        after: Some(serde_json::json!({"x": 1})),
    }
}

pub(in crate::tests) async fn accounts_and_sessions_are_stored(store: Store) {
    let u = user("mari", vec![Role::Manager, Role::Hr]);
    store
        .create_user(&u, "$argon2id$hash")
        .await
        .expect("creates");
    let err = store
        .create_user(&user("mari", vec![Role::Staff]), "h")
        .await
        .expect_err("a taken username is refused");
    assert!(matches!(err, StoreError::Invalid { ref path, .. } if path == "username"));
    let (found, hash) = store
        .find_user("mari")
        .await
        .expect("finds")
        .expect("exists");
    assert_eq!(found, u);
    assert_eq!(hash, "$argon2id$hash");
    assert_eq!(store.list_users().await.expect("lists"), vec![u.clone()]);
    store.set_user_language(&u.id, "ru").await.expect("sets");
    assert_eq!(
        store.find_user("mari").await.unwrap().unwrap().0.language,
        "ru"
    );

    let s = SessionRecord {
        token_hash: "abc".into(),
        user_id: u.id.clone(),
        csrf_token: "csrf".into(),
        created_at: at("2024-05-01T08:00:00Z"),
        expires_at: at("2024-05-01T16:00:00Z"),
    };
    store.create_session(&s).await.expect("creates");
    let (got, owner) = store.find_session("abc").await.unwrap().expect("found");
    assert_eq!(got, s);
    assert_eq!(owner.username, "mari");
    assert_eq!(
        store
            .delete_expired_sessions(at("2024-05-01T12:00:00Z"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .delete_expired_sessions(at("2024-05-02T12:00:00Z"))
            .await
            .unwrap(),
        1
    );
    assert!(store.find_session("abc").await.unwrap().is_none());
    store.create_session(&s).await.expect("creates again");
    store.delete_session("abc").await.expect("deletes");
    assert!(store.find_session("abc").await.unwrap().is_none());
}

pub(in crate::tests) async fn accounts_are_not_part_of_the_registry(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    store
        .create_user(&user("auditor", vec![Role::Auditor]), "h")
        .await
        .unwrap();
    store
        .apply_audited(
            &ChangeSet::default(),
            &[entry("unit.updated", "unit", "u1")],
        )
        .await
        .unwrap();
    assert_eq!(pretty(&store.export().await.unwrap()), pretty(&r));
    store.restore(&r, RestoreMode::Replace).await.unwrap();
    assert!(store.find_user("auditor").await.unwrap().is_some());
    assert_eq!(store.audit_history("unit", "u1").await.unwrap().len(), 1);
}

/// A position whose latest version is not in coordination (a draft is saved beside it only
/// then).
fn editable_position(r: &ametijuhend_domain::Registry) -> ametijuhend_domain::PositionId {
    let latest = |p: &ametijuhend_domain::PositionId| {
        r.job_descriptions
            .iter()
            .filter(|j| &j.position == p)
            .max_by_key(|j| j.version)
    };
    r.job_descriptions
        .iter()
        .map(|j| j.position.clone())
        .find(|p| latest(p).is_some_and(|j| j.status != ametijuhend_domain::Status::InCoordination))
        .expect("the sample has a position whose latest version is not in coordination")
}

pub(in crate::tests) async fn drafts_are_saved_with_audit_or_refused_on_conflict(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let position = editable_position(&r);
    let versions = store.list_job_descriptions(&position).await.unwrap();
    let latest = versions.last().expect("the sample has versions").clone();
    let draft = |n: u32| {
        let mut d = new_version_draft(
            &latest,
            JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
            n,
            at("2024-05-02T09:30:00Z"),
            Some("hr".into()),
        );
        d.purpose = format!("purpose of draft {n}");
        d
    };
    let first = ChangeSet {
        job_descriptions: vec![draft(latest.version + 1)],
        ..ChangeSet::default()
    };
    let audit = entry("job_description.draft_saved", "position", position.as_str());
    store
        .save_job_description_draft(&first, &position, Some(latest.version), &audit)
        .await
        .expect("the first save succeeds");
    // A second editor who started from the same version is refused and writes nothing.
    let second = ChangeSet {
        job_descriptions: vec![draft(latest.version + 1)],
        ..ChangeSet::default()
    };
    let err = store
        .save_job_description_draft(&second, &position, Some(latest.version), &audit)
        .await
        .expect_err("the second save conflicts");
    assert!(
        matches!(err, StoreError::Conflict { expected, found }
            if expected == Some(latest.version) && found == Some(latest.version + 1)),
        "{err}"
    );
    let after = store.list_job_descriptions(&position).await.unwrap();
    assert_eq!(after.len(), versions.len() + 1);
    assert_eq!(after.last().unwrap(), &first.job_descriptions[0]);
    assert_eq!(&after[..versions.len()], &versions[..]);
    let history = store
        .audit_history("position", position.as_str())
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].entry, audit);
    assert_eq!(store.recent_audit(5).await.unwrap().len(), 1);
}

/// Editors who saved from the same version at the same moment: one draft is stored, every
/// other save is a conflict (not a database error), and the version numbers stay unique.
pub(in crate::tests) async fn simultaneous_draft_saves_store_one_and_refuse_the_rest(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let position = editable_position(&r);
    let versions = store.list_job_descriptions(&position).await.unwrap();
    let latest = versions.last().expect("the sample has versions").clone();
    // Open a connection for every writer first, so that the saves really run side by side.
    let warm: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.counts().await })
        })
        .collect();
    for w in warm {
        w.await.expect("the task runs").expect("counts");
    }
    let saves: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            let position = position.clone();
            let mut draft = new_version_draft(
                &latest,
                JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
                latest.version + 1,
                at("2024-05-02T09:30:00Z"),
                Some(format!("editor{i}")),
            );
            draft.purpose = format!("purpose of editor {i}");
            let audit = entry("job_description.draft_saved", "position", position.as_str());
            let expected = Some(latest.version);
            tokio::spawn(async move {
                let changes = ChangeSet {
                    job_descriptions: vec![draft],
                    ..ChangeSet::default()
                };
                store
                    .save_job_description_draft(&changes, &position, expected, &audit)
                    .await
            })
        })
        .collect();
    let mut stored = 0;
    for save in saves {
        match save.await.expect("the save task runs") {
            Ok(()) => stored += 1,
            Err(StoreError::Conflict { expected, found }) => {
                assert_eq!(expected, Some(latest.version));
                assert_eq!(found, Some(latest.version + 1));
            }
            Err(other) => panic!("a simultaneous save failed instead of conflicting: {other}"),
        }
    }
    assert_eq!(stored, 1, "exactly one of the simultaneous saves is stored");
    let after = store.list_job_descriptions(&position).await.unwrap();
    assert_eq!(after.len(), versions.len() + 1);
    assert_eq!(&after[..versions.len()], &versions[..]);
    let history = store
        .audit_history("position", position.as_str())
        .await
        .unwrap();
    assert_eq!(history.len(), 1, "one audit event, of the stored save");
}

pub(in crate::tests) async fn transitions_are_refused_when_the_version_changed(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let before = r.job_descriptions[0].clone();
    let mut first = before.clone();
    first.purpose = "first writer".into();
    let audit = entry(
        "job_description.submit",
        "position",
        before.position.as_str(),
    );
    let changes = |jd: &ametijuhend_domain::JobDescription| ChangeSet {
        job_descriptions: vec![jd.clone()],
        ..ChangeSet::default()
    };
    store
        .apply_audited_if_unchanged(
            &changes(&first),
            std::slice::from_ref(&before),
            std::slice::from_ref(&audit),
        )
        .await
        .expect("the version is as read");
    // A second writer who read the same version is refused and writes nothing.
    let mut second = before.clone();
    second.purpose = "second writer".into();
    let err = store
        .apply_audited_if_unchanged(
            &changes(&second),
            std::slice::from_ref(&before),
            std::slice::from_ref(&audit),
        )
        .await
        .expect_err("the version changed meanwhile");
    assert!(matches!(err, StoreError::Changed { .. }), "{err}");
    assert_eq!(
        store
            .get_job_description(&before.id)
            .await
            .unwrap()
            .unwrap(),
        first
    );
    let history = store
        .audit_history("position", before.position.as_str())
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
}

pub(in crate::tests) async fn positions_with_versions_are_not_deleted(store: Store) {
    let r = sample();
    store.restore(&r, RestoreMode::IntoEmpty).await.unwrap();
    let position = r.job_descriptions[0].position.clone();
    let err = store
        .delete_position(&position, &entry("position.deleted", "position", "x"))
        .await
        .expect_err("refused");
    assert!(
        err.to_string().contains("job description versions"),
        "{err}"
    );
    assert!(store.get_position(&position).await.unwrap().is_some());
    assert!(store.recent_audit(5).await.unwrap().is_empty());
}
