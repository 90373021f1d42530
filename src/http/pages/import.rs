//! The import page: one or several bank files at once (camt.052/053/054, or a bank CSV export
//! with its profile). Each file is imported whole or not at all; the page says, per file, what
//! was booked and what waits to be categorised, or why the file was refused.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::Chrome;
use super::upload::UploadedFiles;
use crate::domain::access::Action;
use crate::http::AppState;
use crate::http::auth::{PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::import::STATEMENT_BYTES_MAX;
use crate::service::import::{ImportOptions, import_file};

/// What became of one uploaded file.
struct FileOutcome {
    name: String,
    /// (statement, case page, lines booked now, lines already booked, parts a rule categorised)
    statements: Vec<(String, String, usize, usize, usize)>,
    refused: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "import.html")]
pub struct ImportPage {
    chrome: Chrome,
    outcomes: Vec<FileOutcome>,
    error: Option<String>,
}

pub async fn import_page(PageViewer(caller): PageViewer, headers: HeaderMap) -> ImportPage {
    ImportPage {
        chrome: Chrome::of(&caller, &headers),
        outcomes: Vec::new(),
        error: None,
    }
}

/// `POST /import`: a multipart form with the CSRF token first, then the files.
pub async fn upload(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Multipart,
) -> Result<Response, ApiError> {
    let chrome = Chrome::of(&caller, &headers);
    let mut outcomes = Vec::new();
    let writable = caller.books_allowed(&state, Action::Write).await?;
    let mut files = UploadedFiles::new(form);
    while let Some((name, bytes)) = files.next(&caller).await? {
        if bytes.is_empty() {
            continue;
        }
        let name = if name.is_empty() { "upload".to_owned() } else { name };
        let options = ImportOptions {
            writable_books: Some(&writable),
            ..ImportOptions::default()
        };
        let outcome = match import_file(
            &state.store,
            &name,
            &bytes,
            options,
            &caller.author(),
            chrono::Utc::now(),
        )
        .await
        {
            Ok(summary) => FileOutcome {
                name,
                statements: summary
                    .statements
                    .iter()
                    .map(|statement| {
                        caller.note_book(statement.book);
                        (
                            statement.statement.clone(),
                            format!("/case/{}#suspense", statement.book),
                            statement.new,
                            statement.already_booked,
                            statement.categorised,
                        )
                    })
                    .collect(),
                refused: None,
            },
            Err(error) if error.is_for_the_person() => FileOutcome {
                name,
                statements: Vec::new(),
                refused: Some(error.to_string()),
            },
            Err(error) => return Err(error.into()),
        };
        outcomes.push(outcome);
    }
    let error = outcomes.is_empty().then(|| chrome.t.get("web-import-nothing"));
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        ImportPage {
            chrome,
            outcomes,
            error,
        },
    )
        .into_response())
}

/// The upload's limit, all files together: one statement file at its largest.
pub const UPLOAD_BYTES_MAX: usize = STATEMENT_BYTES_MAX;
