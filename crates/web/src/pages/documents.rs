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
use crate::auth::{Ctx, now, redirect};
use crate::error::ApiError;
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_domain::access::{Denied, Permission, Target, UnitTree};
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

// ---------------------------------------------------------------------------------------------
// Pages

/// "nr 17, 02.05.2025", or "unregistered" in the user's language.
fn registration_text(lang: Lang, d: &Directive) -> String {
    if !d.is_registered() {
        return translate(lang, "directive-unregistered", &[]);
    }
    translate(
        lang,
        "directive-registered-as",
        &[
            (
                "number",
                Arg::from(d.number.clone().unwrap_or_else(|| "–".into())),
            ),
            (
                "date",
                Arg::from(d.date.map(date).unwrap_or_else(|| "–".into())),
            ),
        ],
    )
}

pub struct DirectiveRow {
    pub id: String,
    pub registration: String,
    pub registered: bool,
    pub title: String,
    pub annexes: Vec<String>,
}

#[derive(askama::Template)]
#[template(path = "directives.html")]
struct ListPage {
    p: Page,
    rows: Vec<DirectiveRow>,
    summary: String,
    can_prepare: bool,
}

#[tracing::instrument(skip_all)]
async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let mut all = state.store.list_directives().await?;
    all.sort_by(|a, b| {
        a.is_registered()
            .cmp(&b.is_registered())
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| estonian_cmp(&a.title, &b.title))
    });
    let rows: Vec<DirectiveRow> = all
        .iter()
        .map(|d| DirectiveRow {
            id: d.id.to_string(),
            registration: registration_text(ctx.lang, d),
            registered: d.is_registered(),
            title: shown_title(ctx.lang, d),
            annexes: d
                .annexes
                .iter()
                .map(|a| {
                    format!(
                        "{} {}: {}",
                        translate(ctx.lang, "directive-annex", &[]),
                        a.annex,
                        a.title
                    )
                })
                .collect(),
        })
        .collect();
    let p = Page::new(
        &ctx,
        "directives",
        translate(ctx.lang, "directives-title", &[]),
    );
    Ok(render(&ListPage {
        summary: tn(ctx.lang, "directives-count", rows.len()),
        rows,
        can_prepare: ctx.can(Permission::Directives, Target::Registry, &tree),
        p,
    }))
}

/// The fields of the form that prepares a directive (`jd` repeats: one per chosen version).
#[derive(Debug, Clone, Default)]
pub struct DirectiveForm {
    pub unit: String,
    pub status: String,
    pub jd: Vec<String>,
    pub title: String,
    pub legal_basis: String,
    /// "signing" or "date".
    pub entry: String,
    pub in_force: String,
    pub retroactive_from: String,
    pub signer_name: String,
    pub signer_title: String,
}

impl DirectiveForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = DirectiveForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "unit" => f.unit = v,
                "status" => f.status = v,
                "jd" => f.jd.push(v),
                "title" => f.title = v,
                "legal_basis" => f.legal_basis = v,
                "entry" => f.entry = v,
                "in_force" => f.in_force = v,
                "retroactive_from" => f.retroactive_from = v,
                "signer_name" => f.signer_name = v,
                "signer_title" => f.signer_title = v,
                _ => {}
            }
        }
        f
    }

    pub fn on_date(&self) -> bool {
        self.entry == "date"
    }
}

/// One version that may be chosen.
pub struct Candidate {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub version: u32,
    pub status: String,
    pub checked: bool,
}

#[derive(askama::Template)]
#[template(path = "directive_new.html")]
struct NewPage {
    p: Page,
    f: DirectiveForm,
    units: Vec<Opt>,
    statuses: Vec<Opt>,
    candidates: Vec<Candidate>,
    errors: FieldErrors,
}

#[derive(Deserialize)]
pub struct NewQuery {
    unit: Option<String>,
    status: Option<String>,
}

