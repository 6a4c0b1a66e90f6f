//! The start page: the person's tasks first ([`super::tasks`]), then record counts, positions without a valid job description, reviews due, and
//! the latest changes (for accounts that may read the audit trail). The counts are one query;
//! the two lists are pages of the kept registry-wide reports (`crate::reports`); the changes
//! read the ten latest audit events and the positions they name.

use super::{Page, PageError, date, instant, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::translate;
use crate::paging::{PER_PAGE, Pager, page_number, page_of};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::review::{DueItem, DueState, UnitDue};
use ametijuhend_domain::{Directive, DirectiveId, Position, PositionId, Unit, UnitId};
use ametijuhend_store::AuditEvent;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

pub struct Count {
    pub number: u64,
    pub label: String,
    pub href: &'static str,
}

pub struct PositionLink {
    pub id: String,
    pub title: String,
    pub unit: String,
}

pub struct DueRow {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub due: String,
    pub state: String,
}

pub struct ChangeRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub href: String,
    pub record: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    p: Page,
    tasks: Option<super::tasks::TasksView>,
    counts: Vec<Count>,
    without_valid: Vec<PositionLink>,
    without_pager: Option<Pager>,
    due: Vec<DueRow>,
    due_pager: Option<Pager>,
    changes: Option<Vec<ChangeRow>>,
    own_position: Option<PositionLink>,
}

fn unit_name(units: &[Unit], id: &UnitId) -> String {
    units
        .iter()
        .find(|u| &u.id == id)
        .map(|u| u.name().to_string())
        .unwrap_or_default()
}

/// The label of an audit action ("unit.created" → the text `action-unit-created`).
pub fn action_label(lang: crate::i18n::Lang, action: &str) -> String {
    translate(
        lang,
        &format!("action-{}", action.replace(['.', '_'], "-")),
        &[],
    )
}

/// Where a record of the audit trail is shown, and its name (`positions`, `directives`: the
/// records the events name, as far as they exist).
pub fn record_link(
    units: &[Unit],
    positions: &[Position],
    directives: &[Directive],
    kind: &str,
    id: &str,
) -> (String, String) {
    match kind {
        "directive" => (
            format!("/directives/{id}"),
            directives
                .iter()
                .find(|d| d.id.as_str() == id)
                .map(|d| d.number.clone().unwrap_or_else(|| d.title.clone()))
                .unwrap_or_else(|| id.to_string()),
        ),
        "unit" => (
            format!("/units/{id}"),
            units
                .iter()
                .find(|u| u.id.as_str() == id)
                .map(|u| u.name().to_string())
                .unwrap_or_else(|| id.to_string()),
        ),
        _ => (
            format!("/positions/{id}"),
            positions
                .iter()
                .find(|p| p.id.as_str() == id)
                .map(|p| p.full_title())
                .unwrap_or_else(|| id.to_string()),
        ),
    }
}

/// True when the account sees the event (the decision is `access::visibility::sees_history_in`).
pub fn may_see_event(ctx: &Ctx, positions: &[Position], tree: &UnitTree, e: &AuditEvent) -> bool {
    let unit = match e.entry.record_kind.as_str() {
        "unit" => UnitId::parse(&e.entry.record_id).ok(),
        _ => positions
            .iter()
            .find(|p| p.id.as_str() == e.entry.record_id)
            .map(|p| p.unit.clone()),
    };
    ctx.principal().is_some_and(|who| {
        ametijuhend_domain::access::visibility::sees_history_in(&who, unit.as_ref(), tree)
    })
}

/// The page numbers of the start page's two long lists.
#[derive(Debug, Default, Deserialize)]
pub struct HomeQuery {
    #[serde(default)]
    without: Option<String>,
    #[serde(default)]
    due: Option<String>,
}

impl HomeQuery {
    fn href(&self, list: &str, page: usize) -> String {
        let keep = |name: &str, v: &Option<String>| {
            v.as_deref()
                .filter(|_| name != list)
                .map(|v| format!("{name}={}", page_number(Some(v))))
        };
        let mut params: Vec<String> = [keep("without", &self.without), keep("due", &self.due)]
            .into_iter()
            .flatten()
            .collect();
        params.push(format!("{list}={page}"));
        format!("/?{}", params.join("&"))
    }
}

