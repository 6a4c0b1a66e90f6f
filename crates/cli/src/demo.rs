//! Documents built into the program: the 2024 role card catalogue with its role glossary
//! (reference data, loaded into every new registry) and the demo registry (four real job
//! descriptions of the agency). Both are imported through the ordinary importer.

use crate::importer::Document;

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