/// The versions the filter (unit subtree, status) offers: of each position, the latest version
/// with the status; chosen ones are always offered.
fn candidates(lang: Lang, r: &Registry, f: &DirectiveForm) -> Vec<Candidate> {
    let tree = UnitTree::new(&r.units);
    let unit = UnitId::parse(&f.unit).ok();
    let status = Status::parse(&f.status);
    let chosen: BTreeSet<&str> = f.jd.iter().map(|s| s.trim()).collect();
    let mut out: Vec<(String, &JobDescription, String)> = Vec::new();
    for p in &r.positions {
        let versions = r.job_descriptions.iter().filter(|j| j.position == p.id);
        let in_filter = unit.as_ref().is_none_or(|u| tree.is_within(&p.unit, u));
        let offered = if in_filter {
            versions
                .filter(|j| status.is_none_or(|s| j.status == s))
                .max_by_key(|j| j.version)
        } else {
            None
        };
        let unit_name = r
            .unit(&p.unit)
            .map(|u| u.name().to_string())
            .unwrap_or_default();
        if let Some(jd) = offered {
            out.push((unit_name.clone(), jd, p.full_title()));
        }
        for jd in r
            .job_descriptions
            .iter()
            .filter(|j| j.position == p.id && chosen.contains(j.id.as_str()))
        {
            if !out.iter().any(|(_, o, _)| o.id == jd.id) {
                out.push((unit_name.clone(), jd, p.full_title()));
            }
        }
    }
    out.sort_by(|a, b| {
        estonian_cmp(&a.0, &b.0)
            .then_with(|| estonian_cmp(&a.2, &b.2))
            .then_with(|| a.1.version.cmp(&b.1.version))
    });
    out.into_iter()
        .map(|(unit, jd, title)| Candidate {
            id: jd.id.to_string(),
            checked: chosen.contains(jd.id.as_str()),
            title,
            unit,
            version: jd.version,
            status: super::document::status_name(lang, jd.status),
        })
        .collect()
}

fn new_page(ctx: &Ctx, r: &Registry, f: DirectiveForm, errors: FieldErrors) -> NewPage {
    let lang = ctx.lang;
    let mut units: Vec<Opt> = r
        .units
        .iter()
        .map(|u| Opt::new(u.id.to_string(), u.name(), &f.unit))
        .collect();
    sort_estonian_by(&mut units, |o| &o.label);
    units.insert(
        0,
        Opt::new("", translate(lang, "directive-all-units", &[]), &f.unit),
    );
    let mut statuses: Vec<Opt> = Status::ALL
        .iter()
        .map(|s| {
            Opt::new(
                s.as_str(),
                super::document::status_name(lang, *s),
                &f.status,
            )
        })
        .collect();
    statuses.insert(
        0,
        Opt::new("", translate(lang, "directive-any-status", &[]), &f.status),
    );
    NewPage {
        p: Page::new(
            ctx,
            "directives",
            translate(lang, "directive-new-title", &[]),
        ),
        candidates: candidates(lang, r, &f),
        units,
        statuses,
        f,
        errors,
    }
}

#[tracing::instrument(skip_all)]
async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let positions: Vec<PositionId> = state
        .store
        .list_positions(None)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let r = registry_for(&state, &positions).await?;
    let f = DirectiveForm {
        unit: q.unit.unwrap_or_default(),
        status: q.status.unwrap_or_else(|| Status::Draft.as_str().into()),
        legal_basis: DEFAULT_LEGAL_BASIS.into(),
        entry: "signing".into(),
        ..DirectiveForm::default()
    };
    Ok(render(&new_page(&ctx, &r, f, FieldErrors::new(ctx.lang))))
}

/// A date field: empty is `None`; a malformed date is an error next to the field.
fn date_field(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    required: bool,
) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        if required {
            errors.add(field, "error-required", &[]);
        }
        return None;
    }
    let d = parse_date(v);
    if d.is_none() {
        errors.add(field, "error-date", &[]);
    }
    d
}

