//! The import page: one or several bank files at once (camt.052/053/054, or a bank CSV export
//! with its bank's format). The counsellor may name the bank account, which gives a CSV file
//! without an IBAN its account and brings back the format last used for it. Each file is checked
//! against the book first: a file the check has nothing to say about is booked at once, whole or
//! not at all; one whose opening balance differs from the book, or whose lines look booked by
//! hand already, waits for the counsellor's decision (`import_draft`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::Chrome;
use super::import_choices::{Choices, FileChoice};
use super::import_outcome::{FileOutcome, booked_outcome, waiting_outcome};
use super::upload::{UploadPart, UploadedFiles};
use crate::domain::access::Action;
use crate::domain::ids::{AccountId, UserId};
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::import::STATEMENT_BYTES_MAX;
use crate::service::import::drafts::keep_draft;
use crate::service::import::{ImportOptions, check_against_book, import_file};

/// How long a file waiting for a decision is kept: a day, then the next upload forgets it.
pub const DRAFT_KEPT_HOURS: i64 = 24;

#[derive(Template, WebTemplate)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub chrome: Chrome,
    pub choices: Choices,
    pub outcomes: Vec<FileOutcome>,
    pub error: Option<String>,
    /// What was done last, in words.
    pub done: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ImportQuery {
    account: Option<i64>,
    /// Set after a file was dropped without importing it.
    dropped: Option<u8>,
}

pub async fn import_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<ImportQuery>,
) -> Result<ImportPage, ApiError> {
    let chrome = Chrome::of(&caller, &headers);
    let choices = Choices::load(&caller, &state, &chrome.t, query.account.map(AccountId::new), None).await?;
    let done = query.dropped.map(|_| chrome.t.get("web-import-dropped"));
    Ok(ImportPage {
        chrome,
        choices,
        outcomes: Vec::new(),
        error: None,
        done,
    })
}

/// `POST /import`: a multipart form with the CSRF token first, the account and the format, then
/// the files.
pub async fn upload(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Multipart,
) -> Result<Response, ApiError> {
    let chrome = Chrome::of(&caller, &headers);
    let mut outcomes = Vec::new();
    let writable = caller.books_allowed(&state, Action::Write).await?;
    let mut upload = UploadedFiles::new(form);
    let (mut account, mut profile) = (None, None);
    while let Some(part) = upload.next_part(&caller).await? {
        let (name, bytes) = match part {
            UploadPart::Text { name, value } => {
                match name.as_str() {
                    "account" => account = value.parse::<i64>().ok().map(AccountId::new),
                    "profile" => profile = Some(value).filter(|value| !value.is_empty()),
                    _ => {}
                }
                continue;
            }
            UploadPart::File { name, bytes } => (name, bytes),
        };
        if bytes.is_empty() {
            continue;
        }
        let name = if name.is_empty() { "upload".to_owned() } else { name };
        let choice = FileChoice::resolve(&state, &writable, account, profile.as_deref()).await?;
        outcomes.push(import_one(&caller, &state, &chrome, &writable, &choice, (name, &bytes)).await?);
    }
    let error = outcomes.is_empty().then(|| chrome.t.get("web-import-nothing"));
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let choices = Choices::load(&caller, &state, &chrome.t, account, profile.as_deref()).await?;
    let page = ImportPage {
        chrome,
        choices,
        outcomes,
        error,
        done: None,
    };
    Ok((status, page).into_response())
}

/// Checks one file against the book, then books it or keeps it for the counsellor's decision.
async fn import_one(
    caller: &Caller,
    state: &AppState,
    chrome: &Chrome,
    writable: &[crate::domain::ids::BookId],
    choice: &FileChoice,
    (name, bytes): (String, &[u8]),
) -> Result<FileOutcome, ApiError> {
    let options = ImportOptions {
        writable_books: Some(writable),
        ..choice.options()
    };
    let check = match check_against_book(&state.store, &name, bytes, options).await {
        Ok(check) => check,
        Err(error) if error.is_for_the_person() => return Ok(FileOutcome::refused(name, &chrome.t, &error)),
        Err(error) => return Err(error.into()),
    };
    let now = chrono::Utc::now();
    if check.needs_a_decision() {
        let forget_before = now - chrono::Duration::hours(DRAFT_KEPT_HOURS);
        let draft = keep_draft(
            &state.store,
            UserId::new(caller.user_id()),
            (&name, bytes),
            (choice.profile_name(), choice.account()),
            (now, forget_before),
        )
        .await?;
        return Ok(waiting_outcome(&chrome.t, name, draft, &check, None));
    }
    match import_file(&state.store, &name, bytes, options, &caller.author(), now).await {
        Ok(summary) => {
            choice.remember(state, &check).await?;
            Ok(booked_outcome(caller, name, &summary))
        }
        Err(error) if error.is_for_the_person() => Ok(FileOutcome::refused(name, &chrome.t, &error)),
        Err(error) => Err(error.into()),
    }
}

/// The upload's limit, all files together: one statement file at its largest.
pub const UPLOAD_BYTES_MAX: usize = STATEMENT_BYTES_MAX;
