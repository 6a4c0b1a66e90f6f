//! Drafts against a real SQLite store holding the sample registry:
//! the commands' limits, the permission refusals, the stale save, and what is written.

use super::*;
use crate::FixedClock;
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

#[tokio::test]
async fn a_save_command_refuses_what_is_not_the_next_draft() {
    let store = store().await;
    let e = open(store.as_ref(), &hr(), &ids::head_of_department())
        .await
        .unwrap();
    let at = clock().timestamp();
    let draft = next_version(&e, 3, "hr", at);
    assert_eq!((draft.version, draft.status), (4, Status::Draft));
    // The version after the latest only.
    let err = SaveDraft::new(draft.clone(), Some(2), Origin::Editor).unwrap_err();
    assert_eq!(err.problems()[0].field, "version", "{err}");
    let mut approved = draft.clone();
    approved.status = Status::Approved;
    let err = SaveDraft::new(approved, Some(3), Origin::Editor).unwrap_err();
    assert_eq!(err.problems()[0].field, "status", "{err}");
    // The stated limits.
    let mut long = draft.clone();
    long.purpose = "x".repeat(ametijuhend_domain::limits::MAX_TEXT_CHARS + 1);
    let err = SaveDraft::new(long, Some(3), Origin::Editor).unwrap_err();
    assert!(err.problems().iter().any(|p| p.field == "purpose"), "{err}");
    // Not its own substitute, and not too many.
    let cmd = SaveDraft::new(draft.clone(), Some(3), Origin::Editor).unwrap();
    let err = cmd
        .clone()
        .with_substitutes(vec![ids::head_of_department()])
        .unwrap_err();
    assert_eq!(err.status(), 422);
    let many = (0..=MAX_SUBSTITUTES)
        .map(|i| PositionId::derived(&format!("p{i}")))
        .collect();
    assert!(cmd.with_substitutes(many).is_err());
}

#[tokio::test]
async fn a_draft_is_saved_with_its_audit_entry_once_and_a_stale_save_is_refused() {
    let store = store().await;
    let hr = hr();
    let e = open(store.as_ref(), &hr, &ids::head_of_department())
        .await
        .unwrap();
    // The editor offers the unit's positions and the neighbourhood, not the position itself.
    assert!(e.offered.iter().any(|p| p.id == ids::head_of_division()));
    assert!(!e.offered.iter().any(|p| p.id == ids::head_of_department()));
    let at = clock().timestamp();
    let mut draft = next_version(&e, 3, "hr", at);
    draft.purpose = "Uus eesmärk".into();
    let cmd = SaveDraft::new(draft.clone(), Some(3), Origin::Editor)
        .unwrap()
        .with_substitutes(vec![ids::star_support()])
        .unwrap();
    let saved = save(store.as_ref(), &clock(), &hr, cmd).await.unwrap();
    assert_eq!(saved.draft.version, 4);
    // The substitutes changed (the head of division was one): "Kes asendab" is written anew.
    assert_eq!(
        saved.draft.general.substituted_by,
        vec!["Peaspetsialist (STAR kasutajatugi)".to_string()]
    );
    let links = store
        .substitutions_of(&ids::head_of_department())
        .await
        .unwrap();
    assert!(
        links
            .iter()
            .any(|l| l.substitute == ids::star_support()
                && l.substituted == ids::head_of_department())
    );
    assert!(
        !links.iter().any(|l| l.substitute == ids::head_of_division()
            && l.substituted == ids::head_of_department())
    );
    let audit = store
        .audit_history("position", ids::head_of_department().as_str())
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.entry.action == "job_description.draft_saved" && a.entry.actor == "hr"),
        "{audit:?}"
    );
    // The same save again was made from version 3: stale (409), nothing written.
    let again = next_version(&e, 3, "hr", at);
    let cmd = SaveDraft::new(again, Some(3), Origin::Editor).unwrap();
    let err = save(store.as_ref(), &clock(), &hr, cmd).await.unwrap_err();
    assert_eq!((err.status(), err.code()), (409, "stale"), "{err}");
    assert_eq!(
        store
            .list_job_descriptions(&ids::head_of_department())
            .await
            .unwrap()
            .len(),
        4
    );
}

#[tokio::test]
async fn drafts_are_refused_without_the_edit_permission_or_while_in_coordination() {
    let store = store().await;
    let staff = who("tootaja", Role::Staff, None);
    let err = open(store.as_ref(), &staff, &ids::head_of_department())
        .await
        .unwrap_err();
    assert_eq!(err.status(), 403);
    let e = open(store.as_ref(), &hr(), &ids::head_of_department())
        .await
        .unwrap();
    let draft = next_version(&e, 3, "tootaja", clock().timestamp());
    let cmd = SaveDraft::new(draft, Some(3), Origin::Editor).unwrap();
    let err = save(store.as_ref(), &clock(), &staff, cmd)
        .await
        .unwrap_err();
    assert_eq!(err.status(), 403);
    // A manager of another unit may not either.
    let other = who("juht", Role::Manager, Some(ids::legal_team()));
    let err = from_role_card(
        store.as_ref(),
        &clock(),
        &other,
        &ids::head_of_department(),
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(err.status(), 403);
    // The lawyer's latest version is in coordination.
    let err = from_role_card(
        store.as_ref(),
        &clock(),
        &hr(),
        &ids::lawyer(),
        Some(&ids::web_admin_card()),
    )
    .await
    .unwrap_err();
    assert_eq!((err.status(), err.code()), (409, "in_coordination"));
    // Unknown position.
    let err = open(store.as_ref(), &hr(), &PositionId::derived("none"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), 404);
}

#[tokio::test]
async fn a_draft_from_the_role_card_takes_the_general_part_from_the_neighbourhood() {
    let store = store().await;
    let saved = from_role_card(
        store.as_ref(),
        &clock(),
        &hr(),
        &ids::head_of_department(),
        None,
    )
    .await
    .unwrap();
    let d = &saved.draft;
    assert_eq!(d.version, 4);
    assert_eq!(d.created_by.as_deref(), Some("hr"));
    assert_eq!(
        d.written_from.as_ref().map(|w| w.role_card.clone()),
        Some(ids::head_of_department_card())
    );
    assert!(
        d.general
            .subordinates
            .contains(&"Talituse juhataja".to_string())
    );
    assert!(!d.general.unit.is_empty());
    // Without a card: refused next to the choice.
    let err = from_role_card(
        store.as_ref(),
        &clock(),
        &hr(),
        &ids::head_of_division(),
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(err.problems()[0].field, "role_card", "{err}");
}