/// The draft the form describes, with errors next to the fields.
fn validate(r: &Registry, f: &DirectiveForm, errors: &mut FieldErrors) -> DirectiveDraft {
    let mut ids = Vec::new();
    for raw in &f.jd {
        match JobDescriptionId::parse(raw) {
            Ok(id) if r.job_description(&id).is_some() => {
                if !ids.contains(&id) {
                    ids.push(id)
                }
            }
            _ => errors.add("jd", "error-choose", &[]),
        }
    }
    if f.jd.is_empty() {
        errors.add("jd", "directive-error-none-chosen", &[]);
    }
    let title = errors.line("title", &f.title, false);
    let legal_basis = errors.text("legal_basis", &f.legal_basis, true);
    if legal_basis.chars().count() > 2_000 {
        errors.add(
            "legal_basis",
            "error-too-long",
            &[("max", Arg::from(2_000usize))],
        );
    }
    let entry_into_force = match f.entry.as_str() {
        "date" => {
            let d = date_field(errors, "in_force", &f.in_force, true);
            EntryIntoForce::OnDate {
                date: d.unwrap_or_default(),
            }
        }
        "signing" | "" => EntryIntoForce::OnSigning {
            retroactive_from: date_field(errors, "retroactive_from", &f.retroactive_from, false),
        },
        _ => {
            errors.add("entry", "error-choose", &[]);
            EntryIntoForce::OnSigning {
                retroactive_from: None,
            }
        }
    };
    let signer_name = errors.line("signer_name", &f.signer_name, false);
    let signer_title = errors.line("signer_title", &f.signer_title, false);
    let mut draft = DirectiveDraft::new(ids);
    draft.title = Some(title).filter(|t| !t.is_empty());
    draft.legal_basis = legal_basis;
    draft.entry_into_force = entry_into_force;
    draft.signer_name = Some(signer_name).filter(|s| !s.is_empty());
    draft.signer_title = Some(signer_title).filter(|s| !s.is_empty());
    draft
}

/// The record a valid draft makes, or the planning's refusal next to the choice of versions.
fn plan(r: &Registry, draft: &DirectiveDraft, errors: &mut FieldErrors) -> Option<Directive> {
    let id = DirectiveId::from_uuid(uuid::Uuid::new_v4());
    match ametijuhend_render::directive_record(r, draft, id) {
        Ok(d) => Some(d),
        Err(RenderError::SamePositionTwice { .. }) => {
            errors.add("jd", "directive-error-same-position", &[]);
            None
        }
        Err(RenderError::NothingToApprove) => {
            errors.add("jd", "directive-error-none-chosen", &[]);
            None
        }
        Err(_) => {
            errors.add("jd", "error-choose", &[]);
            None
        }
    }
}

/// Stores a new directive with its audit event.
async fn store_new(
    state: &AppState,
    actor: String,
    d: &Directive,
) -> Result<(), ametijuhend_store::StoreError> {
    let audit = AuditEntry::new(now(), actor, "directive.created", "directive", &d.id).after(d);
    let changes = ChangeSet {
        directives: vec![d.clone()],
        ..ChangeSet::default()
    };
    state.store.apply_audited(&changes, &[audit]).await
}

#[tracing::instrument(skip_all)]
async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let f = DirectiveForm::from_pairs(&pairs);
    let positions: Vec<PositionId> = state
        .store
        .list_positions(None)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let r = registry_for(&state, &positions).await?;
    let mut errors = FieldErrors::new(ctx.lang);
    let draft = validate(&r, &f, &mut errors);
    let record = if errors.is_empty() {
        plan(&r, &draft, &mut errors)
    } else {
        None
    };
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        let page = new_page(&ctx, &r, f, errors);
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    store_new(&state, ctx.account(), &record).await?;
    Ok(redirect(&format!("/directives/{}?created=1", record.id)))
}

pub struct AnnexRow {
    pub annex: u32,
    pub title: String,
    /// (version id, "version N, status") when the version is in the registry.
    pub version: Option<(String, String)>,
}

#[derive(askama::Template)]
#[template(path = "directive.html")]
struct ShowPage {
    p: Page,
    id: String,
    registration: String,
    registered: bool,
    heading: String,
    legal_basis: Vec<String>,
    clauses: Vec<(String, bool)>,
    signer: (String, String),
    annexes: Vec<AnnexRow>,
    placeholders: String,
    can_register: bool,
    number: String,
    reg_date: String,
    today: String,
    errors: FieldErrors,
    notice: Option<String>,
    refusal: Option<String>,
}

#[derive(Deserialize)]
pub struct ShowQuery {
    created: Option<String>,
    registered: Option<String>,
}

/// What the directive page shows besides the directive: the registration form as sent (number,
/// date) with its errors, a notice of what was just done, or why the registration was refused.
struct Extras {
    form: (String, String),
    errors: FieldErrors,
    notice: Option<String>,
    refusal: Option<String>,
}