#[tracing::instrument(skip_all)]
async fn home(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<HomeQuery>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let lang = ctx.lang;
    let stored = state.store.counts().await?;
    // The number is shown large, apart from its noun (in the plural form the number needs).
    let count = |n: u64, key: &str, href: &'static str| Count {
        number: n,
        label: tn(
            lang,
            &format!("{key}-noun"),
            usize::try_from(n).unwrap_or(usize::MAX),
        ),
        href,
    };
    let counts = vec![
        count(stored.units, "count-units", "/units"),
        count(stored.positions, "count-positions", "/positions"),
        count(
            stored.job_descriptions,
            "count-job-descriptions",
            "/positions",
        ),
        count(stored.role_cards, "count-role-cards", "/role-cards"),
        count(stored.competencies, "count-competencies", "/competencies"),
    ];

    let today = state.clock.today();
    let reports = state.reports.get(state.store.as_ref(), today).await?;
    let (range, without_pager) = page_of(
        lang,
        reports.without_valid.len(),
        page_number(q.without.as_deref()),
        PER_PAGE,
        |n| q.href("without", n),
    );
    let without_valid: Vec<PositionLink> = reports.without_valid[range]
        .iter()
        .map(|p| PositionLink {
            id: p.id.to_string(),
            title: p.title.clone(),
            unit: p.unit_name.clone(),
        })
        .collect();

    // The account's own digest: a manager's units, HR and administrators all.
    let mut due_rows: Vec<(&UnitDue, &DueItem)> = Vec::new();
    for unit in reports.due.iter() {
        let mine = |i: &&DueItem| super::reviews::may_see_at(&ctx, &tree, &i.position, &unit.unit);
        for item in unit.overdue.iter().chain(&unit.due_soon).filter(mine) {
            due_rows.push((unit, item));
        }
    }
    let (range, due_pager) = page_of(
        lang,
        due_rows.len(),
        page_number(q.due.as_deref()),
        PER_PAGE,
        |n| q.href("due", n),
    );
    let due = due_rows[range]
        .iter()
        .map(|(unit, item)| DueRow {
            id: item.position.to_string(),
            title: item.title.clone(),
            unit: unit.unit_name.clone(),
            due: item.due.map(date).unwrap_or_default(),
            state: translate(
                lang,
                if matches!(item.state, DueState::Overdue { .. }) {
                    "review-overdue"
                } else {
                    "review-due-soon"
                },
                &[],
            ),
        })
        .collect();

    let changes = if ctx.can(Permission::ReadHistory, Target::Registry, &tree) {
        let events = state.store.recent_audit(50).await?;
        let ids: Vec<PositionId> = events
            .iter()
            .filter(|e| e.entry.record_kind != "unit")
            .filter_map(|e| PositionId::parse(&e.entry.record_id).ok())
            .collect();
        let positions = state.store.positions_by_id(&ids).await?;
        let mut directives = Vec::new();
        for e in events.iter().filter(|e| e.entry.record_kind == "directive") {
            if let Ok(id) = DirectiveId::parse(&e.entry.record_id)
                && !directives.iter().any(|d: &Directive| d.id == id)
                && let Some(d) = state.store.get_directive(&id).await?
            {
                directives.push(d);
            }
        }
        Some(
            events
                .iter()
                .filter(|e| may_see_event(&ctx, &positions, &tree, e))
                .take(10)
                .map(|e| {
                    let (href, record) = record_link(
                        &units,
                        &positions,
                        &directives,
                        &e.entry.record_kind,
                        &e.entry.record_id,
                    );
                    ChangeRow {
                        at: instant(e.entry.at),
                        actor: e.entry.actor.clone(),
                        action: action_label(lang, &e.entry.action),
                        href,
                        record,
                    }
                })
                .collect(),
        )
    } else {
        None
    };

    let own_position = match ctx.user.as_ref().and_then(|u| u.position.as_ref()) {
        Some(id) => state.store.get_position(id).await?.map(|p| PositionLink {
            id: p.id.to_string(),
            title: p.full_title(),
            unit: unit_name(&units, &p.unit),
        }),
        None => None,
    };
    let tasks = super::tasks::start_page_tasks(&state, &ctx).await?;
    let p = Page::new(&ctx, "home", translate(lang, "home-title", &[]));
    Ok(render(&HomePage {
        p,
        tasks,
        counts,
        without_valid,
        without_pager,
        due,
        due_pager,
        changes,
        own_position,
    }))
}
