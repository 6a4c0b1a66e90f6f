//! The organisation: the unit tree with the number of each unit's positions (the unit's page
//! lists them; the tree must stay readable at 50,000 positions), one unit's page,
//! and adding, renaming and moving units (effective-dated: a change closes the current version
//! the day before it starts, see [`Unit::restructure`]).

use super::{
    Page, PageError, date, form_refusal, parse_id, render, render_status, sent_revision, ta,
    unit_tree,
};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_app::Principal;
use ametijuhend_app::units::{self, UnitCommand};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::{Unit, UnitId, UnitKind};
use ametijuhend_store::revision_of;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units", get(list).post(create))
        .route("/units/new", get(new_form))
        .route("/units/{id}", get(show).post(update))
        .route("/units/{id}/edit", get(edit_form))
}

pub fn kind_name(lang: Lang, kind: UnitKind) -> String {
    translate(lang, &format!("unit-kind-{}", kind.as_str()), &[])
}

/// One step of the unit tree as nested lists.
pub enum TreeStep {
    Open,
    Item {
        id: String,
        name: String,
        kind: String,
        /// The day a closed unit was closed (DD.MM.YYYY).
        closed: Option<String>,
        /// "12 ametikohta" (empty when the unit has none).
        positions: String,
    },
    EndItem,
    Close,
}

fn children(units: &[Unit]) -> (Vec<&Unit>, HashMap<&UnitId, Vec<&Unit>>) {
    let known: std::collections::HashSet<&UnitId> = units.iter().map(|u| &u.id).collect();
    let mut roots = Vec::new();
    let mut kids: HashMap<&UnitId, Vec<&Unit>> = HashMap::new();
    for u in units {
        match u.parent().filter(|p| known.contains(p)) {
            Some(p) => kids.entry(p).or_default().push(u),
            None => roots.push(u),
        }
    }
    roots.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    for list in kids.values_mut() {
        list.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    }
    (roots, kids)
}

fn tree_steps(lang: Lang, units: &[Unit], counts: &HashMap<UnitId, u64>) -> Vec<TreeStep> {
    let (roots, kids) = children(units);
    let mut out = vec![TreeStep::Open];
    let mut seen = std::collections::HashSet::new();
    fn walk<'a>(
        u: &'a Unit,
        lang: Lang,
        kids: &HashMap<&UnitId, Vec<&'a Unit>>,
        counts: &HashMap<UnitId, u64>,
        seen: &mut std::collections::HashSet<&'a UnitId>,
        out: &mut Vec<TreeStep>,
    ) {
        if !seen.insert(&u.id) {
            return;
        }
        out.push(TreeStep::Item {
            id: u.id.to_string(),
            name: u.name().to_string(),
            kind: kind_name(lang, u.current().kind),
            closed: u.current().valid_to.map(date),
            positions: match counts.get(&u.id) {
                Some(&n) if n > 0 => super::tn(lang, "count-positions", n as usize),
                _ => String::new(),
            },
        });
        if let Some(list) = kids.get(&u.id) {
            out.push(TreeStep::Open);
            for k in list {
                walk(k, lang, kids, counts, seen, out);
            }
            out.push(TreeStep::Close);
        }
        out.push(TreeStep::EndItem);
    }
    for r in roots {
        walk(r, lang, &kids, counts, &mut seen, &mut out);
    }
    out.push(TreeStep::Close);
    out
}

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    p: Page,
    steps: Vec<TreeStep>,
    can_add_top: bool,
}

#[tracing::instrument(skip_all)]
async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let counts: HashMap<UnitId, u64> = state
        .store
        .position_counts_by_unit()
        .await?
        .into_iter()
        .collect();
    let p = Page::new(&ctx, "units", translate(ctx.lang, "units-title", &[]));
    Ok(render(&UnitsPage {
        steps: tree_steps(ctx.lang, &units, &counts),
        can_add_top: ctx.can(Permission::Edit, Target::TopLevel, &tree),
        p,
    }))
}

pub struct VersionRow {
    pub from: String,
    pub to: String,
    pub name: String,
    pub kind: String,
    pub parent: String,
}

