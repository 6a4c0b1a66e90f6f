//! Drafts from the 2024 catalogue's role cards, and following a card's new revision.

use super::*;
use crate::diff::SpanKind;
use crate::fixtures::{at, osakonnajuhataja_card, peakasutaja_card, registry};

const NOW: &str = "2024-09-02T08:00:00Z";

fn pid(key: &str) -> PositionId {
    PositionId::derived(key)
}

/// The registry with the key user's job description as a draft written from revision 1 of the
/// card, and the card at revision 2 with a reworded purpose.
fn with_revised_card() -> (Registry, RoleCard) {
    let mut r = registry();
    let old_card = peakasutaja_card();
    let draft = draft_in_registry(
        &r,
        &pid("peakasutaja"),
        at(NOW),
        JobDescriptionId::derived("peakasutaja/2"),
    )
    .unwrap();
    r.job_descriptions.push(draft);
    let card = r
        .role_cards
        .iter_mut()
        .find(|c| c.id == old_card.id)
        .unwrap();
    card.revision = 2;
    card.purpose = card
        .purpose
        .replace("koolitab kasutajaid", "koolitab ja nõustab kasutajaid");
    let new_card = card.clone();
    (r, new_card)
}

#[test]
fn a_draft_starts_with_the_cards_content() {
    let card = peakasutaja_card();
    let r = registry();
    let position = r.position(&pid("peakasutaja")).unwrap();
    let id = JobDescriptionId::derived("new");
    let jd = draft_from_role_card(&card, position, at(NOW), id.clone());
    assert_eq!((&jd.id, jd.version, jd.status), (&id, 1, Status::Draft));
    assert!(
        jd.purpose
            .starts_with("Protsesside juhina vastutab SKA andmekogude")
    );
    let roles: Vec<&str> = jd.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, ["Võimestaja", "nõustaja", "kontrollija"]);
    assert_eq!(jd.requirements.other.len(), 1);
    assert_eq!(jd.requirements.other[0].label, CARD_REQUIREMENTS_LABEL);
    assert!(
        jd.requirements.other[0]
            .text
            .starts_with("Töö eeldab head koordineerimisoskust")
    );
    assert_eq!(
        jd.written_from,
        Some(RoleCardSource {
            role_card: card.id.clone(),
            revision: 1
        })
    );
    assert_eq!(jd.workflow.card_snapshot.as_ref(), Some(&card));
    assert_eq!(jd.general.title, "Peakasutaja");
    assert_eq!(jd.general.staff_group, Some(position.staff_group));
    assert!(jd.duties.is_empty(), "the manager writes the duties");
    assert!(jd.problems().is_empty());

    // A card whose roles were not split keeps them as written.
    let card = osakonnajuhataja_card();
    let head = r.position(&pid("hüvitiste juhataja")).unwrap();
    let jd = draft_from_role_card(&card, head, at(NOW), JobDescriptionId::derived("x"));
    assert_eq!(jd.roles.len(), 1);
    assert!(jd.roles[0].text.starts_with("Juhib inimesi"));
}

#[test]
fn a_draft_in_the_registry_names_its_neighbours() {
    let r = registry();
    let jd = draft_in_registry(
        &r,
        &pid("peakasutaja"),
        at(NOW),
        JobDescriptionId::derived("v2"),
    )
    .unwrap();
    assert_eq!(jd.version, 2);
    assert_eq!(jd.general.unit, "perehüvitiste valdkonna tiim");
    assert_eq!(
        jd.general.supervisor.as_deref(),
        Some("Perehüvitiste valdkonna juht")
    );
    assert_eq!(jd.general.substituted_by, ["Teenuse juht"]);
    assert_eq!(jd.general.substitutes_for, ["Teenuse juht"]);
    let head = draft_in_registry(
        &r,
        &pid("hüvitiste juhataja"),
        at(NOW),
        JobDescriptionId::derived("h2"),
    )
    .unwrap();
    assert_eq!(head.general.subordinates, ["Perehüvitiste valdkonna juht"]);

    let err = |key: &str| {
        draft_in_registry(&r, &pid(key), at(NOW), JobDescriptionId::derived("e")).unwrap_err()
    };
    assert!(matches!(err("teenuse juht"), DraftError::NoRoleCard(_)));
    assert!(matches!(err("puudub"), DraftError::NoPosition(_)));
    let mut broken = r.clone();
    broken.role_cards.clear();
    let e = draft_in_registry(
        &broken,
        &pid("peakasutaja"),
        at(NOW),
        JobDescriptionId::derived("e"),
    );
    assert!(e.unwrap_err().to_string().contains("not in the registry"));
}

