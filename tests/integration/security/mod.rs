//! Regression tests for the findings of the outside probe (issue 22), one file per finding. Each
//! reproduces what the probe did and fails on the build the probe tried; each runs on SQLite and
//! on PostgreSQL.
//!
//! The world is the access matrix's: the demo office (office 1, with Maria's book, her court and
//! one user per persona), a second office with Ana's case before another court, its supervisor and
//! its court's clerk, and the instance's administrator.

mod amounts;
mod anonymous_audit;
mod body_ids;
mod courts;
mod deadlocks;
mod filed_evidence;
mod hidden_records;
mod nul_bytes;
mod passwords;
mod slow_clients;
mod smaller;
mod tamper;
mod throttle;

use serde_json::Value;

use crate::common::TestApp;
use crate::http_access::world::set_up;

pub use crate::http_access::routes::Ids;

/// The demo office with its personas and office 2 (see `http_access::world`).
pub async fn two_offices(app: &TestApp) -> Ids {
    set_up(app).await
}

/// Status and body of a GET as `client`.
pub async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Status and body of a JSON POST as `client`.
pub async fn post_json(app: &TestApp, client: &reqwest::Client, path: &str, body: &Value) -> (u16, String) {
    let response = client.post(app.url(path)).json(body).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Status and body of a page's form POST as `login`, with the session's CSRF token added.
pub async fn post_form(app: &TestApp, login: &str, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let session = app.session(login, crate::common::PASSWORD).await.unwrap();
    let mut fields: Vec<(&str, &str)> = fields.to_vec();
    fields.push(("csrf", &session.csrf_token));
    let response = session.client().post(app.url(path)).form(&fields).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// What an answer says of its refusal (see `common::said`).
pub fn detail(body: &str) -> String {
    crate::common::said(body)
}
