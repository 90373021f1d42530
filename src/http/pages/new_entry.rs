//! `GET /case/{id}/entries/new`: the form for an entry typed by hand (an amount from one account
//! to another, with its receipt number), and for an adjustment: the correction of a period
//! already filed with the court, dated in the open period and naming the entry it corrects
//! (`?corrects=ENTRY`, linked from a filed entry's page). `POST /case/{id}/entries` posts it and
//! opens the new entry's page, where its receipt is attached; a refusal comes back by its field
//! with everything typed kept.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::Action;
use crate::domain::ids::{BookId, EntryId};
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams};
use crate::service::hand_entry::{HandEntry, HandEntryField, post_by_hand};
use crate::service::ledger::book_accounts;

/// What the form holds: as typed, so a refused form comes back as it was.
#[derive(Debug, Default, Deserialize)]
pub struct EntryForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    corrects: String,
}

/// A refusal, and the field it belongs to.
pub struct Problem {
    field: &'static str,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "new_entry.html")]
pub struct NewEntryPage {
    chrome: Chrome,
    book: i64,
    form: EntryForm,
    /// (code, "code name") of the open accounts.
    accounts: Vec<(String, String)>,
    /// The entry an adjustment corrects, and the day the filed period ends.
    locked_through: Option<String>,
    problem: Option<Problem>,
}

impl NewEntryPage {
    /// The refusal's message when it belongs to `field`.
    fn problem_of(&self, field: &str) -> Option<&str> {
        self.problem
            .as_ref()
            .filter(|problem| problem.field == field)
            .map(|problem| problem.message.as_str())
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewEntryQuery {
    corrects: Option<i64>,
}

pub async fn new_entry_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<NewEntryQuery>,
) -> Result<NewEntryPage, ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let form = EntryForm {
        date: chrono::Utc::now().date_naive().to_string(),
        corrects: query.corrects.map(|entry| entry.to_string()).unwrap_or_default(),
        ..EntryForm::default()
    };
    render(&caller, &state, &headers, book, form, None).await
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    form: EntryForm,
    problem: Option<Problem>,
) -> Result<NewEntryPage, ApiError> {
    let chrome = Chrome::of(caller, headers);
    let accounts = book_accounts(&state.store, book).await?;
    let locked_through = crate::service::ledger::book(&state.store, book)
        .await?
        .locked_through
        .map(|day| chrome.t.locale().date(day));
    Ok(NewEntryPage {
        book: book.get(),
        form,
        accounts: accounts
            .iter()
            .filter(|account| !account.closed)
            .map(|account| (account.code.clone(), format!("{} {}", account.code, account.name)))
            .collect(),
        locked_through,
        problem,
        chrome,
    })
}

/// `POST /case/{id}/entries`
pub async fn post(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(form): Form<EntryForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    let t = Chrome::of(&caller, &headers).t;
    let problem = |field: &'static str, key: &str| Problem {
        field,
        message: t.get(key),
    };
    let checked = match (
        NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d"),
        form.corrects.trim(),
    ) {
        (Err(_), _) => Err(problem("date", "web-new-entry-date-needed")),
        _ if form.description.trim().is_empty() => Err(problem("description", "web-new-entry-description-needed")),
        _ if form.amount.trim().is_empty() => Err(problem("amount", "web-new-entry-amount-needed")),
        _ if form.from.is_empty() || form.to.is_empty() => Err(problem("accounts", "web-new-entry-accounts-needed")),
        _ if form.from == form.to => Err(problem("accounts", "web-new-entry-accounts-differ")),
        (Ok(date), "") => Ok((date, None)),
        (Ok(date), corrects) => match corrects.trim_start_matches('#').parse::<i64>() {
            Ok(entry) => Ok((date, Some(EntryId::new(entry)))),
            Err(_) => Err(problem("corrects", "web-new-entry-corrects-number")),
        },
    };
    let refusal = match checked {
        Ok((date, corrects)) => {
            let amount = t.locale().plain_amount(&form.amount);
            let entry = HandEntry {
                date,
                description: &form.description,
                amount: &amount,
                from: &form.from,
                to: &form.to,
                receipt: Some(form.receipt.as_str()),
                corrects,
            };
            match post_by_hand(&state.store, book, entry, &caller.author(), chrono::Utc::now()).await {
                Ok(posted) => {
                    return Ok(
                        Redirect::to(&format!("/case/{book}/entries/{}?posted=1#evidence", posted.id)).into_response(),
                    );
                }
                Err((field, error)) if error.is_for_the_person() => Problem {
                    field: field_name(field),
                    message: t.refusal(&error),
                },
                Err((_, error)) => return Err(error.into()),
            }
        }
        Err(problem) => problem,
    };
    let page = render(&caller, &state, &headers, book, form, Some(refusal)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

fn field_name(field: HandEntryField) -> &'static str {
    match field {
        HandEntryField::Date => "date",
        HandEntryField::Description => "description",
        HandEntryField::Amount => "amount",
        HandEntryField::Accounts => "accounts",
        HandEntryField::Corrects => "corrects",
    }
}
