//! The signatures' JSON API: the unsigned container of a record, attaching a signed container
//! (the container itself as the body, `Content-Type: application/vnd.etsi.asic-e+zip`, the
//! session's CSRF token in `X-CSRF-Token`), and the containers attached to a record.

use super::{container_response, principal, sees_signers};
use crate::AppState;
use crate::auth::Ctx;
use crate::error::ApiError;
use ametijuhend_app::AppError;
use ametijuhend_app::signatures::{self as use_case, AttachCommand, Attached, SignedRecord};
use ametijuhend_domain::access::Denied;
use ametijuhend_domain::{DirectiveId, JobDescriptionId};
use ametijuhend_store::{SignedContainer, SignedKind};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use axum::{Extension, Json, Router};
use serde_json::{Value, json};

pub(super) fn routes(limit: impl Fn() -> DefaultBodyLimit) -> Router<AppState> {
    let attach_version: MethodRouter<AppState> = post(api_attach_version).layer(limit());
    let attach_directive: MethodRouter<AppState> = post(api_attach_directive).layer(limit());
    Router::new()
        .route(
            "/api/job-descriptions/{id}/container",
            get(api_container_version),
        )
        .route(
            "/api/directives/{id}/container",
            get(api_container_directive),
        )
        .route(
            "/api/job-descriptions/{id}/signatures",
            get(api_list_version).merge(attach_version),
        )
        .route(
            "/api/directives/{id}/signatures",
            get(api_list_directive).merge(attach_directive),
        )
}

fn app_error(e: AppError) -> ApiError {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let AppError::Store(inner) = e {
        return inner.into();
    }
    let message = match e.problems().first() {
        Some(p) => format!("{}: {}", p.field, p.message),
        None => e.to_string(),
    };
    ApiError {
        status,
        code: e.code(),
        message,
    }
}

fn who(ctx: &Ctx) -> Result<ametijuhend_app::Principal, ApiError> {
    principal(ctx).ok_or_else(|| app_error(AppError::Denied(Denied::NoRole)))
}

fn version_id(raw: &str) -> Result<JobDescriptionId, ApiError> {
    JobDescriptionId::parse(raw)
        .map_err(|e| ApiError::bad_request(format!("job description id: {e}")))
}

fn directive_id(raw: &str) -> Result<DirectiveId, ApiError> {
    DirectiveId::parse(raw).map_err(|e| ApiError::bad_request(format!("directive id: {e}")))
}

async fn issue(state: &AppState, ctx: &Ctx, record: SignedRecord) -> Result<Response, ApiError> {
    let who = who(ctx)?;
    let issued = use_case::issue(state.store.as_ref(), state.clock.as_ref(), &who, &record)
        .await
        .map_err(app_error)?;
    Ok(container_response(issued))
}

async fn api_container_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = version_id(&id)?;
    issue(&state, &ctx, SignedRecord::JobDescription(id)).await
}

async fn api_container_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = directive_id(&id)?;
    issue(&state, &ctx, SignedRecord::Directive(id)).await
}

/// A stored container as the API shows it; who signed only to readers who may see it.
fn container_json(c: &SignedContainer, show_names: bool) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if !show_names {
        hide_names(&mut v);
    }
    v
}

/// Replaces signers' names and personal codes in a stored container's JSON by "–".
fn hide_names(v: &mut Value) {
    let hidden = Value::from(super::hidden_name());
    if let Some(sigs) = v
        .pointer_mut("/report/signatures")
        .and_then(Value::as_array_mut)
    {
        for s in sigs {
            if let Some(signer) = s.get_mut("signer").and_then(Value::as_object_mut) {
                for key in ["name", "personal_code"] {
                    if signer.get(key).is_some_and(|x| !x.is_null()) {
                        signer.insert(key.into(), hidden.clone());
                    }
                }
            }
        }
    }
    if let Some(outcome) = v.get_mut("outcome").and_then(Value::as_object_mut) {
        if outcome.contains_key("signer") {
            outcome.insert("signer".into(), hidden.clone());
        }
        if outcome.contains_key("signers") {
            outcome.insert("signers".into(), json!([hidden]));
        }
    }
}

async fn attach(
    state: &AppState,
    ctx: &Ctx,
    record: SignedRecord,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = who(ctx)?;
    if !crate::multipart::is_container(headers) {
        return Err(ApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "unsupported_media_type",
            message: "send the signed container itself as the body with Content-Type: \
                      application/vnd.etsi.asic-e+zip (and the session's X-CSRF-Token)"
                .into(),
        });
    }
    let name = headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("allkirjastatud.asice")
        .to_string();
    let kind = record.kind();
    let target = record.id();
    let cmd = AttachCommand::new(record, &name, body.to_vec()).map_err(app_error)?;
    let attached = use_case::attach(state.store.as_ref(), state.clock.as_ref(), &who, cmd)
        .await
        .map_err(app_error)?;
    match attached {
        Attached::Stored {
            container, outcome, ..
        } => {
            let show = sees_signers(state, ctx, kind, &target)
                .await
                .unwrap_or(false);
            let mut body = container_json(&container, show);
            if let Some(o) = body.as_object_mut() {
                o.insert("completed".into(), Value::from(outcome.completed));
            }
            Ok((StatusCode::CREATED, Json(body)).into_response())
        }
        Attached::Rejected { reason, report } => {
            let body = json!({
                "error": {"code": reason.code().replace('-', "_"), "message": reason.to_string()},
                "report": *report,
            });
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response())
        }
    }
}

