//! JSON API: payment runs, their approval, the pain.001 files and the orders the bank has not shown.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Deserialize;

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::ids::{BookId, OfficeId, PaymentFileId, PaymentRunId};
use crate::export::pain001::PainVersion;
use crate::service::payments::{self as use_case, RunReport, RunRequest};
use crate::storage::OrderRecord;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/payment-runs", post(run))
        .route("/payment-runs/{id}", get(show_run))
        .route("/payment-runs/{id}/approval", post(approve))
        .route("/payment-files/{id}", get(download))
        .route("/payment-orders/late", get(late))
}

fn invalid(error: impl ToString) -> ApiError {
    ApiError::Unprocessable(error.to_string())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RunRequestBody {
    office_id: OfficeId,
    book_id: Option<BookId>,
    date: NaiveDate,
    format: Option<String>,
}

/// A counsellor runs the payments of a book they work on; a run over the whole office is the
/// supervisor's.
async fn run(
    caller: Caller,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<RunRequestBody>,
) -> Result<(StatusCode, axum::Json<RunReport>), ApiError> {
    match request.book_id {
        Some(book) => {
            caller.office(Action::Read, request.office_id)?;
            caller.book(&state, Action::Write, book).await?;
        }
        None => caller.office(Action::Administer, request.office_id)?,
    }
    let format = match request.format.as_deref() {
        None => PainVersion::V09,
        Some(text) => PainVersion::parse(text)
            .ok_or_else(|| invalid(format!("format {text}: use pain.001.001.09 or pain.001.001.03")))?,
    };
    let run = RunRequest {
        office: request.office_id,
        book: request.book_id,
        date: request.date,
        format,
        author: &caller.author(),
    };
    let report = use_case::run_payments(&state.store, run, chrono::Utc::now()).await?;
    Ok((StatusCode::CREATED, axum::Json(report)))
}

async fn show_run(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(run): PathParams<PaymentRunId>,
) -> Result<axum::Json<RunReport>, ApiError> {
    let report = use_case::run_report(&state.store, run).await?;
    caller.run(&state, &report.run, Action::Read, run).await?;
    Ok(axum::Json(report))
}

async fn approve(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(run): PathParams<PaymentRunId>,
) -> Result<axum::Json<RunReport>, ApiError> {
    let prepared = use_case::run_report(&state.store, run).await?;
    caller.run(&state, &prepared.run, Action::Administer, run).await?;
    let report = use_case::approve_run(&state.store, run, &caller.author(), chrono::Utc::now()).await?;
    Ok(axum::Json(report))
}

/// The file's bytes exactly as produced, as an XML download named by its message id.
async fn download(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(file): PathParams<PaymentFileId>,
) -> Result<impl IntoResponse, ApiError> {
    let (record, bytes) = use_case::payment_file(&state.store, file).await?;
    let run = use_case::run_report(&state.store, PaymentRunId::new(record.run_id)).await?;
    caller.run(&state, &run.run, Action::Read, file).await?;
    let disposition = format!("attachment; filename=\"{}.xml\"", record.message_id);
    Ok((
        [
            (header::CONTENT_TYPE, "application/xml".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    ))
}

#[derive(Deserialize)]
struct LateQuery {
    book: Option<BookId>,
    today: Option<NaiveDate>,
}

/// The orders the bank has not shown, of the books the caller may read.
async fn late(
    caller: Caller,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<LateQuery>,
) -> Result<axum::Json<Vec<OrderRecord>>, ApiError> {
    if let Some(book) = query.book {
        caller.book(&state, Action::Read, book).await?;
    }
    let readable = caller.books_allowed(&state, Action::Read).await?;
    let today = query.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let orders = use_case::orders_not_executed(&state.store, query.book, today).await?;
    Ok(axum::Json(
        orders
            .into_iter()
            .filter(|order| readable.contains(&BookId::new(order.book_id)))
            .collect(),
    ))
}
