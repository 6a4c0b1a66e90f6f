//! The index stays in step with the records: edit, delete, restore, rebuild, replay, and the
//! last applied sequence number across reopening.

use ametijuhend_domain::Registry;
use ametijuhend_generate::{position_id, registry};
use ametijuhend_search::{
    DocKind, Filters, OpenStatus, Query, SearchError, SearchIndex, SearchResults, Visibility,
};

const SEED: u64 = 11;
const N: usize = 120;

fn search(index: &SearchIndex, text: &str) -> SearchResults {
    index
        .search(&Query::new(text, Visibility::All).with_page(200, 0))
        .expect("search")
}

fn ids(index: &SearchIndex, text: &str) -> Vec<String> {
    let mut v: Vec<String> = search(index, text).hits.into_iter().map(|h| h.id).collect();
    v.sort();
    v
}

fn set_purpose(r: &mut Registry, index: usize, purpose: &str) {
    let id = position_id(SEED, index);
    for jd in r.job_descriptions.iter_mut().filter(|j| j.position == id) {
        jd.purpose = purpose.to_string();
    }
}

#[test]
fn edit_delete_restore() {
    let mut r = registry(SEED, N).expect("generate");
    let index = SearchIndex::in_memory().expect("index");
    index.index_registry(&r, Some(1)).expect("rebuild");
    let all = index.doc_count();
    let id = position_id(SEED, 5);

    set_purpose(&mut r, 5, "Kvantarvutite hooldamine.");
    index.upsert_position_from(&r, &id).expect("upsert");
    index.commit(Some(2)).expect("commit");
    assert_eq!(ids(&index, "kvantarvuti"), vec![id.to_string()]);

    set_purpose(&mut r, 5, "Tuuleveskite hooldamine.");
    index.upsert_position_from(&r, &id).expect("upsert");
    index.commit(Some(3)).expect("commit");
    assert!(ids(&index, "kvantarvuti").is_empty());
    assert_eq!(ids(&index, "tuuleveskid"), vec![id.to_string()]);
    assert_eq!(index.doc_count(), all);

    index.remove_position(&id).expect("remove");
    index.commit(Some(4)).expect("commit");
    assert!(ids(&index, "tuuleveskid").is_empty());
    assert_eq!(index.doc_count(), all - 1);
    assert_eq!(search(&index, "").total as u64, all - 1);

    index.upsert_position_from(&r, &id).expect("restore");
    index.commit(Some(5)).expect("commit");
    assert_eq!(ids(&index, "tuuleveskid"), vec![id.to_string()]);
    assert_eq!(index.doc_count(), all);
    assert_eq!(index.last_applied(), Some(5));
}

#[test]
fn uncommitted_changes_are_invisible_and_can_be_rolled_back() {
    let mut r = registry(SEED, 40).expect("generate");
    let index = SearchIndex::in_memory().expect("index");
    index.index_registry(&r, None).expect("rebuild");
    set_purpose(&mut r, 3, "Kvantarvutite hooldamine.");
    index
        .upsert_position_from(&r, &position_id(SEED, 3))
        .expect("upsert");
    assert!(ids(&index, "kvantarvuti").is_empty());
    index.rollback().expect("rollback");
    index.commit(None).expect("commit");
    assert!(ids(&index, "kvantarvuti").is_empty());
}

#[test]
fn incremental_updates_give_the_same_results_as_a_rebuild() {
    let mut r = registry(SEED, N).expect("generate");
    let incremental = SearchIndex::in_memory().expect("index");
    incremental.index_registry(&r, Some(10)).expect("rebuild");

    // Edits, deletions and a changed role card, applied one by one (some twice, as a
    // replayed outbox would).
    for (seq, i) in [3usize, 17, 42, 42, 77].into_iter().enumerate() {
        set_purpose(
            &mut r,
            i,
            &format!("Uus eesmärk: kasutajaõiguste auditeerimine {i}."),
        );
        let id = position_id(SEED, i);
        incremental.upsert_position_from(&r, &id).expect("upsert");
        incremental.commit(Some(11 + seq as u64)).expect("commit");
    }
    for i in [8usize, 99] {
        let id = position_id(SEED, i);
        r.positions.retain(|p| p.id != id);
        r.job_descriptions.retain(|j| j.position != id);
        incremental.remove_position(&id).expect("remove");
        incremental.remove_position(&id).expect("remove twice");
    }
    r.role_cards[0].purpose = "Portfellide strateegiline juhtimine.".into();
    incremental
        .upsert_role_card(&r.role_cards[0])
        .expect("card");
    incremental.commit(Some(20)).expect("commit");

    let rebuilt = SearchIndex::in_memory().expect("index");
    rebuilt.index_registry(&r, Some(20)).expect("rebuild");

    assert_eq!(incremental.doc_count(), rebuilt.doc_count());
    for text in [
        "",
        "kasutajaõigused",
        "auditeerimine",
        "portfellide juhtimine",
        "\"taotluste menetlemine\"",
        "nõustamine -pensionid",
        "peaspetsialist",
    ] {
        let a = search(&incremental, text);
        let b = search(&rebuilt, text);
        assert_eq!(a.total, b.total, "{text}");
        assert_eq!(a.facets, b.facets, "{text}");
        if a.total > a.hits.len() {
            // A partial page of equal scores may be cut at different documents.
            continue;
        }
        let mut ha: Vec<(String, Option<String>, String)> = a
            .hits
            .into_iter()
            .map(|h| (h.id, h.section, h.snippet_html))
            .collect();
        let mut hb: Vec<(String, Option<String>, String)> = b
            .hits
            .into_iter()
            .map(|h| (h.id, h.section, h.snippet_html))
            .collect();
        ha.sort();
        hb.sort();
        assert_eq!(ha, hb, "{text}");
    }
}

