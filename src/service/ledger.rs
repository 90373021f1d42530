//! Books, accounts and entries: opening a book with its inventory, posting, reversing, balances.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{ServiceResult, recording_time};
use crate::domain::account::{Account, NewAccount};
use crate::domain::balance::TrialBalance;
use crate::domain::book::{Book, ChainedEntry, chain_after};
use crate::domain::ids::{AccountId, BeneficiaryId, BookId, EntryId};
use crate::domain::ledger::{BookRules, EntryDraft, EntryRejection, JournalEntry, reversal_of, validate};
use crate::domain::opening::OpeningInventory;
use crate::storage::{Store, Tx, posting_totals};

/// A new book with its chart and, when there is anything to book, its opening entry.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpenedBook {
    pub book: Book,
    pub accounts: Vec<Account>,
    pub opening_entry: Option<EntryId>,
}

/// Opens the beneficiary's book: the standard chart with their bank accounts and debts, and the
/// opening inventory booked against opening equity, in one db transaction.
pub async fn open_book(
    store: &Store,
    beneficiary: BeneficiaryId,
    inventory: &OpeningInventory,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<OpenedBook> {
    let mut tx = store.begin_write().await?;
    let book = tx
        .insert_book(beneficiary, inventory.currency(), inventory.date(), now)
        .await?;
    let accounts = tx.insert_accounts(book.id, &inventory.chart()).await?;
    let opening_entry = match inventory.opening_entry(book.id, &accounts, author)? {
        Some(draft) => post_entries_in_tx(&mut tx, book.id, vec![draft], now).await?.pop(),
        None => None,
    };
    let book = tx.book(book.id).await?;
    tx.commit().await?;
    Ok(OpenedBook {
        book,
        accounts,
        opening_entry,
    })
}

pub async fn add_account(store: &Store, book: BookId, account: &NewAccount) -> ServiceResult<Account> {
    let mut tx = store.begin_write().await?;
    tx.book(book).await?;
    let account = tx.insert_accounts(book, std::slice::from_ref(account)).await?.remove(0);
    tx.commit().await?;
    Ok(account)
}

/// Closes the account with `code` in `book`: no entry may name it afterwards. Its balance must
/// be zero. The book is locked first, so no entry slips in between the check and the close.
pub async fn close_account(store: &Store, book: BookId, code: &str) -> ServiceResult<Account> {
    let mut tx = store.begin_write().await?;
    tx.lock_book(book).await?;
    let account = tx.account_by_code(book, code).await?;
    let balance = tx.account_totals(book).await?.get(&account.id).copied().unwrap_or(0);
    account.check_close(balance)?;
    tx.close_account(account.id).await?;
    tx.commit().await?;
    Ok(Account {
        closed: true,
        ..account
    })
}

/// Posts entries to one book in one db transaction: every entry is checked against the book's
/// rules first, then they are chained and stored together, or not at all.
pub async fn post_entries(
    store: &Store,
    book: BookId,
    drafts: Vec<EntryDraft>,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<EntryId>> {
    let mut tx = store.begin_write().await?;
    let ids = post_entries_in_tx(&mut tx, book, drafts, now).await?;
    tx.commit().await?;
    Ok(ids)
}

/// `post_entries` inside a db transaction the caller owns, so an import or a payment run can
/// post with its other writes as one unit.
pub async fn post_entries_in_tx(
    tx: &mut Tx,
    book_id: BookId,
    drafts: Vec<EntryDraft>,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<EntryId>> {
    let mut book = tx.lock_book(book_id).await?;
    let accounts: HashMap<_, _> = tx
        .accounts(book_id)
        .await?
        .into_iter()
        .map(|account| (account.id, account))
        .collect();
    post_to_locked_book(tx, &mut book, &accounts, drafts, now).await
}

/// Posts to `book`, already locked in this db transaction (`Tx::lock_book` gave it, so its chain
/// head is current), whose `accounts` the caller loaded after locking it. `book`'s head moves to
/// the last entry posted, so the caller may post to it again in the same db transaction.
pub async fn post_to_locked_book(
    tx: &mut Tx,
    book: &mut Book,
    accounts: &HashMap<AccountId, Account>,
    drafts: Vec<EntryDraft>,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<EntryId>> {
    let locked_at = book.head_sequence;
    let chained = chain_to_locked_book(book, accounts, drafts, now)?;
    let Some(last) = chained.last() else {
        return Ok(Vec::new());
    };
    let ids = tx.insert_chained(&chained).await?;
    tx.add_to_account_totals(&posting_totals(&chained)?).await?;
    tx.move_head(book.id, locked_at, last).await?;
    Ok(ids)
}

/// Checks `drafts` against the book's rules and chains them after `book`'s head, which moves to
/// the last of them; nothing is written. An import writes what it chained for many statements
/// at once.
pub fn chain_to_locked_book(
    book: &mut Book,
    accounts: &HashMap<AccountId, Account>,
    drafts: Vec<EntryDraft>,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<ChainedEntry>> {
    let rules = BookRules {
        book_id: book.id,
        opened_on: book.opened_on,
        locked_through: book.locked_through,
        accounts,
    };
    let valid = drafts
        .into_iter()
        .map(|draft| validate(draft, &rules))
        .collect::<Result<Vec<_>, _>>()?;
    let chained = chain_after(book.head_sequence, &book.head_hash, valid, recording_time(now));
    if let Some(last) = chained.last() {
        book.head_sequence = last.sequence;
        book.head_hash.clone_from(&last.hash);
    }
    Ok(chained)
}

pub async fn post_entry(store: &Store, draft: EntryDraft, now: DateTime<Utc>) -> ServiceResult<JournalEntry> {
    let mut tx = store.begin_write().await?;
    let id = post_entries_in_tx(&mut tx, draft.book_id, vec![draft], now)
        .await?
        .remove(0);
    let entry = tx.entry(id).await?;
    tx.commit().await?;
    Ok(entry)
}

/// Posts the mirror of `entry`, dated `date`; an entry is reversed at most once.
pub async fn reverse_entry(
    store: &Store,
    entry: EntryId,
    date: NaiveDate,
    author: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> ServiceResult<JournalEntry> {
    let mut tx = store.begin_write().await?;
    let original = tx.entry(entry).await?;
    // Lock the book before looking for an earlier reversal: a concurrent reversal of the same
    // entry then waits here and is refused by name, instead of by the database's unique index.
    tx.lock_book(original.book_id).await?;
    if let Some(by) = tx.reversal_of(entry).await? {
        return Err(EntryRejection::AlreadyReversed { entry, by }.into());
    }
    let draft = reversal_of(&original, date, author, reason)?;
    let id = post_entries_in_tx(&mut tx, original.book_id, vec![draft], now)
        .await?
        .remove(0);
    let reversal = tx.entry(id).await?;
    tx.commit().await?;
    Ok(reversal)
}

/// Every account with its balance: now (from the running totals) or at the end of `at` (from
/// the postings).
pub async fn trial_balance(store: &Store, book: BookId, at: Option<NaiveDate>) -> ServiceResult<TrialBalance> {
    let Some(date) = at else {
        // The accounts and their totals in one statement, which is one snapshot. Only a book
        // without accounts needs the second look, to tell "no such book" from "nothing yet".
        let mut tx = store.read_alone().await?;
        let accounts = tx.accounts_with_totals(book).await?;
        if accounts.is_empty() {
            tx.book(book).await?;
        }
        tx.commit().await?;
        let totals = accounts.iter().map(|(account, total)| (account.id, *total)).collect();
        let accounts: Vec<_> = accounts.into_iter().map(|(account, _)| account).collect();
        return Ok(TrialBalance::from_totals(&accounts, &totals));
    };
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let accounts = tx.accounts(book).await?;
    let totals = tx.posting_totals(book, Some(date)).await?;
    tx.commit().await?;
    Ok(TrialBalance::from_totals(&accounts, &totals))
}

/// The reference an adjustment carries to the locked entry it corrects: "entry 12 of 2025-03-05".
/// Refused unless the entry is in `book` and inside its locked period.
pub async fn correction_reference(store: &Store, book: BookId, corrected: EntryId) -> ServiceResult<String> {
    use crate::domain::filing::FilingError;
    let mut tx = store.begin_read().await?;
    let found = tx.book(book).await?;
    let entry = tx.entry(corrected).await?;
    tx.commit().await?;
    if entry.book_id != book {
        return Err(FilingError::OtherBook {
            entry: corrected,
            book,
            other: entry.book_id,
        }
        .into());
    }
    match found.locked_through {
        Some(locked_through) if entry.date <= locked_through => Ok(format!("entry {corrected} of {}", entry.date)),
        locked_through => Err(FilingError::NotLocked {
            entry: corrected,
            date: entry.date,
            locked_through: locked_through.map_or_else(|| "nothing is locked".to_owned(), |date| date.to_string()),
        }
        .into()),
    }
}

/// Locks the book through `through`: entries dated on or before it are refused from now on.
pub async fn lock_book(store: &Store, book: BookId, through: NaiveDate) -> ServiceResult<Book> {
    let mut tx = store.begin_write().await?;
    let current = tx.lock_book(book).await?;
    current.check_lock(through)?;
    tx.set_locked_through(book, through).await?;
    let book = tx.book(book).await?;
    tx.commit().await?;
    Ok(book)
}

pub async fn book(store: &Store, id: BookId) -> ServiceResult<Book> {
    let mut tx = store.read_alone().await?;
    let book = tx.book(id).await?;
    tx.commit().await?;
    Ok(book)
}

/// The accounts of `book`'s chart, closed ones included.
pub async fn book_accounts(store: &Store, book: BookId) -> ServiceResult<Vec<Account>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    Ok(tx.accounts(book).await?)
}
