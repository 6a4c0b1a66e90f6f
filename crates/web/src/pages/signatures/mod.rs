//! Digital signatures on the version and directive pages: the unsigned container to sign in
//! DigiDoc4 (`GET /job-descriptions/{id}/container`, `/directives/{id}/container`), the upload
//! form of a signed container (`POST …/signatures`, `multipart/form-data` with the CSRF field,
//! at most [`crate::multipart::MAX_UPLOAD_BYTES`]), the stored containers with their verdicts —
//! who signed (name, personal code masked, issuer), when (claimed signing time, time stamp),
//! level, what was checked, errors and warnings, what the signature completed — and each stored
//! container as a file (`GET /signatures/{id}/download`). The JSON API is in [`api`].
//!
//! The use cases are `ametijuhend_app::signatures` (issue, attach: permission, verification,
//! the business rule, one transaction); this module only reads the form and presents.

use super::{Page, PageError, instant, parse_id, render_status, ta, unit_tree};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_app::signatures::{self as use_case, AttachCommand, Attached, SignedRecord};
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree, visibility};
use ametijuhend_domain::{DirectiveId, JobDescription, JobDescriptionId, Position, Timestamp};
use ametijuhend_store::{SignedContainer, SignedKind};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde_json::Value;

pub mod api;
mod report;

pub use api::openapi_paths;
pub use report::{ContainerView, ReportView};

pub fn routes() -> Router<AppState> {
    let limit = || DefaultBodyLimit::max(crate::multipart::MAX_UPLOAD_BYTES);
    Router::new()
        .route("/job-descriptions/{id}/container", get(container_version))
        .route("/directives/{id}/container", get(container_directive))
        .route(
            "/job-descriptions/{id}/signatures",
            post(upload_version).layer(limit()),
        )
        .route(
            "/directives/{id}/signatures",
            post(upload_directive).layer(limit()),
        )
        .route("/signatures/{id}/download", get(download_signed))
        .merge(api::routes(limit))
}

/// The signed-in account as the use cases see it.
pub(crate) fn principal(ctx: &Ctx) -> Option<Principal> {
    ctx.user.as_ref().map(Principal::of)
}

/// A use case's refusal as an error page (a 4xx with its reason on the result page).
fn page_refusal(ctx: &Ctx, e: AppError, back: &str) -> Result<Response, PageError> {
    match e {
        AppError::Denied(d) => Err(PageError::Forbidden(d)),
        AppError::NotFound { .. } => Err(PageError::NotFound),
        AppError::Store(e) => Err(e.into()),
        other => {
            let status = StatusCode::from_u16(other.status()).unwrap_or(StatusCode::CONFLICT);
            // A refusal the interface has words for (a version not approved yet, superseded or
            // repealed) in the user's language; otherwise the use case's message.
            let key = format!("sig-refused-{}", other.code().replace('_', "-"));
            let message = match other.problems().first() {
                _ if crate::i18n::has(ctx.lang, &key) => translate(ctx.lang, &key, &[]),
                Some(p) => p.message.clone(),
                None => other.to_string(),
            };
            Ok(result_page(ctx, status, Some(message), None, back))
        }
    }
}

/// The unsigned container as a file download.
fn container_response(issued: use_case::Issued) -> Response {
    let mut r = issued.bytes.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(use_case::CONTAINER_MEDIA_TYPE),
    );
    let disposition = super::documents::content_disposition(&issued.file_name, &issued.utf8_name);
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

async fn issue_page(
    state: &AppState,
    ctx: &Ctx,
    record: SignedRecord,
    back: &str,
) -> Result<Response, PageError> {
    let who = principal(ctx).ok_or(PageError::Forbidden(
        ametijuhend_domain::access::Denied::NoRole,
    ))?;
    match use_case::issue(state.store.as_ref(), state.clock.as_ref(), &who, &record).await {
        Ok(issued) => Ok(container_response(issued)),
        Err(e) => page_refusal(ctx, e, back),
    }
}

#[tracing::instrument(skip_all)]
async fn container_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    let back = format!("/job-descriptions/{id}");
    issue_page(&state, &ctx, SignedRecord::JobDescription(id), &back).await
}

#[tracing::instrument(skip_all)]
async fn container_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let back = format!("/directives/{id}");
    issue_page(&state, &ctx, SignedRecord::Directive(id), &back).await
}

/// The page shown when a container was not stored: why, and the report when it was verified.
#[derive(Template)]
#[template(path = "signature_result.html")]
struct ResultPage {
    p: Page,
    message: Option<String>,
    report: Option<ReportView>,
    back: String,
}

