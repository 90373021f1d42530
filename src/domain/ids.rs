//! Typed ids, so an account id can never be passed where an entry id is expected. Each names its
//! record in one word, used both where a record is missing and where a caller may not know it, so
//! that the two answers cannot drift apart (a hidden record must answer as a missing one).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An id of a stored record, and the word for that record in messages ("filing 7 does not exist").
pub trait RecordId: Copy + fmt::Display {
    const NOUN: &'static str;
}

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident => $noun:literal;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, formatter)
            }
        }

        impl RecordId for $name {
            const NOUN: &'static str = $noun;
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.trim().parse().map(Self)
            }
        }
    )+};
}

id_type! {
    /// An organisation running gestio: an office social, a Betreuungsverein…
    OfficeId => "office";
    /// A person whose money the office manages.
    BeneficiaryId => "beneficiary";
    /// The legal ground for managing a beneficiary's money.
    MandateId => "mandate";
    /// One beneficiary's double-entry ledger.
    BookId => "book";
    /// An account of a book's chart.
    AccountId => "account";
    /// A journal entry.
    EntryId => "entry";
    /// Someone the office pays on a beneficiary's behalf.
    CreditorId => "creditor";
    /// A recurring or one-off payment of a book.
    ScheduleId => "schedule";
    /// One payment run: the orders planned for an execution date.
    PaymentRunId => "payment run";
    /// One payment to one creditor, ordered in a run.
    PaymentOrderId => "payment order";
    /// A pain.001 file as produced and stored.
    PaymentFileId => "payment file";
    /// A court, as the instance's administrator recorded it.
    CourtId => "court";
    /// A periodic account as filed with the court.
    FilingId => "filing";
    /// A receipt or invoice attached to an entry.
    EvidenceId => "evidence";
    /// A person who signs in.
    UserId => "user";
    /// A bank file as imported, with its statements.
    ImportId => "import";
}
