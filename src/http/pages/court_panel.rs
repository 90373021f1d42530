//! The case's court panel: pick a period (the next account due preset), read the account with its
//! checks before anything is filed, download it in every format, and file it only from the
//! preview, naming the warnings it is filed with. Filing locks the period for good, so a period
//! that is not over, reversed or beyond the statements is refused on the form.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{Chrome, Labels};
use crate::domain::access::Action;
use crate::domain::ids::BookId;
use crate::domain::report::Period;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams, blank_as_none};
use crate::service::ServiceError;
use crate::service::filing_preview::{FilingWarning, confirmation, preview};
use crate::service::filings::{FilingRequest, file_account, filings};
use crate::service::reports::PeriodicAccount;

/// Months of statements offered for reading.
const STATEMENT_MONTHS: u32 = 12;

struct AccountLine {
    name: String,
    opening: String,
    receipts: String,
    disbursements: String,
    closing: String,
}

struct Preview {
    lines: Vec<AccountLine>,
    warnings: Vec<String>,
    /// The warnings' codes, which the filing form sends back.
    confirmation: String,
    /// The label of the tick that confirms them.
    confirm_label: String,
    /// (label, address) of the account in each format.
    downloads: Vec<(String, String)>,
}

struct FiledRow {
    period: String,
    review: String,
    pdf: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "court_panel.html")]
struct CourtPanel {
    chrome: Chrome,
    book: i64,
    name: String,
    writes: bool,
    /// What the form shows: the dates asked for, else the next account due.
    from: String,
    to: String,
    /// (label, from, to) of the periods offered in one click.
    presets: Vec<(String, String, String)>,
    preview: Option<Preview>,
    /// Why the period cannot be filed, or the filing was not taken; tied to the period's fields.
    period_error: Option<String>,
    confirm_error: Option<String>,
    done: Option<String>,
    filed: Vec<FiledRow>,
    /// (month's name, HTML address, PDF address), newest first.
    statements: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default)]
pub struct PanelQuery {
    #[serde(default, deserialize_with = "blank_as_none")]
    from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "blank_as_none")]
    to: Option<NaiveDate>,
    done: Option<String>,
}

/// `GET /case/{id}/court`
pub async fn panel_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<PanelQuery>,
) -> Result<Response, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let asked = match (query.from, query.to) {
        (Some(from), Some(to)) => Some(Period { from, to }),
        _ => None,
    };
    let done = query.done.filter(|done| done == "filed");
    let panel = render(
        &caller,
        &state,
        &headers,
        book,
        writes,
        asked,
        Messages {
            done,
            ..Messages::default()
        },
    )
    .await?;
    let refused = asked.is_some() && panel.period_error.is_some();
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, panel).into_response())
}

/// What the panel says besides the account: a refusal of the filing, or that it was done.
#[derive(Default)]
struct Messages {
    confirm: Option<String>,
    done: Option<String>,
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    writes: bool,
    asked: Option<Period>,
    messages: Messages,
) -> Result<CourtPanel, ApiError> {
    let chrome = Chrome::of(caller, headers);
    let now = chrono::Utc::now();
    let today = now.date_naive();
    let (name, next_due) = case_of(state, book).await?;
    let shown = asked.or(next_due);
    let (preview, period_error) = match shown {
        Some(period) => match preview(&state.store, book, period, now).await {
            Ok((account, warnings)) => (Some(preview_of(&chrome.t, book, period, &account, &warnings)), None),
            // Said by the period's fields, whether asked for or preset (not over yet, say).
            Err(ServiceError::Filing(refusal)) => (None, Some(refusal.to_string())),
            Err(error) => return Err(error.into()),
        },
        None => (None, None),
    };
    let t = &chrome.t;
    let filed = filings(&state.store, book)
        .await?
        .into_iter()
        .rev()
        .map(|filing| FiledRow {
            period: t.period(&filing.period),
            review: t.review(filing.review.as_ref()),
            pdf: format!("/api/v1/filings/{}/pdf", filing.id),
        })
        .collect();
    Ok(CourtPanel {
        book: book.get(),
        name,
        writes,
        from: shown.map(|period| period.from.to_string()).unwrap_or_default(),
        to: shown.map(|period| period.to.to_string()).unwrap_or_default(),
        presets: presets(t, next_due, today),
        preview,
        period_error,
        confirm_error: messages.confirm,
        done: messages.done.map(|_| t.get("web-court-panel-filed")),
        filed,
        statements: statements(t, book, today),
        chrome,
    })
}

