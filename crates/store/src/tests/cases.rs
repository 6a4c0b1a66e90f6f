//! The behaviour tests of the storage suite, each a function of a [`Store`] so that it runs on
//! both backends unchanged.

pub(super) use super::accounts::{
    accounts_and_sessions_are_stored, accounts_are_not_part_of_the_registry,
    drafts_are_saved_with_audit_or_refused_on_conflict, positions_with_versions_are_not_deleted,
    simultaneous_draft_saves_store_one_and_refuse_the_rest,
    transitions_are_refused_when_the_version_changed,
};
pub(super) use super::changes::{
    concurrent_writes_get_distinct_gap_free_revisions,
    every_write_is_one_revision_in_the_change_log, reminders_are_recorded_once,
};
pub(super) use super::discard::discarded_drafts_are_removed_with_audit_or_refused;
pub(super) use super::imports::the_import_index_and_versions_match_the_registry;
pub(super) use super::pickers::{
    directive_candidates_are_the_latest_versions_in_a_status,
    positions_in_units_are_those_directly_in_them,
};
pub(super) use super::read_models::{
    a_position_neighbourhood_is_its_chain_subordinates_and_partners,
    position_rows_name_each_position_and_its_latest_version,
    position_slices_hold_what_the_registry_holds_around_them,
    positions_by_id_returns_those_that_exist,
};
pub(super) use super::revisions::{
    a_draft_save_after_the_submission_is_refused,
    racing_position_edits_store_one_and_refuse_the_rest, stale_unit_edits_write_nothing,
};
pub(super) use super::signatures::signed_containers_are_stored_with_what_they_complete;
pub(super) use super::tasks::task_rows_are_the_versions_waiting_for_a_step;
pub(super) use super::usage::usage_counts_equal_the_registry_in_memory;
use super::{pretty, sample};
use crate::{ChangeSet, Counts, RestoreMode, Store, StoreError};
use ametijuhend_domain::sample::ids;
use ametijuhend_domain::{
    Person, PersonId, Position, PositionId, Registry, Status, Substitution, Unit, UnitId, UnitKind,
};
use chrono::NaiveDate;

fn counts_of(r: &Registry) -> Counts {
    let n = |len: usize| len as u64;
    Counts {
        units: n(r.units.len()),
        positions: n(r.positions.len()),
        persons: n(r.persons.len()),
        role_cards: n(r.role_cards.len()),
        role_glossary: n(r.role_glossary.len()),
        competencies: n(r.competencies.len()),
        job_descriptions: n(r.job_descriptions.len()),
        directives: n(r.directives.len()),
        source_documents: n(r.source_documents.len()),
    }
}

async fn restored(store: &Store) -> Registry {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");
    r
}

async fn exported(store: &Store) -> String {
    pretty(&store.export().await.expect("exports"))
}

fn new_person(name: &str) -> Person {
    Person {
        id: PersonId::derived(name),
        name: name.to_string(),
        email: None,
    }
}

pub(super) async fn an_empty_store_is_empty(store: Store) {
    assert!(store.is_empty().await.expect("counts"));
    assert_eq!(store.counts().await.expect("counts"), Counts::default());
    assert_eq!(exported(&store).await, pretty(&Registry::default()));
    assert!(store.list_units().await.expect("lists").is_empty());
    assert_eq!(store.get_unit(&ids::agency()).await.expect("gets"), None);
    // Applying nothing is fine and writes nothing.
    store.apply(&ChangeSet::default()).await.expect("applies");
    assert!(store.is_empty().await.expect("counts"));
}

pub(super) async fn round_trip_is_byte_identical(store: Store) {
    let r = restored(&store).await;
    assert!(!store.is_empty().await.expect("counts"));
    assert_eq!(store.counts().await.expect("counts"), counts_of(&r));
    let first = exported(&store).await;
    assert_eq!(first, pretty(&r));
    // Again, through a replace of what was exported.
    let back: Registry = serde_json::from_str(&first).expect("the export parses");
    store
        .restore(&back, RestoreMode::Replace)
        .await
        .expect("replaces");
    assert_eq!(exported(&store).await, first);
}

