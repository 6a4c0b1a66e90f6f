//! The role card catalogue (each card with the glossary definitions of the roles it performs
//! and the positions written from it) and the competency library (each competency with the
//! positions whose job description requires it).

use super::{Page, PageError, parse_id, render, tn, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::translate;
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{CompetencyId, RoleCardId};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

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
    let positions = state.store.list_positions(None).await?;
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
                positions
                    .iter()
                    .filter(|p| p.role_card.as_ref() == Some(&c.id))
                    .count(),
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
    points: String,
}

#[tracing::instrument(skip_all)]
async fn card(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RoleCardId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
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
    let mut positions: Vec<(String, String)> = state
        .store
        .list_positions(None)
        .await?
        .iter()
        .filter(|p| p.role_card.as_ref() == Some(&id))
        .map(|p| (p.id.to_string(), p.full_title()))
        .collect();
    sort_estonian_by(&mut positions, |x| &x.1);
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

/// For each position, the competencies its current (else latest) job description requires.
async fn required_by(
    state: &AppState,
) -> Result<Vec<(String, String, Vec<CompetencyId>)>, PageError> {
    let mut out = Vec::new();
    for p in state.store.list_positions(None).await? {
        let versions = state.store.list_job_descriptions(&p.id).await?;
        if let Some(v) =
            current_version(&versions, &p.id).or_else(|| latest_version(&versions, &p.id))
        {
            out.push((
                p.id.to_string(),
                p.full_title(),
                v.competencies
                    .iter()
                    .map(|c| c.competency.clone())
                    .collect(),
            ));
        }
    }
    Ok(out)
}

#[tracing::instrument(skip_all)]
async fn competencies(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let uses = required_by(&state).await?;
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
                uses.iter().filter(|u| u.2.contains(&c.id)).count(),
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
}

#[tracing::instrument(skip_all)]
async fn competency(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: CompetencyId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let c = state
        .store
        .get_competency(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let mut positions: Vec<(String, String)> = required_by(&state)
        .await?
        .into_iter()
        .filter(|u| u.2.contains(&id))
        .map(|u| (u.0, u.1))
        .collect();
    sort_estonian_by(&mut positions, |x| &x.1);
    let p = Page::new(&ctx, "competencies", c.name.clone());
    Ok(render(&CompetencyPage {
        p,
        indicators: c.indicators,
        positions,
    }))
}
