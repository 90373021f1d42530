//! JSON API: uploading bank files, and what imports left behind (lines, gaps, suspense, rules).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Deserialize;
use tower_http::limit::RequestBodyLimitLayer;

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, EntryId, OfficeId};
use crate::domain::money::{Currency, Money};
use crate::import::STATEMENT_BYTES_MAX;
use crate::import::rules::{Conditions, Direction, RuleTarget, pattern};
use crate::service::categorise::{self, Categorised, RULE_PRIORITY_DEFAULT, RuleView};
use crate::service::import::{ImportOptions, ImportSummary, import_file};
use crate::storage::{Gap, ImportRecord, LineRecord, SuspenseItem};

/// The upload route, with its own body limit: a statement file may be far larger than a JSON
/// request, and a larger one is refused with 413 from its Content-Length, before it is read.
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/imports", post(upload))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(STATEMENT_BYTES_MAX))
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/imports", get(list_imports))
        .route("/books/{id}/lines", get(list_lines))
        .route("/books/{id}/gaps", get(list_gaps))
        .route("/books/{id}/suspense", get(list_suspense))
        .route("/books/{id}/suspense/{entry}/{line}", post(categorise_line))
        .route("/offices/{id}/rules", get(list_rules).post(add_rule))
}

#[derive(Deserialize)]
struct UploadQuery {
    /// The file's name, for messages and the import record.
    file_name: Option<String>,
    book: Option<BookId>,
    force_reason: Option<String>,
    /// A built-in CSV profile, for a bank CSV export.
    profile: Option<String>,
    account_iban: Option<String>,
}

/// `POST /api/v1/imports?file_name=…` with the file as the body (any content type).
async fn upload(
    caller: Caller,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<UploadQuery>,
    body: Bytes,
) -> Result<(StatusCode, axum::Json<ImportSummary>), ApiError> {
    if let Some(book) = query.book {
        caller.book(&state, Action::Write, book).await?;
    }
    let name = query.file_name.unwrap_or_else(|| "upload".to_owned());
    let profile = match query.profile.as_deref() {
        Some(name) => Some(crate::import::csv::built_in_profile(name).ok_or_else(|| {
            ApiError::Unprocessable(format!(
                "'{name}' is not a CSV profile; built in: bcee, sparkasse, banque-postale, swedbank"
            ))
        })?),
        None => None,
    };
    let writable = caller.books_allowed(&state, Action::Write).await?;
    let options = ImportOptions {
        book: query.book,
        force_reason: query.force_reason.as_deref(),
        csv_profile: profile.as_ref(),
        account_iban: query.account_iban.as_deref(),
        writable_books: Some(&writable),
        ..ImportOptions::default()
    };
    let summary = import_file(
        &state.store,
        &name,
        &body,
        options,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    if let Some(statement) = summary.statements.first() {
        caller.note_book(statement.book);
    }
    Ok((StatusCode::CREATED, axum::Json(summary)))
}

#[derive(Deserialize)]
struct BookQuery {
    book: Option<BookId>,
}

async fn list_imports(
    caller: Caller,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<BookQuery>,
) -> Result<axum::Json<Vec<ImportRecord>>, ApiError> {
    let book = query
        .book
        .ok_or_else(|| ApiError::Unprocessable("name the book whose imports to list: ?book=ID".to_owned()))?;
    caller.book(&state, Action::Read, book).await?;
    Ok(axum::Json(state.store.begin_read().await?.imports(Some(book)).await?))
}

#[derive(Deserialize)]
struct LineQuery {
    status: Option<String>,
}

async fn list_lines(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
    QueryParams(query): QueryParams<LineQuery>,
) -> Result<axum::Json<Vec<LineRecord>>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    let mut tx = state.store.begin_read().await?;
    tx.book(id).await?;
    Ok(axum::Json(tx.statement_lines(id, query.status.as_deref()).await?))
}

async fn list_gaps(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
) -> Result<axum::Json<Vec<Gap>>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    let mut tx = state.store.begin_read().await?;
    tx.book(id).await?;
    Ok(axum::Json(tx.open_gaps(Some(id)).await?))
}

