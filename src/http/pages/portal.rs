//! The beneficiary's portal: their monthly statements (with the chart and next month's payments)
//! and the accounts sent to the court about them, in their language.

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Months, NaiveDate};

use super::Chrome;
use crate::domain::access::Action;
use crate::http::AppState;
use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::service::filings::filings;

/// How many months of statements the portal offers.
const MONTHS_SHOWN: u32 = 6;

struct StatementLink {
    label: String,
    href: String,
}

struct FiledLink {
    period: String,
    filed_on: String,
    review: String,
    pdf: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "portal.html")]
struct PortalPage {
    chrome: Chrome,
    statements: Vec<StatementLink>,
    filed: Vec<FiledLink>,
}

pub async fn page(caller: &Caller, state: &AppState, chrome: Chrome) -> Result<Response, ApiError> {
    let today = chrono::Utc::now().date_naive();
    let mut statements = Vec::new();
    let mut filed = Vec::new();
    for book in caller.books_allowed(state, Action::Read).await? {
        caller.note_book(book);
        // Complete months first, newest first; the month under way last, marked "so far".
        for back in (1..=MONTHS_SHOWN).chain(std::iter::once(0)) {
            let Some(month) = first_of_month(today).checked_sub_months(Months::new(back)) else {
                continue;
            };
            let name = chrome.t.locale().month(month.year(), month.month());
            statements.push(StatementLink {
                label: if back == 0 {
                    chrome.t.locale().label_with(
                        "web-portal-so-far",
                        &[("month", name), ("date", chrome.t.locale().date(today))],
                    )
                } else {
                    name
                },
                href: format!("/statements/{book}/{}-{:02}", month.year(), month.month()),
            });
        }
        for filing in filings(&state.store, book).await?.into_iter().rev() {
            let review = chrome.t.review(filing.review.as_ref());
            filed.push(FiledLink {
                period: chrome.t.period(&filing.period),
                filed_on: chrome.t.locale().date(filing.filed_at.date_naive()),
                review,
                pdf: format!("/api/v1/filings/{}/pdf", filing.id),
            });
        }
    }
    Ok(PortalPage {
        chrome,
        statements,
        filed,
    }
    .into_response())
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("BUG: every month has a first day")
}
