//! The periodic account as data: a pure fold from a book's chart and entries to `ReportData` for
//! a period, seen from the money accounts (bank accounts, savings, the cash box), as a judge's
//! clerk reads it.
//!
//! Per money account: opening, receipts by category, disbursements by category, transfers between
//! the person's own money accounts (listed apart: they net out in the total), closing; and the
//! identity opening + receipts − disbursements ± transfers = closing checked per account and in
//! total. Debts at the start and end with their movements. Every entry of the period that moves
//! money, in date order with its receipt number (1, 2, 3…), flagged when it is a disbursement above
//! the judge's receipt threshold without evidence. Layouts per jurisdiction and the header come
//! from this one structure.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::account::{Account, AccountKind, ReportCategory};
use super::ids::{AccountId, EntryId};
use super::ledger::JournalEntry;
use super::money::Currency;

/// The accounts a report is seen from: where the person's money is.
pub fn is_money_account(account: &Account) -> bool {
    matches!(
        account.category,
        ReportCategory::Bank | ReportCategory::Savings | ReportCategory::Cash
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }
}

/// One money account over the period, in minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyAccountReport {
    pub account: AccountId,
    pub code: String,
    pub name: String,
    pub opening: i64,
    /// Money in, by the category of where it came from (positive).
    pub receipts: BTreeMap<ReportCategory, i64>,
    /// Money out, by the category of where it went (positive; debt repayments included).
    pub disbursements: BTreeMap<ReportCategory, i64>,
    /// From and to the person's other money accounts (positive each).
    pub transfers_in: i64,
    pub transfers_out: i64,
    pub closing: i64,
}

impl MoneyAccountReport {
    pub fn receipts_total(&self) -> i64 {
        self.receipts.values().sum()
    }

    pub fn disbursements_total(&self) -> i64 {
        self.disbursements.values().sum()
    }

    /// opening + receipts − disbursements + transfers in − transfers out − closing: zero when
    /// the account adds up.
    pub fn difference(&self) -> i64 {
        self.opening + self.receipts_total() - self.disbursements_total() + self.transfers_in
            - self.transfers_out
            - self.closing
    }
}

/// A debt over the period, as an amount owed (positive), in minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DebtReport {
    pub account: AccountId,
    pub code: String,
    pub name: String,
    pub at_start: i64,
    /// New debt recorded in the period.
    pub increased: i64,
    pub repaid: i64,
    pub at_end: i64,
}

/// An entry that moved money in the period, as listed in the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    /// 1, 2, 3… in report order.
    pub receipt_number: u32,
    pub entry: EntryId,
    pub date: NaiveDate,
    pub description: String,
    /// The money accounts' net movement: positive in, negative out.
    pub amount: i64,
    /// The category of the entry's largest other posting (what it was for).
    pub category: Option<ReportCategory>,
    /// A disbursement above the receipt threshold with no evidence attached.
    pub evidence_missing: bool,
    /// An adjustment correcting an entry of an earlier, locked period.
    pub correction: bool,
    /// For a correction: which entry it corrects, as recorded ("entry 12 of 2025-03-05").
    pub corrects: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportData {
    pub period: Period,
    pub currency: Currency,
    pub accounts: Vec<MoneyAccountReport>,
    pub debts: Vec<DebtReport>,
    pub entries: Vec<ReportEntry>,
    /// What waits on suspense at the end of the period (imported lines not yet categorised).
    pub suspense_at_end: i64,
}

impl ReportData {
    pub fn opening_total(&self) -> i64 {
        self.accounts.iter().map(|account| account.opening).sum()
    }

    pub fn closing_total(&self) -> i64 {
        self.accounts.iter().map(|account| account.closing).sum()
    }

    /// Receipts of all accounts by category.
    pub fn receipts_by_category(&self) -> BTreeMap<ReportCategory, i64> {
        sum_maps(self.accounts.iter().map(|account| &account.receipts))
    }

    pub fn disbursements_by_category(&self) -> BTreeMap<ReportCategory, i64> {
        sum_maps(self.accounts.iter().map(|account| &account.disbursements))
    }

    /// True when every account, and so the total, adds up.
    pub fn adds_up(&self) -> bool {
        self.accounts.iter().all(|account| account.difference() == 0)
    }
}

fn sum_maps<'a>(maps: impl Iterator<Item = &'a BTreeMap<ReportCategory, i64>>) -> BTreeMap<ReportCategory, i64> {
    let mut total = BTreeMap::new();
    for map in maps {
        for (category, amount) in map {
            *total.entry(*category).or_insert(0) += amount;
        }
    }
    total
}

/// What the fold needs besides the ledger.
pub struct ReportInput<'a> {
    pub period: Period,
    pub currency: Currency,
    pub accounts: &'a [Account],
    /// Every entry of the book dated up to the period's end, in chain order.
    pub entries: &'a [JournalEntry],
    /// Disbursements above it need evidence (the mandate's receipt threshold, minor units).
    pub receipt_threshold: Option<i64>,
    /// Entries with evidence attached.
    pub with_evidence: &'a BTreeSet<EntryId>,
}

