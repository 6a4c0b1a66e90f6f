//! The lifecycle in the JSON API: the actions an account may take on a version, transitions,
//! the consent assessment, comparing two versions, the review report and the consistency
//! checks. The decisions are the same as the pages' ([`ametijuhend_app::lifecycle`], the domain, the one
//! permission decision).
//!
//! State-changing requests (`POST`) need the session cookie, a JSON body
//! (`Content-Type: application/json`) and the session's CSRF token in the `X-CSRF-Token` header
//! (`GET /api/session` gives it). A cross-site form can send neither a JSON content type nor a
//! custom header, so the API's writes cannot be forged from another site; the check is made for
//! every request by [`crate::auth::context`].

use crate::AppState;
use crate::auth::Ctx;
use crate::error::ApiError;
use crate::pages::checks;
use crate::pages::lifecycle::refusal_status;
use crate::pages::reviews::{self, DuePart};
use crate::paging::ApiPageQuery;
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::consent::ConsentAssessment;
use ametijuhend_domain::diff::{Change, SpanKind, compare_with_names};
use ametijuhend_domain::review::{DEFAULT_HORIZON_DAYS, DueState};
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::workflow::{Action, ActionKind, ConsentRecord, TransitionRecord};
use ametijuhend_domain::{JobDescriptionId, PositionId, Role, Status};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use chrono::NaiveDate;
use schemars::{JsonSchema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/session", get(session))
        .route("/api/job-descriptions/{id}/actions", get(actions))
        .route("/api/job-descriptions/{id}/transitions", post(transition))
        .route("/api/job-descriptions/{id}/consent", get(consent))
        .route("/api/compare", get(compare))
        .route("/api/reviews", get(reviews))
        .route("/api/checks", get(checks))
}

pub(crate) fn denied(d: ametijuhend_domain::access::Denied) -> ApiError {
    ApiError {
        status: StatusCode::FORBIDDEN,
        code: "forbidden",
        message: format!("not allowed: {d}"),
    }
}

fn parse<K: ametijuhend_domain::ids::IdKind>(
    raw: &str,
    what: &str,
) -> Result<ametijuhend_domain::Id<K>, ApiError> {
    ametijuhend_domain::Id::parse(raw.trim())
        .map_err(|e| ApiError::bad_request(format!("{what} id: {e}")))
}

/// The version with its lifecycle context, readable by the account.
pub(crate) async fn readable_version(
    state: &AppState,
    ctx: &Ctx,
    raw: &str,
) -> Result<VersionState, ApiError> {
    let id: JobDescriptionId = parse(raw, "job description")?;
    let vs = VersionState::load(state.store.as_ref(), &id)
        .await?
        .ok_or_else(|| ApiError::not_found("job description", id.as_str()))?;
    ctx.allowed(
        Permission::Read,
        Target::Position {
            id: &vs.position.id,
            unit: &vs.position.unit,
        },
        &vs.tree,
    )
    .map_err(denied)?;
    Ok(vs)
}

/// The signed-in account and the token its `POST` requests carry in `X-CSRF-Token`.
#[derive(Serialize, JsonSchema)]
pub struct SessionView {
    pub account: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub csrf_token: String,
}

async fn session(Extension(ctx): Extension<Ctx>) -> Result<Json<SessionView>, ApiError> {
    let u = ctx
        .user
        .as_ref()
        .ok_or_else(|| denied(ametijuhend_domain::access::Denied::NoRole))?;
    Ok(Json(SessionView {
        account: u.username.clone(),
        display_name: u.display_name.clone(),
        roles: u.roles.clone(),
        csrf_token: ctx.csrf.clone(),
    }))
}

/// What the account may do with a version now.
#[derive(Serialize, JsonSchema)]
pub struct ActionsView {
    pub job_description: JobDescriptionId,
    pub status: Status,
    /// The actions the account may start now (preconditions are checked when one is asked for).
    pub actions: Vec<ActionKind>,
    /// True when the version is a draft the account may edit.
    pub editable: bool,
    /// True when the account may discard the version now (a draft nothing refers to, by
    /// whoever may edit it): `POST /api/job-descriptions/{id}/discard`.
    pub discardable: bool,
    /// The version's revision: send it back when discarding, so that a version changed
    /// meanwhile is not discarded.
    pub revision: String,
    pub history: Vec<TransitionRecord>,
}

