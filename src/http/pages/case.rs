//! A case's page for the people who work on it: the accounts and their balances, the entries a
//! page at a time, the imported lines waiting to be categorised (with the form that does it and
//! can turn the decision into a rule, see `waiting_lines`), and the way to the court panel
//! (`court_panel`). Beneficiaries read their own book here too, without the forms.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Chrome;
use super::case_entries::{Signs, balance_as_read, postings_as_read};
use crate::domain::ids::BookId;
use crate::domain::money::Currency;
use crate::http::AppState;
use crate::http::auth::{Caller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams, blank_as_none};
use crate::service::categorise::suspense;
use crate::storage::{EntryFilter, EntrySearch};

const ENTRIES_PER_PAGE: i64 = 50;

struct AccountRow {
    code: String,
    name: String,
    balance: String,
}

struct EntryRow {
    id: i64,
    date: String,
    description: String,
    amounts: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "case.html")]
struct CasePage {
    chrome: Chrome,
    book: i64,
    name: String,
    accounts: Vec<AccountRow>,
    /// (address, label) of the link that shows the accounts at zero, or hides them again.
    accounts_toggle: Option<(String, String)>,
    /// Codes and names of the accounts a line can be moved to.
    targets: Vec<(String, String)>,
    entries: Vec<EntryRow>,
    /// The entry search as typed.
    search_words: String,
    search_sum: String,
    search_account: String,
    /// The amount searched for is not one: said by its field.
    sum_unread: bool,
    /// (address, label) of the link to the other signs.
    signs_toggle: (String, String),
    /// The accountant's signs are shown.
    accounting: bool,
    /// The dates the entries are filtered by, as the form shows them.
    filter_from: String,
    filter_to: String,
    /// Pages of older and of newer entries, when there are.
    older_page: Option<String>,
    newer_page: Option<String>,
    /// The waiting lines' page, for those who may categorise them.
    waiting: Option<super::waiting_lines::WaitingSection>,
}

/// Which accounts the case page lists.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AccountsShown {
    All,
}

#[derive(Deserialize, Default, Clone)]
pub struct CaseQuery {
    /// The entry search: words of the description, an amount as typed, an account's code.
    #[serde(default)]
    words: String,
    #[serde(default)]
    sum: String,
    #[serde(default)]
    account: String,
    /// The accountant's signs instead of the ones people read.
    #[serde(default)]
    signs: Option<Signs>,
    after: Option<i64>,
    before: Option<i64>,
    /// "all" shows the accounts at zero too.
    #[serde(default)]
    accounts: Option<AccountsShown>,
    #[serde(default, deserialize_with = "blank_as_none")]
    from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "blank_as_none")]
    to: Option<NaiveDate>,
}

impl CaseQuery {
    /// The link to the entries `side` ("before" or "after") chain position `sequence`, with the
    /// same dates.
    fn page(&self, book: BookId, side: &str, sequence: i64) -> String {
        let mut link = format!("/case/{book}?{side}={sequence}");
        if let Some(from) = self.from {
            link.push_str(&format!("&from={from}"));
        }
        if let Some(to) = self.to {
            link.push_str(&format!("&to={to}"));
        }
        let searched = [("words", &self.words), ("sum", &self.sum), ("account", &self.account)];
        for (name, value) in searched.into_iter().filter(|(_, value)| !value.is_empty()) {
            link.push('&');
            link.push_str(&serde_urlencoded::to_string([(name, value)]).unwrap_or_default());
        }
        if self.signs.is_some() {
            link.push_str("&signs=accounting");
        }
        link.push_str("#entries");
        link
    }

    /// What the entry search looks for, in `accounts`' book; an amount that is not one is left
    /// out of it (and said so by the page).
    fn search(
        &self,
        accounts: &[crate::domain::account::Account],
        locale: &crate::render::locale::Locale,
    ) -> EntrySearch {
        let amount_minor = Some(self.sum.trim())
            .filter(|sum| !sum.is_empty())
            .and_then(|sum| {
                crate::domain::money::Money::parse(&locale.plain_amount(sum), crate::domain::money::Currency::EUR).ok()
            })
            .map(|money| money.minor().abs());
        EntrySearch {
            words: Some(self.words.trim().to_owned()).filter(|words| !words.is_empty()),
            amount_minor,
            account: accounts
                .iter()
                .find(|account| account.code == self.account.trim())
                .map(|account| account.id),
        }
    }
}