pub(super) async fn restore_refuses_a_non_empty_store_unless_replacing(store: Store) {
    let r = restored(&store).await;
    let smaller = Registry {
        units: r.units.clone(),
        persons: r.persons.clone(),
        ..Registry::default()
    };
    let err = store
        .restore(&smaller, RestoreMode::IntoEmpty)
        .await
        .expect_err("the store is not empty");
    let records = r.units.len()
        + r.persons.len()
        + r.role_glossary.len()
        + r.role_cards.len()
        + r.competencies.len()
        + r.positions.len()
        + r.substitutions.len()
        + r.directives.len()
        + r.job_descriptions.len()
        + r.source_documents.len();
    assert!(
        matches!(err, StoreError::NotEmpty { records: n } if n == records as u64),
        "{err}"
    );
    assert!(err.to_string().contains("use --replace"), "{err}");
    assert_eq!(exported(&store).await, pretty(&r));

    store
        .restore(&smaller, RestoreMode::Replace)
        .await
        .expect("replaces");
    assert_eq!(exported(&store).await, pretty(&smaller));
}

pub(super) async fn an_invalid_restore_names_the_path_and_changes_nothing(store: Store) {
    let r = restored(&store).await;
    let mut bad = r.clone();
    bad.positions[0].supervisor = Some(PositionId::derived("no such position"));
    let j = r
        .job_descriptions
        .iter()
        .position(|jd| !jd.competencies.is_empty())
        .expect("the sample has competencies");
    bad.job_descriptions[j].competencies[0].competency =
        ametijuhend_domain::CompetencyId::derived("no such competency");
    let err = store
        .restore(&bad, RestoreMode::Replace)
        .await
        .expect_err("dangling references");
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "positions[0].supervisor".to_string(),
            format!("job_descriptions[{j}].competencies[0].competency")
        ],
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("positions[0].supervisor: refers to position"),
        "{err}"
    );

    // Text the databases cannot hold is refused on both backends alike.
    let mut bad = r.clone();
    bad.positions[2].title = "Jurist\0".into();
    let err = store
        .restore(&bad, RestoreMode::Replace)
        .await
        .expect_err("U+0000");
    assert!(
        matches!(&err, StoreError::Invalid { path, .. } if path == "positions[2].title"),
        "{err}"
    );
    assert_eq!(exported(&store).await, pretty(&r));
}

pub(super) async fn apply_writes_nothing_when_a_reference_dangles(store: Store) {
    let r = restored(&store).await;
    let person = new_person("Uus Inimene");
    let mut position = r.positions[0].clone();
    position.id = PositionId::derived("new position");
    position.supervisor = Some(PositionId::derived("missing supervisor"));
    let changes = ChangeSet {
        persons: vec![person.clone()],
        positions: vec![position],
        ..ChangeSet::default()
    };
    let err = store
        .apply(&changes)
        .await
        .expect_err("dangling supervisor");
    match &err {
        StoreError::Invalid { path, message } => {
            assert_eq!(path, "positions[0].supervisor");
            assert!(
                message.contains("neither in the change set nor in the registry"),
                "{message}"
            );
        }
        other => panic!("expected Invalid, got {other}"),
    }
    assert_eq!(store.get_person(&person.id).await.expect("gets"), None);
    assert_eq!(exported(&store).await, pretty(&r));
}

pub(super) async fn apply_rolls_back_a_cycle_found_after_writing(store: Store) {
    let r = restored(&store).await;
    // The agency under the legal team, which is (through its division and department) under
    // the agency: found only once the units are written, so the writes must be undone.
    let mut agency = store
        .get_unit(&ids::agency())
        .await
        .expect("gets")
        .expect("stored");
    agency.versions[0].parent = Some(ids::legal_team());
    let person = new_person("Tsükli Tegija");
    let changes = ChangeSet {
        units: vec![agency],
        persons: vec![person.clone()],
        ..ChangeSet::default()
    };
    let err = store.apply(&changes).await.expect_err("a cycle");
    assert!(
        matches!(&err, StoreError::Invalid { path, .. } if path == "units[0].versions[0].parent"),
        "{err}"
    );
    assert_eq!(store.get_person(&person.id).await.expect("gets"), None);
    assert_eq!(exported(&store).await, pretty(&r));
}

