//! The web service: router, shared state, middleware, and serving.
//!
//! Each area owns a `router()`. Every route but the health checks and signing in needs a session
//! (`auth::Caller`), asks `auth` whether the caller may see or change what it names, and is
//! written to the audit log.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{Request, StatusCode};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::domain::anonymous::AnonymousRefusals;
use crate::service::audit_log::AuditLog;
use crate::service::passwords::PasswordGuard;
use crate::service::session_cache::SessionCache;
use crate::storage::Store;

mod api_import;
mod api_ledger;
mod api_parties;
mod api_payment_runs;
mod api_payments;
mod api_reports;
mod api_session;
pub mod auth;
mod client_address;
mod error;
mod error_page;
mod extract;
mod hardening;
mod health;
mod language;
mod nul_guard;
pub mod openapi;
mod pages;
mod server;

pub use error::ApiError;
pub use server::{ServeLimits, serve, serve_with, shutdown_signal};

/// The longest a request may take before the client gets a 408; the database work of a served
/// request stops then too (`Store::connect_bounded`).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest JSON body the API reads.
const API_BODY_BYTES_MAX: usize = 1024 * 1024;

/// What every handler gets.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Password checks: the throttle per login and address, and the bounded argon2 work.
    pub passwords: Arc<PasswordGuard>,
    /// The audit log's writer (group commit).
    pub audit: AuditLog,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<[IpAddr]>,
    /// Sessions read a moment ago (see `service::session_cache`).
    pub sessions: Arc<SessionCache>,
    /// Requests without a session refused this minute, by address.
    anonymous: Arc<std::sync::Mutex<AnonymousRefusals>>,
}

impl AppState {
    /// Starts the audit log's writer: call within a tokio runtime.
    pub fn new(store: Store) -> AppState {
        AppState {
            audit: AuditLog::start(store.clone()),
            store,
            passwords: Arc::default(),
            trusted_proxies: Arc::from([]),
            sessions: Arc::default(),
            anonymous: Arc::default(),
        }
    }

    /// Counts a request refused for want of a session; true when it is to be written to the
    /// audit log (the address's first this minute). Each minute's count is logged once the
    /// next begins, so a flood shows in the logs without filling the database.
    fn anonymous_refusal_is_stored(&self, address: &str, now: chrono::DateTime<chrono::Utc>) -> bool {
        let (stored, ended) = self
            .anonymous
            .lock()
            .expect("BUG: the count of anonymous refusals was poisoned")
            .count(address, now);
        if let Some(minute) = ended {
            tracing::info!(
                refused = minute.refused,
                addresses = minute.addresses,
                "requests without a session refused in the last minute"
            );
        }
        stored
    }

    /// Believes `X-Forwarded-For` from these proxies only (see `client_address`).
    pub fn with_trusted_proxies(mut self, proxies: &[IpAddr]) -> AppState {
        self.trusted_proxies = Arc::from(proxies);
        self
    }
}

pub fn router(state: AppState) -> Router {
    // JSON routes share a 1 MiB body limit; the upload route has its own, added after.
    let api = Router::new()
        .merge(api_parties::router())
        .merge(api_ledger::router())
        .merge(api_import::router())
        .merge(api_payments::router())
        .merge(api_payment_runs::router())
        .merge(api_reports::router())
        .layer(RequestBodyLimitLayer::new(API_BODY_BYTES_MAX))
        .merge(api_import::upload_router())
        .merge(api_reports::upload_router());
    // What needs a session is written to the audit log; signing in writes its own records.
    let audited =
        Router::new()
            .nest("/api/v1", api)
            .merge(pages::router())
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                auth::audit_requests,
            ));
    let public = Router::new()
        .nest(
            "/api/v1",
            api_session::api_router()
                .layer(RequestBodyLimitLayer::new(API_BODY_BYTES_MAX))
                .merge(openapi::router()),
        )
        .merge(api_session::page_router().layer(RequestBodyLimitLayer::new(API_BODY_BYTES_MAX)))
        .merge(health::router());
    Router::new()
        .merge(audited)
        .merge(public)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn(nul_guard::refuse_nul_text))
        .layer(axum::middleware::from_fn(hardening::refuse_cross_site))
        .layer(axum::middleware::from_fn(hardening::security_headers))
        .layer(CatchPanicLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Outside the others, so that their refusals (a panic, a timeout) become pages too.
        .layer(axum::middleware::from_fn_with_state(state, error_page::error_pages))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(axum::middleware::from_fn(hardening::drop_malformed_request_id))
}

/// The span of a request: method, path and request id. Paths carry ids only; query strings and
/// bodies (names, IBANs, amounts) are never logged.
fn request_span<Body>(request: &Request<Body>) -> tracing::Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id)
}
