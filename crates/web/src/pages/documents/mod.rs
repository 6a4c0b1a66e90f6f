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
use crate::pages::lifecycle::refusal_text;
use ametijuhend_app::directives as app_directives;
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Denied, Permission, Target, UnitTree};
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::{
    Directive, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId, RegistrationError,
    Status, Template, UnitId,
};
use ametijuhend_render::{DEFAULT_LEGAL_BASIS, Format, RenderError};
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
mod registration;

pub use api::openapi_paths;
use api::*;
use directives::*;
use registration::*;

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

#[cfg(test)]
use ametijuhend_app::documents::directive_names;

enum Refusal {
    NotFound,
    Denied(Denied),
}

/// A version the account may read, with its position.
async fn readable_version(
    state: &AppState,
    ctx: &Ctx,
    id: &JobDescriptionId,
) -> Result<Result<JobDescription, Refusal>, ametijuhend_store::StoreError> {
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
    Ok(Ok(jd))
}

/// Renders a version's file (holders' names only for those who may see them) and names it.
async fn version_response(
    state: &AppState,
    ctx: &Ctx,
    jd: &JobDescription,
    format: Format,
    template: Template,
) -> Result<Result<Response, RenderError>, ametijuhend_store::StoreError> {
    let principal = ctx.principal();
    let file = ametijuhend_app::documents::job_description_file(
        state.store.as_ref(),
        principal.as_ref(),
        jd,
        format,
        template,
    )
    .await?;
    Ok(file.map(|f| file_response(f.bytes, format, &f.ascii_name, &f.utf8_name)))
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
    let jd = match readable_version(&state, &ctx, &id).await? {
        Ok(v) => v,
        Err(Refusal::NotFound) => return Err(PageError::NotFound),
        Err(Refusal::Denied(d)) => return Err(PageError::Forbidden(d)),
    };
    version_response(&state, &ctx, &jd, format, template)
        .await?
        .map_err(|e| {
            tracing::error!(error = %e, "a job description could not be rendered");
            PageError::Internal
        })
}

async fn directive_file(
    state: &AppState,
    d: Directive,
    format: Format,
    template: Template,
) -> Result<Result<Response, RenderError>, ametijuhend_store::StoreError> {
    let file =
        ametijuhend_app::documents::directive_file(state.store.as_ref(), &d, format, template)
            .await?;
    Ok(file.map(|f| file_response(f.bytes, format, &f.ascii_name, &f.utf8_name)))
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