/// The beneficiary's name and the next account due of the case, from the day after what is
/// filed already (an account filed within the court's period leaves the rest of it due).
async fn case_of(state: &AppState, book: BookId) -> Result<(String, Option<Period>), ApiError> {
    let cases = crate::service::caseload::caseload(&state.store, None, Some(&[book])).await?;
    let case = cases
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::from(crate::storage::StoreError::missing(book)))?;
    let locked_through = case.book.as_ref().and_then(|book| book.locked_through);
    let due = case
        .account_due
        .map(|due| match locked_through.and_then(|locked| locked.succ_opt()) {
            Some(next) if next > due.period.from && next <= due.period.to => Period {
                from: next,
                ..due.period
            },
            _ => due.period,
        });
    Ok((case.beneficiary.name, due))
}

fn preview_of(
    t: &Labels,
    book: BookId,
    period: Period,
    account: &PeriodicAccount,
    warnings: &[FilingWarning],
) -> Preview {
    let locale = t.locale();
    let currency = account.data.currency;
    let money = |minor: i64| locale.money(minor, currency);
    let lines = account
        .data
        .accounts
        .iter()
        .map(|line| AccountLine {
            name: format!("{} {}", line.code, line.name),
            opening: money(line.opening),
            receipts: money(line.receipts_total() + line.transfers_in),
            disbursements: money(line.disbursements_total() + line.transfers_out),
            closing: money(line.closing),
        })
        .collect();
    let dates = format!("from={}&to={}", period.from, period.to);
    let account_in = |format: &str| format!("/api/v1/books/{book}/account?{dates}&format={format}");
    let downloads = vec![
        ("HTML".to_owned(), account_in("html")),
        ("PDF".to_owned(), account_in("pdf")),
        ("CSV".to_owned(), account_in("csv")),
        ("XLSX".to_owned(), account_in("xlsx")),
        (
            "hledger".to_owned(),
            format!("/api/v1/books/{book}/export?{dates}&format=hledger"),
        ),
    ];
    Preview {
        lines,
        warnings: warnings
            .iter()
            .map(|warning| warning_text(t, warning, currency))
            .collect(),
        confirmation: confirmation(warnings),
        confirm_label: locale.label_with_count("web-court-confirm", warnings.len() as i64),
        downloads,
    }
}

fn warning_text(t: &Labels, warning: &FilingWarning, currency: crate::domain::money::Currency) -> String {
    let locale = t.locale();
    match warning {
        FilingWarning::BankDifference { code, difference_minor } => locale.label_with(
            "web-court-warning-bank",
            &[
                ("account", code.clone()),
                ("difference", locale.money(*difference_minor, currency)),
            ],
        ),
        FilingWarning::NoStatement { code } => {
            locale.label_with("web-court-warning-no-statement", &[("account", code.clone())])
        }
        FilingWarning::WaitingLines { amount_minor } => locale.label_with(
            "web-court-warning-waiting",
            &[("amount", locale.money(*amount_minor, currency))],
        ),
        FilingWarning::MissingReceipts { count } => {
            locale.label_with_count("web-court-warning-receipts", *count as i64)
        }
        FilingWarning::OpeningDiffers { count } => locale.label_with_count("web-court-warning-opening", *count as i64),
        FilingWarning::StatementGaps { count } => locale.label_with_count("web-court-warning-gaps", *count as i64),
        FilingWarning::DoesNotAddUp => t.get("web-court-warning-adds-up"),
    }
}