#[test]
fn created_on_first_start_and_reopened_with_its_sequence_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("index");
    let r = registry(SEED, 30).expect("generate");
    let count = {
        let index = SearchIndex::open_or_create(&path).expect("create");
        assert_eq!(index.status(), &OpenStatus::Created);
        assert!(index.status().needs_rebuild());
        assert_eq!(index.last_applied(), None);
        index.index_registry(&r, Some(42)).expect("rebuild");
        index.doc_count()
    };
    let index = SearchIndex::open_or_create(&path).expect("reopen");
    assert_eq!(index.status(), &OpenStatus::Opened);
    assert_eq!(index.last_applied(), Some(42));
    assert_eq!(index.doc_count(), count);
    index
        .remove_position(&position_id(SEED, 0))
        .expect("remove");
    index.commit(Some(43)).expect("commit");
    drop(index);
    let index = SearchIndex::open_or_create(&path).expect("reopen");
    assert_eq!(index.last_applied(), Some(43));
    assert_eq!(index.doc_count(), count - 1);
}

#[test]
fn a_foreign_index_is_replaced_and_other_files_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut b = tantivy::schema::Schema::builder();
    let f = b.add_text_field("other", tantivy::schema::TEXT);
    let foreign = tantivy::Index::create_in_dir(dir.path(), b.build()).expect("foreign");
    let mut w: tantivy::IndexWriter = foreign
        .writer_with_num_threads(1, 15_000_000)
        .expect("writer");
    w.add_document(tantivy::doc!(f => "x")).expect("add");
    w.commit().expect("commit");
    drop(w);
    std::fs::write(dir.path().join("notes.txt"), "keep me").expect("write");

    let index = SearchIndex::open_or_create(dir.path()).expect("open");
    assert!(matches!(index.status(), OpenStatus::Recreated { .. }));
    assert!(index.status().needs_rebuild());
    assert_eq!(index.doc_count(), 0);
    assert!(dir.path().join("notes.txt").exists());
}

#[test]
fn a_second_writer_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = SearchIndex::open_or_create(dir.path()).expect("create");
    let second = SearchIndex::open_or_create(dir.path()).expect("open");
    assert_eq!(second.status(), &OpenStatus::Opened);
    let r = registry(SEED, 5).expect("generate");
    let err = second
        .upsert_position_from(&r, &position_id(SEED, 0))
        .unwrap_err();
    assert!(matches!(err, SearchError::Locked), "{err}");
    assert!(err.to_string().contains("another process"));
    first
        .upsert_position_from(&r, &position_id(SEED, 0))
        .expect("first writes");
}

#[test]
fn unit_subtree_lookup_finds_documents_to_refresh() {
    let r = registry(SEED, N).expect("generate");
    let index = SearchIndex::in_memory().expect("index");
    index.index_registry(&r, None).expect("rebuild");
    let dept = &r
        .units
        .iter()
        .find(|u| u.current().kind == ametijuhend_domain::UnitKind::Department)
        .expect("dept")
        .id;
    let found = index
        .ids_in_unit_subtree(dept, DocKind::Position)
        .expect("ids");
    let filtered = index
        .search(
            &Query::new("", Visibility::All)
                .with_filters(Filters {
                    unit: Some(dept.clone()),
                    kinds: vec![DocKind::Position],
                    ..Filters::default()
                })
                .with_page(200, 0),
        )
        .expect("search");
    assert_eq!(found.len(), filtered.total);
    assert!(!found.is_empty());
}
