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
use crate::service::payments::{RunRequest, approve_run, cancel_run, run_payments, run_report, run_view};

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
    done: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PaymentsQuery {
    /// The run just cancelled.
    cancelled: Option<i64>,
}

pub async fn payments_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    crate::http::extract::QueryParams(query): crate::http::extract::QueryParams<PaymentsQuery>,
) -> Result<Response, ApiError> {
    caller.office(Action::Read, caller.office_id()?)?;
    let mut page = render(&caller, &state, &headers, None).await?;
    page.done = query.cancelled.map(|_| page.chrome.t.get("web-payments-cancelled"));
    Ok(page.into_response())
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
            state: chrome.t.get(&format!("web-run-state-{}", run.state.code())),
        })
        .collect();
    Ok(PaymentsPage {
        chrome,
        books,
        office_wide: supervisor,
        runs,
        error,
        done: None,
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
    /// The creditor's name and masked IBAN.
    payee: String,
    remittance: String,
    state: String,
}

/// A paying account: what the run takes from it, what it holds, what is left after.
struct PayingRow {
    name: String,
    total: String,
    balance: String,
    after: String,
    short: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "payment_run.html")]
struct RunPage {
    chrome: Chrome,
    id: i64,
    execution: String,
    state: String,
    prepared_by: String,
    approved_by: Option<String>,
    may_approve: bool,
    may_cancel: bool,
    orders: Vec<OrderRow>,
    paying: Vec<PayingRow>,
    /// The run's total per currency.
    total: String,
    cancel_error: Option<String>,
    /// What the page shows of the run (its orders' count and total), sent back with the
    /// approval: a supervisor approves the run they saw, never another one.
    seen: String,
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
    let view = run_view(&state.store, id).await?;
    caller.run(&state, &view.report.run, Action::Read, id).await?;
    Ok(run_page_of(&caller, &headers, id, view, None).into_response())
}

fn run_page_of(
    caller: &Caller,
    headers: &HeaderMap,
    id: PaymentRunId,
    view: crate::service::payments::RunView,
    cancel_error: Option<String>,
) -> RunPage {
    let report = &view.report;
    let chrome = Chrome::of(caller, headers);
    let locale = chrome.t.locale();
    let money = |minor: i64, currency: &str| {
        Currency::parse(currency)
            .map(|currency| locale.money(minor, currency))
            .unwrap_or_default()
    };
    let prepared = report.run.state == crate::domain::payment_state::RunState::Prepared;
    let mut totals: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for order in &report.orders {
        *totals.entry(order.currency.clone()).or_default() += order.amount_minor;
    }
    let paying = view
        .paying
        .values()
        .map(|account| {
            let after = account.balance_minor - account.total_minor;
            PayingRow {
                name: account.name.clone(),
                total: locale.money(account.total_minor, account.currency),
                balance: locale.money(account.balance_minor, account.currency),
                after: locale.money(after, account.currency),
                short: after < 0,
            }
        })
        .collect();
    RunPage {
        seen: seen_of(report),
        id: id.get(),
        total: totals
            .iter()
            .map(|(currency, minor)| money(*minor, currency))
            .collect::<Vec<_>>()
            .join(" · "),
        paying,
        approved_by: report.run.approved_by.clone(),
        may_cancel: prepared,
        cancel_error,
        execution: locale.date(report.run.execution_date),
        state: chrome.t.get(&format!("web-run-state-{}", report.run.state.code())),
        prepared_by: report.run.prepared_by.clone(),
        may_approve: report.run.state == crate::domain::payment_state::RunState::Prepared
            && caller.role() == Role::Supervisor,
        orders: report
            .orders
            .iter()
            .map(|order| OrderRow {
                due: locale.date(order.due_date),
                amount: money(order.amount_minor, &order.currency),
                payee: view
                    .payees
                    .get(&order.creditor_id)
                    .map(|payee| format!("{} ({})", payee.name, payee.iban_masked))
                    .unwrap_or_default(),
                remittance: order.remittance.clone().unwrap_or_default(),
                state: chrome.t.get(&format!("web-order-state-{}", order.state.code())),
            })
            .collect(),
        holds: report
            .holds
            .iter()
            .map(|hold| OrderRow {
                due: locale.date(hold.due_date),
                amount: money(hold.amount_minor, &hold.currency),
                payee: String::new(),
                remittance: String::new(),
                state: match hold.reason_code.as_deref() {
                    Some(code) => locale.label_with(
                        &format!("web-hold-{code}"),
                        &[(
                            "available",
                            money(hold.available_minor.unwrap_or_default(), &hold.currency),
                        )],
                    ),
                    None => hold.reason.clone(),
                },
            })
            .collect(),
        files: report
            .files
            .iter()
            .map(|file| (format!("/api/v1/payment-files/{}", file.id), file.message_id.clone()))
            .collect(),
        chrome,
    }
}

/// The orders' count and total of `report`, as the approval form sends them back.
fn seen_of(report: &crate::service::payments::RunReport) -> String {
    let total: i64 = report.orders.iter().map(|order| order.amount_minor).sum();
    format!("{}:{total}", report.orders.len())
}

#[derive(Deserialize)]
pub struct ApproveForm {
    csrf: String,
    /// `seen` of the page the approval came from.
    #[serde(default)]
    seen: String,
}

/// `POST /payments/runs/{id}/approval`: the supervisor's approval writes the files.
pub async fn approve(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<PaymentRunId>,
    Form(form): Form<ApproveForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let prepared = run_report(&state.store, id).await?;
    caller.run(&state, &prepared.run, Action::Administer, id).await?;
    if form.seen != seen_of(&prepared) {
        // A page opened on another run (cancelled, its number given again) or changed since.
        let t = Chrome::of(&caller, &headers).t;
        return Err(ApiError::Unprocessable(t.get("web-payments-run-changed")));
    }
    approve_run(&state.store, id, &caller.author(), chrono::Utc::now()).await?;
    Ok(Redirect::to(&format!("/payments/runs/{id}")).into_response())
}

#[derive(Deserialize)]
pub struct CancelForm {
    csrf: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// `POST /payments/runs/{id}/cancellation`: a run nobody approved yet goes, with its orders
/// (ticked to confirm); the payments page says so.
pub async fn cancel(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<PaymentRunId>,
    Form(form): Form<CancelForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let view = run_view(&state.store, id).await?;
    caller.run(&state, &view.report.run, Action::Write, id).await?;
    let refusal = if form.confirm.is_none() {
        Chrome::of(&caller, &headers).t.get("web-payments-cancel-confirm-first")
    } else {
        match cancel_run(&state.store, id).await {
            Ok(()) => return Ok(Redirect::to(&format!("/payments?cancelled={id}")).into_response()),
            Err(error) if error.is_for_the_person() => Chrome::of(&caller, &headers).t.refusal(&error),
            Err(error) => return Err(error.into()),
        }
    };
    let view = run_view(&state.store, id).await?;
    let page = run_page_of(&caller, &headers, id, view, Some(refusal));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
