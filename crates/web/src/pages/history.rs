//! A record's history from the audit trail: who changed it, when, what, and each changed field
//! before and after.

use super::home::action_label;
use super::{Page, PageError, instant, parse_id, render, ta, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::Arg;
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::{PositionId, UnitId};
use ametijuhend_store::AuditEvent;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::Value;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units/{id}/history", get(unit_history))
        .route("/positions/{id}/history", get(position_history))
}

pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

pub struct EventRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    p: Page,
    back: String,
    events: Vec<EventRow>,
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "–".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

/// The top-level fields whose values differ between before and after.
pub fn changes(e: &AuditEvent) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let before = e
        .entry
        .before
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let after = e
        .entry
        .after
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| FieldChange {
            field: k.clone(),
            before: show(before.get(k)),
            after: show(after.get(k)),
        })
        .collect()
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    kind: &str,
    id: &str,
    title: String,
    back: String,
) -> Result<Response, PageError> {
    let events = state
        .store
        .audit_history(kind, id)
        .await?
        .iter()
        .rev()
        .map(|e| EventRow {
            at: instant(e.entry.at),
            actor: e.entry.actor.clone(),
            action: action_label(ctx.lang, &e.entry.action),
            changes: changes(e),
        })
        .collect();
    let p = Page::new(
        ctx,
        if kind == "unit" { "units" } else { "positions" },
        title,
    );
    Ok(render(&HistoryPage { p, back, events }))
}

#[tracing::instrument(skip_all)]
async fn unit_history(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: UnitId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    let unit = units
        .iter()
        .find(|u| u.id == id)
        .ok_or(PageError::NotFound)?;
    ctx.require(Permission::ReadHistory, Target::Unit(&id), &tree)?;
    let title = ta(
        ctx.lang,
        "history-title",
        &[("name", Arg::from(unit.name()))],
    );
    page(
        &state,
        &ctx,
        "unit",
        id.as_str(),
        title,
        format!("/units/{id}"),
    )
    .await
}

#[tracing::instrument(skip_all)]
async fn position_history(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    let position = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::ReadHistory,
        Target::Position {
            id: &id,
            unit: &position.unit,
        },
        &tree,
    )?;
    let title = ta(
        ctx.lang,
        "history-title",
        &[("name", Arg::from(position.full_title()))],
    );
    page(
        &state,
        &ctx,
        "position",
        id.as_str(),
        title,
        format!("/positions/{id}"),
    )
    .await
}
