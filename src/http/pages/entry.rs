//! One entry of a case: its postings, the receipts behind it (to open, and to attach), and its
//! reversal. Posted entries are never edited: a mistake is put right by reversing the entry,
//! which posts its mirror in the open period and links the two both ways.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{DefaultBodyLimit, Form, Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Chrome;
use super::upload::UploadedFiles;
use crate::domain::access::Action;
use crate::domain::evidence::EVIDENCE_BYTES_MAX;
use crate::domain::ids::{BookId, EntryId};
use crate::domain::ledger::EntrySource;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams};
use crate::service::ServiceError;
use crate::service::entries::entry_detail;
use crate::service::evidence::attach_files;
use crate::service::ledger::reverse_entry;
use crate::storage::StoreError;

/// The upload's limit, all files together: four receipts at their largest.
const EVIDENCE_UPLOAD_BYTES_MAX: usize = 4 * EVIDENCE_BYTES_MAX + 64 * 1024;

pub fn upload_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(EVIDENCE_UPLOAD_BYTES_MAX)
}

struct PostingRow {
    code: String,
    name: String,
    amount: String,
}

struct EvidenceRow {
    href: String,
    file_name: String,
    media_type: &'static str,
    size: String,
}

/// What went wrong with one of the page's forms, shown by its field.
#[derive(Default)]
struct Problems {
    evidence: Option<String>,
    reversal: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "entry.html")]
struct EntryPage {
    chrome: Chrome,
    book: i64,
    entry: i64,
    date: String,
    description: String,
    source: String,
    source_ref: Option<String>,
    receipt: Option<String>,
    author: String,
    reverses: Option<i64>,
    reversed_by: Option<i64>,
    postings: Vec<PostingRow>,
    evidence: Vec<EvidenceRow>,
    writes: bool,
    /// Whether the reversal form is shown: the entry is neither a reversal nor reversed.
    reversible: bool,
    /// The entry moved a waiting line to its account: reversing it puts the line back.
    categorisation: bool,
    /// The entry lies in a period filed with the court: it is corrected by an adjustment.
    filed: bool,
    /// Said after the entry was posted from the form.
    posted: Option<String>,
    today: String,
    problems: Problems,
}

