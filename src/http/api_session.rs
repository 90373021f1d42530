//! Signing in and out over the API and with the sign-in page. Both answer a wrong password and an
//! unknown login the same way, and both are throttled per login and per address.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::auth::{Caller, PageCaller, SESSION_COOKIE, session_token};
use super::client_address::client_address;
use super::error::ApiError;
use super::extract::JsonBody;
use super::pages::Chrome;
use crate::domain::access::Role;
use crate::service::sessions::{self, SignIn};

const REFUSED: &str = "the login or the password is wrong";
const THROTTLED: &str = "too many failed sign-ins for this login or from this address: wait 15 minutes and try again";

pub fn api_router() -> Router<AppState> {
    Router::new().route("/session", post(api_sign_in).get(who_am_i).delete(api_sign_out))
}

pub fn page_router() -> Router<AppState> {
    Router::new()
        .route("/sign-in", get(sign_in_page).post(page_sign_in))
        .route("/sign-out", post(page_sign_out))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    login: String,
    password: String,
}

/// The signed-in user as the API shows them, with the token to send in `x-csrf-token`.
#[derive(Serialize)]
struct SessionView {
    user_id: i64,
    login: String,
    display_name: String,
    role: Role,
    csrf_token: String,
}

impl SessionView {
    fn of(signed_in: &sessions::SignedIn) -> SessionView {
        SessionView {
            user_id: signed_in.user.id,
            login: signed_in.user.login.clone(),
            display_name: signed_in.user.display_name.clone(),
            role: signed_in.user.role,
            csrf_token: signed_in.csrf_token.clone(),
        }
    }
}

fn session_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Secure"
    ))
    .expect("BUG: a hex token is a valid header value")
}

fn cleared_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0"
    ))
    .expect("BUG: a constant is a valid header value")
}

async fn sign_in(
    state: &AppState,
    (extensions, headers): (&Extensions, &HeaderMap),
    credentials: &Credentials,
) -> Result<SignIn, ApiError> {
    Ok(sessions::sign_in(
        &state.store,
        &state.passwords,
        &credentials.login,
        &credentials.password,
        &client_address(extensions, headers, &state.trusted_proxies),
        chrono::Utc::now(),
    )
    .await?)
}

async fn api_sign_in(
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    JsonBody(credentials): JsonBody<Credentials>,
) -> Result<Response, ApiError> {
    match sign_in(&state, (&extensions, &headers), &credentials).await? {
        SignIn::Opened { token, signed_in } => {
            let mut response = axum::Json(SessionView::of(&signed_in)).into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&token));
            Ok(response)
        }
        SignIn::Refused => Err(ApiError::Unauthorized(REFUSED.to_owned())),
        SignIn::Throttled => Err(ApiError::TooManyRequests(THROTTLED.to_owned())),
    }
}

async fn who_am_i(caller: Caller) -> axum::Json<SessionView> {
    axum::Json(SessionView::of(&caller.signed_in))
}

/// Signs out the session the request came with.
async fn end_session(state: &AppState, caller: &Caller, headers: &HeaderMap) -> Result<(), ApiError> {
    let token = session_token(headers).unwrap_or_default();
    let now = chrono::Utc::now();
    Ok(sessions::sign_out(&state.store, &state.sessions, token, caller.user_id(), now).await?)
}

async fn api_sign_out(
    caller: Caller,
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, ApiError> {
    end_session(&state, &caller, &headers).await?;
    Ok(([(header::SET_COOKIE, cleared_cookie())], StatusCode::NO_CONTENT).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    login: String,
    error: Option<String>,
}

async fn sign_in_page(headers: HeaderMap) -> SignInPage {
    SignInPage {
        chrome: Chrome::anonymous(&headers),
        login: String::new(),
        error: None,
    }
}

async fn page_sign_in(
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    Form(credentials): Form<Credentials>,
) -> Result<Response, ApiError> {
    let signed_in = match sign_in(&state, (&extensions, &headers), &credentials).await {
        Err(ApiError::Unavailable(_)) => None,
        other => Some(other?),
    };
    let (status, error) = match signed_in {
        None => (StatusCode::SERVICE_UNAVAILABLE, "web-busy"),
        Some(SignIn::Opened { token, .. }) => {
            let mut response = Redirect::to("/").into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&token));
            return Ok(response);
        }
        Some(SignIn::Refused) => (StatusCode::UNAUTHORIZED, "web-refused"),
        Some(SignIn::Throttled) => (StatusCode::TOO_MANY_REQUESTS, "web-throttled"),
    };
    let chrome = Chrome::anonymous(&headers);
    let page = SignInPage {
        error: Some(chrome.t.get(error)),
        chrome,
        login: credentials.login,
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize)]
struct SignOutForm {
    csrf: String,
}

async fn page_sign_out(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignOutForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    end_session(&state, &caller, &headers).await?;
    let mut response = Redirect::to("/sign-in").into_response();
    response.headers_mut().insert(header::SET_COOKIE, cleared_cookie());
    Ok(response)
}
