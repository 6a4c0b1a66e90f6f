//! The lifecycle of a job description version on its page: status, transition history (who,
//! when, in which capacity, what, why), the consent assessment against the version in force,
//! and the actions the signed-in account may take now, each a small form. The decision is the
//! domain's ([`crate::lifecycle`]); a refusal shows the domain's reason, translated by its
//! stable code, and writes nothing.
//!
//! The other lifecycle pages live beside this module: comparing versions
//! ([`super::compare`]), reviews ([`super::reviews`]), the consistency checks
//! ([`super::checks`]) and role card follow-up ([`super::card_updates`]).

use super::document::status_name;
use super::{Page, PageError, date, instant, parse_id, render_status, ta};
use crate::AppState;
use crate::auth::{Ctx, redirect};
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_app::lifecycle::{self, VersionState};
use ametijuhend_app::{AppError, Principal};
use ametijuhend_domain::access::{Permission, Target};
use ametijuhend_domain::consent::{ConsentAssessment, ConsentKind, ConsentReason};
use ametijuhend_domain::time::parse_date;
use ametijuhend_domain::workflow::{
    Action, ActionKind, Capacity, CoordinationParty, DirectiveApproval, TransitionError, can_edit,
};
use ametijuhend_domain::{JobDescription, JobDescriptionId, Position, Status};
use ametijuhend_store::User;
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};
use serde::Deserialize;

mod panel;
pub use panel::{LifecyclePanel, panel};

pub fn routes() -> Router<AppState> {
    Router::new().route("/job-descriptions/{id}/transitions", post(transition))
}

/// The name of an action ("submit" → "esita kooskõlastamiseks").
pub fn action_name(lang: Lang, kind: ActionKind) -> String {
    translate(
        lang,
        &format!("wf-action-{}", kind.as_str().replace('_', "-")),
        &[],
    )
}

fn capacity_name(lang: Lang, c: Capacity) -> String {
    translate(lang, &format!("wf-capacity-{}", c.as_str()), &[])
}

fn party_name(lang: Lang, p: CoordinationParty) -> String {
    translate(lang, &format!("wf-party-{}", p.as_str()), &[])
}

