//! Journal entries and the rules every one of them obeys before it may be posted.
//!
//! Postings are signed: positive debits, negative credits. An entry balances per currency, has at
//! least two postings, none of them zero, each on an open account of the entry's own book in that
//! account's currency, and is dated after the book's locked period. Each rule that fails has its
//! own named rejection, so a caller (a person, an import) can react to it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use super::account::Account;
use super::ids::{AccountId, BookId, EntryId};
use super::money::{Currency, Money};

pub const DESCRIPTION_LENGTH_MAX: usize = 500;
pub const REFERENCE_LENGTH_MAX: usize = 200;
pub const POSTINGS_PER_ENTRY_MAX: usize = 1000;

/// Where an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntrySource {
    Opening,
    Import,
    Payment,
    Manual,
    Reversal,
    Adjustment,
}

impl EntrySource {
    pub const ALL: [EntrySource; 6] = [
        EntrySource::Opening,
        EntrySource::Import,
        EntrySource::Payment,
        EntrySource::Manual,
        EntrySource::Reversal,
        EntrySource::Adjustment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EntrySource::Opening => "opening",
            EntrySource::Import => "import",
            EntrySource::Payment => "payment",
            EntrySource::Manual => "manual",
            EntrySource::Reversal => "reversal",
            EntrySource::Adjustment => "adjustment",
        }
    }

    pub fn parse(code: &str) -> Option<EntrySource> {
        EntrySource::ALL.into_iter().find(|source| source.code() == code)
    }
}

impl fmt::Display for EntrySource {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

/// Why an entry was refused. Each rule has its own variant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EntryRejection {
    #[error("an entry needs at least two postings; this one has {count}")]
    TooFewPostings { count: usize },
    #[error("an entry may have at most {POSTINGS_PER_ENTRY_MAX} postings; this one has {count}")]
    TooManyPostings { count: usize },
    #[error("posting {line} has a zero amount: leave it out or give it an amount")]
    ZeroAmount { line: usize },
    #[error("posting {line}: {amount} is beyond the largest amount gestio keeps ({ceiling}): check the amount")]
    AmountBeyondCeiling { line: usize, amount: Money, ceiling: Money },
    #[error("the postings do not balance in {currency}: they sum to {difference}, not zero")]
    Unbalanced { currency: Currency, difference: Money },
    #[error("posting {line}: account {account} does not exist in this book")]
    UnknownAccount { line: usize, account: AccountId },
    #[error("posting {line}: account {code} is closed; post to an open account")]
    ClosedAccount { line: usize, code: String },
    #[error("posting {line}: account {account} belongs to book {account_book}, not to book {book}")]
    AccountOfAnotherBook {
        line: usize,
        account: AccountId,
        account_book: BookId,
        book: BookId,
    },
    #[error("posting {line}: account {code} is kept in {account_currency}, not in {posting_currency}")]
    CurrencyMismatch {
        line: usize,
        code: String,
        account_currency: Currency,
        posting_currency: Currency,
    },
    #[error(
        "the entry is dated {date}, inside the period locked through {locked_through}; date it after {locked_through} and mark it as an adjustment"
    )]
    InsideLockedPeriod { date: NaiveDate, locked_through: NaiveDate },
    #[error("the entry is dated {date}, before the book was opened on {opened_on} with the opening inventory")]
    BeforeOpening { date: NaiveDate, opened_on: NaiveDate },
    #[error("the entry is for book {entry_book} but was posted to book {book}")]
    WrongBook { entry_book: BookId, book: BookId },
    #[error("the description must not be empty")]
    EmptyDescription,
    #[error("the {field} is longer than {max} characters")]
    TextTooLong { field: &'static str, max: usize },
    #[error("the amounts overflow: the sum in {currency} is too large to hold")]
    Overflow { currency: Currency },
    #[error("entry {entry} was already reversed by entry {by}")]
    AlreadyReversed { entry: EntryId, by: EntryId },
    #[error("entry {entry} is itself a reversal; to undo it, post the original entry again")]
    ReversalOfReversal { entry: EntryId },
}

/// One line of an entry: an amount on an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posting {
    pub account_id: AccountId,
    pub amount: Money,
}

/// An entry as a caller proposes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryDraft {
    pub book_id: BookId,
    pub date: NaiveDate,
    pub description: String,
    pub source: EntrySource,
    pub source_ref: Option<String>,
    pub receipt: Option<String>,
    pub author: String,
    pub reverses: Option<EntryId>,
    pub postings: Vec<Posting>,
}

/// What the validator needs to know about the book: its id, locked period and accounts.
pub struct BookRules<'a> {
    pub book_id: BookId,
    pub opened_on: NaiveDate,
    pub locked_through: Option<NaiveDate>,
    pub accounts: &'a HashMap<AccountId, Account>,
}

/// An entry that passed every rule. Only `validate` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEntry(EntryDraft);

impl ValidEntry {
    pub fn draft(&self) -> &EntryDraft {
        &self.0
    }

    pub fn into_draft(self) -> EntryDraft {
        self.0
    }
}

pub fn validate(draft: EntryDraft, rules: &BookRules<'_>) -> Result<ValidEntry, EntryRejection> {
    if draft.book_id != rules.book_id {
        return Err(EntryRejection::WrongBook {
            entry_book: draft.book_id,
            book: rules.book_id,
        });
    }
    check_texts(&draft)?;
    check_posting_count(&draft.postings)?;
    if draft.date < rules.opened_on {
        return Err(EntryRejection::BeforeOpening {
            date: draft.date,
            opened_on: rules.opened_on,
        });
    }
    if let Some(locked_through) = rules.locked_through.filter(|locked| draft.date <= *locked) {
        return Err(EntryRejection::InsideLockedPeriod {
            date: draft.date,
            locked_through,
        });
    }
    for (index, posting) in draft.postings.iter().enumerate() {
        check_posting(index + 1, posting, rules)?;
    }
    check_balance(&draft.postings)?;
    Ok(ValidEntry(draft))
}

