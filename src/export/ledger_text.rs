//! A book as a plain-text hledger journal, so that an independent program can recompute every
//! balance and period total the reports show. Accounts are named by kind and code
//! (`assets:1100`), with their names in `account` directives; amounts carry the currency code.
//!
//! Exported from a date, the journal starts with one transaction carrying each balance-sheet
//! account's balance brought forward; income and expense before that date are folded into
//! `equity:earlier-periods`, so the journal still balances and every balance stays right.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::account::{Account, AccountKind};
use crate::domain::ids::AccountId;
use crate::domain::ledger::JournalEntry;
use crate::domain::money::{Currency, Money};

const EARLIER_PERIODS: &str = "equity:earlier-periods";

/// The hledger name of an account: its kind and its code.
pub fn account_name(account: &Account) -> String {
    let root = match account.category.kind() {
        AccountKind::Asset => "assets",
        AccountKind::Liability => "liabilities",
        AccountKind::Equity => "equity",
        AccountKind::Income => "income",
        AccountKind::Expense => "expenses",
    };
    format!("{root}:{}", account.code)
}

/// The journal of `entries` (chain order) dated within `from..=to`, with balances brought
/// forward to `from` when given.
pub fn hledger(
    accounts: &[Account],
    entries: &[JournalEntry],
    currency: Currency,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> String {
    let names: BTreeMap<AccountId, String> = accounts
        .iter()
        .map(|account| (account.id, account_name(account)))
        .collect();
    let mut out = String::from("; written by gestio: one book, every entry in chain order\ndecimal-mark .\n\n");
    for account in accounts {
        let _ = writeln!(out, "account {}  ; {}", names[&account.id], clean(&account.name));
    }
    out.push('\n');
    if let Some(from) = from {
        brought_forward(&mut out, accounts, &names, entries, currency, from);
    }
    let within = |date: NaiveDate| from.is_none_or(|from| date >= from) && to.is_none_or(|to| date <= to);
    for entry in entries.iter().filter(|entry| within(entry.date)) {
        let _ = writeln!(
            out,
            "{} {}  ; gestio entry {}",
            entry.date,
            clean(&entry.description),
            entry.id
        );
        for posting in &entry.postings {
            let _ = writeln!(out, "    {}  {}", names[&posting.account_id], amount(posting.amount));
        }
        out.push('\n');
    }
    out
}

fn brought_forward(
    out: &mut String,
    accounts: &[Account],
    names: &BTreeMap<AccountId, String>,
    entries: &[JournalEntry],
    currency: Currency,
    from: NaiveDate,
) {
    let kinds: BTreeMap<AccountId, AccountKind> = accounts
        .iter()
        .map(|account| (account.id, account.category.kind()))
        .collect();
    let mut balances: BTreeMap<String, i64> = BTreeMap::new();
    for posting in entries
        .iter()
        .filter(|entry| entry.date < from)
        .flat_map(|entry| &entry.postings)
    {
        let name = match kinds.get(&posting.account_id) {
            Some(AccountKind::Income | AccountKind::Expense) => EARLIER_PERIODS.to_owned(),
            _ => names[&posting.account_id].clone(),
        };
        *balances.entry(name).or_insert(0) += posting.amount.minor();
    }
    balances.retain(|_, balance| *balance != 0);
    if balances.is_empty() {
        return;
    }
    let _ = writeln!(out, "{from} Balances brought forward");
    for (name, minor) in balances {
        let _ = writeln!(out, "    {name}  {}", amount(Money::from_minor(minor, currency)));
    }
    out.push('\n');
}

fn amount(money: Money) -> String {
    format!("{} {}", money.amount_text(), money.currency().code())
}

/// Text on one line without `;` (a comment in hledger) or double spaces (the end of a name).
fn clean(text: &str) -> String {
    let single: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    single.replace(';', ",")
}
