//! The server-rendered pages: one module per area, askama templates in `templates/`, every text
//! from Fluent. Every page works as plain HTML forms without JavaScript.
//!
//! Handlers take the request's [`Ctx`], ask the permission decision for what they show or
//! change, call the repository, and render a template around a [`Page`] (the layout's data).
//! Errors are [`PageError`]s; [`finish`] turns them into the 403/404/409/429/500 pages in the
//! user's language.

pub mod card_updates;
pub mod catalogue;
pub mod checks;
pub mod compare;
pub mod discard;
pub mod document;
pub mod documents;
pub mod editor;
pub mod history;
pub mod history_summary;
pub mod home;
pub mod lifecycle;
pub mod org;
pub mod positions;
pub mod reviews;
pub mod search;
pub mod signatures;
pub mod tasks;

use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Arg, Lang, translate};
use ametijuhend_domain::access::{Denied, UnitTree};
use ametijuhend_domain::ids::IdKind;
use ametijuhend_domain::time::format_date_et;
use ametijuhend_domain::{Id, Role, Timestamp, Unit};
use ametijuhend_store::StoreError;
use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(home::routes())
        .merge(tasks::routes())
        .merge(org::routes())
        .merge(positions::routes())
        .merge(editor::routes())
        .merge(catalogue::routes())
        .merge(history::routes())
        .merge(search::routes())
        .merge(lifecycle::routes())
        .merge(discard::routes())
        .merge(compare::routes())
        .merge(checks::routes())
        .merge(reviews::routes())
        .merge(card_updates::routes())
        .merge(documents::routes())
        .merge(signatures::routes())
}

/// What the layout needs: language, account, CSRF token, the page title and active section.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub title: String,
    pub user_name: Option<String>,
    pub roles: String,
    pub csrf: String,
    /// Where the language switcher returns to.
    pub path: String,
    /// The active section of the navigation ("home", "units", "positions" …).
    pub section: &'static str,
    /// Whether the navigation offers the consistency checks (asked of the access rules, so that
    /// no account is shown a link that would answer 403).
    pub show_checks: bool,
    /// How many tasks wait for the signed-in person (shown beside "Avaleht").
    pub tasks: Option<u64>,
}

/// One choice of the language switcher.
pub struct LangChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

impl Page {
    pub fn new(ctx: &Ctx, section: &'static str, title: impl Into<String>) -> Self {
        let roles = ctx
            .user
            .as_ref()
            .map(|u| {
                u.roles
                    .iter()
                    .map(|r| role_name(ctx.lang, *r))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        Self {
            lang: ctx.lang,
            title: title.into(),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            roles,
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            section,
            tasks: ctx.tasks,
            show_checks: ctx
                .allowed(
                    ametijuhend_domain::access::Permission::ReadHistory,
                    ametijuhend_domain::access::Target::Registry,
                    &UnitTree::default(),
                )
                .is_ok(),
        }
    }

    /// A text of the interface.
    pub fn t(&self, key: &str) -> String {
        translate(self.lang, key, &[])
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn langs(&self) -> Vec<LangChoice> {
        Lang::ALL
            .into_iter()
            .map(|l| LangChoice {
                code: l.code(),
                name: l.own_name(),
                selected: l == self.lang,
            })
            .collect()
    }

    /// `aria-current="page"` for the active navigation link.
    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section {
            "page"
        } else {
            "false"
        }
    }
}

/// A text with arguments, for handlers.
pub fn ta(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    translate(lang, key, args)
}

/// A plural text: `key` with `$count`.
pub fn tn(lang: Lang, key: &str, count: usize) -> String {
    translate(lang, key, &[("count", Arg::from(count))])
}

pub fn role_name(lang: Lang, role: Role) -> String {
    translate(lang, &format!("role-{}", role.as_str()), &[])
}

/// DD.MM.YYYY.
pub fn date(d: NaiveDate) -> String {
    format_date_et(d)
}

/// DD.MM.YYYY HH:MM in Europe/Tallinn, as people read times.
pub fn instant(t: Timestamp) -> String {
    ametijuhend_app::clock::format_local(&t)
}

/// Why a page could not be shown.
#[derive(Debug)]
pub enum PageError {
    NotFound,
    Forbidden(Denied),
    /// The form's CSRF token or origin did not match.
    Csrf,
    /// Too many failed sign-ins.
    RateLimited,
    /// The address does not take this method (e.g. `GET` of a form's address).
    MethodNotAllowed,
    /// The upload is larger than the address takes (a signed container over 20 MiB).
    TooLarge,
    /// A storage failure (logged; the page says only that it happened).
    Internal,
}

/// The revision an edit form was made from (its hidden field); a client that sends none edits
/// the record as this request read it (`read`).
pub fn sent_revision(sent: &str, read: impl FnOnce() -> String) -> String {
    match sent.trim() {
        "" => read(),
        r => r.to_string(),
    }
}

/// A use case's refusal on a form: the reason goes beside `field` and the form is shown again
/// with the status of the refusal (409 for a stale revision or a conflict, 422 for invalid
/// input); a refused permission, a missing record or a database failure is the error page.
pub fn form_refusal(
    errors: &mut crate::forms::FieldErrors,
    field: &str,
    e: ametijuhend_app::AppError,
) -> Result<StatusCode, PageError> {
    use ametijuhend_app::AppError;
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT);
    match e {
        AppError::Denied(d) => Err(PageError::Forbidden(d)),
        AppError::NotFound { .. } => Err(PageError::NotFound),
        AppError::Store(e) => Err(e.into()),
        AppError::Stale { message, .. } => {
            tracing::info!(%message, "a stale edit was refused");
            let detail = crate::i18n::Arg::from(message);
            errors.add(field, "error-changed-meanwhile", &[("detail", detail)]);
            Ok(status)
        }
        other => {
            let detail = crate::i18n::Arg::from(other.to_string());
            errors.add(field, "error-refused", &[("detail", detail)]);
            Ok(status)
        }
    }
}

impl From<ametijuhend_app::AppError> for PageError {
    /// For use cases whose other refusals the page has handled: a refused permission, a
    /// missing record, else an internal error (logged).
    fn from(e: ametijuhend_app::AppError) -> Self {
        use ametijuhend_app::AppError;
        match e {
            AppError::Denied(d) => PageError::Forbidden(d),
            AppError::NotFound { .. } => PageError::NotFound,
            AppError::Store(e) => e.into(),
            other => {
                tracing::error!(error = %other, "a use case's refusal reached the error page");
                PageError::Internal
            }
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "storage error");
        PageError::Internal
    }
}

/// The marker a [`PageError`] response carries until [`finish`] renders it.
#[derive(Debug, Clone, Copy)]
struct ErrorMarker {
    status: StatusCode,
    heading: &'static str,
    reason: Option<&'static str>,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, reason) = match self {
            PageError::NotFound => (StatusCode::NOT_FOUND, "error-not-found", None),
            PageError::Forbidden(d) => (
                StatusCode::FORBIDDEN,
                "error-forbidden",
                Some(d.reason_code()),
            ),
            PageError::Csrf => (StatusCode::FORBIDDEN, "error-forbidden", Some("csrf")),
            PageError::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "error-rate-limited", None),
            PageError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "error-method", None),
            PageError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "error-too-large", None),
            PageError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
        };
        let mut r = status.into_response();
        r.extensions_mut().insert(ErrorMarker {
            status,
            heading,
            reason,
        });
        r
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    p: Page,
    message: String,
    reason: String,
}