async fn actions(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<ActionsView>, ApiError> {
    let vs = readable_version(&state, &ctx, &id).await?;
    let user = ctx
        .user
        .as_ref()
        .ok_or_else(|| denied(ametijuhend_domain::access::Denied::NoRole))?;
    let editable = ctx.can(
        Permission::Edit,
        Target::Position {
            id: &vs.position.id,
            unit: &vs.position.unit,
        },
        &vs.tree,
    ) && ametijuhend_domain::workflow::can_edit(vs.jd.status);
    Ok(Json(ActionsView {
        job_description: vs.jd.id.clone(),
        status: vs.jd.status,
        actions: vs.available(
            &Principal::of(user),
            state.clock.timestamp(),
            state.clock.today(),
        ),
        editable,
        discardable: vs.may_discard(&Principal::of(user)).is_ok(),
        revision: ametijuhend_store::revision_of(&vs.jd),
        history: vs.jd.workflow.history.clone(),
    }))
}

/// A transition performed.
#[derive(Serialize, JsonSchema)]
pub struct TransitionView {
    pub job_description: JobDescriptionId,
    pub from: Status,
    pub to: Status,
    /// The history entry written.
    pub record: TransitionRecord,
    /// Versions superseded in the same transaction.
    pub superseded: Vec<JobDescriptionId>,
}

async fn transition(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    body: Result<Json<Action>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<TransitionView>, ApiError> {
    let Json(action) = body.map_err(|e| {
        ApiError::bad_request(format!(
            "the body is not an action: {e}; send e.g. {{\"action\": \"submit\"}} or {{\"action\": \"approve\", \"number\": \"1-1/49\", \"date\": \"2026-03-06\", \"annex\": 2}}"
        ))
    })?;
    let vs = readable_version(&state, &ctx, &id).await?;
    let user = ctx
        .user
        .as_ref()
        .ok_or_else(|| denied(ametijuhend_domain::access::Denied::NoRole))?;
    match lifecycle::perform(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(user),
        &vs.jd.id,
        &action,
    )
    .await
    {
        Ok(done) => Ok(Json(TransitionView {
            job_description: done.jd.id.clone(),
            from: done.outcome.from,
            to: done.outcome.to,
            record: done.outcome.record.clone(),
            superseded: done.superseded.iter().map(|j| j.id.clone()).collect(),
        })),
        Err(AppError::Refused(e)) => Err(ApiError {
            status: refusal_status(&e),
            code: e.code(),
            message: e.to_string(),
        }),
        Err(e @ AppError::Stale { .. }) => Err(ApiError {
            status: StatusCode::CONFLICT,
            code: "changed",
            message: e.to_string(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// The consent rule's verdict on a version.
#[derive(Serialize, JsonSchema)]
pub struct ConsentView {
    pub job_description: JobDescriptionId,
    /// The version it is compared with: the position's current document (none for a first
    /// version).
    pub compared_with: Option<JobDescriptionId>,
    /// "needs the official's consent: …" or "no consent needed".
    pub summary: String,
    pub assessment: ConsentAssessment,
    /// The consent recorded, when there is one.
    pub recorded: Option<ConsentRecord>,
}

async fn consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<ConsentView>, ApiError> {
    let vs = readable_version(&state, &ctx, &id).await?;
    let assessment = vs.assessment();
    Ok(Json(ConsentView {
        job_description: vs.jd.id.clone(),
        compared_with: vs.baseline().map(|b| b.id.clone()),
        summary: assessment.summary(),
        recorded: vs.jd.workflow.consent.clone(),
        assessment,
    }))
}

#[derive(Deserialize, JsonSchema)]
pub struct CompareQuery {
    /// The older version's id.
    pub a: String,
    /// The newer version's id.
    pub b: String,
}

#[derive(Serialize, JsonSchema)]
pub struct SpanView {
    /// "equal", "inserted" or "deleted".
    pub kind: String,
    pub text: String,
}

#[derive(Serialize, JsonSchema)]
pub struct SectionView {
    /// The section's code: purpose, duty, expected_results, education …
    pub section: String,
    /// For duties: the numbers on each side; for other requirements, the label.
    pub old_key: Option<String>,
    pub new_key: Option<String>,
    /// "unchanged", "changed", "added" or "removed".
    pub change: String,
    pub similarity_percent: u32,
    pub old: String,
    pub new: String,
    /// Word-level spans in reading order (old text: equal + deleted; new: equal + inserted).
    pub spans: Vec<SpanView>,
}

#[derive(Serialize, JsonSchema)]
pub struct CompareView {
    pub a: JobDescriptionId,
    pub b: JobDescriptionId,
    pub sections: Vec<SectionView>,
}

async fn compare(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<CompareQuery>,
) -> Result<Json<CompareView>, ApiError> {
    let a = readable_version(&state, &ctx, &q.a).await?;
    let b = readable_version(&state, &ctx, &q.b).await?;
    let library = state.store.list_competencies().await?;
    let name = |id: &ametijuhend_domain::CompetencyId| {
        library
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let diff = compare_with_names(&a.jd, &b.jd, &name);
    Ok(Json(CompareView {
        a: a.jd.id.clone(),
        b: b.jd.id.clone(),
        sections: diff
            .sections
            .iter()
            .map(|s| SectionView {
                section: s.section.as_str().into(),
                old_key: s.old_key.clone(),
                new_key: s.new_key.clone(),
                change: match s.change {
                    Change::Unchanged => "unchanged",
                    Change::Changed => "changed",
                    Change::Added => "added",
                    Change::Removed => "removed",
                }
                .into(),
                similarity_percent: s.similarity_percent,
                old: s.old.clone(),
                new: s.new.clone(),
                spans: s
                    .words
                    .spans
                    .iter()
                    .map(|x| SpanView {
                        kind: match x.kind {
                            SpanKind::Equal => "equal",
                            SpanKind::Inserted => "inserted",
                            SpanKind::Deleted => "deleted",
                        }
                        .into(),
                        text: x.text.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, JsonSchema)]
pub struct ReviewsQuery {
    /// The day to compute for (YYYY-MM-DD or DD.MM.YYYY); today by default.
    pub today: Option<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct DueView {
    pub position: PositionId,
    pub title: String,
    pub job_description: JobDescriptionId,
    /// The due date (none when neither an approval date nor a review is known).
    pub due: Option<NaiveDate>,
    /// "overdue", "due_soon" or "unknown".
    pub state: String,
    /// Days overdue (positive) or until due (negative); none when unknown.
    pub days_overdue: Option<i64>,
}

#[derive(Serialize, JsonSchema)]
pub struct UnitDueView {
    pub unit: String,
    pub unit_name: String,
    pub overdue: Vec<DueView>,
    pub due_soon: Vec<DueView>,
    pub unknown: Vec<DueView>,
}

fn day_param(today: NaiveDate, raw: Option<&str>) -> Result<NaiveDate, ApiError> {
    match raw {
        None => Ok(today),
        Some(s) => parse_date(s).ok_or_else(|| {
            ApiError::bad_request(format!("today: '{s}' is not a date (YYYY-MM-DD)"))
        }),
    }
}

async fn reviews(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ReviewsQuery>,
    Query(paging): Query<ApiPageQuery>,
    uri: Uri,
) -> Result<(HeaderMap, Json<Vec<UnitDueView>>), ApiError> {
    let today = day_param(state.clock.today(), q.today.as_deref())?;
    let units = state.units().await?;
    let tree = UnitTree::new(&units);
    ctx.allowed(Permission::Read, Target::Registry, &tree)
        .map_err(denied)?;
    let reports = state
        .reports
        .for_day(state.store.as_ref(), today, state.clock.today())
        .await?;
    let view = |i: &ametijuhend_domain::review::DueItem| DueView {
        position: i.position.clone(),
        title: i.title.clone(),
        job_description: i.job_description.clone(),
        due: i.due,
        state: match i.state {
            DueState::Overdue { .. } => "overdue",
            DueState::DueSoon { .. } => "due_soon",
            DueState::Unknown => "unknown",
        }
        .into(),
        days_overdue: match i.state {
            DueState::Overdue { days } => Some(days),
            DueState::DueSoon { days } => Some(-days),
            DueState::Unknown => None,
        },
    };
    // Paged by position: a unit whose positions run over a page boundary is on both pages.
    let rows = reviews::visible_rows(&ctx, &tree, &reports.due, DEFAULT_HORIZON_DAYS);
    let page = paging
        .page_of(rows.len(), &uri)
        .map_err(ApiError::bad_request)?;
    let mut out: Vec<UnitDueView> = Vec::new();
    for (u, part, item) in rows
        .into_iter()
        .skip(page.range.start)
        .take(page.range.len())
    {
        if out.last().is_none_or(|v| v.unit != u.unit.as_str()) {
            out.push(UnitDueView {
                unit: u.unit.to_string(),
                unit_name: u.unit_name.clone(),
                overdue: vec![],
                due_soon: vec![],
                unknown: vec![],
            });
        }
        if let Some(v) = out.last_mut() {
            match part {
                DuePart::Overdue => v.overdue.push(view(item)),
                DuePart::DueSoon => v.due_soon.push(view(item)),
                DuePart::Unknown => v.unknown.push(view(item)),
            }
        }
    }
    Ok((page.headers, Json(out)))
}

#[derive(Serialize, JsonSchema)]
pub struct RecordView {
    /// "position", "job_description" or "substitution".
    pub kind: String,
    pub id: String,
    pub name: String,
    /// Where the record is shown in the web application.
    pub href: String,
}

#[derive(Serialize, JsonSchema)]
pub struct FindingView {
    /// The rule's stable code (job_family_out_of_range, review_overdue …).
    pub rule: String,
    /// "error" or "warning".
    pub severity: String,
    pub record: RecordView,
    pub related: Vec<RecordView>,
    pub message: String,
    pub fix: String,
}

async fn checks(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ReviewsQuery>,
    Query(paging): Query<ApiPageQuery>,
    uri: Uri,
) -> Result<(HeaderMap, Json<Vec<FindingView>>), ApiError> {
    let today = day_param(state.clock.today(), q.today.as_deref())?;
    let units = state.units().await?;
    let tree = UnitTree::new(&units);
    ctx.allowed(Permission::ReadHistory, Target::Registry, &tree)
        .map_err(denied)?;
    let reports = state
        .reports
        .for_day(state.store.as_ref(), today, state.clock.today())
        .await?;
    let record = |x: &ametijuhend_domain::lint::RecordRef| RecordView {
        kind: serde_json::to_value(x.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        id: x.id.clone(),
        name: x.name.clone(),
        href: checks::record_href(x),
    };
    let visible: Vec<_> = reports
        .findings
        .iter()
        .filter(|f| checks::may_see(&ctx, &tree, f))
        .collect();
    let page = paging
        .page_of(visible.len(), &uri)
        .map_err(ApiError::bad_request)?;
    Ok((
        page.headers,
        Json(
            visible[page.range]
                .iter()
                .map(|f| &f.finding)
                .map(|f| FindingView {
                    rule: f.rule.into(),
                    severity: f.severity.as_str().into(),
                    record: record(&f.record),
                    related: f.related.iter().map(record).collect(),
                    message: f.message.clone(),
                    fix: f.fix.clone(),
                })
                .collect(),
        ),
    ))
}

/// Adds the lifecycle paths to the OpenAPI document.
pub fn openapi_paths(
    generator: &mut SchemaGenerator,
    paths: &mut serde_json::Map<String, Value>,
    error: &Value,
) {
    let mut schema = |f: fn(&mut SchemaGenerator) -> schemars::Schema| f(generator).to_value();
    fn one<T: JsonSchema>(g: &mut SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<T>()
    }
    fn many<T: JsonSchema>(g: &mut SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<Vec<T>>()
    }
    let err =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": error}}});
    let ok =
        |s: Value| json!({"description": "OK", "content": {"application/json": {"schema": s}}});
    let id_param = json!([{"name": "id", "in": "path", "required": true, "description": "Job description (version) id", "schema": {"type": "string", "format": "uuid"}}]);
    let today_param = json!([{"name": "today", "in": "query", "required": false, "description": "The day to compute for (YYYY-MM-DD); today by default.", "schema": {"type": "string", "format": "date"}}]);
    let session = schema(one::<SessionView>);
    let actions = schema(one::<ActionsView>);
    let action = schema(one::<Action>);
    let transition = schema(one::<TransitionView>);
    let consent = schema(one::<ConsentView>);
    let compare = schema(one::<CompareView>);
    let reviews = schema(many::<UnitDueView>);
    let checks = schema(many::<FindingView>);
    paths.insert("/api/session".into(), json!({"get": {"operationId": "getSession", "summary": "The signed-in account and the CSRF token that the API's POST requests carry in the X-CSRF-Token header.", "responses": {"200": ok(session)}}}));
    paths.insert("/api/job-descriptions/{id}/actions".into(), json!({"get": {"operationId": "getActions", "summary": "The lifecycle actions the signed-in account may take on the version now, its status and transition history.", "parameters": id_param, "responses": {"200": ok(actions), "400": err("The id is not a UUID."), "404": err("No version with this id.")}}}));
    paths.insert("/api/job-descriptions/{id}/transitions".into(), json!({"post": {"operationId": "postTransition", "summary": "Performs a lifecycle action as the signed-in account (the domain decides; refusals carry its stable code). Needs Content-Type: application/json and the session's CSRF token in X-CSRF-Token. Putting a version in force supersedes the previous version in force in the same transaction.", "parameters": [id_param[0].clone(), {"name": "X-CSRF-Token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/session).", "schema": {"type": "string"}}], "requestBody": {"required": true, "content": {"application/json": {"schema": action}}}, "responses": {"200": ok(transition), "400": err("The body is not an action."), "403": err("The account may not do it (not_permitted), or the CSRF token or JSON content type is missing (csrf)."), "404": err("No version with this id."), "409": err("The version's status does not allow it (wrong_status, already_signed_off …) or it changed meanwhile (changed)."), "422": err("A precondition is not met: consent_missing, coordination_incomplete, not_acknowledged, comment_required, date_in_future …")}}}));
    paths.insert("/api/job-descriptions/{id}/consent".into(), json!({"get": {"operationId": "getConsent", "summary": "The consent rule's assessment of the version against the position's current document: needs the official's consent (with reasons) or not.", "parameters": id_param, "responses": {"200": ok(consent), "404": err("No version with this id.")}}}));
    paths.insert("/api/compare".into(), json!({"get": {"operationId": "compare", "summary": "Two versions (also of two positions) compared section by section, with word-level spans.", "parameters": [{"name": "a", "in": "query", "required": true, "description": "The older version's id.", "schema": {"type": "string", "format": "uuid"}}, {"name": "b", "in": "query", "required": true, "description": "The newer version's id.", "schema": {"type": "string", "format": "uuid"}}], "responses": {"200": ok(compare), "400": err("An id is not a UUID."), "404": err("No version with this id.")}}}));
    paths.insert("/api/reviews".into(), json!({"get": {"operationId": "listReviews", "summary": "Positions whose annual review is overdue, due within 30 days or of unknown date, by unit (Estonian order); a manager sees their units, staff their own position.", "parameters": today_param.clone(), "responses": {"200": ok(reviews), "400": err("The date is not a date.")}}}));
    paths.insert("/api/checks".into(), json!({"get": {"operationId": "listChecks", "summary": "The consistency checks' findings, each with the record and how to fix it (HR, administrators, auditors; managers: their units).", "parameters": today_param, "responses": {"200": ok(checks), "403": err("Staff do not see the checks.")}}}));
}