pub(super) async fn apply_updates_records_in_place(store: Store) {
    let r = restored(&store).await;
    let mut position = store
        .get_position(&ids::lawyer())
        .await
        .expect("gets")
        .expect("stored");
    position.title = "Vanemjurist".into();
    position.specialisation = None;
    position.assignments.reverse();
    position.assignments.push(position.assignments[0].clone());
    let mut person = store
        .get_person(&ids::mari())
        .await
        .expect("gets")
        .expect("stored");
    person.email = None;
    let mut unit = store
        .get_unit(&ids::services_department())
        .await
        .expect("gets")
        .expect("stored");
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    unit.restructure(
        day,
        "Teenuste ja hüvitiste osakond",
        UnitKind::Department,
        Some(ids::agency()),
    )
    .expect("restructures");
    let mut card = store
        .get_role_card(&ids::head_of_department_card())
        .await
        .expect("gets")
        .expect("stored");
    card.revision = 3;
    card.roles.reverse();
    card.note = None;
    let mut directive = store
        .get_directive(&ids::directive_49())
        .await
        .expect("gets")
        .expect("stored");
    directive.annexes.truncate(1);
    directive.repeals.reverse();
    let head_v3 = ids::job_description(&ids::head_of_department(), 3);
    let mut jd = store
        .get_job_description(&head_v3)
        .await
        .expect("gets")
        .expect("stored");
    jd.status = Status::InCoordination;
    jd.duties.push(ametijuhend_domain::Duty {
        number: "3.2".into(),
        text: "Juhib osakonda.".into(),
        expected_results: vec!["„Eesmärgid“ on täidetud.".into()],
    });
    let changes = ChangeSet {
        units: vec![unit.clone()],
        persons: vec![person.clone()],
        role_cards: vec![card.clone()],
        positions: vec![position.clone()],
        directives: vec![directive.clone()],
        job_descriptions: vec![jd.clone()],
        ..ChangeSet::default()
    };
    store.apply(&changes).await.expect("applies");

    let get_unit = store.get_unit(&unit.id).await.expect("gets");
    assert_eq!(get_unit.as_ref().map(|u| u.versions.len()), Some(2));
    assert_eq!(get_unit, Some(unit));
    assert_eq!(
        store.get_person(&person.id).await.expect("gets"),
        Some(person)
    );
    assert_eq!(
        store.get_role_card(&card.id).await.expect("gets"),
        Some(card)
    );
    assert_eq!(
        store.get_position(&position.id).await.expect("gets"),
        Some(position)
    );
    assert_eq!(
        store.get_directive(&directive.id).await.expect("gets"),
        Some(directive)
    );
    assert_eq!(
        store.get_job_description(&jd.id).await.expect("gets"),
        Some(jd)
    );
    assert_eq!(store.counts().await.expect("counts"), counts_of(&r));
}

