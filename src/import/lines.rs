//! Statement lines: a parsed statement's entries as money in the account's currency, each with
//! the identity that keeps it from being booked twice.
//!
//! A line is known by the bank's reference (AcctSvcrRef) when the bank gives one. Otherwise by a
//! fingerprint of what the bank says about it — booking date, amount and direction, counterparty,
//! references, remittance — together with its occurrence among identical lines of the same
//! statement, so two genuine identical lines (two 20.00 withdrawals on one day) stay two.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::statement::{EntryStatus, Statement, StatementEntry, TransactionDetail};
use crate::domain::money::{Currency, Money, MoneyError};

/// The longest remittance text kept per line, in characters.
pub const REMITTANCE_LENGTH_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LineError {
    #[error("entry {line}: {source}")]
    Amount { line: usize, source: MoneyError },
    #[error("entry {line} is in {found}, but the account is kept in {account}")]
    Currency {
        line: usize,
        found: String,
        account: Currency,
    },
    #[error("entry {line} is booked but has neither a booking date nor a value date")]
    NoDate { line: usize },
}

/// A part of a line: the whole line, or one transaction of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePart {
    /// Signed: money in positive.
    pub amount: Money,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub end_to_end_id: Option<String>,
    pub remittance: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// 1-based place in the statement, for messages.
    pub number: usize,
    pub status: EntryStatus,
    pub booking_date: Option<NaiveDate>,
    pub value_date: Option<NaiveDate>,
    /// Signed: money in positive.
    pub amount: Money,
    pub reversal: bool,
    pub bank_ref: Option<String>,
    pub bank_code: Option<String>,
    pub fingerprint: String,
    pub occurrence: i64,
    /// One part per transaction detail when the details add up to the line (a batch), else one.
    pub parts: Vec<LinePart>,
}

impl StatementLine {
    /// Whether the line holds one transaction (not a batch of several).
    pub fn is_single(&self) -> bool {
        self.parts.len() == 1
    }

    /// The day the line is booked on: its booking date, else its value date.
    pub fn date(&self) -> Option<NaiveDate> {
        self.booking_date.or(self.value_date)
    }

    /// What a person reads for the line: counterparty and remittance of its first part.
    pub fn description(&self) -> String {
        let first = &self.parts[0];
        let text = [first.counterparty_name.as_deref(), first.remittance.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" — ");
        if text.is_empty() {
            format!("Bank line {}", self.bank_ref.as_deref().unwrap_or("without reference"))
        } else {
            text
        }
    }
}

/// The lines of `statement`, in `currency` (the account's). Every amount must fit the currency.
pub fn lines_of(statement: &Statement, currency: Currency) -> Result<Vec<StatementLine>, LineError> {
    let mut lines: Vec<StatementLine> = Vec::with_capacity(statement.entries.len());
    for (index, entry) in statement.entries.iter().enumerate() {
        let line = line_of(index + 1, entry, currency)?;
        lines.push(line);
    }
    // Occurrence among identical lines, counted in statement order.
    for index in 0..lines.len() {
        let earlier = lines[..index]
            .iter()
            .filter(|other| other.fingerprint == lines[index].fingerprint)
            .count();
        lines[index].occurrence = i64::try_from(earlier).unwrap_or(i64::MAX);
    }
    Ok(lines)
}

fn line_of(number: usize, entry: &StatementEntry, currency: Currency) -> Result<StatementLine, LineError> {
    if let Some(found) = entry.currency.as_deref().filter(|code| *code != currency.code()) {
        return Err(LineError::Currency {
            line: number,
            found: found.to_owned(),
            account: currency,
        });
    }
    let amount = signed_money(number, entry.amount, entry.credit, currency)?;
    if entry.status == EntryStatus::Booked && entry.booking_date.or(entry.value_date).is_none() {
        return Err(LineError::NoDate { line: number });
    }
    let parts = parts_of(number, entry, amount, currency)?;
    let fingerprint = fingerprint(entry, amount);
    Ok(StatementLine {
        number,
        status: entry.status,
        booking_date: entry.booking_date,
        value_date: entry.value_date,
        amount,
        reversal: entry.reversal,
        bank_ref: entry
            .account_servicer_ref
            .clone()
            .filter(|reference| !reference.is_empty() && reference != "NOTPROVIDED"),
        bank_code: entry.bank_transaction_code.clone(),
        fingerprint,
        occurrence: 0,
        parts,
    })
}

