//! The job description editor: one form, every editing step a submit button re-rendered on the
//! server with the unsaved input kept (works without JavaScript). "Save" validates and stores
//! a new draft version — earlier versions never change. When someone else saved a version
//! after this editor was opened, the save is refused with a conflict page that keeps the input
//! (optimistic concurrency: the store compares the latest version inside the transaction).

use super::{Page, PageError, parse_id, render_status, ta, unit_tree};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::forms::jd::{JdForm, LANGUAGES};
use crate::forms::{FieldErrors, Opt};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::position::substituted_by;
use ametijuhend_domain::text::{estonian_cmp, sort_estonian_by};
use ametijuhend_domain::workflow::{Workflow, latest_version, new_version_draft};
use ametijuhend_domain::{
    Cefr, GeneralPart, JobDescription, JobDescriptionId, Position, PositionId, Status,
    Substitution, Template as DocTemplate, UnitId,
};
use ametijuhend_store::{AuditEntry, ChangeSet, StoreError};
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

struct Context {
    position: Position,
    all: Vec<Position>,
    versions: Vec<JobDescription>,
    library: Vec<ametijuhend_domain::Competency>,
    unit_name: String,
    units: Vec<ametijuhend_domain::Unit>,
    tree: UnitTree,
}

async fn load(state: &AppState, ctx: &Ctx, raw: &str) -> Result<Context, PageError> {
    let id: PositionId = parse_id(raw)?;
    let (units, tree) = unit_tree(state).await?;
    let all = state.store.list_positions(None).await?;
    let position = all
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::Edit,
        Target::Position {
            id: &id,
            unit: &position.unit,
        },
        &tree,
    )?;
    let versions = state.store.list_job_descriptions(&id).await?;
    let library = state.store.list_competencies().await?;
    let unit_name = units
        .iter()
        .find(|u| u.id == position.unit)
        .map(|u| u.name().to_string())
        .unwrap_or_default();
    Ok(Context {
        position,
        all,
        versions,
        library,
        unit_name,
        units,
        tree,
    })
}

fn page(
    ctx: &Ctx,
    c: &Context,
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
    // Substitutes come from the position's department (the unit below the agency it lies in),
    // and those already chosen from wherever they are: a list a person can go through, at any
    // size of the registry. Each is named with its unit (titles repeat).
    let chain = c.tree.ancestors_and_self(&c.position.unit);
    let scope = match chain.len() {
        0 | 1 => c.position.unit.clone(),
        n => chain[n - 2].clone(),
    };
    let unit_name = |id: &UnitId| {
        c.units
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name().to_string())
            .unwrap_or_default()
    };
    let mut substitutes: Vec<SubRow> = c
        .all
        .iter()
        .filter(|p| p.id != c.position.id)
        .filter(|p| c.tree.is_within(&p.unit, &scope) || f.substitutes.contains(&p.id.to_string()))
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
            &[("unit", Arg::from(unit_name(&scope)))],
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
    Ok(render_status(
        StatusCode::OK,
        &page(&ctx, &c, f, FieldErrors::new(ctx.lang), None),
    ))
}

