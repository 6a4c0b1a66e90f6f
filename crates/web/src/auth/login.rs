//! Signing in and out, and choosing the interface language.
//!
//! `GET /login` shows the form; `POST /login` checks the password (argon2id, see
//! [`ametijuhend_app::accounts`]), honours the rate
//! limit, starts a session (cookie) and answers 303 to `/` (or the page asked for). `POST
//! /logout` ends the session. `POST /language` saves the choice (account and cookie) and
//! returns to the page it came from.

use super::{Ctx, LANG_COOKIE, SESSION_COOKIE, redirect, set_cookie, token_hash};
use crate::AppState;
use crate::i18n::Lang;
use crate::pages::{Page, PageError, render, render_status};
use ametijuhend_app::accounts::{dummy_hash, random_token, verify_password};
use ametijuhend_store::SessionRecord;
use askama::Template;
use axum::extract::{ConnectInfo, Form, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;
use std::net::SocketAddr;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/language", post(language))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    p: Page,
    /// Where the form goes: `/login`, with the page's `?lang=` when it was asked for (the
    /// language of one request carries over to the form's answer).
    action: String,
    username: String,
    next: String,
    error: Option<String>,
}

/// The sign-in form's address, keeping a `?lang=` of the page it is on.
fn form_action(ctx: &Ctx) -> String {
    match super::lang_param(ctx.path.split_once('?').map(|(_, q)| q)) {
        Some(lang) => format!("/login?lang={}", lang.code()),
        None => "/login".into(),
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a local path (not `//host`) is a place to return to. Browsers drop tabs and line
/// breaks from a `Location` (and read `\` as `/`), so `/<tab>/host` would lead to another
/// site: a path with control characters, white space or a backslash is not returned to either.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n
                    .chars()
                    .any(|c| c == '\\' || c.is_control() || c.is_whitespace()) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

#[tracing::instrument(skip_all)]
async fn login_form(Extension(ctx): Extension<Ctx>, Query(q): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return redirect(&safe_next(q.next.as_deref()));
    }
    let p = Page::new(
        &ctx,
        "login",
        crate::i18n::translate(ctx.lang, "login-title", &[]),
    );
    render(&LoginPage {
        p,
        action: form_action(&ctx),
        username: String::new(),
        next: safe_next(q.next.as_deref()),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

#[tracing::instrument(skip_all)]
async fn login(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let ip = connect.map(|Extension(ConnectInfo(addr))| addr.ip());
    let username = form.username.trim().to_string();
    let next = safe_next(form.next.as_deref());
    if !state.limiter.allows(&username, ip) {
        tracing::warn!("sign-in refused: too many failed attempts");
        return Err(PageError::RateLimited);
    }
    let found = state.store.find_user(&username).await?;
    let password = form.password;
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let user = match found {
        Some((user, _)) if ok => user,
        _ => {
            state.limiter.record_failure(&username, ip);
            tracing::info!("sign-in failed");
            let p = Page::new(
                &ctx,
                "login",
                crate::i18n::translate(ctx.lang, "login-title", &[]),
            );
            let error = Some(crate::i18n::translate(ctx.lang, "login-failed", &[]));
            return Ok(render_status(
                StatusCode::UNAUTHORIZED,
                &LoginPage {
                    p,
                    action: form_action(&ctx),
                    username,
                    next,
                    error,
                },
            ));
        }
    };
    state.limiter.clear(&username, ip);
    let token = random_token().map_err(|_| PageError::Internal)?;
    let csrf = random_token().map_err(|_| PageError::Internal)?;
    let created = state.clock.timestamp();
    let ttl = chrono::Duration::seconds(
        i64::try_from(state.session_ttl.as_secs()).unwrap_or(i64::MAX / 2_000),
    );
    let expires = ametijuhend_domain::Timestamp::from_datetime(created.as_datetime() + ttl);
    state
        .store
        .create_session(&SessionRecord {
            token_hash: token_hash(&token),
            user_id: user.id.clone(),
            csrf_token: csrf,
            created_at: created,
            expires_at: expires,
        })
        .await?;
    if let Err(e) = state.store.delete_expired_sessions(created).await {
        tracing::warn!(error = %e, "cannot delete expired sessions");
    }
    tracing::info!(account = %user.username, "signed in");
    let mut r = redirect(&next);
    let max_age = i64::try_from(state.session_ttl.as_secs()).unwrap_or(i64::MAX);
    let cookies = [
        set_cookie(SESSION_COOKIE, &token, Some(max_age)),
        set_cookie(LANG_COOKIE, &user.language, Some(31_536_000)),
    ];
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(r)
}

#[tracing::instrument(skip_all)]
async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    if let Some(token) = super::cookie(&headers, SESSION_COOKIE) {
        state.store.delete_session(&token_hash(token)).await?;
    }
    let mut r = redirect("/login");
    if let Ok(v) = HeaderValue::from_str(&set_cookie(SESSION_COOKIE, "", Some(0))) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(rename = "return")]
    back: Option<String>,
}

#[tracing::instrument(skip_all)]
async fn language(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    let lang = Lang::parse(&form.lang).unwrap_or(ctx.lang);
    if let Some(user) = &ctx.user {
        state.store.set_user_language(&user.id, lang.code()).await?;
    }
    // Drop a ?lang= of the page returned to: the choice just made wins.
    let back = safe_next(form.back.as_deref());
    let back = match back.split_once('?') {
        Some((path, query)) => {
            let rest: Vec<&str> = query
                .split('&')
                .filter(|p| !p.starts_with("lang="))
                .collect();
            if rest.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", rest.join("&"))
            }
        }
        None => back,
    };
    let mut r = redirect(&back);
    if let Ok(v) = HeaderValue::from_str(&set_cookie(LANG_COOKIE, lang.code(), Some(31_536_000))) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_plain_local_paths_are_returned_to() {
        assert_eq!(
            safe_next(Some("/positions?q=jurist")),
            "/positions?q=jurist"
        );
        for bad in [
            "//elsewhere.example",
            "https://elsewhere.example/",
            "/\\elsewhere.example",
            "/\t/elsewhere.example",
            "/\n/elsewhere.example",
            "/\r\n/elsewhere.example",
            "/ /elsewhere.example",
            "positions",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