fn signed_money(line: usize, amount: Decimal, credit: bool, currency: Currency) -> Result<Money, LineError> {
    let money = Money::parse(&amount.to_string(), currency).map_err(|source| LineError::Amount { line, source })?;
    if credit {
        Ok(money)
    } else {
        money.checked_neg().map_err(|source| LineError::Amount { line, source })
    }
}

/// One part per detail when every detail has an amount in the account's currency and they add up
/// to the entry; otherwise the entry as a single part (with the first detail's counterparty).
fn parts_of(
    line: usize,
    entry: &StatementEntry,
    amount: Money,
    currency: Currency,
) -> Result<Vec<LinePart>, LineError> {
    let batch = entry.details.len() > 1
        && entry.details.iter().all(|detail| {
            detail.amount.is_some() && detail.currency.as_deref().is_none_or(|code| code == currency.code())
        })
        && entry.details.iter().filter_map(|detail| detail.amount).sum::<Decimal>() == entry.amount;
    if batch {
        return entry
            .details
            .iter()
            .map(|detail| {
                let part_amount = signed_money(line, detail.amount.unwrap_or_default(), entry.credit, currency)?;
                Ok(part(detail, part_amount, entry.credit))
            })
            .collect();
    }
    let first = entry.details.first().cloned().unwrap_or_default();
    Ok(vec![part(&first, amount, entry.credit)])
}

fn part(detail: &TransactionDetail, amount: Money, credit: bool) -> LinePart {
    // Money in comes from the debtor; money out goes to the creditor.
    let (name, iban) = if credit {
        (detail.debtor_name.clone(), detail.debtor_iban.clone())
    } else {
        (detail.creditor_name.clone(), detail.creditor_iban.clone())
    };
    let remittance = detail
        .unstructured
        .iter()
        .chain(&detail.structured_refs)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    LinePart {
        amount,
        counterparty_name: name.as_deref().map(readable),
        counterparty_iban: iban.as_deref().map(readable),
        end_to_end_id: detail
            .end_to_end_id
            .as_deref()
            .filter(|id| *id != "NOTPROVIDED")
            .map(readable),
        remittance: (!remittance.is_empty())
            .then(|| readable(&remittance.chars().take(REMITTANCE_LENGTH_MAX).collect::<String>())),
    }
}

/// A bank's text as people read it: control characters (a NUL from a CSV export, a `&#0;` in
/// XML) become spaces. Nobody reads them, PostgreSQL cannot store a NUL, and a statement is not
/// refused for one; the line's fingerprint is taken from the bank's text as it came.
fn readable(text: &str) -> String {
    text.chars()
        .map(|character| if character.is_control() { ' ' } else { character })
        .collect()
}

/// SHA-256 over length-prefixed fields, so no two different lines share a fingerprint by accident.
fn fingerprint(entry: &StatementEntry, amount: Money) -> String {
    let mut hasher = Sha256::new();
    let mut field = |value: &str| {
        hasher.update(value.len().to_string().as_bytes());
        hasher.update(b":");
        hasher.update(value.as_bytes());
    };
    field(
        &entry
            .booking_date
            .or(entry.value_date)
            .map(|date| date.to_string())
            .unwrap_or_default(),
    );
    field(&amount.minor().to_string());
    field(amount.currency().code());
    field(if entry.reversal { "reversal" } else { "" });
    // Not the entry's NtryRef: it numbers lines within one statement, so the same line carries
    // another one in an overlapping statement.
    for detail in &entry.details {
        for value in [
            &detail.debtor_name,
            &detail.debtor_iban,
            &detail.creditor_name,
            &detail.creditor_iban,
            &detail.end_to_end_id,
        ] {
            field(value.as_deref().unwrap_or(""));
        }
        field(&detail.structured_refs.join("\n"));
        field(&detail.unstructured.join("\n"));
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_in_a_banks_text_become_spaces() {
        assert_eq!(super::readable("Loyer\0mars\t2026"), "Loyer mars 2026");
        assert_eq!(super::readable("Énergie Sàrl"), "Énergie Sàrl");
    }
}
