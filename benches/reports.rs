//! Reports benchmark: a caseload of books with a year of entries each, on a fresh SQLite database.
//! Prints the time to build each periodic account as JSON (mean, p50, p99), and the time to file
//! every account (account, PDF typeset by typst, snapshot stored, period locked); asserts no time.
//!
//!     cargo bench --bench reports
//!
//! `BENCH_BOOKS` (default 1,000) and `BENCH_ENTRIES_PER_BOOK` (default 600) scale it. Targets
//! from the issue: JSON per account < 20 ms; 1,000 PDFs < 2 min.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use gestio::domain::account::{BankAccountSpec, ReportCategory};
use gestio::domain::iban::Iban;
use gestio::domain::ids::BookId;
use gestio::domain::ledger::{EntryDraft, EntrySource, Posting};
use gestio::domain::mandate::{Jurisdiction, MandateInput, MandateKind, NewMandate, PeriodRule};
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::domain::report::Period;
use gestio::service::filings::{FilingRequest, file_account};
use gestio::service::ledger::{open_book, post_entries};
use gestio::service::parties::{create_beneficiary, create_mandate, create_office};
use gestio::service::reports::periodic_account;
use gestio::storage::Store;

const CATEGORIES: [ReportCategory; 6] = [
    ReportCategory::Housing,
    ReportCategory::Energy,
    ReportCategory::Health,
    ReportCategory::PersonalAllowance,
    ReportCategory::Telecom,
    ReportCategory::Transport,
];

fn main() {
    let books = support::setting("BENCH_BOOKS", 1_000);
    let per_book = support::setting("BENCH_ENTRIES_PER_BOOK", 600);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(books, per_book));
}

fn year() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"),
    }
}

async fn run(books: usize, per_book: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&format!("sqlite://{}", folder.path().join("bench.db").display()))
        .await
        .expect("a database");
    let started = Instant::now();
    let mut ids = Vec::with_capacity(books);
    for number in 0..books {
        ids.push(set_up_book(&store, number, per_book).await);
    }
    println!(
        "set up {books} books with {per_book} entries each in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut times = Vec::with_capacity(books);
    let mut bytes = 0;
    for book in &ids {
        let started = Instant::now();
        let account = periodic_account(&store, *book, year()).await.expect("an account");
        bytes += serde_json::to_vec(&account).expect("JSON").len();
        times.push(started.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / books as u32;
    println!(
        "account as JSON: mean {:.1} ms, p50 {:.1} ms, p99 {:.1} ms per account ({:.0} KB on average)",
        mean.as_secs_f64() * 1000.0,
        times[books / 2].as_secs_f64() * 1000.0,
        times[(books * 99 / 100).min(books - 1)].as_secs_f64() * 1000.0,
        bytes as f64 / 1000.0 / books as f64
    );

    let started = Instant::now();
    for book in &ids {
        let request = FilingRequest {
            book: *book,
            period: year(),
            layout: None,
            language: None,
            filed_by: "bench",
            now: Utc::now(),
        };
        file_account(&store, &request).await.expect("a filing");
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "filed {books} accounts (account, PDF, snapshot, lock) in {seconds:.1} s: {:.0} ms per account",
        seconds * 1000.0 / books as f64
    );
    println!("peak memory (VmHWM): {}", support::peak_memory());
    store.close().await;
}

async fn set_up_book(store: &Store, number: usize, per_book: usize) -> BookId {
    let now = Utc::now();
    let office = if number == 0 {
        create_office(
            store,
            &NewOffice::new("Benchmark office", "LU").expect("an office"),
            now,
        )
        .await
        .expect("office")
        .id
    } else {
        store
            .begin_read()
            .await
            .expect("a read")
            .offices()
            .await
            .expect("offices")[0]
            .id
    };
    let person = NewBeneficiary::new(
        office,
        &format!("Person {number}"),
        Language::Fr,
        None,
        None,
        now.date_naive(),
    )
    .expect("a person");
    let person = create_beneficiary(store, &person, now).await.expect("beneficiary");
    let start = year().from;
    let mandate = NewMandate::new(
        person.id,
        MandateKind::Tutelle,
        start,
        PeriodRule::CalendarYear,
        Jurisdiction::Lu,
        MandateInput {
            court: Some("Tribunal d'arrondissement de Luxembourg"),
            case_number: Some(&format!("TUT 2025/{number}")),
            receipt_threshold: Some(Money::from_minor(30_000, Currency::EUR)),
            ..MandateInput::default()
        },
    )
    .expect("a mandate");
    create_mandate(store, &mandate, now).await.expect("mandate");
    let bank = OpeningBank {
        account: BankAccountSpec {
            iban: Iban::parse(&support::iban("LU", "0019", number)).expect("a generated IBAN"),
            name: "Compte courant".into(),
        },
        balance: Money::from_minor(100_000, Currency::EUR),
    };
    let inventory = OpeningInventory::new(start, Currency::EUR, vec![bank], Money::zero(Currency::EUR), vec![])
        .expect("an inventory");
    let opened = open_book(store, person.id, &inventory, "bench", now)
        .await
        .expect("a book");
    let account = |category: ReportCategory| {
        opened
            .accounts
            .iter()
            .find(|account| account.category == category)
            .expect("the standard chart has it")
            .id
    };
    let bank = account(ReportCategory::Bank);
    let drafts: Vec<EntryDraft> = (0..per_book)
        .map(|index| {
            let date = start + Days::new((index * 365 / per_book) as u64);
            // One entry in seven is the pension coming in; the others are spending.
            let (counter, minor) = if index % 7 == 0 {
                (account(ReportCategory::Pension), 160_000)
            } else {
                (
                    account(CATEGORIES[index % CATEGORIES.len()]),
                    -(1_000 + (index * 37 % 40_000) as i64),
                )
            };
            EntryDraft {
                book_id: opened.book.id,
                date,
                description: format!("Mouvement n° {index}"),
                source: EntrySource::Manual,
                source_ref: None,
                receipt: None,
                author: "bench".into(),
                reverses: None,
                postings: vec![
                    Posting {
                        account_id: bank,
                        amount: Money::from_minor(minor, Currency::EUR),
                    },
                    Posting {
                        account_id: counter,
                        amount: Money::from_minor(-minor, Currency::EUR),
                    },
                ],
            }
        })
        .collect();
    post_entries(store, opened.book.id, drafts, now).await.expect("entries");
    opened.book.id
}