pub async fn case_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<CaseQuery>,
    QueryParams(waiting): QueryParams<super::waiting_lines::WaitingQuery>,
) -> Result<Response, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let page = render(&caller, &state, &headers, book, writes, query, waiting).await?;
    Ok(page.into_response())
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    writes: bool,
    query: CaseQuery,
    waiting: super::waiting_lines::WaitingQuery,
) -> Result<CasePage, ApiError> {
    let chrome = Chrome::of(caller, headers);
    let mut tx = state.store.begin_read().await?;
    let found = tx.book(book).await?;
    let name = tx.beneficiary(found.beneficiary_id).await?.name;
    let accounts = tx.accounts(book).await?;
    let totals = tx.account_totals(book).await?;
    let filter = EntryFilter {
        from: query.from,
        to: query.to,
        after_sequence: query.after,
        limit: Some(ENTRIES_PER_PAGE),
    };
    let locale = chrome.t.locale();
    let search = query.search(&accounts, locale);
    // Newest first: the page before `before` (older), or after `after` (newer), or the latest.
    let entries = match query.after {
        Some(_) => {
            let mut newer = tx.entries_found(book, filter, &search).await?;
            newer.reverse();
            newer
        }
        None => tx.entries_searched(book, filter, &search, query.before).await?,
    };
    tx.commit().await?;
    let money = |minor: i64, currency: Currency| locale.money(minor, currency);
    let full_page = entries.len() as i64 == ENTRIES_PER_PAGE;
    // Older entries exist below a full page; newer ones above any page but the latest.
    let older_page = match (entries.last(), query.after) {
        (Some(oldest), Some(_)) => Some(query.page(book, "before", oldest.sequence)),
        (Some(oldest), None) if full_page => Some(query.page(book, "before", oldest.sequence)),
        _ => None,
    };
    let newer_page = match (entries.first(), query.after, query.before) {
        (Some(newest), Some(_), _) if full_page => Some(query.page(book, "after", newest.sequence)),
        (Some(newest), None, Some(_)) => Some(query.page(book, "after", newest.sequence)),
        _ => None,
    };
    let entries = entries
        .iter()
        .map(|entry| EntryRow {
            id: entry.id.get(),
            date: locale.date(entry.date),
            description: entry.description.clone(),
            amounts: postings_as_read(entry, &accounts, query.signs, locale),
        })
        .collect();
    let waiting = if writes {
        let items = suspense(&state.store, book).await?;
        let suggested = crate::service::categorise::suggestions(&state.store, found.office_id, book, &items).await?;
        Some(super::waiting_lines::section(
            &chrome.t, book, &items, waiting, &suggested,
        ))
    } else {
        None
    };

    // Accounts at zero are hidden unless asked for: a chart of thirty lines hides the five
    // that matter. Money accounts always show.
    let balance_of = |account: &crate::domain::account::Account| totals.get(&account.id).copied().unwrap_or(0);
    let shown_accounts: Vec<&crate::domain::account::Account> = accounts
        .iter()
        .filter(|account| {
            query.accounts == Some(AccountsShown::All) || account.category.is_money() || balance_of(account) != 0
        })
        .collect();
    Ok(CasePage {
        book: book.get(),
        name,
        accounts_toggle: accounts_toggle(&chrome.t, book, query.accounts, accounts.len() - shown_accounts.len()),
        accounts: shown_accounts
            .into_iter()
            .map(|account| AccountRow {
                code: account.code.clone(),
                name: account.name.clone(),
                balance: money(
                    balance_as_read(account, balance_of(account), query.signs),
                    account.currency,
                ),
            })
            .collect(),
        targets: accounts
            .iter()
            .filter(|account| !account.closed && crate::service::categorise::is_a_category_target(account.category))
            .map(|account| (account.code.clone(), format!("{} {}", account.code, account.name)))
            .collect(),
        entries,
        search_words: query.words.clone(),
        search_sum: query.sum.clone(),
        search_account: query.account.clone(),
        sum_unread: !query.sum.trim().is_empty() && search.amount_minor.is_none(),
        signs_toggle: signs_toggle(&chrome.t, book, query.signs),
        accounting: query.signs.is_some(),
        filter_from: query.from.map(|date| date.to_string()).unwrap_or_default(),
        filter_to: query.to.map(|date| date.to_string()).unwrap_or_default(),
        older_page,
        newer_page,
        waiting,
        chrome,
    })
}

/// The link to the accountant's signs, or back to the ones people read.
fn signs_toggle(t: &super::Labels, book: BookId, signs: Option<Signs>) -> (String, String) {
    match signs {
        Some(Signs::Accounting) => (format!("/case/{book}#accounts"), t.get("web-case-signs-people")),
        None => (
            format!("/case/{book}?signs=accounting#accounts"),
            t.get("web-case-signs-accounting"),
        ),
    }
}

/// The link under the accounts: show the `hidden` ones at zero, or hide them again.
fn accounts_toggle(
    t: &super::Labels,
    book: BookId,
    shown: Option<AccountsShown>,
    hidden: usize,
) -> Option<(String, String)> {
    match shown {
        Some(AccountsShown::All) => Some((format!("/case/{book}#accounts"), t.get("web-case-accounts-fewer"))),
        None if hidden > 0 => Some((
            format!("/case/{book}?accounts=all#accounts"),
            t.locale().label_with_count("web-case-accounts-all", hidden as i64),
        )),
        None => None,
    }
}