fn result_page(
    ctx: &Ctx,
    status: StatusCode,
    message: Option<String>,
    report: Option<ReportView>,
    back: &str,
) -> Response {
    render_status(
        status,
        &ResultPage {
            p: Page::new(
                ctx,
                "positions",
                translate(ctx.lang, "sig-result-title", &[]),
            ),
            message,
            report,
            back: back.to_string(),
        },
    )
}

/// Reads the upload form and attaches the container; a stored one returns to the record's page
/// (`?signature=<outcome>#signatures`), anything else is the result page.
async fn upload(
    state: &AppState,
    ctx: &Ctx,
    record: SignedRecord,
    headers: &HeaderMap,
    body: Bytes,
    back: String,
) -> Result<Response, PageError> {
    let who = principal(ctx).ok_or(PageError::Forbidden(
        ametijuhend_domain::access::Denied::NoRole,
    ))?;
    let fields = crate::multipart::fields(headers, body)
        .await
        .unwrap_or_default();
    let file = fields
        .into_iter()
        .find(|f| f.name == "container" && !f.bytes.is_empty());
    let Some(file) = file else {
        let message = translate(ctx.lang, "sig-upload-missing", &[]);
        return Ok(result_page(
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(message),
            None,
            &back,
        ));
    };
    let name = file.file_name.unwrap_or_default();
    let cmd = match AttachCommand::new(record, &name, file.bytes.to_vec()) {
        Ok(c) => c,
        Err(e) => return page_refusal(ctx, e, &back),
    };
    match use_case::attach(state.store.as_ref(), state.clock.as_ref(), &who, cmd).await {
        Ok(Attached::Stored { outcome, .. }) => Ok(redirect(&format!(
            "{back}?signature={}#signatures",
            outcome.outcome.code()
        ))),
        Ok(Attached::Rejected { reason, report }) => {
            let value = serde_json::to_value(&*report).unwrap_or(Value::Null);
            let message = translate(
                ctx.lang,
                "sig-rejected",
                &[("verdict", Arg::from(report.verdict.as_str()))],
            );
            tracing::info!(reason = %reason, "a signed container was not stored");
            Ok(result_page(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
                Some(ReportView::new(ctx.lang, &value, false)),
                &back,
            ))
        }
        Err(e) => page_refusal(ctx, e, &back),
    }
}

#[tracing::instrument(skip_all)]
async fn upload_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    let back = format!("/job-descriptions/{id}");
    upload(
        &state,
        &ctx,
        SignedRecord::JobDescription(id),
        &headers,
        body,
        back,
    )
    .await
}

#[tracing::instrument(skip_all)]
async fn upload_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let back = format!("/directives/{id}");
    upload(
        &state,
        &ctx,
        SignedRecord::Directive(id),
        &headers,
        body,
        back,
    )
    .await
}

/// Whether the reader may see who signed a container of this record: a job description's
/// signer is (usually) its holder, whose name only some may see ([`visibility`]).
pub(crate) async fn sees_signers(
    state: &AppState,
    ctx: &Ctx,
    kind: SignedKind,
    target_id: &str,
) -> Result<bool, PageError> {
    if kind == SignedKind::Directive {
        return Ok(true);
    }
    let Ok(id) = JobDescriptionId::parse(target_id) else {
        return Ok(false);
    };
    let Some(jd) = state.store.get_job_description(&id).await? else {
        return Ok(false);
    };
    let Some(position) = state.store.get_position(&jd.position).await? else {
        return Ok(false);
    };
    let (_, tree) = unit_tree(state).await?;
    Ok(ctx.can(Permission::SeeHolder, target(&position), &tree))
}

fn target(p: &Position) -> Target<'_> {
    Target::Position {
        id: &p.id,
        unit: &p.unit,
    }
}

#[tracing::instrument(skip_all)]
async fn download_signed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = uuid::Uuid::parse_str(&id).map_err(|_| PageError::NotFound)?;
    let (container, bytes) = state
        .store
        .signed_container_content(&id.to_string())
        .await?
        .ok_or(PageError::NotFound)?;
    // The container shows who signed: for a job description, whoever may see its holder.
    if !sees_signers(&state, &ctx, container.kind, &container.target_id).await? {
        return Err(PageError::Forbidden(
            ametijuhend_domain::access::Denied::StaffNotOwnRecord,
        ));
    }
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(use_case::CONTAINER_MEDIA_TYPE),
    );
    let ascii: String = container
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = super::documents::content_disposition(&ascii, &container.file_name);
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// The signatures section of a version's or a directive's page.
pub struct SignaturesPanel {
    /// The unsigned container's address, when the record may be issued now.
    pub container_url: Option<String>,
    /// The upload form's address, when the account may attach.
    pub upload_url: Option<String>,
    pub containers: Vec<ContainerView>,
    /// After an upload: what the stored container did.
    pub notice: Option<String>,
    /// The largest upload, in MiB (the form says it).
    pub max_mib: usize,
}

