//! Annual reviews: the report by unit (`/reviews`: overdue, due within 30 days, date unknown; units
//! in Estonian order) and recording a review of a position's current version (date, the
//! signed-in reviewer, outcome "no change" or "new version started" — the latter starts a
//! draft). Also the lifecycle part of a position's page: its review state, recording a review,
//! and starting a draft from its role card.
//!
//! Who sees a position in the report: whoever may read its history (HR, administrators,
//! auditors: all; managers: their units), and staff their own position. Who records a review or
//! starts a draft: whoever may edit the position (HR, administrators, the managers of its unit).

use super::lifecycle::refused;
use super::{Page, PageError, date, parse_id, render, ta, unit_tree};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::forms::Opt;
use crate::i18n::{Arg, Lang, translate};
use crate::paging::{PER_PAGE, PageQuery, Pager, page_of};
use ametijuhend_app::{AppError, Principal, drafts, reviews};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::review::{
    DEFAULT_HORIZON_DAYS, DueItem, DueState, ReviewError, ReviewOutcome, ReviewRecord, UnitDue,
    due_item,
};
use ametijuhend_domain::text::sort_estonian_by;
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{
    JobDescription, Position, PositionId, Registry, RoleCardId, Status, UnitId,
};
use ametijuhend_store::User;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reviews", get(report))
        .route("/positions/{id}/reviews", post(record))
        .route("/positions/{id}/draft-from-role-card", post(from_role_card))
}

/// True when the account sees the position (`id` in `unit`) in review lists (see the module
/// documentation); the decision is `access::visibility::follows`.
pub fn may_see_at(ctx: &Ctx, tree: &UnitTree, id: &PositionId, unit: &UnitId) -> bool {
    ctx.principal()
        .is_some_and(|who| ametijuhend_domain::access::visibility::follows(&who, id, unit, tree))
}
/// Which part of a unit's list a row of the report is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuePart {
    Overdue,
    DueSoon,
    Unknown,
}

/// The rows of the review report the account sees, due within `horizon_days` (of the kept
/// report's horizon), unit by unit: overdue, due soon, date unknown.
pub fn visible_rows<'a>(
    ctx: &Ctx,
    tree: &UnitTree,
    due: &'a [UnitDue],
    horizon_days: u32,
) -> Vec<(&'a UnitDue, DuePart, &'a DueItem)> {
    let mut out = Vec::new();
    for u in due {
        let visible = |i: &&DueItem| may_see_at(ctx, tree, &i.position, &u.unit);
        let soon = |i: &&DueItem| !matches!(i.state, DueState::DueSoon { days } if days > i64::from(horizon_days));
        out.extend(
            u.overdue
                .iter()
                .filter(visible)
                .map(|i| (u, DuePart::Overdue, i)),
        );
        out.extend(
            u.due_soon
                .iter()
                .filter(visible)
                .filter(soon)
                .map(|i| (u, DuePart::DueSoon, i)),
        );
        out.extend(
            u.unknown
                .iter()
                .filter(visible)
                .map(|i| (u, DuePart::Unknown, i)),
        );
    }
    out
}

/// The state of a review in words ("3 päeva üle tähtaja").
pub fn state_text(lang: Lang, s: DueState) -> String {
    match s {
        DueState::Overdue { days } => ta(
            lang,
            "wf-review-overdue-days",
            &[("count", Arg::from(days))],
        ),
        DueState::DueSoon { days } => {
            ta(lang, "wf-review-due-in-days", &[("count", Arg::from(days))])
        }
        DueState::Unknown => translate(lang, "wf-review-unknown", &[]),
    }
}

pub struct DueRowView {
    pub id: String,
    pub title: String,
    pub due: String,
    pub state: String,
}

pub struct UnitView {
    pub id: String,
    pub name: String,
    pub overdue: Vec<DueRowView>,
    pub due_soon: Vec<DueRowView>,
    pub unknown: Vec<DueRowView>,
}

#[derive(Template)]
#[template(path = "workflow_reviews.html")]
struct ReportPage {
    p: Page,
    units: Vec<UnitView>,
    today: String,
    pager: Option<Pager>,
}

fn row(lang: Lang, i: &DueItem) -> DueRowView {
    DueRowView {
        id: i.position.to_string(),
        title: i.title.clone(),
        due: i.due.map(date).unwrap_or_else(|| "–".into()),
        state: state_text(lang, i.state),
    }
}

