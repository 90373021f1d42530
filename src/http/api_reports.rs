//! JSON API (and documents): the periodic account in every format, the beneficiary's statement,
//! filing, the court's review, filed documents exactly as filed, and evidence files.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Deserialize;
use tower_http::limit::RequestBodyLimitLayer;

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::evidence::{EVIDENCE_BYTES_MAX, EvidenceFile};
use crate::domain::filing::{Filing, Verdict};
use crate::domain::ids::{BookId, EntryId, EvidenceId, FilingId};
use crate::domain::mandate::Jurisdiction;
use crate::domain::party::Language;
use crate::domain::report::Period;
use crate::render::account::document_for;
use crate::render::locale::Locale;
use crate::render::statement::{statement_document, statement_language};
use crate::service::filings::{self as filing_use_case, FilingRequest};
use crate::service::reports::{entries_csv, periodic_account};
use crate::service::statement::{month_period, monthly_statement};
use crate::service::{evidence, reports};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/books/{id}/account", get(account))
        .route("/books/{id}/statement", get(statement))
        .route("/books/{id}/export", get(export))
        .route("/books/{id}/filings", get(list_filings).post(file))
        .route("/books/{id}/evidence", get(list_evidence))
        .route("/filings/{id}", get(show_filing))
        .route("/filings/{id}/review", post(review))
        .route("/filings/{id}/pdf", get(filed_pdf))
        .route("/filings/{id}/data", get(filed_data))
        .route("/filings/{id}/bundle", get(filed_bundle))
        .route("/evidence/{id}", get(evidence_file))
}

/// Evidence uploads carry a file, not JSON: their own body limit.
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/entries/{id}/evidence", post(attach))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(EVIDENCE_BYTES_MAX + 64 * 1024))
}

fn invalid(error: impl ToString) -> ApiError {
    ApiError::Unprocessable(error.to_string())
}

/// A download: its media type and file name.
fn download(media_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountQuery {
    from: NaiveDate,
    to: NaiveDate,
    format: Option<String>,
    layout: Option<String>,
    lang: Option<String>,
}

fn period(from: NaiveDate, to: NaiveDate) -> Result<Period, ApiError> {
    if from > to {
        return Err(invalid(format!("from {from} is after to {to}")));
    }
    Ok(Period { from, to })
}

fn layout_and_language(
    layout: Option<&str>,
    lang: Option<&str>,
) -> Result<(Option<Jurisdiction>, Option<Language>), ApiError> {
    let layout = layout.map(Jurisdiction::parse).transpose().map_err(invalid)?;
    let language = lang.map(Language::parse).transpose().map_err(invalid)?;
    Ok((layout, language))
}

/// The account of a period: `format` json (default), html, pdf, csv or xlsx.
async fn account(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<AccountQuery>,
) -> Result<Response, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    let account = periodic_account(&state.store, book, period(query.from, query.to)?).await?;
    let (layout, language) = layout_and_language(query.layout.as_deref(), query.lang.as_deref())?;
    let stem = format!("account-{book}-{}", query.to);
    let format = query.format.as_deref().unwrap_or("json");
    if format == "json" {
        return Ok(axum::Json(account).into_response());
    }
    if format == "csv" {
        return Ok(download(
            "text/csv; charset=utf-8",
            &format!("{stem}.csv"),
            entries_csv(&account),
        ));
    }
    let (_, language, document) = document_for(&account, layout, language).map_err(invalid)?;
    Ok(match format {
        "html" => axum::response::Html(crate::render::html(&document).map_err(internal)?).into_response(),
        "pdf" => download("application/pdf", &format!("{stem}.pdf"), typeset(document).await?),
        "xlsx" => {
            let bytes =
                crate::render::account_xlsx::entries_xlsx(&account, &Locale::new(language)).map_err(internal)?;
            download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{stem}.xlsx"),
                bytes,
            )
        }
        other => return Err(invalid(format!("format {other}: use json, html, pdf, csv or xlsx"))),
    })
}

fn internal(error: impl ToString) -> ApiError {
    ApiError::Internal(error.to_string())
}

