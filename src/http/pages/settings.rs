//! `GET /admin/settings`: the office's payment settings for its supervisors: four eyes for
//! payment runs, and per case the reserve left on its accounts and each bank account's overdraft.
//! `POST /admin/settings/four-eyes` and `POST /admin/settings/books/{id}` change them and land
//! back on the page with a message; an amount that is not one comes back by its field.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::Action;
use crate::domain::ids::BookId;
use crate::domain::money::Money;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams};
use crate::service::office_settings::office_settings;
use crate::service::payments::settings::{set_case_settings, set_four_eyes};

struct AccountSetting {
    code: String,
    name: String,
    overdraft: String,
}

struct CaseRow {
    book: i64,
    name: String,
    reserve: String,
    accounts: Vec<AccountSetting>,
}

#[derive(Template, WebTemplate)]
#[template(path = "settings.html")]
pub struct SettingsPage {
    chrome: Chrome,
    four_eyes: bool,
    cases: Vec<CaseRow>,
    done: Option<String>,
    /// The case whose amounts were refused, and why.
    refusal: Option<(i64, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SettingsQuery {
    saved: Option<u8>,
}

pub async fn settings_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    QueryParams(query): QueryParams<SettingsQuery>,
) -> Result<SettingsPage, ApiError> {
    caller.office(Action::Administer, caller.office_id()?)?;
    let chrome = Chrome::of(&caller, &headers);
    let done = query.saved.map(|_| chrome.t.get("web-settings-saved"));
    render(&caller, &state, chrome, done, None).await
}

async fn render(
    caller: &Caller,
    state: &AppState,
    chrome: Chrome,
    done: Option<String>,
    refusal: Option<(i64, String)>,
) -> Result<SettingsPage, ApiError> {
    let office = caller.office_id()?;
    let books = caller.books_allowed(state, Action::Write).await?;
    let settings = office_settings(&state.store, office, &books).await?;
    let mut tx = state.store.begin_read().await?;
    let names = super::named_books(&mut tx, office, Some(&books)).await?;
    drop(tx);
    let locale = chrome.t.locale();
    let cases = settings
        .cases
        .iter()
        .map(|case| CaseRow {
            book: case.book.get(),
            name: names
                .iter()
                .find(|(book, _)| *book == case.book.get())
                .map(|(_, name)| name.clone())
                .unwrap_or_default(),
            reserve: locale.amount(case.reserve_minor, case.currency),
            accounts: case
                .accounts
                .iter()
                .map(|(account, overdraft)| AccountSetting {
                    code: account.code.clone(),
                    name: account.name.clone(),
                    overdraft: locale.amount(*overdraft, account.currency),
                })
                .collect(),
        })
        .collect();
    Ok(SettingsPage {
        chrome,
        four_eyes: settings.four_eyes,
        cases,
        done,
        refusal,
    })
}

#[derive(Deserialize)]
pub struct FourEyesForm {
    csrf: String,
    #[serde(default)]
    required: Option<String>,
}

pub async fn change_four_eyes(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    Form(form): Form<FourEyesForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let office = caller.office_id()?;
    caller.office(Action::Administer, office)?;
    set_four_eyes(&state.store, office, form.required.is_some()).await?;
    Ok(Redirect::to("/admin/settings?saved=1").into_response())
}

/// `POST /admin/settings/books/{id}`: the case's reserve and each bank account's overdraft
/// (`overdraft-CODE`), all saved or none.
pub async fn change_case(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let form = crate::http::extract::FormFields::checked(fields, &caller)?;
    let field = |name: &str| form.get(name);
    caller.office(Action::Administer, caller.office_id()?)?;
    caller.book(&state, Action::Write, book).await?;
    let chrome = Chrome::of(&caller, &headers);
    let book_record = crate::service::ledger::book(&state.store, book).await?;
    let amount = |typed: &str| {
        Money::parse(&chrome.t.locale().plain_amount(typed), book_record.currency)
            .map(|money| money.minor())
            .map_err(|_| {
                chrome
                    .t
                    .locale()
                    .label_with("web-settings-not-an-amount", &[("typed", typed.to_owned())])
            })
    };
    // Every amount is read before any is saved: a form refused changes nothing.
    let reserve = amount(field("reserve").unwrap_or("0"));
    let overdrafts: Result<Vec<(String, i64)>, String> = form
        .0
        .iter()
        .filter_map(|(key, value)| key.strip_prefix("overdraft-").map(|code| (code, value)))
        .map(|(code, value)| amount(value).map(|minor| (code.to_owned(), minor)))
        .collect();
    let (reserve, overdrafts) = match (reserve, overdrafts) {
        (Ok(reserve), Ok(overdrafts)) => (reserve, overdrafts),
        (Err(refusal), _) | (_, Err(refusal)) => {
            let page = render(&caller, &state, chrome, None, Some((book.get(), refusal))).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    match set_case_settings(&state.store, book, reserve, &overdrafts).await {
        Ok(()) => Ok(Redirect::to(&format!("/admin/settings?saved=1#case-{book}")).into_response()),
        Err(error) if error.is_for_the_person() => {
            let refusal = Some((book.get(), chrome.t.refusal(&error)));
            let page = render(&caller, &state, chrome, None, refusal).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
