//! Discarding a draft on the web and in the JSON API, over [`ametijuhend_app::discard`].
//!
//! - **The confirmation step works without JavaScript.** The version page's lifecycle panel
//!   offers "Kustuta kavand…" (a secondary, danger button) only when the domain would allow it;
//!   it leads to `GET /job-descriptions/{id}/discard`, a page that says what is discarded and
//!   what stays (the position's history keeps the content), with the one form that discards it
//!   (`POST`, the session's CSRF token and the version's revision) and a way back.
//! - **After it** the user lands on the position page with the confirmation focused
//!   (`?discarded=N#wf-done`, a live region), as after the other lifecycle actions.
//! - **A refusal** (not a draft, not permitted, an annex of a directive, a signature record, a
//!   version changed meanwhile) is the refusal page with the domain's reason in the user's
//!   language; nothing is written.
//! - **The JSON API**: `POST /api/job-descriptions/{id}/discard` with a JSON object (`{}`, or
//!   `{"revision": "…"}` as `GET /api/job-descriptions/{id}/actions` gives it) and the CSRF
//!   header, like the other lifecycle requests.

use super::document::status_name;
use super::lifecycle::refused;
use super::{Page, PageError, date, instant, parse_id, render, ta};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::error::ApiError;
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_app::discard::{DiscardCommand, discard};
use ametijuhend_app::lifecycle::VersionState;
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Denied, Permission, Target};
use ametijuhend_domain::workflow::discard::{DirectiveRef, DiscardError};
use ametijuhend_domain::{JobDescriptionId, PositionId};
use ametijuhend_store::revision_of;
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/job-descriptions/{id}/discard", get(confirm).post(submit))
        .route("/api/job-descriptions/{id}/discard", post(api_discard))
}

/// A directive as a discarding refusal names it, in the case the annex phrase needs.
fn directive_name(lang: Lang, d: &DirectiveRef) -> String {
    let name = match (&d.number, d.date) {
        (Some(number), Some(day)) => ta(
            lang,
            "discard-directive-registered",
            &[
                ("number", Arg::from(number)),
                ("date", Arg::from(date(day))),
            ],
        ),
        _ => ta(
            lang,
            "discard-directive-unregistered",
            &[("title", Arg::from(&d.title))],
        ),
    };
    match d.annex {
        Some(annex) => ta(
            lang,
            "discard-annex",
            &[("directive", Arg::from(name)), ("annex", Arg::from(annex))],
        ),
        None => name,
    }
}

/// A refusal to discard in the user's language (by its stable code).
pub fn refusal_text(lang: Lang, e: &DiscardError) -> String {
    let key = format!("discard-refused-{}", e.code().replace('_', "-"));
    let args: Vec<(&str, Arg)> = match e {
        DiscardError::NotADraft { status } => {
            vec![("status", Arg::from(status_name(lang, *status)))]
        }
        DiscardError::NotPermitted { reason, .. } => vec![(
            "reason",
            Arg::from(translate(
                lang,
                &format!("denied-{}", reason.reason_code()),
                &[],
            )),
        )],
        DiscardError::AnnexOfDirective { directives } => vec![(
            "annexes",
            Arg::from(
                directives
                    .iter()
                    .map(|d| directive_name(lang, d))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        )],
        DiscardError::HasSignatures { records } => vec![("count", Arg::from(*records))],
    };
    ta(lang, &key, &args)
}

/// The version, readable by the signed-in account, with its lifecycle context.
async fn readable(state: &AppState, ctx: &Ctx, raw: &str) -> Result<VersionState, PageError> {
    let id: JobDescriptionId = parse_id(raw)?;
    let vs = VersionState::load(state.store.as_ref(), &id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::Read,
        Target::Position {
            id: &vs.position.id,
            unit: &vs.position.unit,
        },
        &vs.tree,
    )?;
    Ok(vs)
}

#[derive(Template)]
#[template(path = "discard.html")]
struct ConfirmPage {
    p: Page,
    id: String,
    position: (String, String),
    version: u32,
    status: String,
    saved: String,
    author: String,
    revision: String,
}

#[tracing::instrument(skip_all)]
async fn confirm(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let vs = readable(&state, &ctx, &id).await?;
    let user = ctx.user.clone().ok_or(PageError::NotFound)?;
    let back = format!("/job-descriptions/{}", vs.jd.id);
    if let Err(e) = vs.may_discard(&Principal::of(&user)) {
        return Ok(refusal(&ctx, &e, back));
    }
    let lang = ctx.lang;
    let title = ta(
        lang,
        "discard-title",
        &[
            ("title", Arg::from(vs.position.full_title())),
            ("version", Arg::from(vs.jd.version)),
        ],
    );
    Ok(render(&ConfirmPage {
        p: Page::new(&ctx, "positions", title),
        id: vs.jd.id.to_string(),
        position: (vs.position.id.to_string(), vs.position.full_title()),
        version: vs.jd.version,
        status: status_name(lang, vs.jd.status),
        saved: instant(vs.jd.created_at),
        author: vs.jd.created_by.clone().unwrap_or_else(|| "–".into()),
        revision: revision_of(&vs.jd),
    }))
}

fn refusal(ctx: &Ctx, e: &DiscardError, back: String) -> Response {
    tracing::info!(code = e.code(), "discarding a draft refused");
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT);
    refused(ctx, status, refusal_text(ctx.lang, e), back)
}

