//! The start page: record counts, positions without a valid job description, reviews due, and
//! the latest changes (for accounts that may read the audit trail).

use super::{Page, PageError, date, instant, render, tn};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::translate;
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::review::DueState;
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::{PositionId, Registry, UnitId, due_report};
use ametijuhend_store::AuditEvent;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

/// How far ahead the start page looks for reviews.
const REVIEW_HORIZON_DAYS: u32 = 60;

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
    counts: Vec<Count>,
    without_valid: Vec<PositionLink>,
    due: Vec<DueRow>,
    changes: Option<Vec<ChangeRow>>,
    own_position: Option<PositionLink>,
}

fn unit_name(r: &Registry, id: &UnitId) -> String {
    r.unit(id).map(|u| u.name().to_string()).unwrap_or_default()
}

fn position_link(r: &Registry, id: &PositionId) -> Option<PositionLink> {
    let p = r.position(id)?;
    Some(PositionLink {
        id: p.id.to_string(),
        title: p.full_title(),
        unit: unit_name(r, &p.unit),
    })
}

/// The label of an audit action ("unit.created" → the text `action-unit-created`).
pub fn action_label(lang: crate::i18n::Lang, action: &str) -> String {
    translate(
        lang,
        &format!("action-{}", action.replace(['.', '_'], "-")),
        &[],
    )
}

/// Where a record of the audit trail is shown, and its name.
pub fn record_link(r: &Registry, kind: &str, id: &str) -> (String, String) {
    match kind {
        "unit" => (
            format!("/units/{id}"),
            UnitId::parse(id)
                .ok()
                .and_then(|u| r.unit(&u).map(|u| u.name().to_string()))
                .unwrap_or_else(|| id.to_string()),
        ),
        _ => (
            format!("/positions/{id}"),
            PositionId::parse(id)
                .ok()
                .and_then(|p| r.position(&p).map(|p| p.full_title()))
                .unwrap_or_else(|| id.to_string()),
        ),
    }
}

/// True when the account may read the history of the record an event belongs to.
pub fn may_see_event(ctx: &Ctx, r: &Registry, tree: &UnitTree, e: &AuditEvent) -> bool {
    let unit = match e.entry.record_kind.as_str() {
        "unit" => UnitId::parse(&e.entry.record_id).ok(),
        _ => PositionId::parse(&e.entry.record_id)
            .ok()
            .and_then(|p| r.position(&p).map(|p| p.unit.clone())),
    };
    match unit {
        Some(u) => ctx.can(Permission::ReadHistory, Target::Unit(&u), tree),
        None => ctx.can(Permission::ReadHistory, Target::TopLevel, tree),
    }
}

#[tracing::instrument(skip_all)]
async fn home(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let r = state.store.export().await?;
    let tree = UnitTree::new(&r.units);
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let lang = ctx.lang;
    // The number is shown large, apart from its noun (in the plural form the number needs).
    let count = |n: usize, key: &str, href: &'static str| Count {
        number: n as u64,
        label: tn(lang, &format!("{key}-noun"), n),
        href,
    };
    let counts = vec![
        count(r.units.len(), "count-units", "/units"),
        count(r.positions.len(), "count-positions", "/positions"),
        count(
            r.job_descriptions.len(),
            "count-job-descriptions",
            "/positions",
        ),
        count(r.role_cards.len(), "count-role-cards", "/role-cards"),
        count(r.competencies.len(), "count-competencies", "/competencies"),
    ];

    let mut without_valid: Vec<PositionLink> = r
        .positions
        .iter()
        .filter(|p| {
            !r.job_descriptions
                .iter()
                .any(|j| j.position == p.id && j.status.is_valid_document())
        })
        .filter_map(|p| position_link(&r, &p.id))
        .collect();
    without_valid.sort_by(|a, b| estonian_cmp(&a.title, &b.title));

    let today = state.clock.today();
    let mut due = Vec::new();
    for unit in due_report(&r, today, REVIEW_HORIZON_DAYS) {
        // The account's own digest: a manager's units, HR and administrators all.
        let mine = |i: &&ametijuhend_domain::review::DueItem| {
            r.position(&i.position)
                .is_some_and(|p| super::workflow_reviews::may_see(&ctx, &tree, p))
        };
        for item in unit.overdue.iter().chain(&unit.due_soon).filter(mine) {
            due.push(DueRow {
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
            });
        }
    }

    let changes = if ctx.can(Permission::ReadHistory, Target::Registry, &tree) {
        let events = state.store.recent_audit(50).await?;
        Some(
            events
                .iter()
                .filter(|e| may_see_event(&ctx, &r, &tree, e))
                .take(10)
                .map(|e| {
                    let (href, record) = record_link(&r, &e.entry.record_kind, &e.entry.record_id);
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

    let own_position = ctx
        .user
        .as_ref()
        .and_then(|u| u.position.as_ref())
        .and_then(|p| position_link(&r, p));
    let p = Page::new(&ctx, "home", translate(lang, "home-title", &[]));
    Ok(render(&HomePage {
        p,
        counts,
        without_valid,
        due,
        changes,
        own_position,
    }))
}
