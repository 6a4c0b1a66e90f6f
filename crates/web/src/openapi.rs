//! The OpenAPI 3.1 description of the JSON API (served at `/api/openapi.json`) and the JSON
//! Schema of the interchange document (docs/registry.schema.json). Both are generated from the
//! Rust types, so they cannot drift from what the server really sends.

use crate::api::{Health, PositionView, UnitView};
use crate::error::ErrorBody;
use ametijuhend_domain::{
    Competency, Directive, JobDescription, Position, Registry, RoleCard, RoleGlossaryEntry,
};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
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

struct Op {
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    param: Option<(&'static str, &'static str)>,
    query: Option<(&'static str, &'static str)>,
    body: Value,
}

/// The OpenAPI 3.1 document.
pub fn document() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    let schema = |generator: &mut SchemaGenerator,
                  f: fn(&mut SchemaGenerator) -> schemars::Schema| {
        f(generator).to_value()
    };
    fn one<T: JsonSchema>(g: &mut SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<T>()
    }
    fn many<T: JsonSchema>(g: &mut SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<Vec<T>>()
    }
    let error = schema(&mut generator, one::<ErrorBody>);
    let ops = vec![
        Op {
            path: "/healthz",
            id: "health",
            summary: "Health check: 200 when the registry database can be read, 503 otherwise.",
            param: None,
            query: None,
            body: schema(&mut generator, one::<Health>),
        },
        Op {
            path: "/api/units",
            id: "listUnits",
            summary: "All units with their current name, kind and parent and their full history, in Estonian alphabetical order.",
            param: None,
            query: None,
            body: schema(&mut generator, many::<UnitView>),
        },
        Op {
            path: "/api/units/{id}",
            id: "getUnit",
            summary: "One unit.",
            param: Some(("id", "Unit id")),
            query: None,
            body: schema(&mut generator, one::<UnitView>),
        },
        Op {
            path: "/api/positions",
            id: "listPositions",
            summary: "Positions in Estonian alphabetical order of their full title.",
            param: None,
            query: Some((
                "unit",
                "Only the positions of this unit id (not its sub-units).",
            )),
            body: schema(&mut generator, many::<Position>),
        },
        Op {
            path: "/api/positions/{id}",
            id: "getPosition",
            summary: "One position with who it substitutes, who substitutes it, and its job description versions.",
            param: Some(("id", "Position id")),
            query: None,
            body: schema(&mut generator, one::<PositionView>),
        },
        Op {
            path: "/api/positions/{id}/job-descriptions",
            id: "listPositionVersions",
            summary: "All job description versions of a position, oldest first.",
            param: Some(("id", "Position id")),
            query: None,
            body: schema(&mut generator, many::<JobDescription>),
        },
        Op {
            path: "/api/job-descriptions/{id}",
            id: "getJobDescription",
            summary: "One job description version.",
            param: Some(("id", "Job description (version) id")),
            query: None,
            body: schema(&mut generator, one::<JobDescription>),
        },
        Op {
            path: "/api/role-cards",
            id: "listRoleCards",
            summary: "The role card catalogue in catalogue order.",
            param: None,
            query: None,
            body: schema(&mut generator, many::<RoleCard>),
        },
        Op {
            path: "/api/role-cards/{id}",
            id: "getRoleCard",
            summary: "One role card.",
            param: Some(("id", "Role card id")),
            query: None,
            body: schema(&mut generator, one::<RoleCard>),
        },
        Op {
            path: "/api/role-glossary",
            id: "listRoleGlossary",
            summary: "The role glossary (Rollide seletav sõnaraamat) in its own order.",
            param: None,
            query: None,
            body: schema(&mut generator, many::<RoleGlossaryEntry>),
        },
        Op {
            path: "/api/competencies",
            id: "listCompetencies",
            summary: "The competency library in Estonian alphabetical order.",
            param: None,
            query: None,
            body: schema(&mut generator, many::<Competency>),
        },
        Op {
            path: "/api/competencies/{id}",
            id: "getCompetency",
            summary: "One competency.",
            param: Some(("id", "Competency id")),
            query: None,
            body: schema(&mut generator, one::<Competency>),
        },
        Op {
            path: "/api/directives",
            id: "listDirectives",
            summary: "Directives, newest first.",
            param: None,
            query: None,
            body: schema(&mut generator, many::<Directive>),
        },
        Op {
            path: "/api/directives/{id}",
            id: "getDirective",
            summary: "One directive.",
            param: Some(("id", "Directive id")),
            query: None,
            body: schema(&mut generator, one::<Directive>),
        },
    ];

    let mut paths = serde_json::Map::new();
    for op in ops {
        let mut parameters = Vec::new();
        if let Some((name, desc)) = op.param {
            parameters.push(json!({"name": name, "in": "path", "required": true, "description": desc, "schema": {"type": "string", "format": "uuid"}}));
        }
        if let Some((name, desc)) = op.query {
            parameters.push(json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string", "format": "uuid"}}));
        }
        let mut responses = serde_json::Map::new();
        responses.insert(
            "200".into(),
            json!({"description": "OK", "content": {"application/json": {"schema": op.body}}}),
        );
        if op.param.is_some() || op.query.is_some() {
            responses.insert("400".into(), json!({"description": "The id is not a UUID.", "content": {"application/json": {"schema": error}}}));
        }
        if op.param.is_some() {
            responses.insert("404".into(), json!({"description": "No record with this id.", "content": {"application/json": {"schema": error}}}));
        }
        if op.id == "health" {
            responses.insert("503".into(), json!({"description": "The registry database cannot be read.", "content": {"application/json": {"schema": error}}}));
        } else {
            responses.insert("500".into(), json!({"description": "The registry could not be read (details in the server log).", "content": {"application/json": {"schema": error}}}));
        }
        paths.insert(
            op.path.into(),
            json!({"get": {"operationId": op.id, "summary": op.summary, "parameters": parameters, "responses": responses}}),
        );
    }

    let schemas = generator.take_definitions(true);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Ametijuhend API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only JSON API of the Ametijuhend registry: units, positions, role cards, the role glossary, the competency library, job descriptions and their versions, directives. Errors come as {\"error\": {\"code\", \"message\"}}."
        },
        "paths": paths,
        "components": {"schemas": schemas}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let text = doc.to_string();
        for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(schemas.contains_key(name), "unresolved $ref {name}");
        }
        assert!(schemas.contains_key("JobDescription"));
        assert_eq!(doc["paths"].as_object().unwrap().len(), 14);
    }

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
