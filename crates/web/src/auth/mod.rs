//! Sign-in, sessions and request protection.
//!
//! Every request passes [`context`] (a middleware) first. It reads the session cookie (a random
//! 256-bit token; the store keeps only its SHA-256), the language (`?lang=` for that request
//! only, the account's preference, or the `lang` cookie set by the language form), and puts a [`Ctx`] into the request. It refuses what no
//! handler should see:
//!
//! - anonymous requests to anything but the sign-in page, static files, `/healthz` and the
//!   OpenAPI document: pages answer 303 to `/login`, the JSON API 401;
//! - state-changing requests (POST) whose Origin (or Referer) is another site, or whose form
//!   lacks the session's CSRF token (anonymous forms — sign-in, language — carry a token bound
//!   to a cookie instead): 403, and nothing is written.
//!
//! Handlers then ask [`Ctx::require`], which asks the one permission decision
//! ([`ametijuhend_domain::access::decide`]).

pub mod login;
pub mod ratelimit;

use crate::AppState;
use crate::i18n::Lang;
use crate::pages::PageError;
use ametijuhend_domain::Role;
use ametijuhend_domain::access::{self, Denied, Permission, Principal, Target, UnitTree};
use ametijuhend_store::User;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "ametijuhend_session";
pub const LANG_COOKIE: &str = "ametijuhend_lang";
pub const CSRF_COOKIE: &str = "ametijuhend_csrf";
/// Why a body was refused for its size (an upload over the limit gets the 413 page).
const TOO_LARGE: &str = "the form is too large";
/// The largest form body accepted (a long job description fits many times over).
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// What a handler knows about the request: the language, the signed-in account and its CSRF
/// token, and where the request came to.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    /// How many tasks wait for the signed-in person (pages only; None otherwise).
    pub tasks: Option<u64>,
    pub user: Option<User>,
    /// The token forms must carry (the session's, or the anonymous cookie's).
    pub csrf: String,
    /// Path and query of this request (the language switcher returns here).
    pub path: String,
}

impl Ctx {
    pub fn principal(&self) -> Option<Principal> {
        self.user.as_ref().map(|u| Principal {
            account: u.username.clone(),
            roles: u.roles.clone(),
            unit: u.unit.clone(),
            position: u.position.clone(),
        })
    }

    /// Asks the permission decision; a refusal becomes the 403 page that says why.
    pub fn require(
        &self,
        what: Permission,
        target: Target<'_>,
        tree: &UnitTree,
    ) -> Result<(), PageError> {
        self.allowed(what, target, tree)
            .map_err(PageError::Forbidden)
    }

    /// The permission decision for this request's account (anonymous: no role).
    pub fn allowed(
        &self,
        what: Permission,
        target: Target<'_>,
        tree: &UnitTree,
    ) -> Result<(), Denied> {
        match self.principal() {
            Some(p) => access::decide(&p, what, target, tree),
            None => Err(Denied::NoRole),
        }
    }

    /// True when the account may do `what` on `target`.
    pub fn can(&self, what: Permission, target: Target<'_>, tree: &UnitTree) -> bool {
        self.allowed(what, target, tree).is_ok()
    }

    pub fn account(&self) -> String {
        self.user
            .as_ref()
            .map(|u| u.username.clone())
            .unwrap_or_default()
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.user.as_ref().is_some_and(|u| u.roles.contains(&role))
    }
}

/// The SHA-256 of a session token (what the store keeps).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of a cookie of the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure (browsers accept Secure cookies
/// from http://localhost and 127.0.0.1; elsewhere the program belongs behind HTTPS).
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>) -> String {
    let mut c = format!("{name}={value}; HttpOnly; SameSite=Lax; Path=/; Secure");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// Paths that anonymous requests may reach.
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/login" | "/language" | "/healthz" | "/api/openapi.json" | "/favicon.ico"
    ) || path.starts_with("/static/")
}

/// Cookies the response must set, collected while the request is read.
#[derive(Debug, Clone, Default)]
struct SetCookies(Vec<String>);

/// True when the Origin (or, without it, the Referer) header names this server, or neither
/// is sent (non-browser clients; the CSRF token still has to match).
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let ours = |url: &str| {
        let rest = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("https://"));
        rest.is_some_and(|r| {
            let authority = r.split('/').next().unwrap_or("");
            authority.eq_ignore_ascii_case(host)
        })
    };
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin.to_str().is_ok_and(ours);
    }
    if let Some(referer) = headers.get(header::REFERER) {
        return referer.to_str().is_ok_and(ours);
    }
    true
}