async fn api_attach_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id = version_id(&id)?;
    attach(
        &state,
        &ctx,
        SignedRecord::JobDescription(id),
        &headers,
        body,
    )
    .await
}

async fn api_attach_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id = directive_id(&id)?;
    attach(&state, &ctx, SignedRecord::Directive(id), &headers, body).await
}

async fn list(state: &AppState, ctx: &Ctx, record: SignedRecord) -> Result<Response, ApiError> {
    let who = who(ctx)?;
    let kind: SignedKind = record.kind();
    let target = record.id();
    let list = use_case::attached(state.store.as_ref(), &who, &record)
        .await
        .map_err(app_error)?;
    let show = sees_signers(state, ctx, kind, &target)
        .await
        .unwrap_or(false);
    let body: Vec<Value> = list.iter().map(|c| container_json(c, show)).collect();
    Ok(Json(body).into_response())
}

async fn api_list_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = version_id(&id)?;
    list(&state, &ctx, SignedRecord::JobDescription(id)).await
}

async fn api_list_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = directive_id(&id)?;
    list(&state, &ctx, SignedRecord::Directive(id)).await
}

/// The signatures' paths in the OpenAPI document.
pub fn openapi_paths(paths: &mut serde_json::Map<String, Value>, error: &Value) {
    let err =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": error}}});
    let csrf = json!({"name": "X-CSRF-Token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/session).", "schema": {"type": "string"}});
    let file_name = json!({"name": "X-File-Name", "in": "header", "required": false, "description": "The container's file name to keep (default allkirjastatud.asice).", "schema": {"type": "string"}});
    let asice = "application/vnd.etsi.asic-e+zip";
    let container = json!({"type": "object", "description": "A stored signed container: id, kind (job_description or directive), target_id, file_name, sha256, verdict, outcome (kind: acknowledged | directive_signed | not_issued | seal | basic_only | other_signer; completed; signer, on, signers, not_performed), report (the verification report, shaped like SiVa's), uploaded_by, uploaded_at. Signers' names and personal codes are \"–\" for readers who may not see the position's holder.", "required": ["id", "kind", "target_id", "file_name", "sha256", "verdict", "outcome", "report", "uploaded_by", "uploaded_at"]});
    for (record, name, what) in [
        (
            "job-descriptions",
            "JobDescription",
            "job description version",
        ),
        ("directives", "Directive", "directive"),
    ] {
        let id = json!({"name": "id", "in": "path", "required": true, "description": format!("The {what}'s id"), "schema": {"type": "string", "format": "uuid"}});
        paths.insert(
            format!("/api/{record}/{{id}}/container"),
            json!({"get": {
                "operationId": format!("get{name}Container"),
                "summary": format!("The unsigned ASiC-E container of the {what} to sign in DigiDoc4, holding the registry-issued PDF (a job description: approved, signed or in force — not superseded or repealed — in the 2024 template; a directive: followed by its annexes). The SHA-256 of the PDF is recorded, so that an attached signed container can be checked to hold exactly this file."),
                "parameters": [id.clone()],
                "responses": {
                    "200": {"description": "The container (Content-Disposition: attachment).", "content": {asice: {"schema": {"type": "string", "contentMediaType": asice}}}},
                    "400": err("The id is not a UUID."),
                    "403": err("The account may not read the record."),
                    "404": err("No record with this id."),
                    "409": err("The version is not approved yet (not_approved), is superseded or repealed (read_only), or its document could not be made.")
                }
            }}),
        );
        paths.insert(
            format!("/api/{record}/{{id}}/signatures"),
            json!({
                "get": {
                    "operationId": format!("list{name}Signatures"),
                    "summary": format!("The signed containers attached to the {what}, oldest first, each with its verification report and what it completed."),
                    "parameters": [id.clone()],
                    "responses": {
                        "200": {"description": "The containers.", "content": {"application/json": {"schema": {"type": "array", "items": container.clone()}}}},
                        "400": err("The id is not a UUID."),
                        "404": err("No record with this id.")
                    }
                },
                "post": {
                    "operationId": format!("attach{name}Signature"),
                    "summary": format!("Attaches a signed container to the {what} (HR and administrators; a job description version also its holder). It is verified offline against the production trust store; a valid one is stored with its report. A valid signature of the holder over the PDF the registry issued records the holder's acknowledgement (on the signing day) in the same transaction; of the signer named on a directive, records the directive as signed; anything else is stored and completes nothing. The body is the container (at most 20 MiB)."),
                    "parameters": [id, csrf.clone(), file_name.clone()],
                    "requestBody": {"required": true, "content": {asice: {"schema": {"type": "string", "contentMediaType": asice}}}},
                    "responses": {
                        "201": {"description": "Stored: the container with its outcome and report; `completed` says whether it completed a step.", "content": {"application/json": {"schema": container.clone()}}},
                        "400": err("The id is not a UUID."),
                        "403": err("The account may not attach to this record, or the CSRF token is missing."),
                        "404": err("No record with this id."),
                        "409": err("The version is not approved yet (not_approved), or it is superseded or repealed (read_only); nothing was stored."),
                        "415": err("The body is not sent as application/vnd.etsi.asic-e+zip."),
                        "422": {"description": "Not stored: the container is refused (malformed or hostile; code invalid) or its signature is not valid (code not_valid, with the report).", "content": {"application/json": {"schema": {"type": "object"}}}}
                    }
                }
            }),
        );
    }
}
