//! One entry as a person checking it needs it: its postings with their accounts, the receipts
//! attached to it, and whether it was reversed.

use super::ServiceResult;
use crate::domain::account::Account;
use crate::domain::evidence::EvidenceFile;
use crate::domain::ids::{BookId, EntryId};
use crate::domain::ledger::JournalEntry;
use crate::storage::{Store, StoreError};

pub struct EntryDetail {
    pub entry: JournalEntry,
    /// The book's accounts, to name the postings' accounts.
    pub accounts: Vec<Account>,
    pub evidence: Vec<EvidenceFile>,
    /// The entry that reversed this one, if any.
    pub reversed_by: Option<EntryId>,
}

/// Reads `entry` of `book` in one read transaction; an entry of another book is not found, so a
/// path cannot pair a book the caller may read with someone else's entry.
pub async fn entry_detail(store: &Store, book: BookId, entry: EntryId) -> ServiceResult<EntryDetail> {
    let mut tx = store.begin_read().await?;
    let found = tx.entry(entry).await?;
    if found.book_id != book {
        return Err(StoreError::missing(entry).into());
    }
    let accounts = tx.accounts(book).await?;
    let evidence = tx.evidence_of_entry(entry).await?;
    let reversed_by = tx.reversal_of(entry).await?;
    tx.commit().await?;
    Ok(EntryDetail {
        entry: found,
        accounts,
        evidence,
        reversed_by,
    })
}