pub(super) async fn apply_accepts_references_within_the_change_set(store: Store) {
    let r = restored(&store).await;
    // A new unit, two positions of it (the first reporting to the second, listed later), a new
    // person holding one of them, and a job description version for it.
    let unit = Unit::new(
        UnitId::derived("Analüüsitalitus"),
        "Analüüsitalitus",
        UnitKind::Division,
        Some(ids::it_department()),
    );
    let person = new_person("Žanna Õunapuu");
    let head_id = PositionId::derived("Analüüsitalituse juhataja");
    let analyst = Position {
        id: PositionId::derived("Analüütik"),
        title: "Analüütik".into(),
        specialisation: Some("„andmed“".into()),
        unit: unit.id.clone(),
        supervisor: Some(head_id.clone()),
        staff_group: ametijuhend_domain::StaffGroup::Employee,
        role_card: Some(ids::web_admin_card()),
        job_family: None,
        assignments: vec![ametijuhend_domain::Assignment {
            person: person.id.clone(),
            from: None,
            to: None,
        }],
    };
    let head = Position {
        id: head_id,
        title: "Talituse juhataja".into(),
        supervisor: Some(ids::head_of_department()),
        assignments: vec![],
        ..analyst.clone()
    };
    let mut jd = r.job_descriptions[0].clone();
    jd.id = ametijuhend_domain::JobDescriptionId::derived("Analüütik v1");
    jd.position = analyst.id.clone();
    jd.version = 1;
    let changes = ChangeSet {
        units: vec![unit.clone()],
        persons: vec![person],
        positions: vec![analyst.clone(), head.clone()],
        substitutions: vec![Substitution {
            substitute: head.id.clone(),
            substituted: analyst.id.clone(),
        }],
        job_descriptions: vec![jd.clone()],
        ..ChangeSet::default()
    };
    store.apply(&changes).await.expect("applies");
    let in_unit = store.list_positions(Some(&unit.id)).await.expect("lists");
    let mut expected = vec![analyst.clone(), head];
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(in_unit, expected);
    assert_eq!(
        store
            .list_job_descriptions(&analyst.id)
            .await
            .expect("lists"),
        vec![jd]
    );
    assert_eq!(
        store
            .substitutions_of(&analyst.id)
            .await
            .expect("lists")
            .len(),
        1
    );
}