/// The next account due, the last complete month and the last complete year.
fn presets(t: &Labels, next_due: Option<Period>, today: NaiveDate) -> Vec<(String, String, String)> {
    let mut presets = Vec::new();
    if let Some(period) = next_due {
        presets.push((
            t.get("web-court-preset-due"),
            period.from.to_string(),
            period.to.to_string(),
        ));
    }
    let month_start = today.with_day(1).unwrap_or(today);
    if let Some(last_month_end) = month_start.pred_opt() {
        let last_month_start = last_month_end.with_day(1).unwrap_or(last_month_end);
        presets.push((
            t.get("web-court-preset-month"),
            last_month_start.to_string(),
            last_month_end.to_string(),
        ));
    }
    if let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(today.year() - 1, 1, 1),
        NaiveDate::from_ymd_opt(today.year() - 1, 12, 31),
    ) {
        presets.push((t.get("web-court-preset-year"), from.to_string(), to.to_string()));
    }
    presets
}

/// The monthly statements of the last months, this month (so far) first.
fn statements(t: &Labels, book: BookId, today: NaiveDate) -> Vec<(String, String, String)> {
    let mut month = today.with_day(1).unwrap_or(today);
    let mut listed = Vec::new();
    for _ in 0..STATEMENT_MONTHS {
        let code = format!("{:04}-{:02}", month.year(), month.month());
        let address = format!("/api/v1/books/{book}/statement?month={code}");
        listed.push((
            t.locale().month(month.year(), month.month()),
            format!("/statements/{book}/{code}"),
            format!("{address}&format=pdf"),
        ));
        let Some(previous) = month.pred_opt() else { break };
        month = previous.with_day(1).unwrap_or(previous);
    }
    listed
}

#[derive(Deserialize)]
pub struct FileForm {
    csrf: String,
    from: NaiveDate,
    to: NaiveDate,
    /// The warnings' codes as the preview showed them.
    #[serde(default)]
    confirmation: String,
    /// The filer's tick: "I have read the warnings and file as it is".
    confirm: Option<String>,
}

/// `POST /case/{id}/filings`: files the account the preview showed, when its warnings are
/// confirmed as shown; else the panel again with the reason by its field.
pub async fn file(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(form): Form<FileForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    let period = Period {
        from: form.from,
        to: form.to,
    };
    let now = chrono::Utc::now();
    let warnings = match preview(&state.store, book, period, now).await {
        Ok((_, warnings)) => warnings,
        Err(error) if error.is_for_the_person() => return refused(&caller, &state, &headers, book, period, None).await,
        Err(error) => return Err(error.into()),
    };
    let confirmed = form.confirm.as_deref() == Some("yes") && form.confirmation == confirmation(&warnings);
    if !warnings.is_empty() && !confirmed {
        let t = Chrome::of(&caller, &headers).t;
        return refused(
            &caller,
            &state,
            &headers,
            book,
            period,
            Some(t.get("web-court-confirm-needed")),
        )
        .await;
    }
    let request = FilingRequest {
        book,
        period,
        layout: None,
        language: None,
        filed_by: &caller.author(),
        now,
    };
    match file_account(&state.store, &request).await {
        Ok(_) => Ok(Redirect::to(&format!("/case/{book}/court?done=filed")).into_response()),
        Err(error) if error.is_for_the_person() => refused(&caller, &state, &headers, book, period, None).await,
        Err(error) => Err(error.into()),
    }
}

/// The panel again, for the period that was not filed, with why by its field.
async fn refused(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    period: Period,
    confirm: Option<String>,
) -> Result<Response, ApiError> {
    let messages = Messages { confirm, done: None };
    let panel = render(caller, state, headers, book, true, Some(period), messages).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, panel).into_response())
}
