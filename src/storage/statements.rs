//! Imported statement files, bank statements, their lines and the gaps between statements.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::rows::AccountRow;
use super::{StoreResult, Tx, bulk, on_backend};
use crate::domain::account::Account;
use crate::domain::ids::{AccountId, BookId, EntryId};
use crate::import::lines::{LinePart, StatementLine};

/// Rows per multi-row INSERT of statement lines or parts: 18 values each, well under both
/// databases' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
const LINES_PER_INSERT: usize = 1000;

/// A statement line to store: its statement and account, the entry that booked it (none when
/// pending or for information), and, for a booked line, why each part went to its account.
pub struct NewLine<'a> {
    pub statement: i64,
    pub account: AccountId,
    pub line: &'a StatementLine,
    pub entry: Option<EntryId>,
    pub reasons: &'a [String],
}

/// The last statement imported for an account: where the next one must start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousStatement {
    pub closing_minor: Option<i64>,
    pub closing_date: Option<NaiveDate>,
    pub electronic_sequence: Option<i64>,
}

/// The lines of an account already booked, by bank reference and by fingerprint and occurrence.
#[derive(Debug, Default)]
pub struct KnownLines {
    pub bank_refs: HashSet<String>,
    pub fingerprints: HashSet<(String, i64)>,
}

impl KnownLines {
    pub fn contains(&self, line: &StatementLine) -> bool {
        match &line.bank_ref {
            Some(reference) => self.bank_refs.contains(reference),
            None => self.fingerprints.contains(&(line.fingerprint.clone(), line.occurrence)),
        }
    }

