//! The directive pages: the list, preparing a directive, its page with the clauses as they will
//! print (recording its registration is in `registration.rs`).

use super::*;

// ---------------------------------------------------------------------------------------------
// Pages

/// "nr 17, 02.05.2025", or "unregistered" in the user's language.
pub(super) fn registration_text(lang: Lang, d: &Directive) -> String {
    if !d.is_registered() {
        return translate(lang, "directive-unregistered", &[]);
    }
    translate(
        lang,
        "directive-registered-as",
        &[
            (
                "number",
                Arg::from(d.number.clone().unwrap_or_else(|| "–".into())),
            ),
            (
                "date",
                Arg::from(d.date.map(date).unwrap_or_else(|| "–".into())),
            ),
        ],
    )
}

pub struct DirectiveRow {
    pub id: String,
    pub registration: String,
    pub registered: bool,
    pub title: String,
    pub annexes: Vec<String>,
}

#[derive(askama::Template)]
#[template(path = "directives.html")]
pub(super) struct ListPage {
    p: Page,
    rows: Vec<DirectiveRow>,
    summary: String,
    pager: Option<crate::paging::Pager>,
    can_prepare: bool,
}

#[tracing::instrument(skip_all)]
pub(super) async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<crate::paging::PageQuery>,
) -> Result<Response, PageError> {
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let kept = state.directives().await?;
    let mut all: Vec<&Directive> = kept.iter().collect();
    all.sort_by(|a, b| {
        a.is_registered()
            .cmp(&b.is_registered())
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| estonian_cmp(&a.title, &b.title))
    });
    // Unregistered first, then newest first; 50 to a page (an agency's years of directives
    // with their annexes would be one page of megabytes).
    let summary = tn(ctx.lang, "directives-count", all.len());
    let (range, pager) = crate::paging::page_of(
        ctx.lang,
        all.len(),
        q.number(),
        crate::paging::PER_PAGE,
        |n| format!("/directives?page={n}"),
    );
    let rows: Vec<DirectiveRow> = all[range]
        .iter()
        .map(|d| DirectiveRow {
            id: d.id.to_string(),
            registration: registration_text(ctx.lang, d),
            registered: d.is_registered(),
            title: shown_title(ctx.lang, d),
            annexes: d
                .annexes
                .iter()
                .map(|a| {
                    format!(
                        "{} {}: {}",
                        translate(ctx.lang, "directive-annex", &[]),
                        a.annex,
                        a.title
                    )
                })
                .collect(),
        })
        .collect();
    let p = Page::new(
        &ctx,
        "directives",
        translate(ctx.lang, "directives-title", &[]),
    );
    Ok(render(&ListPage {
        summary,
        pager,
        rows,
        can_prepare: ctx.can(Permission::Directives, Target::Registry, &tree),
        p,
    }))
}

/// The fields of the form that prepares a directive (`jd` repeats: one per chosen version).
#[derive(Debug, Clone, Default)]
pub struct DirectiveForm {
    pub unit: String,
    pub status: String,
    pub jd: Vec<String>,
    pub title: String,
    pub legal_basis: String,
    /// "signing" or "date".
    pub entry: String,
    pub in_force: String,
    pub retroactive_from: String,
    pub signer_name: String,
    pub signer_title: String,
}

impl DirectiveForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = DirectiveForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "unit" => f.unit = v,
                "status" => f.status = v,
                "jd" => f.jd.push(v),
                "title" => f.title = v,
                "legal_basis" => f.legal_basis = v,
                "entry" => f.entry = v,
                "in_force" => f.in_force = v,
                "retroactive_from" => f.retroactive_from = v,
                "signer_name" => f.signer_name = v,
                "signer_title" => f.signer_title = v,
                _ => {}
            }
        }
        f
    }

    pub fn on_date(&self) -> bool {
        self.entry == "date"
    }
}

/// One version that may be chosen.
pub struct Candidate {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub version: u32,
    pub status: String,
    pub checked: bool,
}

#[derive(askama::Template)]
#[template(path = "directive_new.html")]
pub(super) struct NewPage {
    p: Page,
    f: DirectiveForm,
    units: Vec<Opt>,
    statuses: Vec<Opt>,
    candidates: Vec<Candidate>,
    errors: FieldErrors,
}

