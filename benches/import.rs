//! Import benchmark: deterministic camt.053 files for many accounts and months, parsed alone and
//! then imported into a fresh SQLite database. Prints MB/s, entries/s and peak memory; asserts
//! no time.
//!
//!     cargo bench --bench import
//!
//! `BENCH_ACCOUNTS` (default 500) and `BENCH_MONTHS` (default 36) scale it; about 28 entries a
//! month per account, so the default is about 500,000 entries in 18,000 files.

#[path = "support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, Months, NaiveDate, Utc};
use gestio::domain::account::BankAccountSpec;
use gestio::domain::iban::Iban;
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::import::camt;
use gestio::service::import::{ImportBatch, ImportOptions, PreparedFile};
use gestio::service::ledger::open_book;
use gestio::service::parties::{create_beneficiary, create_office};
use gestio::storage::Store;

/// Entries per monthly statement, unless `BENCH_ENTRIES_PER_MONTH` says otherwise.
const ENTRIES_PER_MONTH_DEFAULT: usize = 28;
/// Files per db transaction, as `gestio import` uses.
const FILES_PER_BATCH: usize = 200;

fn main() {
    let accounts = support::setting("BENCH_ACCOUNTS", 500);
    let months = support::setting("BENCH_MONTHS", 36);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(accounts, months));
}

