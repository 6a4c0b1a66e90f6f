//! Comparing two job description versions side by side (`/compare?a=ID&b=ID`): two versions of
//! a position or of two positions, section by section (duties matched by content), with the
//! words deleted and inserted marked as `<del>` and `<ins>` (with screen-reader text and a
//! legend, not colour alone). The comparison is the domain's
//! ([`ametijuhend_domain::diff::compare_with_names`]).

use super::document::status_name;
use super::{Page, PageError, render, ta, unit_tree};
use crate::AppState;
use crate::auth::Ctx;
use crate::forms::Opt;
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::diff::{Change, JobDescriptionDiff, SpanKind, compare_with_names};
use ametijuhend_domain::text::sort_estonian_by;
use ametijuhend_domain::workflow::{current_version, latest_version};
use ametijuhend_domain::{CompetencyId, JobDescription, JobDescriptionId, Position, PositionId};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/compare", get(compare_page))
}

/// A piece of text on one side: unchanged, or marked.
pub struct Piece {
    /// "equal", "ins" or "del".
    pub kind: &'static str,
    pub text: String,
}

pub struct SectionRow {
    pub heading: String,
    pub change: String,
    pub old: Vec<Piece>,
    pub new: Vec<Piece>,
}

#[derive(Template)]
#[template(path = "workflow_compare.html")]
struct ComparePage {
    p: Page,
    a: String,
    a_label: String,
    b_label: String,
    a_options: Vec<Opt>,
    b_options: Vec<Opt>,
    positions: Vec<Opt>,
    rows: Vec<SectionRow>,
    unchanged: String,
    compared: bool,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    a: Option<String>,
    b: Option<String>,
    /// Compare `a` with the current version of this position.
    other: Option<String>,
}

/// "Talituse juhataja, versioon 2 (kavand)".
pub fn label(lang: Lang, positions: &[Position], jd: &JobDescription) -> String {
    let title = positions
        .iter()
        .find(|p| p.id == jd.position)
        .map(Position::full_title)
        .unwrap_or_else(|| jd.general.title.clone());
    ta(
        lang,
        "wf-compare-label",
        &[
            ("title", Arg::from(title)),
            ("version", Arg::from(jd.version)),
            ("status", Arg::from(status_name(lang, jd.status))),
        ],
    )
}

/// The section rows of a comparison (changed sections only) and the number left out.
pub fn rows(lang: Lang, diff: &JobDescriptionDiff) -> (Vec<SectionRow>, usize) {
    let mut out = Vec::new();
    for s in diff.changed() {
        let name = translate(
            lang,
            &format!("wf-section-{}", s.section.as_str().replace('_', "-")),
            &[],
        );
        let key = match (&s.old_key, &s.new_key) {
            (Some(a), Some(b)) if a != b => format!(" {a} → {b}"),
            (Some(k), _) | (None, Some(k)) => format!(" {k}"),
            (None, None) => String::new(),
        };
        let piece = |kind: SpanKind, text: &str| Piece {
            kind: match kind {
                SpanKind::Equal => "equal",
                SpanKind::Inserted => "ins",
                SpanKind::Deleted => "del",
            },
            text: text.to_string(),
        };
        out.push(SectionRow {
            heading: format!("{name}{key}"),
            change: translate(
                lang,
                match s.change {
                    Change::Added => "wf-change-added",
                    Change::Removed => "wf-change-removed",
                    _ => "wf-change-changed",
                },
                &[],
            ),
            old: s.words.old_side().map(|x| piece(x.kind, &x.text)).collect(),
            new: s.words.new_side().map(|x| piece(x.kind, &x.text)).collect(),
        });
    }
    let unchanged = diff.sections.len() - out.len();
    (out, unchanged)
}