pub(super) async fn lists_and_gets_return_what_was_stored(store: Store) {
    let r = restored(&store).await;
    assert_eq!(store.list_units().await.expect("lists"), r.units);
    for u in &r.units {
        assert_eq!(store.get_unit(&u.id).await.expect("gets").as_ref(), Some(u));
    }
    let renamed = store.get_unit(&ids::it_department()).await.expect("gets");
    let names: Vec<String> = renamed
        .iter()
        .flat_map(|u| &u.versions)
        .map(|v| v.name.clone())
        .collect();
    assert_eq!(
        names,
        ["Arendusosakond", "IT-arenduse osakond"],
        "versions oldest first"
    );
    assert_eq!(store.list_persons().await.expect("lists"), r.persons);
    for p in &r.persons {
        assert_eq!(
            store.get_person(&p.id).await.expect("gets").as_ref(),
            Some(p)
        );
    }
    assert_eq!(
        store.list_positions(None).await.expect("lists"),
        r.positions
    );
    let division = ids::family_benefits_division();
    let of_division: Vec<Position> = r
        .positions
        .iter()
        .filter(|p| p.unit == division)
        .cloned()
        .collect();
    assert_eq!(of_division.len(), 2);
    assert_eq!(
        store.list_positions(Some(&division)).await.expect("lists"),
        of_division
    );
    // Only the unit's own positions, not those of its sub-units.
    let services = ids::services_department();
    assert!(
        store
            .list_positions(Some(&services))
            .await
            .expect("lists")
            .is_empty()
    );
    for p in &r.positions {
        assert_eq!(
            store.get_position(&p.id).await.expect("gets").as_ref(),
            Some(p)
        );
    }

    let link = |a: PositionId, b: PositionId| Substitution {
        substitute: a,
        substituted: b,
    };
    let mut around_head_of_division = vec![
        link(ids::star_support(), ids::head_of_division()),
        link(ids::head_of_division(), ids::star_support()),
        link(ids::lawyer(), ids::head_of_division()),
        link(ids::head_of_division(), ids::head_of_department()),
    ];
    around_head_of_division.sort();
    let got = store
        .substitutions_of(&ids::head_of_division())
        .await
        .expect("lists");
    assert_eq!(got, around_head_of_division, "both directions");
    let got = store.substitutions_of(&ids::lawyer()).await.expect("lists");
    assert_eq!(got, [link(ids::lawyer(), ids::head_of_division())]);

    assert_eq!(
        store.list_role_glossary().await.expect("lists"),
        r.role_glossary
    );
    assert_eq!(store.list_role_cards().await.expect("lists"), r.role_cards);
    for c in &r.role_cards {
        assert_eq!(
            store.get_role_card(&c.id).await.expect("gets").as_ref(),
            Some(c)
        );
    }
    assert_eq!(
        store.list_competencies().await.expect("lists"),
        r.competencies
    );
    for c in &r.competencies {
        assert_eq!(
            store.get_competency(&c.id).await.expect("gets").as_ref(),
            Some(c)
        );
    }
    let head = ids::head_of_department();
    let versions = store.list_job_descriptions(&head).await.expect("lists");
    assert_eq!(
        versions.iter().map(|j| j.version).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let expected: Vec<_> = r
        .job_descriptions
        .iter()
        .filter(|j| j.position == head)
        .cloned()
        .collect();
    assert_eq!(versions, expected);
    for jd in &r.job_descriptions {
        assert_eq!(
            store
                .get_job_description(&jd.id)
                .await
                .expect("gets")
                .as_ref(),
            Some(jd)
        );
    }
    assert_eq!(store.list_directives().await.expect("lists"), r.directives);
    for d in &r.directives {
        assert_eq!(
            store.get_directive(&d.id).await.expect("gets").as_ref(),
            Some(d)
        );
    }
    for d in &r.source_documents {
        let got = store
            .get_source_document(&d.content_hash)
            .await
            .expect("gets");
        assert_eq!(got.as_ref(), Some(d));
    }
    let docx = store
        .get_source_document(&ids::docx_hash())
        .await
        .expect("gets");
    let bytes = docx.map(|d| d.content).unwrap_or_default();
    assert!(bytes.contains(&0x00) && bytes.contains(&0xff));

    assert_eq!(
        store
            .get_source_document(&"0".repeat(64))
            .await
            .expect("gets"),
        None
    );
    assert_eq!(
        store
            .get_position(&PositionId::derived("none"))
            .await
            .expect("gets"),
        None
    );
    assert!(
        store
            .list_job_descriptions(&PositionId::derived("none"))
            .await
            .expect("lists")
            .is_empty()
    );
}

pub(super) async fn substitutions_are_added_and_removed(store: Store) {
    restored(&store).await;
    let add = Substitution {
        substitute: ids::lawyer(),
        substituted: ids::star_support(),
    };
    let remove = Substitution {
        substitute: ids::lawyer(),
        substituted: ids::head_of_division(),
    };
    let changes = ChangeSet {
        substitutions: vec![add.clone(), add.clone()],
        remove_substitutions: vec![remove],
        ..ChangeSet::default()
    };
    store.apply(&changes).await.expect("applies");
    assert_eq!(
        store.substitutions_of(&ids::lawyer()).await.expect("lists"),
        std::slice::from_ref(&add)
    );
    // Adding a link that exists keeps it once.
    let again = ChangeSet {
        substitutions: vec![add.clone()],
        ..ChangeSet::default()
    };
    store.apply(&again).await.expect("applies");
    assert_eq!(
        store.substitutions_of(&ids::lawyer()).await.expect("lists"),
        [add]
    );
}

pub(super) async fn version_numbers_stay_unique(store: Store) {
    let r = restored(&store).await;
    let mut jd = r.job_descriptions[0].clone();
    jd.id = ametijuhend_domain::JobDescriptionId::derived("a second version 1");
    let changes = ChangeSet {
        job_descriptions: vec![jd],
        ..ChangeSet::default()
    };
    let err = store.apply(&changes).await.expect_err("version taken");
    assert!(
        matches!(&err, StoreError::Invalid { path, .. } if path == "job_descriptions[0].version"),
        "{err}"
    );
    assert_eq!(exported(&store).await, pretty(&r));
}

pub(super) async fn concurrent_writers_all_succeed(store: Store) {
    let r = restored(&store).await;
    let writers: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                let changes = ChangeSet {
                    persons: vec![new_person(&format!("Samaaegne Kirjutaja {i}"))],
                    ..ChangeSet::default()
                };
                store.apply(&changes).await
            })
        })
        .collect();
    for w in writers {
        w.await
            .expect("the writer task runs")
            .expect("the write succeeds");
    }
    let counts = store.counts().await.expect("counts");
    assert_eq!(counts.persons, r.persons.len() as u64 + 8);
}