#[derive(Deserialize)]
pub struct NewQuery {
    unit: Option<String>,
    status: Option<String>,
    /// A version chosen beforehand (the version page's "prepare a directive").
    jd: Option<String>,
}

/// The signed-in account as the use cases see it (anonymous: no role).
pub(super) fn acting(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.user
        .as_ref()
        .map(Principal::of)
        .ok_or(PageError::Forbidden(Denied::NoRole))
}

/// The versions the filter (unit subtree, status) offers: of each position, the latest version
/// with the status; chosen ones are always offered ([`app_directives::candidates`]: unit, then
/// title, in Estonian order).
pub(super) async fn candidates(
    state: &AppState,
    ctx: &Ctx,
    units: &[ametijuhend_domain::Unit],
    f: &DirectiveForm,
) -> Result<Vec<Candidate>, PageError> {
    let chosen: BTreeSet<&str> = f.jd.iter().map(|s| s.trim()).collect();
    // An unknown unit offers nothing but the versions chosen.
    let unit = match f.unit.trim() {
        "" => None,
        raw => Some(
            UnitId::parse(raw)
                .ok()
                .filter(|u| units.iter().any(|x| &x.id == u))
                .ok_or(()),
        ),
    };
    let query = app_directives::CandidateQuery {
        unit: unit.clone().and_then(Result::ok),
        status: Status::parse(&f.status),
        chosen: chosen
            .iter()
            .filter_map(|s| JobDescriptionId::parse(s).ok())
            .collect(),
    };
    let mut found = app_directives::candidates(state.store.as_ref(), &acting(ctx)?, &query).await?;
    if unit.as_ref().is_some_and(|u| u.is_err()) {
        found.retain(|c| chosen.contains(c.job_description.as_str()));
    }
    Ok(found
        .into_iter()
        .map(|c| Candidate {
            id: c.job_description.to_string(),
            checked: chosen.contains(c.job_description.as_str()),
            title: c.title,
            unit: c.unit_name,
            version: c.version,
            status: crate::pages::document::status_name(ctx.lang, c.status),
        })
        .collect())
}

pub(super) async fn new_page(
    state: &AppState,
    ctx: &Ctx,
    units: &[ametijuhend_domain::Unit],
    f: DirectiveForm,
    errors: FieldErrors,
) -> Result<NewPage, PageError> {
    let lang = ctx.lang;
    let mut unit_opts: Vec<Opt> = units
        .iter()
        .map(|u| Opt::new(u.id.to_string(), u.name(), &f.unit))
        .collect();
    sort_estonian_by(&mut unit_opts, |o| &o.label);
    unit_opts.insert(
        0,
        Opt::new("", translate(lang, "directive-all-units", &[]), &f.unit),
    );
    let mut statuses: Vec<Opt> = Status::ALL
        .iter()
        .map(|s| {
            Opt::new(
                s.as_str(),
                crate::pages::document::status_name(lang, *s),
                &f.status,
            )
        })
        .collect();
    statuses.insert(
        0,
        Opt::new("", translate(lang, "directive-any-status", &[]), &f.status),
    );
    Ok(NewPage {
        p: Page::new(
            ctx,
            "directives",
            translate(lang, "directive-new-title", &[]),
        ),
        candidates: candidates(state, ctx, units, &f).await?,
        units: unit_opts,
        statuses,
        f,
        errors,
    })
}

#[tracing::instrument(skip_all)]
pub(super) async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let f = DirectiveForm {
        unit: q.unit.unwrap_or_default(),
        status: q.status.unwrap_or_else(|| Status::Draft.as_str().into()),
        jd: q.jd.into_iter().collect(),
        legal_basis: DEFAULT_LEGAL_BASIS.into(),
        entry: "signing".into(),
        ..DirectiveForm::default()
    };
    let page = new_page(&state, &ctx, &units, f, FieldErrors::new(ctx.lang)).await?;
    Ok(render(&page))
}

/// A date field: empty is `None`; a malformed date is an error next to the field.
pub(super) fn date_field(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    required: bool,
) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        if required {
            errors.add(field, "error-required", &[]);
        }
        return None;
    }
    let d = parse_date(v);
    if d.is_none() {
        errors.add(field, "error-date", &[]);
    }
    d
}

