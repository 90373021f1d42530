//! Reports benchmark, on a fresh SQLite database: the annual account of one book with 10,000
//! entries, then the June filing season of a large office — a caseload of books with a year of
//! entries each. Prints the time per account as JSON (mean, p50, p99) and as PDF (the court's
//! document typeset by typst), and the time to file every account (account, PDF, snapshot stored,
//! period locked); asserts no time.
//!
//!     cargo bench --bench reports
//!
//! `BENCH_BOOKS` (default 1,000), `BENCH_ENTRIES_PER_BOOK` (default 600) and `BENCH_LARGE_BOOK`
//! (default 10,000) scale it. Targets from the issue: JSON per account < 20 ms; 1,000 PDFs < 2 min.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use gestio::domain::ids::BookId;
use gestio::domain::report::Period;
use gestio::render::account::document_for;
use gestio::service::filings::{FilingRequest, file_account};
use gestio::service::reports::periodic_account;
use gestio::storage::Store;

fn main() {
    let books = support::setting("BENCH_BOOKS", 1_000);
    let per_book = support::setting("BENCH_ENTRIES_PER_BOOK", 600);
    let large = support::setting("BENCH_LARGE_BOOK", 10_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(books, per_book, large));
}

fn year() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"),
    }
}

/// The account as JSON and as PDF, each timed.
async fn json_and_pdf(store: &Store, book: BookId) -> (Duration, usize, Duration) {
    let started = Instant::now();
    let account = periodic_account(store, book, year()).await.expect("an account");
    let bytes = serde_json::to_vec(&account).expect("JSON").len();
    let json_time = started.elapsed();
    let started = Instant::now();
    let account = periodic_account(store, book, year()).await.expect("an account");
    let (_, _, document) = document_for(&account, None, None).expect("a layout");
    let pdf = gestio::render::pdf::pdf(&document).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    (json_time, bytes, started.elapsed())
}

fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

async fn run(books: usize, per_book: usize, large: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&format!("sqlite://{}", folder.path().join("bench.db").display()))
        .await
        .expect("a database");
    let started = Instant::now();
    let large_book = support::books::set_up_book(&store, 0, large, year().from).await;
    println!(
        "set up one book with {large} entries in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (json_time, bytes, pdf_time) = json_and_pdf(&store, large_book).await;
    println!(
        "the book of {large} entries: account as JSON {:.1} ms ({:.0} KB), as PDF {:.0} ms",
        milliseconds(json_time),
        bytes as f64 / 1000.0,
        milliseconds(pdf_time)
    );

    let started = Instant::now();
    let mut ids = Vec::with_capacity(books);
    for number in 1..=books {
        ids.push(support::books::set_up_book(&store, number, per_book, year().from).await);
    }
    println!(
        "set up {books} books with {per_book} entries each in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut json_times = Vec::with_capacity(books);
    let mut pdf_times = Vec::with_capacity(books);
    let mut bytes = 0;
    let started = Instant::now();
    for book in &ids {
        let (json_time, size, pdf_time) = json_and_pdf(&store, *book).await;
        json_times.push(json_time);
        pdf_times.push(pdf_time);
        bytes += size;
    }
    let both = started.elapsed();
    for (what, times) in [("JSON", &mut json_times), ("PDF", &mut pdf_times)] {
        times.sort();
        let total: Duration = times.iter().sum();
        println!(
            "{books} accounts as {what}: {:.1} s in all; per account mean {:.1} ms, p50 {:.1} ms, p99 {:.1} ms",
            total.as_secs_f64(),
            milliseconds(total / books as u32),
            milliseconds(times[books / 2]),
            milliseconds(times[(books * 99 / 100).min(books - 1)])
        );
    }
    println!(
        "({:.0} KB of JSON per account on average; both passes {:.1} s)",
        bytes as f64 / 1000.0 / books as f64,
        both.as_secs_f64()
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
