//! `ametijuhend serve`: runs the web server until Ctrl-C or SIGTERM.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_web::AppState;
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    listen: String,
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
    ametijuhend_web::serve(listener, AppState { store }, shutdown_signal())
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