/// A title to show: the directive's, or "Käskkiri" when it has none.
fn shown_title(lang: Lang, d: &Directive) -> String {
    match d.title.trim() {
        "" => translate(lang, "directive-untitled", &[]),
        t => t.to_string(),
    }
}

/// The directive page.
async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    d: &Directive,
    tree: &UnitTree,
    extras: Extras,
) -> Result<ShowPage, PageError> {
    let Extras {
        form,
        errors,
        notice,
        refusal,
    } = extras;
    let lang = ctx.lang;
    let mut annexes = Vec::new();
    for a in &d.annexes {
        let version = match &a.job_description {
            Some(id) => state.store.get_job_description(id).await?.map(|jd| {
                (
                    jd.id.to_string(),
                    format!(
                        "{} {}, {}",
                        translate(lang, "jd-version", &[]),
                        jd.version,
                        super::document::status_name(lang, jd.status)
                    ),
                )
            }),
            None => None,
        };
        annexes.push(AnnexRow {
            annex: a.annex,
            title: a.title.clone(),
            version,
        });
    }
    let signer = d.signer.as_ref();
    let field = |v: Option<&String>, f: &str| {
        v.map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| f.to_string())
    };
    let heading = format!(
        "{} nr {}",
        d.date.map(date).unwrap_or_else(|| "{regDateTime}".into()),
        d.number.clone().unwrap_or_else(|| "{regNumber}".into())
    );
    let clauses = ametijuhend_render::directive_clauses(d)
        .into_iter()
        .map(|c| {
            let sub = c
                .split_once(' ')
                .is_some_and(|(n, _)| n.trim_end_matches('.').contains('.'));
            (c, sub)
        })
        .collect();
    Ok(ShowPage {
        p: Page::new(ctx, "directives", shown_title(lang, d)),
        id: d.id.to_string(),
        registration: registration_text(lang, d),
        registered: d.is_registered(),
        heading,
        legal_basis: d
            .legal_basis
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(DEFAULT_LEGAL_BASIS)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        clauses,
        signer: (
            field(signer.and_then(|s| s.name.as_ref()), "{Allkirjastaja}"),
            field(signer.and_then(|s| s.title.as_ref()), "{Ametikoht}"),
        ),
        annexes,
        placeholders: d.placeholders.join(", "),
        can_register: !d.is_registered() && ctx.can(Permission::Directives, Target::Registry, tree),
        number: form.0,
        reg_date: form.1,
        today: chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
        errors,
        notice,
        refusal,
    })
}

#[tracing::instrument(skip_all)]
async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let d = state
        .store
        .get_directive(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let notice = if q.created.is_some() {
        Some(translate(ctx.lang, "directive-created-notice", &[]))
    } else if q.registered.is_some() {
        Some(translate(ctx.lang, "directive-registered-notice", &[]))
    } else {
        None
    };
    let extras = Extras {
        form: (String::new(), String::new()),
        errors: FieldErrors::new(ctx.lang),
        notice,
        refusal: None,
    };
    let page = show_page(&state, &ctx, &d, &tree, extras).await?;
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
pub struct RegistrationForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    date: String,
}

/// Today in the server's time zone (the document register's day).
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Stores a registration with its audit event.
async fn store_registration(
    state: &AppState,
    actor: String,
    before: &Directive,
    after: &Directive,
) -> Result<(), ametijuhend_store::StoreError> {
    let audit = AuditEntry::new(now(), actor, "directive.registered", "directive", &after.id)
        .before(before)
        .after(after);
    let changes = ChangeSet {
        directives: vec![after.clone()],
        ..ChangeSet::default()
    };
    state.store.apply_audited(&changes, &[audit]).await
}

