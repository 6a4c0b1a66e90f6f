//! "Minu ülesanded": the signed-in person's tasks (the application layer's
//! [`ametijuhend_app::tasks`]) — on the start page each list's first rows, on `/tasks?step=…`
//! one list in full, a page at a time, and as JSON at `GET /api/tasks`. Each row links to the
//! version's lifecycle panel, where the step is one click away.

use super::document::status_name;
use super::{Page, PageError, date, render};
use crate::AppState;
use crate::auth::Ctx;
use crate::error::ApiError;
use crate::i18n::{Arg, Lang, translate};
use crate::paging::{PageQuery, Pager, page_of};
use ametijuhend_app::Principal;
use ametijuhend_app::tasks::{self, TaskSection, Tasks};
use ametijuhend_domain::workflow::NextStep;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde::Deserialize;

/// Rows of each list on the start page.
pub const ON_START_PAGE: u32 = 5;
/// Rows on a page of one list, and in each list of the JSON answer.
pub const PER_LIST_PAGE: u32 = 25;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tasks", get(list_page))
        .route("/api/tasks", get(api_tasks))
}

/// A task row as the pages show it.
pub struct ItemView {
    pub href: String,
    pub title: String,
    pub unit: String,
    pub version: String,
    pub status: String,
    pub effective_from: String,
}

/// One list as the pages show it.
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub hint: String,
    pub total: u64,
    pub items: Vec<ItemView>,
    /// "All (12)" and its address, when the list has more than is shown.
    pub more: Option<(String, String)>,
}

/// A directive to register, as the start page shows it.
pub struct DirectiveView {
    pub href: String,
    pub title: String,
    pub annexes: String,
}

/// The start page's task part.
pub struct TasksView {
    pub sections: Vec<SectionView>,
    pub directives: Vec<DirectiveView>,
    pub total: u64,
}

/// The list's title: what waits, from the reader's side.
fn title(lang: Lang, s: &TaskSection) -> String {
    let key = match (s.step, s.scope) {
        (NextStep::Acknowledge, "own_position") => "task-acknowledge-own".to_string(),
        (NextStep::Submit, "started_by_me") => "task-submit-mine".to_string(),
        (NextStep::SignOffAsSupervisor, "without_manager") => {
            "task-sign-off-as-supervisor-without-manager".to_string()
        }
        (step, _) => format!("task-{}", step.as_str().replace('_', "-")),
    };
    translate(lang, &key, &[])
}

fn hint(lang: Lang, step: NextStep) -> String {
    translate(
        lang,
        &format!("task-{}-hint", step.as_str().replace('_', "-")),
        &[],
    )
}

fn section_view(lang: Lang, s: &TaskSection, more: bool) -> SectionView {
    let items = s
        .items
        .iter()
        .map(|i| ItemView {
            href: format!("/job-descriptions/{}#wf-heading", i.job_description),
            title: i.title.clone(),
            unit: i.unit.clone(),
            version: format!("{} {}", translate(lang, "jd-version", &[]), i.version),
            status: status_name(lang, i.status),
            effective_from: i.effective_from.map(date).unwrap_or_default(),
        })
        .collect();
    SectionView {
        id: format!("tasks-{}-{}", s.step.as_str(), s.scope),
        title: title(lang, s),
        hint: if s.scope == "without_manager" {
            translate(
                lang,
                "task-sign-off-as-supervisor-without-manager-hint",
                &[],
            )
        } else {
            hint(lang, s.step)
        },
        total: s.total,
        items,
        more: (more && s.total > s.items.len() as u64).then(|| {
            (
                format!("/tasks?step={}", s.step.as_str()),
                translate(lang, "tasks-all", &[("count", Arg::from(s.total as usize))]),
            )
        }),
    }
}

/// The principal's tasks for the start page (None for an anonymous visitor).
pub async fn start_page_tasks(state: &AppState, ctx: &Ctx) -> Result<Option<TasksView>, PageError> {
    let Some(user) = ctx.user.as_ref() else {
        return Ok(None);
    };
    let t: std::sync::Arc<Tasks> = state.tasks_of(user, ON_START_PAGE).await?;
    let lang = ctx.lang;
    Ok(Some(TasksView {
        sections: t
            .sections
            .iter()
            .map(|s| section_view(lang, s, true))
            .collect(),
        directives: t
            .directives_to_register
            .iter()
            .map(|d| DirectiveView {
                href: format!("/directives/{}#register", d.id),
                title: d.title.clone(),
                annexes: crate::pages::tn(lang, "task-annexes", d.annexes),
            })
            .collect(),
        total: t.total,
    }))
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    step: String,
    #[serde(default)]
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "tasks.html")]
struct ListPage {
    p: Page,
    sections: Vec<(SectionView, Option<Pager>)>,
}

#[tracing::instrument(skip_all)]
async fn list_page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let step = NextStep::parse(q.step.trim()).ok_or(PageError::NotFound)?;
    let user = ctx.user.as_ref().ok_or(PageError::NotFound)?;
    let number = PageQuery {
        page: q.page.clone(),
    }
    .number();
    let per = PER_LIST_PAGE as usize;
    let offset = u32::try_from((number - 1) * per).unwrap_or(u32::MAX);
    let lists = tasks::list(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(user),
        step,
        offset,
        PER_LIST_PAGE,
    )
    .await?;
    let lang = ctx.lang;
    let sections = lists
        .iter()
        .map(|s| {
            let (_, pager) = page_of(lang, s.total as usize, number, per, |n| {
                format!("/tasks?step={}&page={n}", step.as_str())
            });
            (section_view(lang, s, false), pager)
        })
        .collect();
    let heading = translate(
        lang,
        &format!("task-{}", step.as_str().replace('_', "-")),
        &[],
    );
    Ok(render(&ListPage {
        p: Page::new(&ctx, "home", heading),
        sections,
    }))
}

#[tracing::instrument(skip_all)]
async fn api_tasks(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Json<Tasks>, ApiError> {
    let user = ctx.user.as_ref().ok_or_else(|| ApiError {
        status: axum::http::StatusCode::UNAUTHORIZED,
        code: "unauthenticated",
        message: "sign in first".into(),
    })?;
    let t = state.tasks_of(user, PER_LIST_PAGE).await?;
    Ok(Json((*t).clone()))
}
