//! Multi-row INSERTs run in turn, each built while the database runs the one before.

use sqlx::{Database, Executor, IntoArguments, QueryBuilder};

use super::StoreResult;

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
