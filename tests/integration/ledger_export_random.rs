//! The independent check on random books: for each of a couple of hundred generated books
//! (proptest), the book is written as an hledger journal and hledger's own opening, closing and
//! period movement of every money account must equal the periodic account's (`domain::report`).
//! Pure: no database; hledger must be installed (CI installs it; elsewhere a loud skip).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use gestio::domain::account::{Account, ReportCategory};
use gestio::domain::ids::{AccountId, BookId, EntryId};
use gestio::domain::ledger::{EntrySource, JournalEntry, Posting};
use gestio::domain::money::{Currency, Money};
use gestio::domain::report::{Period, ReportInput, fold};
use proptest::prelude::*;

use crate::support::hledger;

const CHART: [(&str, ReportCategory); 10] = [
    ("1100", ReportCategory::Bank),
    ("1101", ReportCategory::Savings),
    ("1000", ReportCategory::Cash),
    ("3000", ReportCategory::OpeningEquity),
    ("4000", ReportCategory::Pension),
    ("4200", ReportCategory::SocialBenefit),
    ("6000", ReportCategory::Housing),
    ("6400", ReportCategory::PersonalAllowance),
    ("2001", ReportCategory::Debt),
    ("1900", ReportCategory::Suspense),
];

fn chart() -> Vec<Account> {
    CHART
        .iter()
        .enumerate()
        .map(|(index, (code, category))| Account {
            id: AccountId::new(index as i64 + 1),
            book_id: BookId::new(1),
            code: (*code).to_owned(),
            name: format!("{} « {code} »", category.english_name()),
            category: *category,
            currency: Currency::EUR,
            iban: None,
            closed: false,
        })
        .collect()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn hledger_agrees_with_the_account_of_any_book(
        movements in prop::collection::vec((0_usize..10, 0_usize..10, 1_i64..500_000, 0_u64..730), 1..40)
    ) {
        if !hledger::present() {
            return Ok(());
        }
        let accounts = chart();
        let entries: Vec<JournalEntry> = movements
            .iter()
            .filter(|(from, to, _, _)| from != to)
            .enumerate()
            .map(|(index, (from, to, amount, day))| JournalEntry {
                id: EntryId::new(index as i64 + 1),
                book_id: BookId::new(1),
                sequence: index as i64 + 1,
                date: date("2025-01-01") + Days::new(*day),
                description: format!("movement {index}; with \"quotes\" and a semicolon"),
                source: EntrySource::Manual,
                source_ref: None,
                receipt: None,
                author: "test".into(),
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                reverses: None,
                previous_hash: String::new(),
                hash: String::new(),
                postings: vec![
                    Posting { account_id: accounts[*to].id, amount: Money::from_minor(*amount, Currency::EUR) },
                    Posting { account_id: accounts[*from].id, amount: Money::from_minor(-*amount, Currency::EUR) },
                ],
            })
            .collect();
        let mut sorted = entries.clone();
        sorted.sort_by_key(|entry| entry.date);
        let period = Period { from: date("2025-07-01"), to: date("2026-06-30") };
        let data = fold(&ReportInput {
            period,
            currency: Currency::EUR,
            accounts: &accounts,
            entries: &sorted,
            receipt_threshold: None,
            with_evidence: &BTreeSet::new(),
        });
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("book.journal");
        std::fs::write(&path, gestio::export::ledger_text::hledger(&accounts, &sorted, Currency::EUR, None, None)).unwrap();
        let closing = hledger::balances(&path, Currency::EUR, &["-e", "2026-07-01"]);
        let moved = hledger::balances(&path, Currency::EUR, &["-b", "2025-07-01", "-e", "2026-07-01"]);
        for report in &data.accounts {
            let name = format!("assets:{}", report.code);
            let found = |map: &BTreeMap<String, i64>| map.get(&name).copied().unwrap_or(0);
            prop_assert_eq!(found(&closing), report.closing, "{} closing", name);
            prop_assert_eq!(found(&closing) - found(&moved), report.opening, "{} opening", name);
            let net = report.receipts_total() - report.disbursements_total() + report.transfers_in - report.transfers_out;
            prop_assert_eq!(found(&moved), net, "{} movement", name);
        }
    }
}
