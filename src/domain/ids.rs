//! Typed ids, so an account id can never be passed where an entry id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
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
    OfficeId;
    /// A person whose money the office manages.
    BeneficiaryId;
    /// The legal ground for managing a beneficiary's money.
    MandateId;
    /// One beneficiary's double-entry ledger.
    BookId;
    /// An account of a book's chart.
    AccountId;
    /// A journal entry.
    EntryId;
    /// Someone the office pays on a beneficiary's behalf.
    CreditorId;
    /// A recurring or one-off payment of a book.
    ScheduleId;
    /// One payment run: the orders planned for an execution date.
    PaymentRunId;
    /// One payment to one creditor, ordered in a run.
    PaymentOrderId;
    /// A pain.001 file as produced and stored.
    PaymentFileId;
    /// A periodic account as filed with the court.
    FilingId;
    /// A receipt or invoice attached to an entry.
    EvidenceId;
}
