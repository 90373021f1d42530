//! What an import batch reads once per book instead of once per statement: the chart of
//! accounts and the categorisation rules.
//!
//! Reading them again for each statement was a third of the queries of an import. Keeping them for
//! the batch is safe because they are loaded only after the book is locked in the batch's db
//! transaction: closing an account locks the book first, so the chart cannot change under the
//! batch; a rule added meanwhile applies from the next batch, as if it had been added a moment later.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::domain::account::{Account, ReportCategory};
use crate::domain::book::Book;
use crate::domain::ids::{AccountId, BookId};
use crate::import::rules::{Rule, ordered};
use crate::service::ServiceResult;
use crate::storage::{StoreError, Tx};

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
pub(super) struct BookCache {
    books: HashMap<BookId, BookSettings>,
}

impl BookCache {
    /// The settings of `book`, which the caller has locked in `tx`, read on first use.
    pub async fn settings(&mut self, tx: &mut Tx, book: &Book) -> ServiceResult<&BookSettings> {
        if let Entry::Vacant(slot) = self.books.entry(book.id) {
            let accounts = tx.accounts(book.id).await?;
            let rules = ordered(tx.rules_for(book.office_id, Some(book.id)).await?);
            let accounts_by_id = accounts.iter().map(|account| (account.id, account.clone())).collect();
            slot.insert(BookSettings {
                accounts,
                accounts_by_id,
                rules,
            });
        }
        Ok(&self.books[&book.id])
    }
}