#[derive(Template)]
#[template(path = "unit.html")]
struct UnitPage {
    p: Page,
    id: String,
    kind: String,
    parent: Option<(String, String)>,
    versions: Vec<VersionRow>,
    sub_units: Vec<(String, String)>,
    positions: Vec<(String, String)>,
    can_edit: bool,
    can_history: bool,
}

#[tracing::instrument(skip_all)]
async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: UnitId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Unit(&id), &tree)?;
    let unit = units
        .iter()
        .find(|u| u.id == id)
        .ok_or(PageError::NotFound)?;
    let name_of = |u: &UnitId| {
        units
            .iter()
            .find(|x| &x.id == u)
            .map(|x| x.name().to_string())
            .unwrap_or_else(|| u.to_string())
    };
    let lang = ctx.lang;
    let versions = unit
        .versions
        .iter()
        .map(|v| VersionRow {
            from: v.valid_from.map(date).unwrap_or_else(|| "–".into()),
            to: v.valid_to.map(date).unwrap_or_else(|| "–".into()),
            name: v.name.clone(),
            kind: kind_name(lang, v.kind),
            parent: v.parent.as_ref().map(name_of).unwrap_or_else(|| "–".into()),
        })
        .collect();
    let mut sub_units: Vec<(String, String)> = units
        .iter()
        .filter(|u| u.parent() == Some(&id))
        .map(|u| (u.id.to_string(), u.name().to_string()))
        .collect();
    sort_estonian_by(&mut sub_units, |x| &x.1);
    let mut positions: Vec<(String, String)> = state
        .store
        .list_positions(Some(&id))
        .await?
        .iter()
        .map(|p| (p.id.to_string(), p.full_title()))
        .collect();
    sort_estonian_by(&mut positions, |x| &x.1);
    let p = Page::new(&ctx, "units", unit.name());
    Ok(render(&UnitPage {
        id: id.to_string(),
        kind: kind_name(lang, unit.current().kind),
        parent: unit.parent().map(|u| (u.to_string(), name_of(u))),
        versions,
        sub_units,
        positions,
        can_edit: ctx.can(Permission::Edit, Target::Unit(&id), &tree),
        can_history: ctx.can(Permission::ReadHistory, Target::Unit(&id), &tree),
        p,
    }))
}

#[derive(Template)]
#[template(path = "unit_form.html")]
struct UnitFormPage {
    p: Page,
    action: String,
    cancel: String,
    name: String,
    kinds: Vec<Opt>,
    parents: Vec<Opt>,
    valid_from: String,
    editing: bool,
    revision: String,
    errors: FieldErrors,
}

#[derive(Deserialize, Default)]
pub struct UnitForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    valid_from: String,
    /// The revision the form was made from (sent back; checked when saving).
    #[serde(default)]
    revision: String,
}

#[derive(Deserialize)]
pub struct NewQuery {
    parent: Option<String>,
}

/// The parents an account may choose: units it may edit (not the unit itself or below it),
/// and "none" where it may add top-level units.
fn parent_options(
    ctx: &Ctx,
    units: &[Unit],
    tree: &UnitTree,
    editing: Option<&UnitId>,
    current: &str,
) -> Vec<Opt> {
    let mut out = Vec::new();
    if ctx.can(Permission::Edit, Target::TopLevel, tree) {
        out.push(Opt::new(
            "",
            translate(ctx.lang, "unit-no-parent", &[]),
            current,
        ));
    }
    let mut list: Vec<Opt> = units
        .iter()
        .filter(|u| editing.is_none_or(|e| !tree.is_within(&u.id, e)))
        .filter(|u| ctx.can(Permission::Edit, Target::Unit(&u.id), tree))
        .map(|u| Opt::new(u.id.to_string(), u.name(), current))
        .collect();
    sort_estonian_by(&mut list, |o| &o.label);
    out.extend(list);
    out
}

fn kind_options(lang: Lang, current: &str) -> Vec<Opt> {
    UnitKind::ALL
        .into_iter()
        .map(|k| Opt::new(k.as_str(), kind_name(lang, k), current))
        .collect()
}

