//! Property tests on a real database: amounts survive a store round trip unchanged, and any
//! sequence of valid entries keeps the trial balance at zero and matches an independent sum.

use crate::common;

use std::collections::BTreeMap;

use common::{TestDb, date, now, open_case};
use gestio::domain::ids::AccountId;
use gestio::domain::ledger::{EntryDraft, EntrySource, Posting};
use gestio::domain::money::{Currency, Money};
use gestio::service::ledger::{post_entries, trial_balance};
use gestio::storage::EntryFilter;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A balanced entry: up to three debits on the chosen accounts, one credit that balances them.
/// Amounts range up to the largest amount gestio keeps: a third of it for each debit, so that the
/// credit balancing three of them is kept too.
fn balanced_entry(accounts: usize) -> impl Strategy<Value = Vec<(usize, i64)>> {
    let bound = gestio::domain::money::AMOUNT_MINOR_MAX / 3;
    prop::collection::vec((0..accounts, prop_oneof![1_i64..100, 1_i64..bound, -bound..-1]), 1..4).prop_flat_map(
        move |debits| {
            let total: i64 = debits.iter().map(|(_, amount)| amount).sum();
            (0..accounts).prop_map(move |credit| {
                let mut postings = debits.clone();
                postings.push((credit, -total));
                postings.retain(|(_, amount)| *amount != 0);
                postings
            })
        },
    )
}

fn run_properties(db: TestDb, cases: u32) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let store = runtime.block_on(db.store());
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    let strategy = prop::collection::vec(balanced_entry(4), 1..12);
    let case_number = std::sync::atomic::AtomicU32::new(0);
    runner
        .run(&strategy, |entries| {
            let number = case_number.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            runtime.block_on(async {
                let iban = iban_for(number);
                let case = open_case(&store, "Property", &iban).await;
                let chosen: Vec<AccountId> = ["1100", "6000", "4000", "2001"]
                    .iter()
                    .map(|code| case.account(code).id)
                    .collect();
                let mut expected: BTreeMap<AccountId, i64> = BTreeMap::new();
                let mut drafts = Vec::new();
                for postings in entries.iter().filter(|postings| postings.len() >= 2) {
                    let postings: Vec<Posting> = postings
                        .iter()
                        .map(|(index, minor)| Posting {
                            account_id: chosen[*index],
                            amount: Money::from_minor(*minor, Currency::EUR),
                        })
                        .collect();
                    drafts.push(EntryDraft {
                        book_id: case.book,
                        date: date("2026-02-01"),
                        description: "property".into(),
                        source: EntrySource::Manual,
                        source_ref: None,
                        receipt: None,
                        author: "proptest".into(),
                        reverses: None,
                        postings,
                    });
                }
                let before = trial_balance(&store, case.book, None).await.unwrap();
                for line in &before.lines {
                    expected.insert(line.account_id, line.balance.minor());
                }
                for draft in &drafts {
                    for posting in &draft.postings {
                        *expected.entry(posting.account_id).or_default() += posting.amount.minor();
                    }
                }
                post_entries(&store, case.book, drafts.clone(), now()).await.unwrap();
                let stored = store
                    .begin_read()
                    .await
                    .unwrap()
                    .entries(case.book, EntryFilter::default())
                    .await
                    .unwrap();
                let round_tripped: Vec<Vec<Posting>> = stored.into_iter().skip(1).map(|entry| entry.postings).collect();
                let posted: Vec<Vec<Posting>> = drafts.into_iter().map(|draft| draft.postings).collect();
                prop_assert_eq!(round_tripped, posted);
                let after = trial_balance(&store, case.book, None).await.unwrap();
                prop_assert!(after.is_balanced());
                for line in &after.lines {
                    prop_assert_eq!(
                        line.balance.minor(),
                        expected.get(&line.account_id).copied().unwrap_or(0)
                    );
                }
                let at_date = trial_balance(&store, case.book, Some(date("2026-12-31")))
                    .await
                    .unwrap();
                prop_assert_eq!(at_date, after);
                Ok(())
            })
        })
        .unwrap();
}

/// A distinct valid Luxembourg IBAN per case (each case opens its own book).
fn iban_for(number: u32) -> String {
    let bban = format!("001{number:013}");
    let digits: String = format!("{bban}LU00")
        .chars()
        .map(|character| character.to_digit(36).unwrap().to_string())
        .collect();
    let remainder = digits.chars().fold(0_u64, |remainder, digit| {
        (remainder * 10 + u64::from(digit.to_digit(10).unwrap())) % 97
    });
    format!("LU{:02}{bban}", 98 - remainder)
}

#[test]
fn sqlite_amounts_round_trip_and_balances_stay_at_zero() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime.block_on(TestDb::sqlite());
    run_properties(db, 48);
}

#[test]
fn postgres_amounts_round_trip_and_balances_stay_at_zero() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(db) = runtime.block_on(TestDb::postgres()) else {
        return;
    };
    run_properties(db, 48);
}
