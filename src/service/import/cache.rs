//! What an import batch reads once instead of once per statement: each book's lock and chain
//! head, its chart of accounts and categorisation rules, the accounts of each IBAN, each account's
//! latest statement, and which accounts have no payment orders to settle.
//!
//! Reading these again for each statement was most of an import's queries. Keeping them for the
//! batch is safe because the batch's db transaction holds each book's lock from its first use to
//! the commit: closing an account or changing a book locks the book first, so nothing read after
//! the lock can change under the batch, and what the batch itself writes (chain heads, latest
//! statements) it keeps up to date here. A rule added meanwhile applies from the next batch, as if
//! it had been added a moment later. When a file is refused and its savepoint rolled back,
//! [`BatchCache::forget_writes`] drops what that file may have changed.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;

use crate::domain::account::{Account, ReportCategory};
use crate::domain::book::Book;
use crate::domain::ids::{AccountId, BookId};
use crate::import::rules::{Rule, ordered};
use crate::service::ServiceResult;
use crate::storage::{OpenOrder, PreviousStatement, StoreError, Tx};

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

#[derive(Default)]
pub(super) struct BatchCache {
    /// Books locked in the batch's db transaction, with their chain heads as this batch left them.
    locked: HashMap<BookId, Book>,
    settings: HashMap<BookId, BookSettings>,
    /// The money accounts of an IBAN (within one book when the import is restricted to it).
    accounts_by_iban: HashMap<(String, Option<BookId>), Vec<Account>>,
    /// Each account's latest statement (`None`: it has none yet).
    previous: HashMap<AccountId, Option<PreviousStatement>>,
    /// Accounts known to have no order to settle from this date on.
    without_orders_since: HashMap<AccountId, NaiveDate>,
}

impl BatchCache {
    /// Locks `book` in `tx` on first use; afterwards the book with the head this batch moved it to.
    pub async fn lock_book(&mut self, tx: &mut Tx, book: BookId) -> ServiceResult<&mut Book> {
        match self.locked.entry(book) {
            Entry::Occupied(slot) => Ok(slot.into_mut()),
            Entry::Vacant(slot) => Ok(slot.insert(tx.lock_book(book).await?)),
        }
    }

    /// The settings of `book`, which the caller has locked in `tx`, read on first use.
    pub async fn settings(&mut self, tx: &mut Tx, book: &Book) -> ServiceResult<&BookSettings> {
        if let Entry::Vacant(slot) = self.settings.entry(book.id) {
            let accounts = tx.accounts(book.id).await?;
            let rules = ordered(tx.rules_for(book.office_id, Some(book.id)).await?);
            let accounts_by_id = accounts.iter().map(|account| (account.id, account.clone())).collect();
            slot.insert(BookSettings {
                accounts,
                accounts_by_id,
                rules,
            });
        }
        Ok(&self.settings[&book.id])
    }

    /// The locked book and its settings together, for posting to it.
    pub fn book_and_settings(&mut self, book: BookId) -> (&mut Book, &BookSettings) {
        let locked = self.locked.get_mut(&book).expect("BUG: lock_book first");
        let settings = self.settings.get(&book).expect("BUG: settings first");
        (locked, settings)
    }

    pub async fn money_accounts_by_iban(
        &mut self,
        tx: &mut Tx,
        iban: &str,
        book: Option<BookId>,
    ) -> ServiceResult<Vec<Account>> {
        let key = (iban.to_owned(), book);
        if let Some(accounts) = self.accounts_by_iban.get(&key) {
            return Ok(accounts.clone());
        }
        let accounts = tx.money_accounts_by_iban(iban, book).await?;
        self.accounts_by_iban.insert(key, accounts.clone());
        Ok(accounts)
    }

    pub async fn previous_statement(
        &mut self,
        tx: &mut Tx,
        account: AccountId,
    ) -> ServiceResult<Option<PreviousStatement>> {
        if let Some(previous) = self.previous.get(&account) {
            return Ok(previous.clone());
        }
        let previous = tx.previous_statement(account).await?;
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
            *known = Some(stored);
        }
    }

    /// The orders `account` may settle from `since` on; the query is skipped when an earlier one
    /// found none from an earlier date (the import itself never opens an order).
    pub async fn open_orders(
        &mut self,
        tx: &mut Tx,
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
        let orders = tx.open_orders(account, since).await?;
        if orders.is_empty() {
            self.without_orders_since.insert(account, since);
        }
        Ok(orders)
    }

    /// Drops what a refused file may have changed: chain heads and latest statements are read
    /// again from the database, which the savepoint's rollback put back.
    pub fn forget_writes(&mut self) {
        self.locked.clear();
        self.previous.clear();
    }
}
