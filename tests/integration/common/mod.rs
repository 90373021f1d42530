//! Test helpers: a fresh database per test (a SQLite file in a temporary folder, or a new
//! PostgreSQL database on the server of `TEST_DATABASE_URL`), the app served on port 0, and
//! `backend_tests!`, which compiles each test once per backend.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use gestio::domain::account::Account;
use gestio::domain::ids::{BookId, OfficeId};
use gestio::domain::mandate::{Jurisdiction, MandateInput, MandateKind, NewMandate, PeriodRule};
use gestio::domain::money::{Currency, Money};
use gestio::domain::opening::{OpeningBank, OpeningDebt, OpeningInventory};
use gestio::domain::party::{Language, NewBeneficiary, NewOffice};
use gestio::storage::Store;

mod users;
pub use users::{PASSWORD, Tie};

static DATABASE_COUNTER: AtomicU32 = AtomicU32::new(0);

/// A database that exists for one test and is removed after it, with its own sealing key file
/// (written at first use), which the test's server and its command-line runs share.
pub struct TestDb {
    pub url: String,
    pub backend: &'static str,
    pub key_file: std::path::PathBuf,
    _folder: tempfile::TempDir,
    postgres_cleanup: Option<(String, String)>,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let folder = tempfile::tempdir().expect("a temporary folder for the test database");
        let url = format!("sqlite://{}", folder.path().join("gestio.db").display());
        TestDb {
            url,
            backend: "sqlite",
            key_file: folder.path().join("gestio.db.key"),
            _folder: folder,
            postgres_cleanup: None,
        }
    }

    /// A new database on the PostgreSQL server of `TEST_DATABASE_URL`. Without that variable the
    /// test says so loudly and is not run — except under CI, where it fails: CI must run both.
    pub async fn postgres() -> Option<TestDb> {
        let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
            if std::env::var_os("CI").is_some() {
                panic!("TEST_DATABASE_URL is not set under CI: the PostgreSQL half of the suite must run there");
            }
            eprintln!(
                "\n*** NOT RUN ON POSTGRESQL: set TEST_DATABASE_URL=postgres://USER@HOST/DATABASE to run this test there too ***\n"
            );
            return None;
        };
        let name = format!(
            "gestio_test_{}_{}_{}",
            std::process::id(),
            DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed),
            Utc::now().timestamp_micros()
        );
        let admin = admin_connection(&admin_url).await;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .expect("creating a test database on TEST_DATABASE_URL's server");
        admin.close().await;
        let url = replace_database(&admin_url, &name);
        let folder = tempfile::tempdir().expect("a temporary folder for the key file");
        Some(TestDb {
            url,
            backend: "postgres",
            key_file: folder.path().join("gestio.key"),
            _folder: folder,
            postgres_cleanup: Some((admin_url, name)),
        })
    }

    /// The store as a server or a command opens it: migrated, with the test's sealing key.
    pub async fn store(&self) -> Store {
        let store = Store::connect(&self.url)
            .await
            .expect("connecting to the test database");
        store.migrate().await.expect("migrating the test database");
        let recorded = store.recorded_key_id().await.expect("reading the database's key id");
        let key = gestio::secret::KeySource::File(self.key_file.clone())
            .key(recorded.as_deref())
            .expect("the test's sealing key");
        store.sealed_with(key).await.expect("sealing with the test's key")
    }

    /// The gestio binary on this database, with its key file.
    pub fn command(&self) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gestio"));
        command
            .arg("--database-url")
            .arg(&self.url)
            .arg("--secret-file")
            .arg(&self.key_file)
            .env_remove("DATABASE_URL")
            .env_remove("GESTIO_SECRET")
            .env_remove("GESTIO_SECRET_FILE");
        // Files a command writes beside itself (the demo's statement) go to the test's folder.
        if let Some(folder) = self.key_file.parent() {
            command.current_dir(folder);
        }
        command
    }
}

async fn admin_connection(url: &str) -> sqlx::PgPool {
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .expect("connecting to TEST_DATABASE_URL")
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(base, query)| (base, Some(query)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres_cleanup.take() else {
            return;
        };
        // Drop runs inside the test's runtime; a thread with its own runtime can still await.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for cleanup");
            runtime.block_on(async {
                let admin = admin_connection(&admin_url).await;
                let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&admin)
                .await;
                admin.close().await;
            });
        })
        .join();
    }
}

/// Compiles each test twice, in `mod sqlite` and `mod postgres`, with `$db: TestDb` bound to a
/// fresh database of that backend.
#[macro_export]
macro_rules! backend_tests {
    ($(async fn $name:ident($db:ident) $body:block)+) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let $db = $crate::common::TestDb::sqlite().await;
                    $body
                }
            )+
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some($db) = $crate::common::TestDb::postgres().await else { return };
                    $body
                }
            )+
        }
    };
}

/// Runs raw SQL on the test database, as someone with database access (not gestio) would.
/// Returns the rows changed, or the database's error message.
pub async fn raw_sql(db: &TestDb, sql: &str) -> Result<u64, String> {
    use sqlx::Executor;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if db.backend == "sqlite" {
        let pool = sqlx::SqlitePool::connect(&db.url)
            .await
            .expect("connecting to the test database");
        let result = pool
            .execute(sql)
            .await
            .map(|done| done.rows_affected())
            .map_err(|error| error.to_string());
        pool.close().await;
        result
    } else {
        let pool = sqlx::PgPool::connect(&db.url)
            .await
            .expect("connecting to the test database");
        let result = pool
            .execute(sql)
            .await
            .map(|done| done.rows_affected())
            .map_err(|error| error.to_string());
        pool.close().await;
        result
    }
}

