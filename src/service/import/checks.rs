//! The checks a statement passes through: its balances add up, they fit the currency, and it
//! continues the previous statement of the account (or a gap is recorded).

use super::ImportRefusal;
use super::file::StatementContext;
use crate::domain::account::Account;
use crate::domain::money::{Currency, Money};
use crate::import::statement::Statement;
use crate::service::ServiceResult;
use crate::storage::PreviousStatement;

pub(super) fn check_balances(context: &StatementContext<'_>, statement: &Statement) -> ServiceResult<()> {
    let Some(difference) = statement.reconcile_gap().filter(|gap| !gap.is_zero()) else {
        return Ok(());
    };
    if context.options.force_reason.is_some() {
        return Ok(());
    }
    let opening = statement
        .opening_booked()
        .map(|balance| balance.amount)
        .unwrap_or_default();
    let closing = statement
        .closing_booked()
        .map(|balance| balance.amount)
        .unwrap_or_default();
    let (credits, debits) = statement.booked_sums();
    Err(context.refuse(|file, statement| ImportRefusal::Unbalanced {
        file,
        statement,
        opening,
        credits,
        debits,
        closing,
        difference,
    }))
}

pub(super) type DatedMoney = Option<(Money, Option<chrono::NaiveDate>)>;

pub(super) fn balance_money(
    context: &StatementContext<'_>,
    statement: &Statement,
    which: &'static str,
    currency: Currency,
) -> ServiceResult<DatedMoney> {
    let balance = if which == "opening" {
        statement.opening_booked()
    } else {
        statement.closing_booked()
    };
    let Some(balance) = balance else { return Ok(None) };
    match Money::parse(&balance.amount.to_string(), currency) {
        Ok(money) => Ok(Some((money, balance.date))),
        Err(error) => {
            let (amount, reason) = (balance.amount, error.to_string());
            Err(context.refuse(|file, statement| ImportRefusal::Balance {
                file,
                statement,
                which,
                amount,
                currency,
                reason,
            }))
        }
    }
}

/// A place where a statement does not continue the previous one, to be recorded with it.
pub(super) struct GapFound {
    /// `opening_differs` or `sequence_skipped`.
    pub kind: &'static str,
    pub expected: String,
    pub found: String,
    /// In words, for the import's summary.
    pub description: String,
}

/// Where this statement does not continue the previous one: its opening is not the previous
/// closing, or its electronic sequence number skips one.
pub(super) fn find_gaps(
    account: &Account,
    previous: Option<&PreviousStatement>,
    (opening, sequence): (DatedMoney, Option<i64>),
) -> Vec<GapFound> {
    let Some(previous) = previous else {
        return Vec::new();
    };
    // Only a statement that starts after the previous one ended must continue it: an overlapping
    // statement or the same one again is no gap.
    let starts_after = match (opening.and_then(|(_, date)| date), previous.closing_date) {
        (Some(opening_date), Some(closing_date)) => opening_date > closing_date,
        _ => false,
    };
    let mut gaps = Vec::new();
    if let (true, Some(closing), Some((opening, _))) = (starts_after, previous.closing_minor, opening)
        && closing != opening.minor()
    {
        let expected = Money::from_minor(closing, account.currency).to_string();
        gaps.push(GapFound {
            kind: "opening_differs",
            description: format!(
                "the opening balance {opening} is not the previous statement's closing balance {expected}"
            ),
            expected,
            found: opening.to_string(),
        });
    }
    if let (Some(last), Some(sequence)) = (previous.electronic_sequence, sequence)
        && sequence > last + 1
    {
        let expected = (last + 1).to_string();
        gaps.push(GapFound {
            kind: "sequence_skipped",
            description: format!("statement number {expected} is missing (this one is number {sequence})"),
            expected,
            found: sequence.to_string(),
        });
    }
    gaps
}
