//! Adding, changing and removing a position: the form (with its pickers), its validation
//! next to the fields, and the handlers that hand a validated command to the application
//! layer's [`ametijuhend_app::positions`].

use super::*;

#[derive(Deserialize, Default, Clone)]
pub struct PositionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    specialisation: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    supervisor: String,
    #[serde(default)]
    staff_group: String,
    #[serde(default)]
    role_card: String,
    #[serde(default)]
    job_family: String,
    #[serde(default)]
    job_level: String,
    /// The revision the form was made from (sent back; checked when saving).
    #[serde(default)]
    revision: String,
}

#[derive(Template)]
#[template(path = "position_form.html")]
struct FormPage {
    p: Page,
    action: String,
    cancel: String,
    f: PositionForm,
    units: Vec<Opt>,
    supervisors: Vec<Opt>,
    groups: Vec<Opt>,
    cards: Vec<Opt>,
    revision: String,
    errors: FieldErrors,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    units: &[Unit],
    tree: &UnitTree,
    editing: Option<&Position>,
    f: PositionForm,
    errors: FieldErrors,
) -> Result<FormPage, PageError> {
    let lang = ctx.lang;
    let mut unit_opts: Vec<Opt> = units
        .iter()
        .filter(|u| ctx.can(Permission::Edit, Target::Unit(&u.id), tree))
        .map(|u| Opt::new(u.id.to_string(), u.name(), &f.unit))
        .collect();
    sort_estonian_by(&mut unit_opts, |o| &o.label);
    // Supervisors offered: the positions of the chosen unit (none chosen: the first the list
    // shows, which a browser sends) and of the units above it, and the current supervisor —
    // never the whole registry.
    let chosen_unit = UnitId::parse(f.unit.trim())
        .ok()
        .filter(|u| units.iter().any(|x| &x.id == u))
        .or_else(|| unit_opts.first().and_then(|o| UnitId::parse(&o.value).ok()));
    let mut offered = match &chosen_unit {
        Some(u) => {
            state
                .store
                .positions_in_units(&tree.ancestors_and_self(u))
                .await?
        }
        None => Vec::new(),
    };
    let current: Vec<PositionId> = PositionId::parse(f.supervisor.trim())
        .ok()
        .into_iter()
        .chain(editing.and_then(|e| e.supervisor.clone()))
        .filter(|s| !offered.iter().any(|p| &p.id == s))
        .collect();
    if !current.is_empty() {
        offered.extend(state.store.positions_by_id(&current).await?);
    }
    let mut supervisors: Vec<Opt> = offered
        .iter()
        .filter(|p| editing.is_none_or(|e| e.id != p.id))
        .map(|p| {
            let label = format!("{} – {}", p.full_title(), unit_name(units, &p.unit));
            Opt::new(p.id.to_string(), label, &f.supervisor)
        })
        .collect();
    sort_estonian_by(&mut supervisors, |o| &o.label);
    supervisors.insert(
        0,
        Opt::new(
            "",
            translate(lang, "position-no-supervisor", &[]),
            &f.supervisor,
        ),
    );
    let groups = [StaffGroup::Official, StaffGroup::Employee]
        .into_iter()
        .map(|g| {
            Opt::new(
                g.as_str(),
                translate(lang, &format!("staff-group-{}", g.as_str()), &[]),
                &f.staff_group,
            )
        })
        .collect();
    let mut cards: Vec<Opt> = state
        .store
        .list_role_cards()
        .await?
        .iter()
        .map(|c| Opt::new(c.id.to_string(), c.display_title(), &f.role_card))
        .collect();
    sort_estonian_by(&mut cards, |o| &o.label);
    cards.insert(
        0,
        Opt::new(
            "",
            translate(lang, "position-no-role-card", &[]),
            &f.role_card,
        ),
    );
    let (title, action, cancel) = match editing {
        Some(e) => (
            ta(
                lang,
                "position-edit-title",
                &[("title", Arg::from(e.full_title()))],
            ),
            format!("/positions/{}", e.id),
            format!("/positions/{}", e.id),
        ),
        None => (
            translate(lang, "position-new-title", &[]),
            "/positions".into(),
            "/positions".into(),
        ),
    };
    Ok(FormPage {
        p: Page::new(ctx, "positions", title),
        action,
        cancel,
        units: unit_opts,
        supervisors,
        groups,
        cards,
        revision: f.revision.clone(),
        f,
        errors,
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    unit: Option<String>,
}

#[tracing::instrument(skip_all)]
pub(super) async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    let unit = q.unit.as_deref().and_then(|u| UnitId::parse(u).ok());
    match &unit {
        Some(u) => ctx.require(Permission::Edit, Target::Unit(u), &tree)?,
        None => ctx.require(Permission::Edit, Target::Registry, &tree)?,
    }
    let f = PositionForm {
        unit: unit.map(|u| u.to_string()).unwrap_or_default(),
        staff_group: StaffGroup::Official.as_str().into(),
        ..PositionForm::default()
    };
    let page = form_page(
        &state,
        &ctx,
        &units,
        &tree,
        None,
        f,
        FieldErrors::new(ctx.lang),
    )
    .await?;
    Ok(render(&page))
}

#[tracing::instrument(skip_all)]
pub(super) async fn edit_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    let position = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::Edit,
        Target::Position {
            id: &id,
            unit: &position.unit,
        },
        &tree,
    )?;
    let f = PositionForm {
        title: position.title.clone(),
        specialisation: position.specialisation.clone().unwrap_or_default(),
        unit: position.unit.to_string(),
        supervisor: position
            .supervisor
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        staff_group: position.staff_group.as_str().into(),
        role_card: position
            .role_card
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        job_family: position
            .job_family
            .as_ref()
            .map(|j| j.family.clone())
            .unwrap_or_default(),
        job_level: position
            .job_family
            .as_ref()
            .map(|j| j.level.clone())
            .unwrap_or_default(),
        revision: revision_of(&position),
    };
    let page = form_page(
        &state,
        &ctx,
        &units,
        &tree,
        Some(&position),
        f,
        FieldErrors::new(ctx.lang),
    )
    .await?;
    Ok(render(&page))
}

