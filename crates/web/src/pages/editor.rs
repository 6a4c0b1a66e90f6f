//! The job description editor: one form, every editing step a submit button re-rendered on the
//! server with the unsaved input kept (works without JavaScript). "Save" validates and stores
//! a new draft version — earlier versions never change. When someone else saved a version
//! after this editor was opened, the save is refused with a conflict page that keeps the input
//! (optimistic concurrency: the store compares the latest version inside the transaction).

use super::{Page, PageError, parse_id, render_status, ta};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::forms::jd::{JdForm, LANGUAGES};
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_app::{AppError, Principal, drafts};
use ametijuhend_domain::access::Denied;
use ametijuhend_domain::position::substituted_by;
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::workflow::latest_version;
use ametijuhend_domain::{Cefr, JobDescription, Position, PositionId, UnitId};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/positions/{id}/job-description/edit",
        get(edit).post(submit),
    )
}

pub struct ResultRow {
    pub name: String,
    pub n: usize,
    pub value: String,
    pub error: Option<String>,
    pub remove_op: String,
}

pub struct DutyRow {
    pub i: usize,
    pub n: usize,
    pub name: String,
    pub text: String,
    pub error: Option<String>,
    pub results: Vec<ResultRow>,
    pub first: bool,
    pub last: bool,
}

pub struct LangRow {
    pub i: usize,
    pub n: usize,
    pub codes: Vec<Opt>,
    pub levels: Vec<Opt>,
    pub text: String,
    pub code_error: Option<String>,
    pub level_error: Option<String>,
}

pub struct CompRow {
    pub id: String,
    pub name: String,
    pub options: Vec<Opt>,
    pub error: Option<String>,
}

pub struct SubRow {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "jd_edit.html")]
struct EditorPage {
    p: Page,
    id: String,
    f: JdForm,
    duties: Vec<DutyRow>,
    languages: Vec<LangRow>,
    competencies: Vec<CompRow>,
    substitutes: Vec<SubRow>,
    /// "Ametikohad üksuses Arendusosakond": where the substitutes offered come from.
    substitutes_scope: String,
    errors: FieldErrors,
    /// Set when the save was refused because someone else saved meanwhile.
    conflict: Option<String>,
    conflict_link: String,
    base_text: String,
    /// What the editor does not change and the new version keeps as it is (label, items).
    kept: Vec<(String, Vec<String>)>,
    /// The field that gets the focus after an editing button (`autofocus`): the duty, result
    /// or language just added or moved, so that the person goes on where they were.
    focus: String,
}

/// The field to focus after the editing operation `op` was applied to `f`.
fn focus_after(op: &str, f: &JdForm) -> String {
    let n = |s: &str| s.parse::<usize>().ok();
    let parts: Vec<&str> = op.split('-').collect();
    let duty = |i: usize| format!("duty-{}-text", i.min(f.duties.len().saturating_sub(1)));
    match parts.as_slice() {
        ["add", "duty"] if !f.duties.is_empty() => duty(f.duties.len() - 1),
        ["remove", "duty", i] if !f.duties.is_empty() => n(i).map(duty).unwrap_or_default(),
        ["up", "duty", i] => n(i).map(|i| duty(i.saturating_sub(1))).unwrap_or_default(),
        ["down", "duty", i] => n(i).map(|i| duty(i + 1)).unwrap_or_default(),
        ["add", "result", i] => n(i)
            .and_then(|i| {
                let d = f.duties.get(i)?;
                Some(format!(
                    "duty-{i}-result-{}",
                    d.results.len().checked_sub(1)?
                ))
            })
            .unwrap_or_default(),
        ["remove", "result", i, _] => n(i).map(duty).unwrap_or_default(),
        ["add", "language"] if !f.languages.is_empty() => {
            format!("lang-{}-code", f.languages.len() - 1)
        }
        _ => String::new(),
    }
}

