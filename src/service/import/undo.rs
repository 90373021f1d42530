//! Undoing an import, in one db transaction: every entry it booked is reversed (its
//! categorisations first), dated as the entry it reverses so each day's balance is as it was;
//! its statements and lines are withdrawn, so the same file can be imported again. Lines it
//! matched to entries made by hand are withdrawn too; those entries stay, as the counsellor made
//! them. Refused inside a filed period, for an import that settled payments sent to the bank
//! (their state would have to go back too), and for one whose lines' categorisation was undone
//! (the line waits again, from the undoing entry): reverse those entries one by one instead.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use crate::domain::ids::{BookId, EntryId, ImportId};
use crate::domain::ledger::{JournalEntry, reversal_of};
use crate::service::ledger::post_entries_in_tx;
use crate::service::{ServiceError, ServiceResult};
use crate::storage::{Store, StoreError, Tx};

/// Why an import cannot be undone. Nothing was changed.
#[derive(Debug, Error)]
pub enum UndoRefusal {
    #[error("import {import} was already undone on {at}")]
    AlreadyUndone { import: ImportId, at: DateTime<Utc> },
    #[error(
        "import {import} settled {count} payment(s) sent to the bank, so it cannot be undone as a whole: reverse its entries one by one"
    )]
    SettledPayments { import: ImportId, count: i64 },
    #[error(
        "the categorisation of {count} line(s) of import {import} was undone, so the import cannot be undone as a whole: reverse its entries one by one"
    )]
    Reopened { import: ImportId, count: usize },
    #[error(
        "import {import} booked lines dated on or before {through}, a period filed with the court, so it cannot be undone: post a correction in the open period instead"
    )]
    LockedPeriod { import: ImportId, through: NaiveDate },
}

/// What an undo did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndoSummary {
    /// Entries of the import reversed.
    pub entries: usize,
    /// Categorisations of its lines reversed.
    pub categorisations: usize,
}

/// Undoes import `id` on behalf of `author`; `writable` lists the books they may write to (an
/// import touching any other answers as missing), `None` for the server's operator.
#[tracing::instrument(skip_all, fields(import = %id))]
pub async fn undo_import(
    store: &Store,
    id: ImportId,
    writable: Option<&[BookId]>,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<UndoSummary> {
    let mut tx = store.begin_write().await?;
    let books = tx.import_books(id).await?;
    let allowed = writable.is_none_or(|writable| books.iter().all(|book| writable.contains(book)));
    let Some(undone_at) = tx.import_undone_at(id).await?.filter(|_| allowed) else {
        return Err(StoreError::missing(id).into());
    };
    tx.lock_books_in_order(&books).await?;
    if let Some(at) = undone_at {
        return Err(ServiceError::Undo(UndoRefusal::AlreadyUndone { import: id, at }));
    }
    let settled = tx.import_settled_orders(id).await?;
    if settled > 0 {
        return Err(ServiceError::Undo(UndoRefusal::SettledPayments {
            import: id,
            count: settled,
        }));
    }
    let (reopened, categorised): (Vec<_>, Vec<_>) = tx
        .import_categorisations(id)
        .await?
        .into_iter()
        .partition(|(_, reversed)| *reversed);
    if !reopened.is_empty() {
        return Err(ServiceError::Undo(UndoRefusal::Reopened {
            import: id,
            count: reopened.len(),
        }));
    }
    let categorisation_ids = categorised.into_iter().map(|(entry, _)| entry).collect();
    let categorisations = read_entries(&mut tx, categorisation_ids).await?;
    let entry_ids = tx.import_entries(id).await?;
    let entries = read_entries(&mut tx, entry_ids).await?;
    check_open(&mut tx, id, categorisations.iter().chain(&entries)).await?;
    let summary = UndoSummary {
        entries: entries.len(),
        categorisations: categorisations.len(),
    };
    let reason = format!("import {id} undone");
    let mut drafts: BTreeMap<BookId, Vec<_>> = BTreeMap::new();
    for original in categorisations.iter().chain(&entries) {
        drafts
            .entry(original.book_id)
            .or_default()
            .push(reversal_of(original, original.date, author, Some(&reason))?);
    }
    for (book, drafts) in drafts {
        post_entries_in_tx(&mut tx, book, drafts, now).await?;
    }
    tx.withdraw_import(id, author, now).await?;
    tx.commit().await?;
    Ok(summary)
}

async fn read_entries(tx: &mut Tx, ids: Vec<EntryId>) -> ServiceResult<Vec<JournalEntry>> {
    let mut entries = Vec::with_capacity(ids.len());
    for id in ids {
        entries.push(tx.entry(id).await?);
    }
    Ok(entries)
}

/// Refuses when any entry to reverse lies in a period its book has filed.
async fn check_open<'a>(
    tx: &mut Tx,
    id: ImportId,
    entries: impl Iterator<Item = &'a JournalEntry>,
) -> ServiceResult<()> {
    let mut locked: BTreeMap<BookId, Option<NaiveDate>> = BTreeMap::new();
    for entry in entries {
        let through = match locked.get(&entry.book_id) {
            Some(through) => *through,
            None => {
                let through = tx.book(entry.book_id).await?.locked_through;
                locked.insert(entry.book_id, through);
                through
            }
        };
        if let Some(through) = through.filter(|through| entry.date <= *through) {
            return Err(ServiceError::Undo(UndoRefusal::LockedPeriod { import: id, through }));
        }
    }
    Ok(())
}

/// `book`'s imports, newest first, as its import list shows them.
pub async fn imports_of(store: &Store, book: BookId) -> ServiceResult<Vec<crate::storage::ImportListed>> {
    Ok(store.begin_read().await?.book_imports(book).await?)
}