/// The `lang` query parameter, when it names a language.
pub(crate) fn lang_param(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

/// The middleware described in the module documentation.
#[tracing::instrument(skip_all, fields(method = %req.method(), path = %req.uri().path()))]
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let mut set = SetCookies::default();
    let path = parts.uri.path().to_string();
    let is_api = path.starts_with("/api/");

    // The session, if the cookie names a live one.
    let mut session = None;
    if let Some(token) = cookie(&parts.headers, SESSION_COOKIE) {
        let hash = token_hash(token);
        match state.store.find_session(&hash).await {
            Ok(Some((s, user))) => {
                if s.expires_at > state.clock.timestamp() {
                    session = Some((s, user));
                } else {
                    if let Err(e) = state.store.delete_session(&hash).await {
                        tracing::warn!(error = %e, "cannot delete an expired session");
                    }
                    set.0.push(set_cookie(SESSION_COOKIE, "", Some(0)));
                }
            }
            Ok(None) => set.0.push(set_cookie(SESSION_COOKIE, "", Some(0))),
            Err(e) => {
                tracing::error!(error = %e, "cannot read the session");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the registry cannot be read",
                )
                    .into_response();
            }
        }
    }

    // The language: ?lang= for this request only, then the account's, then the cookie's. Only
    // the language form (POST /language) changes what is remembered.
    let lang = if let Some(l) = lang_param(parts.uri.query()) {
        l
    } else if let Some((_, user)) = &session {
        Lang::parse(&user.language).unwrap_or_default()
    } else {
        cookie(&parts.headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .unwrap_or_default()
    };

    // The CSRF token: the session's, or the anonymous cookie's (made here when missing).
    let csrf = match &session {
        Some((s, _)) => s.csrf_token.clone(),
        None => match cookie(&parts.headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
            Some(t) => t.to_string(),
            None => match ametijuhend_app::accounts::random_token() {
                Ok(t) => {
                    set.0.push(set_cookie(CSRF_COOKIE, &t, None));
                    t
                }
                Err(e) => {
                    tracing::error!(error = %e, "no randomness for a token");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            },
        },
    };

    let user = session.map(|(_, u)| u);
    // The navigation's count of what waits for a signed-in person (pages only).
    let tasks = match &user {
        Some(u) if !is_api && parts.method == Method::GET && !path.starts_with("/static/") => {
            let who = ametijuhend_app::Principal::of(u);
            let today = state.clock.today();
            let key = crate::account_key(u, today);
            let counted = match state.store.revision().await {
                Ok(revision) => state
                    .kept
                    .task_counts
                    .get_or_try(revision, key, || async {
                        ametijuhend_app::tasks::count(
                            state.store.as_ref(),
                            state.clock.as_ref(),
                            &who,
                        )
                        .await
                    })
                    .await
                    .map(|n| *n),
                Err(e) => Err(e.into()),
            };
            match counted {
                Ok(n) => Some(n),
                Err(e) => {
                    tracing::error!(error = %e, "the task count could not be read");
                    None
                }
            }
        }
        _ => None,
    };
    let ctx = Ctx {
        lang,
        tasks,
        user,
        csrf,
        path: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| path.clone()),
    };

    let response = if ctx.user.is_none() && !is_public(&path) {
        if is_api {
            crate::error::ApiError {
                status: StatusCode::UNAUTHORIZED,
                code: "unauthorized",
                message: "sign in first: POST /login with username and password gives a \
                          session cookie"
                    .into(),
            }
            .into_response()
        } else if parts.method == Method::GET || parts.method == Method::HEAD {
            let next_path = percent_encoding::utf8_percent_encode(
                &ctx.path,
                percent_encoding::NON_ALPHANUMERIC,
            );
            redirect(&format!("/login?next={next_path}"))
        } else {
            redirect("/login")
        }
    } else if parts.method != Method::GET && parts.method != Method::HEAD {
        let upload = crate::multipart::is_upload_path(&path);
        match check_form(&parts.headers, body, &ctx, is_api, upload).await {
            Ok(bytes) => {
                parts.extensions.insert(ctx.clone());
                next.run(Request::from_parts(parts, Body::from(bytes)))
                    .await
            }
            Err(reason) if is_api && reason == TOO_LARGE => {
                tracing::warn!(reason, "refused a state-changing request");
                crate::error::ApiError {
                    status: StatusCode::PAYLOAD_TOO_LARGE,
                    code: "too_large",
                    message: format!(
                        "refused: the body is larger than {} bytes; nothing was written",
                        if upload {
                            crate::multipart::MAX_UPLOAD_BYTES
                        } else {
                            MAX_FORM_BYTES
                        }
                    ),
                }
                .into_response()
            }
            Err(reason) if is_api => {
                tracing::warn!(reason, "refused a state-changing request");
                crate::error::ApiError {
                    status: StatusCode::FORBIDDEN,
                    code: "forbidden",
                    message: format!(
                        "refused: {reason}; the JSON API's POST requests take a JSON body and \
                         the session's CSRF token in the X-CSRF-Token header (GET /api/session)"
                    ),
                }
                .into_response()
            }
            Err(reason) if reason == TOO_LARGE => {
                tracing::warn!(reason, "refused a state-changing request");
                PageError::TooLarge.into_response()
            }
            Err(reason) => {
                tracing::warn!(reason, "refused a state-changing request");
                PageError::Csrf.into_response()
            }
        }
    } else {
        parts.extensions.insert(ctx.clone());
        next.run(Request::from_parts(parts, body)).await
    };
    let response = method_not_allowed(response, is_api);
    let response = crate::pages::finish(response, &ctx);
    with_headers(response, set, is_api)
}

