//! What kind of failure an error is, decided once: the API's status codes and what a page shows
//! both follow from it, so the two cannot disagree (a database failure once was a 500 on the API
//! and its SQL text on the import page). Every variant is named, no wildcard: a new error does not
//! compile until it is classified here.

use super::ServiceError;
use super::payments::PaymentRefusal;
use crate::domain::filing::FilingError;
use crate::storage::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The input breaks a rule; the message says which, and the person can fix it.
    Invalid,
    /// No such record, or one the caller may not know about.
    Missing,
    /// The request conflicts with what is recorded: a duplicate, a locked period, a run already
    /// approved.
    Conflict,
    /// Too busy for this now; the same request may succeed in a moment.
    Busy,
    /// Too many tries: wait.
    Throttled,
    /// A stored record no longer matches what was written: said, never served.
    Tampered,
    /// The server or its database failed: logged, never shown (its text may hold SQL).
    Broken,
}

impl Failure {
    /// The person can act on what the message says by changing what they sent: a page shows it
    /// beside the form. Any other failure gets an error page; a missing record among them, so
    /// that a record hidden from the caller answers exactly as one that does not exist (404).
    pub fn is_for_the_person(self) -> bool {
        match self {
            Failure::Invalid | Failure::Conflict => true,
            Failure::Missing | Failure::Busy | Failure::Throttled | Failure::Tampered | Failure::Broken => false,
        }
    }
}

impl ServiceError {
    pub fn failure(&self) -> Failure {
        match self {
            ServiceError::Entry(_)
            | ServiceError::Party(_)
            | ServiceError::Mandate(_)
            | ServiceError::Account(_)
            | ServiceError::Opening(_)
            | ServiceError::Money(_)
            | ServiceError::Iban(_)
            | ServiceError::Import(_)
            | ServiceError::Rule(_)
            | ServiceError::User(_)
            | ServiceError::Assignment(_)
            | ServiceError::Budget(_)
            | ServiceError::Evidence(_) => Failure::Invalid,
            ServiceError::Payment(refusal) => refusal.failure(),
            ServiceError::Filing(refusal) => filing_failure(refusal),
            ServiceError::Lock(_) | ServiceError::Undo(_) => Failure::Conflict,
            ServiceError::Busy => Failure::Busy,
            ServiceError::Throttled => Failure::Throttled,
            ServiceError::Tampered { .. } => Failure::Tampered,
            // A document too long for a PDF is the person's to shorten (or to take as CSV).
            ServiceError::Pdf(crate::render::pdf::PdfError::TooLarge { .. }) => Failure::Invalid,
            ServiceError::ImportBatchFailed(_)
            | ServiceError::Password(_)
            | ServiceError::Pdf(crate::render::pdf::PdfError::Data(_) | crate::render::pdf::PdfError::Typeset(_))
            | ServiceError::Html(_)
            | ServiceError::Audit(_) => Failure::Broken,
            ServiceError::Store(store) => store.failure(),
        }
    }

    /// See [`Failure::is_for_the_person`].
    pub fn is_for_the_person(&self) -> bool {
        self.failure().is_for_the_person()
    }
}

impl PaymentRefusal {
    fn failure(&self) -> Failure {
        match self {
            // Approving twice, or by the one who prepared it, conflicts with the run's state.
            PaymentRefusal::AlreadyApproved { .. } | PaymentRefusal::SameApprover { .. } => Failure::Conflict,
            PaymentRefusal::Creditor(_)
            | PaymentRefusal::Schedule(_)
            | PaymentRefusal::CreditorElsewhere { .. }
            | PaymentRefusal::CurrencyMismatch { .. }
            | PaymentRefusal::NotAPayingAccount { .. }
            | PaymentRefusal::ExpectedIncome(_)
            | PaymentRefusal::AmbiguousEnding
            | PaymentRefusal::NegativeSetting(_)
            | PaymentRefusal::DateInPast { .. } => Failure::Invalid,
        }
    }
}

fn filing_failure(refusal: &FilingError) -> Failure {
    match refusal {
        FilingError::AlreadyLocked { .. } => Failure::Conflict,
        FilingError::BookKeptChanging { .. } => Failure::Busy,
        FilingError::PeriodReversed { .. }
        | FilingError::PeriodNotOver { .. }
        | FilingError::BeyondStatements { .. }
        | FilingError::NotLocked { .. }
        | FilingError::OtherBook { .. }
        | FilingError::UnknownVerdict(_)
        | FilingError::RemarksWithoutText => Failure::Invalid,
    }
}

impl StoreError {
    pub fn failure(&self) -> Failure {
        match self {
            StoreError::NotFound { .. } => Failure::Missing,
            StoreError::Duplicate { .. } => Failure::Conflict,
            StoreError::NulInText => Failure::Invalid,
            // Use cases try again a few times first; what still meets contention is busy, not broken.
            StoreError::Contention | StoreError::TimedOut => Failure::Busy,
            StoreError::Corrupt { .. }
            | StoreError::Unreadable { .. }
            | StoreError::UnsupportedUrl { .. }
            | StoreError::Migration(_)
            | StoreError::KeyMismatch { .. }
            | StoreError::Database(_) => Failure::Broken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_failure_is_never_for_the_person_and_a_refusal_always_is() {
        let broken = ServiceError::ImportBatchFailed("near \"SELEC\": syntax error".to_owned());
        assert_eq!(broken.failure(), Failure::Broken);
        assert!(!broken.is_for_the_person());
        let database = ServiceError::Store(StoreError::Database(sqlx::Error::PoolTimedOut));
        assert!(!database.is_for_the_person());
        let duplicate = ServiceError::Store(StoreError::Duplicate {
            what: "a user",
            detail: "login".to_owned(),
        });
        assert_eq!(duplicate.failure(), Failure::Conflict);
        assert!(duplicate.is_for_the_person());
        assert_eq!(ServiceError::Busy.failure(), Failure::Busy);
        let approved = ServiceError::Payment(PaymentRefusal::AlreadyApproved { run: "3".to_owned() });
        assert_eq!(approved.failure(), Failure::Conflict);
    }
}
