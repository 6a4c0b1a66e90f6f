//! Positions: the list (with a simple search), one position with its current job description in
//! full, role card, supervisor chain, subordinates, substitutes both ways, holder and versions;
//! one version; adding, changing and removing positions is in `edit.rs`.
//!
//! A position is removed only while nothing refers to it: no job description versions (kept
//! for good), no subordinates, no substitution links and no holders. Otherwise the page says
//! which of these stands in the way.

mod edit;
use edit::*;

use super::document::{JdView, status_name};
use super::{
    Page, PageError, form_refusal, parse_id, render, render_status, sent_revision, ta, unit_tree,
};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::forms::{FieldErrors, Opt, non_empty};
use crate::i18n::{Arg, translate};
use crate::paging::{PER_PAGE, Pager, page_number, page_of};
use ametijuhend_app::positions::{self, PositionCommand};
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::position::{substituted_by, substitutes_for};
use ametijuhend_domain::text::sort_estonian_by;
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{
    JobDescriptionId, JobFamilyLevel, Position, PositionId, StaffGroup, Status, Unit, UnitId,
};
use ametijuhend_store::revision_of;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/positions", get(list).post(create))
        .route("/positions/new", get(new_form))
        .route("/positions/{id}", get(show).post(update))
        .route("/positions/{id}/edit", get(edit_form))
        .route("/positions/{id}/delete", post(delete))
        .route("/job-descriptions/{id}", get(version))
}

pub struct Row {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "positions.html")]
struct ListPage {
    p: Page,
    q: String,
    rows: Vec<Row>,
    summary: String,
    pager: Option<Pager>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    page: Option<String>,
}

fn unit_name(units: &[Unit], id: &UnitId) -> String {
    units
        .iter()
        .find(|u| &u.id == id)
        .map(|u| u.name().to_string())
        .unwrap_or_default()
}

#[tracing::instrument(skip_all)]
async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let query = q.q.clone().unwrap_or_default().trim().to_string();
    let needle = query.to_lowercase();
    // Light rows (title, unit, latest version): no job description is read. Only the rows of
    // the page shown are made into table rows.
    let all = state.position_list().await?;
    let found: Vec<&(ametijuhend_store::PositionListRow, String)> = all
        .iter()
        .filter(|(p, unit)| {
            needle.is_empty()
                || p.title.to_lowercase().contains(&needle)
                || unit.to_lowercase().contains(&needle)
        })
        .collect();
    let summary = super::tn(ctx.lang, "count-positions", found.len());
    let (range, pager) = page_of(
        ctx.lang,
        found.len(),
        page_number(q.page.as_deref()),
        PER_PAGE,
        |n| {
            let mut href = format!("/positions?page={n}");
            if !query.is_empty() {
                href.push_str("&q=");
                href.extend(percent_encoding::utf8_percent_encode(
                    &query,
                    percent_encoding::NON_ALPHANUMERIC,
                ));
            }
            href
        },
    );
    let rows: Vec<Row> = found[range]
        .iter()
        .map(|(p, unit)| Row {
            id: p.id.to_string(),
            status: p
                .latest
                .map(|(version, status)| format!("{version} {}", status_name(ctx.lang, status)))
                .unwrap_or_else(|| translate(ctx.lang, "position-no-versions", &[])),
            title: p.title.clone(),
            unit: unit.clone(),
        })
        .collect();
    let p = Page::new(
        &ctx,
        "positions",
        translate(ctx.lang, "positions-title", &[]),
    );
    Ok(render(&ListPage {
        p,
        q: query,
        rows,
        summary,
        pager,
    }))
}

pub struct VersionRow {
    pub id: String,
    pub version: u32,
    pub status: String,
    pub created: String,
    pub created_by: String,
}