    pub fn insert(&mut self, line: &StatementLine) {
        match &line.bank_ref {
            Some(reference) => self.bank_refs.insert(reference.clone()),
            None => self.fingerprints.insert((line.fingerprint.clone(), line.occurrence)),
        };
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Gap {
    pub id: i64,
    pub account_id: i64,
    pub statement_id: i64,
    pub kind: String,
    pub expected: String,
    pub found: String,
}

impl Tx {
    /// The open money accounts with this IBAN, with their books, optionally in one book only.
    pub async fn money_accounts_by_iban(&mut self, iban: &str, book: Option<BookId>) -> StoreResult<Vec<Account>> {
        on_backend!(self, connection => {
            let rows: Vec<AccountRow> = sqlx::query_as(
                "SELECT id, book_id, code, name, category, kind, currency, iban, closed FROM accounts \
                 WHERE iban = $1 AND ($2 IS NULL OR book_id = $2) ORDER BY id",
            )
            .bind(iban)
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Account::try_from).collect()
        })
    }

    pub async fn previous_statement(&mut self, account: AccountId) -> StoreResult<Option<PreviousStatement>> {
        on_backend!(self, connection => {
            let row: Option<(Option<i64>, Option<NaiveDate>, Option<i64>)> = sqlx::query_as(
                "SELECT closing_minor, closing_date, electronic_sequence FROM bank_statements \
                 WHERE account_id = $1 AND copy_duplicate IS NULL AND NOT withdrawn ORDER BY closing_date DESC NULLS LAST, id DESC LIMIT 1",
            )
            .bind(account.get())
            .fetch_optional(connection)
            .await?;
            Ok(row.map(|(closing_minor, closing_date, electronic_sequence)| PreviousStatement { closing_minor, closing_date, electronic_sequence }))
        })
    }

    /// Every booked line of `account`, by bank reference and by fingerprint: an import batch
    /// reads them once per account and keeps them up to date itself.
    pub async fn known_lines(&mut self, account: AccountId) -> StoreResult<KnownLines> {
        let rows: Vec<(Option<String>, String, i64)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT bank_ref, fingerprint, occurrence FROM statement_lines \
                 WHERE account_id = $1 AND status = 'booked' AND NOT withdrawn",
            )
            .bind(account.get())
            .fetch_all(connection)
            .await?
        });
        let mut known = KnownLines::default();
        for (bank_ref, fingerprint, occurrence) in rows {
            match bank_ref {
                Some(reference) => known.bank_refs.insert(reference),
                None => known.fingerprints.insert((fingerprint, occurrence)),
            };
        }
        Ok(known)
    }

    /// Stores statement lines, each with the entry that booked it (none when pending) and why
    /// its account was chosen; a booked batch line's parts are stored apart, each with its own
    /// reason. A line of one part (nearly all) needs no part row: its row says it all.
    pub async fn insert_statement_lines(&mut self, lines: &[NewLine<'_>]) -> StoreResult<()> {
        let parts: Vec<(EntryId, i64, &LinePart, &String)> = lines
            .iter()
            .filter(|new| is_batch(new.line))
            .filter_map(|new| new.entry.map(|entry| (new.line, entry, new.reasons)))
            .flat_map(|(line, entry, reasons)| {
                (1..)
                    .zip(line.parts.iter().zip(reasons))
                    .map(move |(part_no, (part, reason))| (entry, part_no, part, reason))
            })
            .collect();
        on_backend!(self, connection, Database => {
            let line_rows = lines.chunks(LINES_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(
                    "INSERT INTO statement_lines (statement_id, account_id, status, booking_date, value_date, amount_minor, \
                     currency, bank_ref, fingerprint, occurrence, reversal, bank_code, counterparty_name, counterparty_iban, \
                     end_to_end_id, remittance, entry_id, categorised_by) ",
                );
                insert.push_values(chunk, |mut row, new| {
                    let (line, entry) = (new.line, new.entry);
                    let first = &line.parts[0];
                    row.push_bind(new.statement)
                        .push_bind(new.account.get())
                        .push_bind(status_code(line))
                        // A booked line is filed under the day it was booked (`date()`), which the
                        // duplicate check searches by.
                        .push_bind(if entry.is_some() { line.date() } else { line.booking_date })
                        .push_bind(line.value_date)
                        .push_bind(line.amount.minor())
                        .push_bind(line.amount.currency().code())
                        .push_bind(line.bank_ref.as_deref())
                        .push_bind(line.fingerprint.as_str())
                        .push_bind(line.occurrence)
                        .push_bind(line.reversal)
                        .push_bind(line.bank_code.as_deref())
                        .push_bind(first.counterparty_name.as_deref())
                        .push_bind(first.counterparty_iban.as_deref())
                        .push_bind(first.end_to_end_id.as_deref())
                        .push_bind(first.remittance.as_deref())
                        .push_bind(entry.map(EntryId::get))
                        .push_bind(single_part_reason(new));
                });
                insert
            });
            let part_rows = parts.chunks(LINES_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(
                    "INSERT INTO statement_line_parts (entry_id, part_no, amount_minor, currency, counterparty_name, \
                     counterparty_iban, end_to_end_id, remittance, categorised_by) ",
                );
                insert.push_values(chunk, |mut row, (entry, part_no, part, reason)| {
                    row.push_bind(entry.get())
                        .push_bind(*part_no)
                        .push_bind(part.amount.minor())
                        .push_bind(part.amount.currency().code())
                        .push_bind(part.counterparty_name.as_deref())
                        .push_bind(part.counterparty_iban.as_deref())
                        .push_bind(part.end_to_end_id.as_deref())
                        .push_bind(part.remittance.as_deref())
                        .push_bind(reason.as_str());
                });
                insert
            });
            bulk::insert_in_turn(connection, line_rows.chain(part_rows)).await?;
        });
        Ok(())
    }

    pub async fn insert_gap(
        &mut self,
        account: AccountId,
        statement: i64,
        kind: &str,
        expected: &str,
        found: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query(
                "INSERT INTO statement_gaps (account_id, statement_id, kind, expected, found, detected_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(account.get())
            .bind(statement)
            .bind(kind)
            .bind(expected)
            .bind(found)
            .bind(now)
            .execute(connection)
            .await?;
            Ok(())
        })
    }

    /// Gaps nobody has resolved yet, of one book's accounts or of all.
    pub async fn open_gaps(&mut self, book: Option<BookId>) -> StoreResult<Vec<Gap>> {
        on_backend!(self, connection => {
            let gaps: Vec<Gap> = sqlx::query_as(
                "SELECT g.id, g.account_id, g.statement_id, g.kind, g.expected, g.found FROM statement_gaps g \
                 JOIN accounts a ON a.id = g.account_id WHERE g.resolved_at IS NULL AND ($1 IS NULL OR a.book_id = $1) ORDER BY g.id",
            )
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?;
            Ok(gaps)
        })
    }

    /// How many lines of each status a book's accounts hold: (booked, pending and other).
    pub async fn line_counts(&mut self, book: BookId) -> StoreResult<(i64, i64)> {
        on_backend!(self, connection => {
            let counts: (i64, i64) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(CASE WHEN l.status = 'booked' THEN 1 ELSE 0 END), 0) AS BIGINT), \
                        CAST(COALESCE(SUM(CASE WHEN l.status <> 'booked' THEN 1 ELSE 0 END), 0) AS BIGINT) \
                 FROM statement_lines l JOIN accounts a ON a.id = l.account_id WHERE a.book_id = $1 AND NOT l.withdrawn",
            )
            .bind(book.get())
            .fetch_one(connection)
            .await?;
            Ok(counts)
        })
    }
}

