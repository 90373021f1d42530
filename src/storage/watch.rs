//! A bound on the database work of one use case while serving requests: a request that times
//! out, or that the server abandons at shutdown, must stop its query too, not leave it computing
//! for minutes on a connection that shutdown then waits for.
//!
//! PostgreSQL does this itself: each connection of a bounded store is opened with
//! `statement_timeout`. SQLite runs a query on a thread of its own that a dropped future does not
//! stop, so each transaction of a bounded store installs a progress handler on its connection
//! that interrupts the running statement once the transaction is dropped (its request gone) or
//! its time is up.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sqlx::SqliteConnection;

use super::StoreResult;

/// SQLite virtual-machine steps between two looks at the watch: a look costs a clock read, and
/// a thousand steps take some microseconds, so a stopped statement ends within a millisecond.
/// Statements shorter than this (a `ROLLBACK`) are never interrupted.
const STEPS_BETWEEN_LOOKS: i32 = 1_000;

/// Held by a transaction: dropping it (with the transaction) tells its statement to stop.
pub(crate) struct Watch {
    abandoned: Arc<AtomicBool>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.abandoned.store(true, Ordering::Relaxed);
    }
}

/// Installs the watch of a new transaction on its SQLite connection, replacing the one a previous
/// transaction left there: from now on the connection's statements stop when the returned watch
/// is dropped or when `limit` has passed.
pub(crate) async fn watch_sqlite(connection: &mut SqliteConnection, limit: Duration) -> StoreResult<Watch> {
    let abandoned = Arc::new(AtomicBool::new(false));
    let deadline = Instant::now() + limit;
    let seen = Arc::clone(&abandoned);
    connection
        .lock_handle()
        .await?
        .set_progress_handler(STEPS_BETWEEN_LOOKS, move || {
            !seen.load(Ordering::Relaxed) && Instant::now() < deadline
        });
    Ok(Watch { abandoned })
}

/// PostgreSQL's `statement_timeout` setting for `limit`, in milliseconds.
pub(crate) fn postgres_statement_timeout(limit: Duration) -> String {
    format!("{}ms", limit.as_millis())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::storage::{Store, StoreError, on_backend};

    /// A statement that would run for hours on either database.
    const SQLITE_FOREVER: &str = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000000) \
                                  SELECT COUNT(*) FROM n";
    const POSTGRES_FOREVER: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT pg_sleep(3600)) AS forever";

    async fn run_forever(store: &Store) -> Result<i64, StoreError> {
        let mut tx = store.begin_read().await?;
        let forever = match tx.inner {
            crate::storage::TxInner::Sqlite(_) => SQLITE_FOREVER,
            crate::storage::TxInner::Postgres(_) => POSTGRES_FOREVER,
        };
        on_backend!(tx, connection => {
            Ok(sqlx::query_scalar::<_, i64>(forever).fetch_one(connection).await?)
        })
    }

    fn sqlite_url(folder: &tempfile::TempDir) -> String {
        format!("sqlite://{}", folder.path().join("watched.db").display())
    }

    /// The server's PostgreSQL, or a loud note that this half did not run (never under CI).
    fn postgres_url() -> Option<String> {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(url) => Some(url),
            Err(_) if std::env::var_os("CI").is_some() => {
                panic!("TEST_DATABASE_URL is not set under CI: the PostgreSQL half of this test must run")
            }
            Err(_) => {
                eprintln!("\n*** NOT RUN ON POSTGRESQL: set TEST_DATABASE_URL to run this test there too ***\n");
                None
            }
        }
    }

    async fn stops_at_the_limit(url: &str) {
        let store = Store::connect_bounded(url, Some(Duration::from_millis(300)))
            .await
            .unwrap();
        let started = Instant::now();
        let outcome = run_forever(&store).await;
        assert!(matches!(outcome, Err(StoreError::TimedOut)), "{url}: {outcome:?}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{url}: stopped after {:?}",
            started.elapsed()
        );
        store.close().await;
    }

    #[tokio::test]
    async fn a_statement_of_a_bounded_store_stops_when_its_time_is_up() {
        let folder = tempfile::tempdir().unwrap();
        stops_at_the_limit(&sqlite_url(&folder)).await;
        if let Some(url) = postgres_url() {
            stops_at_the_limit(&url).await;
        }
    }

    #[tokio::test]
    async fn a_sqlite_statement_stops_when_its_request_is_dropped() {
        // Without the watch, closing waited for the statement (hours) to give its connection back.
        let folder = tempfile::tempdir().unwrap();
        let store = Store::connect_bounded(&sqlite_url(&folder), Some(Duration::from_secs(600)))
            .await
            .unwrap();
        let running = tokio::spawn({
            let store = store.clone();
            async move { run_forever(&store).await }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        running.abort();
        let closed = tokio::time::timeout(Duration::from_secs(5), store.close()).await;
        assert!(
            closed.is_ok(),
            "the dropped request's statement kept its connection busy"
        );
    }
}
