//! The audit log for the office's supervisors: newest first, narrowed by user, book and kind,
//! fifty records a page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::Action;
use crate::domain::audit::{AuditKind, AuditQuery};
use crate::domain::ids::BookId;
use crate::http::AppState;
use crate::http::auth::PageViewer;
use crate::http::error::ApiError;
use crate::http::extract::QueryParams;
use crate::service::sessions::search_audit;

const PAGE_SIZE: u32 = 50;

#[derive(Deserialize, Default)]
pub struct AuditSearch {
    #[serde(default, deserialize_with = "crate::http::extract::blank_as_none")]
    user: Option<i64>,
    #[serde(default, deserialize_with = "crate::http::extract::blank_as_none")]
    book: Option<i64>,
    kind: Option<String>,
    before: Option<i64>,
}

struct AuditRow {
    when: String,
    who: String,
    kind: &'static str,
    route: String,
    book: String,
    status: u16,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    /// The user searched for, or 0 for anyone.
    user: i64,
    /// (id, login) of the office's users.
    users: Vec<(i64, String)>,
    book: String,
    kind: String,
    kinds: Vec<&'static str>,
    rows: Vec<AuditRow>,
    /// The link to older records, when there are more.
    older: Option<String>,
}

pub async fn audit_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    QueryParams(search): QueryParams<AuditSearch>,
) -> Result<Response, ApiError> {
    caller.office(Action::Administer, caller.office_id()?)?;
    let kind = search.kind.as_deref().filter(|kind| !kind.is_empty());
    let query = AuditQuery {
        office: Some(caller.office_id()?),
        user: search.user,
        book: search.book.map(BookId::new),
        kind: kind.and_then(AuditKind::parse),
        before: search.before,
        limit: PAGE_SIZE,
        ..AuditQuery::default()
    };
    let found = search_audit(&state.store, &query).await?;
    // Records name users by id; the page names them by login, from one read of the office's users.
    let users = crate::service::users::users(&state.store, Some(caller.office_id()?)).await?;
    let login_of = |id: i64| {
        users
            .iter()
            .find(|user| user.id == id)
            .map_or_else(|| format!("#{id}"), |user| user.login.clone())
    };
    let chrome = Chrome::of(&caller, &headers);
    let older = (found.len() == PAGE_SIZE as usize)
        .then(|| found.last().map(|(id, _)| older_link(&search, *id)))
        .flatten();
    let rows = found
        .into_iter()
        .map(|(_, record)| AuditRow {
            when: format!(
                "{} {}",
                chrome.t.locale().date(record.at.date_naive()),
                record.at.format("%H:%M:%S UTC")
            ),
            who: record.user.map_or_else(|| "—".to_owned(), login_of),
            kind: record.kind.code(),
            route: record.route,
            book: record.book.map_or_else(String::new, |book| book.to_string()),
            status: record.status,
        })
        .collect();
    Ok(AuditPage {
        chrome,
        user: search.user.unwrap_or_default(),
        users: users.iter().map(|user| (user.id, user.login.clone())).collect(),
        book: search.book.map(|book| book.to_string()).unwrap_or_default(),
        kind: kind.unwrap_or_default().to_owned(),
        kinds: AuditKind::ALL.iter().map(|kind| kind.code()).collect(),
        rows,
        older,
    }
    .into_response())
}

fn older_link(search: &AuditSearch, before: i64) -> String {
    let mut link = format!("/audit?before={before}");
    if let Some(user) = search.user {
        link.push_str(&format!("&user={user}"));
    }
    if let Some(book) = search.book {
        link.push_str(&format!("&book={book}"));
    }
    if let Some(kind) = search.kind.as_deref().filter(|kind| !kind.is_empty()) {
        link.push_str(&format!("&kind={kind}"));
    }
    link
}
