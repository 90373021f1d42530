//! Court staff's start: the accounts filed with their court, each with its documents and a form
//! to approve it or send remarks. A review refused (remarks without text) comes back on the page,
//! next to the field it is about.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::Action;
use crate::domain::filing::Verdict;
use crate::domain::ids::FilingId;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller};
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::caseload::caseload;
use crate::service::filings::{filing, filings, review_filing};

struct FiledRow {
    id: i64,
    open: String,
    name: String,
    case_number: String,
    period: String,
    filed_on: String,
    review: String,
    /// Every review, oldest first, in words with its date and reviewer.
    history: Vec<String>,
    pdf: String,
    bundle: String,
    /// A refused review of this filing, shown by its remarks field.
    error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "court.html")]
struct CourtPage {
    chrome: Chrome,
    rows: Vec<FiledRow>,
    query: CourtQuery,
    done: Option<String>,
    /// Whether the court has any filed account at all, for the words of an empty list.
    filed_any: bool,
}

/// Which filed accounts the clerk's page lists.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CourtQuery {
    /// `to-review` (the default: no verdict yet), `reviewed` or `all`.
    #[serde(default)]
    show: String,
    /// Words of the case number or the person's name.
    #[serde(default)]
    q: String,
    /// The filing just reviewed, for the message.
    #[serde(default)]
    reviewed: Option<i64>,
}

impl CourtQuery {
    fn shows(&self, reviewed: bool) -> bool {
        match self.show.as_str() {
            "all" => true,
            "reviewed" => reviewed,
            _ => !reviewed,
        }
    }

    fn finds(&self, name: &str, case_number: &str) -> bool {
        let words = self.q.trim().to_lowercase();
        words.is_empty() || name.to_lowercase().contains(&words) || case_number.to_lowercase().contains(&words)
    }
}

pub async fn page(caller: &Caller, state: &AppState, chrome: Chrome, query: CourtQuery) -> Result<Response, ApiError> {
    render(caller, state, chrome, None, query)
        .await
        .map(IntoResponse::into_response)
}

async fn render(
    caller: &Caller,
    state: &AppState,
    chrome: Chrome,
    refused: Option<(i64, String)>,
    query: CourtQuery,
) -> Result<CourtPage, ApiError> {
    let books = caller.books_allowed(state, Action::ReadFiled).await?;
    let mut rows = Vec::new();
    let mut filed_any = false;
    for case in caseload(&state.store, None, Some(&books)).await? {
        let Some(book) = &case.book else { continue };
        let case_number = case
            .mandate
            .as_ref()
            .and_then(|mandate| mandate.court.as_ref())
            .map(|court| court.case_number.clone())
            .unwrap_or_default();
        let filed_here = filings(&state.store, book.id).await?;
        filed_any |= !filed_here.is_empty();
        if !query.finds(&case.beneficiary.name, &case_number) {
            continue;
        }
        for filed in filed_here.into_iter().rev() {
            let id = filed.id.get();
            // A filing whose review was refused stays listed, whatever the filter, to show why.
            let refused_here = refused.as_ref().is_some_and(|(refused_id, _)| *refused_id == id);
            if !refused_here && !query.shows(filed.review.is_some()) {
                continue;
            }
            let review = chrome.t.review(filed.review.as_ref());
            let history = crate::service::filings::reviews(&state.store, filed.id)
                .await?
                .iter()
                .map(|earlier| {
                    format!(
                        "{}, {}: {}",
                        chrome.t.locale().date(earlier.reviewed_at.date_naive()),
                        earlier.reviewed_by,
                        chrome.t.review(Some(earlier))
                    )
                })
                .collect();
            rows.push(FiledRow {
                history,
                id,
                open: format!("/court/filings/{id}"),
                name: case.beneficiary.name.clone(),
                case_number: case_number.clone(),
                period: chrome.t.period(&filed.period),
                filed_on: chrome.t.locale().date(filed.filed_at.date_naive()),
                review,
                pdf: format!("/api/v1/filings/{id}/pdf"),
                bundle: format!("/api/v1/filings/{id}/bundle"),
                error: refused
                    .as_ref()
                    .filter(|(refused_id, _)| *refused_id == id)
                    .map(|(_, error)| error.clone()),
            });
        }
    }
    let done = query.reviewed.map(|_| chrome.t.get("web-court-reviewed"));
    Ok(CourtPage {
        chrome,
        rows,
        query,
        done,
        filed_any,
    })
}

#[derive(Deserialize)]
pub struct ReviewForm {
    csrf: String,
    verdict: String,
    #[serde(default)]
    remarks: String,
    /// The clerk's tick: a review is recorded for good, so it is sent on purpose.
    confirm: Option<String>,
}

/// `POST /filings/{id}/review` from the court page's form.
pub async fn review(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<FilingId>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    let found = filing(&state.store, id).await?;
    caller.record_of(&state, Action::Review, found.book, id).await?;
    let verdict = Verdict::parse(&form.verdict).map_err(|error| ApiError::BadRequest(error.to_string()))?;
    let remarks = Some(form.remarks.trim().to_owned()).filter(|remarks| !remarks.is_empty());
    if form.confirm.as_deref() != Some("yes") {
        let chrome = Chrome::of(&caller, &headers);
        let unconfirmed = chrome.t.get("web-review-confirm-needed");
        let page = render(
            &caller,
            &state,
            chrome,
            Some((id.get(), unconfirmed)),
            CourtQuery::default(),
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let now = chrono::Utc::now();
    match review_filing(&state.store, id, verdict, remarks, &caller.author(), now).await {
        Ok(_) => Ok(Redirect::to(&format!("/?show=all&reviewed={id}#filing-{id}")).into_response()),
        Err(error) if error.is_for_the_person() => {
            let chrome = Chrome::of(&caller, &headers);
            let refusal = Some((id.get(), chrome.t.refusal(&error)));
            let page = render(&caller, &state, chrome, refusal, CourtQuery::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