#[test]
fn card_changes_are_word_diffs() {
    let old = peakasutaja_card();
    assert!(role_card_changes(&old, &old).is_empty());
    let mut new = old.clone();
    new.revision = 2;
    new.purpose = new
        .purpose
        .replace("koolitab kasutajaid", "koolitab ja nõustab kasutajaid");
    new.job_family_text = "IT-testimine 3 või 4".into();
    let changes = role_card_changes(&old, &new);
    let fields: Vec<CardField> = changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [CardField::Purpose, CardField::JobFamily]);
    assert!(changes[0].field.feeds_job_description());
    assert!(!changes[1].field.feeds_job_description());
    let inserted: String = changes[0]
        .words
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Inserted)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(inserted.trim(), "ja nõustab");
}

#[test]
fn job_descriptions_from_an_older_revision_are_pending() {
    let (r, card) = with_revised_card();
    let pending = pending_card_updates(&r);
    assert_eq!(pending.len(), 1);
    let u = &pending[0];
    assert_eq!((u.from_revision, u.to_revision), (1, 2));
    assert_eq!(u.position, pid("peakasutaja"));
    assert_eq!(u.baseline, Baseline::CardSnapshot);
    assert_eq!(u.changes.len(), 1);
    assert_eq!(u.changes[0].field, CardField::Purpose);

    // Written from the current revision: nothing pending.
    let mut current = r.clone();
    if let Some(w) = current
        .job_descriptions
        .last_mut()
        .unwrap()
        .written_from
        .as_mut()
    {
        w.revision = card.revision;
    }
    assert!(pending_card_updates(&current).is_empty());
}

#[test]
fn a_dismissed_update_stays_dismissed_until_the_next_revision() {
    let (mut r, card) = with_revised_card();
    let jd = r.job_descriptions.last_mut().unwrap();
    dismiss_card_update(jd, &card, "juhan", at(NOW), Some("ei puuduta meid".into()));
    assert!(pending_card_updates(&r).is_empty());
    let c = r.role_cards.iter_mut().find(|c| c.id == card.id).unwrap();
    c.revision = 3;
    assert_eq!(pending_card_updates(&r)[0].to_revision, 3);
}

#[test]
fn without_a_snapshot_the_job_description_is_the_baseline() {
    let (mut r, card) = with_revised_card();
    let jd = r.job_descriptions.last_mut().unwrap();
    jd.workflow.card_snapshot = None;
    jd.purpose = "Ametikoha eesmärk on teenuse rakenduste igapäevase toimimise tagamine.".into();
    let u = card_update(jd, &card).unwrap();
    assert_eq!(u.baseline, Baseline::JobDescription);
    let fields: Vec<CardField> = u.changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [CardField::Purpose]);
}

#[test]
fn taking_in_an_update_makes_a_new_draft() {
    let (r, card) = with_revised_card();
    let jd = r.job_descriptions.last().unwrap();
    let t = take_in_card_update(
        jd,
        &card,
        JobDescriptionId::derived("v3"),
        3,
        at(NOW),
        Some("juhan".into()),
    );
    assert!(t.conflicts.is_empty());
    assert_eq!((t.draft.version, t.draft.status), (3, Status::Draft));
    assert!(t.draft.purpose.contains("koolitab ja nõustab kasutajaid"));
    assert_eq!(t.draft.written_from.as_ref().map(|w| w.revision), Some(2));
    assert_eq!(t.draft.workflow.card_snapshot.as_ref(), Some(&card));
    assert!(card_update(&t.draft, &card).is_none());

    // A purpose the manager reworded is kept, and the manager merges by hand.
    let mut tailored = jd.clone();
    tailored.purpose = "Perehüvitiste rakenduste haldamine ja kasutajate koolitamine.".into();
    let t = take_in_card_update(
        &tailored,
        &card,
        JobDescriptionId::derived("v3"),
        3,
        at(NOW),
        None,
    );
    assert_eq!(t.conflicts, [CardField::Purpose]);
    assert_eq!(t.draft.purpose, tailored.purpose);
}

#[test]
fn superseded_and_other_cards_versions_are_not_pending() {
    let (r, card) = with_revised_card();
    let mut jd = r.job_descriptions.last().unwrap().clone();
    jd.status = Status::Superseded;
    assert!(card_update(&jd, &card).is_none());
    let other = osakonnajuhataja_card();
    assert!(card_update(r.job_descriptions.last().unwrap(), &other).is_none());
}
