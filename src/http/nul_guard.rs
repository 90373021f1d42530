//! Refuses text holding the NUL character (U+0000) before any handler sees it. No text gestio
//! keeps may hold one: PostgreSQL cannot store it (it answered 500), SQLite would store it and
//! cut it short in some readers, and no person types it. Both backends answer the same 400.
//!
//! It looks at the path and query, and at JSON and form bodies; files (camt, CSV, evidence) are
//! checked by their own readers, where a NUL byte may be legitimate content.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

/// The largest JSON or form body read here, as the API's own limit: no form of the pages comes
/// near it. A larger one is refused at once, before it is sent.
const TEXT_BODY_BYTES_MAX: usize = 1024 * 1024;

const REFUSAL: &str =
    "the request holds the NUL character (U+0000), which no text may contain: remove it and send again";

pub async fn refuse_nul_text(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if uri.path().contains("%00")
        || uri
            .query()
            .is_some_and(|query| query.to_ascii_lowercase().contains("%00"))
    {
        return ApiError::BadRequest(REFUSAL.to_owned()).into_response();
    }
    let kind = match body_kind(&request) {
        Some(kind) => kind,
        None => return next.run(request).await,
    };
    let too_large = || {
        ApiError::PayloadTooLarge(format!(
            "the body is larger than {TEXT_BODY_BYTES_MAX} bytes; send less at once"
        ))
        .into_response()
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|length| length > TEXT_BODY_BYTES_MAX) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, TEXT_BODY_BYTES_MAX).await else {
        return too_large();
    };
    let holds_nul = match kind {
        BodyKind::Json => json_holds_nul(&bytes),
        BodyKind::Form => form_holds_nul(&bytes),
    };
    if holds_nul {
        return ApiError::BadRequest(REFUSAL.to_owned()).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

enum BodyKind {
    Json,
    Form,
}

fn body_kind(request: &Request) -> Option<BodyKind> {
    let content_type = request.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    let media_type = content_type.split(';').next()?.trim().to_ascii_lowercase();
    match media_type.as_str() {
        "application/json" => Some(BodyKind::Json),
        "application/x-www-form-urlencoded" => Some(BodyKind::Form),
        other if other.ends_with("+json") => Some(BodyKind::Json),
        _ => None,
    }
}

/// Whether JSON text holds a NUL: as a raw byte, or as the escape `\u0000` (and only as an escape:
/// `\\u0000` is a backslash followed by the letters u0000).
fn json_holds_nul(bytes: &[u8]) -> bool {
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            0 => return true,
            b'\\' => {
                if bytes.get(index + 1) == Some(&b'u') && bytes.get(index + 2..index + 6) == Some(b"0000".as_slice()) {
                    return true;
                }
                index += 2;
            }
            _ => index += 1,
        }
    }
    false
}

/// Whether a form body holds a NUL, raw or percent-encoded.
fn form_holds_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|window| window == b"%00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_found_in_json_only_where_it_is_one() {
        assert!(json_holds_nul(br#"{"login":"ma\u0000rie"}"#));
        assert!(json_holds_nul(b"{\"login\":\"ma\0rie\"}"));
        assert!(!json_holds_nul(br#"{"note":"a backslash then u0000: \\u0000"}"#));
        assert!(!json_holds_nul(br#"{"note":"\u00e9t\u00e9 \"quoted\""}"#));
        assert!(
            json_holds_nul(br#"{"note":"\\\u0000"}"#),
            "an escaped backslash, then a NUL"
        );
    }

    #[test]
    fn a_nul_is_found_in_a_form_raw_or_encoded() {
        assert!(form_holds_nul(b"login=ma%00rie&password=x"));
        assert!(form_holds_nul(b"login=ma\0rie"));
        assert!(!form_holds_nul(b"login=marie&amount=100%2C00"));
    }
}