#[tracing::instrument(skip_all)]
async fn register(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<RegistrationForm>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let before = state
        .store
        .get_directive(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let mut errors = FieldErrors::new(ctx.lang);
    let number = errors.line("number", &f.number, true);
    let day = date_field(&mut errors, "date", &f.date, true);
    let mut refusal = None;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (true, Some(day)) = (errors.is_empty(), day) {
        match before.registered(&number, day, today()) {
            Ok(after) => {
                store_registration(&state, ctx.account(), &before, &after).await?;
                return Ok(redirect(&format!("/directives/{id}?registered=1")));
            }
            Err(RegistrationError::AlreadyRegistered { .. }) => {
                status = StatusCode::CONFLICT;
                refusal = Some(translate(
                    ctx.lang,
                    "directive-error-already-registered",
                    &[],
                ));
            }
            Err(RegistrationError::NumberMissing) => errors.add("number", "error-required", &[]),
            Err(RegistrationError::NumberInvalid) => errors.add(
                "number",
                "directive-error-number-invalid",
                &[(
                    "max",
                    Arg::from(ametijuhend_domain::directive::MAX_NUMBER_LEN),
                )],
            ),
            Err(RegistrationError::DateInFuture { today: t, .. }) => errors.add(
                "date",
                "directive-error-date-in-future",
                &[("today", Arg::from(t))],
            ),
        }
    }
    let extras = Extras {
        form: (f.number, f.date),
        errors,
        notice: None,
        refusal,
    };
    let page = show_page(&state, &ctx, &before, &tree, extras).await?;
    Ok(render_status(status, &page))
}

// ---------------------------------------------------------------------------------------------
// JSON API

fn api_denied(d: Denied) -> ApiError {
    ApiError {
        status: StatusCode::FORBIDDEN,
        code: "forbidden",
        message: format!("not allowed: {d}"),
    }
}

fn api_render_error(e: RenderError) -> ApiError {
    tracing::warn!(error = %e, "a document could not be rendered");
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "render_failed",
        message: e.to_string(),
    }
}

async fn api_document(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, ApiError> {
    let id: JobDescriptionId = JobDescriptionId::parse(&id)
        .map_err(|e| ApiError::bad_request(format!("job description id: {e}")))?;
    let (format, template) = file_choice(&q, Format::Pdf).map_err(ApiError::bad_request)?;
    let v = match version_file(&state, &ctx, &id).await? {
        Ok(v) => v,
        Err(Refusal::NotFound) => {
            return Err(ApiError::not_found("job description", id.as_str()));
        }
        Err(Refusal::Denied(d)) => return Err(api_denied(d)),
    };
    version_response(v, format, template)
        .await
        .map_err(api_render_error)
}

/// `POST /api/directives`: what a new directive approves and says; unset fields take the
/// defaults (computed title, the Civil Service Act § 52 (1)–(2) and the agency's statute, in
/// force on signing, the signer as template fields).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDirective {
    /// The job description versions to approve, in annex order (one per position).
    pub job_descriptions: Vec<JobDescriptionId>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub legal_basis: Option<String>,
    #[serde(default)]
    pub entry_into_force: Option<EntryIntoForce>,
    #[serde(default)]
    pub signer_name: Option<String>,
    #[serde(default)]
    pub signer_title: Option<String>,
}

/// `POST /api/directives/{id}/registration`: the number and date the document register gave.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRegistration {
    pub number: String,
    /// YYYY-MM-DD (or DD.MM.YYYY); not in the future.
    pub date: String,
}

fn json_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not what this call takes: {e}")))
}

fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message: message.into(),
    }
}

/// A single line of at most 300 characters, or none.
fn api_line(what: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().any(char::is_control) || v.chars().count() > 300 {
        return Err(unprocessable(
            "invalid",
            format!("{what} must be one line of at most 300 characters"),
        ));
    }
    Ok(Some(v))
}

async fn api_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    body: Bytes,
) -> Result<Response, ApiError> {
    ctx.allowed(
        Permission::Directives,
        Target::Registry,
        &UnitTree::default(),
    )
    .map_err(api_denied)?;
    let n: NewDirective = json_body(&body)?;
    let mut positions = Vec::new();
    for id in &n.job_descriptions {
        let jd = state
            .store
            .get_job_description(id)
            .await?
            .ok_or_else(|| ApiError::not_found("job description", id.as_str()))?;
        positions.push(jd.position);
    }
    let r = registry_for(&state, &positions).await?;
    let mut draft = DirectiveDraft::new(n.job_descriptions);
    draft.title = api_line("title", n.title)?;
    draft.signer_name = api_line("signer_name", n.signer_name)?;
    draft.signer_title = api_line("signer_title", n.signer_title)?;
    if let Some(l) = n
        .legal_basis
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
    {
        if l.chars().any(|c| c.is_control() && c != '\n') || l.chars().count() > 2_000 {
            return Err(unprocessable(
                "invalid",
                "legal_basis must be text of at most 2000 characters",
            ));
        }
        draft.legal_basis = l;
    }
    if let Some(e) = n.entry_into_force {
        draft.entry_into_force = e;
    }
    let id = DirectiveId::from_uuid(uuid::Uuid::new_v4());
    let record = ametijuhend_render::directive_record(&r, &draft, id)
        .map_err(|e| unprocessable("invalid_choice", e.to_string()))?;
    store_new(&state, ctx.account(), &record).await?;
    Ok((StatusCode::CREATED, Json(record)).into_response())
}