fn list(lang: Lang, statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(|s| status_name(lang, *s))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// One consent reason in the user's language.
pub fn reason_text(lang: Lang, r: &ConsentReason) -> String {
    let key = |k: &str| format!("wf-reason-{k}");
    match r {
        ConsentReason::PurposeChanged { similarity_percent } => ta(
            lang,
            &key("purpose-changed"),
            &[("percent", Arg::from(*similarity_percent))],
        ),
        ConsentReason::PurposeReworded { similarity_percent } => ta(
            lang,
            &key("purpose-reworded"),
            &[("percent", Arg::from(*similarity_percent))],
        ),
        ConsentReason::DutyAdded { number, text } => ta(
            lang,
            &key("duty-added"),
            &[("number", Arg::from(number)), ("text", Arg::from(text))],
        ),
        ConsentReason::DutyRemoved { number, text } => ta(
            lang,
            &key("duty-removed"),
            &[("number", Arg::from(number)), ("text", Arg::from(text))],
        ),
        ConsentReason::DutyChangedInSubstance {
            new_number,
            similarity_percent,
            ..
        } => ta(
            lang,
            &key("duty-changed"),
            &[
                ("number", Arg::from(new_number)),
                ("percent", Arg::from(*similarity_percent)),
            ],
        ),
        ConsentReason::DutyReworded {
            new_number,
            similarity_percent,
            ..
        } => ta(
            lang,
            &key("duty-reworded"),
            &[
                ("number", Arg::from(new_number)),
                ("percent", Arg::from(*similarity_percent)),
            ],
        ),
        ConsentReason::ResultsChanged { number } => ta(
            lang,
            &key("results-changed"),
            &[("number", Arg::from(number))],
        ),
        ConsentReason::VolumeGrown {
            before,
            after,
            threshold_percent,
            ..
        } => ta(
            lang,
            &key("volume-grown"),
            &[
                ("before", Arg::from(*before)),
                ("after", Arg::from(*after)),
                ("threshold", Arg::from(*threshold_percent)),
            ],
        ),
    }
}

/// "vajab ametniku nõusolekut" / "vajab töötajaga kokkulepet" / "nõusolekut pole vaja".
pub fn verdict(lang: Lang, a: &ConsentAssessment) -> String {
    let key = match (a.needs_consent, a.kind) {
        (false, _) => "wf-consent-not-needed",
        (true, ConsentKind::Consent) => "wf-consent-needed",
        (true, ConsentKind::Agreement) => "wf-agreement-needed",
    };
    translate(lang, key, &[])
}

/// A refusal of the domain in the user's language (by its stable code).
pub fn refusal_text(lang: Lang, e: &TransitionError) -> String {
    let key = format!("wf-refused-{}", e.code().replace('_', "-"));
    let args: Vec<(&str, Arg)> = match e {
        TransitionError::WrongStatus {
            action,
            status,
            allowed,
        } => vec![
            ("action", Arg::from(action_name(lang, *action))),
            ("status", Arg::from(status_name(lang, *status))),
            ("allowed", Arg::from(list(lang, allowed))),
        ],
        TransitionError::NotPermitted { action, .. }
        | TransitionError::CommentRequired { action } => {
            vec![("action", Arg::from(action_name(lang, *action)))]
        }
        TransitionError::AlreadySignedOff { party, by, at } => vec![
            ("party", Arg::from(party_name(lang, *party))),
            ("by", Arg::from(by)),
            ("at", Arg::from(instant(*at))),
        ],
        TransitionError::SamePersonSignsTwice { other, .. } => {
            vec![("party", Arg::from(party_name(lang, *other)))]
        }
        TransitionError::ContentIncomplete { problems } => {
            vec![("problems", Arg::from(problems.join("; ")))]
        }
        TransitionError::CoordinationIncomplete { missing } => vec![(
            "missing",
            Arg::from(
                missing
                    .iter()
                    .map(|p| party_name(lang, *p))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )],
        TransitionError::ConsentMissing { kind, reasons } => vec![
            (
                "kind",
                Arg::from(translate(
                    lang,
                    &format!("wf-consent-kind-{}", kind.as_str()),
                    &[],
                )),
            ),
            ("reasons", Arg::from(reasons.join("; "))),
        ],
        TransitionError::DirectiveIncomplete { problem }
        | TransitionError::SuccessorInvalid { problem } => {
            vec![("problem", Arg::from(problem))]
        }
        TransitionError::DateInFuture { date: d, today, .. } => vec![
            ("date", Arg::from(date(*d))),
            ("today", Arg::from(date(*today))),
        ],
        TransitionError::DateBeforeApproval {
            date: d,
            approved_on,
            ..
        } => vec![
            ("date", Arg::from(date(*d))),
            ("approved", Arg::from(date(*approved_on))),
        ],
        TransitionError::NotYetEffective {
            effective_from,
            today,
        } => vec![
            ("date", Arg::from(date(*effective_from))),
            ("today", Arg::from(date(*today))),
        ],
        TransitionError::OlderThanInForce {
            version,
            in_force_version,
        } => vec![
            ("version", Arg::from(*version)),
            ("inforce", Arg::from(*in_force_version)),
        ],
        TransitionError::Stale { expected, found } => vec![
            ("expected", Arg::from(status_name(lang, *expected))),
            ("found", Arg::from(status_name(lang, *found))),
        ],
        TransitionError::ConsentNotAssessed
        | TransitionError::ConsentStale
        | TransitionError::ConsentNotNeeded
        | TransitionError::NoEffectiveDate
        | TransitionError::NotAcknowledged => vec![],
    };
    ta(lang, &key, &args)
}

/// The form of one action (every field optional; the action says which it needs).
#[derive(Deserialize, Default)]
pub struct TransitionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    annex: String,
    #[serde(default)]
    effective_from: String,
    #[serde(default)]
    holder: String,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The domain action a form asks for, or the text of what is wrong with the form.
fn action_of(lang: Lang, f: &TransitionForm) -> Result<Action, String> {
    let day = |raw: &str| parse_date(raw).ok_or_else(|| translate(lang, "error-date", &[]));
    Ok(match f.action.as_str() {
        "submit" => Action::Submit,
        "sign_off_as_supervisor" => Action::SignOffAsSupervisor {
            comment: opt(&f.comment),
        },
        "sign_off_as_hr" => Action::SignOffAsHr {
            comment: opt(&f.comment),
        },
        "withdraw" => Action::Withdraw {
            comment: opt(&f.comment),
        },
        "return" => Action::Return {
            comment: f.comment.trim().to_string(),
        },
        "record_consent" => Action::RecordConsent {
            given_on: day(&f.date)?,
            comment: opt(&f.comment),
        },
        "approve" => Action::Approve(DirectiveApproval {
            directive: None,
            number: f.number.trim().to_string(),
            date: day(&f.date)?,
            annex: f
                .annex
                .trim()
                .parse()
                .map_err(|_| translate(lang, "wf-error-annex", &[]))?,
            effective_from: match opt(&f.effective_from) {
                Some(d) => Some(day(&d)?),
                None => None,
            },
            approved_by: None,
        }),
        "acknowledge" => Action::Acknowledge {
            date: day(&f.date)?,
            holder: opt(&f.holder),
        },
        "put_in_force" => Action::PutInForce,
        "repeal" => Action::Repeal {
            reason: f.comment.trim().to_string(),
        },
        _ => return Err(translate(lang, "wf-error-action", &[])),
    })
}

#[derive(Template)]
#[template(path = "workflow_refused.html")]
struct RefusedPage {
    p: Page,
    message: String,
    back: String,
}

/// The page that says why an action was refused (nothing was written).
pub fn refused(ctx: &Ctx, status: StatusCode, message: String, back: String) -> Response {
    let p = Page::new(
        ctx,
        "positions",
        translate(ctx.lang, "wf-refused-title", &[]),
    );
    render_status(status, &RefusedPage { p, message, back })
}

/// The HTTP status of a refusal: 403 for a missing permission, 409 for a state that changed or
/// does not allow it, 422 for a precondition or an input.
/// A refusal of the application layer in the reader's language: by its stable code where the
/// interface has a text for it (`refused-in-use`, `refused-read-only` …), else the general
/// "cannot be saved" with the layer's own detail.
pub fn app_refusal_text(lang: Lang, e: &AppError) -> String {
    let key = format!("refused-{}", e.code().replace('_', "-"));
    if crate::i18n::has(lang, &key) {
        translate(lang, &key, &[])
    } else {
        translate(
            lang,
            "error-refused",
            &[("detail", crate::i18n::Arg::from(e.to_string()))],
        )
    }
}

pub fn refusal_status(e: &TransitionError) -> StatusCode {
    match e {
        TransitionError::NotPermitted { .. } => StatusCode::FORBIDDEN,
        TransitionError::WrongStatus { .. }
        | TransitionError::Stale { .. }
        | TransitionError::AlreadySignedOff { .. } => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Refuses editing a version that is not a draft (and not a finished document that a new draft
/// starts from): a version in coordination is returned to draft first. None when editing may
/// go on.
pub fn edit_refusal(
    ctx: &Ctx,
    position: &Position,
    versions: &[JobDescription],
) -> Option<Response> {
    let latest = versions
        .iter()
        .filter(|v| v.position == position.id)
        .max_by_key(|v| v.version)?;
    if can_edit(latest.status) || latest.status != Status::InCoordination {
        return None;
    }
    let message = ta(
        ctx.lang,
        "wf-edit-refused",
        &[
            ("version", Arg::from(latest.version)),
            ("status", Arg::from(status_name(ctx.lang, latest.status))),
        ],
    );
    Some(refused(
        ctx,
        StatusCode::CONFLICT,
        message,
        format!("/job-descriptions/{}", latest.id),
    ))
}

#[tracing::instrument(skip_all)]
async fn transition(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(f): Form<TransitionForm>,
) -> Result<Response, PageError> {
    let id: JobDescriptionId = parse_id(&id)?;
    let user = ctx.user.clone().ok_or(PageError::NotFound)?;
    super::version_for(&state, &ctx, &id, Permission::Read).await?;
    let back = format!("/job-descriptions/{id}");
    let action = match action_of(ctx.lang, &f) {
        Ok(a) => a,
        Err(message) => {
            return Ok(refused(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                back,
            ));
        }
    };
    match lifecycle::perform(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(&user),
        &id,
        &action,
    )
    .await
    {
        Ok(done) => {
            tracing::info!(
                action = done.outcome.record.action.as_str(),
                version = %id,
                "lifecycle transition"
            );
            Ok(redirect(&format!(
                "{back}?done={}#wf-done",
                done.outcome.record.action.as_str()
            )))
        }
        Err(AppError::Refused(e)) => {
            tracing::info!(code = e.code(), "lifecycle transition refused");
            Ok(refused(
                &ctx,
                refusal_status(&e),
                refusal_text(ctx.lang, &e),
                back,
            ))
        }
        Err(AppError::Stale { .. }) => Ok(refused(
            &ctx,
            StatusCode::CONFLICT,
            translate(ctx.lang, "wf-refused-changed", &[]),
            back,
        )),
        Err(AppError::Conflict {
            code: "approval_disagrees_with_directive",
            message,
        }) => {
            tracing::info!(%message, "an approval by hand disagreed with the directives");
            Ok(refused(
                &ctx,
                StatusCode::CONFLICT,
                translate(ctx.lang, "wf-refused-approval-disagrees", &[]),
                back,
            ))
        }
        Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT);
            Ok(refused(&ctx, status, app_refusal_text(ctx.lang, &e), back))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_layers_refusals_read_in_the_readers_language() {
        let in_use = AppError::Conflict {
            code: "in_use",
            message: "job description x is referred to".into(),
        };
        let et = app_refusal_text(Lang::Et, &in_use);
        assert!(et.starts_with("Seda ei saa teha"), "{et}");
        assert!(!et.contains("referred"), "{et}");
        let ru = app_refusal_text(Lang::Ru, &in_use);
        assert!(ru.starts_with("Это невозможно"), "{ru}");
        // A code without its own text: the general sentence with the detail.
        let other = AppError::Conflict {
            code: "render_failed",
            message: "the PDF could not be made".into(),
        };
        let et = app_refusal_text(Lang::Et, &other);
        assert!(
            et.starts_with("Muudatust ei saa salvestada")
                && et.contains("the PDF could not be made"),
            "{et}"
        );
    }
}
