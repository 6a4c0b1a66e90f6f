//! The OpenAPI 3.1 description of the JSON API (served at `/api/openapi.json`), generated from
//! the Rust types, so it cannot drift from what the server really sends. The JSON Schema of the
//! interchange document is the domain's ([`ametijuhend_domain::registry::registry_schema`]).

use crate::api::{Health, PositionView, UnitView};
use crate::error::ErrorBody;
use ametijuhend_domain::{
    Competency, Directive, JobDescription, Position, RoleCard, RoleGlossaryEntry,
};
use ametijuhend_search::SearchResults;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Value, json};

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
        Op {
            path: "/api/tasks",
            id: "listTasks",
            summary: "What waits for the signed-in account (its start page's task lists): for each step with tasks (revise, submit, sign_off_as_supervisor, sign_off_as_hr, approve, acknowledge, put_in_force) the versions waiting in the account's scope (the first 25, oldest first) and how many in all, only those whose step the account may take; the directives to register (HR, administrators); and the total.",
            param: None,
            query: None,
            body: schema(&mut generator, one::<ametijuhend_app::tasks::Tasks>),
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

    crate::api_workflow::openapi_paths(&mut generator, &mut paths, &error);
    crate::pages::documents::openapi_paths(&mut generator, &mut paths, &error);
    crate::pages::signatures::openapi_paths(&mut paths, &error);
    crate::pages::discard::openapi_paths(&mut generator, &mut paths, &error);
    crate::paging::openapi_paged(&mut paths);
    let results = schema(&mut generator, one::<SearchResults>);
    paths.insert("/api/search".into(), search_path(results, error));

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

/// `GET /api/search`: its parameters are the search page's (see `pages::search`).
fn search_path(results: Value, error: Value) -> Value {
    let text = |name: &str, desc: &str| json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string"}});
    let one_of = |name: &str, desc: &str, values: &[&str]| json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string", "enum": values}});
    let uuid = |name: &str, desc: &str| json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string", "format": "uuid"}});
    let number = |name: &str, desc: &str, max: u64| json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "integer", "minimum": 1, "maximum": max}});
    let parameters = vec![
        text(
            "q",
            "What to look for: Estonian words in any case form (compound parts match too), \"phrases in quotes\", -excluded words. Empty: browse by the filters.",
        ),
        uuid("unit", "Only records in this unit and its sub-units."),
        uuid(
            "role_card",
            "Only positions written from this role card (and the card itself).",
        ),
        text(
            "family",
            "Only this job family, e.g. \"Poliitika rakendamine\" (case-insensitive).",
        ),
        text(
            "level",
            "Only this level (within `family` when given), e.g. \"4B\".",
        ),
        one_of(
            "status",
            "Only positions whose job description has this status; repeat for any of several.",
            &[
                "draft",
                "in_coordination",
                "approved",
                "signed",
                "in_force",
                "superseded",
                "repealed",
            ],
        ),
        text(
            "language",
            "Only positions that require this language (ISO 639-1, e.g. ru).",
        ),
        one_of(
            "min_level",
            "With `language`: at this CEFR level or higher (default A1).",
            &["A1", "A2", "B1", "B2", "C1", "C2"],
        ),
        one_of(
            "staff_group",
            "Only officials or only employees.",
            &["official", "employee"],
        ),
        one_of(
            "kind",
            "Only this kind of record; repeat for any of several.",
            &["position", "role_card", "competency", "unit"],
        ),
        number("page", "The page of results, from 1.", 5001),
        number("limit", "Hits per page (default 20).", 100),
    ];
    json!({"get": {
        "operationId": "search",
        "summary": "Full-text search in Estonian over positions (with their current job description), role cards, competencies and units: hits with the best matching section and a snippet (HTML-escaped, matches in <mark>), the total and facet counts. Only what the signed-in account may read is found or counted.",
        "parameters": parameters,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": results}}},
            "400": {"description": "A parameter names nothing in the registry (e.g. an unknown unit, status or language level).", "content": {"application/json": {"schema": error}}},
            "401": {"description": "Not signed in.", "content": {"application/json": {"schema": error}}},
            "403": {"description": "The account may not read the registry.", "content": {"application/json": {"schema": error}}},
            "500": {"description": "The search failed (details in the server log).", "content": {"application/json": {"schema": error}}},
            "503": {"description": "The search index is unavailable (e.g. another server holds it).", "content": {"application/json": {"schema": error}}}
        }
    }})
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
        assert_eq!(doc["paths"].as_object().unwrap().len(), 30);
        assert!(schemas.contains_key("SearchResults"));
        assert_eq!(
            doc["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["$ref"],
            "#/components/schemas/SearchResults"
        );
    }
}