async fn api_register(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Directive>, ApiError> {
    let id =
        DirectiveId::parse(&id).map_err(|e| ApiError::bad_request(format!("directive id: {e}")))?;
    ctx.allowed(
        Permission::Directives,
        Target::Registry,
        &UnitTree::default(),
    )
    .map_err(api_denied)?;
    let n: NewRegistration = json_body(&body)?;
    let day = parse_date(&n.date).ok_or_else(|| {
        ApiError::bad_request(format!("date '{}' is not a date: YYYY-MM-DD", n.date))
    })?;
    let before = state
        .store
        .get_directive(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("directive", id.as_str()))?;
    let after = before.registered(&n.number, day, today()).map_err(|e| {
        let status = match e {
            RegistrationError::AlreadyRegistered { .. } => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError {
            status,
            code: match e.code() {
                "already-registered" => "already_registered",
                "number-missing" => "number_missing",
                "number-invalid" => "number_invalid",
                _ => "date_in_future",
            },
            message: e.to_string(),
        }
    })?;
    store_registration(&state, ctx.account(), &before, &after).await?;
    Ok(Json(after))
}

/// The paths of this module in the OpenAPI document (`POST` joins the existing
/// `GET /api/directives`).
pub fn openapi_paths(
    generator: &mut SchemaGenerator,
    paths: &mut serde_json::Map<String, Value>,
    error: &Value,
) {
    let new_directive = generator.subschema_for::<NewDirective>().to_value();
    let registration = generator.subschema_for::<NewRegistration>().to_value();
    let directive = generator.subschema_for::<Directive>().to_value();
    let err =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": error}}});
    let csrf = json!({"name": "X-CSRF-Token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/session).", "schema": {"type": "string"}});
    let id = |d: &str| json!({"name": "id", "in": "path", "required": true, "description": d, "schema": {"type": "string", "format": "uuid"}});
    let file = |m: &str| json!({"schema": {"type": "string", "contentMediaType": m}});
    paths.insert(
        "/api/job-descriptions/{id}/document".into(),
        json!({"get": {
            "operationId": "getJobDescriptionDocument",
            "summary": "The job description version as a file in the agency's layout: PDF (PDF/A-2b), DOCX or HTML, in the 2024 (default) or 2023 SKA template; Content-Disposition: attachment with the file name (RFC 6266).",
            "parameters": [
                id("Job description (version) id"),
                {"name": "format", "in": "query", "required": false, "description": "pdf (default), docx or html.", "schema": {"type": "string", "enum": ["pdf", "docx", "html"]}},
                {"name": "template", "in": "query", "required": false, "description": "The SKA template: 2024 (default) or 2023.", "schema": {"type": "string", "enum": ["2024", "2023"]}}
            ],
            "responses": {
                "200": {"description": "The file.", "content": {
                    "application/pdf": file("application/pdf"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": file("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    "text/html": file("text/html")
                }},
                "400": err("The id is not a UUID, or the format or template is unknown."),
                "403": err("The account may not read the version."),
                "404": err("No version with this id."),
                "422": err("The version cannot be rendered (e.g. it refers to a competency that is not in the library).")
            }
        }}),
    );
    let post = json!({
        "operationId": "createDirective",
        "summary": "Prepares a directive approving job description versions (HR and administrators): the annexes and the earlier approvals it repeals are computed from the registry; number and date stay the register's template fields ({regNumber}, {regDateTime}) until registered. Needs Content-Type: application/json and the session's CSRF token in X-CSRF-Token.",
        "parameters": [csrf.clone()],
        "requestBody": {"required": true, "content": {"application/json": {"schema": new_directive}}},
        "responses": {
            "201": {"description": "The stored directive.", "content": {"application/json": {"schema": directive.clone()}}},
            "400": err("The body is not a new directive."),
            "403": err("Only HR and administrators prepare directives, or the CSRF token or JSON content type is missing."),
            "404": err("A job description is not in the registry."),
            "422": err("Nothing chosen, two versions of one position, or a field too long.")
        }
    });
    match paths
        .get_mut("/api/directives")
        .and_then(Value::as_object_mut)
    {
        Some(existing) => {
            existing.insert("post".into(), post);
        }
        None => {
            paths.insert("/api/directives".into(), json!({"post": post}));
        }
    }
    paths.insert(
        "/api/directives/{id}/registration".into(),
        json!({"post": {
            "operationId": "registerDirective",
            "summary": "Records the number and date the document register gave a directive (HR and administrators); once only, and not with a date in the future. Needs Content-Type: application/json and X-CSRF-Token.",
            "parameters": [id("Directive id"), csrf],
            "requestBody": {"required": true, "content": {"application/json": {"schema": registration}}},
            "responses": {
                "200": {"description": "The registered directive.", "content": {"application/json": {"schema": directive}}},
                "400": err("The id is not a UUID, the body is not a registration, or the date is not a date."),
                "403": err("Only HR and administrators register directives."),
                "404": err("No directive with this id."),
                "409": err("The directive is already registered (already_registered)."),
                "422": err("The number is missing or not one line (number_missing, number_invalid), or the date is in the future (date_in_future).")
            }
        }}),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_disposition_has_an_ascii_name_and_the_utf8_one() {
        let v = content_disposition(
            "teenuste-osakond-osakonnajuhataja-v1.pdf",
            "Teenuste osakond – Osakonnajuhataja v1.pdf",
        );
        assert_eq!(
            v,
            "attachment; filename=\"teenuste-osakond-osakonnajuhataja-v1.pdf\"; \
             filename*=UTF-8''Teenuste%20osakond%20%E2%80%93%20Osakonnajuhataja%20v1.pdf"
        );
        let odd = content_disposition("a\"b\\c\u{0}.pdf", "x/\"y\"\n.pdf");
        assert!(
            odd.starts_with(
                "attachment; filename=\"abc.pdf\"; filename*=UTF-8''x%20%20y%20%20.pdf"
            ),
            "{odd}"
        );
        assert!(HeaderValue::from_str(&odd).is_ok());
    }

    #[test]
    fn download_parameters_default_and_refuse_unknown_values() {
        let q = |f: &str, t: &str| DownloadQuery {
            format: Some(f.into()),
            template: Some(t.into()),
        };
        assert_eq!(
            file_choice(&DownloadQuery::default(), Format::Pdf),
            Ok((Format::Pdf, Template::Ska2024))
        );
        assert_eq!(
            file_choice(&q("docx", "2023"), Format::Pdf),
            Ok((Format::Docx, Template::Ska2023))
        );
        assert!(file_choice(&q("odt", ""), Format::Pdf).is_err());
        assert!(file_choice(&q("pdf", "2022"), Format::Pdf).is_err());
    }

    #[test]
    fn directive_file_names() {
        let mut d = Directive {
            id: DirectiveId::derived("x"),
            number: None,
            date: None,
            title: "Ametijuhendite kinnitamine".into(),
            legal_basis: None,
            clauses: vec![],
            annexes: vec![],
            repeals: vec![],
            entry_into_force: None,
            appeal_clause: None,
            signer: None,
            placeholders: vec![],
            source: None,
            unplaced: vec![],
        };
        assert_eq!(
            directive_names(&d, Format::Docx).0,
            "kaskkiri-registreerimata-ametijuhendite-kinnitamine.docx"
        );
        d.number = Some("1-3/17".into());
        let (ascii, utf8) = directive_names(&d, Format::Pdf);
        assert_eq!(ascii, "kaskkiri-1-3-17-ametijuhendite-kinnitamine.pdf");
        assert_eq!(utf8, "Käskkiri nr 1-3/17 – Ametijuhendite kinnitamine.pdf");
    }
}