/// Two versions compared, competencies named from the library.
pub async fn diff_of(
    state: &AppState,
    old: &JobDescription,
    new: &JobDescription,
) -> Result<JobDescriptionDiff, PageError> {
    let library = state.store.list_competencies().await?;
    let name = |id: &CompetencyId| {
        library
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    Ok(compare_with_names(old, new, &name))
}

async fn version(state: &AppState, raw: Option<&str>) -> Result<Option<JobDescription>, PageError> {
    let Some(id) = raw.and_then(|r| JobDescriptionId::parse(r.trim()).ok()) else {
        return Ok(None);
    };
    Ok(state.store.get_job_description(&id).await?)
}

#[tracing::instrument(skip_all)]
async fn compare_page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<CompareQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let a = version(&state, q.a.as_deref()).await?;
    let mut b = version(&state, q.b.as_deref()).await?;
    if let Some(other) = q.other.as_deref().and_then(|o| PositionId::parse(o).ok()) {
        let versions = state.store.list_job_descriptions(&other).await?;
        b = current_version(&versions, &other)
            .or_else(|| latest_version(&versions, &other))
            .cloned();
    }
    // The positions named: those of the two versions, and as choices for "another position"
    // the positions of the first version's unit and of the unit above it (a registry-wide list
    // would be 50,000 options; any other position's versions are compared from its own page).
    let mut positions = state
        .store
        .positions_by_id(
            &[&a, &b]
                .into_iter()
                .flatten()
                .map(|j| j.position.clone())
                .collect::<Vec<_>>(),
        )
        .await?;
    let mut choices: Vec<Position> = Vec::new();
    if let Some(first) = a
        .as_ref()
        .and_then(|a| positions.iter().find(|p| p.id == a.position))
    {
        let unit = first.unit.clone();
        choices.extend(state.store.list_positions(Some(&unit)).await?);
        if let Some(parent) = tree.parent(&unit).cloned() {
            choices.extend(state.store.list_positions(Some(&parent)).await?);
        }
    }
    for p in &positions {
        if !choices.iter().any(|c| c.id == p.id) {
            choices.push(p.clone());
        }
    }
    for c in &choices {
        if !positions.iter().any(|p| p.id == c.id) {
            positions.push(c.clone());
        }
    }
    for jd in [&a, &b].into_iter().flatten() {
        if let Some(p) = positions.iter().find(|p| p.id == jd.position) {
            ctx.require(
                Permission::Read,
                Target::Position {
                    id: &p.id,
                    unit: &p.unit,
                },
                &tree,
            )?;
        }
    }
    let options = |state: &AppState, chosen: &Option<JobDescription>| {
        let chosen = chosen.clone();
        let store = state.store.clone();
        let positions = positions.clone();
        async move {
            let Some(jd) = chosen else {
                return Ok::<Vec<Opt>, PageError>(vec![]);
            };
            let versions = store.list_job_descriptions(&jd.position).await?;
            Ok(versions
                .iter()
                .rev()
                .map(|v| Opt::new(v.id.to_string(), label(lang, &positions, v), jd.id.as_str()))
                .collect())
        }
    };
    let a_options = options(&state, &a).await?;
    let b_options = options(&state, &b).await?;
    let mut position_opts: Vec<Opt> = choices
        .iter()
        .map(|p| {
            let current = b
                .as_ref()
                .map(|b| b.position.to_string())
                .unwrap_or_default();
            Opt::new(p.id.to_string(), p.full_title(), &current)
        })
        .collect();
    sort_estonian_by(&mut position_opts, |o| &o.label);
    let (rows, unchanged, compared) = match (&a, &b) {
        (Some(old), Some(new)) => {
            let diff = diff_of(&state, old, new).await?;
            let (rows, unchanged) = rows(lang, &diff);
            (rows, unchanged, true)
        }
        _ => (vec![], 0, false),
    };
    let p = Page::new(&ctx, "positions", translate(lang, "wf-compare-title", &[]));
    Ok(render(&ComparePage {
        a: a.as_ref().map(|j| j.id.to_string()).unwrap_or_default(),
        a_label: a
            .as_ref()
            .map(|j| label(lang, &positions, j))
            .unwrap_or_default(),
        b_label: b
            .as_ref()
            .map(|j| label(lang, &positions, j))
            .unwrap_or_default(),
        a_options,
        b_options,
        positions: position_opts,
        unchanged: super::tn(lang, "wf-compare-unchanged", unchanged),
        rows,
        compared,
        p,
    }))
}