/// Renders a [`PageError`] response as the error page in the request's language.
pub fn finish(response: Response, ctx: &Ctx) -> Response {
    let Some(marker) = response.extensions().get::<ErrorMarker>().copied() else {
        return response;
    };
    let lang = ctx.lang;
    let p = Page::new(ctx, "", translate(lang, marker.heading, &[]));
    let message = translate(lang, &format!("{}-text", marker.heading), &[]);
    let reason = marker
        .reason
        .map(|code| translate(lang, &format!("denied-{code}"), &[]))
        .unwrap_or_default();
    let mut r = render(&ErrorTemplate { p, message, reason });
    *r.status_mut() = marker.status;
    r
}

/// Renders a template as an HTML page (a rendering failure is logged and answered with 500).
pub fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a template failed to render");
            let mut r = (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            r
        }
    }
}

/// Renders with a status other than 200 (422 for a form with errors, 409 for a conflict).
pub fn render_status(status: StatusCode, t: &impl Template) -> Response {
    let mut r = render(t);
    if r.status() == StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

/// Parses an id from the path; a malformed id is a missing page.
pub fn parse_id<K: IdKind>(raw: &str) -> Result<Id<K>, PageError> {
    Id::parse(raw).map_err(|_| PageError::NotFound)
}

/// Every unit and the current tree.
pub async fn unit_tree(state: &AppState) -> Result<(Vec<Unit>, UnitTree), PageError> {
    let units = state.units().await?;
    let tree = UnitTree::new(&units);
    Ok((units, tree))
}

/// A job description version, its position and the unit tree, when the account may do `what`
/// on the position (404 for an unknown version, the 403 page when it may not).
pub async fn version_for(
    state: &AppState,
    ctx: &Ctx,
    id: &ametijuhend_domain::JobDescriptionId,
    what: ametijuhend_domain::access::Permission,
) -> Result<
    (
        ametijuhend_domain::JobDescription,
        ametijuhend_domain::Position,
        UnitTree,
    ),
    PageError,
> {
    let jd = state
        .store
        .get_job_description(id)
        .await?
        .ok_or(PageError::NotFound)?;
    let position = state
        .store
        .get_position(&jd.position)
        .await?
        .ok_or(PageError::NotFound)?;
    let (_, tree) = unit_tree(state).await?;
    ctx.require(
        what,
        ametijuhend_domain::access::Target::Position {
            id: &position.id,
            unit: &position.unit,
        },
        &tree,
    )?;
    Ok((jd, position, tree))
}

/// The page for an address that does not exist.
pub async fn fallback() -> PageError {
    PageError::NotFound
}
