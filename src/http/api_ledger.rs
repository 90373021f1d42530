//! JSON API: books, accounts, entries, balances, verification.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::account::{Account, BankAccountSpec, NewAccount, ReportCategory};
use crate::domain::balance::TrialBalance;
use crate::domain::book::Book;
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BeneficiaryId, BookId, EntryId};
use crate::domain::ledger::{EntryDraft, EntrySource, JournalEntry, Posting};
use crate::domain::money::{Currency, Money};
use crate::domain::opening::{OpeningBank, OpeningDebt, OpeningInventory};
use crate::service::ledger::{self as use_case, OpenedBook};
use crate::service::verify::{BookVerification, verify};
use crate::storage::EntryFilter;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/books", get(list_books).post(open_book))
        .route("/books/{id}", get(show_book))
        .route("/books/{id}/accounts", get(list_accounts).post(add_account))
        .route("/books/{id}/accounts/{code}/closure", post(close_account))
        .route("/books/{id}/entries", get(list_entries).post(post_entry))
        .route("/books/{id}/balance", get(balance))
        .route("/books/{id}/verification", get(verification))
        .route("/entries/{id}", get(show_entry))
        .route("/entries/{id}/reversal", post(reverse_entry))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankRequest {
    iban: String,
    name: Option<String>,
    balance: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DebtRequest {
    creditor: String,
    amount: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenBookRequest {
    beneficiary_id: BeneficiaryId,
    currency: String,
    opened_on: NaiveDate,
    #[serde(default)]
    banks: Vec<BankRequest>,
    cash: Option<String>,
    #[serde(default)]
    debts: Vec<DebtRequest>,
}

impl OpenBookRequest {
    fn inventory(&self) -> Result<OpeningInventory, ApiError> {
        let currency = Currency::parse(&self.currency)?;
        let mut banks = Vec::with_capacity(self.banks.len());
        for (index, bank) in self.banks.iter().enumerate() {
            let name = bank
                .name
                .clone()
                .unwrap_or_else(|| format!("Bank account {}", index + 1));
            let account = BankAccountSpec {
                iban: Iban::parse(&bank.iban)?,
                name,
            };
            banks.push(OpeningBank {
                account,
                balance: Money::parse(&bank.balance, currency)?,
            });
        }
        let debts = self
            .debts
            .iter()
            .map(|debt| {
                Ok(OpeningDebt {
                    creditor: debt.creditor.clone(),
                    amount: Money::parse(&debt.amount, currency)?,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let cash = Money::parse(self.cash.as_deref().unwrap_or("0"), currency)?;
        Ok(OpeningInventory::new(self.opened_on, currency, banks, cash, debts)?)
    }
}

async fn open_book(
    caller: Caller,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<OpenBookRequest>,
) -> Result<(StatusCode, axum::Json<OpenedBook>), ApiError> {
    let person = request.beneficiary_id;
    caller.person(&state, Action::Write, person, person).await?;
    let opened = use_case::open_book(
        &state.store,
        request.beneficiary_id,
        &request.inventory()?,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(opened)))
}

async fn list_books(caller: Caller, State(state): State<AppState>) -> Result<axum::Json<Vec<Book>>, ApiError> {
    let readable = caller.books_allowed(&state, Action::ReadFiled).await?;
    let books = state.store.begin_read().await?.books(None).await?;
    Ok(axum::Json(
        books.into_iter().filter(|book| readable.contains(&book.id)).collect(),
    ))
}

#[derive(Serialize)]
struct BookWithAccounts {
    book: Book,
    accounts: Vec<Account>,
}

async fn show_book(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
) -> Result<axum::Json<BookWithAccounts>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    // No snapshot around the two reads: a book stays once opened, and an account opened
    // between them is shown or not, as if the request had come a moment later or earlier.
    let mut tx = state.store.read_alone().await?;
    let book = tx.book(id).await?;
    let accounts = tx.accounts(id).await?;
    tx.commit().await?;
    Ok(axum::Json(BookWithAccounts { book, accounts }))
}

async fn list_accounts(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
) -> Result<axum::Json<Vec<Account>>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    let mut tx = state.store.begin_read().await?;
    tx.book(id).await?;
    Ok(axum::Json(tx.accounts(id).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountRequest {
    code: String,
    name: String,
    category: String,
    iban: Option<String>,
    currency: Option<String>,
}

async fn add_account(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
    JsonBody(request): JsonBody<AccountRequest>,
) -> Result<(StatusCode, axum::Json<Account>), ApiError> {
    caller.book(&state, Action::Write, id).await?;
    let book = state.store.begin_read().await?.book(id).await?;
    let currency = request
        .currency
        .as_deref()
        .map(Currency::parse)
        .transpose()?
        .unwrap_or(book.currency);
    let iban = request.iban.as_deref().map(Iban::parse).transpose()?;
    let account = NewAccount::new(
        &request.code,
        &request.name,
        ReportCategory::parse(&request.category)?,
        currency,
        iban,
    )?;
    Ok((
        StatusCode::CREATED,
        axum::Json(use_case::add_account(&state.store, id, &account).await?),
    ))
}

async fn close_account(
    caller: Caller,
    State(state): State<AppState>,
    PathParams((id, code)): PathParams<(BookId, String)>,
) -> Result<axum::Json<Account>, ApiError> {
    caller.book(&state, Action::Write, id).await?;
    Ok(axum::Json(use_case::close_account(&state.store, id, &code).await?))
}

#[derive(Deserialize)]
struct EntryQuery {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    after: Option<i64>,
    limit: Option<i64>,
}

/// Entries per page of the API's listing when the client names no `limit` (at most
/// `ENTRIES_PAGE_MAX`): a thousand entries were 545 KB per request.
const ENTRIES_PAGE: i64 = 50;

/// A page of the book's entries in chain order; when the page is full, a `Link` header (RFC
/// 8288) names the next one (`after` the last entry's chain position).
async fn list_entries(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
    QueryParams(query): QueryParams<EntryQuery>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse as _;
    // The access check has found the book. Entries are append-only and posted with their
    // postings, so the list reads right without a snapshot around its statements.
    caller.book(&state, Action::Read, id).await?;
    let mut tx = state.store.read_alone().await?;
    let limit = query
        .limit
        .unwrap_or(ENTRIES_PAGE)
        .clamp(1, crate::storage::ENTRIES_PAGE_MAX);
    let filter = EntryFilter {
        from: query.from,
        to: query.to,
        after_sequence: query.after,
        limit: Some(limit),
    };
    let entries = tx.entries(id, filter).await?;
    let next = match entries.last() {
        Some(last) if entries.len() as i64 == limit => Some(next_page(id, &query, last.sequence, limit)),
        _ => None,
    };
    let mut response = axum::Json(entries).into_response();
    if let Some(link) = next.and_then(|next| axum::http::HeaderValue::from_str(&next).ok()) {
        response.headers_mut().insert(axum::http::header::LINK, link);
    }
    Ok(response)
}

fn next_page(book: BookId, query: &EntryQuery, after: i64, limit: i64) -> String {
    let mut address = format!("/api/v1/books/{book}/entries?after={after}&limit={limit}");
    if let Some(from) = query.from {
        address.push_str(&format!("&from={from}"));
    }
    if let Some(to) = query.to {
        address.push_str(&format!("&to={to}"));
    }
    format!("<{address}>; rel=\"next\"")
}

/// A posting names its account by id or by code, and its amount as a decimal string.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PostingRequest {
    account_id: Option<AccountId>,
    account_code: Option<String>,
    amount: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRequest {
    date: NaiveDate,
    description: String,
    source: Option<String>,
    source_ref: Option<String>,
    receipt: Option<String>,
    postings: Vec<PostingRequest>,
}

async fn post_entry(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
    JsonBody(request): JsonBody<EntryRequest>,
) -> Result<(StatusCode, axum::Json<JournalEntry>), ApiError> {
    caller.book(&state, Action::Write, id).await?;
    let accounts = {
        let mut tx = state.store.begin_read().await?;
        tx.book(id).await?;
        tx.accounts(id).await?
    };
    let source = match request.source.as_deref().map(EntrySource::parse) {
        None => EntrySource::Manual,
        Some(Some(source @ (EntrySource::Manual | EntrySource::Adjustment))) => source,
        Some(_) => {
            return Err(ApiError::Unprocessable(
                "source: use manual or adjustment; other sources are set by imports, payments and reversals".into(),
            ));
        }
    };
    let mut postings = Vec::with_capacity(request.postings.len());
    for (index, posting) in request.postings.iter().enumerate() {
        let line = index + 1;
        let account = match (&posting.account_id, &posting.account_code) {
            (Some(account_id), None) => accounts.iter().find(|account| account.id == *account_id),
            (None, Some(code)) => accounts.iter().find(|account| account.code == *code),
            _ => {
                return Err(ApiError::Unprocessable(format!(
                    "posting {line}: give either account_id or account_code"
                )));
            }
        }
        .ok_or_else(|| ApiError::Unprocessable(format!("posting {line}: book {id} has no such account")))?;
        let amount = Money::parse(&posting.amount, account.currency)
            .map_err(|error| ApiError::Unprocessable(format!("posting {line}: {error}")))?;
        postings.push(Posting {
            account_id: account.id,
            amount,
        });
    }
    let draft = EntryDraft {
        book_id: id,
        date: request.date,
        description: request.description,
        source,
        source_ref: request.source_ref,
        receipt: request.receipt,
        author: caller.author(),
        reverses: None,
        postings,
    };
    Ok((
        StatusCode::CREATED,
        axum::Json(use_case::post_entry(&state.store, draft, chrono::Utc::now()).await?),
    ))
}

async fn show_entry(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<EntryId>,
) -> Result<axum::Json<JournalEntry>, ApiError> {
    let entry = state.store.begin_read().await?.entry(id).await?;
    caller.record_of(&state, Action::Read, entry.book_id, id).await?;
    Ok(axum::Json(entry))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReversalRequest {
    date: Option<NaiveDate>,
    reason: Option<String>,
}

async fn reverse_entry(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<EntryId>,
    JsonBody(request): JsonBody<ReversalRequest>,
) -> Result<(StatusCode, axum::Json<JournalEntry>), ApiError> {
    let book = state.store.begin_read().await?.entry(id).await?.book_id;
    caller.record_of(&state, Action::Write, book, id).await?;
    let now = chrono::Utc::now();
    let date = request.date.unwrap_or(now.date_naive());
    let reversal =
        use_case::reverse_entry(&state.store, id, date, &caller.author(), request.reason.as_deref(), now).await?;
    Ok((StatusCode::CREATED, axum::Json(reversal)))
}

#[derive(Deserialize)]
struct BalanceQuery {
    at: Option<NaiveDate>,
}

async fn balance(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
    QueryParams(query): QueryParams<BalanceQuery>,
) -> Result<axum::Json<TrialBalance>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    Ok(axum::Json(use_case::trial_balance(&state.store, id, query.at).await?))
}

async fn verification(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BookId>,
) -> Result<axum::Json<BookVerification>, ApiError> {
    caller.book(&state, Action::Read, id).await?;
    let mut results = verify(&state.store, Some(id)).await?;
    results
        .pop()
        .map(axum::Json)
        .ok_or_else(|| ApiError::NotFound(format!("book {id} does not exist")))
}
