//! The Store: every read and write of the database, behind one API for SQLite and PostgreSQL.
//!
//! SQL lives here and nowhere else. Each query is written once; `on_backend!` instantiates it for
//! the backend chosen at start from the URL scheme, so the SQL text is shared and only the DDL
//! (the two migration folders) differs. All work happens in a `Tx`: a use case opens one, does
//! its reads and writes, and commits — or drops it, and nothing was saved.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Postgres, Sqlite};

use crate::domain::seal::SealKey;
use book_owners::BookOwners;
use caseload_cache::CaseloadCache;

mod attention;
mod book_owners;
mod budget;
mod bulk;
mod caseload;
mod caseload_cache;
mod courts;
mod creditors;
mod entries;
mod error;
mod evidence;
mod filings;
mod import_review;
mod import_undo;
mod imports;
mod incomes;
mod json_rows;
mod ledger;
mod orders;
mod parties;
mod payment_settings;
mod payments;
mod rows;
mod rules;
mod run_holds;
mod seals;
mod sessions;
mod statement_balances;
mod statements;
mod url;
mod users;
mod waiting_lines;
mod watch;

pub use attention::Attention;
pub use caseload::CaseRecord;
pub use entries::{ENTRIES_PAGE_MAX, EntryFilter, EntrySearch, posting_totals};
pub use error::{StoreError, StoreResult};
pub use evidence::NewEvidence;
pub use filings::NewFiling;
pub use import_review::{HandEntryRecord, ImportDraft};
pub use import_undo::{IMPORTS_LISTED_MAX, ImportListed};
pub use imports::{NewBankStatement, NewStatementImport};
pub use orders::OpenOrder;
pub use payments::{FileRecord, HoldRecord, NewFile, NewOrder, OrderRecord, RunRecord};
pub use rules::NewRule;
pub use seals::Unsealed;
pub use sessions::StoredSession;
pub use statements::{Gap, ImportRecord, KnownLines, LineRecord, NewLine, PreviousStatement};
pub use url::redact_url;
pub use users::SessionOfUser;
pub use waiting_lines::{SuspenseItem, categorise_reference};

/// How long a SQLite writer waits for another to finish before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// Four connections, each with its own SQLite worker thread: under the web benchmark's 200
/// users, four answered more requests than two or eight (benches/RESULTS.md).
const SQLITE_CONNECTIONS_MAX: u32 = 4;
/// Page cache per connection: 16 MiB (a negative `cache_size` is read as KiB), up from the 2 MiB
/// default so the indexes of a large book stay in memory, and small enough that the pool's
/// connections together keep the process under 100 MB.
const SQLITE_CACHE_KIB_NEGATED: &str = "-16384";
const POSTGRES_CONNECTIONS_MAX: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database, chosen once from the URL scheme; cheap to clone (the clones share the pool and
/// what is kept in memory: the dashboard's cases and whose each book is), with the key it seals
/// with (see `domain::seal`).
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    cases: Arc<CaseloadCache>,
    owners: Arc<BookOwners>,
    key: Option<Arc<SealKey>>,
    /// How long one transaction may keep the database working, when serving (see `watch`).
    work_limit: Option<Duration>,
}

/// A database transaction: the unit of every use case.
pub struct Tx {
    inner: TxInner,
    key: Option<Arc<SealKey>>,
    /// Stops the transaction's SQLite statement when dropped, on a bounded store.
    _watch: Option<watch::Watch>,
}

enum TxInner {
    Sqlite(Held<Sqlite>),
    Postgres(Held<Postgres>),
}

/// A connection inside a database transaction, or on its own (each statement its own snapshot).
enum Held<Database: sqlx::Database> {
    InTransaction(sqlx::Transaction<'static, Database>),
    Alone(sqlx::pool::PoolConnection<Database>),
}

impl<Database: sqlx::Database> Held<Database> {
    fn connection(&mut self) -> &mut Database::Connection {
        match self {
            Held::InTransaction(transaction) => transaction,
            Held::Alone(connection) => connection,
        }
    }

    async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Held::InTransaction(transaction) => transaction.commit().await,
            Held::Alone(_) => Ok(()),
        }
    }
}

