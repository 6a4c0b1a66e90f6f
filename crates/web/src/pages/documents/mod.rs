//! The agency's documents: a job description version as a file in the agency's layout (PDF,
//! DOCX, HTML; the 2024 or the 2023 SKA template), and the director general's directives that
//! approve job descriptions.
//!
//! - `GET /job-descriptions/{id}/download?format=pdf&template=2024`: the file, for whoever may
//!   read the version (`Content-Disposition: attachment` with an ASCII name and the UTF-8 one,
//!   RFC 6266).
//! - `/directives`: the list (number and date, or unregistered); `/directives/new`: prepare one
//!   (versions chosen by unit and status, title, legal basis, entry into force, signer; HR and
//!   administrators); `/directives/{id}`: its clauses as they will print, its annexes, the
//!   downloads, and the form that records the number and date the document register gave it.
//! - The JSON API: `GET /api/job-descriptions/{id}/document`, `POST /api/directives`,
//!   `POST /api/directives/{id}/registration` (JSON bodies, the session's CSRF token in
//!   `X-CSRF-Token`, checked by [`crate::auth::context`]).
//!
//! The plan (annexes, repeals computed from the registry) and the documents come from
//! `ametijuhend-render`; registration rules from the domain ([`Directive::registered`]); who may
//! do what from the one permission decision ([`Permission::Directives`]).

use super::{Page, PageError, date, parse_id, render, render_status, tn, unit_tree};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::error::ApiError;
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use crate::pages::workflow::refusal_text;
use ametijuhend_app::directives as app_directives;
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Denied, Permission, Target, UnitTree, visibility};
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::{
    Directive, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId, PositionId,
    RegistrationError, Registry, Status, Template, UnitId,
};
use ametijuhend_render::names::{job_description_stem, slug};
use ametijuhend_render::{DEFAULT_LEGAL_BASIS, DirectiveDraft, Format, RenderError};
use ametijuhend_store::{AuditEntry, ChangeSet};
use axum::body::Bytes;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use chrono::NaiveDate;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use schemars::{JsonSchema, SchemaGenerator};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeSet;

mod api;
mod directives;

pub use api::openapi_paths;
use api::*;
use directives::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/job-descriptions/{id}/download", get(download_version))
        .route("/directives", get(list).post(create))
        .route("/directives/new", get(new_form))
        .route("/directives/{id}", get(show))
        .route("/directives/{id}/download", get(download_directive))
        .route("/directives/{id}/registration", post(register))
        .route("/api/job-descriptions/{id}/document", get(api_document))
        .route("/api/directives", post(api_create))
        .route("/api/directives/{id}/registration", post(api_register))
}

// ---------------------------------------------------------------------------------------------
// Files

/// `format` and `template` of a download.
#[derive(Deserialize, Default)]
pub struct DownloadQuery {
    format: Option<String>,
    template: Option<String>,
}

/// Why a download's parameters are refused (the API says it; pages answer 404).
fn file_choice(q: &DownloadQuery, default: Format) -> Result<(Format, Template), String> {
    let format = match q.format.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => default,
        Some(f) => {
            Format::parse(f).ok_or_else(|| format!("format '{f}' is not one of pdf, docx, html"))?
        }
    };
    let template = match q
        .template
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => Template::Ska2024,
        Some(t) => {
            parse_template(t).ok_or_else(|| format!("template '{t}' is not one of 2024, 2023"))?
        }
    };
    Ok((format, template))
}

fn parse_template(t: &str) -> Option<Template> {
    match t.to_ascii_lowercase().as_str() {
        "2024" | "ska_2024" => Some(Template::Ska2024),
        "2023" | "ska_2023" => Some(Template::Ska2023),
        _ => None,
    }
}

/// RFC 5987 `attr-char`s stay as they are; everything else is percent-encoded.
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// `attachment; filename="ascii"; filename*=UTF-8''utf-8` (RFC 6266): the ASCII name for old
/// programs, the UTF-8 one (with Estonian letters) for the rest.
pub fn content_disposition(ascii: &str, utf8: &str) -> String {
    let ascii: String = ascii
        .chars()
        .filter(|c| c.is_ascii_graphic() && *c != '"' && *c != '\\')
        .collect();
    let utf8: String = utf8
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | '"') {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(utf8.trim(), ATTR_CHAR)
    )
}

/// A file response: the format's media type and the attachment's names.
fn file_response(bytes: Vec<u8>, format: Format, ascii: &str, utf8: &str) -> Response {
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.media_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&content_disposition(ascii, utf8)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// Runs a renderer off the async threads (a PDF takes tens of milliseconds).
async fn rendered(
    f: impl FnOnce() -> Result<Vec<u8>, RenderError> + Send + 'static,
) -> Result<Vec<u8>, RenderError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(RenderError::Pdf(format!("the renderer stopped: {e}"))))
}

/// What rendering needs from the store: units, positions, the competency library, directives,
/// and every version of `positions`.
async fn registry_for(
    state: &AppState,
    positions: &[PositionId],
) -> Result<Registry, ametijuhend_store::StoreError> {
    let s = &state.store;
    let mut r = Registry {
        units: s.list_units().await?,
        positions: s.list_positions(None).await?,
        competencies: s.list_competencies().await?,
        directives: s.list_directives().await?,
        ..Registry::default()
    };
    let unique: BTreeSet<&PositionId> = positions.iter().collect();
    for p in unique {
        r.job_descriptions.extend(s.list_job_descriptions(p).await?);
    }
    Ok(r)
}