/// Validates the form into a position (with `id`, keeping `previous`'s holders).
pub(super) async fn validate(
    state: &AppState,
    ctx: &Ctx,
    tree: &UnitTree,
    id: PositionId,
    previous: Option<&Position>,
    f: &PositionForm,
    errors: &mut FieldErrors,
) -> Result<Position, PageError> {
    let title = errors.line("title", &f.title, true);
    let specialisation = non_empty(errors.line("specialisation", &f.specialisation, false));
    let unit = match UnitId::parse(&f.unit) {
        Ok(u) if state.store.get_unit(&u).await?.is_some() => Some(u),
        _ => {
            errors.add("unit", "error-choose", &[]);
            None
        }
    };
    if let Some(u) = &unit {
        ctx.require(Permission::Edit, Target::Unit(u), tree)?;
    }
    let supervisor = if f.supervisor.trim().is_empty() {
        None
    } else {
        match PositionId::parse(&f.supervisor) {
            Ok(s) if s != id && state.store.get_position(&s).await?.is_some() => Some(s),
            _ => {
                errors.add("supervisor", "error-choose", &[]);
                None
            }
        }
    };
    let staff_group = StaffGroup::parse(&f.staff_group).unwrap_or_else(|| {
        errors.add("staff_group", "error-choose", &[]);
        StaffGroup::Official
    });
    let role_card = if f.role_card.trim().is_empty() {
        None
    } else {
        match ametijuhend_domain::RoleCardId::parse(&f.role_card) {
            Ok(c) if state.store.get_role_card(&c).await?.is_some() => Some(c),
            _ => {
                errors.add("role_card", "error-choose", &[]);
                None
            }
        }
    };
    let family = errors.line("job_family", &f.job_family, false);
    let level = errors.line("job_level", &f.job_level, false);
    let job_family = match (family.is_empty(), level.is_empty()) {
        (true, true) => None,
        (false, false) => Some(JobFamilyLevel { family, level }),
        (true, false) => {
            errors.add("job_family", "error-family-and-level", &[]);
            None
        }
        (false, true) => {
            errors.add("job_level", "error-family-and-level", &[]);
            None
        }
    };
    Ok(Position {
        id,
        title,
        specialisation,
        unit: unit.unwrap_or_else(|| UnitId::derived("")),
        supervisor,
        staff_group,
        role_card,
        job_family,
        assignments: previous.map(|p| p.assignments.clone()).unwrap_or_default(),
    })
}

