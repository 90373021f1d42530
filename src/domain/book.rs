//! A book: one beneficiary's ledger, with its currency, its locked period and its chain head.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use thiserror::Error;

use super::chain::{ChainFields, entry_hash};
use super::ids::{BeneficiaryId, BookId, OfficeId};
use super::ledger::{EntryDraft, ValidEntry};
use super::money::Currency;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Book {
    pub id: BookId,
    pub office_id: OfficeId,
    pub beneficiary_id: BeneficiaryId,
    pub currency: Currency,
    pub opened_on: NaiveDate,
    pub locked_through: Option<NaiveDate>,
    pub head_sequence: i64,
    pub head_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LockError {
    #[error("book {book} is already locked through {locked_through}; a lock never moves back")]
    WouldMoveBack { book: BookId, locked_through: NaiveDate },
}

impl Book {
    /// Moves the lock forward to `through`; never back, since a filed period stays filed.
    pub fn check_lock(&self, through: NaiveDate) -> Result<(), LockError> {
        match self.locked_through {
            Some(locked_through) if locked_through >= through => Err(LockError::WouldMoveBack {
                book: self.id,
                locked_through,
            }),
            _ => Ok(()),
        }
    }
}

/// An entry with its place in the chain, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEntry {
    pub draft: EntryDraft,
    pub sequence: i64,
    pub recorded_at: DateTime<Utc>,
    pub previous_hash: String,
    pub hash: String,
}

/// Appends `entries` after the head (`head_sequence`, `head_hash`), in order. `recorded_at`
/// should already be cut to microseconds (see `chain::canonical_time`).
pub fn chain_after(
    head_sequence: i64,
    head_hash: &str,
    entries: Vec<ValidEntry>,
    recorded_at: DateTime<Utc>,
) -> Vec<ChainedEntry> {
    let mut previous_hash = head_hash.to_owned();
    let mut sequence = head_sequence;
    entries
        .into_iter()
        .map(|entry| {
            sequence += 1;
            let draft = entry.into_draft();
            let hash = entry_hash(&previous_hash, &ChainFields::of_draft(&draft, sequence, recorded_at));
            let chained = ChainedEntry {
                draft,
                sequence,
                recorded_at,
                previous_hash: previous_hash.clone(),
                hash: hash.clone(),
            };
            previous_hash = hash;
            chained
        })
        .collect()
}
