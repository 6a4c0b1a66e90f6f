//! The read-only JSON API. Every handler parses its inputs into typed ids, asks the repository,
//! and answers with domain records (or views made of them). Lists of names come in Estonian
//! alphabetical order.
//!
//! The API needs a signed-in session (the same cookie as the pages; anonymous requests get 401
//! from [`crate::auth::context`]); every route asks the permission decision for reading the
//! registry (any role may read). `/healthz` and `/api/openapi.json` are public.

use crate::error::ApiError;
use crate::paging::ApiPageQuery;
use crate::{AppState, openapi};
use ametijuhend_domain::ids::IdKind;
use ametijuhend_domain::position::{substituted_by, substitutes_for};
use ametijuhend_domain::text::sort_estonian_by;
use ametijuhend_domain::{
    Competency, Directive, Id, JobDescription, JobDescriptionId, Position, PositionId, RoleCard,
    RoleGlossaryEntry, Status, Timestamp, Unit, UnitId, UnitKind,
};
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi_document))
        .route("/api/units", get(list_units))
        .route("/api/units/{id}", get(get_unit))
        .route("/api/positions", get(list_positions))
        .route("/api/positions/{id}", get(get_position))
        .route(
            "/api/positions/{id}/job-descriptions",
            get(position_versions),
        )
        .route("/api/job-descriptions/{id}", get(get_job_description))
        .route("/api/role-cards", get(list_role_cards))
        .route("/api/role-cards/{id}", get(get_role_card))
        .route("/api/role-glossary", get(list_role_glossary))
        .route("/api/competencies", get(list_competencies))
        .route("/api/competencies/{id}", get(get_competency))
        .route("/api/directives", get(list_directives))
        .route("/api/directives/{id}", get(get_directive))
        .route("/api/search", get(crate::pages::search::api))
        .route_layer(axum::middleware::from_fn(may_read))
}

/// Asks the permission decision before every API route (public ones pass).
async fn may_read(
    ctx: Option<axum::Extension<crate::auth::Ctx>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use ametijuhend_domain::access::{Permission, Target, UnitTree};
    use axum::response::IntoResponse;
    let path = req.uri().path();
    if path == "/healthz" || path == "/api/openapi.json" {
        return next.run(req).await;
    }
    let decision = match ctx {
        Some(axum::Extension(ctx)) => {
            ctx.allowed(Permission::Read, Target::Registry, &UnitTree::default())
        }
        None => Err(ametijuhend_domain::access::Denied::NoRole),
    };
    match decision {
        Ok(()) => next.run(req).await,
        Err(d) => ApiError {
            status: StatusCode::FORBIDDEN,
            code: "forbidden",
            message: format!("not allowed: {d}"),
        }
        .into_response(),
    }
}

fn parse_id<K: IdKind>(raw: &str, what: &str) -> Result<Id<K>, ApiError> {
    Id::parse(raw).map_err(|e| ApiError::bad_request(format!("{what} id: {e}")))
}

pub(crate) async fn not_found() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        code: "not_found",
        message: "no such address: see /api/openapi.json for the API's paths".into(),
    }
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct Health {
    /// "ok" when the registry can be read.
    pub status: String,
    /// "sqlite" or "postgres".
    pub backend: String,
}

async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    match state.store.counts().await {
        Ok(_) => Ok(Json(Health {
            status: "ok".into(),
            backend: state.store.backend().as_str().into(),
        })),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            Err(ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "unavailable",
                message: "the registry database cannot be read".into(),
            })
        }
    }
}

async fn openapi_document() -> Json<serde_json::Value> {
    Json(openapi::document())
}

/// A unit with its current name, kind and parent beside its full history.
#[derive(Serialize, schemars::JsonSchema)]
pub struct UnitView {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<UnitId>,
    pub versions: Vec<ametijuhend_domain::UnitVersion>,
}

impl From<Unit> for UnitView {
    fn from(u: Unit) -> Self {
        let current = u.current().clone();
        Self {
            id: u.id,
            name: current.name,
            kind: current.kind,
            parent: current.parent,
            versions: u.versions,
        }
    }
}

