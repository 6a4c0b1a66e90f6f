//! The Ametijuhend web server: server-rendered pages (sign-in, organisation, positions and
//! their job descriptions, role cards, competencies, editing with history), the read-only JSON
//! API under `/api` with its OpenAPI document at `/api/openapi.json`, and `/healthz`.
//!
//! Every request passes [`auth::context`] (session, language, CSRF and origin checks); every
//! handler asks the one permission decision ([`ametijuhend_domain::access`]) and calls the
//! [`Repository`](ametijuhend_store::Repository); handlers never build SQL.

mod api;
mod api_workflow;
mod assets;
pub mod auth;
mod error;
mod forms;
pub mod i18n;
mod multipart;
pub mod openapi;
mod pages;
mod paging;
pub mod reports;

use ametijuhend_app::indexing;
use ametijuhend_store::Store;
use axum::Router;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

pub use error::ApiError;

/// How long a session lasts after sign-in, unless configured otherwise.
pub const DEFAULT_SESSION_TTL: Duration = Duration::from_secs(8 * 60 * 60);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Failed sign-ins per username and address (in memory).
    pub limiter: Arc<auth::ratelimit::RateLimiter>,
    /// How long a session lasts after sign-in.
    pub session_ttl: Duration,
    /// The search index, kept in step with the database ([`ametijuhend_app::indexing`]).
    pub search: Arc<indexing::Search>,
    /// The registry-wide reports of the current revision ([`reports`]).
    pub reports: Arc<reports::ReportCache>,
    /// The one clock: "now" and the Europe/Tallinn "today" of every request.
    pub clock: ametijuhend_app::SharedClock,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            limiter: Arc::default(),
            session_ttl: DEFAULT_SESSION_TTL,
            search: Arc::new(indexing::Search::disabled()),
            reports: Arc::default(),
            clock: ametijuhend_app::clock::system_clock(),
        }
    }

    pub fn with_session_ttl(mut self, ttl: Duration) -> Self {
        self.session_ttl = ttl;
        self
    }

    /// Reads the time from `clock` (tests fix the day).
    pub fn with_clock(mut self, clock: ametijuhend_app::SharedClock) -> Self {
        self.clock = clock;
        self
    }

    /// Search with this index (without one, search says it is unavailable).
    pub fn with_search(mut self, search: Arc<indexing::Search>) -> Self {
        self.search = search;
        self
    }
}

/// All routes of the server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(api_workflow::routes())
        .merge(auth::login::routes())
        .merge(pages::routes())
        .merge(assets::routes())
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::context,
        ))
        .with_state(state)
}

/// Unknown addresses: JSON under `/api/`, the 404 page elsewhere.
async fn fallback(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        api::not_found().await.into_response()
    } else {
        pages::fallback().await.into_response()
    }
}

/// Serves until `shutdown` completes, keeping the search index in step meanwhile.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let syncing = state
        .search
        .is_enabled()
        .then(|| state.search.spawn_sync_loop(state.store.clone()));
    let served = axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    if let Some(task) = syncing {
        task.abort();
    }
    served
}