fn form_page(
    ctx: &Ctx,
    units: &[Unit],
    tree: &UnitTree,
    editing: Option<&Unit>,
    form: &UnitForm,
    errors: FieldErrors,
) -> UnitFormPage {
    let lang = ctx.lang;
    let (title, action, cancel) = match editing {
        Some(u) => (
            ta(lang, "unit-edit-title", &[("name", Arg::from(u.name()))]),
            format!("/units/{}", u.id),
            format!("/units/{}", u.id),
        ),
        None => (
            translate(lang, "unit-new-title", &[]),
            "/units".to_string(),
            "/units".to_string(),
        ),
    };
    UnitFormPage {
        p: Page::new(ctx, "units", title),
        action,
        cancel,
        name: form.name.clone(),
        kinds: kind_options(lang, &form.kind),
        parents: parent_options(ctx, units, tree, editing.map(|u| &u.id), &form.parent),
        valid_from: form.valid_from.clone(),
        editing: editing.is_some(),
        revision: form.revision.clone(),
        errors,
    }
}

#[tracing::instrument(skip_all)]
async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    let parent = q.parent.as_deref().and_then(|p| UnitId::parse(p).ok());
    match &parent {
        Some(p) => ctx.require(Permission::Edit, Target::Unit(p), &tree)?,
        None => ctx.require(Permission::Edit, Target::Registry, &tree)?,
    }
    let form = UnitForm {
        parent: parent.map(|p| p.to_string()).unwrap_or_default(),
        kind: UnitKind::Division.as_str().into(),
        ..UnitForm::default()
    };
    Ok(render(&form_page(
        &ctx,
        &units,
        &tree,
        None,
        &form,
        FieldErrors::new(ctx.lang),
    )))
}

#[tracing::instrument(skip_all)]
async fn edit_form(
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
    ctx.require(Permission::Edit, Target::Unit(&id), &tree)?;
    let current = unit.current();
    let form = UnitForm {
        name: current.name.clone(),
        kind: current.kind.as_str().into(),
        parent: current
            .parent
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        valid_from: date(state.clock.today()),
        revision: revision_of(unit),
    };
    // A closed unit's form says at once that it cannot be changed.
    let mut errors = FieldErrors::new(ctx.lang);
    if let Some(end) = current.valid_to {
        closed_error(&mut errors, end);
    }
    Ok(render(&form_page(
        &ctx,
        &units,
        &tree,
        Some(unit),
        &form,
        errors,
    )))
}

/// The error of a unit that was closed on `end`: it is not renamed or moved any more.
fn closed_error(errors: &mut FieldErrors, end: chrono::NaiveDate) {
    errors.add(
        "valid_from",
        "error-unit-closed",
        &[("date", Arg::from(date(end)))],
    );
}

/// Validates the shared fields; returns name, kind, parent.
fn validate(
    ctx: &Ctx,
    units: &[Unit],
    tree: &UnitTree,
    editing: Option<&UnitId>,
    form: &UnitForm,
    errors: &mut FieldErrors,
) -> Result<(String, UnitKind, Option<UnitId>), PageError> {
    let name = errors.line("name", &form.name, true);
    let kind = UnitKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", "error-choose", &[]);
    }
    let parent = if form.parent.trim().is_empty() {
        None
    } else {
        match UnitId::parse(&form.parent) {
            Ok(p) if units.iter().any(|u| u.id == p) => Some(p),
            _ => {
                errors.add("parent", "error-choose", &[]);
                None
            }
        }
    };
    if let (Some(e), Some(p)) = (editing, &parent)
        && tree.is_within(p, e)
    {
        errors.add("parent", "error-parent-cycle", &[]);
    }
    // The parent chosen must be in the account's scope (a new top-level unit too).
    if errors.get("parent").is_none() {
        match &parent {
            Some(p) => ctx.require(Permission::Edit, Target::Unit(p), tree)?,
            None => ctx.require(Permission::Edit, Target::TopLevel, tree)?,
        }
    }
    Ok((name, kind.unwrap_or(UnitKind::Team), parent))
}

