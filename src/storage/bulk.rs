//! Multi-row INSERTs: ids given before the rows are written, and INSERTs run in turn, each built
//! while the database runs the one before.

use sqlx::{Database, Executor, IntoArguments, QueryBuilder};

use super::{StoreResult, Tx, TxInner};

/// The tables whose ids a write asks for before it inserts their rows.
#[derive(Debug, Clone, Copy)]
pub(super) enum IdsOf {
    Entries,
    StatementImports,
    BankStatements,
}

impl IdsOf {
    fn table(self) -> &'static str {
        match self {
            IdsOf::Entries => "entries",
            IdsOf::StatementImports => "statement_imports",
            IdsOf::BankStatements => "bank_statements",
        }
    }
}

impl Tx {
    /// What goes after an INSERT's column list for the database to take the ids `new_ids` gave:
    /// PostgreSQL gives identity ids itself unless told to take these.
    pub(super) fn taking_given_ids(&self) -> &'static str {
        match self.inner {
            TxInner::Sqlite(_) => "",
            TxInner::Postgres(_) => "OVERRIDING SYSTEM VALUE ",
        }
    }

    /// Ids for `count` new rows of `table`, in increasing order, for a transaction that will write
    /// (`Store::begin_write`). Given here rather than by the INSERT, so the rows that name them
    /// (postings, statement lines) can be built before they are written, and many rows go in one
    /// INSERT without a `RETURNING` to read back. On SQLite the transaction holds the database's
    /// write lock, so the highest id cannot move under it (these are the ids SQLite would give);
    /// on PostgreSQL they come from the table's identity sequence.
    pub(super) async fn new_ids(&mut self, table: IdsOf, count: usize) -> StoreResult<Vec<i64>> {
        if count == 0 {
            return Ok(Vec::new());
        }
        let count = i64::try_from(count).expect("BUG: a batch of rows fits in an i64");
        let table = table.table();
        match &mut self.inner {
            TxInner::Sqlite(held) => {
                let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {table}");
                let highest: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_one(held.connection())
                    .await?;
                Ok((highest + 1..=highest + count).collect())
            }
            TxInner::Postgres(held) => {
                let sql = format!(
                    "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, $1) ORDER BY 1"
                );
                Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(count)
                    .fetch_all(held.connection())
                    .await?)
            }
        }
    }
}

/// Runs `inserts` one after another, building the next while the database runs the current one
/// (`inserts` builds each as it is asked for the next). Binding a few thousand values costs the
/// calling thread about half what the database spends on them (the import benchmark's profile),
/// so done in turn the two added up; overlapped, the cheaper one hides behind the other. The
/// statements still run one at a time and in order, so each sees the rows of those before it
/// (postings find their entries), and the first error stops the rest.
pub(super) async fn insert_in_turn<DB, Inserts>(
    connection: &mut DB::Connection,
    mut inserts: Inserts,
) -> StoreResult<()>
where
    DB: Database,
    Inserts: Iterator<Item = QueryBuilder<DB>>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
{
    let mut next = inserts.next();
    while let Some(mut insert) = next {
        // `join!` polls the statement first, which hands it to the database, then builds the
        // next one on this thread while the database works.
        let (done, following) = tokio::join!(insert.build().execute(&mut *connection), async { inserts.next() });
        done?;
        next = following;
    }
    Ok(())
}
