//! The Ametijuhend web server: `/healthz`, the read-only JSON API under `/api`, and its OpenAPI
//! document at `/api/openapi.json`.
//!
//! Handlers take typed extractors, call the [`Repository`](ametijuhend_store::Repository) and
//! return JSON; they never build SQL.

mod api;
mod error;
pub mod openapi;

use ametijuhend_store::Store;
use axum::Router;
use std::future::Future;
use tokio::net::TcpListener;

pub use error::ApiError;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
}

/// All routes of the server.
pub fn router(state: AppState) -> Router {
    api::routes().with_state(state)
}

/// Serves until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