/// A version readable by the account, its registry and the file names of its document.
struct VersionFile {
    registry: Registry,
    jd: JobDescription,
    unit: String,
    title: String,
}

enum Refusal {
    NotFound,
    Denied(Denied),
}

async fn version_file(
    state: &AppState,
    ctx: &Ctx,
    id: &JobDescriptionId,
) -> Result<Result<VersionFile, Refusal>, ametijuhend_store::StoreError> {
    let Some(jd) = state.store.get_job_description(id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let Some(position) = state.store.get_position(&jd.position).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let units = state.store.list_units().await?;
    let tree = UnitTree::new(&units);
    if let Err(d) = ctx.allowed(
        Permission::Read,
        Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        &tree,
    ) {
        return Ok(Err(Refusal::Denied(d)));
    }
    // Holders' names only for those who may see them (the one decision, access::visibility).
    let principal = ctx.principal();
    let jd = visibility::as_readable(principal.as_ref(), &jd, &position.unit, &tree);
    let registry = registry_for(state, std::slice::from_ref(&position.id)).await?;
    let unit = registry
        .unit(&position.unit)
        .map(|u| u.name().to_string())
        .unwrap_or_else(|| jd.general.unit.clone());
    Ok(Ok(VersionFile {
        registry,
        title: position.full_title(),
        unit,
        jd,
    }))
}

/// Renders a version's file and names it.
async fn version_response(
    v: VersionFile,
    format: Format,
    template: Template,
) -> Result<Response, RenderError> {
    let ext = format.extension();
    let ascii = format!(
        "{}.{ext}",
        job_description_stem(&v.unit, &v.title, v.jd.version)
    );
    let utf8 = format!("{} – {} v{}.{ext}", v.unit, v.title, v.jd.version);
    let options = ametijuhend_render::JobDescriptionOptions {
        template,
        stamp: ametijuhend_render::StampChoice::Auto,
    };
    let VersionFile { registry, jd, .. } = v;
    let bytes = rendered(move || {
        ametijuhend_render::render_job_description(&registry, &jd, format, &options)
    })
    .await?;
    Ok(file_response(bytes, format, &ascii, &utf8))
}

#[tracing::instrument(skip_all)]
async fn download_version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    let (format, template) = file_choice(&q, Format::Pdf).map_err(|_| PageError::NotFound)?;
    let v = match version_file(&state, &ctx, &id).await? {
        Ok(v) => v,
        Err(Refusal::NotFound) => return Err(PageError::NotFound),
        Err(Refusal::Denied(d)) => return Err(PageError::Forbidden(d)),
    };
    version_response(v, format, template).await.map_err(|e| {
        tracing::error!(error = %e, "a job description could not be rendered");
        PageError::Internal
    })
}

/// The names of a directive's file: "kaskkiri-17-ametijuhendite-kinnitamine.pdf" and
/// "Käskkiri nr 17 – Ametijuhendite kinnitamine.pdf" (unregistered: "registreerimata").
fn directive_names(d: &Directive, format: Format) -> (String, String) {
    let ext = format.extension();
    let number = d.number.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let ascii_number = number
        .map(slug)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "registreerimata".into());
    let title = slug(&d.title);
    let ascii = if title.is_empty() {
        format!("kaskkiri-{ascii_number}.{ext}")
    } else {
        format!("kaskkiri-{ascii_number}-{title}.{ext}")
    };
    let utf8 = match number {
        Some(n) => format!("Käskkiri nr {n} – {}.{ext}", d.title.trim()),
        None => format!("Käskkiri (registreerimata) – {}.{ext}", d.title.trim()),
    };
    (ascii, utf8)
}

async fn directive_file(
    state: &AppState,
    d: Directive,
    format: Format,
    template: Template,
) -> Result<Result<Response, RenderError>, ametijuhend_store::StoreError> {
    let positions = annex_positions(state, &d).await?;
    let registry = registry_for(state, &positions).await?;
    let (ascii, utf8) = directive_names(&d, format);
    let bytes = rendered(move || {
        ametijuhend_render::render_stored_directive(&registry, &d, format, template)
    })
    .await;
    Ok(bytes.map(|b| file_response(b, format, &ascii, &utf8)))
}

/// The positions of a directive's annexes (their versions are printed as annexes).
async fn annex_positions(
    state: &AppState,
    d: &Directive,
) -> Result<Vec<PositionId>, ametijuhend_store::StoreError> {
    let mut out = Vec::new();
    for id in d.annexes.iter().filter_map(|a| a.job_description.as_ref()) {
        if let Some(jd) = state.store.get_job_description(id).await? {
            out.push(jd.position);
        }
    }
    Ok(out)
}

#[tracing::instrument(skip_all)]
async fn download_directive(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let (format, template) = file_choice(&q, Format::Docx).map_err(|_| PageError::NotFound)?;
    let d = state
        .store
        .get_directive(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    directive_file(&state, d, format, template)
        .await?
        .map_err(|e| {
            tracing::error!(error = %e, "a directive could not be rendered");
            PageError::Internal
        })
}
