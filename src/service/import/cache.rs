//! What an import batch reads once instead of once per statement: each book's lock and chain
//! head, its chart of accounts and categorisation rules, the accounts of each IBAN, each account's
//! latest statement, and which accounts have no payment orders to settle.
//!
//! Reading these again for each statement was most of an import's queries. Keeping them for the
//! batch is safe because the batch's db transaction holds each book's lock from its first use to
//! the commit: closing an account or changing a book locks the book first, so nothing read after
//! the lock can change under the batch, and what the batch itself writes (chain heads, latest
//! statements) it keeps up to date here. A rule added meanwhile applies from the next batch, as if
//! it had been added a moment later. When a file is refused, [`BatchCache::file_refused`] puts
//! back what that file changed here.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::writer::Writer;
use crate::domain::account::{Account, ReportCategory};
use crate::domain::book::{Book, ChainedEntry};
use crate::domain::ids::{AccountId, BookId};
use crate::domain::ledger::EntryDraft;
use crate::import::lines::StatementLine;
use crate::import::rules::{Rule, ordered};
use crate::service::ServiceResult;
use crate::service::ledger::chain_to_locked_book;
use crate::storage::{KnownLines, OpenOrder, PreviousStatement, StoreError};

/// A book's chart and rules as the batch first read them.
pub(super) struct BookSettings {
    pub accounts: Vec<Account>,
    pub accounts_by_id: HashMap<AccountId, Account>,
    /// In the order they are tried.
    pub rules: Vec<Rule>,
}

impl BookSettings {
    /// The book's suspense account in `account`'s currency, where undecided parts go.
    pub fn suspense_for(&self, account: &Account) -> ServiceResult<&Account> {
        self.accounts
            .iter()
            .find(|candidate| candidate.category == ReportCategory::Suspense && candidate.currency == account.currency)
            .ok_or_else(|| {
                StoreError::NotFound {
                    what: "suspense account of book",
                    id: account.book_id.to_string(),
                }
                .into()
            })
    }
}

/// How to put back what a refused file changed in the cache, newest first.
enum Undo {
    Head {
        book: BookId,
        sequence: i64,
        hash: String,
    },
    Previous(AccountId, Option<PreviousStatement>),
    Known {
        account: AccountId,
        bank_ref: Option<String>,
        fingerprint: String,
        occurrence: i64,
    },
    Taken(i64),
}

#[derive(Default)]
pub(super) struct BatchCache {
    /// Books locked in the batch's db transaction, with their chain heads as this batch left them.
    locked: HashMap<BookId, Book>,
    /// Each locked book's chain head as the database holds it (entries wait in `PendingWrites`).
    written_heads: HashMap<BookId, i64>,
    settings: HashMap<BookId, BookSettings>,
    /// The money accounts of an IBAN (within one book when the import is restricted to it).
    accounts_by_iban: HashMap<(String, Option<BookId>), Vec<Account>>,
    /// Each account's latest statement (`None`: it has none yet).
    previous: HashMap<AccountId, Option<PreviousStatement>>,
    /// Each account's booked lines, those waiting to be written included.
    known: HashMap<AccountId, KnownLines>,
    /// Orders a line of this batch settled.
    taken: HashSet<i64>,
    /// Accounts known to have no order to settle from this date on.
    without_orders_since: HashMap<AccountId, NaiveDate>,
    /// What the file being imported changed.
    undo: Vec<Undo>,
}

impl BatchCache {
    /// Locks `book` in the batch's transaction on first use, and reads its settings.
    pub async fn lock_book(&mut self, writer: &mut Writer, book: BookId) -> ServiceResult<()> {
        if let Entry::Vacant(slot) = self.locked.entry(book) {
            let locked = writer.lock_book(book).await?;
            self.written_heads.insert(book, locked.head_sequence);
            let locked = slot.insert(locked);
            if let Entry::Vacant(slot) = self.settings.entry(book) {
                let mut tx = writer.reads().await?;
                let accounts = tx.accounts(book).await?;
                let rules = ordered(tx.rules_for(locked.office_id, Some(book)).await?);
                let accounts_by_id = accounts.iter().map(|account| (account.id, account.clone())).collect();
                slot.insert(BookSettings {
                    accounts,
                    accounts_by_id,
                    rules,
                });
            }
        }
        Ok(())
    }

    /// The settings of a book locked with `lock_book`.
    pub fn settings(&self, book: BookId) -> &BookSettings {
        self.settings.get(&book).expect("BUG: lock_book first")
    }

    /// Checks `drafts` and chains them after the book's head as this batch left it.
    pub fn chain(
        &mut self,
        book: BookId,
        drafts: Vec<EntryDraft>,
        now: DateTime<Utc>,
    ) -> ServiceResult<Vec<ChainedEntry>> {
        let locked = self.locked.get_mut(&book).expect("BUG: lock_book first");
        let settings = self.settings.get(&book).expect("BUG: lock_book first");
        self.undo.push(Undo::Head {
            book,
            sequence: locked.head_sequence,
            hash: locked.head_hash.clone(),
        });
        chain_to_locked_book(locked, &settings.accounts_by_id, drafts, now)
    }

