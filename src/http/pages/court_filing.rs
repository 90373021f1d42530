//! `GET /court/filings/{id}`: a filed account opened in the browser, for the clerk checking it
//! and for the office: its heading, the PDF to open, and every entry with its receipts, each
//! receipt opened from its entry; a disbursement filed without the receipt the judge asks for is
//! marked.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::HeaderMap;

use super::Chrome;
use crate::domain::access::{Action, Role};
use crate::domain::ids::FilingId;
use crate::http::AppState;
use crate::http::auth::PageViewer;
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::filings::{filed_entries, filing};

struct EntryRow {
    receipt_number: String,
    date: String,
    description: String,
    amount: String,
    /// (address, file name) of each receipt.
    receipts: Vec<(String, String)>,
    missing: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "court_filing.html")]
pub struct FilingPage {
    chrome: Chrome,
    period: String,
    filed_on: String,
    review: String,
    pdf: String,
    bundle: String,
    back: String,
    entries: Vec<EntryRow>,
}

pub async fn filing_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<FilingId>,
) -> Result<FilingPage, ApiError> {
    let found = filing(&state.store, id).await?;
    caller.record_of(&state, Action::ReadFiled, found.book, id).await?;
    let (currency, entries) = filed_entries(&state.store, id).await?;
    let chrome = Chrome::of(&caller, &headers);
    let locale = chrome.t.locale();
    let entries = entries
        .iter()
        .map(|entry| EntryRow {
            receipt_number: format!("{:04}", entry.receipt_number),
            date: locale.date(entry.date),
            description: entry.description.clone(),
            amount: locale.money(entry.amount_minor, currency),
            receipts: entry
                .receipts
                .iter()
                .map(|(evidence, name)| (format!("/api/v1/evidence/{evidence}"), name.clone()))
                .collect(),
            missing: entry.receipt_missing,
        })
        .collect();
    let back = if caller.role() == Role::Court {
        format!("/#filing-{id}")
    } else {
        format!("/case/{}/court", found.book)
    };
    Ok(FilingPage {
        period: chrome.t.period(&found.period),
        filed_on: locale.date(found.filed_at.date_naive()),
        review: chrome.t.review(found.review.as_ref()),
        pdf: format!("/api/v1/filings/{id}/pdf"),
        bundle: format!("/api/v1/filings/{id}/bundle"),
        back,
        entries,
        chrome,
    })
}
