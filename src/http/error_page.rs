//! Error pages for people: a browser that asked for a page and met an error gets a page in the
//! reader's language, with what to do and a way back, never the API's JSON, never a blank 404.
//! The API (`/api/…`) keeps answering `application/problem+json`.

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::auth::session_token;
use super::pages::Chrome;
use crate::service::sessions;

/// The most of an error body read to find its detail: problem documents are small.
const PROBLEM_BYTES_MAX: usize = 64 * 1024;

/// The statuses an error page has words for; others are said as the nearest of these.
const EXPLAINED: [u16; 12] = [400, 401, 403, 404, 405, 408, 409, 413, 422, 429, 500, 503];

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    status: u16,
    title: String,
    help: String,
    /// What the service said of this request, where it may be said (never for a 500).
    detail: Option<String>,
    /// The request's id, for the administrator's logs (server failures only).
    reference: Option<String>,
    /// The page the reader came from, when it is one of ours.
    back: Option<String>,
    signed_in: bool,
}

/// Turns an error answered to a page request into an error page.
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !is_page(request.uri().path()) {
        return next.run(request).await;
    }
    let headers = request.headers().clone();
    let response = next.run(request).await;
    if response.status().as_u16() < 400 || is_html(response.headers()) {
        return response;
    }
    error_page(&state, &headers, response).await
}

/// Pages are everything but the API and the probes of a load balancer.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/api/") || path == "/healthz" || path == "/readyz")
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"))
}

async fn error_page(state: &AppState, request: &HeaderMap, response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let detail = problem_detail(&parts.headers, body).await;
    let chrome = chrome(state, request).await;
    let signed_in = chrome.user_name.is_some();
    let status = parts.status;
    let explained = nearest_explained(status);
    let page = ErrorPage {
        title: chrome.t.get(&format!("error-page-title-{explained}")),
        help: chrome.t.get(&format!("error-page-help-{explained}")),
        detail: detail.filter(|_| !status.is_server_error()),
        // Only a server's failure is looked for in the logs; a refusal reads the same each time.
        reference: request
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .filter(|_| status.is_server_error())
            .map(str::to_owned),
        back: same_site_referer(request),
        chrome,
        status: status.as_u16(),
        signed_in,
    };
    let html = match page.render() {
        Ok(html) => html,
        Err(error) => {
            tracing::error!(%error, "an error page could not be laid out");
            return (status, "error").into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(parts, Body::from(html))
}

/// The `detail` of a problem document, if the body is one.
async fn problem_detail(headers: &HeaderMap, body: Body) -> Option<String> {
    let is_problem = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value == "application/problem+json");
    if !is_problem {
        return None;
    }
    let bytes = axum::body::to_bytes(body, PROBLEM_BYTES_MAX).await.ok()?;
    let problem: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    problem.get("detail")?.as_str().map(str::to_owned)
}

/// The frame in the signed-in user's language, else the browser's.
async fn chrome(state: &AppState, headers: &HeaderMap) -> Chrome {
    if let Some(token) = session_token(headers)
        && let Ok(Some(signed_in)) = sessions::session(&state.store, &state.sessions, token, chrono::Utc::now()).await
    {
        return Chrome::signed_in(&signed_in, signed_in.user.language, headers);
    }
    Chrome::anonymous(headers)
}

fn nearest_explained(status: StatusCode) -> u16 {
    let code = status.as_u16();
    if EXPLAINED.contains(&code) {
        code
    } else if status.is_server_error() {
        500
    } else {
        400
    }
}

/// The path of the page the reader came from, when the browser says and it is on this site
/// (the `Referer` of a same-origin navigation; its host is checked against `Host`).
fn same_site_referer(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("http://")
        .or_else(|| referer.strip_prefix("https://"))?;
    let path = rest.strip_prefix(host)?;
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_referer_of_this_site_is_offered_as_the_way_back() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("gestio.office.lu"));
        headers.insert(
            header::REFERER,
            HeaderValue::from_static("https://gestio.office.lu/case/4?tab=entries"),
        );
        assert_eq!(same_site_referer(&headers).as_deref(), Some("/case/4?tab=entries"));
        headers.insert(
            header::REFERER,
            HeaderValue::from_static("https://gestio.office.lu.evil.example/x"),
        );
        assert_eq!(same_site_referer(&headers), None);
        headers.insert(
            header::REFERER,
            HeaderValue::from_static("https://gestio.office.lu//evil.example"),
        );
        assert_eq!(same_site_referer(&headers), None);
    }

    #[test]
    fn every_status_is_said_as_one_the_pages_explain() {
        assert_eq!(nearest_explained(StatusCode::NOT_FOUND), 404);
        assert_eq!(nearest_explained(StatusCode::IM_A_TEAPOT), 400);
        assert_eq!(nearest_explained(StatusCode::BAD_GATEWAY), 500);
        assert!(is_page("/case/3") && is_page("/nope") && !is_page("/api/v1/books") && !is_page("/healthz"));
    }
}
