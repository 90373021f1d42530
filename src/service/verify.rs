//! `gestio verify`: recompute every book's hash chain and running totals from the stored rows.

use serde::Serialize;

use super::ServiceResult;
use crate::domain::chain::{ChainBreak, ChainVerifier};
use crate::domain::ids::BookId;
use crate::domain::money::Money;
use crate::storage::{EntryFilter, Store, StoreError};

/// Entries read per round trip while walking a chain.
const VERIFY_PAGE_ENTRIES: i64 = 1000;

#[derive(Debug, Clone, Serialize)]
pub struct BookVerification {
    pub book: BookId,
    pub entries_checked: i64,
    /// Empty when the book is sound; otherwise the first break of the chain, then any account
    /// whose running total differs from its postings.
    pub problems: Vec<String>,
}

impl BookVerification {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Verifies one book, or every book when `book` is `None`.
pub async fn verify(store: &Store, book: Option<BookId>) -> ServiceResult<Vec<BookVerification>> {
    let books = {
        let mut tx = store.begin_read().await?;
        let books = match book {
            Some(id) => vec![tx.book(id).await?],
            None => tx.books(None).await?,
        };
        tx.commit().await?;
        books
    };
    let mut results = Vec::with_capacity(books.len());
    for book in books {
        results.push(verify_book(store, book.id).await?);
    }
    Ok(results)
}

async fn verify_book(store: &Store, id: BookId) -> ServiceResult<BookVerification> {
    let mut tx = store.begin_read().await?;
    let book = tx.book(id).await?;
    let mut verifier = ChainVerifier::new(id);
    let mut problems = Vec::new();
    let mut entries_checked = 0;
    let mut after_sequence = 0;
    let chain_result: Result<(), ChainBreak> = loop {
        let filter = EntryFilter {
            after_sequence: Some(after_sequence),
            limit: Some(VERIFY_PAGE_ENTRIES),
            ..EntryFilter::default()
        };
        let page = match tx.entries(id, filter).await {
            Ok(page) => page,
            Err(StoreError::Corrupt { what, id: row, detail }) => {
                problems.push(format!("{what} {row} (book {id}) fails its checks: {detail}"));
                break Ok(());
            }
            Err(other) => return Err(other.into()),
        };
        let Some(last) = page.last() else {
            break verifier.finish(book.head_sequence, &book.head_hash);
        };
        after_sequence = last.sequence;
        if let Some(broken) = page.iter().find_map(|entry| {
            entries_checked += 1;
            verifier.check(entry).err()
        }) {
            break Err(broken);
        }
    };
    if let Err(broken) = chain_result {
        problems.push(broken.to_string());
    }
    problems.extend(total_mismatches(&mut tx, id).await?);
    tx.commit().await?;
    Ok(BookVerification {
        book: id,
        entries_checked,
        problems,
    })
}

async fn total_mismatches(tx: &mut crate::storage::Tx, book: BookId) -> Result<Vec<String>, StoreError> {
    let recorded = tx.account_totals(book).await?;
    let computed = tx.posting_totals(book, None).await?;
    let accounts = tx.accounts(book).await?;
    Ok(accounts
        .iter()
        .filter_map(|account| {
            let recorded_minor = recorded.get(&account.id).copied().unwrap_or(0);
            let computed_minor = computed.get(&account.id).copied().unwrap_or(0);
            (recorded_minor != computed_minor).then(|| {
                ChainBreak::BalanceMismatch {
                    book,
                    code: account.code.clone(),
                    recorded: Money::from_minor(recorded_minor, account.currency).to_string(),
                    computed: Money::from_minor(computed_minor, account.currency).to_string(),
                }
                .to_string()
            })
        })
        .collect())
}