#[tracing::instrument(skip_all)]
async fn report(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let today = state.clock.today();
    let reports = state.reports.get(state.store.as_ref(), today).await?;
    let rows = visible_rows(&ctx, &tree, &reports.due, DEFAULT_HORIZON_DAYS);
    let (range, pager) = page_of(lang, rows.len(), q.number(), PER_PAGE, |n| {
        format!("/reviews?page={n}")
    });
    // The page's rows, grouped by unit again (a unit continued from the previous page is
    // headed again).
    let mut units: Vec<UnitView> = Vec::new();
    for (u, part, item) in &rows[range] {
        if units.last().is_none_or(|v| v.id != u.unit.as_str()) {
            units.push(UnitView {
                id: u.unit.to_string(),
                name: u.unit_name.clone(),
                overdue: vec![],
                due_soon: vec![],
                unknown: vec![],
            });
        }
        if let Some(view) = units.last_mut() {
            let list = match part {
                DuePart::Overdue => &mut view.overdue,
                DuePart::DueSoon => &mut view.due_soon,
                DuePart::Unknown => &mut view.unknown,
            };
            list.push(row(lang, item));
        }
    }
    let p = Page::new(&ctx, "reviews", translate(lang, "wf-reviews-title", &[]));
    Ok(render(&ReportPage {
        p,
        units,
        today: date(today),
        pager,
    }))
}

/// The lifecycle part of a position's page.
pub struct PositionPanel {
    pub id: String,
    /// "due 06.03.2026 (in 12 days)", or empty.
    pub review: String,
    pub last_review: String,
    /// The account may record a review (the position has a current version).
    pub can_review: bool,
    /// The account may start a draft from a role card.
    pub can_draft: bool,
    pub cards: Vec<Opt>,
    pub today: String,
    /// Versions to compare: (id, label) newest first.
    pub versions: Vec<(String, String)>,
}

/// The position panel for the signed-in account.
pub async fn position_panel(
    state: &AppState,
    ctx: &Ctx,
    position: &Position,
) -> Result<PositionPanel, PageError> {
    let lang = ctx.lang;
    // What the panel needs of the registry (not the whole export with stored documents).
    let r = Registry {
        units: state.store.list_units().await?,
        positions: vec![position.clone()],
        role_cards: state.store.list_role_cards().await?,
        job_descriptions: state.store.list_job_descriptions(&position.id).await?,
        ..Registry::default()
    };
    let tree = UnitTree::new(&r.units);
    let today = state.clock.today();
    let may_edit = ctx.can(
        Permission::Edit,
        Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        &tree,
    );
    let item = due_item(&r, &position.id, today, u32::MAX);
    let review = item
        .as_ref()
        .map(|i| match i.due {
            Some(d) => format!("{} ({})", date(d), state_text(lang, i.state)),
            None => state_text(lang, i.state),
        })
        .unwrap_or_default();
    let mut reviews: Vec<&ReviewRecord> = r
        .job_descriptions
        .iter()
        .filter(|j| j.position == position.id)
        .flat_map(|j| j.workflow.reviews.iter())
        .collect();
    reviews.sort_by_key(|x| x.date);
    let last_review = reviews
        .last()
        .map(|x| {
            ta(
                lang,
                "wf-review-last",
                &[
                    ("date", Arg::from(date(x.date))),
                    (
                        "by",
                        Arg::from(
                            x.reviewer_name
                                .clone()
                                .unwrap_or_else(|| x.reviewer.clone()),
                        ),
                    ),
                    ("outcome", Arg::from(outcome_text(lang, &x.outcome))),
                ],
            )
        })
        .unwrap_or_default();
    let versions: Vec<&JobDescription> = r
        .job_descriptions
        .iter()
        .filter(|j| j.position == position.id)
        .collect();
    let latest_status = latest_version(versions.iter().copied(), &position.id).map(|v| v.status);
    let mut cards: Vec<Opt> = r
        .role_cards
        .iter()
        .map(|c| {
            Opt::new(
                c.id.to_string(),
                c.display_title(),
                position
                    .role_card
                    .as_ref()
                    .map(|x| x.as_str())
                    .unwrap_or(""),
            )
        })
        .collect();
    sort_estonian_by(&mut cards, |o| &o.label);
    let mut labelled: Vec<(u32, String, String)> = versions
        .iter()
        .map(|v| {
            (
                v.version,
                v.id.to_string(),
                super::compare::label(lang, &r.positions, v),
            )
        })
        .collect();
    labelled.sort_by_key(|v| std::cmp::Reverse(v.0));
    Ok(PositionPanel {
        id: position.id.to_string(),
        review,
        last_review,
        can_review: may_edit && current_version(versions.iter().copied(), &position.id).is_some(),
        can_draft: may_edit && latest_status != Some(Status::InCoordination) && !cards.is_empty(),
        cards,
        today: today.to_string(),
        versions: labelled.into_iter().map(|(_, id, l)| (id, l)).collect(),
    })
}