/// A line of two or more parts: its parts get rows of their own, each with its reason.
fn is_batch(line: &StatementLine) -> bool {
    line.parts.len() > 1
}

/// Why a booked line of one part went to its account; `None` for a batch line (its parts say it)
/// and for a line not booked.
fn single_part_reason<'a>(new: &NewLine<'a>) -> Option<&'a str> {
    if new.entry.is_none() || is_batch(new.line) {
        return None;
    }
    new.reasons.first().map(String::as_str)
}

fn status_code(line: &StatementLine) -> &'static str {
    use crate::import::statement::EntryStatus;
    match line.status {
        EntryStatus::Booked => "booked",
        EntryStatus::Pending => "pending",
        EntryStatus::Information => "info",
        EntryStatus::Other => "other",
    }
}

/// An imported file, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub file_sha256: String,
    pub format: String,
    pub author: String,
    pub imported_at: DateTime<Utc>,
    pub forced_reason: Option<String>,
}

/// A statement line, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct LineRecord {
    pub id: i64,
    pub account_id: i64,
    pub status: String,
    pub booking_date: Option<NaiveDate>,
    pub value_date: Option<NaiveDate>,
    pub amount_minor: i64,
    pub currency: String,
    pub bank_ref: Option<String>,
    pub counterparty_name: Option<String>,
    pub remittance: Option<String>,
    pub entry_id: Option<i64>,
}

/// The most rows one listing of imports or lines returns.
pub const LISTING_ROWS_MAX: i64 = 1000;

impl Tx {
    /// The latest imports whose statements touched `book` (all imports when `None`), newest first.
    pub async fn imports(&mut self, book: Option<BookId>) -> StoreResult<Vec<ImportRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<ImportRecord> = sqlx::query_as(
                "SELECT i.id, i.file_name, i.file_sha256, i.format, i.author, i.imported_at, i.forced_reason \
                 FROM statement_imports i WHERE $1 IS NULL OR EXISTS (SELECT 1 FROM bank_statements s \
                     JOIN accounts a ON a.id = s.account_id WHERE s.import_id = i.id AND a.book_id = $1) \
                 ORDER BY i.id DESC LIMIT $2",
            )
            .bind(book.map(BookId::get))
            .bind(LISTING_ROWS_MAX)
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    /// A book's statement lines, newest first, optionally of one status (`booked`, `pending`…).
    /// Pending and information lines are a snapshot: only those of each account's latest
    /// statement are listed, so a re-import or a line booked since does not show twice.
    pub async fn statement_lines(&mut self, book: BookId, status: Option<&str>) -> StoreResult<Vec<LineRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<LineRecord> = sqlx::query_as(
                "SELECT l.id, l.account_id, l.status, l.booking_date, l.value_date, l.amount_minor, l.currency, l.bank_ref, \
                     l.counterparty_name, l.remittance, l.entry_id FROM statement_lines l JOIN accounts a ON a.id = l.account_id \
                 WHERE a.book_id = $1 AND ($2 IS NULL OR l.status = $2) AND NOT l.withdrawn \
                 AND (l.status = 'booked' OR l.statement_id = (SELECT MAX(s.id) FROM bank_statements s \
                     WHERE s.account_id = l.account_id AND s.copy_duplicate IS NULL AND NOT s.withdrawn)) \
                 ORDER BY l.id DESC LIMIT $3",
            )
            .bind(book.get())
            .bind(status)
            .bind(LISTING_ROWS_MAX)
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }
}