/// Folds the ledger into the report of `input.period`.
pub fn fold(input: &ReportInput<'_>) -> ReportData {
    let by_id: HashMap<AccountId, &Account> = input.accounts.iter().map(|account| (account.id, account)).collect();
    let mut money: BTreeMap<AccountId, MoneyAccountReport> = input
        .accounts
        .iter()
        .filter(|account| is_money_account(account) && account.currency == input.currency)
        .map(|account| (account.id, empty_money_report(account)))
        .collect();
    let mut debts: BTreeMap<AccountId, DebtReport> = input
        .accounts
        .iter()
        .filter(|account| account.kind() == AccountKind::Liability && account.currency == input.currency)
        .map(|account| (account.id, empty_debt_report(account)))
        .collect();
    let mut suspense_at_end = 0;
    let mut listed = Vec::new();
    for entry in input.entries.iter().filter(|entry| entry.date <= input.period.to) {
        // The opening inventory is the first account's opening, even when dated on its first day.
        let before = entry.date < input.period.from || entry.source == super::ledger::EntrySource::Opening;
        for posting in &entry.postings {
            let amount = posting.amount.minor();
            if let Some(report) = money.get_mut(&posting.account_id) {
                if before {
                    report.opening += amount;
                }
                report.closing += amount;
            }
            if let Some(debt) = debts.get_mut(&posting.account_id) {
                // A liability is credited (negative) as it grows: owed = −balance.
                if before {
                    debt.at_start -= amount;
                } else if amount < 0 {
                    debt.increased -= amount;
                } else {
                    debt.repaid += amount;
                }
                debt.at_end -= amount;
            }
            if by_id
                .get(&posting.account_id)
                .is_some_and(|account| account.category == ReportCategory::Suspense)
            {
                suspense_at_end += amount;
            }
        }
        if !before && let Some(line) = attribute(entry, &by_id, &mut money) {
            listed.push(line);
        }
    }
    listed.sort_by_key(|(entry, _, _)| (entry.date, entry.sequence));
    let entries = listed
        .into_iter()
        .enumerate()
        .map(|(index, (entry, amount, category))| ReportEntry {
            receipt_number: index as u32 + 1,
            entry: entry.id,
            date: entry.date,
            description: entry.description.clone(),
            amount,
            category,
            evidence_missing: amount < 0
                && input.receipt_threshold.is_some_and(|threshold| -amount > threshold)
                && !input.with_evidence.contains(&entry.id),
            correction: entry.source == super::ledger::EntrySource::Adjustment,
            corrects: (entry.source == super::ledger::EntrySource::Adjustment)
                .then(|| entry.source_ref.clone())
                .flatten(),
        })
        .collect();
    ReportData {
        period: input.period,
        currency: input.currency,
        accounts: money.into_values().collect(),
        debts: debts
            .into_values()
            .filter(|debt| debt.at_start != 0 || debt.increased != 0 || debt.repaid != 0)
            .collect(),
        entries,
        suspense_at_end,
    }
}

/// Books an entry of the period into the money accounts' receipts, disbursements and transfers;
/// returns it for the list when it moved money, with its net amount and main category.
fn attribute<'a>(
    entry: &'a JournalEntry,
    accounts: &HashMap<AccountId, &Account>,
    money: &mut BTreeMap<AccountId, MoneyAccountReport>,
) -> Option<(&'a JournalEntry, i64, Option<ReportCategory>)> {
    let (on_money, others): (Vec<_>, Vec<_>) = entry
        .postings
        .iter()
        .partition(|posting| money.contains_key(&posting.account_id));
    if on_money.is_empty() {
        return None;
    }
    // The other postings seen from the money side: money in for a credit to income, out for a
    // debit to an expense or a debt.
    let flows: Vec<(ReportCategory, i64)> = others
        .iter()
        .filter_map(|posting| {
            let category = accounts.get(&posting.account_id)?.category;
            Some((category, -posting.amount.minor()))
        })
        .collect();
    // The flows are the money account's that moved most; the rest of the money postings are
    // transfers between the person's own accounts.
    let main = on_money
        .iter()
        .max_by_key(|posting| posting.amount.minor().abs())
        .map(|posting| posting.account_id)?;
    let explained: i64 = flows.iter().map(|(_, amount)| amount).sum();
    for posting in &on_money {
        let report = money
            .get_mut(&posting.account_id)
            .expect("BUG: partitioned on this map");
        let transfer = if posting.account_id == main {
            posting.amount.minor() - explained
        } else {
            posting.amount.minor()
        };
        if transfer > 0 {
            report.transfers_in += transfer;
        } else {
            report.transfers_out -= transfer;
        }
    }
    let report = money.get_mut(&main).expect("BUG: main is a money account");
    for (category, amount) in &flows {
        if *amount > 0 {
            *report.receipts.entry(*category).or_insert(0) += amount;
        } else if *amount < 0 {
            *report.disbursements.entry(*category).or_insert(0) -= amount;
        }
    }
    let category = flows
        .iter()
        .max_by_key(|(_, amount)| amount.abs())
        .map(|(category, _)| *category);
    let net: i64 = on_money.iter().map(|posting| posting.amount.minor()).sum();
    Some((entry, if net == 0 { explained } else { net }, category))
}

fn empty_money_report(account: &Account) -> MoneyAccountReport {
    MoneyAccountReport {
        account: account.id,
        code: account.code.clone(),
        name: account.name.clone(),
        opening: 0,
        receipts: BTreeMap::new(),
        disbursements: BTreeMap::new(),
        transfers_in: 0,
        transfers_out: 0,
        closing: 0,
    }
}

fn empty_debt_report(account: &Account) -> DebtReport {
    DebtReport {
        account: account.id,
        code: account.code.clone(),
        name: account.name.clone(),
        at_start: 0,
        increased: 0,
        repaid: 0,
        at_end: 0,
    }
}

/// The money accounts whose opening differs from the closing of the previous filed report
/// (code, expected, found): each is a finding the clerk will ask about.
pub fn opening_differences(report: &ReportData, previous_closing: &BTreeMap<String, i64>) -> Vec<(String, i64, i64)> {
    report
        .accounts
        .iter()
        .filter_map(|account| {
            let expected = previous_closing.get(&account.code).copied().unwrap_or(0);
            (expected != account.opening).then(|| (account.code.clone(), expected, account.opening))
        })
        .collect()
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
