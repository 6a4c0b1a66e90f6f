//! What the program brings along: the 2024 role card catalogue with its role glossary
//! (reference data, loaded into every new registry through the importer) and the demo registry:
//! a generated agency of [`AGENCY_POSITIONS`] positions ([`load_agency`]) with four real job
//! descriptions of the agency imported into it through the importer ([`demo_documents`]).

use ametijuhend_app::imports::Document;
use ametijuhend_domain::{Registry, RoleCard, Timestamp};
use ametijuhend_store::{ChangeSet, Store};

/// The role card catalogue (data/reference/ska-rollikaardid-2024.txt).
pub fn reference_documents() -> Vec<Document> {
    vec![Document {
        name: "ska-rollikaardid-2024.txt".into(),
        bytes: include_bytes!("../../../data/reference/ska-rollikaardid-2024.txt").to_vec(),
    }]
}

/// The demo registry's job descriptions (data/demo/).
pub fn demo_documents() -> Vec<Document> {
    macro_rules! doc {
        ($name:literal) => {
            Document {
                name: $name.into(),
                bytes: include_bytes!(concat!("../../../data/demo/", $name)).to_vec(),
            }
        };
    }
    vec![
        doc!("ska-ametijuhend-osakonnajuhataja-teenuste-osakond.txt"),
        doc!("ska-ametijuhend-peakasutaja-perehuvitised.txt"),
        doc!("ska-ametijuhend-peaspetsialist-star-kasutajatugi.txt"),
        doc!("ska-ametijuhend-veebihaldur.txt"),
    ]
}

/// The generated demo agency: its seed and size. With this seed the head of Teenuste osakond is
/// in force, so the real document of that position becomes its new draft, and the prepared
/// directive has three annexes (the integration test `demo` checks what the demo must show).
pub const AGENCY_SEED: u64 = 1;
pub const AGENCY_POSITIONS: usize = 150;

/// The generated demo agency (`ametijuhend_generate`, seed [`AGENCY_SEED`]) with its positions
/// and versions written from `cards`, the role card catalogue already in the registry (the
/// generator's own catalogue has the same headings in the same order), instead of the
/// generator's.
pub fn agency(cards: &[RoleCard]) -> Result<Registry, String> {
    let mut r =
        ametijuhend_generate::registry(AGENCY_SEED, AGENCY_POSITIONS).map_err(|e| e.to_string())?;
    let generated = std::mem::take(&mut r.role_cards);
    let real = |id: &ametijuhend_domain::RoleCardId| {
        let g = generated.iter().find(|c| &c.id == id)?;
        cards
            .iter()
            .find(|c| c.catalogue == g.catalogue && c.ordinal == g.ordinal)
    };
    for p in &mut r.positions {
        p.role_card = p.role_card.as_ref().and_then(real).map(|c| c.id.clone());
    }
    for jd in &mut r.job_descriptions {
        jd.written_from = jd.written_from.take().and_then(|w| {
            real(&w.role_card).map(|c| ametijuhend_domain::job_description::RoleCardSource {
                role_card: c.id.clone(),
                revision: c.revision,
            })
        });
    }
    Ok(r)
}

/// Loads the generated demo agency into a new registry that holds the role card catalogue
/// and nothing else yet, in one transaction with the importer's audit entries (as the importer
/// stores a file). Returns it.
pub async fn load_agency(store: &Store, now: Timestamp) -> Result<Registry, String> {
    let cards = store.list_role_cards().await.map_err(|e| e.to_string())?;
    let r = agency(&cards)?;
    let audit = ametijuhend_app::imports::import_audit(&Registry::default(), &r, now);
    store
        .apply_audited(&ChangeSet::from_registry(&r), &audit)
        .await
        .map_err(|e| format!("the generated agency was not stored: {e}"))?;
    Ok(r)
}