fn check_texts(draft: &EntryDraft) -> Result<(), EntryRejection> {
    if draft.description.trim().is_empty() {
        return Err(EntryRejection::EmptyDescription);
    }
    let too_long = |text: &str, max: usize| text.chars().count() > max;
    if too_long(&draft.description, DESCRIPTION_LENGTH_MAX) {
        return Err(EntryRejection::TextTooLong {
            field: "description",
            max: DESCRIPTION_LENGTH_MAX,
        });
    }
    for (field, text) in [
        ("source reference", &draft.source_ref),
        ("receipt number", &draft.receipt),
    ] {
        if text.as_deref().is_some_and(|text| too_long(text, REFERENCE_LENGTH_MAX)) {
            return Err(EntryRejection::TextTooLong {
                field,
                max: REFERENCE_LENGTH_MAX,
            });
        }
    }
    if too_long(&draft.author, REFERENCE_LENGTH_MAX) {
        return Err(EntryRejection::TextTooLong {
            field: "author",
            max: REFERENCE_LENGTH_MAX,
        });
    }
    Ok(())
}

fn check_posting_count(postings: &[Posting]) -> Result<(), EntryRejection> {
    match postings.len() {
        count if count < 2 => Err(EntryRejection::TooFewPostings { count }),
        count if count > POSTINGS_PER_ENTRY_MAX => Err(EntryRejection::TooManyPostings { count }),
        _ => Ok(()),
    }
}

fn check_posting(line: usize, posting: &Posting, rules: &BookRules<'_>) -> Result<(), EntryRejection> {
    if posting.amount.is_zero() {
        return Err(EntryRejection::ZeroAmount { line });
    }
    if !posting.amount.is_within_ceiling() {
        return Err(EntryRejection::AmountBeyondCeiling {
            line,
            amount: posting.amount,
            ceiling: Money::ceiling(posting.amount.currency()),
        });
    }
    let account = rules
        .accounts
        .get(&posting.account_id)
        .ok_or(EntryRejection::UnknownAccount {
            line,
            account: posting.account_id,
        })?;
    if account.book_id != rules.book_id {
        return Err(EntryRejection::AccountOfAnotherBook {
            line,
            account: account.id,
            account_book: account.book_id,
            book: rules.book_id,
        });
    }
    if account.closed {
        return Err(EntryRejection::ClosedAccount {
            line,
            code: account.code.clone(),
        });
    }
    if account.currency != posting.amount.currency() {
        return Err(EntryRejection::CurrencyMismatch {
            line,
            code: account.code.clone(),
            account_currency: account.currency,
            posting_currency: posting.amount.currency(),
        });
    }
    Ok(())
}

/// Sums the postings per currency; every sum must be zero.
pub fn check_balance(postings: &[Posting]) -> Result<(), EntryRejection> {
    let mut sums: BTreeMap<Currency, Money> = BTreeMap::new();
    for posting in postings {
        let currency = posting.amount.currency();
        let sum = sums.entry(currency).or_insert(Money::zero(currency));
        *sum = sum
            .checked_add(posting.amount)
            .map_err(|_| EntryRejection::Overflow { currency })?;
    }
    match sums.into_iter().find(|(_, sum)| !sum.is_zero()) {
        Some((currency, difference)) => Err(EntryRejection::Unbalanced { currency, difference }),
        None => Ok(()),
    }
}

/// A posted entry, as stored: with its id, its place in the book's chain and its hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalEntry {
    pub id: EntryId,
    pub book_id: BookId,
    pub sequence: i64,
    pub date: NaiveDate,
    pub description: String,
    pub source: EntrySource,
    pub source_ref: Option<String>,
    pub receipt: Option<String>,
    pub author: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub reverses: Option<EntryId>,
    pub postings: Vec<Posting>,
    pub previous_hash: String,
    pub hash: String,
}

/// The mirror of `original`: every posting negated, pointing back at it. It is dated `date`
/// (today, usually), so a mistake in a locked period is corrected in the open one.
pub fn reversal_of(
    original: &JournalEntry,
    date: NaiveDate,
    author: &str,
    reason: Option<&str>,
) -> Result<EntryDraft, EntryRejection> {
    if original.source == EntrySource::Reversal {
        return Err(EntryRejection::ReversalOfReversal { entry: original.id });
    }
    let postings = original
        .postings
        .iter()
        .map(|posting| {
            let currency = posting.amount.currency();
            let amount = posting
                .amount
                .checked_neg()
                .map_err(|_| EntryRejection::Overflow { currency })?;
            Ok(Posting {
                account_id: posting.account_id,
                amount,
            })
        })
        .collect::<Result<Vec<_>, EntryRejection>>()?;
    let description = match reason.map(str::trim).filter(|reason| !reason.is_empty()) {
        Some(reason) => format!("Reversal of entry {}: {reason}", original.id),
        None => format!("Reversal of entry {}: {}", original.id, original.description),
    };
    Ok(EntryDraft {
        book_id: original.book_id,
        date,
        description: description.chars().take(DESCRIPTION_LENGTH_MAX).collect(),
        source: EntrySource::Reversal,
        source_ref: Some(original.id.to_string()),
        receipt: None,
        author: author.to_owned(),
        reverses: Some(original.id),
        postings,
    })
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;

/// For tests elsewhere in the domain: a `ValidEntry` without a book to check it against.
#[cfg(test)]
pub(crate) mod tests_support {
    pub fn valid(draft: super::EntryDraft) -> super::ValidEntry {
        super::ValidEntry(draft)
    }
}
