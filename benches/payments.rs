//! Payment run benchmark: one run over a whole caseload of books, each with due payments, on a
//! fresh SQLite database. Prints the time to plan the run and write its pain.001 files, and the
//! files' size; asserts no time.
//!
//!     cargo bench --bench payments
//!
//! `BENCH_BOOKS` (default 10,000) and `BENCH_ORDERS_PER_BOOK` (default 10) scale it.

#[path = "support/mod.rs"]
mod support;

use std::time::Instant;

use chrono::{NaiveDate, Utc};
use gestio::domain::account::{BankAccountSpec, ReportCategory};
use gestio::domain::creditor::{NewCreditor, PaymentTarget, PostalAddress, Remittance};
use gestio::domain::iban::Iban;
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::domain::schedule::{DayOfMonth, Ending, Frequency, NewSchedule, Priority};
use gestio::export::pain001::PainVersion;
use gestio::service::ledger::open_book;
use gestio::service::parties::{create_beneficiary, create_office};
use gestio::service::payments::{RunRequest, add_creditor, run_payments};
use gestio::storage::Store;

fn main() {
    let books = support::setting("BENCH_BOOKS", 10_000);
    let per_book = support::setting("BENCH_ORDERS_PER_BOOK", 10);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(books, per_book));
}

async fn run(books: usize, per_book: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", folder.path().join("bench.db").display());
    let store = Store::open(&url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
        .await
        .expect("a database");
    let now = Utc::now();
    let started = Instant::now();
    let office = create_office(
        &store,
        &NewOffice::new("Benchmark office", "LU").expect("an office"),
        now,
    )
    .await
    .expect("office");
    let mut creditors = Vec::with_capacity(per_book);
    for number in 0..per_book {
        let creditor = NewCreditor {
            office_id: office.id,
            book_id: None,
            name: format!("Créancier n° {number} & fils"),
            iban: Iban::parse(&support::iban("LU", "0019", 500_000 + number)).expect("a generated IBAN"),
            bic: None,
            address: PostalAddress::new(Some("Rue du Fossé"), Some("1"), Some("L-1536"), "Luxembourg", "LU")
                .expect("an address"),
            default_target: None,
            default_remittance: Some(Remittance::parse("Facture mensuelle").expect("a remittance")),
        };
        creditors.push(add_creditor(&store, &creditor, now).await.expect("a creditor"));
    }
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let first_due = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let categories = [
        ReportCategory::Housing,
        ReportCategory::Energy,
        ReportCategory::Health,
        ReportCategory::Telecom,
        ReportCategory::Insurance,
    ];
    for number in 0..books {
        let person = NewBeneficiary::new(
            office.id,
            &format!("Person {number}"),
            Language::Fr,
            None,
            None,
            now.date_naive(),
        )
        .expect("a person");
        let person = create_beneficiary(&store, &person, now).await.expect("beneficiary");
        let bank = OpeningBank {
            account: BankAccountSpec {
                iban: Iban::parse(&support::iban("LU", "0019", number)).expect("a generated IBAN"),
                name: "Bank".into(),
            },
            balance: Money::from_minor(10_000_000, Currency::EUR),
        };
        let inventory = OpeningInventory::new(start, Currency::EUR, vec![bank], Money::zero(Currency::EUR), vec![])
            .expect("an inventory");
        let opened = open_book(&store, person.id, &inventory, "bench", now)
            .await
            .expect("a book");
        // Schedules go in through the store in one db transaction per book: the use case would
        // check each against the book again, which is not what is measured here.
        let mut tx = store.begin_write().await.expect("a db transaction");
        for (index, creditor) in creditors.iter().enumerate() {
            let schedule = NewSchedule {
                book_id: opened.book.id,
                creditor_id: creditor.id,
                debtor_account: None,
                amount: Money::from_minor(5_000 + (number * 7 + index * 13) as i64 % 50_000, Currency::EUR),
                target: PaymentTarget::Category(categories[index % categories.len()]),
                frequency: Frequency::Monthly {
                    day: DayOfMonth::Day(1 + index as u32 % 28),
                },
                start: first_due,
                ending: Ending::Never,
                remittance: None,
                priority: Priority::new(1 + (index % 5) as u8).expect("a priority"),
                needs_authorisation: false,
                authorisation_ref: None,
            };
            tx.insert_schedule(&schedule, now).await.expect("a schedule");
        }
        tx.commit().await.expect("committing the schedules");
    }
    println!(
        "set up {books} books with {per_book} schedules each in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let request = RunRequest {
        office: office.id,
        book: None,
        date: NaiveDate::from_ymd_opt(2026, 12, 31).expect("a date"),
        format: PainVersion::V09,
        author: "bench",
    };
    let report = run_payments(&store, request, now).await.expect("a payment run");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(
        report.orders.len(),
        books * per_book,
        "BUG: every due payment is funded"
    );
    let bytes: i64 = {
        let mut total = 0;
        for file in &report.files {
            let (_, content) =
                gestio::service::payments::payment_file(&store, gestio::domain::ids::PaymentFileId::new(file.id))
                    .await
                    .expect("a stored file");
            total += content.len() as i64;
        }
        total
    };
    println!(
        "payment run: {} orders in {} files planned and written in {:.1} s ({:.0} orders/s)",
        report.orders.len(),
        report.files.len(),
        seconds,
        report.orders.len() as f64 / seconds
    );
    println!(
        "files: {:.1} MB in all, {:.1} KB per file on average",
        bytes as f64 / 1_000_000.0,
        bytes as f64 / 1_000.0 / report.files.len().max(1) as f64
    );
    println!("peak memory (VmHWM): {}", support::peak_memory());
    store.close().await;
}