/// What the form says, with errors next to the fields (the command's limits are checked by
/// [`app_directives::NewDirective::parse`] again).
pub(super) fn validate(
    f: &DirectiveForm,
    errors: &mut FieldErrors,
) -> app_directives::DirectiveInput {
    let mut ids = Vec::new();
    for raw in &f.jd {
        match JobDescriptionId::parse(raw.trim()) {
            Ok(id) => ids.push(id),
            Err(_) => errors.add("jd", "error-choose", &[]),
        }
    }
    if f.jd.is_empty() {
        errors.add("jd", "directive-error-none-chosen", &[]);
    }
    let title = errors.line("title", &f.title, false);
    let legal_basis = errors.text("legal_basis", &f.legal_basis, true);
    if legal_basis.chars().count() > app_directives::MAX_LEGAL_BASIS {
        errors.add(
            "legal_basis",
            "error-too-long",
            &[("max", Arg::from(app_directives::MAX_LEGAL_BASIS))],
        );
    }
    let entry_into_force = match f.entry.as_str() {
        "date" => {
            let d = date_field(errors, "in_force", &f.in_force, true);
            EntryIntoForce::OnDate {
                date: d.unwrap_or_default(),
            }
        }
        "signing" | "" => EntryIntoForce::OnSigning {
            retroactive_from: date_field(errors, "retroactive_from", &f.retroactive_from, false),
        },
        _ => {
            errors.add("entry", "error-choose", &[]);
            EntryIntoForce::OnSigning {
                retroactive_from: None,
            }
        }
    };
    let signer_name = errors.line("signer_name", &f.signer_name, false);
    let signer_title = errors.line("signer_title", &f.signer_title, false);
    app_directives::DirectiveInput {
        job_descriptions: ids,
        title: Some(title),
        legal_basis: Some(legal_basis),
        entry_into_force: Some(entry_into_force),
        signer_name: Some(signer_name),
        signer_title: Some(signer_title),
        template: None,
    }
}

/// A refusal of the use case next to the field it is about; other refusals are the error page.
fn refusal_beside_fields(e: AppError, errors: &mut FieldErrors) -> Result<(), PageError> {
    match e {
        AppError::Plan(app_directives::PlanError::SamePositionTwice(_)) => {
            errors.add("jd", "directive-error-same-position", &[]);
        }
        AppError::Plan(app_directives::PlanError::NothingChosen) => {
            errors.add("jd", "directive-error-none-chosen", &[]);
        }
        AppError::Plan(_) => errors.add("jd", "error-choose", &[]),
        AppError::Invalid(problems) => {
            for p in problems {
                match p.field.as_str() {
                    "job_descriptions" => errors.add("jd", "error-choose", &[]),
                    "legal_basis" => errors.add(
                        "legal_basis",
                        "error-too-long",
                        &[("max", Arg::from(app_directives::MAX_LEGAL_BASIS))],
                    ),
                    field @ ("title" | "signer_name" | "signer_title") => {
                        errors.add(field, "error-single-line", &[])
                    }
                    _ => errors.add("jd", "error-choose", &[]),
                }
            }
        }
        e => return Err(e.into()),
    }
    Ok(())
}

#[tracing::instrument(skip_all)]
pub(super) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let who = acting(&ctx)?;
    let f = DirectiveForm::from_pairs(&pairs);
    let mut errors = FieldErrors::new(ctx.lang);
    let input = validate(&f, &mut errors);
    let mut planned = None;
    if errors.is_empty() {
        let made = match app_directives::NewDirective::parse(input) {
            Ok(cmd) => app_directives::plan(state.store.as_ref(), &who, &cmd).await,
            Err(e) => Err(e),
        };
        match made {
            Ok(p) => planned = Some(p),
            Err(e) => refusal_beside_fields(e, &mut errors)?,
        }
    }
    let Some(planned) = planned.filter(|_| errors.is_empty()) else {
        let page = new_page(&state, &ctx, &units, f, errors).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let d =
        app_directives::create(state.store.as_ref(), state.clock.as_ref(), &who, &planned).await?;
    Ok(redirect(&format!("/directives/{}?created=1", d.id)))
}

pub struct AnnexRow {
    pub annex: u32,
    pub title: String,
    /// (version id, "version N, status") when the version is in the registry.
    pub version: Option<(String, String)>,
}

