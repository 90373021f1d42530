//! Abuse load test (issue 22): what 2,000 requests without a session and 2,000 slow clients do to
//! a running server. It prints the database's growth from the anonymous requests, and whether a
//! signed-in counsellor is still answered while the slow clients hold their connections, with the
//! latency; it asserts nothing.
//!
//!     cargo bench --bench abuse                                  # SQLite
//!     BENCH_DATABASE_URL=postgres://…/empty_db cargo bench --bench abuse
//!
//! `BENCH_ANONYMOUS` (2,000) and `BENCH_SLOW_CLIENTS` (2,000) scale it. The slow clients each
//! open a connection and send the start of a request, never its end, as the probe's did; the
//! server's limits are its defaults (10 s for a request's headers, 512 open connections).

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use chrono::Utc;
use gestio::domain::access::Role;
use gestio::domain::user::NewUser;
use gestio::http::AppState;
use gestio::service::passwords::PasswordWork;
use gestio::service::users::{add_user, assign};
use gestio::storage::Store;
use tokio::io::AsyncWriteExt;

const PASSWORD: &str = "benchmark passphrase of the counsellor";
/// Anonymous requests sent at once.
const ANONYMOUS_AT_ONCE: usize = 50;

fn main() {
    let anonymous = support::setting("BENCH_ANONYMOUS", 2_000);
    let slow_clients = support::setting("BENCH_SLOW_CLIENTS", 2_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let database = folder.path().join("bench.db");
    let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| format!("sqlite://{}", database.display()));
    runtime.block_on(async {
        let store = Store::open(&url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
            .await
            .expect("opening the benchmark database");
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        let book = support::books::set_up_book(&store, 0, 20, start).await;
        let office = store.begin_read().await.expect("a read").offices().await.expect("offices")[0].id;
        let user = NewUser {
            office: Some(office),
            login: "counsellor".to_owned(),
            display_name: "Counsellor".to_owned(),
            role: Role::Counsellor,
            language: None,
            beneficiary: None,
            court: None,
        };
        add_user(&store, &PasswordWork::default(), user, PASSWORD, Utc::now())
            .await
            .expect("a counsellor");
        assign(&store, "counsellor", book, Utc::now()).await.expect("an assignment");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let address = listener.local_addr().expect("the bound address");
        tokio::spawn(gestio::http::serve(listener, AppState::new(store.clone()), std::future::pending()));
        let base = format!("http://{address}");
        let counsellor = signed_in(&base).await;
        let book_url = format!("{base}/api/v1/books/{book}");

        let before = database_bytes(&store, &database).await;
        let started = Instant::now();
        let answers = send_anonymous(&base, anonymous).await;
        let after = database_bytes(&store, &database).await;
        println!(
            "{anonymous} anonymous requests (half with 8 KB paths) in {:.1} s, answered {answers:?}: database {} → {} bytes ({:+} bytes)",
            started.elapsed().as_secs_f64(),
            before,
            after,
            after as i64 - before as i64
        );

        // The slow clients from one address (127.0.0.2), then spread over a hundred; the
        // counsellor asks from 127.0.0.1 while they hold their connections.
        let one = (0..slow_clients).map(|_| "127.0.0.2".to_owned()).collect::<Vec<_>>();
        hold_and_ask(address, &one, "from one address", &counsellor, &book_url).await;
        let many = (0..slow_clients).map(|number| format!("127.0.1.{}", number % 100 + 1)).collect::<Vec<_>>();
        hold_and_ask(address, &many, "from 100 addresses", &counsellor, &book_url).await;
        println!("server process peak memory (the benchmark's own): {}", support::peak_memory());
    });
}

/// A client signed in as the counsellor.
async fn signed_in(base: &str) -> reqwest::Client {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({ "login": "counsellor", "password": PASSWORD }))
        .send()
        .await
        .expect("signing in");
    let cookie = response.headers()["set-cookie"].to_str().expect("a cookie").to_owned();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "cookie",
        reqwest::header::HeaderValue::from_str(cookie.split(';').next().expect("a cookie")).expect("a header"),
    );
    // A new connection for every request: as a person arriving while the attack goes on.
    reqwest::Client::builder()
        .default_headers(headers)
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client")
}

/// Sends the requests, fifty at a time, and says how they were answered.
async fn send_anonymous(base: &str, count: usize) -> std::collections::BTreeMap<String, usize> {
    let client = reqwest::Client::new();
    let mut answers = std::collections::BTreeMap::new();
    let long = "x".repeat(8 * 1024);
    for wave in (0..count).collect::<Vec<_>>().chunks(ANONYMOUS_AT_ONCE) {
        let mut requests = tokio::task::JoinSet::new();
        for number in wave {
            let url = if number % 2 == 0 {
                format!("{base}/api/v1/books/1/{long}{number}")
            } else {
                format!("{base}/api/v1/books")
            };
            let client = client.clone();
            requests.spawn(async move {
                match client.get(url).send().await {
                    Ok(response) => response.status().as_u16().to_string(),
                    Err(_) => "failed".to_owned(),
                }
            });
        }
        for answer in requests.join_all().await {
            *answers.entry(answer).or_insert(0) += 1;
        }
    }
    answers
}

/// Opens a half-sent request from each of `sources`, asks as the counsellor three times while they
/// are held, lets them go and waits out the header deadline, and prints what it saw.
async fn hold_and_ask(
    address: std::net::SocketAddr,
    sources: &[String],
    described: &str,
    counsellor: &reqwest::Client,
    book_url: &str,
) {
    let started = Instant::now();
    let mut held = Vec::with_capacity(sources.len());
    let mut refused = 0;
    for source in sources {
        match half_sent(address, source).await {
            Some(stream) => held.push(stream),
            None => refused += 1,
        }
    }
    println!(
        "{} slow clients {described}: {} connected, {refused} could not connect, in {:.1} s",
        sources.len(),
        held.len(),
        started.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    for attempt in 1..=3 {
        let (status, took) = timed(counsellor, book_url).await;
        println!(
            "  the signed-in counsellor meanwhile, on a new connection from another address, try {attempt}: {status} in {took:.1} ms"
        );
    }
    drop(held);
    tokio::time::sleep(Duration::from_secs(11)).await;
    let (status, took) = timed(counsellor, book_url).await;
    println!("  once they are gone and the header deadline passed: {status} in {took:.1} ms");
}

/// A connection from `source` that sends the start of a request and nothing more; `None` if it
/// cannot connect.
async fn half_sent(address: std::net::SocketAddr, source: &str) -> Option<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4().ok()?;
    socket.bind(format!("{source}:0").parse().ok()?).ok()?;
    let mut stream = socket.connect(address).await.ok()?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestio\r\n")
        .await
        .ok()?;
    Some(stream)
}

/// The status of a GET and how long it took, in milliseconds.
async fn timed(client: &reqwest::Client, url: &str) -> (String, f64) {
    let started = Instant::now();
    let status = match client.get(url).send().await {
        Ok(response) => response.status().to_string(),
        Err(error) => format!("failed ({error})"),
    };
    (status, started.elapsed().as_secs_f64() * 1000.0)
}

/// The database's size: the SQLite file and its write-ahead log, or PostgreSQL's own count.
async fn database_bytes(store: &Store, file: &std::path::Path) -> u64 {
    match store.database_bytes().await.expect("the database's size") {
        Some(bytes) => bytes,
        None => ["", "-wal"]
            .iter()
            .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", file.display())).ok())
            .map(|metadata| metadata.len())
            .sum(),
    }
}
