//! The one error type of the HTTP layer, answered as `application/problem+json` (RFC 9457).
//!
//! Database and unexpected errors become an opaque 500 that is logged with the request id and
//! never shown; everything else says what was wrong.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::service::{Failure, ServiceError};
use crate::storage::StoreError;

#[derive(Debug)]
pub enum ApiError {
    /// 400: the request could not be read (malformed JSON, a path that is not an id…).
    BadRequest(String),
    /// 401: not signed in, or the session has ended.
    Unauthorized(String),
    /// 403: signed in and allowed to see this, but not to do this (or the CSRF token is missing).
    Forbidden(String),
    /// 429: too many failed sign-ins; try again later.
    TooManyRequests(String),
    /// 404: no such record, or one the caller may not know about.
    NotFound(String),
    /// 409: the request conflicts with the stored state (duplicate, lock moving back).
    Conflict(String),
    /// 413: the body is larger than this route reads.
    PayloadTooLarge(String),
    /// 422: the request was read but breaks a rule; the message names the rule.
    Unprocessable(String),
    /// 503: too busy for this now (password checks); the answer says when to come back.
    Unavailable(String),
    /// 500, said: a stored record no longer matches what was written (no detail of the database).
    Integrity(String),
    /// 500: logged, never shown.
    Internal(String),
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, detail) = match &self {
            ApiError::BadRequest(detail) => (StatusCode::BAD_REQUEST, Some(detail.as_str())),
            ApiError::Unauthorized(detail) => (StatusCode::UNAUTHORIZED, Some(detail.as_str())),
            ApiError::Forbidden(detail) => (StatusCode::FORBIDDEN, Some(detail.as_str())),
            ApiError::TooManyRequests(detail) => (StatusCode::TOO_MANY_REQUESTS, Some(detail.as_str())),
            ApiError::NotFound(detail) => (StatusCode::NOT_FOUND, Some(detail.as_str())),
            ApiError::Conflict(detail) => (StatusCode::CONFLICT, Some(detail.as_str())),
            ApiError::PayloadTooLarge(detail) => (StatusCode::PAYLOAD_TOO_LARGE, Some(detail.as_str())),
            ApiError::Unprocessable(detail) => (StatusCode::UNPROCESSABLE_ENTITY, Some(detail.as_str())),
            ApiError::Unavailable(detail) => (StatusCode::SERVICE_UNAVAILABLE, Some(detail.as_str())),
            ApiError::Integrity(detail) => {
                tracing::error!(error = %detail, "a stored record was refused: it no longer matches what was written");
                (StatusCode::INTERNAL_SERVER_ERROR, Some(detail.as_str()))
            }
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
        };
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail,
        };
        let mut response = (status, Json(problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        response
    }
}

impl ApiError {
    /// The answer to a failure of this kind, saying `message` where it may be said.
    pub fn of(failure: Failure, message: String) -> ApiError {
        match failure {
            Failure::Invalid => ApiError::Unprocessable(message),
            Failure::Missing => ApiError::NotFound(message),
            Failure::Conflict => ApiError::Conflict(message),
            Failure::Busy => ApiError::Unavailable(message),
            Failure::Throttled => ApiError::TooManyRequests(message),
            Failure::Tampered => ApiError::Integrity(message),
            Failure::Broken => ApiError::Internal(message),
        }
    }
}

/// Classified once, in `service::failure`.
impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        ApiError::of(error.failure(), error.to_string())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        ApiError::of(error.failure(), error.to_string())
    }
}

/// Domain input errors (a bad IBAN, an unknown category…) are 422s.
macro_rules! unprocessable_from {
    ($($error:ty),+) => {$(
        impl From<$error> for ApiError {
            fn from(error: $error) -> Self {
                ApiError::Unprocessable(error.to_string())
            }
        }
    )+};
}

unprocessable_from!(
    crate::domain::money::MoneyError,
    crate::domain::iban::IbanError,
    crate::domain::account::AccountError,
    crate::domain::party::PartyError,
    crate::domain::mandate::MandateError,
    crate::domain::opening::OpeningError,
    crate::domain::ledger::EntryRejection
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contention_that_outlasted_the_retries_is_busy_never_a_500() {
        let answer = ApiError::from(StoreError::Contention).into_response();
        assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.headers()[header::RETRY_AFTER], "1");
        let nul = ApiError::from(StoreError::NulInText).into_response();
        assert_eq!(nul.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
