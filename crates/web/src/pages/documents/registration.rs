//! Recording a directive's registration on its page: the number and date from the document
//! register, sent to the application layer's registration use case
//! ([`ametijuhend_app::directives::register`]), which approves the annexes too; refusals are
//! shown next to their fields or, for annexes that cannot be approved, each named above the form.

use super::*;

#[derive(Deserialize, Default)]
pub struct RegistrationForm {
    #[serde(default)]
    number: String,
    /// The directive's revision the form was made from.
    #[serde(default)]
    revision: String,
    #[serde(default)]
    date: String,
}

#[tracing::instrument(skip_all)]
pub(super) async fn register(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<RegistrationForm>,
) -> Result<Response, PageError> {
    let id: DirectiveId = parse_id(&id)?;
    let (_, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Directives, Target::Registry, &tree)?;
    let before = state
        .store
        .get_directive(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let user = ctx.user.clone().ok_or(PageError::NotFound)?;
    let mut errors = FieldErrors::new(ctx.lang);
    let number = errors.line("number", &f.number, true);
    let day = date_field(&mut errors, "date", &f.date, true);
    let mut refusal = None;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (true, Some(day)) = (errors.is_empty(), day) {
        let cmd = app_directives::Registration::new(&number, day, Some(f.revision.clone()));
        match app_directives::register(
            state.store.as_ref(),
            state.clock.as_ref(),
            &Principal::of(&user),
            &id,
            cmd,
        )
        .await
        {
            Ok(_) => {
                return Ok(redirect(&format!("/directives/{id}?registered=1#notice")));
            }
            Err(AppError::AnnexesRefused(list)) => {
                status = StatusCode::CONFLICT;
                let annexes = list
                    .iter()
                    .map(|a| {
                        translate(
                            ctx.lang,
                            "directive-annex-refused",
                            &[
                                ("annex", Arg::from(a.annex as usize)),
                                ("title", Arg::from(a.title.clone())),
                                ("reason", Arg::from(refusal_text(ctx.lang, &a.reason))),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                refusal = Some(translate(
                    ctx.lang,
                    "directive-error-annexes-refused",
                    &[("annexes", Arg::from(annexes))],
                ));
            }
            Err(AppError::Stale { .. }) => {
                status = StatusCode::CONFLICT;
                refusal = Some(translate(ctx.lang, "wf-refused-changed", &[]));
            }
            Err(AppError::Registration(e)) => match e {
                RegistrationError::AlreadyRegistered { .. } => {
                    status = StatusCode::CONFLICT;
                    refusal = Some(translate(
                        ctx.lang,
                        "directive-error-already-registered",
                        &[],
                    ));
                }
                RegistrationError::NumberMissing => errors.add("number", "error-required", &[]),
                RegistrationError::NumberInvalid => errors.add(
                    "number",
                    "directive-error-number-invalid",
                    &[(
                        "max",
                        Arg::from(ametijuhend_domain::directive::MAX_NUMBER_LEN),
                    )],
                ),
                RegistrationError::DateInFuture { today: t, .. } => errors.add(
                    "date",
                    "directive-error-date-in-future",
                    &[("today", Arg::from(t))],
                ),
            },
            Err(e) => return Err(e.into()),
        }
    }
    let extras = Extras {
        form: (f.number, f.date),
        errors,
        notice: None,
        refusal,
    };
    let page = show_page(&state, &ctx, &before, &tree, extras).await?;
    Ok(render_status(status, &page))
}