async fn run(accounts: usize, months: usize) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let (files, bytes, entries) = write_files(folder.path(), accounts, months);
    println!(
        "generated {} files, {:.1} MB, {entries} entries for {accounts} accounts x {months} months in {:.1} s",
        files.len(),
        megabytes(bytes),
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut parsed_entries = 0;
    for path in &files {
        let content = std::fs::read(path).expect("reading a generated file");
        parsed_entries += camt::parse(&content).expect("a generated file parses").statements[0]
            .entries
            .len();
    }
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(parsed_entries, entries, "BUG: the parser lost entries");
    println!(
        "parse only: {:.1} s, {:.0} MB/s, {:.0} entries/s",
        seconds,
        megabytes(bytes) / seconds,
        entries as f64 / seconds
    );

    let url = format!("sqlite://{}", folder.path().join("bench.db").display());
    let store = Store::open(&url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
        .await
        .expect("a database");
    open_books(&store, accounts).await;
    let started = Instant::now();
    let mut booked = 0;
    // As `gestio import` does: files read and parsed a few ahead on a thread of their own, and
    // imported in batches of one db transaction, a savepoint per file.
    let (sender, mut prepared) = tokio::sync::mpsc::channel(4);
    let paths = files.clone();
    let reader = std::thread::spawn(move || {
        for path in paths {
            let content = std::fs::read(&path).expect("reading a generated file");
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            let file = PreparedFile::new(&name, &content, ImportOptions::default()).expect("a generated file parses");
            if sender.blocking_send(file).is_err() {
                return;
            }
        }
    });
    let mut batch = ImportBatch::begin(&store).await.expect("a batch");
    while let Some(file) = prepared.recv().await {
        let summary = batch
            .import_prepared(file, ImportOptions::default(), "bench", Utc::now())
            .await
            .expect("importing");
        booked += summary.statements.iter().map(|statement| statement.new).sum::<usize>();
        if batch.files() == FILES_PER_BATCH {
            batch.commit().await.expect("committing a batch");
            batch = ImportBatch::begin(&store).await.expect("a batch");
        }
    }
    batch.commit().await.expect("committing the last batch");
    reader.join().expect("the reader thread");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(booked, entries, "BUG: the import did not book every entry");
    println!(
        "full import into SQLite: {:.1} s, {:.1} MB/s, {:.0} entries/s",
        seconds,
        megabytes(bytes) / seconds,
        booked as f64 / seconds
    );
    println!("peak memory (VmHWM): {}", support::peak_memory());
    waiting_lines(&store).await;
    case_pages(&store).await;
    store.close().await;
}

/// The counsellor's list of lines waiting for a category in the first book (every imported line
/// waits: the benchmark has no rules), then one categorised.
async fn waiting_lines(store: &Store) {
    let book = gestio::domain::ids::BookId::new(1);
    let started = Instant::now();
    let waiting = gestio::service::categorise::suspense(store, book)
        .await
        .expect("the waiting lines");
    println!(
        "waiting lines of book 1: {} listed in {:.3} s",
        waiting.len(),
        started.elapsed().as_secs_f64()
    );
    let Some(first) = waiting.first() else { return };
    let started = Instant::now();
    gestio::service::categorise::categorise(
        store,
        book,
        gestio::domain::ids::EntryId::new(first.entry_id),
        first.line_no,
        "6000",
        false,
        "bench",
        Utc::now(),
    )
    .await
    .expect("categorising a line");
    println!("one line categorised in {:.3} s", started.elapsed().as_secs_f64());
}

/// The case page of book 1 and its other pages through the real server (its session, access
/// and audit path), as the counsellor opens them: the time of each answer (5 asks; median,
/// fastest, slowest) and its weight. Then 50 waiting lines moved at once.
async fn case_pages(store: &Store) {
    use gestio::domain::ids::{BookId, EntryId};
    let book = BookId::new(1);
    let office = support::sessions::first_office(store).await;
    let passwords = gestio::service::passwords::PasswordGuard::default();
    let cookie = support::sessions::counsellor_cookie(store, &passwords, office, "bench", &[book], "10.0.0.1").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("an address");
    let state = gestio::http::AppState::new(store.clone());
    tokio::spawn(gestio::http::serve(listener, state, std::future::pending()));
    let client = reqwest::Client::new();
    for path in [
        "/case/1",
        "/case/1?waiting=1000",
        "/case/1?q=rent&direction=out",
        "/case/1/court",
        "/case/1/payments",
    ] {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..5 {
            let started = Instant::now();
            let response = client
                .get(format!("http://{address}{path}"))
                .header("cookie", &cookie)
                .send()
                .await
                .expect("an answer");
            let status = response.status();
            size = response.bytes().await.expect("a body").len();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(status.is_success(), "{path}: {status}");
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{path}: median {:.1} ms (fastest {:.1}, slowest {:.1}), {:.0} KB",
            times[2],
            times[0],
            times[4],
            size as f64 / 1000.0
        );
    }
    let waiting = gestio::service::categorise::suspense(store, book)
        .await
        .expect("the waiting lines");
    let lines: Vec<(EntryId, i64)> = waiting
        .iter()
        .take(50)
        .map(|item| (EntryId::new(item.entry_id), item.line_no))
        .collect();
    let started = Instant::now();
    gestio::service::categorise::categorise_many(store, book, &lines, "6000", "bench", Utc::now())
        .await
        .expect("moving 50 lines");
    println!(
        "{} lines categorised at once in {:.3} s",
        lines.len(),
        started.elapsed().as_secs_f64()
    );
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

async fn open_books(store: &Store, accounts: usize) {
    let now = Utc::now();
    let office = create_office(
        store,
        &NewOffice::new("Benchmark office", "LU").expect("an office"),
        now,
    )
    .await
    .expect("office");
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date");
    for number in 0..accounts {
        let person = NewBeneficiary::new(
            office.id,
            &format!("Person {number}"),
            Language::Fr,
            None,
            None,
            now.date_naive(),
        )
        .expect("a person");
        let person = create_beneficiary(store, &person, now).await.expect("beneficiary");
        let bank = OpeningBank {
            account: BankAccountSpec {
                iban: Iban::parse(&support::iban("LU", "0019", number)).expect("an IBAN"),
                name: "Bank".into(),
            },
            balance: Money::from_minor(100_000, Currency::EUR),
        };
        let inventory = OpeningInventory::new(start, Currency::EUR, vec![bank], Money::zero(Currency::EUR), vec![])
            .expect("an inventory");
        open_book(store, person.id, &inventory, "bench", now)
            .await
            .expect("a book");
    }
}

/// Writes one camt.053.001.08 file per account and month; returns the paths, bytes and entries.
fn write_files(folder: &Path, accounts: usize, months: usize) -> (Vec<PathBuf>, usize, usize) {
    let mut paths = Vec::with_capacity(accounts * months);
    let (mut bytes, mut entries) = (0, 0);
    for account in 0..accounts {
        let mut balance: i64 = 100_000;
        for month in 0..months {
            let first = NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date") + Months::new(month as u32);
            let (document, closing, count) = statement(account, month, first, balance);
            balance = closing;
            let path = folder.join(format!("{account:04}-{month:02}.xml"));
            std::fs::write(&path, &document).expect("writing a generated file");
            bytes += document.len();
            entries += count;
            paths.push(path);
        }
    }
    (paths, bytes, entries)
}

fn amount(minor: i64) -> String {
    format!("{}.{:02}", minor.abs() / 100, minor.abs() % 100)
}

fn statement(account: usize, month: usize, first: NaiveDate, opening: i64) -> (String, i64, usize) {
    let mut body = String::with_capacity(32 * 1024);
    let mut balance = opening;
    let entries_per_month = support::setting("BENCH_ENTRIES_PER_MONTH", ENTRIES_PER_MONTH_DEFAULT);
    for index in 0..entries_per_month {
        let day = first.with_day(1 + (index as u32 % 28)).expect("a day of the month");
        let minor = if index == 0 {
            165_000
        } else {
            -(((account * 31 + month * 7 + index * 13) % 4_000) as i64 + 100)
        };
        balance += minor;
        let (indicator, party) = if minor > 0 { ("CRDT", "Dbtr") } else { ("DBIT", "Cdtr") };
        writeln!(
            body,
            "<Ntry><NtryRef>{index}</NtryRef><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
             <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt><AcctSvcrRef>B{account:04}{month:02}{index:05}</AcctSvcrRef>\
             <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
             <NtryDtls><TxDtls><Refs><EndToEndId>E2E-{account}-{month}-{index}</EndToEndId></Refs><Amt Ccy=\"EUR\">{}</Amt>\
             <RltdPties><{party}><Pty><Nm>Counterparty {} S.A.</Nm></Pty></{party}><{party}Acct><Id><IBAN>{}</IBAN></Id></{party}Acct></RltdPties>\
             <RmtInf><Ustrd>Invoice {account}-{month}-{index} for services rendered in {first}, customer number {account:06}</Ustrd></RmtInf>\
             </TxDtls></NtryDtls></Ntry>",
            amount(minor),
            amount(minor),
            index % 17,
            support::iban("LU", "0019", 10_000 + index % 17),
        )
        .expect("writing to a String");
    }
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .expect("a last day");
    let balance_element = |code: &str, minor: i64, date: NaiveDate| {
        let indicator = if minor < 0 { "DBIT" } else { "CRDT" };
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>",
            amount(minor)
        )
    };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\
         <GrpHdr><MsgId>M{account}-{month}</MsgId><CreDtTm>{last}T23:00:00</CreDtTm></GrpHdr><Stmt><Id>S{account}-{month}</Id>\
         <ElctrncSeqNb>{}</ElctrncSeqNb><Acct><Id><IBAN>{}</IBAN></Id><Ccy>EUR</Ccy></Acct>{}{}\n{body}</Stmt></BkToCstmrStmt></Document>\n",
        month + 1,
        support::iban("LU", "0019", account),
        balance_element("OPBD", opening, first),
        balance_element("CLBD", balance, last),
    );
    (document, balance, entries_per_month)
}