fn notice(lang: Lang, path: &str) -> Option<String> {
    let code = path
        .split_once('?')?
        .1
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "signature")?
        .1;
    let known = [
        "acknowledged",
        "directive-signed",
        "not-issued",
        "seal",
        "basic-only",
        "other-signer",
    ];
    known
        .contains(&code)
        .then(|| translate(lang, &format!("sig-notice-{code}"), &[]))
}

async fn containers(
    state: &AppState,
    ctx: &Ctx,
    kind: SignedKind,
    target_id: &str,
) -> Result<Vec<ContainerView>, PageError> {
    let list: Vec<SignedContainer> = state.store.signed_containers(kind, target_id).await?;
    let shown = sees_signers(state, ctx, kind, target_id).await?;
    Ok(list
        .iter()
        .map(|c| ContainerView::new(ctx.lang, c, shown))
        .collect())
}

/// The panel of a job description version.
pub async fn version_panel(
    state: &AppState,
    ctx: &Ctx,
    jd: &JobDescription,
    position: &Position,
    tree: &UnitTree,
) -> Result<SignaturesPanel, PageError> {
    let id = jd.id.to_string();
    Ok(SignaturesPanel {
        container_url: use_case::issuable(jd.status)
            .then(|| format!("/job-descriptions/{id}/container")),
        upload_url: (use_case::issuable(jd.status)
            && ctx.can(Permission::AttachSignature, target(position), tree))
        .then(|| format!("/job-descriptions/{id}/signatures")),
        containers: containers(state, ctx, SignedKind::JobDescription, &id).await?,
        notice: notice(ctx.lang, &ctx.path),
        max_mib: use_case::MAX_CONTAINER_BYTES / (1024 * 1024),
    })
}

/// The panel of a directive.
pub async fn directive_panel(
    state: &AppState,
    ctx: &Ctx,
    id: &DirectiveId,
    tree: &UnitTree,
) -> Result<SignaturesPanel, PageError> {
    let id = id.to_string();
    Ok(SignaturesPanel {
        container_url: Some(format!("/directives/{id}/container")),
        upload_url: ctx
            .can(Permission::AttachSignature, Target::Registry, tree)
            .then(|| format!("/directives/{id}/signatures")),
        containers: containers(state, ctx, SignedKind::Directive, &id).await?,
        notice: notice(ctx.lang, &ctx.path),
        max_mib: use_case::MAX_CONTAINER_BYTES / (1024 * 1024),
    })
}

/// A stored instant from the report (RFC 3339) as people read it, in Europe/Tallinn.
pub(crate) fn report_time(s: &str) -> String {
    Timestamp::parse(s)
        .map(instant)
        .unwrap_or_else(|_| s.to_string())
}

/// Written instead of a signer's name or code the reader may not see.
pub(crate) fn hidden_name() -> &'static str {
    visibility::HIDDEN
}

/// "12.03.2026" from an ISO date in an outcome.
pub(crate) fn outcome_date(v: &Value) -> String {
    v.as_str()
        .and_then(ametijuhend_domain::time::parse_date)
        .map(super::date)
        .unwrap_or_default()
}

/// Tells the outcome of a stored container in the user's language.
pub(crate) fn outcome_text(lang: Lang, outcome: &Value, show_names: bool) -> String {
    let code = outcome.get("kind").and_then(Value::as_str).unwrap_or("");
    let name = |v: Option<&Value>| {
        if show_names {
            v.and_then(Value::as_str).unwrap_or("").to_string()
        } else {
            hidden_name().to_string()
        }
    };
    let signers = if show_names {
        outcome
            .get("signers")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    } else {
        hidden_name().to_string()
    };
    let completed = outcome.get("completed").and_then(Value::as_bool) == Some(true);
    let day = outcome_date(outcome.get("on").unwrap_or(&Value::Null));
    let key = match (code, completed) {
        ("acknowledged", true) => "sig-outcome-acknowledged",
        ("acknowledged", false) => "sig-outcome-acknowledged-not-performed",
        ("directive_signed", _) => "sig-outcome-directive-signed",
        ("not_issued", _) => "sig-outcome-not-issued",
        ("seal", _) => "sig-outcome-seal",
        ("basic_only", _) => "sig-outcome-basic-only",
        _ => "sig-outcome-other-signer",
    };
    let mut text = ta(
        lang,
        key,
        &[
            ("signer", Arg::from(name(outcome.get("signer")))),
            ("date", Arg::from(day)),
            ("signers", Arg::from(signers)),
        ],
    );
    if let Some(why) = outcome.get("not_performed").and_then(Value::as_str) {
        text.push(' ');
        text.push_str(&ta(
            lang,
            "sig-outcome-why",
            &[("reason", Arg::from(why.replace('_', " ")))],
        ));
    }
    text
}
