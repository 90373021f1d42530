//! How the case page shows money: balances and entries with the signs people read (income
//! received and debts owed as positive amounts; an entry as money going from one account to
//! another), or, a click away, the accountant's signs (debits positive, credits negative).

use serde::Deserialize;

use crate::domain::account::{Account, AccountKind};
use crate::domain::ledger::JournalEntry;
use crate::render::locale::Locale;

/// Which signs the case page shows.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Signs {
    /// Debits positive, credits negative, as the ledger keeps them.
    Accounting,
}

/// An account's balance as read: the accountant's sign, or for an account that normally holds
/// a credit (income, debts, the opening balance) the amount it holds, positive.
pub fn balance_as_read(account: &Account, balance_minor: i64, signs: Option<Signs>) -> i64 {
    let credit_normal = matches!(
        account.kind(),
        AccountKind::Income | AccountKind::Liability | AccountKind::Equity
    );
    if signs.is_none() && credit_normal {
        balance_minor.saturating_neg()
    } else {
        balance_minor
    }
}

/// An entry's postings as read: "1100 → 6000 · 780,00 EUR" (where the money came from, where it
/// went, how much), or each posting with its accountant's sign.
pub fn postings_as_read(entry: &JournalEntry, accounts: &[Account], signs: Option<Signs>, locale: &Locale) -> String {
    let code_of = |posting: &crate::domain::ledger::Posting| {
        accounts
            .iter()
            .find(|account| account.id == posting.account_id)
            .map(|account| account.code.clone())
            .unwrap_or_default()
    };
    if signs == Some(Signs::Accounting) {
        return entry
            .postings
            .iter()
            .map(|posting| {
                let money = locale.money(posting.amount.minor(), posting.amount.currency());
                format!("{} {money}", code_of(posting))
            })
            .collect::<Vec<_>>()
            .join(" · ");
    }
    let codes = |credit: bool| {
        entry
            .postings
            .iter()
            .filter(|posting| posting.amount.is_negative() == credit)
            .map(code_of)
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let moved: i64 = entry
        .postings
        .iter()
        .map(|posting| posting.amount.minor())
        .filter(|minor| *minor > 0)
        .sum();
    let currency = entry.postings.first().map(|posting| posting.amount.currency());
    match currency {
        Some(currency) => format!("{} → {} · {}", codes(true), codes(false), locale.money(moved, currency)),
        None => String::new(),
    }
}