#[tracing::instrument(skip_all)]
pub(super) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<PositionForm>,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Edit, Target::Registry, &tree)?;
    let mut errors = FieldErrors::new(ctx.lang);
    let id = PositionId::from_uuid(uuid::Uuid::new_v4());
    let position = validate(&state, &ctx, &tree, id.clone(), None, &f, &mut errors).await?;
    if !errors.is_empty() {
        let page = form_page(&state, &ctx, &units, &tree, None, f, errors).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let who = principal(&ctx)?;
    let done = match PositionCommand::new(position) {
        Ok(cmd) => positions::create(state.store.as_ref(), state.clock.as_ref(), &who, cmd).await,
        Err(e) => Err(e),
    };
    if let Err(e) = done {
        let status = form_refusal(&mut errors, "title", e)?;
        let page = form_page(&state, &ctx, &units, &tree, None, f, errors).await?;
        return Ok(render_status(status, &page));
    }
    Ok(redirect(&format!("/positions/{id}")))
}

#[tracing::instrument(skip_all)]
pub(super) async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<PositionForm>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    let (units, tree) = unit_tree(&state).await?;
    let before = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::Edit,
        Target::Position {
            id: &id,
            unit: &before.unit,
        },
        &tree,
    )?;
    let mut errors = FieldErrors::new(ctx.lang);
    let position = validate(
        &state,
        &ctx,
        &tree,
        id.clone(),
        Some(&before),
        &f,
        &mut errors,
    )
    .await?;
    if !errors.is_empty() {
        let page = form_page(&state, &ctx, &units, &tree, Some(&before), f, errors).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    // The revision the form was made from; a client that sends none edits what it read here.
    let revision = sent_revision(&f.revision, || revision_of(&before));
    let who = principal(&ctx)?;
    let done = match PositionCommand::new(position) {
        Ok(cmd) => {
            positions::update(
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
        let status = form_refusal(&mut errors, "title", e)?;
        let page = form_page(&state, &ctx, &units, &tree, Some(&before), f, errors).await?;
        return Ok(render_status(status, &page));
    }
    Ok(redirect(&format!("/positions/{id}")))
}

#[tracing::instrument(skip_all)]
pub(super) async fn delete(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: PositionId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    let before = state
        .store
        .get_position(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    ctx.require(
        Permission::Edit,
        Target::Position {
            id: &id,
            unit: &before.unit,
        },
        &tree,
    )?;
    let who = principal(&ctx)?;
    match positions::delete(state.store.as_ref(), state.clock.as_ref(), &who, &id).await {
        Ok(_) => Ok(redirect(&format!("/units/{}", before.unit))),
        // Something refers to it: the position page (409) says so and lists what.
        Err(AppError::Conflict { message, .. }) => {
            tracing::info!(%message, "position removal refused");
            let mut r = position_page(&state, &ctx, id, true).await?;
            if r.status() == StatusCode::OK {
                *r.status_mut() = StatusCode::CONFLICT;
            }
            Ok(r)
        }
        Err(AppError::Denied(d)) => Err(PageError::Forbidden(d)),
        Err(AppError::NotFound { .. }) => Err(PageError::NotFound),
        Err(e) => {
            tracing::error!(error = %e, "position removal failed");
            Err(PageError::Internal)
        }
    }
}

/// The signed-in account as the use cases see it (anonymous: no role).
pub(super) fn principal(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.user
        .as_ref()
        .map(Principal::of)
        .ok_or(PageError::Forbidden(
            ametijuhend_domain::access::Denied::NoRole,
        ))
}