async fn list_units(State(state): State<AppState>) -> Result<Json<Vec<UnitView>>, ApiError> {
    let mut units: Vec<UnitView> = state
        .store
        .list_units()
        .await?
        .into_iter()
        .map(UnitView::from)
        .collect();
    sort_estonian_by(&mut units, |u| &u.name);
    Ok(Json(units))
}

async fn get_unit(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<UnitView>, ApiError> {
    let id: UnitId = parse_id(&id, "unit")?;
    let unit = state
        .store
        .get_unit(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("unit", id.as_str()))?;
    Ok(Json(unit.into()))
}

#[derive(Deserialize, schemars::JsonSchema)]
pub struct PositionQuery {
    /// Only the positions of this unit (not of its sub-units).
    pub unit: Option<String>,
}

async fn list_positions(
    State(state): State<AppState>,
    Query(q): Query<PositionQuery>,
    Query(paging): Query<ApiPageQuery>,
    uri: Uri,
) -> Result<(HeaderMap, Json<Vec<Position>>), ApiError> {
    use ametijuhend_domain::text::estonian_cmp;
    let unit: Option<UnitId> = q.unit.as_deref().map(|u| parse_id(u, "unit")).transpose()?;
    if let Some(unit) = &unit {
        let mut positions = state.store.list_positions(Some(unit)).await?;
        positions.sort_by(|a, b| estonian_cmp(&a.full_title(), &b.full_title()));
        let page = paging
            .page_of(positions.len(), &uri)
            .map_err(ApiError::bad_request)?;
        let rows = positions.drain(page.range).collect();
        return Ok((page.headers, Json(rows)));
    }
    // The whole list: ordered by the light rows (titles only), then the page's positions read
    // whole — never every position's record.
    let rows = state.position_list().await?;
    let page = paging
        .page_of(rows.len(), &uri)
        .map_err(ApiError::bad_request)?;
    let ids: Vec<PositionId> = rows[page.range].iter().map(|r| r.0.id.clone()).collect();
    let mut found = state.store.positions_by_id(&ids).await?;
    let order: std::collections::HashMap<&PositionId, usize> =
        ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
    found.sort_by_key(|p| order.get(&p.id).copied().unwrap_or(usize::MAX));
    Ok((page.headers, Json(found)))
}

/// A version in a position's version list.
#[derive(Serialize, schemars::JsonSchema)]
pub struct VersionSummary {
    pub id: JobDescriptionId,
    pub version: u32,
    pub status: Status,
    pub created_at: Timestamp,
    pub effective_from: Option<NaiveDate>,
}

/// A position with the links read from both sides and its job description versions.
#[derive(Serialize, schemars::JsonSchema)]
pub struct PositionView {
    #[serde(flatten)]
    pub position: Position,
    /// "Peaspetsialist (STAR kasutajatugi)".
    pub full_title: String,
    /// Positions this one stands in for.
    pub substitutes_for: Vec<PositionId>,
    /// Positions that stand in for this one.
    pub substituted_by: Vec<PositionId>,
    /// The version in force or approved, else the newest version.
    pub current_job_description: Option<JobDescriptionId>,
    /// All versions, oldest first.
    pub versions: Vec<VersionSummary>,
}

/// The version that counts: the newest valid document, else the newest version.
pub fn current_version(versions: &[JobDescription]) -> Option<&JobDescription> {
    versions
        .iter()
        .rev()
        .find(|v| v.status.is_valid_document())
        .or_else(|| versions.last())
}

async fn get_position(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PositionView>, ApiError> {
    let id: PositionId = parse_id(&id, "position")?;
    let position = state
        .store
        .get_position(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("position", id.as_str()))?;
    let links = state.store.substitutions_of(&id).await?;
    let versions = state.store.list_job_descriptions(&id).await?;
    Ok(Json(PositionView {
        full_title: position.full_title(),
        substitutes_for: substitutes_for(&links, &id).cloned().collect(),
        substituted_by: substituted_by(&links, &id).cloned().collect(),
        current_job_description: current_version(&versions).map(|v| v.id.clone()),
        versions: versions
            .iter()
            .map(|v| VersionSummary {
                id: v.id.clone(),
                version: v.version,
                status: v.status,
                created_at: v.created_at,
                effective_from: v.effective_from,
            })
            .collect(),
        position,
    }))
}

/// Versions as the account may read them: without holders' names unless it may see them.
async fn as_readable(
    state: &AppState,
    ctx: &crate::auth::Ctx,
    unit: &UnitId,
    versions: Vec<JobDescription>,
) -> Result<Vec<JobDescription>, ApiError> {
    use ametijuhend_domain::access::{UnitTree, visibility};
    let tree = UnitTree::new(&state.store.list_units().await?);
    let principal = ctx.principal();
    Ok(versions
        .iter()
        .map(|jd| visibility::as_readable(principal.as_ref(), jd, unit, &tree))
        .collect())
}

async fn position_versions(
    State(state): State<AppState>,
    Extension(ctx): Extension<crate::auth::Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Vec<JobDescription>>, ApiError> {
    let id: PositionId = parse_id(&id, "position")?;
    let Some(position) = state.store.get_position(&id).await? else {
        return Err(ApiError::not_found("position", id.as_str()));
    };
    let versions = state.store.list_job_descriptions(&id).await?;
    Ok(Json(
        as_readable(&state, &ctx, &position.unit, versions).await?,
    ))
}

async fn get_job_description(
    State(state): State<AppState>,
    Extension(ctx): Extension<crate::auth::Ctx>,
    Path(id): Path<String>,
) -> Result<Json<JobDescription>, ApiError> {
    let id: JobDescriptionId = parse_id(&id, "job description")?;
    let jd = state
        .store
        .get_job_description(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("job description", id.as_str()))?;
    let unit = match state.store.get_position(&jd.position).await? {
        Some(p) => p.unit,
        None => return Err(ApiError::not_found("job description", id.as_str())),
    };
    let mut readable = as_readable(&state, &ctx, &unit, vec![jd]).await?;
    Ok(Json(readable.remove(0)))
}

async fn list_role_cards(State(state): State<AppState>) -> Result<Json<Vec<RoleCard>>, ApiError> {
    let mut cards = state.store.list_role_cards().await?;
    cards.sort_by(|a, b| (&a.catalogue, a.ordinal).cmp(&(&b.catalogue, b.ordinal)));
    Ok(Json(cards))
}

async fn get_role_card(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<RoleCard>, ApiError> {
    let id = parse_id(&id, "role card")?;
    let card = state
        .store
        .get_role_card(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("role card", id.as_str()))?;
    Ok(Json(card))
}

async fn list_role_glossary(
    State(state): State<AppState>,
) -> Result<Json<Vec<RoleGlossaryEntry>>, ApiError> {
    let mut entries = state.store.list_role_glossary().await?;
    entries.sort_by_key(|e| e.ordinal);
    Ok(Json(entries))
}

async fn list_competencies(
    State(state): State<AppState>,
) -> Result<Json<Vec<Competency>>, ApiError> {
    let mut list = state.store.list_competencies().await?;
    sort_estonian_by(&mut list, |c| &c.name);
    Ok(Json(list))
}

async fn get_competency(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Competency>, ApiError> {
    let id = parse_id(&id, "competency")?;
    let c = state
        .store
        .get_competency(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("competency", id.as_str()))?;
    Ok(Json(c))
}

async fn list_directives(
    State(state): State<AppState>,
    Query(paging): Query<ApiPageQuery>,
    uri: Uri,
) -> Result<(HeaderMap, Json<Vec<Directive>>), ApiError> {
    let all = state.directives().await?;
    let mut list: Vec<&Directive> = all.iter().collect();
    list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.number.cmp(&b.number)));
    let page = paging
        .page_of(list.len(), &uri)
        .map_err(ApiError::bad_request)?;
    let rows = list[page.range].iter().map(|d| (*d).clone()).collect();
    Ok((page.headers, Json(rows)))
}

async fn get_directive(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Directive>, ApiError> {
    let id = parse_id(&id, "directive")?;
    let d = state
        .store
        .get_directive(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("directive", id.as_str()))?;
    Ok(Json(d))
}
