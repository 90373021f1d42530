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

pub use failure::Failure;

pub mod audit_log;
pub mod budget;
pub mod caseload;
pub mod categorise;
pub mod courts;
pub mod demo;
mod demo_payments;
pub mod demo_statements;
pub mod demo_users;
pub mod entries;
pub mod evidence;
pub mod failure;
pub mod filing_preview;
pub mod filing_season;
pub mod filings;
pub mod hand_entry;
pub mod import;
pub mod integrity;
pub mod ledger;
pub mod office_settings;
pub mod parties;
pub mod passwords;
pub mod payments;
pub mod reports;
pub mod sealing;
pub mod session_cache;
pub mod sessions;
pub mod statement;
pub mod users;
pub mod verify;

#[derive(Debug, Error)]
pub enum ServiceError {
    /// Not `#[from]`: the rejection is in the message already, and a source would repeat it.
    #[error("the entry was refused: {0}")]
    Entry(EntryRejection),
    #[error(transparent)]
    Party(#[from] PartyError),
    #[error(transparent)]
    Mandate(#[from] MandateError),
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Opening(#[from] OpeningError),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error(transparent)]
    Iban(#[from] crate::domain::iban::IbanError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Import(Box<import::ImportRefusal>),
    /// The database failed during an import batch (not a file's fault): the batch is given up.
    #[error(
        "the database failed during this import ({0}), so nothing of this batch of files was saved: import them again"
    )]
    ImportBatchFailed(String),
    #[error(transparent)]
    Undo(import::UndoRefusal),
    #[error(transparent)]
    Rule(crate::import::rules::RuleError),
    #[error(transparent)]
    Payment(payments::PaymentRefusal),
    #[error(transparent)]
    User(#[from] crate::domain::user::UserError),
    #[error("{0}")]
    Assignment(String),
    #[error("the password could not be hashed: {0}")]
    Password(String),
    #[error(transparent)]
    Budget(#[from] crate::domain::budget::BudgetError),
    #[error(transparent)]
    Filing(#[from] crate::domain::filing::FilingError),
    #[error(transparent)]
    Evidence(#[from] crate::domain::evidence::EvidenceError),
    #[error(transparent)]
    Pdf(#[from] crate::render::pdf::PdfError),
    #[error("the document could not be laid out: {0}")]
    Html(#[from] askama::Error),
    #[error("the audit record could not be written: {0}")]
    Audit(String),
    /// Too many password checks are running or waiting: try again in a moment.
    #[error("the server is checking many passwords at once: try again in a moment")]
    Busy,
    /// A stored record no longer matches what was written (its hash or its seal): someone
    /// changed the database. It is not served.
    #[error(
        "stored {what} {id} no longer matches what was written, so it was not served: {detail}; tell the administrator"
    )]
    Tampered {
        what: &'static str,
        id: i64,
        detail: String,
    },
    /// Too many wrong passwords for this login or from this address.
    #[error("too many wrong passwords for this login or from this address: wait 15 minutes and try again")]
    Throttled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<EntryRejection> for ServiceError {
    fn from(rejection: EntryRejection) -> Self {
        ServiceError::Entry(rejection)
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// How many times a use case is run when the database gives its db transaction up for meeting
/// another (a deadlock or a serialization failure on PostgreSQL).
const CONTENTION_ATTEMPTS: u32 = 4;

/// Runs `use_case` again, after a short pause, each time the database gave its db transaction up
/// for contention (nothing of it was saved), at most [`CONTENTION_ATTEMPTS`] times in all. Only
/// for use cases that are one db transaction from start to end.
pub async fn retrying_contention<T, Run, Attempt>(mut use_case: Run) -> ServiceResult<T>
where
    Run: FnMut() -> Attempt,
    Attempt: std::future::Future<Output = ServiceResult<T>>,
{
    let mut attempt = 1;
    loop {
        match use_case().await {
            Err(ServiceError::Store(StoreError::Contention)) if attempt < CONTENTION_ATTEMPTS => {
                // A pause that grows and differs between the parties, so they do not meet again.
                let jitter = u64::from(getrandom::u32().unwrap_or(0) % 20);
                tokio::time::sleep(std::time::Duration::from_millis(u64::from(attempt) * 20 + jitter)).await;
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}

/// The time stored with an entry: cut to microseconds, which both databases keep exactly, so
/// the hash chain verifies after a round trip.
pub fn recording_time(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    now.trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_use_case_given_up_for_contention_is_run_again_a_bounded_number_of_times() {
        let runs = std::cell::Cell::new(0);
        let outcome = retrying_contention(|| {
            runs.set(runs.get() + 1);
            let run = runs.get();
            async move {
                if run < 3 {
                    Err(ServiceError::Store(StoreError::Contention))
                } else {
                    Ok(run)
                }
            }
        })
        .await;
        assert_eq!(outcome.unwrap(), 3);
        runs.set(0);
        let outcome: ServiceResult<()> = retrying_contention(|| {
            runs.set(runs.get() + 1);
            async { Err(ServiceError::Store(StoreError::Contention)) }
        })
        .await;
        assert!(matches!(outcome, Err(ServiceError::Store(StoreError::Contention))));
        assert_eq!(runs.get(), CONTENTION_ATTEMPTS);
    }
}