/// The confirmation form: the revision the page showed.
#[derive(Deserialize, Default)]
pub struct DiscardForm {
    #[serde(default)]
    revision: String,
}

#[tracing::instrument(skip_all)]
async fn submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<DiscardForm>,
) -> Result<Response, PageError> {
    let vs = readable(&state, &ctx, &id).await?;
    let user = ctx.user.clone().ok_or(PageError::NotFound)?;
    let back = format!("/job-descriptions/{}", vs.jd.id);
    let done = match DiscardCommand::new(Some(&f.revision)) {
        Ok(cmd) => {
            discard(
                state.store.as_ref(),
                state.clock.as_ref(),
                &Principal::of(&user),
                &vs.jd.id,
                &cmd,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(d) => {
            tracing::info!(version = %d.jd.id, "a draft was discarded");
            Ok(redirect(&format!(
                "/positions/{}?discarded={}#wf-done",
                d.position.id, d.jd.version
            )))
        }
        Err(AppError::Discard(e)) => Ok(refusal(&ctx, &e, back)),
        Err(AppError::Stale { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(ctx.lang, "wf-refused-changed", &[]),
            back,
        )),
        Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT);
            Ok(refused(
                &ctx,
                status,
                super::lifecycle::app_refusal_text(ctx.lang, &e),
                back,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The notice on the position page after a draft was discarded (`?discarded=N`).
pub fn done_notice(lang: Lang, path: &str) -> Option<String> {
    let version: u32 = path
        .split_once('?')?
        .1
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "discarded")?
        .1
        .parse()
        .ok()?;
    Some(ta(lang, "discard-done", &[("version", Arg::from(version))]))
}

/// What `POST /api/job-descriptions/{id}/discard` takes: a JSON object, empty or with the
/// revision the version was read at.
#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct DiscardRequest {
    /// The version's revision as read (`GET /api/job-descriptions/{id}/actions`); when it is
    /// another one now, nothing is discarded (409 `changed`). Leave it out to discard the
    /// version as it is.
    #[serde(default)]
    pub revision: Option<String>,
}

/// A discarded draft.
#[derive(Serialize, JsonSchema)]
pub struct DiscardedView {
    pub job_description: JobDescriptionId,
    pub position: PositionId,
    pub version: u32,
}

/// The request of a body: nothing, or a JSON object with nothing but the revision.
fn request_of(body: &[u8]) -> Result<DiscardRequest, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(DiscardRequest::default());
    }
    let bad = |e: String| {
        ApiError::bad_request(format!(
            "the body is not a discard request: {e}; send {{}} or {{\"revision\": \"…\"}}"
        ))
    };
    match serde_json::from_slice::<Value>(body).map_err(|e| bad(e.to_string()))? {
        v @ Value::Object(_) => serde_json::from_value(v).map_err(|e| bad(e.to_string())),
        _ => Err(bad("it is not a JSON object".into())),
    }
}

async fn api_discard(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<DiscardedView>, ApiError> {
    let req = request_of(&body)?;
    let vs = crate::api_workflow::readable_version(&state, &ctx, &id).await?;
    let id = vs.jd.id.clone();
    let user = ctx
        .user
        .as_ref()
        .ok_or_else(|| crate::api_workflow::denied(Denied::NoRole))?;
    let cmd = DiscardCommand::new(req.revision.as_deref())?;
    match discard(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(user),
        &id,
        &cmd,
    )
    .await
    {
        Ok(d) => Ok(Json(DiscardedView {
            job_description: d.jd.id,
            position: d.position.id,
            version: d.jd.version,
        })),
        Err(e @ AppError::Stale { .. }) => Err(ApiError {
            status: StatusCode::CONFLICT,
            code: "changed",
            message: e.to_string(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Adds the discard path to the OpenAPI document.
pub fn openapi_paths(
    generator: &mut schemars::SchemaGenerator,
    paths: &mut serde_json::Map<String, Value>,
    error: &Value,
) {
    let request = generator.subschema_for::<DiscardRequest>().to_value();
    let done = generator.subschema_for::<DiscardedView>().to_value();
    let err =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": error}}});
    paths.insert(
        "/api/job-descriptions/{id}/discard".into(),
        json!({"post": {
            "operationId": "discardDraft",
            "summary": "Discards a draft version (a returned or withdrawn one included) as the signed-in account: whoever may edit it (HR, administrators, the managers of the position's units), while no directive lists it as an annex and no signature record refers to it. The version is removed in one transaction with an audit entry keeping its content. Needs Content-Type: application/json and the session's CSRF token in X-CSRF-Token.",
            "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "Job description (version) id", "schema": {"type": "string", "format": "uuid"}},
                {"name": "X-CSRF-Token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/session).", "schema": {"type": "string"}}
            ],
            "requestBody": {"required": true, "content": {"application/json": {"schema": request}}},
            "responses": {
                "200": {"description": "Discarded.", "content": {"application/json": {"schema": done}}},
                "400": err("The id is not a UUID or the body is not a discard request."),
                "403": err("The account may not discard it (not_permitted), or the CSRF token or JSON content type is missing (forbidden)."),
                "404": err("No version with this id."),
                "409": err("The version is not a draft (not_a_draft), is an annex of a directive (annex_of_directive), has signature records (has_signatures), or changed meanwhile (changed)."),
                "422": err("The revision is not a revision (invalid).")
            }
        }}),
    );
}
