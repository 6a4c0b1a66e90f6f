//! The CLI's error: a message (what went wrong and where) and an optional hint (what to do).

use ametijuhend_store::StoreError;

#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn print(&self) {
        eprintln!("error: {}", self.message);
        if let Some(h) = &self.hint {
            eprintln!("  hint: {h}");
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::new(e.to_string())
    }
}

impl From<ametijuhend_app::AppError> for CliError {
    /// The use case's message with its stable code, e.g. `… [annexes_refused]`.
    fn from(e: ametijuhend_app::AppError) -> Self {
        CliError::new(format!("{e} [{}]", e.code()))
    }
}