#[derive(askama::Template)]
#[template(path = "directive.html")]
pub(super) struct ShowPage {
    p: Page,
    id: String,
    registration: String,
    registered: bool,
    heading: String,
    legal_basis: Vec<String>,
    clauses: Vec<(String, bool)>,
    signer: (String, String),
    annexes: Vec<AnnexRow>,
    placeholders: String,
    can_register: bool,
    /// The directive's revision the registration form is made from.
    revision: String,
    number: String,
    reg_date: String,
    today: String,
    errors: FieldErrors,
    notice: Option<String>,
    refusal: Option<String>,
    /// The container to sign, the upload form and the stored containers.
    signatures: crate::pages::signatures::SignaturesPanel,
}

#[derive(Deserialize)]
pub struct ShowQuery {
    created: Option<String>,
    registered: Option<String>,
}

/// What the directive page shows besides the directive: the registration form as sent (number,
/// date) with its errors, a notice of what was just done, or why the registration was refused.
pub(super) struct Extras {
    pub(super) form: (String, String),
    pub(super) errors: FieldErrors,
    pub(super) notice: Option<String>,
    pub(super) refusal: Option<String>,
}

/// A title to show: the directive's, or "Käskkiri" when it has none.
pub(super) fn shown_title(lang: Lang, d: &Directive) -> String {
    match d.title.trim() {
        "" => translate(lang, "directive-untitled", &[]),
        t => t.to_string(),
    }
}

/// The directive page.
pub(super) async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    d: &Directive,
    tree: &UnitTree,
    extras: Extras,
) -> Result<ShowPage, PageError> {
    let Extras {
        form,
        errors,
        notice,
        refusal,
    } = extras;
    let lang = ctx.lang;
    let mut annexes = Vec::new();
    for a in &d.annexes {
        let version = match &a.job_description {
            Some(id) => state.store.get_job_description(id).await?.map(|jd| {
                (
                    jd.id.to_string(),
                    format!(
                        "{} {}, {}",
                        translate(lang, "jd-version", &[]),
                        jd.version,
                        crate::pages::document::status_name(lang, jd.status)
                    ),
                )
            }),
            None => None,
        };
        annexes.push(AnnexRow {
            annex: a.annex,
            title: a.title.clone(),
            version,
        });
    }
    let signer = d.signer.as_ref();
    let field = |v: Option<&String>, f: &str| {
        v.map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| f.to_string())
    };
    let heading = format!(
        "{} nr {}",
        d.date.map(date).unwrap_or_else(|| "{regDateTime}".into()),
        d.number.clone().unwrap_or_else(|| "{regNumber}".into())
    );
    let clauses = ametijuhend_render::directive_clauses(d)
        .into_iter()
        .map(|c| {
            let sub = c
                .split_once(' ')
                .is_some_and(|(n, _)| n.trim_end_matches('.').contains('.'));
            (c, sub)
        })
        .collect();
    Ok(ShowPage {
        p: Page::new(ctx, "directives", shown_title(lang, d)),
        id: d.id.to_string(),
        registration: registration_text(lang, d),
        registered: d.is_registered(),
        heading,
        legal_basis: d
            .legal_basis
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(DEFAULT_LEGAL_BASIS)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        clauses,
        signer: (
            field(signer.and_then(|s| s.name.as_ref()), "{Allkirjastaja}"),
            field(signer.and_then(|s| s.title.as_ref()), "{Ametikoht}"),
        ),
        annexes,
        placeholders: d.placeholders.join(", "),
        can_register: !d.is_registered() && ctx.can(Permission::Directives, Target::Registry, tree),
        revision: ametijuhend_store::revision_of(d),
        number: form.0,
        reg_date: form.1,
        today: state.clock.today().format("%Y-%m-%d").to_string(),
        errors,
        notice,
        refusal,
        signatures: crate::pages::signatures::directive_panel(state, ctx, &d.id, tree).await?,
    })
}

#[tracing::instrument(skip_all)]
pub(super) async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let d = state
        .store
        .get_directive(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let notice = if q.created.is_some() {
        Some(translate(ctx.lang, "directive-created-notice", &[]))
    } else if q.registered.is_some() {
        Some(translate(ctx.lang, "directive-registered-notice", &[]))
    } else {
        None
    };
    let extras = Extras {
        form: (String::new(), String::new()),
        errors: FieldErrors::new(ctx.lang),
        notice,
        refusal: None,
    };
    let page = show_page(&state, &ctx, &d, &tree, extras).await?;
    Ok(render(&page))
}
