//! The import's read models on both backends: the position index, the versions of a few
//! positions and whether a file is stored equal what the whole registry in memory says.

use super::sample;
use crate::{RestoreMode, Store};
use ametijuhend_domain::PositionId;

pub(in crate::tests) async fn the_import_index_and_versions_match_the_registry(store: Store) {
    let r = sample();
    store
        .restore(&r, RestoreMode::IntoEmpty)
        .await
        .expect("the sample restores");

    let keys = store.position_keys().await.expect("the index");
    assert_eq!(keys.len(), r.positions.len());
    for (k, p) in keys.iter().zip(&r.positions) {
        assert_eq!(
            (&k.id, &k.title, &k.specialisation, &k.unit),
            (&p.id, &p.title, &p.specialisation, &p.unit)
        );
    }

    let with_versions: Vec<PositionId> = r
        .positions
        .iter()
        .filter(|p| r.job_descriptions.iter().any(|j| j.position == p.id))
        .take(2)
        .map(|p| p.id.clone())
        .chain([PositionId::derived("no such position")])
        .collect();
    let got = store
        .job_descriptions_of(&with_versions)
        .await
        .expect("versions");
    let expected: Vec<_> = r
        .job_descriptions
        .iter()
        .filter(|j| with_versions.contains(&j.position))
        .cloned()
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    assert!(
        store
            .job_descriptions_of(&[])
            .await
            .expect("none")
            .is_empty()
    );

    for s in &r.source_documents {
        assert!(
            store
                .source_document_stored(&s.content_hash)
                .await
                .expect("asks")
        );
    }
    assert!(!store.source_document_stored("0000").await.expect("asks"));
}
