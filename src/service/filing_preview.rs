//! The account of a period as the counsellor sees it before filing: refused outright when the
//! period cannot be filed (dates reversed, not over, beyond the statements, already locked), else
//! with the warnings (⚠) that filing must confirm by name — a difference with the bank, lines
//! not yet categorised, receipts missing. Filing locks the period for good: nothing goes to the
//! court unseen.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use super::reports::{PeriodicAccount, account_in};
use crate::domain::filing::{check_can_file, check_period};
use crate::domain::ids::BookId;
use crate::domain::report::Period;
use crate::storage::Store;

/// What the preview warns of, in the order it lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingWarning {
    /// The books and the bank's statement disagree on a money account at the period's end.
    BankDifference { code: String, difference_minor: i64 },
    /// No statement of this money account ends within the period: its balance is unchecked.
    NoStatement { code: String },
    /// Imported lines still waiting for a category at the period's end (their sum).
    WaitingLines { amount_minor: i64 },
    /// Disbursements above the receipt threshold without a receipt.
    MissingReceipts { count: usize },
    /// The opening differs from the closing of the account filed before.
    OpeningDiffers { count: usize },
    /// Gaps between the statements of the period not yet explained.
    StatementGaps { count: usize },
    /// A money account does not add up (opening + in − out ≠ closing).
    DoesNotAddUp,
}

impl FilingWarning {
    /// A short code naming the warning, for the confirmation a filing carries.
    pub fn code(&self) -> String {
        match self {
            FilingWarning::BankDifference { code, .. } => format!("bank-difference:{code}"),
            FilingWarning::NoStatement { code } => format!("no-statement:{code}"),
            FilingWarning::WaitingLines { .. } => "waiting-lines".to_owned(),
            FilingWarning::MissingReceipts { .. } => "missing-receipts".to_owned(),
            FilingWarning::OpeningDiffers { .. } => "opening-differs".to_owned(),
            FilingWarning::StatementGaps { .. } => "statement-gaps".to_owned(),
            FilingWarning::DoesNotAddUp => "does-not-add-up".to_owned(),
        }
    }
}

/// The warnings a confirmation names, as one text: a filing confirmed for other warnings than
/// the ones found now (a statement came in meanwhile) is not taken.
pub fn confirmation(warnings: &[FilingWarning]) -> String {
    warnings.iter().map(FilingWarning::code).collect::<Vec<_>>().join(" ")
}

/// The warnings of an account, in the order the preview lists them.
pub fn warnings(account: &PeriodicAccount) -> Vec<FilingWarning> {
    let mut warnings = Vec::new();
    for check in &account.bank_checks {
        match check.difference_minor {
            Some(0) => {}
            Some(difference_minor) => warnings.push(FilingWarning::BankDifference {
                code: check.code.clone(),
                difference_minor,
            }),
            None => warnings.push(FilingWarning::NoStatement {
                code: check.code.clone(),
            }),
        }
    }
    if account.data.suspense_at_end != 0 {
        warnings.push(FilingWarning::WaitingLines {
            amount_minor: account.data.suspense_at_end,
        });
    }
    let missing = account
        .data
        .entries
        .iter()
        .filter(|entry| entry.evidence_missing)
        .count();
    if missing > 0 {
        warnings.push(FilingWarning::MissingReceipts { count: missing });
    }
    if !account.opening_check.differences.is_empty() {
        warnings.push(FilingWarning::OpeningDiffers {
            count: account.opening_check.differences.len(),
        });
    }
    if account.open_gaps > 0 {
        warnings.push(FilingWarning::StatementGaps {
            count: account.open_gaps,
        });
    }
    if !account.data.adds_up() {
        warnings.push(FilingWarning::DoesNotAddUp);
    }
    warnings
}

/// The account of `period` with its warnings, or the refusal of the period (a
/// `ServiceError::Filing`) when it cannot be filed on `now`'s day.
pub async fn preview(
    store: &Store,
    book: BookId,
    period: Period,
    now: DateTime<Utc>,
) -> ServiceResult<(PeriodicAccount, Vec<FilingWarning>)> {
    let mut tx = store.begin_read().await?;
    let found = tx.book(book).await?;
    let reported_through = tx.reported_through(book).await?;
    check_period(period, now.date_naive(), reported_through)?;
    check_can_file(period, found.locked_through)?;
    let account = account_in(&mut tx, book, period).await?;
    tx.commit().await?;
    let warnings = warnings(&account);
    Ok((account, warnings))
}
