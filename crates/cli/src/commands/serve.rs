//! `ametijuhend serve`: runs the web server until Ctrl-C or SIGTERM.

use crate::config::Config;
use crate::demo;
use crate::error::CliError;
use ametijuhend_app::Clock;
use ametijuhend_app::imports;
use ametijuhend_app::indexing::{self, Search};
use ametijuhend_store::Store;
use ametijuhend_web::AppState;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    listen: String,
    /// Load the demo registry even into a registry that already holds records: there only its
    /// four real job descriptions (re-importing is harmless); a new registry gets a generated
    /// agency of 150 positions with them.
    #[arg(long, conflicts_with = "no_demo")]
    demo: bool,
    /// Do not load the demo registry (a generated agency of 150 positions, four real job
    /// descriptions, the demo accounts) into a new, empty registry (the role card catalogue is
    /// loaded all the same).
    #[arg(long)]
    no_demo: bool,
    /// How long a sign-in lasts, in seconds.
    #[arg(long, env = "AMETIJUHEND_SESSION_TTL", default_value_t = 8 * 60 * 60, value_name = "SECONDS")]
    session_ttl: u64,
    /// E-mail reminders of reviews, sent daily when an SMTP server is given (off by default).
    #[command(flatten)]
    mail: crate::commands::notify::MailArgs,
}

/// Loads the shipped role card catalogue and role glossary into a registry that has no role
/// cards yet.
pub async fn load_reference_data(store: &Store, clock: &dyn Clock) -> Result<(), CliError> {
    if store.counts().await?.role_cards == 0 {
        let n = imports::import_builtin(store.as_ref(), clock, demo::reference_documents())
            .await
            .map_err(|e| CliError::new(format!("cannot load the role card catalogue: {e}")))?;
        if n > 0 {
            tracing::info!("loaded the 2024 role card catalogue and role glossary");
        }
    }
    Ok(())
}

/// The demo registry: into a new registry (`new`) the generated demo agency first, then (into
/// any registry) the four real job descriptions through the importer, which places them in the
/// agency's units of the same names; then the demo accounts.
pub async fn load_demo(store: &Store, clock: &dyn Clock, new: bool) -> Result<(), CliError> {
    let failed = |e: String| CliError::new(format!("cannot load the demo registry: {e}"));
    if new {
        let started = std::time::Instant::now();
        let agency = demo::load_agency(store, clock.timestamp())
            .await
            .map_err(failed)?;
        tracing::info!(
            "demo registry: a generated agency of {} units and {} positions loaded in {} ms",
            agency.units.len(),
            agency.positions.len(),
            started.elapsed().as_millis()
        );
    }
    let n = imports::import_builtin(store.as_ref(), clock, demo::demo_documents())
        .await
        .map_err(failed)?;
    tracing::info!("demo registry: {n} job description document(s) loaded");
    crate::commands::user::create_demo_accounts(store, clock).await
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let addr: SocketAddr = args.listen.parse().map_err(|_| {
        CliError::new(format!(
            "--listen '{}' is not an address and port",
            args.listen
        ))
        .with_hint("write it as ADDR:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:80")
    })?;
    let store = cfg.open_store().await?;
    let was_empty = store.is_empty().await?;
    load_reference_data(&store, cfg.clock.as_ref()).await?;
    if args.demo || (was_empty && !args.no_demo) {
        load_demo(&store, cfg.clock.as_ref(), was_empty).await?;
    }
    // Review reminders by e-mail once a day, when an SMTP server is configured.
    match args.mail.mailer()? {
        Some(mailer) => {
            tracing::info!(smtp = %mailer.shown_url, "review reminders by e-mail: daily");
            tokio::spawn(crate::commands::notify::daily(
                store.clone(),
                cfg.clock.clone(),
                mailer,
                args.mail.base_url.clone(),
            ));
        }
        None => tracing::info!("review reminders by e-mail are off (no SMTP server configured)"),
    }
    // The search index: created or rebuilt when needed, then kept in step while serving. When it
    // cannot be opened (another server holds it) the server runs all the same: the error is
    // logged, search says it is unavailable, and the background sync keeps retrying.
    let search = Arc::new(Search::in_dir(indexing::index_dir(&cfg.data_dir)));
    let _ = search.refresh(&store).await;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        CliError::new(format!("cannot listen on {addr}: {e}"))
            .with_hint("choose another port with --listen, or stop the program that uses this one")
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| CliError::new(e.to_string()))?;
    tracing::info!(
        "Ametijuhend is serving on http://{local} ({} database)",
        store.backend().as_str()
    );
    ametijuhend_web::serve(
        listener,
        AppState::new(store)
            .with_clock(cfg.clock.clone())
            .with_session_ttl(std::time::Duration::from_secs(args.session_ttl))
            .with_search(search),
        shutdown_signal(),
    )
    .await
    .map_err(|e| CliError::new(format!("the server stopped: {e}")))?;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
