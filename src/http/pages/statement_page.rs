//! `GET /statements/{book}/{month}`: a monthly statement in the frame of the pages, so a person
//! reading it on a phone has the menu, a way back, sign-out and the PDF at hand. The statement
//! itself is the document the PDF and the API give, in the person's language.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::HeaderMap;

use super::Chrome;
use crate::domain::ids::BookId;
use crate::domain::party::Language;
use crate::http::AppState;
use crate::http::auth::PageViewer;
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::render::document::{Chart, Document};
use crate::render::locale::Locale;
use crate::render::statement::{statement_document, statement_language};
use crate::service::statement::{month_period, monthly_statement};

#[derive(Template, WebTemplate)]
#[template(path = "statement_page.html")]
pub struct StatementPage {
    chrome: Chrome,
    document: Document,
    pdf: String,
    /// (address, words) of the way back: the beneficiary's own start page, or the case's court
    /// panel for the office.
    back: (String, String),
}

impl StatementPage {
    /// The chart of the `section`-th section (see `render::DocumentPage`).
    fn chart_svg(&self, chart: &Chart, section: &usize) -> String {
        crate::render::chart::svg(chart, &format!("chart-{section}"))
    }
}

pub async fn statement_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, month)): PathParams<(BookId, String)>,
) -> Result<StatementPage, ApiError> {
    caller.book_page(&state, book).await?;
    let period = month
        .split_once('-')
        .and_then(|(year, month)| month_period(year.parse().ok()?, month.parse().ok()?))
        .ok_or_else(|| ApiError::BadRequest(format!("month {month}: write it as YYYY-MM, e.g. 2026-01")))?;
    let statement = monthly_statement(&state.store, book, period, chrono::Utc::now().date_naive()).await?;
    let person_language = Language::parse(&statement.language).unwrap_or(Language::En);
    let beneficiary = caller.signed_in.user.beneficiary.is_some();
    // A person reads their statement, and the frame around it, in the language their case is kept in.
    let chrome = match (beneficiary, caller.signed_in.user.language) {
        (true, None) => Chrome::signed_in(&caller.signed_in, Some(person_language), &headers),
        _ => Chrome::of(&caller, &headers),
    };
    let document = statement_document(&statement, &Locale::new(statement_language(person_language)));
    Ok(StatementPage {
        document,
        pdf: format!("/api/v1/books/{book}/statement?month={month}&format=pdf"),
        back: if beneficiary {
            ("/".to_owned(), chrome.t.get("web-statement-back"))
        } else {
            (format!("/case/{book}/court"), chrome.t.get("web-entry-back"))
        },
        chrome,
    })
}
