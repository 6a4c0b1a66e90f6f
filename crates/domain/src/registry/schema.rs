//! The JSON Schema (draft 2020-12) of the interchange document, generated from the
//! [`Registry`] types (docs/registry.schema.json; `ametijuhend schema registry` prints it), so
//! that it cannot drift from what `export` writes and `restore` reads.

use super::Registry;
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// The JSON Schema (draft 2020-12) of the registry interchange document.
pub fn registry_schema() -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Registry>();
    schema.insert(
        "$id".into(),
        json!("https://ametijuhend.invalid/schema/registry-v1.json"),
    );
    schema.insert("title".into(), json!("Ametijuhend registry"));
    schema.insert(
        "description".into(),
        json!(
            "The whole registry of an agency's organisation, role cards, competency library, positions, job descriptions (immutable versions) and directives, as written by `ametijuhend export` and read by `ametijuhend restore`. Dates are ISO 8601 (YYYY-MM-DD), instants RFC 3339 UTC to the second, languages ISO 639-1, language levels CEFR (A1–C2), ids UUIDs that never change."
        ),
    );
    schema.to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_schema_has_every_collection() {
        let s = registry_schema();
        let props = s["properties"].as_object().unwrap();
        for key in [
            "units",
            "positions",
            "role_cards",
            "job_descriptions",
            "directives",
            "source_documents",
        ] {
            assert!(props.contains_key(key), "{key}");
        }
    }
}