    /// The chain heads the database holds, for writing what waits.
    pub fn written_heads(&mut self) -> &mut HashMap<BookId, i64> {
        &mut self.written_heads
    }

    /// Whether `line` is already booked on `account` (read from the database on first use, after
    /// the book is locked, so no concurrent import can add to it).
    pub async fn is_known(
        &mut self,
        writer: &mut Writer,
        account: AccountId,
        line: &StatementLine,
    ) -> ServiceResult<bool> {
        if let Entry::Vacant(slot) = self.known.entry(account) {
            slot.insert(writer.reads().await?.known_lines(account).await?);
        }
        Ok(self.known[&account].contains(line))
    }

    /// Marks `line` as booked on `account`.
    pub fn remember(&mut self, account: AccountId, line: &StatementLine) {
        if let Some(known) = self.known.get_mut(&account) {
            known.insert(line);
            self.undo.push(Undo::Known {
                account,
                bank_ref: line.bank_ref.clone(),
                fingerprint: line.fingerprint.clone(),
                occurrence: line.occurrence,
            });
        }
    }

    pub async fn money_accounts_by_iban(
        &mut self,
        writer: &mut Writer,
        iban: &str,
        book: Option<BookId>,
    ) -> ServiceResult<Vec<Account>> {
        let key = (iban.to_owned(), book);
        if let Some(accounts) = self.accounts_by_iban.get(&key) {
            return Ok(accounts.clone());
        }
        let accounts = writer.reads().await?.money_accounts_by_iban(iban, book).await?;
        self.accounts_by_iban.insert(key, accounts.clone());
        Ok(accounts)
    }

    pub async fn previous_statement(
        &mut self,
        writer: &mut Writer,
        account: AccountId,
    ) -> ServiceResult<Option<PreviousStatement>> {
        if let Some(previous) = self.previous.get(&account) {
            return Ok(previous.clone());
        }
        let previous = writer.reads().await?.previous_statement(account).await?;
        self.previous.insert(account, previous.clone());
        Ok(previous)
    }

    /// Records a statement the batch stored, in the order `Tx::previous_statement` uses: the
    /// latest closing date wins, a later statement wins a tie, and one without a closing date
    /// only follows none.
    pub fn stored_statement(&mut self, account: AccountId, stored: PreviousStatement) {
        let Some(known) = self.previous.get_mut(&account) else {
            return;
        };
        let replaces = match known {
            None => true,
            Some(latest) => match (stored.closing_date, latest.closing_date) {
                (Some(date), Some(latest_date)) => date >= latest_date,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => true,
            },
        };
        if replaces {
            let before = known.replace(stored);
            self.undo.push(Undo::Previous(account, before));
        }
    }

    /// The orders `account` may settle from `since` on; the query is skipped when an earlier one
    /// found none from an earlier date (the import itself never opens an order).
    pub async fn open_orders(
        &mut self,
        writer: &mut Writer,
        account: AccountId,
        since: NaiveDate,
    ) -> ServiceResult<Vec<OpenOrder>> {
        if self
            .without_orders_since
            .get(&account)
            .is_some_and(|known| *known <= since)
        {
            return Ok(Vec::new());
        }
        let mut orders = writer.reads().await?.open_orders(account, since).await?;
        if orders.is_empty() {
            self.without_orders_since.insert(account, since);
        }
        orders.retain(|order| !self.taken.contains(&order.id));
        Ok(orders)
    }

    /// Marks an order as settled by a line of this batch.
    pub fn take_order(&mut self, order: i64) {
        self.taken.insert(order);
        self.undo.push(Undo::Taken(order));
    }

    /// The file being imported was accepted: what it changed stays.
    pub fn file_accepted(&mut self) {
        self.undo.clear();
    }

    /// The file being imported was refused (it wrote nothing but book locks, which stay for the
    /// batch): puts back what it changed here, newest first.
    pub fn file_refused(&mut self) {
        while let Some(undo) = self.undo.pop() {
            match undo {
                Undo::Head { book, sequence, hash } => {
                    if let Some(locked) = self.locked.get_mut(&book) {
                        (locked.head_sequence, locked.head_hash) = (sequence, hash);
                    }
                }
                Undo::Previous(account, before) => {
                    self.previous.insert(account, before);
                }
                Undo::Known {
                    account,
                    bank_ref,
                    fingerprint,
                    occurrence,
                } => {
                    if let Some(known) = self.known.get_mut(&account) {
                        match bank_ref {
                            Some(reference) => known.bank_refs.remove(&reference),
                            None => known.fingerprints.remove(&(fingerprint, occurrence)),
                        };
                    }
                }
                Undo::Taken(order) => {
                    self.taken.remove(&order);
                }
            }
        }
    }
}
