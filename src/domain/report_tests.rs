use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::account::{Account, ReportCategory};
use crate::domain::ids::{AccountId, BookId, EntryId};
use crate::domain::ledger::{EntrySource, JournalEntry, Posting};
use crate::domain::money::{Currency, Money};

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

fn account(id: i64, code: &str, category: ReportCategory) -> Account {
    Account {
        id: AccountId::new(id),
        book_id: BookId::new(1),
        code: code.to_owned(),
        name: code.to_owned(),
        category,
        currency: Currency::EUR,
        iban: None,
        closed: false,
    }
}

const BANK: i64 = 1;
const CASH: i64 = 2;
const EQUITY: i64 = 3;
const PENSION: i64 = 4;
const RENT: i64 = 5;
const POCKET: i64 = 6;
const DEBT: i64 = 7;
const SUSPENSE: i64 = 8;
const FEES: i64 = 9;

fn chart() -> Vec<Account> {
    vec![
        account(BANK, "1100", ReportCategory::Bank),
        account(CASH, "1000", ReportCategory::Cash),
        account(EQUITY, "3000", ReportCategory::OpeningEquity),
        account(PENSION, "4000", ReportCategory::Pension),
        account(RENT, "6000", ReportCategory::Housing),
        account(POCKET, "6400", ReportCategory::PersonalAllowance),
        account(DEBT, "2001", ReportCategory::Debt),
        account(SUSPENSE, "1900", ReportCategory::Suspense),
        account(FEES, "6800", ReportCategory::BankFees),
    ]
}

fn entry(sequence: i64, day: &str, postings: &[(i64, i64)]) -> JournalEntry {
    JournalEntry {
        id: EntryId::new(sequence),
        book_id: BookId::new(1),
        sequence,
        date: date(day),
        description: format!("entry {sequence}"),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: None,
        author: "test".into(),
        recorded_at: "2026-01-01T00:00:00Z".parse().expect("a time"),
        reverses: None,
        postings: postings
            .iter()
            .map(|(account, amount)| Posting {
                account_id: AccountId::new(*account),
                amount: Money::from_minor(*amount, Currency::EUR),
            })
            .collect(),
        previous_hash: String::new(),
        hash: String::new(),
    }
}

/// 2025: an opening of 1,000.00 in the bank and 500.00 owed. 2026: pension, rent, a cash
/// withdrawal and pocket money from the cash box, a debt instalment, a bank fee together with a
/// transfer, a line on suspense.
fn year() -> Vec<JournalEntry> {
    vec![
        entry(1, "2025-01-01", &[(BANK, 100_000), (DEBT, -50_000), (EQUITY, -50_000)]),
        entry(2, "2026-01-02", &[(BANK, 168_520), (PENSION, -168_520)]),
        entry(3, "2026-01-03", &[(RENT, 78_000), (BANK, -78_000)]),
        entry(4, "2026-01-10", &[(CASH, 24_000), (BANK, -24_000)]),
        entry(5, "2026-01-11", &[(POCKET, 24_000), (CASH, -24_000)]),
        entry(6, "2026-01-15", &[(DEBT, 10_000), (BANK, -10_000)]),
        entry(7, "2026-01-20", &[(CASH, 5_000), (FEES, 100), (BANK, -5_100)]),
        entry(8, "2026-01-25", &[(SUSPENSE, 3_000), (BANK, -3_000)]),
        entry(9, "2027-01-01", &[(RENT, 1), (BANK, -1)]),
    ]
}

fn report(entries: &[JournalEntry], threshold: Option<i64>, evidence: &BTreeSet<EntryId>) -> ReportData {
    let accounts = chart();
    fold(&ReportInput {
        period: Period {
            from: date("2026-01-01"),
            to: date("2026-12-31"),
        },
        currency: Currency::EUR,
        accounts: &accounts,
        entries,
        receipt_threshold: threshold,
        with_evidence: evidence,
    })
}