#[tracing::instrument(skip_all)]
async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<UnitForm>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Edit, Target::Registry, &tree)?;
    let mut errors = FieldErrors::new(ctx.lang);
    let (name, kind, parent) = validate(&ctx, &units, &tree, None, &form, &mut errors)?;
    let valid_from = if form.valid_from.trim().is_empty() {
        None
    } else {
        let d = parse_date(&form.valid_from);
        if d.is_none() {
            errors.add("valid_from", "error-date", &[]);
        }
        d
    };
    if !errors.is_empty() {
        let page = form_page(&ctx, &units, &tree, None, &form, errors);
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let id = UnitId::from_uuid(uuid::Uuid::new_v4());
    let mut unit = Unit::new(id.clone(), name, kind, parent);
    unit.versions[0].valid_from = valid_from;
    let who = principal(&ctx)?;
    let done = match UnitCommand::new(unit) {
        Ok(cmd) => units::create(state.store.as_ref(), state.clock.as_ref(), &who, cmd).await,
        Err(e) => Err(e),
    };
    if let Err(e) = done {
        let status = form_refusal(&mut errors, "name", e)?;
        let page = form_page(&ctx, &units, &tree, None, &form, errors);
        return Ok(render_status(status, &page));
    }
    Ok(redirect(&format!("/units/{id}")))
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<UnitForm>,
) -> Result<Response, PageError> {
    let id: UnitId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    let unit = units
        .iter()
        .find(|u| u.id == id)
        .ok_or(PageError::NotFound)?;
    ctx.require(Permission::Edit, Target::Unit(&id), &tree)?;
    let mut errors = FieldErrors::new(ctx.lang);
    let current_parent = unit.parent().cloned();
    let (name, kind, parent) = if form.parent.trim()
        == current_parent
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default()
    {
        // The parent stays: it need not be in the account's scope (a manager's own unit).
        let name = errors.line("name", &form.name, true);
        let kind = UnitKind::parse(&form.kind);
        if kind.is_none() {
            errors.add("kind", "error-choose", &[]);
        }
        (name, kind.unwrap_or(unit.current().kind), current_parent)
    } else {
        validate(&ctx, &units, &tree, Some(&id), &form, &mut errors)?
    };
    let day = parse_date(&form.valid_from);
    let mut changed = unit.clone();
    match day {
        None => errors.add("valid_from", "error-date", &[]),
        Some(day) => {
            let current = unit.current();
            if let Some(end) = current.valid_to {
                // Restructuring would move the day it was closed (rewriting its history).
                closed_error(&mut errors, end);
            } else if current.name == name && current.kind == kind && current.parent == parent {
                errors.add("name", "error-nothing-changed", &[]);
            } else if changed.restructure(day, name, kind, parent).is_err() {
                let after = current.valid_from.map(date).unwrap_or_default();
                errors.add(
                    "valid_from",
                    "error-date-after",
                    &[("date", Arg::from(after))],
                );
            }
        }
    }
    if !errors.is_empty() {
        let page = form_page(&ctx, &units, &tree, Some(unit), &form, errors);
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    // The revision the form was made from; a client that sends none edits what it read here.
    let revision = sent_revision(&form.revision, || revision_of(unit));
    let who = principal(&ctx)?;
    let done = match UnitCommand::new(changed) {
        Ok(cmd) => {
            units::update(
                state.store.as_ref(),
                state.clock.as_ref(),
                &who,
                cmd,
                &revision,
            )
            .await
        }
        Err(e) => Err(e),
    };
    if let Err(e) = done {
        let status = form_refusal(&mut errors, "parent", e)?;
        let page = form_page(&ctx, &units, &tree, Some(unit), &form, errors);
        return Ok(render_status(status, &page));
    }
    Ok(redirect(&format!("/units/{id}")))
}

/// The signed-in account as the use cases see it (anonymous: no role).
fn principal(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.user
        .as_ref()
        .map(Principal::of)
        .ok_or(PageError::Forbidden(
            ametijuhend_domain::access::Denied::NoRole,
        ))
}