#[derive(Template)]
#[template(path = "position.html")]
struct PositionPage {
    p: Page,
    id: String,
    unit: (String, String),
    staff_group: String,
    job_family: String,
    role_card: Option<(String, String)>,
    chain: Vec<(String, String)>,
    subordinates: Vec<(String, String)>,
    substitutes_for: Vec<(String, String)>,
    substituted_by: Vec<(String, String)>,
    holder: Option<String>,
    holder_hidden: bool,
    versions: Vec<VersionRow>,
    jd: Option<JdView>,
    showing_draft: bool,
    can_edit: bool,
    /// The job description editor opens: the account may edit and the newest version is not
    /// in coordination (the editor would refuse it; see `workflow::edit_refusal`).
    can_edit_jd: bool,
    can_history: bool,
    removal_blocked: Vec<String>,
    /// Reviews, comparing versions, a draft from a role card (see `reviews`).
    workflow: Option<super::reviews::PositionPanel>,
    /// Set when a removal was just refused: the page says so at the top.
    removal_refused: bool,
    /// After a draft was discarded (`?discarded=N`): the confirmation, focused.
    discarded: Option<String>,
}

fn link(all: &[Position], id: &PositionId) -> (String, String) {
    let title = all
        .iter()
        .find(|p| &p.id == id)
        .map(Position::full_title)
        .unwrap_or_else(|| id.to_string());
    (id.to_string(), title)
}

#[tracing::instrument(skip_all)]
async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    position_page(&state, &ctx, id, false).await
}

/// The position page; `removal_refused` adds the notice that a removal was refused.
async fn position_page(
    state: &AppState,
    ctx: &Ctx,
    id: PositionId,
    removal_refused: bool,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(state).await?;
    // The position, its supervisor chain, subordinates and substitution partners.
    let all = state.store.position_neighbourhood(&id).await?;
    let position = all.iter().find(|p| p.id == id).ok_or(PageError::NotFound)?;
    let target = Target::Position {
        id: &id,
        unit: &position.unit,
    };
    ctx.require(Permission::Read, target, &tree)?;
    let lang = ctx.lang;

    // The supervisor chain, nearest first (stops at a cycle).
    let mut chain = Vec::new();
    let mut cur = position.supervisor.clone();
    while let Some(s) = cur {
        if s == id
            || chain
                .iter()
                .any(|(c, _): &(String, String)| c == s.as_str())
        {
            break;
        }
        chain.push(link(&all, &s));
        cur = all
            .iter()
            .find(|p| p.id == s)
            .and_then(|p| p.supervisor.clone());
    }
    let mut subordinates: Vec<(String, String)> = all
        .iter()
        .filter(|p| p.supervisor.as_ref() == Some(&id))
        .map(|p| (p.id.to_string(), p.full_title()))
        .collect();
    sort_estonian_by(&mut subordinates, |x| &x.1);
    let links = state.store.substitutions_of(&id).await?;
    let mut subs_for: Vec<_> = substitutes_for(&links, &id)
        .map(|p| link(&all, p))
        .collect();
    let mut subs_by: Vec<_> = substituted_by(&links, &id).map(|p| link(&all, p)).collect();
    sort_estonian_by(&mut subs_for, |x| &x.1);
    sort_estonian_by(&mut subs_by, |x| &x.1);

    let may_see_holder = ctx.can(Permission::SeeHolder, target, &tree);
    let today = state.clock.today();
    let holder = match position.holder_on(today) {
        Some(person) if may_see_holder => state.store.get_person(person).await?.map(|p| p.name),
        _ => None,
    };
    let holder_hidden = !may_see_holder && position.holder_on(today).is_some();

    let versions = state.store.list_job_descriptions(&id).await?;
    let library = state.store.list_competencies().await?;
    let shown = current_version(&versions, &id).or_else(|| latest_version(&versions, &id));
    let showing_draft = shown.is_some_and(|v| !v.status.is_valid_document());
    let role_card = match &position.role_card {
        Some(c) => state
            .store
            .get_role_card(c)
            .await?
            .map(|c| (c.id.to_string(), c.display_title())),
        None => None,
    };
    let mut removal_blocked = Vec::new();
    if !versions.is_empty() {
        removal_blocked.push(translate(lang, "position-remove-has-versions", &[]));
    }
    if !subordinates.is_empty() {
        removal_blocked.push(translate(lang, "position-remove-has-subordinates", &[]));
    }
    if !links.is_empty() {
        removal_blocked.push(translate(lang, "position-remove-has-substitutes", &[]));
    }
    if !position.assignments.is_empty() {
        removal_blocked.push(translate(lang, "position-remove-has-holders", &[]));
    }
    let p = Page::new(ctx, "positions", position.full_title());
    let workflow = Some(super::reviews::position_panel(state, ctx, position).await?);
    Ok(render(&PositionPage {
        id: id.to_string(),
        unit: (position.unit.to_string(), unit_name(&units, &position.unit)),
        staff_group: translate(
            lang,
            &format!("staff-group-{}", position.staff_group.as_str()),
            &[],
        ),
        job_family: position
            .job_family
            .as_ref()
            .map(|j| format!("{} {}", j.family, j.level))
            .unwrap_or_else(|| "–".into()),
        role_card,
        chain,
        subordinates,
        substitutes_for: subs_for,
        substituted_by: subs_by,
        holder,
        holder_hidden,
        versions: versions
            .iter()
            .rev()
            .map(|v| VersionRow {
                id: v.id.to_string(),
                version: v.version,
                status: status_name(lang, v.status),
                created: super::instant(v.created_at),
                created_by: v.created_by.clone().unwrap_or_else(|| "–".into()),
            })
            .collect(),
        jd: shown.map(|v| {
            let view = JdView::new(lang, v, &library);
            if may_see_holder {
                view
            } else {
                view.without_names()
            }
        }),
        showing_draft,
        can_edit: ctx.can(Permission::Edit, target, &tree),
        can_edit_jd: ctx.can(Permission::Edit, target, &tree)
            && latest_version(&versions, &id).is_none_or(|v| v.status != Status::InCoordination),
        can_history: ctx.can(Permission::ReadHistory, target, &tree),
        removal_blocked,
        workflow,
        removal_refused,
        discarded: super::discard::done_notice(lang, &ctx.path),
        p,
    }))
}

