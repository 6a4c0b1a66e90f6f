//! Errors as the API returns them: an HTTP status and a JSON body
//! `{"error": {"code": "...", "message": "..."}}` that says what went wrong and what to do.

use ametijuhend_store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct ErrorDetail {
    /// Machine-readable code: not_found, bad_request, internal.
    pub code: String,
    /// What went wrong and what to do about it.
    pub message: String,
}

impl ApiError {
    pub fn not_found(what: &str, id: &str) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: format!("there is no {what} with id '{id}'"),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        // The full error goes to the log; the client gets a message without internals.
        tracing::error!(error = %e, "storage error");
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message:
                "the registry could not be read; the error has been logged for the administrator"
                    .into(),
        }
    }
}

impl From<ametijuhend_app::AppError> for ApiError {
    /// A use case's refusal with its status, stable code and message; a database failure is
    /// logged and reported without internals.
    fn from(e: ametijuhend_app::AppError) -> Self {
        match e {
            ametijuhend_app::AppError::Store(e) => e.into(),
            e => Self {
                status: StatusCode::from_u16(e.status()).unwrap_or(StatusCode::CONFLICT),
                code: e.code(),
                message: e.to_string(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}
