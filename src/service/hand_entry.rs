//! An entry typed by hand in the case's form: an amount that goes from one account to another
//! (a rent paid in cash: from the cash box to rent), with its receipt number. A correction of a
//! period already filed with the court is an adjustment: dated in the open period, and naming
//! the filed entry it corrects, so the next account shows it as such.

use chrono::{DateTime, NaiveDate, Utc};

use super::ServiceError;
use crate::domain::ids::{BookId, EntryId};
use crate::domain::ledger::{EntryDraft, EntrySource, JournalEntry, Posting};
use crate::domain::money::Money;
use crate::storage::Store;

/// What the form says, its amount already plain (`1234.50`).
pub struct HandEntry<'a> {
    pub date: NaiveDate,
    pub description: &'a str,
    pub amount: &'a str,
    /// Account codes: where the money comes from, and where it goes.
    pub from: &'a str,
    pub to: &'a str,
    pub receipt: Option<&'a str>,
    /// The filed entry this corrects, for an adjustment.
    pub corrects: Option<EntryId>,
}

/// Which field of the form a refusal belongs to, so the page puts it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandEntryField {
    Date,
    Description,
    Amount,
    Accounts,
    Corrects,
}

/// Posts `entry` to `book` for `author`; a refusal names its field.
pub async fn post_by_hand(
    store: &Store,
    book: BookId,
    entry: HandEntry<'_>,
    author: &str,
    now: DateTime<Utc>,
) -> Result<JournalEntry, (HandEntryField, ServiceError)> {
    let accounts = super::ledger::book_accounts(store, book)
        .await
        .map_err(|error| (HandEntryField::Accounts, error))?;
    let find = |code: &str| {
        accounts
            .iter()
            .find(|account| account.code == code && !account.closed)
            .ok_or_else(|| {
                (
                    HandEntryField::Accounts,
                    crate::storage::StoreError::NotFound {
                        what: "account",
                        id: format!("{code} of book {book}"),
                    }
                    .into(),
                )
            })
    };
    let (from, to) = (find(entry.from)?, find(entry.to)?);
    let amount = Money::parse(entry.amount, to.currency).map_err(|error| (HandEntryField::Amount, error.into()))?;
    let credit = amount
        .checked_neg()
        .map_err(|error| (HandEntryField::Amount, error.into()))?;
    let (source, source_ref) = match entry.corrects {
        Some(corrected) => {
            let reference = super::ledger::correction_reference(store, book, corrected)
                .await
                .map_err(|error| (HandEntryField::Corrects, error))?;
            (EntrySource::Adjustment, Some(reference))
        }
        None => (EntrySource::Manual, None),
    };
    let draft = EntryDraft {
        book_id: book,
        date: entry.date,
        description: entry.description.trim().to_owned(),
        source,
        source_ref,
        receipt: entry
            .receipt
            .map(str::trim)
            .filter(|receipt| !receipt.is_empty())
            .map(str::to_owned),
        author: author.to_owned(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: to.id,
                amount,
            },
            Posting {
                account_id: from.id,
                amount: Money::from_minor(credit.minor(), from.currency),
            },
        ],
    };
    super::ledger::post_entry(store, draft, now)
        .await
        .map_err(|error| (field_of(&error), error))
}

/// The field a refusal of the entry belongs to: a date outside the book's open period to the
/// date, a description to the description, the rest to the accounts.
fn field_of(error: &ServiceError) -> HandEntryField {
    use crate::domain::ledger::EntryRejection;
    match error {
        ServiceError::Entry(EntryRejection::BeforeOpening { .. } | EntryRejection::InsideLockedPeriod { .. }) => {
            HandEntryField::Date
        }
        ServiceError::Entry(EntryRejection::EmptyDescription | EntryRejection::TextTooLong { .. }) => {
            HandEntryField::Description
        }
        ServiceError::Entry(
            EntryRejection::Unbalanced { .. }
            | EntryRejection::ZeroAmount { .. }
            | EntryRejection::AmountBeyondCeiling { .. }
            | EntryRejection::Overflow { .. },
        )
        | ServiceError::Money(_) => HandEntryField::Amount,
        _ => HandEntryField::Accounts,
    }
}
