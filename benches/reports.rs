//! Reports benchmark, on a fresh SQLite database: the annual account of one book with 10,000
//! entries, then the June filing season of a large office — a caseload of books with a year of
//! entries each. Prints the time per account as JSON (mean, p50, p99) and as PDF (the court's
//! document typeset by typst), one account after the other on a sample of the books; then the
//! season itself: every account filed (account, PDF, snapshot stored, period locked) the way
//! `gestio report file-due` does it, as many at a time as there are cores. Asserts no time.
//!
//!     cargo bench --bench reports
//!
//! `BENCH_BOOKS` (default 1,000), `BENCH_ENTRIES_PER_BOOK` (default 600), `BENCH_SAMPLE` (books
//! timed one by one, default 100) and `BENCH_LARGE_BOOK` (default 10,000: its JSON is timed and its PDF refused, longer than a
//! PDF may be; 2,000 times the largest PDF) scale it. Targets from
//! the issue: JSON per account < 20 ms; 1,000 PDFs < 2 min.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use gestio::domain::ids::BookId;
use gestio::domain::report::Period;
use gestio::render::account::document_for;
use gestio::service::filing_season::{DueAccount, file_accounts};
use gestio::service::reports::periodic_account;
use gestio::storage::Store;

fn main() {
    let books = support::setting("BENCH_BOOKS", 1_000);
    let per_book = support::setting("BENCH_ENTRIES_PER_BOOK", 600);
    let large = support::setting("BENCH_LARGE_BOOK", 10_000);
    let sample = support::setting("BENCH_SAMPLE", 100).min(books);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(books, per_book, large, sample));
}

fn year() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"),
    }
}

/// The account as JSON and as PDF, each timed; `None` for a PDF refused as too long (see
/// `gestio::render::pdf::PDF_TABLE_ROWS_MAX`).
async fn json_and_pdf(store: &Store, book: BookId) -> (Duration, usize, Option<Duration>) {
    let started = Instant::now();
    let account = periodic_account(store, book, year()).await.expect("an account");
    let bytes = serde_json::to_vec(&account).expect("JSON").len();
    let json_time = started.elapsed();
    let started = Instant::now();
    let account = periodic_account(store, book, year()).await.expect("an account");
    let (_, _, document) = document_for(&account, None, None).expect("a layout");
    match gestio::render::pdf::pdf(&document) {
        Ok(pdf) => {
            assert!(pdf.starts_with(b"%PDF-"));
            (json_time, bytes, Some(started.elapsed()))
        }
        Err(gestio::render::pdf::PdfError::TooLarge { rows, max }) => {
            println!("the PDF is refused: {rows} table rows, more than {max}");
            (json_time, bytes, None)
        }
        Err(error) => panic!("the PDF failed: {error}"),
    }
}

fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

async fn run(books: usize, per_book: usize, large: usize, sample: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", folder.path().join("bench.db").display());
    let store = Store::open(&url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
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
        "the book of {large} entries: account as JSON {:.1} ms ({:.0} KB), as PDF {}",
        milliseconds(json_time),
        bytes as f64 / 1000.0,
        pdf_time.map_or_else(|| "refused".to_owned(), |time| format!("{:.0} ms", milliseconds(time)))
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

    let mut json_times = Vec::with_capacity(sample);
    let mut pdf_times = Vec::with_capacity(sample);
    let mut bytes = 0;
    let started = Instant::now();
    for book in &ids[..sample] {
        let (json_time, size, pdf_time) = json_and_pdf(&store, *book).await;
        json_times.push(json_time);
        pdf_times.push(pdf_time.expect("a book of the season fits in a PDF"));
        bytes += size;
    }
    let both = started.elapsed();
    for (what, times) in [("JSON", &mut json_times), ("PDF", &mut pdf_times)] {
        times.sort();
        let total: Duration = times.iter().sum();
        println!(
            "{sample} accounts one by one as {what}: {:.1} s in all; per account mean {:.1} ms, p50 {:.1} ms, p99 {:.1} ms",
            total.as_secs_f64(),
            milliseconds(total / sample as u32),
            milliseconds(times[sample / 2]),
            milliseconds(times[(sample * 99 / 100).min(sample - 1)])
        );
    }
    println!(
        "({:.0} KB of JSON per account on average; both passes {:.1} s)",
        bytes as f64 / 1000.0 / sample as f64,
        both.as_secs_f64()
    );

    let parallel = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    let accounts: Vec<DueAccount> = ids
        .iter()
        .map(|book| DueAccount {
            book: *book,
            beneficiary: String::new(),
            period: year(),
            due: year().to,
        })
        .collect();
    let started = Instant::now();
    let outcomes = file_accounts(&store, accounts, "bench", Utc::now(), parallel).await;
    let seconds = started.elapsed().as_secs_f64();
    for outcome in &outcomes {
        if let Err(error) = &outcome.filed {
            panic!("book {} was not filed: {error}", outcome.account.book);
        }
    }
    println!(
        "filing season: {books} accounts filed (account, PDF, snapshot, lock), {parallel} at a time, in {seconds:.1} s: \
         {:.0} ms per account",
        seconds * 1000.0 / books as f64
    );
    println!("peak memory (VmHWM): {}", support::peak_memory());
    store.close().await;
}