fn outcome_text(lang: Lang, o: &ReviewOutcome) -> String {
    match o {
        ReviewOutcome::NoChange => translate(lang, "wf-review-no-change", &[]),
        ReviewOutcome::NewVersionStarted { .. } => translate(lang, "wf-review-new-version", &[]),
    }
}

fn review_refusal(lang: Lang, e: &ReviewError) -> String {
    let key = format!("wf-review-refused-{}", e.code().replace('_', "-"));
    let args: Vec<(&str, Arg)> = match e {
        ReviewError::DateInFuture { date: d, today } => vec![
            ("date", Arg::from(date(*d))),
            ("today", Arg::from(date(*today))),
        ],
        ReviewError::BeforeApproval {
            date: d,
            approved_on,
        } => vec![
            ("date", Arg::from(date(*d))),
            ("approved", Arg::from(date(*approved_on))),
        ],
        _ => vec![],
    };
    ta(lang, &key, &args)
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    comment: String,
}

async fn editable_position(
    state: &AppState,
    ctx: &Ctx,
    raw: &str,
) -> Result<(Position, User), PageError> {
    let id: PositionId = parse_id(raw)?;
    let position = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let (_, tree) = unit_tree(state).await?;
    ctx.require(
        Permission::Edit,
        Target::Position {
            id: &id,
            unit: &position.unit,
        },
        &tree,
    )?;
    let user = ctx.user.clone().ok_or(PageError::NotFound)?;
    Ok((position, user))
}

#[tracing::instrument(skip_all)]
async fn record(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let (position, user) = editable_position(&state, &ctx, &id).await?;
    let back = format!("/positions/{}", position.id);
    let lang = ctx.lang;
    let Some(day) = parse_date(&f.date) else {
        return Ok(refused(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            translate(lang, "error-date", &[]),
            back,
        ));
    };
    let new_version = match f.outcome.as_str() {
        "no_change" => false,
        "new_version" => true,
        _ => {
            return Ok(refused(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                translate(lang, "wf-review-choose-outcome", &[]),
                back,
            ));
        }
    };
    let recorded = match reviews::ReviewCommand::new(day, new_version, Some(&f.comment)) {
        Ok(cmd) => {
            reviews::record(
                state.store.as_ref(),
                state.clock.as_ref(),
                &Principal::of(&user),
                &position.id,
                cmd,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match recorded {
        Ok(reviews::Reviewed {
            draft: Some(draft), ..
        }) => Ok(redirect(&format!("/job-descriptions/{draft}?reviewed=1"))),
        Ok(_) => Ok(redirect(&format!("{back}?reviewed=1#wf-position"))),
        Err(AppError::Review(e)) => Ok(refused(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            review_refusal(lang, &e),
            back,
        )),
        Err(AppError::Conflict { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(lang, "wf-review-no-current", &[]),
            back,
        )),
        Err(AppError::Stale { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(lang, "wf-refused-changed", &[]),
            back,
        )),
        Err(e @ AppError::Invalid(_)) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT);
            Ok(refused(
                &ctx,
                status,
                super::lifecycle::app_refusal_text(lang, &e),
                back,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct CardForm {
    #[serde(default)]
    role_card: String,
}

#[tracing::instrument(skip_all)]
async fn from_role_card(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<CardForm>,
) -> Result<Response, PageError> {
    let (position, user) = editable_position(&state, &ctx, &id).await?;
    let back = format!("/positions/{}", position.id);
    let card = RoleCardId::parse(f.role_card.trim()).ok();
    let made = drafts::from_role_card(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(&user),
        &position.id,
        card.as_ref(),
    )
    .await;
    match made {
        Ok(saved) => Ok(redirect(&format!(
            "/job-descriptions/{}?saved=1",
            saved.id()
        ))),
        Err(AppError::Conflict { .. }) => {
            // The latest version is in coordination: the lifecycle's refusal says so.
            let versions = state.store.list_job_descriptions(&position.id).await?;
            match super::lifecycle::edit_refusal(&ctx, &position, &versions) {
                Some(refusal) => Ok(refusal),
                None => Ok(refused(
                    &ctx,
                    StatusCode::CONFLICT,
                    translate(ctx.lang, "wf-refused-changed", &[]),
                    back,
                )),
            }
        }
        Err(AppError::Invalid(_)) => Ok(refused(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            translate(ctx.lang, "wf-card-choose", &[]),
            back,
        )),
        Err(AppError::Stale { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(ctx.lang, "wf-refused-changed", &[]),
            back,
        )),
        Err(e) => Err(e.into()),
    }
}
