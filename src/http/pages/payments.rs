//! Payment runs for office staff: prepare a run (a counsellor for one of their books, a
//! supervisor for one book or the whole office), look at its orders and what was held for lack of
//! money, approve it (supervisors: the second pair of eyes) and download its pain.001 files.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::{Action, Role};
use crate::domain::ids::{BookId, PaymentRunId};
use crate::domain::money::Currency;
use crate::export::pain001::PainVersion;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::payments::{RunRequest, approve_run, run_payments, run_report};

/// Runs listed on the page.
const RUNS_SHOWN: i64 = 20;

struct RunRow {
    href: String,
    label: String,
    state: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "payments.html")]
struct PaymentsPage {
    chrome: Chrome,
    /// (book id, name) of the books the user may pay from.
    books: Vec<(i64, String)>,
    office_wide: bool,
    runs: Vec<RunRow>,
    error: Option<String>,
}

pub async fn payments_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.office(Action::Read, caller.office_id()?)?;
    Ok(render(&caller, &state, &headers, None).await?.into_response())
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    error: Option<String>,
) -> Result<PaymentsPage, ApiError> {
    let writable = caller.books_allowed(state, Action::Write).await?;
    let mut tx = state.store.begin_read().await?;
    let books = super::named_books(&mut tx, caller.office_id()?, Some(&writable)).await?;
    let runs = tx.runs_of_office(caller.office_id()?, RUNS_SHOWN).await?;
    tx.commit().await?;
    let supervisor = caller.role() == Role::Supervisor;
    let chrome = Chrome::of(caller, headers);
    let runs = runs
        .into_iter()
        .filter(|run| match run.book_id {
            Some(book) => writable.contains(&BookId::new(book)),
            None => supervisor,
        })
        .map(|run| RunRow {
            href: format!("/payments/runs/{}", run.id),
            label: format!("{} — {}", run.id, chrome.t.locale().date(run.execution_date)),
            state: run.state,
        })
        .collect();
    Ok(PaymentsPage {
        chrome,
        books,
        office_wide: supervisor,
        runs,
        error,
    })
}

#[derive(Deserialize)]
pub struct RunForm {
    csrf: String,
    date: NaiveDate,
    /// A book's id, or empty for the whole office.
    #[serde(default)]
    book: String,
}

/// `POST /payments/runs`: prepares a run and shows it.
pub async fn prepare(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<RunForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let book = match form.book.trim() {
        "" => None,
        text => {
            Some(BookId::new(text.parse().map_err(|_| {
                ApiError::BadRequest(format!("book '{text}' is not an id"))
            })?))
        }
    };
    match book {
        Some(book) => caller.book(&state, Action::Write, book).await?,
        None => caller.office(Action::Administer, caller.office_id()?)?,
    }
    let request = RunRequest {
        office: caller.office_id()?,
        book,
        date: form.date,
        format: PainVersion::V09,
        author: &caller.author(),
    };
    match run_payments(&state.store, request, chrono::Utc::now()).await {
        Ok(report) => Ok(Redirect::to(&format!("/payments/runs/{}", report.run.id)).into_response()),
        Err(error) if error.is_for_the_person() => {
            let page = render(&caller, &state, &headers, Some(error.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

struct OrderRow {
    due: String,
    amount: String,
    remittance: String,
    state: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "payment_run.html")]
struct RunPage {
    chrome: Chrome,
    id: i64,
    execution: String,
    state: String,
    prepared_by: String,
    may_approve: bool,
    orders: Vec<OrderRow>,
    holds: Vec<OrderRow>,
    /// (download link, message id)
    files: Vec<(String, String)>,
}

pub async fn run_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<PaymentRunId>,
) -> Result<Response, ApiError> {
    let report = run_report(&state.store, id).await?;
    caller.run(&state, &report.run, Action::Read, id).await?;
    let chrome = Chrome::of(&caller, &headers);
    let locale = chrome.t.locale();
    let money = |minor: i64, currency: &str| {
        Currency::parse(currency)
            .map(|currency| locale.money(minor, currency))
            .unwrap_or_default()
    };
    let page = RunPage {
        id: id.get(),
        execution: locale.date(report.run.execution_date),
        state: report.run.state.clone(),
        prepared_by: report.run.prepared_by.clone(),
        may_approve: report.run.state == "prepared" && caller.role() == Role::Supervisor,
        orders: report
            .orders
            .iter()
            .map(|order| OrderRow {
                due: locale.date(order.due_date),
                amount: money(order.amount_minor, &order.currency),
                remittance: order.remittance.clone().unwrap_or_default(),
                state: order.state.clone(),
            })
            .collect(),
        holds: report
            .holds
            .iter()
            .map(|hold| OrderRow {
                due: locale.date(hold.due_date),
                amount: money(hold.amount_minor, &hold.currency),
                remittance: String::new(),
                state: hold.reason.clone(),
            })
            .collect(),
        files: report
            .files
            .iter()
            .map(|file| (format!("/api/v1/payment-files/{}", file.id), file.message_id.clone()))
            .collect(),
        chrome,
    };
    Ok(page.into_response())
}

#[derive(Deserialize)]
pub struct ApproveForm {
    csrf: String,
}

/// `POST /payments/runs/{id}/approval`: the supervisor's approval writes the files.
pub async fn approve(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    PathParams(id): PathParams<PaymentRunId>,
    Form(form): Form<ApproveForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let prepared = run_report(&state.store, id).await?;
    caller.run(&state, &prepared.run, Action::Administer, id).await?;
    approve_run(&state.store, id, &caller.author(), chrono::Utc::now()).await?;
    Ok(Redirect::to(&format!("/payments/runs/{id}")).into_response())
}
