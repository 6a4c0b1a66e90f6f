//! The role card catalogue (each card with the glossary definitions of the roles it performs
//! and the positions written from it) and the competency library (each competency with the
//! positions whose job description requires it). Counts come from the store's aggregate
//! queries and the lists of positions are paged, so neither page reads every position.

use super::{Page, PageError, parse_id, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Lang, translate};
use crate::paging::{PER_PAGE, PageQuery, Pager, page_of};
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::{CompetencyId, RoleCardId};
use ametijuhend_store::PositionTitle;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/role-cards", get(cards))
        .route("/role-cards/{id}", get(card))
        .route("/competencies", get(competencies))
        .route("/competencies/{id}", get(competency))
}

pub struct CardRow {
    pub id: String,
    pub ordinal: u32,
    pub title: String,
    pub catalogue: String,
    pub positions: String,
}

#[derive(Template)]
#[template(path = "role_cards.html")]
struct CardsPage {
    p: Page,
    rows: Vec<CardRow>,
}

#[tracing::instrument(skip_all)]
async fn cards(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let counts: HashMap<RoleCardId, u64> = state
        .store
        .position_counts_by_role_card()
        .await?
        .into_iter()
        .collect();
    let mut list = state.store.list_role_cards().await?;
    list.sort_by(|a, b| (&a.catalogue, a.ordinal).cmp(&(&b.catalogue, b.ordinal)));
    let rows = list
        .iter()
        .map(|c| CardRow {
            id: c.id.to_string(),
            ordinal: c.ordinal,
            title: c.display_title(),
            catalogue: c.catalogue.clone(),
            positions: tn(
                ctx.lang,
                "count-positions",
                counts.get(&c.id).copied().unwrap_or(0) as usize,
            ),
        })
        .collect();
    let p = Page::new(
        &ctx,
        "role-cards",
        translate(ctx.lang, "role-cards-title", &[]),
    );
    Ok(render(&CardsPage { p, rows }))
}

pub struct RoleRow {
    pub text: String,
    pub term: String,
    pub definition: String,
}

#[derive(Template)]
#[template(path = "role_card.html")]
struct CardPage {
    p: Page,
    card: ametijuhend_domain::RoleCard,
    roles: Vec<RoleRow>,
    positions: Vec<(String, String)>,
    total: String,
    pager: Option<Pager>,
    points: String,
}

#[tracing::instrument(skip_all)]
async fn card(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let id: RoleCardId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let card = state
        .store
        .get_role_card(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let glossary = state.store.list_role_glossary().await?;
    let roles = card
        .roles
        .iter()
        .map(|r| {
            let entry = r
                .glossary_entry
                .as_ref()
                .and_then(|g| glossary.iter().find(|e| &e.id == g));
            RoleRow {
                text: r.text.clone(),
                term: entry.map(|e| e.term.clone()).unwrap_or_default(),
                definition: entry.map(|e| e.definition.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let listed = state.store.positions_with_role_card(&id).await?;
    let (positions, total, pager) = paged(ctx.lang, &units, listed, q.number(), |n| {
        format!("/role-cards/{id}?page={n}#positions")
    });
    let points = card
        .evaluation_points
        .map(|p| format!("{}–{}", p.min, p.max))
        .unwrap_or_default();
    let p = Page::new(&ctx, "role-cards", card.display_title());
    Ok(render(&CardPage {
        p,
        card,
        roles,
        positions,
        total,
        pager,
        points,
    }))
}

pub struct CompetencyRow {
    pub id: String,
    pub name: String,
    pub positions: String,
}

#[derive(Template)]
#[template(path = "competencies.html")]
struct CompetenciesPage {
    p: Page,
    rows: Vec<CompetencyRow>,
}

/// One page of a list of positions in Estonian order of title, then unit: the rows (id,
/// "title – unit"), the count ("12 ametikohta") and the pager.
fn paged(
    lang: Lang,
    units: &[ametijuhend_domain::Unit],
    listed: Vec<PositionTitle>,
    page: usize,
    href: impl Fn(usize) -> String,
) -> (Vec<(String, String)>, String, Option<Pager>) {
    let names: HashMap<&ametijuhend_domain::UnitId, &str> =
        units.iter().map(|u| (&u.id, u.name())).collect();
    let mut rows: Vec<(String, String, &str)> = listed
        .iter()
        .map(|x| {
            let unit = names.get(&x.unit).copied().unwrap_or_default();
            (x.id.to_string(), x.title.clone(), unit)
        })
        .collect();
    rows.sort_by(|a, b| estonian_cmp(&a.1, &b.1).then_with(|| estonian_cmp(a.2, b.2)));
    let total = tn(lang, "count-positions", rows.len());
    let (range, pager) = page_of(lang, rows.len(), page, PER_PAGE, href);
    let rows = rows[range]
        .iter()
        .map(|(id, title, unit)| {
            let label = if unit.is_empty() {
                title.clone()
            } else {
                format!("{title} – {unit}")
            };
            (id.clone(), label)
        })
        .collect();
    (rows, total, pager)
}

#[tracing::instrument(skip_all)]
async fn competencies(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let counts: HashMap<CompetencyId, u64> = state
        .kept
        .competency_counts
        .get_or_try(state.store.revision().await?, (), || {
            state.store.competency_counts()
        })
        .await?
        .iter()
        .cloned()
        .collect();
    let mut rows: Vec<CompetencyRow> = state
        .store
        .list_competencies()
        .await?
        .iter()
        .map(|c| CompetencyRow {
            id: c.id.to_string(),
            name: c.name.clone(),
            positions: tn(
                ctx.lang,
                "count-positions",
                counts.get(&c.id).copied().unwrap_or(0) as usize,
            ),
        })
        .collect();
    rows.sort_by(|a, b| estonian_cmp(&a.name, &b.name));
    let p = Page::new(
        &ctx,
        "competencies",
        translate(ctx.lang, "competencies-title", &[]),
    );
    Ok(render(&CompetenciesPage { p, rows }))
}

#[derive(Template)]
#[template(path = "competency.html")]
struct CompetencyPage {
    p: Page,
    indicators: Vec<String>,
    positions: Vec<(String, String)>,
    total: String,
    pager: Option<Pager>,
}

#[tracing::instrument(skip_all)]
async fn competency(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let id: CompetencyId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let c = state
        .store
        .get_competency(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let listed = state
        .kept
        .competency_positions
        .get_or_try(state.store.revision().await?, id.clone(), || {
            state.store.positions_requiring(&id)
        })
        .await?
        .as_ref()
        .clone();
    let (positions, total, pager) = paged(ctx.lang, &units, listed, q.number(), |n| {
        format!("/competencies/{id}?page={n}#positions")
    });
    let p = Page::new(&ctx, "competencies", c.name.clone());
    Ok(render(&CompetencyPage {
        p,
        indicators: c.indicators,
        positions,
        total,
        pager,
    }))
}
