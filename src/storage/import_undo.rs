//! A book's imports as listed on its page, and what undoing one reads and writes: the entries it
//! booked and their categorisations, the payments it settled, and its statements and lines
//! withdrawn (kept as evidence, no longer in force).

use chrono::{DateTime, NaiveDate, Utc};

use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{BookId, EntryId, ImportId};

/// An imported file as a book's import list shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ImportListed {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub author: String,
    pub imported_at: DateTime<Utc>,
    pub forced_reason: Option<String>,
    pub undone_at: Option<DateTime<Utc>>,
    pub undone_by: Option<String>,
    /// The first and last day its statements cover in this book.
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Its booked lines in this book.
    pub lines: i64,
}

/// How many of a book's imports its page lists, newest first.
pub const IMPORTS_LISTED_MAX: i64 = 100;

impl Tx {
    /// `book`'s imports, newest first.
    pub async fn book_imports(&mut self, book: BookId) -> StoreResult<Vec<ImportListed>> {
        on_backend!(self, connection => {
            let rows: Vec<ImportListed> = sqlx::query_as(
                "SELECT i.id, i.file_name, i.format, i.author, i.imported_at, i.forced_reason, i.undone_at, i.undone_by, \
                     (SELECT MIN(COALESCE(s.opening_date, s.closing_date)) FROM bank_statements s JOIN accounts a ON a.id = s.account_id \
                         WHERE s.import_id = i.id AND a.book_id = $1) AS first_day, \
                     (SELECT MAX(s.closing_date) FROM bank_statements s JOIN accounts a ON a.id = s.account_id \
                         WHERE s.import_id = i.id AND a.book_id = $1) AS last_day, \
                     (SELECT CAST(COUNT(*) AS BIGINT) FROM bank_statements s JOIN accounts a ON a.id = s.account_id \
                         JOIN statement_lines l ON l.account_id = s.account_id AND l.statement_id = s.id \
                         WHERE s.import_id = i.id AND a.book_id = $1 AND l.status = 'booked') AS lines \
                 FROM statement_imports i WHERE EXISTS (SELECT 1 FROM bank_statements s \
                     JOIN accounts a ON a.id = s.account_id WHERE s.import_id = i.id AND a.book_id = $1) \
                 ORDER BY i.id DESC LIMIT $2",
            )
            .bind(book.get())
            .bind(IMPORTS_LISTED_MAX)
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    /// When import `id` was undone (`Some(None)`: it stands); `None` when there is no such import.
    pub async fn import_undone_at(&mut self, id: ImportId) -> StoreResult<Option<Option<DateTime<Utc>>>> {
        on_backend!(self, connection => {
            let row: Option<(Option<DateTime<Utc>>,)> =
                sqlx::query_as("SELECT undone_at FROM statement_imports WHERE id = $1")
                    .bind(id.get())
                    .fetch_optional(connection)
                    .await?;
            Ok(row.map(|(undone_at,)| undone_at))
        })
    }

    /// The books whose accounts the import's statements are for.
    pub async fn import_books(&mut self, id: ImportId) -> StoreResult<Vec<BookId>> {
        on_backend!(self, connection => {
            let books: Vec<i64> = sqlx::query_scalar(
                "SELECT DISTINCT a.book_id FROM bank_statements s JOIN accounts a ON a.id = s.account_id \
                 WHERE s.import_id = $1 ORDER BY a.book_id",
            )
            .bind(id.get())
            .fetch_all(connection)
            .await?;
            Ok(books.into_iter().map(BookId::new).collect())
        })
    }

    /// The entries the import booked for its lines, not reversed since, oldest first; lines it
    /// matched to entries made by hand are not among them (those entries stay).
    pub async fn import_entries(&mut self, id: ImportId) -> StoreResult<Vec<EntryId>> {
        on_backend!(self, connection => {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT DISTINCT e.id FROM bank_statements s \
                 JOIN statement_lines l ON l.account_id = s.account_id AND l.statement_id = s.id \
                 JOIN entries e ON e.id = l.entry_id \
                 WHERE s.import_id = $1 AND NOT l.withdrawn AND e.source = 'import' \
                 AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) ORDER BY e.id",
            )
            .bind(id.get())
            .fetch_all(connection)
            .await?;
            Ok(ids.into_iter().map(EntryId::new).collect())
        })
    }

    /// The entries that categorised a waiting part of one of the import's entries, each with
    /// whether it was reversed since (the line then waits again). The `LIKE` term names the
    /// partial index's condition, as the waiting lines' query does (`waiting_lines.rs`), so each
    /// is found by its key.
    pub async fn import_categorisations(&mut self, id: ImportId) -> StoreResult<Vec<(EntryId, bool)>> {
        on_backend!(self, connection => {
            let rows: Vec<(i64, bool)> = sqlx::query_as(
                "SELECT DISTINCT c.id, EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = c.id) FROM bank_statements s \
                 JOIN statement_lines l ON l.account_id = s.account_id AND l.statement_id = s.id \
                 JOIN entries e ON e.id = l.entry_id \
                 JOIN postings p ON p.entry_id = e.id AND p.line_no >= 2 \
                 JOIN entries c ON c.book_id = e.book_id AND c.source_ref LIKE 'categorise:%' \
                     AND c.source_ref = 'categorise:' || CAST(p.entry_id AS TEXT) || ':' || CAST(p.line_no AS TEXT) \
                 WHERE s.import_id = $1 AND NOT l.withdrawn AND e.source = 'import' ORDER BY c.id",
            )
            .bind(id.get())
            .fetch_all(connection)
            .await?;
            Ok(rows.into_iter().map(|(id, reversed)| (EntryId::new(id), reversed)).collect())
        })
    }

    /// How many of the import's lines (or parts of batch lines) settled a payment order.
    pub async fn import_settled_orders(&mut self, id: ImportId) -> StoreResult<i64> {
        on_backend!(self, connection => {
            let count: i64 = sqlx::query_scalar(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM bank_statements s \
                 JOIN statement_lines l ON l.account_id = s.account_id AND l.statement_id = s.id \
                 WHERE s.import_id = $1 AND NOT l.withdrawn AND (l.categorised_by LIKE 'payment order %' \
                     OR EXISTS (SELECT 1 FROM statement_line_parts part WHERE part.entry_id = l.entry_id \
                         AND part.categorised_by LIKE 'payment order %'))",
            )
            .bind(id.get())
            .fetch_one(connection)
            .await?;
            Ok(count)
        })
    }

    /// Marks the import undone by `by` and withdraws its statements and lines; the gaps its
    /// statements showed are resolved, since those statements no longer count.
    pub async fn withdraw_import(&mut self, id: ImportId, by: &str, now: DateTime<Utc>) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE statement_imports SET undone_at = $1, undone_by = $2 WHERE id = $3")
                .bind(now)
                .bind(by)
                .bind(id.get())
                .execute(&mut *connection)
                .await?;
            // Statement by statement, through the account's index: lines are never looked up
            // by their statement alone (migration 0011 dropped that index).
            let statements: Vec<(i64, i64)> =
                sqlx::query_as("SELECT id, account_id FROM bank_statements WHERE import_id = $1")
                    .bind(id.get())
                    .fetch_all(&mut *connection)
                    .await?;
            for (statement, account) in statements {
                sqlx::query(
                    "UPDATE statement_lines SET withdrawn = TRUE WHERE account_id = $1 AND statement_id = $2 AND NOT withdrawn",
                )
                .bind(account)
                .bind(statement)
                .execute(&mut *connection)
                .await?;
            }
            sqlx::query("UPDATE bank_statements SET withdrawn = TRUE WHERE import_id = $1")
                .bind(id.get())
                .execute(&mut *connection)
                .await?;
            sqlx::query(
                "UPDATE statement_gaps SET resolved_at = $1, resolved_by = $2, resolution = 'import undone' \
                 WHERE resolved_at IS NULL AND statement_id IN (SELECT id FROM bank_statements WHERE import_id = $3)",
            )
            .bind(now)
            .bind(by)
            .bind(id.get())
            .execute(connection)
            .await?;
            Ok(())
        })
    }
}
