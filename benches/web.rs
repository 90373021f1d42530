//! Web load benchmark: an office of 500 books and 200 signed-in counsellors (60 cases each), all
//! asking at once for their dashboard and for book pages, through the real server and its
//! session, access and audit path. The load comes from wrk (Debian package `wrk`) with 200
//! connections; it prints requests/s and the latency distribution (p50 … p99); asserts no time.
//!
//!     cargo bench --bench web                                   # SQLite
//!     BENCH_DATABASE_URL=postgres://…/gestio_bench cargo bench --bench web   # an empty PostgreSQL database
//!
//! `BENCH_BOOKS` (500), `BENCH_ENTRIES_PER_BOOK` (200), `BENCH_USERS` (200), `BENCH_SECONDS` (20)
//! scale it. The first `BENCH_WARMUP_SECONDS` (5) of load after the server starts are measured
//! apart and printed on their own line: a server just started reads sessions, books and cases
//! from the database that a running one keeps in memory. `BENCH_ROUTES` picks the routes asked for, comma-separated, from `dashboard`, `book`,
//! `entries` and `balance` (all four by default), to see which one costs what.
//!
//! By default each of the 200 connections asks again the moment it has its answer: the server is
//! saturated, and the latency is mostly the time a request waits its turn (200 connections over
//! the requests/s). `BENCH_THINK_MS` makes each connection wait that long on average after each
//! answer (drawn between none and twice as long, so the connections do not keep in step), as a
//! person reads a page before the next click: the latency the same 200 users see at a load they
//! could make.
//!
//! Target from the issue: p99 < 100 ms on this 2-core machine.

#[path = "support/mod.rs"]
mod support;

use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use gestio::domain::ids::BookId;
use gestio::http::AppState;
use gestio::storage::Store;

const CASES_PER_COUNSELLOR: usize = 60;