/// A 405 of the router (e.g. `GET /logout`, a form's address typed into the address bar) as
/// the API's JSON error or the error page, keeping its `Allow` header.
fn method_not_allowed(response: Response, is_api: bool) -> Response {
    if response.status() != StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut r = if is_api {
        crate::error::ApiError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            code: "method_not_allowed",
            message: "this address does not take this method: see /api/openapi.json for the \
                      methods of each path"
                .into(),
        }
        .into_response()
    } else {
        PageError::MethodNotAllowed.into_response()
    };
    if let Some(allow) = allow {
        r.headers_mut().insert(header::ALLOW, allow);
    }
    r
}

/// Checks the origin and the CSRF token of a form; returns the body to pass on. A JSON body to the
/// API (`is_api`) carries the token in the `X-CSRF-Token` header instead: a cross-site form can
/// send neither a JSON content type nor a custom header. The signed-container addresses
/// (`upload`) also take larger bodies: a `multipart/form-data` form (its `csrf` field checked
/// like any form's) and, on the API, the container itself with the header.
async fn check_form(
    headers: &HeaderMap,
    body: Body,
    ctx: &Ctx,
    is_api: bool,
    upload: bool,
) -> Result<Vec<u8>, &'static str> {
    if !same_origin(headers) {
        return Err("the Origin or Referer is another site");
    }
    let limit = if upload {
        crate::multipart::MAX_UPLOAD_BYTES
    } else {
        MAX_FORM_BYTES
    };
    let bytes = to_bytes(body, limit).await.map_err(|_| TOO_LARGE)?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if upload && crate::multipart::is_multipart(headers) {
        let fields = crate::multipart::fields(headers, bytes.clone())
            .await
            .ok_or("the form cannot be read")?;
        let token = fields
            .iter()
            .find(|f| f.name == "csrf")
            .and_then(|f| std::str::from_utf8(&f.bytes).ok())
            .ok_or("the form has no CSRF token")?;
        if !same_secret(token.trim(), &ctx.csrf) {
            return Err("the CSRF token does not match the session");
        }
        return Ok(bytes.to_vec());
    }
    if is_api && (json || (upload && crate::multipart::is_container(headers))) {
        let token = headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .ok_or("the request has no X-CSRF-Token header")?;
        if !same_secret(token.trim(), &ctx.csrf) {
            return Err("the X-CSRF-Token header does not match the session");
        }
        return Ok(bytes.to_vec());
    }
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).map_err(|_| "the form cannot be read")?;
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .ok_or("the form has no CSRF token")?;
    if !same_secret(token, &ctx.csrf) {
        return Err("the CSRF token does not match the session");
    }
    Ok(bytes.to_vec())
}

fn with_headers(mut response: Response, set: SetCookies, is_api: bool) -> Response {
    let h = response.headers_mut();
    for c in set.0 {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    let fixed: [(&str, &str); 4] = [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
        (
            "content-security-policy",
            "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    ];
    for (k, v) in fixed {
        h.insert(k, HeaderValue::from_static(v));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        let v = if is_api {
            "private, no-cache"
        } else {
            "no-store"
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(v));
    }
    response
}

/// A 303 See Other to `location`.
pub fn redirect(location: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}
