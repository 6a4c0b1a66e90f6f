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
pub mod cache;
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
    /// What pages read again while the registry has not changed ([`cache`]).
    pub kept: Arc<Kept>,
}

/// The per-revision caches of [`AppState`] (see [`cache`]).
pub struct Kept {
    /// Every unit (each page's permission check needs the unit tree).
    pub units: cache::RevisionCache<(), Vec<ametijuhend_domain::Unit>>,
    /// Every position's light row with its unit's name, in Estonian order of title, then unit
    /// name, then id (the positions list and `/api/positions`).
    pub positions: cache::RevisionCache<(), Vec<(ametijuhend_store::PositionListRow, String)>>,
    /// Every directive (the directives list and `/api/directives`).
    pub directives: cache::RevisionCache<(), Vec<ametijuhend_domain::Directive>>,
    /// The navigation's count of waiting tasks, by account (with its roles, unit and position)
    /// and day.
    pub task_counts: cache::RevisionCache<String, u64>,
    /// The task lists of the start page and `/api/tasks`, by account, day and list length.
    pub tasks: cache::RevisionCache<String, ametijuhend_app::tasks::Tasks>,
    /// How many positions require each competency (the competency library).
    pub competency_counts: cache::RevisionCache<(), Vec<(ametijuhend_domain::CompetencyId, u64)>>,
    /// The positions that require a competency (a competency's page), by competency.
    pub competency_positions: cache::RevisionCache<
        ametijuhend_domain::CompetencyId,
        Vec<ametijuhend_store::PositionTitle>,
    >,
}

/// What a cached answer about an account depends on: the account, its roles, unit and
/// position, and the day.
pub fn account_key(u: &ametijuhend_store::User, today: chrono::NaiveDate) -> String {
    format!(
        "{}|{:?}|{:?}|{:?}|{today}",
        u.username, u.roles, u.unit, u.position
    )
}

impl Default for Kept {
    fn default() -> Self {
        Self {
            units: Default::default(),
            positions: Default::default(),
            directives: Default::default(),
            task_counts: cache::RevisionCache::with_max_keys(10_000),
            tasks: cache::RevisionCache::with_max_keys(1_000),
            competency_counts: Default::default(),
            competency_positions: cache::RevisionCache::with_max_keys(64),
        }
    }
}

impl AppState {
    /// Every unit, as kept for the store's current revision.
    pub async fn units(
        &self,
    ) -> Result<Vec<ametijuhend_domain::Unit>, ametijuhend_store::StoreError> {
        let revision = self.store.revision().await?;
        let units = self
            .kept
            .units
            .get_or_try(revision, (), || self.store.list_units())
            .await?;
        Ok((*units).clone())
    }

    /// Every position's light row with its unit's name, in Estonian order (title, unit name,
    /// id), as kept for the store's current revision.
    pub async fn position_list(
        &self,
    ) -> Result<Arc<Vec<(ametijuhend_store::PositionListRow, String)>>, ametijuhend_store::StoreError>
    {
        use ametijuhend_domain::text::estonian_cmp;
        let revision = self.store.revision().await?;
        self.kept
            .positions
            .get_or_try(revision, (), || async {
                let units = self.units().await?;
                let names: std::collections::HashMap<&ametijuhend_domain::UnitId, &str> =
                    units.iter().map(|u| (&u.id, u.name())).collect();
                let mut rows: Vec<(ametijuhend_store::PositionListRow, String)> = self
                    .store
                    .position_rows()
                    .await?
                    .into_iter()
                    .map(|p| {
                        let unit = names.get(&p.unit).copied().unwrap_or_default().to_string();
                        (p, unit)
                    })
                    .collect();
                rows.sort_by(|a, b| {
                    estonian_cmp(&a.0.title, &b.0.title)
                        .then_with(|| estonian_cmp(&a.1, &b.1))
                        .then_with(|| a.0.id.cmp(&b.0.id))
                });
                Ok(rows)
            })
            .await
    }

    /// The account's task lists (`limit` rows a list), as kept for the store's revision and day.
    pub async fn tasks_of(
        &self,
        user: &ametijuhend_store::User,
        limit: u32,
    ) -> Result<Arc<ametijuhend_app::tasks::Tasks>, ametijuhend_app::AppError> {
        let revision = self.store.revision().await?;
        let key = format!("{}|{limit}", account_key(user, self.clock.today()));
        let who = ametijuhend_app::Principal::of(user);
        self.kept
            .tasks
            .get_or_try(revision, key, || {
                ametijuhend_app::tasks::for_principal(
                    self.store.as_ref(),
                    self.clock.as_ref(),
                    &who,
                    limit,
                )
            })
            .await
    }

    /// Every directive, as kept for the store's current revision.
    pub async fn directives(
        &self,
    ) -> Result<Arc<Vec<ametijuhend_domain::Directive>>, ametijuhend_store::StoreError> {
        let revision = self.store.revision().await?;
        self.kept
            .directives
            .get_or_try(revision, (), || self.store.list_directives())
            .await
    }
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
            kept: Arc::default(),
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