/// Runs `$body` with `$connection` bound to the transaction's connection of whichever backend is
/// in use. The body is written once and compiled once per backend.
macro_rules! on_backend {
    ($tx:expr, $connection:ident => $body:expr) => {
        $crate::storage::on_backend!($tx, $connection, _Database => $body)
    };
    ($tx:expr, $connection:ident, $database:ident => $body:expr) => {
        match &mut $tx.inner {
            $crate::storage::TxInner::Sqlite(held) => {
                #[allow(dead_code)]
                type $database = sqlx::Sqlite;
                let $connection = held.connection();
                $body
            }
            $crate::storage::TxInner::Postgres(held) => {
                #[allow(dead_code)]
                type $database = sqlx::Postgres;
                let $connection = held.connection();
                $body
            }
        }
    };
}
pub(crate) use on_backend;

impl Tx {
    /// ` AND column IN (the ids bound as parameter $N)` when `ids` is a list, and no restriction
    /// (parameter $N, bound NULL, is only tested) when it is `None`. The ids travel as a JSON
    /// array (`id_list`), so the SQL text is the same whatever the list and its prepared
    /// statement is cached once, not once per list: a dashboard is asked with each counsellor's
    /// own list of books, all day. The two cases are written apart, not as `$N IS NULL OR …`:
    /// that OR kept the planner from driving the query by the ids, and it read every account of
    /// the office for a counsellor's 60 books.
    fn among(&self, column: &str, parameter: u8, ids: Option<&[i64]>) -> String {
        match (&self.inner, ids) {
            (TxInner::Sqlite(_), None) => format!(" AND ${parameter} IS NULL"),
            (TxInner::Sqlite(_), Some(_)) => format!(" AND {column} IN (SELECT value FROM json_each(${parameter}))"),
            (TxInner::Postgres(_), None) => format!(" AND ${parameter}::json IS NULL"),
            (TxInner::Postgres(_), Some(_)) => {
                format!(" AND {column} IN (SELECT value::bigint FROM json_array_elements_text(${parameter}::json))")
            }
        }
    }
}

