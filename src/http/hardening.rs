//! Headers every answer carries, and the refusal of requests that change things from another site
//! (DESIGN §8). The session cookie is SameSite=Strict already; checking the browser's own
//! `Sec-Fetch-Site` and `Origin` headers covers what SameSite does not, sign-in included.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

/// Pages use no script and no resource from elsewhere; styles are inline in the layout.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // Everything gestio answers is about someone's money: no cache, shared or private, keeps it.
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// The longest request id taken from a client (a proxy's id, a UUID); longer ones are replaced.
const REQUEST_ID_LENGTH_MAX: usize = 64;

/// Removes an `x-request-id` the client sent unless it is well formed (1 to 64 letters, digits,
/// '-', '_' or '.'), so that the id gestio makes in its place is what logs and answers carry:
/// a client must not write what it likes into the server's logs.
pub async fn drop_malformed_request_id(mut request: Request, next: Next) -> Response {
    let sent = request
        .headers()
        .get_all("x-request-id")
        .iter()
        .map(|value| value.as_bytes())
        .collect::<Vec<_>>();
    let keep = matches!(sent.as_slice(), [one] if is_well_formed_request_id(one));
    if !keep {
        request.headers_mut().remove("x-request-id");
    }
    next.run(request).await
}

fn is_well_formed_request_id(id: &[u8]) -> bool {
    (1..=REQUEST_ID_LENGTH_MAX).contains(&id.len())
        && id
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

/// Refuses a request that changes things when the browser says it comes from another site.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) && is_cross_site(&request) {
        return ApiError::Forbidden("requests that change things are accepted from gestio's own pages only".to_owned())
            .into_response();
    }
    next.run(request).await
}

fn is_cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|value| value.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok()) else {
        // No browser sends a cross-site form or fetch without one of the two headers.
        return false;
    };
    let host = headers.get(header::HOST).and_then(|value| value.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    origin_host != host
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(Method::POST).uri("/api/v1/books");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn only_a_short_plain_request_id_is_taken_from_the_client() {
        assert!(is_well_formed_request_id(b"proxy-4f2a-0007"));
        assert!(is_well_formed_request_id(b"0b0e5c1e-8a4e-4f49-9a55-2d7a5c1a9f10"));
        assert!(!is_well_formed_request_id(b""));
        assert!(!is_well_formed_request_id(b"<script>"));
        assert!(!is_well_formed_request_id(b"id with spaces"));
        assert!(!is_well_formed_request_id("x".repeat(65).as_bytes()));
    }

    #[test]
    fn a_request_from_another_site_is_recognised_by_either_header() {
        assert!(!is_cross_site(&request(&[])), "API clients send neither header");
        assert!(!is_cross_site(&request(&[("sec-fetch-site", "same-origin")])));
        assert!(is_cross_site(&request(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&request(&[("sec-fetch-site", "same-site")])));
        let local = [("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8080")];
        assert!(!is_cross_site(&request(&local)));
        let foreign = [("host", "127.0.0.1:8080"), ("origin", "https://evil.example")];
        assert!(is_cross_site(&request(&foreign)));
    }
}