#[derive(Template)]
#[template(path = "version.html")]
struct VersionPage {
    p: Page,
    position: (String, String),
    jd: JdView,
    saved: bool,
    /// The lifecycle: status, history, consent, actions (see `workflow`).
    lifecycle: Option<super::lifecycle::LifecyclePanel>,
    /// The container to sign, the upload form and the stored containers (see `signatures`).
    signatures: super::signatures::SignaturesPanel,
}

#[derive(Deserialize)]
pub struct VersionQuery {
    saved: Option<String>,
}

#[tracing::instrument(skip_all)]
async fn version(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<VersionQuery>,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    let (jd, position, tree) = super::version_for(&state, &ctx, &id, Permission::Read).await?;
    let library = state.store.list_competencies().await?;
    let title = ta(
        ctx.lang,
        "version-title",
        &[
            ("title", Arg::from(position.full_title())),
            ("version", Arg::from(jd.version)),
        ],
    );
    let lifecycle = super::lifecycle::panel(&state, &ctx, &jd).await?;
    let signatures = super::signatures::version_panel(&state, &ctx, &jd, &position, &tree).await?;
    let view = JdView::new(ctx.lang, &jd, &library);
    let target = Target::Position {
        id: &position.id,
        unit: &position.unit,
    };
    let view = if ctx.can(Permission::SeeHolder, target, &tree) {
        view
    } else {
        view.without_names()
    };
    Ok(render(&VersionPage {
        p: Page::new(&ctx, "positions", title),
        position: (position.id.to_string(), position.full_title()),
        jd: view,
        saved: q.saved.is_some(),
        lifecycle,
        signatures,
    }))
}
