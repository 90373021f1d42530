//! Ledger benchmark: post 1,000,000 balanced entries into a fresh SQLite book in batched db
//! transactions, then time a full trial balance. Prints figures; asserts no time.
//!
//!     cargo bench --bench ledger
//!
//! `BENCH_ENTRIES` changes the count; `BENCH_DATABASE_URL=postgres://…` runs it on PostgreSQL
//! (the database must be empty).

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use gestio::domain::account::{Account, BankAccountSpec};
use gestio::domain::iban::Iban;
use gestio::domain::ledger::{EntryDraft, EntrySource, Posting};
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::service::ledger::{open_book, post_entries, trial_balance};
use gestio::service::parties::{create_beneficiary, create_office};
use gestio::service::verify::verify;
use gestio::storage::Store;

const ENTRIES_DEFAULT: usize = 1_000_000;
/// Entries per db transaction: large enough to amortise the commit (an fsync with
/// synchronous=FULL), small enough to keep memory flat.
const ENTRIES_PER_BATCH: usize = 10_000;

fn main() {
    let entries: usize = std::env::var("BENCH_ENTRIES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(ENTRIES_DEFAULT);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(entries));
}

async fn run(entries: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", folder.path().join("bench.db").display()));
    let store = Store::open(&url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
        .await
        .expect("opening the benchmark database");
    let (book, accounts) = open_bench_book(&store).await;
    println!(
        "ledger benchmark on {:?}: {entries} entries of 2 postings, {ENTRIES_PER_BATCH} per db transaction",
        store.backend()
    );

    let started = Instant::now();
    let mut posted = 0;
    while posted < entries {
        let batch = ENTRIES_PER_BATCH.min(entries - posted);
        let drafts = (posted..posted + batch)
            .map(|index| draft(book, &accounts, index))
            .collect();
        post_entries(&store, book, drafts, Utc::now())
            .await
            .expect("posting a batch");
        posted += batch;
    }
    let posting = started.elapsed();
    println!(
        "posted {posted} entries in {:.2} s: {:.0} entries/s",
        posting.as_secs_f64(),
        posted as f64 / posting.as_secs_f64()
    );

    let (elapsed, trial) = best_of(5, || trial_balance(&store, book, None)).await;
    assert!(trial.is_balanced(), "BUG: the benchmark book does not balance");
    println!(
        "trial balance from running totals ({} accounts, {} postings): {:.2} ms (best of 5)",
        trial.lines.len(),
        2 * posted + 4,
        millis(elapsed)
    );

    let at = NaiveDate::from_ymd_opt(2100, 1, 1).expect("a date");
    let (elapsed, _) = best_of(1, || trial_balance(&store, book, Some(at))).await;
    println!(
        "trial balance at a date, summing every posting: {:.0} ms",
        millis(elapsed)
    );

    let started = Instant::now();
    let results = verify(&store, Some(book)).await.expect("verifying");
    assert!(results[0].is_sound(), "BUG: {:?}", results[0].problems);
    println!(
        "verify (hash chain and running totals): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    store.close().await;
}

async fn best_of<T, F: std::future::Future<Output = Result<T, gestio::service::ServiceError>>>(
    rounds: usize,
    mut action: impl FnMut() -> F,
) -> (Duration, T) {
    let mut best = None;
    for _ in 0..rounds {
        let started = Instant::now();
        let value = action().await.expect("the timed action");
        let elapsed = started.elapsed();
        best = match best {
            Some((fastest, _)) if fastest <= elapsed => best,
            _ => Some((elapsed, value)),
        };
    }
    best.expect("at least one round")
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Alternates a pension in, rent out, groceries out, so the bank balance stays realistic.
fn draft(book: gestio::domain::ids::BookId, accounts: &[Account], index: usize) -> EntryDraft {
    let code = |code: &str| {
        accounts
            .iter()
            .find(|account| account.code == code)
            .expect("a chart account")
            .id
    };
    let eur = |minor: i64| Money::from_minor(minor, Currency::EUR);
    let (counter, amount) = match index % 3 {
        0 => (code("4000"), 150_000),
        1 => (code("6000"), -80_000),
        _ => (code("6400"), -(index as i64 % 9_000) - 1),
    };
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date") + chrono::Days::new((index / 3_000) as u64);
    EntryDraft {
        book_id: book,
        date: day,
        description: "benchmark entry".to_owned(),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: None,
        author: "bench".to_owned(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: code("1100"),
                amount: eur(amount),
            },
            Posting {
                account_id: counter,
                amount: eur(-amount),
            },
        ],
    }
}

async fn open_bench_book(store: &Store) -> (gestio::domain::ids::BookId, Vec<Account>) {
    let now = Utc::now();
    let today = now.date_naive();
    let office = create_office(
        store,
        &NewOffice::new("Benchmark office", "LU").expect("an office"),
        now,
    )
    .await
    .expect("office");
    let person = NewBeneficiary::new(office.id, "Benchmark", Language::Fr, None, None, today).expect("a beneficiary");
    let person = create_beneficiary(store, &person, now).await.expect("beneficiary");
    let bank = OpeningBank {
        account: BankAccountSpec {
            iban: Iban::parse("LU280019400644750000").expect("an IBAN"),
            name: "Bank".to_owned(),
        },
        balance: Money::from_minor(100_000, Currency::EUR),
    };
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let inventory = OpeningInventory::new(start, Currency::EUR, vec![bank], Money::zero(Currency::EUR), vec![])
        .expect("an inventory");
    let opened = open_book(store, person.id, &inventory, "bench", now)
        .await
        .expect("book");
    (opened.book.id, opened.accounts)
}
