//! Where the registry lives: the data directory and the database URL, from the command line or
//! the environment (AMETIJUHEND_DATA_DIR, AMETIJUHEND_DATABASE_URL).

use crate::error::CliError;
use ametijuhend_app::SharedClock;
use ametijuhend_store::Store;
use std::path::PathBuf;

pub struct Config {
    pub data_dir: PathBuf,
    pub database: Option<String>,
    /// The one clock of the program ("today" is the Europe/Tallinn day).
    pub clock: SharedClock,
}

impl Config {
    pub fn new(data_dir: Option<PathBuf>, database: Option<String>) -> Result<Self, CliError> {
        let data_dir = match data_dir {
            Some(d) => d,
            None => dirs::data_dir()
                .map(|d| d.join("ametijuhend"))
                .ok_or_else(|| {
                    CliError::new(
                        "cannot tell where the per-user data directory is (HOME is not set)",
                    )
                    .with_hint("give one with --data-dir DIR or AMETIJUHEND_DATA_DIR")
                })?,
        };
        let database = database.filter(|d| !d.trim().is_empty());
        Ok(Self {
            data_dir,
            database,
            clock: ametijuhend_app::clock::system_clock(),
        })
    }

    /// The Europe/Tallinn day of `--today DATE` when given, else today by the clock.
    pub fn day(&self, given: Option<&str>) -> Result<chrono::NaiveDate, CliError> {
        match given {
            None => Ok(self.clock.today()),
            Some(s) => ametijuhend_domain::time::parse_date(s).ok_or_else(|| {
                CliError::new(format!("'{s}' is not a date"))
                    .with_hint("write it as DD.MM.YYYY (e.g. 06.03.2026) or YYYY-MM-DD")
            }),
        }
    }

    /// Opens the store (creating the SQLite database on first use) and applies migrations.
    pub async fn open_store(&self) -> Result<Store, CliError> {
        ametijuhend_store::open(self.database.as_deref(), &self.data_dir)
            .await
            .map_err(CliError::from)
    }
}

/// Logs go to standard error; AMETIJUHEND_LOG sets the filter (default "info").
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("AMETIJUHEND_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
