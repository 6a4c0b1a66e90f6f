//! Role card follow-up (`/card-updates`): the job descriptions written from an older revision of
//! their role card, each with the card's changes as a word diff, and the manager's two answers:
//! take the change in (a new draft) or dismiss it. Visible to whoever may edit the position.

use super::lifecycle::refused;
use super::{Page, PageError, parse_id, render, unit_tree};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::i18n::translate;
use crate::paging::{PER_PAGE, PageQuery, Pager, page_of};
use ametijuhend_app::{AppError, Principal, drafts};
use ametijuhend_domain::JobDescriptionId;
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::diff::SpanKind;
use ametijuhend_domain::from_role_card::{card_update, dismiss_card_update};
use ametijuhend_store::{AuditEntry, ChangeSet, StoreError};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/card-updates", get(list))
        .route("/job-descriptions/{id}/card-update/take-in", post(take_in))
        .route("/job-descriptions/{id}/card-update/dismiss", post(dismiss))
}

pub struct FieldView {
    pub field: String,
    pub old: Vec<super::compare::Piece>,
    pub new: Vec<super::compare::Piece>,
}

pub struct UpdateView {
    pub jd: String,
    pub title: String,
    pub position: String,
    pub card: String,
    pub from: u32,
    pub to: u32,
    pub fields: Vec<FieldView>,
}

#[derive(Template)]
#[template(path = "workflow_cards.html")]
struct ListPage {
    p: Page,
    updates: Vec<UpdateView>,
    pager: Option<Pager>,
}

#[tracing::instrument(skip_all)]
async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Edit, Target::Registry, &tree)?;
    let reports = state
        .reports
        .get(state.store.as_ref(), state.clock.today())
        .await?;
    let piece = |kind: SpanKind, text: &str| super::compare::Piece {
        kind: match kind {
            SpanKind::Equal => "equal",
            SpanKind::Inserted => "ins",
            SpanKind::Deleted => "del",
        },
        text: text.to_string(),
    };
    let mine: Vec<_> = reports
        .card_updates
        .iter()
        .filter(|u| {
            ctx.can(
                Permission::Edit,
                Target::Position {
                    id: &u.position.id,
                    unit: &u.position.unit,
                },
                &tree,
            )
        })
        .collect();
    let (range, pager) = page_of(lang, mine.len(), q.number(), PER_PAGE, |n| {
        format!("/card-updates?page={n}")
    });
    let updates = mine[range]
        .iter()
        .map(|located| {
            let u = &located.update;
            UpdateView {
                jd: u.job_description.to_string(),
                title: located.position.title.clone(),
                position: located.position.id.to_string(),
                card: located.card_title.clone(),
                from: u.from_revision,
                to: u.to_revision,
                fields: u
                    .changes
                    .iter()
                    .map(|c| FieldView {
                        field: translate(
                            lang,
                            &format!("wf-card-field-{}", c.field.as_str().replace('_', "-")),
                            &[],
                        ),
                        old: c.words.old_side().map(|s| piece(s.kind, &s.text)).collect(),
                        new: c.words.new_side().map(|s| piece(s.kind, &s.text)).collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let p = Page::new(&ctx, "positions", translate(lang, "wf-cards-title", &[]));
    Ok(render(&ListPage { p, updates, pager }))
}

#[derive(Deserialize, Default)]
pub struct DismissForm {
    #[serde(default)]
    comment: String,
}

/// The version, its position and its pending card update, for an account that may edit it.
async fn pending(
    state: &AppState,
    ctx: &Ctx,
    raw: &str,
) -> Result<
    Option<(
        ametijuhend_domain::JobDescription,
        ametijuhend_domain::RoleCard,
        Vec<ametijuhend_domain::JobDescription>,
    )>,
    PageError,
> {
    let id: JobDescriptionId = parse_id(raw)?;
    let (jd, position, _) = super::version_for(state, ctx, &id, Permission::Edit).await?;
    let Some(from) = &jd.written_from else {
        return Ok(None);
    };
    let Some(card) = state.store.get_role_card(&from.role_card).await? else {
        return Ok(None);
    };
    if card_update(&jd, &card).is_none() {
        return Ok(None);
    }
    let versions = state.store.list_job_descriptions(&position.id).await?;
    Ok(Some((jd, card, versions)))
}

#[tracing::instrument(skip_all)]
async fn take_in(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    // 404 for an unknown version, the 403 page for one the account may not edit.
    super::version_for(&state, &ctx, &id, Permission::Edit).await?;
    let who = ctx
        .user
        .as_ref()
        .map(Principal::of)
        .ok_or(PageError::NotFound)?;
    let refused_with = |key: &str, status: StatusCode| {
        Ok(refused(
            &ctx,
            status,
            translate(ctx.lang, key, &[]),
            "/card-updates".into(),
        ))
    };
    match drafts::take_in_card_update(state.store.as_ref(), state.clock.as_ref(), &who, &id).await {
        Ok((saved, _)) => Ok(redirect(&format!(
            "/job-descriptions/{}?saved=1",
            saved.id()
        ))),
        Err(AppError::Conflict {
            code: "no_card_update",
            ..
        }) => refused_with("wf-card-none", StatusCode::CONFLICT),
        Err(AppError::Conflict { .. } | AppError::Stale { .. }) => {
            refused_with("wf-refused-changed", StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}

#[tracing::instrument(skip_all)]
async fn dismiss(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<DismissForm>,
) -> Result<Response, PageError> {
    let Some((jd, card, _)) = pending(&state, &ctx, &id).await? else {
        return Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(ctx.lang, "wf-card-none", &[]),
            "/card-updates".into(),
        ));
    };
    let mut after = jd.clone();
    let comment = Some(f.comment.trim().to_string()).filter(|c| !c.is_empty());
    dismiss_card_update(
        &mut after,
        &card,
        &ctx.account(),
        state.clock.timestamp(),
        comment,
    );
    let audit = AuditEntry::new(
        state.clock.timestamp(),
        ctx.account(),
        "job_description.card_update_dismissed",
        "position",
        &jd.position,
    )
    .before(&jd)
    .after(&after);
    match state
        .store
        .apply_audited_if_unchanged(
            &ChangeSet {
                job_descriptions: vec![after],
                ..ChangeSet::default()
            },
            &[jd],
            &[audit],
        )
        .await
    {
        Ok(()) => Ok(redirect("/card-updates?dismissed=1")),
        Err(StoreError::Changed { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(ctx.lang, "wf-refused-changed", &[]),
            "/card-updates".into(),
        )),
        Err(e) => Err(e.into()),
    }
}