/// `GET /case/{id}/entries/{entry}`
pub async fn entry_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, entry)): PathParams<(BookId, EntryId)>,
    QueryParams(query): QueryParams<EntryQuery>,
) -> Result<Response, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let mut page = render(&caller, &state, &headers, book, writes, entry, Problems::default()).await?;
    page.posted = query.posted.map(|_| page.chrome.t.get("web-entry-posted"));
    Ok(page.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct EntryQuery {
    posted: Option<u8>,
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    writes: bool,
    entry: EntryId,
    problems: Problems,
) -> Result<EntryPage, ApiError> {
    let chrome = Chrome::of(caller, headers);
    let detail = entry_detail(&state.store, book, entry).await?;
    let locked_through = crate::service::ledger::book(&state.store, book).await?.locked_through;
    let locale = chrome.t.locale();
    let found = &detail.entry;
    let postings = found
        .postings
        .iter()
        .map(|posting| {
            let account = detail.accounts.iter().find(|account| account.id == posting.account_id);
            PostingRow {
                code: account.map(|account| account.code.clone()).unwrap_or_default(),
                name: account.map(|account| account.name.clone()).unwrap_or_default(),
                amount: locale.money(posting.amount.minor(), posting.amount.currency()),
            }
        })
        .collect();
    let evidence = detail
        .evidence
        .iter()
        .map(|file| EvidenceRow {
            href: format!("/api/v1/evidence/{}", file.id),
            file_name: file.file_name.clone(),
            media_type: file.media_type.extension(),
            size: format!("{} kB", (file.size_bytes + 1023) / 1024),
        })
        .collect();
    Ok(EntryPage {
        book: book.get(),
        entry: entry.get(),
        date: locale.date(found.date),
        description: found.description.clone(),
        source: chrome.t.get(&format!("web-source-{}", found.source.code())),
        source_ref: found.source_ref.clone(),
        receipt: found.receipt.clone(),
        author: found.author.clone(),
        reverses: found.reverses.map(EntryId::get),
        reversed_by: detail.reversed_by.map(EntryId::get),
        postings,
        evidence,
        writes,
        reversible: found.source != EntrySource::Reversal && detail.reversed_by.is_none(),
        categorisation: is_categorisation(found),
        filed: locked_through.is_some_and(|through| found.date <= through),
        posted: None,
        today: chrono::Utc::now().date_naive().to_string(),
        problems,
        chrome,
    })
}

/// `POST /case/{id}/entries/{entry}/evidence`: a multipart form with the CSRF token first, then
/// the files. Every file goes in, or none does; a refusal comes back by the file field.
pub async fn attach(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, entry)): PathParams<(BookId, EntryId)>,
    form: Multipart,
) -> Result<Response, ApiError> {
    caller.book(&state, Action::Write, book).await?;
    // The entry must be this book's before anything is read from the upload.
    entry_detail(&state.store, book, entry).await?;
    let mut upload = UploadedFiles::new(form);
    let mut files: Vec<(String, axum::body::Bytes)> = Vec::new();
    while let Some(file) = upload.next(&caller).await? {
        files.push(file);
    }
    let refusal = if files.is_empty() {
        Chrome::of(&caller, &headers).t.get("web-entry-no-file")
    } else {
        let borrowed: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_ref()))
            .collect();
        match attach_files(&state.store, entry, &borrowed, &caller.author(), chrono::Utc::now()).await {
            Ok(_) => return Ok(Redirect::to(&format!("/case/{book}/entries/{entry}")).into_response()),
            // The same file twice on one entry: said in the page's words, by the field.
            Err(ServiceError::Store(StoreError::Duplicate { .. })) => {
                Chrome::of(&caller, &headers).t.get("web-entry-already-attached")
            }
            Err(error) if error.is_for_the_person() => error.to_string(),
            Err(error) => return Err(error.into()),
        }
    };
    let problems = Problems {
        evidence: Some(refusal),
        ..Problems::default()
    };
    let page = render(&caller, &state, &headers, book, true, entry, problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Whether `entry` moved a waiting line to its account.
fn is_categorisation(entry: &crate::domain::ledger::JournalEntry) -> bool {
    entry
        .source_ref
        .as_deref()
        .is_some_and(|reference| reference.starts_with("categorise:"))
}

#[derive(Deserialize)]
pub struct ReversalForm {
    csrf: String,
    /// Empty means today.
    #[serde(default)]
    date: String,
    #[serde(default)]
    reason: String,
}

/// `POST /case/{id}/entries/{entry}/reversal`: posts the entry's mirror and shows it; a refusal
/// (an entry already reversed, a date in a filed period) comes back by the date field.
pub async fn reverse(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, entry)): PathParams<(BookId, EntryId)>,
    Form(form): Form<ReversalForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    let original = entry_detail(&state.store, book, entry).await?;
    let now = chrono::Utc::now();
    let date = match form.date.trim() {
        "" => Ok(now.date_naive()),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("'{text}' is not a date: write it as 2026-11-23")),
    };
    let reason = Some(form.reason.trim()).filter(|reason| !reason.is_empty());
    let refusal = match date {
        Ok(date) => match reverse_entry(&state.store, entry, date, &caller.author(), reason, now).await {
            // An undone categorisation's line waits again: the page goes where it waits.
            Ok(_) if is_categorisation(&original.entry) => {
                return Ok(Redirect::to(&format!("/case/{book}?reopened=1#suspense")).into_response());
            }
            Ok(reversal) => {
                return Ok(Redirect::to(&format!("/case/{book}/entries/{}", reversal.id)).into_response());
            }
            Err(error) if error.is_for_the_person() => error.to_string(),
            Err(error) => return Err(error.into()),
        },
        Err(message) => message,
    };
    let problems = Problems {
        reversal: Some(refusal),
        ..Problems::default()
    };
    let page = render(&caller, &state, &headers, book, true, entry, problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
