//! `GET /case/{id}/imports`: the bank files imported into a case, newest first, each with its
//! period, its lines and who imported it; a counsellor may undo one (after ticking that they
//! mean it), which reverses what it booked and lets the same file be imported again.
//! `POST /case/{id}/imports/{import}/undo` does it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::Action;
use crate::domain::ids::{BookId, ImportId};
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams};
use crate::service::import::drafts::bank_accounts;
use crate::service::import::{imports_of, undo_import};

pub struct ImportRow {
    pub id: i64,
    pub imported: String,
    pub file_name: String,
    pub author: String,
    pub period: String,
    pub lines: String,
    /// "Undone on … by …", or `None` while it stands.
    pub undone: Option<String>,
    pub forced_reason: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_imports.html")]
pub struct CaseImports {
    chrome: Chrome,
    book: i64,
    writes: bool,
    /// (address, label) of the import form for each bank account of the case.
    import_links: Vec<(String, String)>,
    rows: Vec<ImportRow>,
    done: Option<String>,
    /// Why the last undo was refused, by the import it was for.
    refusal: Option<(i64, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ImportsQuery {
    /// Entries reversed by the undo just done.
    undone: Option<i64>,
}

pub async fn imports_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<ImportsQuery>,
) -> Result<CaseImports, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let chrome = Chrome::of(&caller, &headers);
    let done = query
        .undone
        .map(|count| chrome.t.locale().label_with_count("web-imports-undone", count));
    render(&caller, &state, chrome, book, writes, done, None).await
}

async fn render(
    caller: &Caller,
    state: &AppState,
    chrome: Chrome,
    book: BookId,
    writes: bool,
    done: Option<String>,
    refusal: Option<(i64, String)>,
) -> Result<CaseImports, ApiError> {
    let locale = chrome.t.locale();
    let rows = imports_of(&state.store, book)
        .await?
        .into_iter()
        .map(|listed| ImportRow {
            id: listed.id,
            imported: locale.date(listed.imported_at.date_naive()),
            file_name: listed.file_name,
            author: listed.author,
            period: match (listed.first_day, listed.last_day) {
                (Some(from), Some(to)) => format!("{} – {}", locale.date(from), locale.date(to)),
                _ => String::new(),
            },
            lines: locale.count(usize::try_from(listed.lines).unwrap_or_default()),
            undone: listed.undone_at.map(|at| {
                locale.label_with(
                    "web-imports-undone-on",
                    &[
                        ("date", locale.date(at.date_naive())),
                        ("person", listed.undone_by.clone().unwrap_or_default()),
                    ],
                )
            }),
            forced_reason: listed.forced_reason,
        })
        .collect();
    let import_links = match (writes, caller.signed_in.user.office) {
        (true, Some(office)) => bank_accounts(&state.store, office, &[book])
            .await?
            .into_iter()
            .map(|(account, _, name, _)| {
                (
                    format!("/import?account={account}"),
                    locale.label_with("web-imports-into", &[("account", name)]),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(CaseImports {
        chrome,
        book: book.get(),
        writes,
        import_links,
        rows,
        done,
        refusal,
    })
}

/// `POST /case/{id}/imports/{import}/undo`, with the confirmation ticked.
pub async fn undo(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, import)): PathParams<(BookId, ImportId)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let form = crate::http::extract::FormFields::checked(fields, &caller)?;
    let field = |name: &str| form.get(name);
    caller.book(&state, Action::Write, book).await?;
    let chrome = Chrome::of(&caller, &headers);
    let refusal = if field("confirm").is_none() {
        chrome.t.get("web-imports-confirm-first")
    } else {
        let writable = caller.books_allowed(&state, Action::Write).await?;
        let author = caller.author();
        match undo_import(&state.store, import, Some(&writable), &author, chrono::Utc::now()).await {
            Ok(summary) => {
                let reversed = summary.entries + summary.categorisations;
                return Ok(Redirect::to(&format!("/case/{book}/imports?undone={reversed}")).into_response());
            }
            Err(error) if error.is_for_the_person() => chrome.t.refusal(&error),
            Err(error) => return Err(error.into()),
        }
    };
    let page = render(&caller, &state, chrome, book, true, None, Some((import.get(), refusal))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