fn main() {
    let books = support::setting("BENCH_BOOKS", 500);
    let per_book = support::setting("BENCH_ENTRIES_PER_BOOK", 200);
    let users = support::setting("BENCH_USERS", 200);
    let seconds = support::setting("BENCH_SECONDS", 20);
    let warm_up = support::setting("BENCH_WARMUP_SECONDS", 5);
    let wrk = Command::new("wrk").arg("--version").output();
    if wrk.is_err() {
        eprintln!("\n*** wrk is not installed: apt-get install wrk — this benchmark needs it ***\n");
        std::process::exit(2);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", folder.path().join("bench.db").display()));
    let backend = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let think_ms = support::setting("BENCH_THINK_MS", 0);
    let routes = chosen_routes();
    let (address, script) = runtime.block_on(prepare(&url, books, per_book, users, folder.path(), &routes, think_ms));
    println!(
        "{backend}: {books} books of {per_book} entries, {users} counsellors signed in, {CASES_PER_COUNSELLOR} cases each; \
         routes: {}; {}",
        routes.join(", "),
        if think_ms == 0 {
            "each connection asks again at once (saturation)".to_owned()
        } else {
            format!("each connection waits {think_ms} ms on average after each answer")
        }
    );
    if warm_up > 0 {
        // A server that has just started reads every session, every book's owner and every
        // case from the database; one that has run a while has them in memory. Measured apart,
        // so the figures below are those of the working day and this line those of a restart.
        let report = load(&script, address, warm_up);
        summarise(
            &format!("{backend}, first {warm_up} s after start (not counted below)"),
            &report,
        );
    }
    let report = load(&script, address, seconds);
    println!("{report}");
    summarise(backend, &report);
    println!(
        "peak memory of the server and its database (VmHWM): {}",
        support::peak_memory()
    );
}

/// wrk's report of `seconds` of load from 200 connections running `script`.
fn load(script: &std::path::Path, address: std::net::SocketAddr, seconds: usize) -> String {
    let output = Command::new("wrk")
        .args(["-t2", "-c200", &format!("-d{seconds}s"), "--latency", "-s"])
        .arg(script)
        .arg(format!("http://{address}"))
        .output()
        .expect("running wrk");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Opens the database, seeds the office, signs the users in, starts the server, and writes the
/// wrk script that spreads the requests over the sessions.
async fn prepare(
    url: &str,
    books: usize,
    per_book: usize,
    users: usize,
    folder: &std::path::Path,
    routes: &[String],
    think_ms: usize,
) -> (std::net::SocketAddr, std::path::PathBuf) {
    let store = Store::open(url, gestio::domain::seal::SealKey::from_bytes([0x42; 32]))
        .await
        .expect("a database (an empty one for PostgreSQL)");
    let started = Instant::now();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let mut ids = Vec::with_capacity(books);
    for number in 0..books {
        ids.push(support::books::set_up_book(&store, number, per_book, start).await);
    }
    println!("set up {books} books in {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let sessions = sign_in_counsellors(&store, &ids, users).await;
    println!(
        "created, assigned and signed in {users} counsellors in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A working office's PostgreSQL has statistics (its autovacuum gathers them); this machine's
    // server runs without autovacuum, and without statistics it chose other plans.
    store.gather_statistics().await.expect("the planner's statistics");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("the bound address");
    // wrk's 200 connections all come from one address: above the per-address cap a real
    // deployment keeps, which is not what this benchmark measures.
    let limits = gestio::http::ServeLimits {
        connections_per_address_max: 1_000,
        ..gestio::http::ServeLimits::default()
    };
    tokio::spawn(gestio::http::serve_with(
        listener,
        AppState::new(store),
        limits,
        std::future::pending(),
    ));
    let script = folder.join("requests.lua");
    std::fs::write(&script, lua_script(&sessions, routes, think_ms)).expect("writing the wrk script");
    (address, script)
}

/// Each counsellor gets 60 consecutive books (the office's cases overlap between them) and one
/// session; returns the cookie and the books of each.
async fn sign_in_counsellors(store: &Store, books: &[BookId], users: usize) -> Vec<(String, Vec<BookId>)> {
    let office = support::sessions::first_office(store).await;
    let passwords = gestio::service::passwords::PasswordGuard::default();
    let mut sessions = Vec::with_capacity(users);
    for number in 0..users {
        let first = number * 7 % books.len();
        let caseload: Vec<BookId> = (0..CASES_PER_COUNSELLOR.min(books.len()))
            .map(|offset| books[(first + offset) % books.len()])
            .collect();
        let address = format!("10.0.{}.{}", number / 250, number % 250);
        let login = format!("counsellor{number}");
        let cookie = support::sessions::counsellor_cookie(store, &passwords, office, &login, &caseload, &address).await;
        sessions.push((cookie, caseload));
    }
    sessions
}

/// The routes `BENCH_ROUTES` names (all four when unset); an unknown name stops the benchmark.
fn chosen_routes() -> Vec<String> {
    let chosen = std::env::var("BENCH_ROUTES").unwrap_or_else(|_| ROUTES.join(","));
    let routes: Vec<String> = chosen.split(',').map(|route| route.trim().to_owned()).collect();
    if let Some(unknown) = routes.iter().find(|route| !ROUTES.contains(&route.as_str())) {
        eprintln!(
            "BENCH_ROUTES: unknown route {unknown:?}; choose among {}",
            ROUTES.join(", ")
        );
        std::process::exit(2);
    }
    routes
}

const ROUTES: [&str; 4] = ["dashboard", "book", "entries", "balance"];

/// A wrk script cycling through (cookie, path): for each user, the chosen routes among their
/// dashboard, one of their books, its latest entries and its balance; with `think_ms`, each
/// connection waits about that long after an answer (wrk's `delay`).
fn lua_script(sessions: &[(String, Vec<BookId>)], routes: &[String], think_ms: usize) -> String {
    let mut requests = String::from("local requests = {\n");
    for (index, (cookie, books)) in sessions.iter().enumerate() {
        let book = books[index % books.len()];
        for route in routes {
            let path = match route.as_str() {
                "dashboard" => "/".to_owned(),
                "book" => format!("/api/v1/books/{book}"),
                "entries" => format!("/api/v1/books/{book}/entries?limit=50"),
                _ => format!("/api/v1/books/{book}/balance"),
            };
            requests.push_str(&format!("  {{ \"{cookie}\", \"{path}\" }},\n"));
        }
    }
    requests.push_str(
        "}\nlocal counter = 0\n\
         request = function()\n\
           counter = counter + 1\n\
           local chosen = requests[(counter % #requests) + 1]\n\
           return wrk.format(\"GET\", chosen[2], { [\"Cookie\"] = chosen[1] })\n\
         end\n",
    );
    if think_ms > 0 {
        // Drawn between none and twice the mean, so the connections, which all start at once,
        // do not keep asking in step.
        requests.push_str(&format!(
            "delay = function()\n  return math.random(0, {})\nend\n",
            2 * think_ms
        ));
    }
    requests
}

/// One line with the figures the issue asks for, and a loud warning if anything was refused.
fn summarise(backend: &str, report: &str) {
    let figure = |label: &str| {
        report
            .lines()
            .find(|line| line.trim_start().starts_with(label))
            .and_then(|line| line.split_whitespace().nth(1))
            .unwrap_or("?")
            .to_owned()
    };
    println!(
        "{backend}: {} requests/s, latency p50 {}, p90 {}, p99 {} (target p99 < 100ms)",
        figure("Requests/sec:"),
        figure("50%"),
        figure("90%"),
        figure("99%")
    );
    if let Some(line) = report.lines().find(|line| line.contains("Non-2xx")) {
        println!("*** some answers were not 2xx/3xx: {line} — the figures above are not valid ***");
    }
}
