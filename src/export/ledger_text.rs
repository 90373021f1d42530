//! A book as a plain-text journal — hledger's or beancount's — so that an independent program can
//! recompute every balance and period total the reports show. Accounts are named by kind and code
//! (`assets:1100`, `Assets:1100`), with their names beside them; amounts carry the currency code.
//!
//! Exported from a date, the journal starts with one transaction carrying each balance-sheet
//! account's balance brought forward; income and expense before that date are folded into an
//! "earlier periods" equity account, so the journal still balances and every balance stays right.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::account::{Account, AccountKind};
use crate::domain::ids::AccountId;
use crate::domain::ledger::JournalEntry;
use crate::domain::money::{Currency, Money};

/// Which program's journal format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Hledger,
    Beancount,
}

impl Dialect {
    fn root(self, kind: AccountKind) -> &'static str {
        match (self, kind) {
            (Dialect::Hledger, AccountKind::Asset) => "assets",
            (Dialect::Hledger, AccountKind::Liability) => "liabilities",
            (Dialect::Hledger, AccountKind::Equity) => "equity",
            (Dialect::Hledger, AccountKind::Income) => "income",
            (Dialect::Hledger, AccountKind::Expense) => "expenses",
            (Dialect::Beancount, AccountKind::Asset) => "Assets",
            (Dialect::Beancount, AccountKind::Liability) => "Liabilities",
            (Dialect::Beancount, AccountKind::Equity) => "Equity",
            (Dialect::Beancount, AccountKind::Income) => "Income",
            (Dialect::Beancount, AccountKind::Expense) => "Expenses",
        }
    }

    fn earlier_periods(self) -> &'static str {
        match self {
            Dialect::Hledger => "equity:earlier-periods",
            Dialect::Beancount => "Equity:Earlier-Periods",
        }
    }

    /// A transaction's first line.
    fn header(self, date: NaiveDate, description: &str) -> String {
        match self {
            Dialect::Hledger => format!("{date} {}", one_line(description).replace(';', ",")),
            Dialect::Beancount => format!("{date} * \"{}\"", quoted(description)),
        }
    }
}

/// The hledger name of an account: its kind and its code.
pub fn account_name(account: &Account) -> String {
    name(Dialect::Hledger, account)
}

fn name(dialect: Dialect, account: &Account) -> String {
    format!("{}:{}", dialect.root(account.category.kind()), account.code)
}

/// The hledger journal of `entries` (chain order) dated within `from..=to`, with balances
/// brought forward to `from` when given.
pub fn hledger(
    accounts: &[Account],
    entries: &[JournalEntry],
    currency: Currency,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> String {
    journal(Dialect::Hledger, accounts, entries, currency, from, to)
}

/// The journal of `entries` in `dialect` (hledger's, or beancount's: `bean-check` validates it).
pub fn journal(
    dialect: Dialect,
    accounts: &[Account],
    entries: &[JournalEntry],
    currency: Currency,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> String {
    let names: BTreeMap<AccountId, String> = accounts
        .iter()
        .map(|account| (account.id, name(dialect, account)))
        .collect();
    let mut out = String::new();
    match dialect {
        Dialect::Hledger => {
            out.push_str("; written by gestio: one book, every entry in chain order\ndecimal-mark .\n\n");
            for account in accounts {
                let _ = writeln!(
                    out,
                    "account {}  ; {}",
                    names[&account.id],
                    one_line(&account.name).replace(';', ",")
                );
            }
        }
        Dialect::Beancount => {
            let _ = writeln!(out, "; written by gestio: one book, every entry in chain order");
            let _ = writeln!(out, "option \"operating_currency\" \"{}\"\n", currency.code());
            // Accounts open before the first date the journal uses.
            let first = entries.iter().map(|entry| entry.date).chain(from).min();
            let opened = first.unwrap_or(NaiveDate::from_ymd_opt(1970, 1, 1).expect("BUG: a valid date"));
            for account in accounts {
                let _ = writeln!(
                    out,
                    "{opened} open {}\n  name: \"{}\"",
                    names[&account.id],
                    quoted(&account.name)
                );
            }
            if from.is_some() {
                let _ = writeln!(out, "{opened} open {}", dialect.earlier_periods());
            }
        }
    }
    out.push('\n');
    if let Some(from) = from {
        brought_forward(dialect, &mut out, accounts, &names, entries, currency, from);
    }
    let within = |date: NaiveDate| from.is_none_or(|from| date >= from) && to.is_none_or(|to| date <= to);
    for entry in entries.iter().filter(|entry| within(entry.date)) {
        let header = dialect.header(entry.date, &entry.description);
        match dialect {
            Dialect::Hledger => {
                let _ = writeln!(out, "{header}  ; gestio entry {}", entry.id);
            }
            Dialect::Beancount => {
                let _ = writeln!(out, "{header}\n  gestio-entry: \"{}\"", entry.id);
            }
        }
        for posting in &entry.postings {
            let _ = writeln!(out, "    {}  {}", names[&posting.account_id], amount(posting.amount));
        }
        out.push('\n');
    }
    out
}

fn brought_forward(
    dialect: Dialect,
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
            Some(AccountKind::Income | AccountKind::Expense) => dialect.earlier_periods().to_owned(),
            _ => names[&posting.account_id].clone(),
        };
        *balances.entry(name).or_insert(0) += posting.amount.minor();
    }
    balances.retain(|_, balance| *balance != 0);
    if balances.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", dialect.header(from, "Balances brought forward"));
    for (name, minor) in balances {
        let _ = writeln!(out, "    {name}  {}", amount(Money::from_minor(minor, currency)));
    }
    out.push('\n');
}

fn amount(money: Money) -> String {
    format!("{} {}", money.amount_text(), money.currency().code())
}

/// Text on one line with single spaces (a double space ends an hledger account name).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for a beancount string: one line, with `\` and `"` escaped.
fn quoted(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace('"', "\\\"")
}
