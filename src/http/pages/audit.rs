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
    /// The record as a sentence: who did what, to which case.
    sentence: String,
    /// Said when the server refused the change (its status was an error).
    refused: bool,
    route: String,
}

/// A day, a person, a case: what reads are summed up by.
type ReadKey = (chrono::NaiveDate, Option<i64>, Option<BookId>);

/// Reads of one case by one person on one day, summed up.
struct ReadGroup {
    sentence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    /// The user searched for, or 0 for anyone.
    user: i64,
    /// (id, name) of the office's users.
    users: Vec<(i64, String)>,
    book: String,
    kind: String,
    /// (code, words) of each kind.
    kinds: Vec<(&'static str, String)>,
    rows: Vec<AuditRow>,
    /// The latest reads summed up per person, case and day, when no kind is chosen.
    reads: Vec<ReadGroup>,
    /// The link to older records, when there are more.
    older: Option<String>,
}

/// Reads summed up on the first page: the latest this many.
const READS_SUMMED_MAX: u32 = 500;

pub async fn audit_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    QueryParams(search): QueryParams<AuditSearch>,
) -> Result<Response, ApiError> {
    let office = caller.office_id()?;
    caller.office(Action::Administer, office)?;
    let kind = search.kind.as_deref().filter(|kind| !kind.is_empty());
    let query = AuditQuery {
        office: Some(office),
        user: search.user,
        book: search.book.map(BookId::new),
        kind: kind.and_then(AuditKind::parse),
        before: search.before,
        limit: PAGE_SIZE,
        except_reads: kind.is_none(),
        ..AuditQuery::default()
    };
    let found = search_audit(&state.store, &query).await?;
    let names = Names::load(&state, office).await?;
    let chrome = Chrome::of(&caller, &headers);
    let older = (found.len() == PAGE_SIZE as usize)
        .then(|| found.last().map(|(id, _)| older_link(&search, *id)))
        .flatten();
    let rows = found
        .iter()
        .map(|(_, record)| AuditRow {
            when: names.local_time(&chrome.t, record.at),
            sentence: names.sentence(&chrome.t, record),
            refused: record.status >= 400,
            route: record.route.clone(),
        })
        .collect();
    let reads = if kind.is_none() && search.before.is_none() {
        let reads_query = AuditQuery {
            kind: Some(AuditKind::Read),
            limit: READS_SUMMED_MAX,
            before: None,
            except_reads: false,
            ..query.clone()
        };
        let found = search_audit(&state.store, &reads_query).await?;
        names.reads_summed(&chrome.t, &found)
    } else {
        Vec::new()
    };
    Ok(AuditPage {
        user: search.user.unwrap_or_default(),
        users: names.office_users.clone(),
        book: search.book.map(|book| book.to_string()).unwrap_or_default(),
        kind: kind.unwrap_or_default().to_owned(),
        kinds: AuditKind::ALL
            .iter()
            .map(|kind| (kind.code(), chrome.t.get(&format!("web-audit-kind-{}", kind.code()))))
            .collect(),
        rows,
        reads,
        older,
        chrome,
    }
    .into_response())
}

/// The office's people and cases by id, and its time zone: records keep ids only.
struct Names {
    /// The office's own users, for the search form.
    office_users: Vec<(i64, String)>,
    users: Vec<(i64, String)>,
    cases: Vec<(i64, String)>,
    zone: chrono_tz::Tz,
}

impl Names {
    async fn load(state: &AppState, office: crate::domain::ids::OfficeId) -> Result<Names, ApiError> {
        // Every user by name: court staff, who review the office's accounts, belong to no office.
        let users = crate::service::users::users(&state.store, None).await?;
        let office_users: Vec<(i64, String)> = users
            .iter()
            .filter(|user| user.office == Some(office))
            .map(|user| (user.id, user.display_name.clone()))
            .collect();
        let mut tx = state.store.begin_read().await?;
        let cases = super::named_books(&mut tx, office, None).await?;
        let country = tx.office(office).await?.country;
        drop(tx);
        Ok(Names {
            office_users,
            users: users.iter().map(|user| (user.id, user.display_name.clone())).collect(),
            cases,
            zone: crate::domain::calendar::time_zone_of(&country),
        })
    }

    fn user(&self, t: &super::Labels, id: Option<i64>) -> String {
        match id {
            Some(id) => self
                .users
                .iter()
                .find(|(user, _)| *user == id)
                .map_or_else(|| format!("#{id}"), |(_, name)| name.clone()),
            None => t.get("web-audit-nobody"),
        }
    }

    fn case(&self, book: Option<BookId>) -> Option<String> {
        let book = book?.get();
        Some(
            self.cases
                .iter()
                .find(|(id, _)| *id == book)
                .map_or_else(|| format!("#{book}"), |(_, name)| name.clone()),
        )
    }

    fn local_time(&self, t: &super::Labels, at: chrono::DateTime<chrono::Utc>) -> String {
        let local = at.with_timezone(&self.zone);
        format!("{} {}", t.locale().date(local.date_naive()), local.format("%H:%M"))
    }

    fn sentence(&self, t: &super::Labels, record: &crate::domain::audit::AuditRecord) -> String {
        let action = crate::domain::audit_words::action_of(record);
        let did = t.locale().label_with(
            &format!("web-audit-did-{}", action.code),
            &[
                ("record", action.record.unwrap_or_default()),
                ("route", record.route.clone()),
            ],
        );
        let who = self.user(t, record.user);
        match self.case(record.book) {
            Some(case) => t
                .locale()
                .label_with("web-audit-sentence-case", &[("who", who), ("did", did), ("case", case)]),
            None => t
                .locale()
                .label_with("web-audit-sentence", &[("who", who), ("did", did)]),
        }
    }

    /// Reads summed up per person, case and local day, newest first.
    fn reads_summed(&self, t: &super::Labels, found: &[(i64, crate::domain::audit::AuditRecord)]) -> Vec<ReadGroup> {
        let mut groups: Vec<(ReadKey, i64)> = Vec::new();
        for (_, record) in found {
            let key = (
                record.at.with_timezone(&self.zone).date_naive(),
                record.user,
                record.book,
            );
            match groups.iter_mut().find(|(known, _)| *known == key) {
                Some((_, count)) => *count += 1,
                None => groups.push((key, 1)),
            }
        }
        groups
            .into_iter()
            .map(|((day, user, book), count)| ReadGroup {
                sentence: t.locale().label_with_count_and(
                    "web-audit-reads",
                    Some(count),
                    &[
                        ("who", self.user(t, user)),
                        ("case", self.case(book).unwrap_or_else(|| t.get("web-audit-pages"))),
                        ("day", t.locale().date(day)),
                    ],
                ),
            })
            .collect()
    }
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