/// The ids as the JSON array [`Tx::among`] binds, or NULL for no restriction; an empty list
/// matches nothing.
fn id_list(ids: Option<&[i64]>) -> Option<String> {
    ids.map(|ids| serde_json::to_string(ids).expect("BUG: integers serialise to JSON"))
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Store {
    /// Connects to `url` (`sqlite://FILE` — created if missing — or `postgres://…`). Does not
    /// migrate: call `migrate` (start-up does).
    pub async fn connect(url: &str) -> StoreResult<Store> {
        Store::connect_bounded(url, None).await
    }

    /// Connects as `connect` does; with a `work_limit`, every statement stops when that time
    /// has passed since its transaction began, or when its transaction is dropped (SQLite) —
    /// what a server wants of requests that time out or that it abandons (see `watch`).
    pub async fn connect_bounded(url: &str, work_limit: Option<Duration>) -> StoreResult<Store> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .pragma("cache_size", SQLITE_CACHE_KIB_NEGATED);
            let pool = SqlitePoolOptions::new()
                .max_connections(SQLITE_CONNECTIONS_MAX)
                .connect_with(options)
                .await?;
            return Ok(Store {
                pool: Pool::Sqlite(pool),
                cases: Arc::default(),
                owners: Arc::default(),
                key: None,
                work_limit,
            });
        }
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // No JIT compilation: PostgreSQL compiles a query whose estimated cost passes a
            // threshold, and does so again at every execution. The office-wide caseload (500
            // books) passes it, and compiling cost more than it saved: 27 ms a time with the
            // JIT, 17.5 ms without (pgbench on the web benchmark's database). Even summing a
            // book of 1,000,000 postings took no less with it (429-444 ms, 412-414 without).
            let mut options = PgConnectOptions::from_str(url)?.options([("jit", "off")]);
            if let Some(limit) = work_limit {
                options = options.options([("statement_timeout", watch::postgres_statement_timeout(limit))]);
            }
            let pool = PgPoolOptions::new()
                .max_connections(POSTGRES_CONNECTIONS_MAX)
                .connect_with(options)
                .await?;
            return Ok(Store {
                pool: Pool::Postgres(pool),
                cases: Arc::default(),
                owners: Arc::default(),
                key: None,
                work_limit,
            });
        }
        Err(StoreError::UnsupportedUrl { url: redact_url(url) })
    }

    /// Connects, brings the schema up to date and takes `key` to seal with: what every command
    /// does first (see [`Store::sealed_with`]).
    pub async fn open(url: &str, key: SealKey) -> StoreResult<Store> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        store.sealed_with(key).await
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Pool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Has PostgreSQL gather the planner's statistics now, as its autovacuum does some time after
    /// much has been written (a server may run without it). Plans chosen with and without
    /// statistics differ, so a measurement right after loading data calls this first. SQLite
    /// keeps no statistics unless asked, and gestio never asks: nothing to do there.
    pub async fn gather_statistics(&self) -> StoreResult<()> {
        if let Pool::Postgres(pool) = &self.pool {
            sqlx::query("ANALYZE").execute(pool).await?;
        }
        Ok(())
    }

    /// The database's size on disk in bytes, as PostgreSQL counts it; `None` on SQLite, whose
    /// size is its file's.
    pub async fn database_bytes(&self) -> StoreResult<Option<u64>> {
        match &self.pool {
            Pool::Sqlite(_) => Ok(None),
            Pool::Postgres(pool) => {
                let bytes: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())")
                    .fetch_one(pool)
                    .await?;
                Ok(u64::try_from(bytes).ok())
            }
        }
    }

    /// True when the database answers and every migration this build knows has been applied.
    pub async fn is_ready(&self) -> StoreResult<bool> {
        let known = match self.pool {
            Pool::Sqlite(_) => SQLITE_MIGRATIONS.iter().count(),
            Pool::Postgres(_) => POSTGRES_MIGRATIONS.iter().count(),
        };
        let mut tx = self.begin_read().await?;
        let applied = tx.applied_migrations().await?;
        tx.commit().await?;
        Ok(usize::try_from(applied).is_ok_and(|applied| applied == known))
    }

    /// A transaction for reading only.
    pub async fn begin_read(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(pool) => TxInner::Sqlite(Held::InTransaction(pool.begin().await?)),
            Pool::Postgres(pool) => TxInner::Postgres(Held::InTransaction(pool.begin().await?)),
        };
        self.tx(inner).await
    }

    /// The transaction, watched on a bounded SQLite store.
    async fn tx(&self, mut inner: TxInner) -> StoreResult<Tx> {
        let watch = match (&mut inner, self.work_limit) {
            (TxInner::Sqlite(held), Some(limit)) => Some(watch::watch_sqlite(held.connection(), limit).await?),
            _ => None,
        };
        Ok(Tx {
            inner,
            key: self.key.clone(),
            _watch: watch,
        })
    }

    /// A connection for one or two reads that need no common snapshot (a session and its user
    /// are read in one statement): no BEGIN and COMMIT, which on a busy server are two of the
    /// few round trips a request makes. Never for writes, nor for reads that must agree.
    pub async fn read_alone(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(pool) => TxInner::Sqlite(Held::Alone(pool.acquire().await?)),
            Pool::Postgres(pool) => TxInner::Postgres(Held::Alone(pool.acquire().await?)),
        };
        self.tx(inner).await
    }

    /// A connection for reads beside a write transaction (`begin_write`), when that is safe and
    /// one is idle now; it never waits for one. Safe on SQLite only: there the transaction holds
    /// the database's one write lock from its start, so nothing such a read sees can change while
    /// the transaction lasts (the transaction's own rows, not yet committed, it does not see). On
    /// PostgreSQL writers lock rows one by one, and only the transaction's own locks keep what it
    /// reads still: `None`.
    pub async fn try_read_beside_write(&self) -> StoreResult<Option<Tx>> {
        match &self.pool {
            Pool::Sqlite(pool) => match pool.try_acquire() {
                Some(connection) => Ok(Some(self.tx(TxInner::Sqlite(Held::Alone(connection))).await?)),
                None => Ok(None),
            },
            Pool::Postgres(_) => Ok(None),
        }
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so two writers queue instead of one failing when it upgrades its lock.
    pub async fn begin_write(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(pool) => TxInner::Sqlite(Held::InTransaction(pool.begin_with("BEGIN IMMEDIATE").await?)),
            Pool::Postgres(pool) => TxInner::Postgres(Held::InTransaction(pool.begin().await?)),
        };
        self.tx(inner).await
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> StoreResult<()> {
        match self.inner {
            TxInner::Sqlite(held) => held.commit().await?,
            TxInner::Postgres(held) => held.commit().await?,
        }
        Ok(())
    }

    async fn applied_migrations(&mut self) -> StoreResult<i64> {
        on_backend!(self, connection => {
            let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(connection)
                .await?;
            Ok(count)
        })
    }
}