/// The app served on a free port of 127.0.0.1.
pub struct TestApp {
    pub address: String,
    pub store: Store,
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn(db: &TestDb) -> TestApp {
        TestApp::spawn_behind(db, &[]).await
    }

    /// The app believing `X-Forwarded-For` from these reverse proxies.
    pub async fn spawn_behind(db: &TestDb, trusted_proxies: &[std::net::IpAddr]) -> TestApp {
        TestApp::spawn_with(db, trusted_proxies, gestio::http::ServeLimits::default()).await
    }

    /// The app with its own limits on connections.
    pub async fn spawn_with(
        db: &TestDb,
        trusted_proxies: &[std::net::IpAddr],
        limits: gestio::http::ServeLimits,
    ) -> TestApp {
        let store = db.store().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let address = format!("http://{}", listener.local_addr().expect("the bound address"));
        let state = gestio::http::AppState::new(store.clone()).with_trusted_proxies(trusted_proxies);
        tokio::spawn(gestio::http::serve_with(
            listener,
            state,
            limits,
            std::future::pending(),
        ));
        TestApp {
            address,
            store,
            client: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

pub fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00.123456789Z".parse().expect("a test time")
}

pub fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).expect("a test amount")
}

/// The court of the cases [`open_case`] opens.
pub const LUXEMBOURG_COURT: &str = "Tribunal d'arrondissement de Luxembourg";

/// The court recorded under `name` (recorded now if it is not yet), as the test's court.
pub async fn court(store: &Store, name: &str) -> gestio::domain::ids::CourtId {
    let court = gestio::domain::court::NewCourt::new(name, Jurisdiction::Lu, None).unwrap();
    gestio::service::courts::court_named(store, &court, now())
        .await
        .unwrap()
        .id
}

/// A beneficiary under a tutelle with a book: one bank account (LU28…, 1000.00), 20.00 cash,
/// one debt of 500.00 to "Cofidis".
pub struct Case {
    pub office: OfficeId,
    pub book: BookId,
    pub accounts: Vec<Account>,
}

impl Case {
    pub fn account(&self, code: &str) -> &Account {
        self.accounts
            .iter()
            .find(|account| account.code == code)
            .unwrap_or_else(|| panic!("no account {code}"))
    }
}

pub async fn open_case(store: &Store, name: &str, iban: &str) -> Case {
    open_case_before(store, name, iban, LUXEMBOURG_COURT).await
}

/// As [`open_case`], the tutelle before `court`.
pub async fn open_case_before(store: &Store, name: &str, iban: &str, court_name: &str) -> Case {
    use gestio::service::{ledger, parties};
    let office = parties::create_office(store, &NewOffice::new("Office social de Test", "LU").unwrap(), now())
        .await
        .unwrap();
    let person = NewBeneficiary::new(
        office.id,
        name,
        Language::Fr,
        Some(date("1950-01-01")),
        None,
        date("2026-11-23"),
    )
    .unwrap();
    let person = parties::create_beneficiary(store, &person, now()).await.unwrap();
    let input = MandateInput {
        court: Some(court(store, court_name).await),
        case_number: Some("TUT 2026/1"),
        ..MandateInput::default()
    };
    let mandate = NewMandate::new(
        person.id,
        MandateKind::Tutelle,
        date("2026-01-01"),
        PeriodRule::CalendarYear,
        Jurisdiction::Lu,
        input,
    )
    .unwrap();
    parties::create_mandate(store, &mandate, now()).await.unwrap();
    let bank = OpeningBank {
        account: gestio::domain::account::BankAccountSpec {
            iban: gestio::domain::iban::Iban::parse(iban).unwrap(),
            name: "Current account".into(),
        },
        balance: eur("1000.00"),
    };
    let debt = OpeningDebt {
        creditor: "Cofidis".into(),
        amount: eur("500.00"),
    };
    let inventory =
        OpeningInventory::new(date("2026-01-01"), Currency::EUR, vec![bank], eur("20.00"), vec![debt]).unwrap();
    let opened = ledger::open_book(store, person.id, &inventory, "test", now())
        .await
        .unwrap();
    Case {
        office: office.id,
        book: opened.book.id,
        accounts: opened.accounts,
    }
}

/// The case of `case` as a dashboard reads it (from the Store's memory where the book did not
/// change) must be the one a fresh read of the database gives: after any change, which `after`
/// names. Reading it also leaves it in memory, so the next call checks the next change.
pub async fn assert_dashboard_is_fresh(store: &Store, case: &Case, after: &str) -> gestio::storage::CaseRecord {
    let books = [case.book.get()];
    let shown = store.caseload(Some(case.office), Some(&books)).await.unwrap();
    let mut tx = store.begin_read().await.unwrap();
    let stored = tx.caseload(Some(case.office), Some(&books)).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(shown, stored, "the dashboard showed a stale case after {after}");
    assert_eq!(shown.len(), 1, "one book asked for");
    shown.into_iter().next().unwrap()
}

/// What an answer says of its refusal: a problem's `detail` (the API), the message of an error
/// page (a browser; empty when it gives none), else the whole text (a page may write a refusal
/// in itself).
pub fn said(body: &str) -> String {
    if let Ok(problem) = serde_json::from_str::<serde_json::Value>(body) {
        return problem["detail"].as_str().unwrap_or_default().to_owned();
    }
    if !body.contains(r#"<section class="problem">"#) {
        return body.to_owned();
    }
    const DETAIL: &str = r#"<p class="error" role="alert" id="problem-detail">"#;
    let Some((_, after)) = body.split_once(DETAIL) else {
        return String::new();
    };
    let text = after.split_once("</p>").map_or(after, |(text, _)| text);
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