#[test]
fn each_money_account_adds_up_from_opening_to_closing() {
    let data = report(&year(), None, &BTreeSet::new());
    let bank = data
        .accounts
        .iter()
        .find(|account| account.code == "1100")
        .expect("the bank");
    assert_eq!(bank.opening, 100_000);
    assert_eq!(bank.receipts, BTreeMap::from([(ReportCategory::Pension, 168_520)]));
    assert_eq!(
        bank.disbursements,
        BTreeMap::from([
            (ReportCategory::Suspense, 3_000),
            (ReportCategory::Debt, 10_000),
            (ReportCategory::Housing, 78_000),
            (ReportCategory::BankFees, 100),
        ])
    );
    assert_eq!(
        (bank.transfers_in, bank.transfers_out),
        (0, 29_000),
        "24,000 and 5,000 to the cash box"
    );
    assert_eq!(bank.closing, 148_420);
    let cash = data
        .accounts
        .iter()
        .find(|account| account.code == "1000")
        .expect("the cash box");
    assert_eq!(
        (
            cash.opening,
            cash.transfers_in,
            cash.disbursements_total(),
            cash.closing
        ),
        (0, 29_000, 24_000, 5_000)
    );
    assert!(data.adds_up());
    assert_eq!(
        data.opening_total() + 168_520 - (3_000 + 10_000 + 78_000 + 100 + 24_000),
        data.closing_total()
    );
}

#[test]
fn the_opening_inventory_is_the_opening_of_the_first_account() {
    let mut entries = year();
    entries[0].date = date("2026-01-01");
    entries[0].source = EntrySource::Opening;
    let data = report(&entries, None, &BTreeSet::new());
    let bank = data
        .accounts
        .iter()
        .find(|account| account.code == "1100")
        .expect("the bank");
    assert_eq!(bank.opening, 100_000);
    assert!(!bank.receipts.contains_key(&ReportCategory::OpeningEquity));
    assert_eq!(data.debts[0].at_start, 50_000);
    assert_eq!(
        data.entries[0].entry.get(),
        2,
        "the inventory is not a receipt of the period"
    );
}

#[test]
fn debts_show_what_was_owed_repaid_and_left() {
    let data = report(&year(), None, &BTreeSet::new());
    assert_eq!(data.debts.len(), 1);
    let debt = &data.debts[0];
    assert_eq!(
        (debt.at_start, debt.increased, debt.repaid, debt.at_end),
        (50_000, 0, 10_000, 40_000)
    );
    assert_eq!(data.suspense_at_end, 3_000, "a line still to categorise");
}

#[test]
fn entries_are_numbered_in_date_order_and_large_ones_without_evidence_are_flagged() {
    let mut entries = year();
    // Recorded late, dated early: it takes its place by date.
    entries.push(entry(10, "2026-01-05", &[(RENT, 40_000), (BANK, -40_000)]));
    let evidence = BTreeSet::from([EntryId::new(3)]);
    let data = report(&entries, Some(30_000), &evidence);
    let numbers: Vec<(u32, i64)> = data
        .entries
        .iter()
        .map(|line| (line.receipt_number, line.entry.get()))
        .collect();
    assert_eq!(
        numbers,
        [(1, 2), (2, 3), (3, 10), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8)]
    );
    let flagged: Vec<i64> = data
        .entries
        .iter()
        .filter(|line| line.evidence_missing)
        .map(|line| line.entry.get())
        .collect();
    assert_eq!(
        flagged,
        [10],
        "the 780.00 rent has its receipt; the pension is money in"
    );
    assert_eq!(data.entries[0].category, Some(ReportCategory::Pension));
}

#[test]
fn the_opening_is_checked_against_the_previous_account() {
    let data = report(&year(), None, &BTreeSet::new());
    let previous = BTreeMap::from([("1100".to_owned(), 100_000), ("1000".to_owned(), 0)]);
    assert!(opening_differences(&data, &previous).is_empty());
    let wrong = BTreeMap::from([("1100".to_owned(), 99_000)]);
    assert_eq!(
        opening_differences(&data, &wrong),
        [("1100".to_owned(), 99_000, 100_000)]
    );
}

proptest! {
    /// Whatever balanced entries are booked, every money account adds up and the total does.
    #[test]
    fn every_account_adds_up_for_any_balanced_entries(
        movements in prop::collection::vec((1_i64..=9, 1_i64..=9, 1_i64..1_000_000, 0_u32..730), 1..60)
    ) {
        let entries: Vec<JournalEntry> = movements
            .iter()
            .enumerate()
            .filter(|(_, (from, to, _, _))| from != to)
            .map(|(index, (from, to, amount, day))| {
                let date = date("2025-07-01") + chrono::Days::new(u64::from(*day));
                let mut posted = entry(index as i64 + 1, "2025-01-01", &[(*to, *amount), (*from, -*amount)]);
                posted.date = date;
                posted
            })
            .collect();
        let data = report(&entries, Some(50_000), &BTreeSet::new());
        prop_assert!(data.adds_up(), "{:?}", data.accounts);
        let receipts: i64 = data.receipts_by_category().values().sum();
        let disbursements: i64 = data.disbursements_by_category().values().sum();
        prop_assert_eq!(data.opening_total() + receipts - disbursements, data.closing_total());
    }
}