/// Typesetting takes a tenth of a second: off the async threads.
async fn typeset(document: crate::render::document::Document) -> Result<Vec<u8>, ApiError> {
    crate::render::pdf::pdf_in_turn(document)
        .await
        .map_err(|error| match error {
            too_large @ crate::render::pdf::PdfError::TooLarge { .. } => invalid(too_large),
            other => internal(other),
        })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementQuery {
    /// 2026-01
    month: String,
    format: Option<String>,
    lang: Option<String>,
}

async fn statement(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<StatementQuery>,
) -> Result<Response, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    let period = query
        .month
        .split_once('-')
        .and_then(|(year, month)| month_period(year.parse().ok()?, month.parse().ok()?))
        .ok_or_else(|| invalid(format!("month {}: write it as YYYY-MM, e.g. 2026-01", query.month)))?;
    let statement = monthly_statement(&state.store, book, period, chrono::Utc::now().date_naive()).await?;
    let language = match query.lang.as_deref() {
        Some(code) => Language::parse(code).map_err(invalid)?,
        None => statement_language(Language::parse(&statement.language).map_err(internal)?),
    };
    let document = statement_document(&statement, &Locale::new(language));
    Ok(match query.format.as_deref().unwrap_or("json") {
        "json" => axum::Json(statement).into_response(),
        "html" => axum::response::Html(crate::render::html(&document).map_err(internal)?).into_response(),
        "pdf" => download(
            "application/pdf",
            &format!("statement-{book}-{}.pdf", query.month),
            typeset(document).await?,
        ),
        other => return Err(invalid(format!("format {other}: use json, html or pdf"))),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportQuery {
    format: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// The book as an hledger journal or a beancount ledger.
async fn export(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<ExportQuery>,
) -> Result<Response, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    if let Some(other) = query.format.as_deref().filter(|format| *format != "hledger") {
        return Err(invalid(format!("format {other}: use hledger")));
    }
    if let (Some(from), Some(to)) = (query.from, query.to) {
        period(from, to)?;
    }
    let journal = reports::hledger_journal(&state.store, book, query.from, query.to).await?;
    Ok(download(
        "text/plain; charset=utf-8",
        &format!("book-{book}.journal"),
        journal.into_bytes(),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBody {
    from: NaiveDate,
    to: NaiveDate,
    layout: Option<String>,
    lang: Option<String>,
}

async fn file(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    JsonBody(body): JsonBody<FileBody>,
) -> Result<(StatusCode, axum::Json<Filing>), ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let (layout, language) = layout_and_language(body.layout.as_deref(), body.lang.as_deref())?;
    let request = FilingRequest {
        book,
        period: period(body.from, body.to)?,
        layout,
        language,
        filed_by: &caller.author(),
        now: chrono::Utc::now(),
    };
    let filing = filing_use_case::file_account(&state.store, &request).await?;
    Ok((StatusCode::CREATED, axum::Json(filing)))
}

async fn list_filings(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
) -> Result<axum::Json<Vec<Filing>>, ApiError> {
    caller.book(&state, Action::ReadFiled, book).await?;
    Ok(axum::Json(filing_use_case::filings(&state.store, book).await?))
}

async fn show_filing(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(filing): PathParams<FilingId>,
) -> Result<axum::Json<Filing>, ApiError> {
    let found = filing_use_case::filing(&state.store, filing).await?;
    caller.record_of(&state, Action::ReadFiled, found.book, filing).await?;
    Ok(axum::Json(found))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewBody {
    verdict: String,
    remarks: Option<String>,
}

async fn review(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(filing): PathParams<FilingId>,
    JsonBody(body): JsonBody<ReviewBody>,
) -> Result<axum::Json<Filing>, ApiError> {
    let found = filing_use_case::filing(&state.store, filing).await?;
    caller.record_of(&state, Action::Review, found.book, filing).await?;
    let verdict = Verdict::parse(&body.verdict).map_err(invalid)?;
    let reviewed = filing_use_case::review_filing(
        &state.store,
        filing,
        verdict,
        body.remarks,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok(axum::Json(reviewed))
}

async fn filed_pdf(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(filing): PathParams<FilingId>,
) -> Result<Response, ApiError> {
    let found = filing_use_case::filing(&state.store, filing).await?;
    caller.record_of(&state, Action::ReadFiled, found.book, filing).await?;
    let documents = filing_use_case::filed_documents(&state.store, filing).await?;
    let name = format!("account-{}-{}.pdf", documents.filing.book, documents.filing.period.to);
    Ok(download("application/pdf", &name, documents.pdf))
}

async fn filed_data(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(filing): PathParams<FilingId>,
) -> Result<Response, ApiError> {
    let found = filing_use_case::filing(&state.store, filing).await?;
    caller.record_of(&state, Action::ReadFiled, found.book, filing).await?;
    let documents = filing_use_case::filed_documents(&state.store, filing).await?;
    let name = format!("account-{}-{}.json", documents.filing.book, documents.filing.period.to);
    Ok(download("application/json", &name, documents.data_json.into_bytes()))
}

async fn filed_bundle(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(filing): PathParams<FilingId>,
) -> Result<Response, ApiError> {
    let found = filing_use_case::filing(&state.store, filing).await?;
    caller.record_of(&state, Action::ReadFiled, found.book, filing).await?;
    let bytes = filing_use_case::filing_bundle(&state.store, filing).await?;
    Ok(download("application/zip", &format!("filing-{filing}.zip"), bytes))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachQuery {
    file_name: String,
}

/// The body is the file itself; its type is read from its content.
async fn attach(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(entry): PathParams<EntryId>,
    QueryParams(query): QueryParams<AttachQuery>,
    body: Bytes,
) -> Result<(StatusCode, axum::Json<EvidenceFile>), ApiError> {
    let book = state.store.begin_read().await?.entry(entry).await?.book_id;
    caller.record_of(&state, Action::Write, book, entry).await?;
    let file = evidence::attach(
        &state.store,
        entry,
        &query.file_name,
        &body,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(file)))
}

async fn list_evidence(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
) -> Result<axum::Json<Vec<EvidenceFile>>, ApiError> {
    let all = caller.may_read_all_evidence(&state, book).await?;
    if !all {
        caller.book(&state, Action::ReadFiled, book).await?;
    }
    let mut files = evidence::evidence_files(&state.store, book).await?;
    if !all {
        let filed = filing_use_case::evidence_filed(&state.store, book).await?;
        files.retain(|file| filed.contains(&file.id));
    }
    Ok(axum::Json(files))
}

async fn evidence_file(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<EvidenceId>,
) -> Result<Response, ApiError> {
    let (book, file, content) = evidence::evidence_content(&state.store, id).await?;
    caller.evidence(&state, book, id).await?;
    let name = format!("evidence-{id}.{}", file.media_type.extension());
    Ok(download(file.media_type.code(), &name, content))
}
