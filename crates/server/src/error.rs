//! Errors: [`ApiError`] is what a handler answers with (JSON `{"error": "..."}` and a status code),
//! [`ServerError`] what starting or running the server can fail with.

use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sahel_search::{RequestError, SearchError};
use serde::Serialize;

/// The body of every error answer under `/api`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for a person: the offending parameter or value, never internals.
    pub error: String,
}

/// An error answered to an API client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter is unknown, malformed or out of range (400).
    #[error(transparent)]
    BadRequest(#[from] RequestError),
    /// The request is wrong in a way the search crate does not name (400).
    #[error("{0}")]
    BadParameter(String),
    /// No document with this id (404).
    #[error("no document with id `{0}`")]
    DocNotFound(String),
    /// No API route at this path (404).
    #[error("no API route {0}")]
    RouteNotFound(String),
    /// The search took longer than the server allows (503).
    #[error("the search took longer than {} s; try a narrower query", .0.as_secs_f32())]
    Timeout(Duration),
    /// A real fault (500). The detail is logged, never sent to the client.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::BadParameter(_) => StatusCode::BAD_REQUEST,
            ApiError::DocNotFound(_) | ApiError::RouteNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<SearchError> for ApiError {
    fn from(err: SearchError) -> Self {
        match err {
            SearchError::Request(err) => ApiError::BadRequest(err),
            SearchError::DocNotFound(id) => ApiError::DocNotFound(id),
            other => ApiError::Internal(format!("{other}")),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        match &self {
            ApiError::Internal(detail) => tracing::error!(%detail, "request failed"),
            ApiError::Timeout(limit) => tracing::warn!(?limit, "search timed out"),
            _ => tracing::debug!(error = %self, %status, "request refused"),
        }
        let body = ErrorBody {
            error: self.to_string(),
        };
        (status, Json(body)).into_response()
    }
}

/// What starting or running the server can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound or the connection loop failed.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        addr: String,
        source: std::io::Error,
    },
    /// The index could not be opened.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// Result of the server crate.
pub type Result<T> = std::result::Result<T, ServerError>;