/// A first version for a position that has none: the general part from the position.
fn blank(c: &Context, account: &str, at: ametijuhend_domain::Timestamp) -> JobDescription {
    let p = &c.position;
    let supervisor = p
        .supervisor
        .as_ref()
        .and_then(|s| c.all.iter().find(|x| &x.id == s))
        .map(Position::full_title);
    JobDescription {
        id: JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
        position: p.id.clone(),
        version: 1,
        status: Status::Draft,
        template: DocTemplate::Ska2024,
        created_at: at,
        created_by: Some(account.to_string()),
        written_from: None,
        general: GeneralPart {
            title: p.title.clone(),
            specialisation: p.specialisation.clone(),
            unit: c.unit_name.clone(),
            supervisor,
            subordinates: c
                .all
                .iter()
                .filter(|x| x.supervisor.as_ref() == Some(&p.id))
                .map(Position::full_title)
                .collect(),
            substituted_by: vec![],
            substitutes_for: vec![],
            staff_group: Some(p.staff_group),
        },
        purpose: String::new(),
        duties: vec![],
        rights: Default::default(),
        responsibilities: Default::default(),
        work_equipment: None,
        requirements: Default::default(),
        competencies: vec![],
        amendment_rules: vec![],
        special_conditions: None,
        signatures: vec![],
        approval: None,
        effective_from: None,
        effective_to: None,
        source: None,
        unplaced: vec![],
        roles: vec![],
        workflow: Workflow::default(),
    }
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
    let op = pairs
        .iter()
        .find(|(k, _)| k == "op")
        .map(|(_, v)| v.as_str())
        .unwrap_or("save");
    if op != "save" {
        let applied = f.apply_op(op);
        let mut editor = page(&ctx, &c, f, FieldErrors::new(ctx.lang), None);
        if applied {
            editor.focus = focus_after(op, &editor.f);
        }
        return Ok(render_status(StatusCode::OK, &editor));
    }
    let base = c.versions.iter().find(|v| v.version == f.base_version);
    let mut draft = match base {
        Some(b) => new_version_draft(
            b,
            JobDescriptionId::from_uuid(uuid::Uuid::new_v4()),
            f.base_version + 1,
            state.clock.timestamp(),
            Some(ctx.account()),
        ),
        None => {
            let mut d = blank(&c, &ctx.account(), state.clock.timestamp());
            d.version = f.base_version + 1;
            d
        }
    };
    let mut errors = FieldErrors::new(ctx.lang);
    let known_comp: Vec<_> = c.library.iter().map(|x| x.id.clone()).collect();
    let known_pos: Vec<_> = c.all.iter().map(|x| x.id.clone()).collect();
    let chosen = f.validate_into(&mut draft, &mut errors, &known_comp, &known_pos);
    if !errors.is_empty() {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&ctx, &c, f, errors, None),
        ));
    }
    let pid = c.position.id.clone();
    let links = state.store.substitutions_of(&pid).await?;
    let existing: Vec<Substitution> = links.into_iter().filter(|l| l.substituted == pid).collect();
    // The document's "Kes asendab" is written anew only when the substitutes were changed in
    // the editor; otherwise it stays as the document has it (an imported text may name
    // positions the registry does not link).
    let unchanged =
        chosen.len() == existing.len() && existing.iter().all(|e| chosen.contains(&e.substitute));
    if !unchanged {
        draft.general.substituted_by = chosen
            .iter()
            .filter_map(|s| c.all.iter().find(|p| &p.id == s))
            .map(Position::full_title)
            .collect();
    }
    let wanted: Vec<Substitution> = chosen
        .iter()
        .map(|s| Substitution {
            substitute: s.clone(),
            substituted: pid.clone(),
        })
        .collect();
    let changes = ChangeSet {
        job_descriptions: vec![draft.clone()],
        substitutions: wanted
            .iter()
            .filter(|w| !existing.contains(w))
            .cloned()
            .collect(),
        remove_substitutions: existing
            .iter()
            .filter(|e| !wanted.contains(e))
            .cloned()
            .collect(),
        ..ChangeSet::default()
    };
    let expected = (f.base_version > 0).then_some(f.base_version);
    let mut audit = AuditEntry::new(
        state.clock.timestamp(),
        ctx.account(),
        "job_description.draft_saved",
        "position",
        &pid,
    )
    .after(&draft);
    if let Some(b) = base {
        audit = audit.before(b);
    }
    match state
        .store
        .save_job_description_draft(&changes, &pid, expected, &audit)
        .await
    {
        Ok(()) => Ok(redirect(&format!("/job-descriptions/{}?saved=1", draft.id))),
        Err(StoreError::Conflict { found, .. }) => {
            tracing::info!("job description save refused: edited meanwhile");
            let versions = state.store.list_job_descriptions(&pid).await?;
            let latest = latest_version(&versions, &pid);
            let link = latest
                .map(|v| format!("/job-descriptions/{}", v.id))
                .unwrap_or_default();
            let found = found.unwrap_or(0);
            // The input stays; saving again makes the version after the latest one.
            f.base_version = found;
            let c = Context { versions, ..c };
            Ok(render_status(
                StatusCode::CONFLICT,
                &page(&ctx, &c, f, FieldErrors::new(ctx.lang), Some((found, link))),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