/// The parts of `base` the editor leaves as they are, shown so that nobody wonders where they
/// went: "Kes asendab" as written, the signature blocks, the amendment rules, requirements
/// under other labels, and text the importer could not place.
fn kept_parts(lang: Lang, base: Option<&JobDescription>) -> Vec<(String, Vec<String>)> {
    let Some(jd) = base else {
        return Vec::new();
    };
    let t = |key: &str| translate(lang, key, &[]);
    let signatures = jd
        .signatures
        .iter()
        .map(|s| {
            [s.name.as_deref(), s.title.as_deref()]
                .into_iter()
                .flatten()
                .chain(s.placeholders.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|s| !s.is_empty())
        .collect();
    let other = jd
        .requirements
        .other
        .iter()
        .map(|o| format!("{}: {}", o.label, o.text))
        .collect();
    [
        (
            t("jd-substituted-by-as-written"),
            jd.general.substituted_by.clone(),
        ),
        (t("jd-signature-blocks"), signatures),
        (t("jd-amendment"), jd.amendment_rules.clone()),
        (t("jd-other-requirements"), other),
        (t("jd-unplaced"), jd.unplaced.clone()),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .collect()
}

/// What the editor works with: the position, its versions, the competency library and the
/// positions it offers ([`drafts::Editing`]).
type Context = drafts::Editing;

/// The signed-in account as the use cases see it (anonymous: no role).
fn principal(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.user
        .as_ref()
        .map(Principal::of)
        .ok_or(PageError::Forbidden(Denied::NoRole))
}

async fn load(state: &AppState, ctx: &Ctx, raw: &str) -> Result<Context, PageError> {
    let id: PositionId = parse_id(raw)?;
    Ok(drafts::open(state.store.as_ref(), &principal(ctx)?, &id).await?)
}

fn page(
    ctx: &Ctx,
    c: &Context,
    chosen: &[Position],
    f: JdForm,
    errors: FieldErrors,
    conflict: Option<(u32, String)>,
) -> EditorPage {
    let lang = ctx.lang;
    let err = |name: &str| errors.get(name).cloned();
    let count = f.duties.len();
    let duties = f
        .duties
        .iter()
        .enumerate()
        .map(|(i, d)| DutyRow {
            i,
            n: i + 1,
            name: format!("duty-{i}-text"),
            text: d.text.clone(),
            error: err(&format!("duty-{i}-text")),
            results: d
                .results
                .iter()
                .enumerate()
                .map(|(j, r)| ResultRow {
                    name: format!("duty-{i}-result-{j}"),
                    n: j + 1,
                    value: r.clone(),
                    error: err(&format!("duty-{i}-result-{j}")),
                    remove_op: format!("remove-result-{i}-{j}"),
                })
                .collect(),
            first: i == 0,
            last: i + 1 == count,
        })
        .collect();
    let languages = f
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| LangRow {
            i,
            n: i + 1,
            codes: std::iter::once(Opt::new(
                "",
                translate(lang, "language-name-any", &[]),
                &l.code,
            ))
            .chain(LANGUAGES.iter().map(|c| {
                Opt::new(
                    *c,
                    translate(lang, &format!("language-name-{c}"), &[]),
                    &l.code,
                )
            }))
            .collect(),
            levels: Cefr::ALL
                .iter()
                .map(|c| Opt::new(c.as_str(), c.as_str(), &l.level))
                .collect(),
            text: l.text.clone(),
            code_error: err(&format!("lang-{i}-code")),
            level_error: err(&format!("lang-{i}-level")),
        })
        .collect();
    let mut competencies: Vec<CompRow> = c
        .library
        .iter()
        .map(|comp| {
            let id = comp.id.to_string();
            let current = f.competencies.get(&id).cloned().unwrap_or_default();
            CompRow {
                options: vec![
                    Opt::new(
                        "",
                        translate(lang, "competency-not-required", &[]),
                        &current,
                    ),
                    Opt::new("core", translate(lang, "competency-core", &[]), &current),
                    Opt::new(
                        "additional",
                        translate(lang, "competency-additional", &[]),
                        &current,
                    ),
                ],
                error: err(&format!("comp-{id}")),
                name: comp.name.clone(),
                id,
            }
        })
        .collect();
    competencies.sort_by(|a, b| estonian_cmp(&a.name, &b.name));
    // Substitutes come from the position's unit and the units above it, its neighbourhood
    // (supervisor chain, subordinates, substitution partners) and those already chosen from
    // wherever they are: a list a person can go through, at any size of the registry. Each is
    // named with its unit (titles repeat).
    let unit_name = |id: &UnitId| c.unit_name_of(id);
    let mut seen = std::collections::HashSet::new();
    let mut substitutes: Vec<SubRow> = c
        .offered
        .iter()
        .chain(chosen)
        .filter(|p| p.id != c.position.id)
        .filter(|p| seen.insert(p.id.clone()))
        .map(|p| SubRow {
            id: p.id.to_string(),
            label: format!("{} – {}", p.full_title(), unit_name(&p.unit)),
            checked: f.substitutes.contains(&p.id.to_string()),
        })
        .collect();
    sort_estonian_by(&mut substitutes, |s| &s.label);
    let title = ta(
        lang,
        "jd-edit-title",
        &[("title", Arg::from(c.position.full_title()))],
    );
    let base_text = if f.base_version == 0 {
        translate(lang, "jd-edit-first-version", &[])
    } else {
        ta(
            lang,
            "jd-edit-base",
            &[
                ("version", Arg::from(f.base_version)),
                ("next", Arg::from(f.base_version + 1)),
            ],
        )
    };
    let kept = kept_parts(
        lang,
        c.versions.iter().find(|v| v.version == f.base_version),
    );
    let (conflict, conflict_link) = match conflict {
        Some((v, link)) => (
            Some(ta(lang, "jd-conflict", &[("version", Arg::from(v))])),
            link,
        ),
        None => (None, String::new()),
    };
    EditorPage {
        p: Page::new(ctx, "positions", title),
        id: c.position.id.to_string(),
        duties,
        languages,
        competencies,
        substitutes,
        substitutes_scope: ta(
            lang,
            "jd-substitutes-scope",
            &[("unit", Arg::from(unit_name(&c.position.unit)))],
        ),
        errors,
        conflict,
        conflict_link,
        base_text,
        kept,
        focus: String::new(),
        f,
    }
}

/// The positions the form names as substitutes that the editor does not offer (chosen before
/// from elsewhere): read by id, at most as many as a document may name.
async fn chosen_elsewhere(
    state: &AppState,
    c: &Context,
    f: &JdForm,
) -> Result<Vec<Position>, PageError> {
    let ids: Vec<PositionId> = f
        .substitutes
        .iter()
        .filter_map(|s| PositionId::parse(s.trim()).ok())
        .filter(|id| !c.offered.iter().any(|p| &p.id == id))
        .take(drafts::MAX_SUBSTITUTES + 1)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(state.store.positions_by_id(&ids).await?)
}

#[tracing::instrument(skip_all)]
async fn edit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let c = load(&state, &ctx, &id).await?;
    // Only drafts are edited (a finished document gets a new draft): the domain's rule.
    if let Some(refusal) = super::lifecycle::edit_refusal(&ctx, &c.position, &c.versions) {
        return Ok(refusal);
    }
    let links = state.store.substitutions_of(&c.position.id).await?;
    let subs = substituted_by(&links, &c.position.id)
        .map(|p| p.to_string())
        .collect();
    let latest = latest_version(&c.versions, &c.position.id);
    let f = JdForm::from_version(latest, subs);
    let chosen = chosen_elsewhere(&state, &c, &f).await?;
    Ok(render_status(
        StatusCode::OK,
        &page(&ctx, &c, &chosen, f, FieldErrors::new(ctx.lang), None),
    ))
}

#[tracing::instrument(skip_all)]
async fn submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let c = load(&state, &ctx, &id).await?;
    if let Some(refusal) = super::lifecycle::edit_refusal(&ctx, &c.position, &c.versions) {
        return Ok(refusal);
    }
    let mut f = JdForm::from_pairs(&pairs);
    let chosen = chosen_elsewhere(&state, &c, &f).await?;
    let op = pairs
        .iter()
        .find(|(k, _)| k == "op")
        .map(|(_, v)| v.as_str())
        .unwrap_or("save");
    if op != "save" {
        let applied = f.apply_op(op);
        let mut editor = page(&ctx, &c, &chosen, f, FieldErrors::new(ctx.lang), None);
        if applied {
            editor.focus = focus_after(op, &editor.f);
        }
        return Ok(render_status(StatusCode::OK, &editor));
    }
    let who = principal(&ctx)?;
    let mut draft =
        drafts::next_version(&c, f.base_version, who.account(), state.clock.timestamp());
    let base = c.versions.iter().find(|v| v.version == f.base_version);
    let mut errors = FieldErrors::new(ctx.lang);
    let known_comp: Vec<_> = c.library.iter().map(|x| x.id.clone()).collect();
    let known_pos: Vec<_> = c
        .offered
        .iter()
        .chain(&chosen)
        .map(|x| x.id.clone())
        .collect();
    let substitutes = f.validate_into(&mut draft, &mut errors, &known_comp, &known_pos);
    let cmd = if errors.is_empty() {
        let expected = (f.base_version > 0).then_some(f.base_version);
        let cmd = drafts::SaveDraft::new(draft, expected, drafts::Origin::Editor)
            .and_then(|cmd| cmd.with_substitutes(substitutes));
        match cmd {
            Ok(cmd) => Some(match base {
                Some(b) => cmd.made_from(b.clone()),
                None => cmd,
            }),
            Err(e) => {
                // The form checks what the command checks; what it did not catch is shown
                // beside the substitutes or at the top of the form.
                for p in e.problems() {
                    tracing::info!(field = %p.field, message = %p.message, "draft refused");
                    errors.add("substitutes", "error-choose", &[]);
                }
                None
            }
        }
    } else {
        None
    };
    let Some(cmd) = cmd else {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&ctx, &c, &chosen, f, errors, None),
        ));
    };
    match drafts::save(state.store.as_ref(), state.clock.as_ref(), &who, cmd).await {
        Ok(saved) => Ok(redirect(&format!(
            "/job-descriptions/{}?saved=1",
            saved.id()
        ))),
        Err(AppError::Stale { .. }) => {
            tracing::info!("job description save refused: edited meanwhile");
            let pid = c.position.id.clone();
            let versions = state.store.list_job_descriptions(&pid).await?;
            let latest = latest_version(&versions, &pid);
            let link = latest
                .map(|v| format!("/job-descriptions/{}", v.id))
                .unwrap_or_default();
            let found = latest.map(|v| v.version).unwrap_or(0);
            // The input stays; saving again makes the version after the latest one.
            f.base_version = found;
            let c = Context { versions, ..c };
            if let Some(refusal) = super::lifecycle::edit_refusal(&ctx, &c.position, &c.versions) {
                return Ok(refusal);
            }
            Ok(render_status(
                StatusCode::CONFLICT,
                &page(
                    &ctx,
                    &c,
                    &chosen,
                    f,
                    FieldErrors::new(ctx.lang),
                    Some((found, link)),
                ),
            ))
        }
        Err(AppError::Conflict { .. }) => {
            // Submitted for coordination meanwhile.
            let versions = state.store.list_job_descriptions(&c.position.id).await?;
            match super::lifecycle::edit_refusal(&ctx, &c.position, &versions) {
                Some(refusal) => Ok(refusal),
                None => Err(PageError::Internal),
            }
        }
        Err(AppError::Invalid(problems)) => {
            let mut errors = FieldErrors::new(ctx.lang);
            for p in &problems {
                tracing::info!(field = %p.field, message = %p.message, "draft refused");
            }
            errors.add("substitutes", "error-choose", &[]);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, &c, &chosen, f, errors, None),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