async fn list_suspense(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
) -> Result<axum::Json<Vec<SuspenseItem>>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    Ok(axum::Json(categorise::suspense(&state.store, id).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriseRequest {
    account_code: String,
    #[serde(default)]
    make_rule: bool,
}

async fn categorise_line(
    caller: Caller,
    State(state): State<AppState>,
    PathParams((id, entry, line)): PathParams<(BookId, EntryId, i64)>,
    JsonBody(request): JsonBody<CategoriseRequest>,
) -> Result<(StatusCode, axum::Json<Categorised>), ApiError> {
    caller.book(&state, Action::Write, id).await?;
    let done = categorise::categorise(
        &state.store,
        id,
        entry,
        line,
        &request.account_code,
        request.make_rule,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(done)))
}

async fn list_rules(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<OfficeId>,
    QueryParams(query): QueryParams<BookQuery>,
) -> Result<axum::Json<Vec<RuleView>>, ApiError> {
    caller.office(Action::Read, id)?;
    if let Some(book) = query.book {
        caller.book(&state, Action::Read, book).await?;
    }
    Ok(axum::Json(categorise::rules(&state.store, id, query.book).await?))
}

/// A rule as the API takes it; amounts are decimal strings with two decimals.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleRequest {
    name: String,
    book: Option<BookId>,
    priority: Option<i64>,
    counterparty_iban: Option<String>,
    counterparty_name: Option<String>,
    remittance_contains: Option<String>,
    remittance_pattern: Option<String>,
    bank_code: Option<String>,
    amount_min: Option<String>,
    amount_max: Option<String>,
    direction: Option<String>,
    account_code: Option<String>,
    category: Option<String>,
}

impl RuleRequest {
    fn conditions(&self) -> Result<Conditions, ApiError> {
        let amount = |text: &Option<String>| -> Result<Option<i64>, ApiError> {
            Ok(text
                .as_deref()
                .map(|text| Money::parse(text, Currency::EUR))
                .transpose()?
                .map(Money::minor))
        };
        let unprocessable = |error: crate::import::rules::RuleError| ApiError::Unprocessable(error.to_string());
        Ok(Conditions {
            counterparty_iban: self
                .counterparty_iban
                .as_deref()
                .map(crate::domain::iban::Iban::parse)
                .transpose()?
                .map(|iban| iban.electronic().to_owned()),
            counterparty_name: self.counterparty_name.clone(),
            remittance_contains: self.remittance_contains.clone(),
            remittance_pattern: self
                .remittance_pattern
                .as_deref()
                .map(pattern)
                .transpose()
                .map_err(unprocessable)?,
            bank_code: self.bank_code.clone(),
            amount_min_minor: amount(&self.amount_min)?,
            amount_max_minor: amount(&self.amount_max)?,
            direction: self
                .direction
                .as_deref()
                .map(Direction::parse)
                .transpose()
                .map_err(unprocessable)?,
        })
    }

    fn target(&self) -> Result<RuleTarget, ApiError> {
        match (&self.account_code, &self.category) {
            (Some(code), None) => Ok(RuleTarget::Account(code.clone())),
            (None, Some(category)) => Ok(RuleTarget::Category(ReportCategory::parse(category)?)),
            _ => Err(ApiError::Unprocessable(
                "give either account_code or category as the rule's target".into(),
            )),
        }
    }
}

async fn add_rule(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<OfficeId>,
    JsonBody(request): JsonBody<RuleRequest>,
) -> Result<(StatusCode, axum::Json<RuleView>), ApiError> {
    caller.office(Action::Write, id)?;
    if let Some(book) = request.book {
        caller.book(&state, Action::Write, book).await?;
    }
    let priority = request.priority.unwrap_or(RULE_PRIORITY_DEFAULT);
    let rule = categorise::add_rule(
        &state.store,
        id,
        request.book,
        &request.name,
        priority,
        request.conditions()?,
        request.target()?,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(rule)))
}
