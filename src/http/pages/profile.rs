//! The signed-in user's own settings: the language of their pages (or the browser's), and their
//! password, changed by giving the current one again.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::party::Language;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::client_address::client_address;
use crate::http::error::ApiError;
use crate::service::ServiceError;
use crate::service::users::{PasswordChange, change_own_password, set_language};

/// The languages the pages are written in, with their own names.
const PAGE_LANGUAGES: [(Language, &str); 4] = [
    (Language::En, "English"),
    (Language::Fr, "Français"),
    (Language::De, "Deutsch"),
    (Language::Pt, "Português"),
];

#[derive(Template, WebTemplate)]
#[template(path = "profile.html")]
struct ProfilePage {
    chrome: Chrome,
    login: String,
    /// (code, name, chosen) of each language; the empty code follows the browser.
    languages: Vec<(&'static str, &'static str, bool)>,
    follows_browser: bool,
    password_error: Option<String>,
}

/// `GET /profile`
pub async fn profile_page(PageViewer(caller): PageViewer, headers: HeaderMap) -> Response {
    render(&caller, &headers, None).into_response()
}

fn render(caller: &Caller, headers: &HeaderMap, password_error: Option<String>) -> ProfilePage {
    let chosen = caller.signed_in.user.language;
    ProfilePage {
        chrome: Chrome::of(caller, headers),
        login: caller.author(),
        languages: PAGE_LANGUAGES
            .iter()
            .map(|(language, name)| (language.code(), *name, chosen == Some(*language)))
            .collect(),
        follows_browser: chosen.is_none(),
        password_error,
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    csrf: String,
    /// A language code, or empty to follow the browser.
    #[serde(default)]
    language: String,
}

/// `POST /profile/language`
pub async fn choose_language(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    Form(form): Form<LanguageForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let language = match form.language.trim() {
        "" => None,
        code => Some(
            PAGE_LANGUAGES
                .iter()
                .map(|(language, _)| *language)
                .find(|language| language.code() == code)
                .ok_or_else(|| ApiError::Unprocessable(format!("the pages are not written in '{code}'")))?,
        ),
    };
    set_language(&state.store, caller.user_id(), language).await?;
    state.sessions.forget_user(caller.user_id());
    Ok(Redirect::to("/profile").into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    current: String,
    new: String,
    repeated: String,
}

/// `POST /profile/password`: every session ends with the old password, this one too, so the
/// user signs in again with the new one.
pub async fn change_password(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let author = caller.author();
    let address = client_address(&extensions, &headers, &state.trusted_proxies);
    let change = PasswordChange {
        login: &author,
        current: &form.current,
        new: &form.new,
        repeated: &form.repeated,
        address: &address,
    };
    let t = Chrome::of(&caller, &headers).t;
    let (status, message) = match change_own_password(&state.store, &state.passwords, &change, chrono::Utc::now()).await
    {
        Ok(_) => {
            state.sessions.forget_user(caller.user_id());
            return Ok(Redirect::to("/sign-in").into_response());
        }
        Err(ServiceError::Throttled) => (StatusCode::TOO_MANY_REQUESTS, t.get("web-throttled")),
        Err(ServiceError::Busy) => (StatusCode::SERVICE_UNAVAILABLE, t.get("web-busy")),
        Err(error) if error.is_for_the_person() => (StatusCode::UNPROCESSABLE_ENTITY, t.refusal(&error)),
        Err(error) => return Err(error.into()),
    };
    Ok((status, render(&caller, &headers, Some(message))).into_response())
}
