//! Use cases. Each runs in one db transaction: it all happens, or none of it does.
//!
//! Time comes in as a parameter (`now`, `today`): the clock is read at the CLI and HTTP edges.

use thiserror::Error;

use crate::domain::account::AccountError;
use crate::domain::book::LockError;
use crate::domain::ledger::EntryRejection;
use crate::domain::mandate::MandateError;
use crate::domain::money::MoneyError;
use crate::domain::opening::OpeningError;
use crate::domain::party::PartyError;
use crate::storage::StoreError;

pub mod caseload;
pub mod demo;
pub mod ledger;
pub mod parties;
pub mod verify;

#[derive(Debug, Error)]
pub enum ServiceError {
    #[error("the entry was refused: {0}")]
    Entry(#[from] EntryRejection),
    #[error("{0}")]
    Party(#[from] PartyError),
    #[error("{0}")]
    Mandate(#[from] MandateError),
    #[error("{0}")]
    Account(#[from] AccountError),
    #[error("{0}")]
    Opening(#[from] OpeningError),
    #[error("{0}")]
    Money(#[from] MoneyError),
    #[error("{0}")]
    Iban(#[from] crate::domain::iban::IbanError),
    #[error("{0}")]
    Lock(#[from] LockError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl ServiceError {
    /// True for errors the caller can fix by changing the input (as opposed to a missing record,
    /// a conflict or a failure of the database).
    pub fn is_invalid_input(&self) -> bool {
        !matches!(self, ServiceError::Store(_) | ServiceError::Lock(_))
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// The time stored with an entry: cut to microseconds, which both databases keep exactly, so
/// the hash chain verifies after a round trip.
pub fn recording_time(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    now.trunc_subsecs(6)
}
