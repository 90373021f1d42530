//! What the import page reads and keeps around a file before it is booked: the book's balance of
//! a money account on a day, the entries made by hand on it, the bank layout remembered for it,
//! and the files waiting for the counsellor's decision.

use chrono::{DateTime, NaiveDate, Utc};

use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId, EntryId, OfficeId, UserId};
use crate::domain::statement_check::HandEntry;

/// A file kept between the check against the book and the counsellor's decision.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ImportDraft {
    pub id: i64,
    pub file_name: String,
    pub content: Vec<u8>,
    pub profile: Option<String>,
    pub account_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// A hand-made entry on an account, with what a person needs to recognise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandEntryRecord {
    pub entry: HandEntry,
    pub description: String,
}

impl Tx {
    /// The book's balance of `account` over every entry dated before `day`.
    pub async fn balance_before(&mut self, book: BookId, account: AccountId, day: NaiveDate) -> StoreResult<i64> {
        on_backend!(self, connection => {
            let total: Option<i64> = sqlx::query_scalar(
                "SELECT CAST(SUM(p.amount_minor) AS BIGINT) FROM postings p JOIN entries e ON e.id = p.entry_id \
                 WHERE e.book_id = $1 AND p.account_id = $2 AND e.entry_date < $3",
            )
            .bind(book.get())
            .bind(account.get())
            .bind(day)
            .fetch_one(connection)
            .await?;
            Ok(total.unwrap_or(0))
        })
    }

    /// How far the book's balance of `account` before `day` is from the bank's because lines
    /// were matched to entries made by hand on the other side of `day`: an entry typed before
    /// `day` for a line the bank booked on or after it counts in the book only (subtracted), one
    /// typed on or after `day` for a line booked before it in the bank only (added).
    pub async fn matched_across(&mut self, account: AccountId, day: NaiveDate) -> StoreResult<i64> {
        let window = chrono::Days::new(crate::domain::statement_check::MATCH_WINDOW_DAYS.unsigned_abs());
        on_backend!(self, connection => {
            let total: i64 = sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(CASE WHEN e.entry_date < $2 THEN -p.amount_minor ELSE p.amount_minor END), 0) AS BIGINT) \
                 FROM statement_lines l JOIN entries e ON e.id = l.entry_id \
                 JOIN postings p ON p.entry_id = e.id AND p.account_id = l.account_id \
                 WHERE l.account_id = $1 AND l.booking_date BETWEEN $3 AND $4 AND NOT l.withdrawn \
                 AND e.source IN ('manual', 'adjustment') \
                 AND ((e.entry_date < $2 AND l.booking_date >= $2) OR (e.entry_date >= $2 AND l.booking_date < $2))",
            )
            .bind(account.get())
            .bind(day)
            .bind(day - window)
            .bind(day + window)
            .fetch_one(connection)
            .await?;
            Ok(total)
        })
    }

    /// The entries made by hand (manual or adjustment) that move `account` between `from` and
    /// `to`, neither reversed nor already standing for a bank line, oldest first.
    pub async fn hand_entries(
        &mut self,
        book: BookId,
        account: AccountId,
        (from, to): (NaiveDate, NaiveDate),
    ) -> StoreResult<Vec<HandEntryRecord>> {
        // A line stands for an entry when it is booked by it; such a line lies within the match
        // window of the entry, so its account's lines are searched by date (their index).
        let window = chrono::Days::new(crate::domain::statement_check::MATCH_WINDOW_DAYS.unsigned_abs());
        let (lines_from, lines_to) = (from - window, to + window);
        let rows: Vec<(i64, NaiveDate, i64, String)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT e.id, e.entry_date, p.amount_minor, e.description FROM entries e \
                 JOIN postings p ON p.entry_id = e.id \
                 WHERE e.book_id = $1 AND p.account_id = $2 AND e.source IN ('manual', 'adjustment') \
                 AND e.entry_date BETWEEN $3 AND $4 \
                 AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) \
                 AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.account_id = $2 \
                     AND l.booking_date BETWEEN $5 AND $6 AND l.entry_id = e.id AND NOT l.withdrawn) \
                 ORDER BY e.entry_date, e.id",
            )
            .bind(book.get())
            .bind(account.get())
            .bind(from)
            .bind(to)
            .bind(lines_from)
            .bind(lines_to)
            .fetch_all(connection)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, date, amount_minor, description)| HandEntryRecord {
                entry: HandEntry {
                    entry: EntryId::new(id),
                    date,
                    amount_minor,
                },
                description,
            })
            .collect())
    }

    /// The bank layout last used for `account`'s files, if any.
    pub async fn import_profile(&mut self, account: AccountId) -> StoreResult<Option<String>> {
        on_backend!(self, connection => {
            let profile: Option<String> =
                sqlx::query_scalar("SELECT profile FROM account_import_profiles WHERE account_id = $1")
                    .bind(account.get())
                    .fetch_optional(connection)
                    .await?;
            Ok(profile)
        })
    }

    pub async fn remember_import_profile(&mut self, account: AccountId, profile: &str) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query(
                "INSERT INTO account_import_profiles (account_id, profile) VALUES ($1, $2) \
                 ON CONFLICT (account_id) DO UPDATE SET profile = excluded.profile",
            )
            .bind(account.get())
            .bind(profile)
            .execute(connection)
            .await?;
            Ok(())
        })
    }

    /// Keeps a file for `user` until they decide; drafts older than `forget_before` go.
    pub async fn insert_import_draft(
        &mut self,
        user: UserId,
        (file_name, content): (&str, &[u8]),
        (profile, account): (Option<&str>, Option<AccountId>),
        (now, forget_before): (DateTime<Utc>, DateTime<Utc>),
    ) -> StoreResult<i64> {
        on_backend!(self, connection => {
            sqlx::query("DELETE FROM import_drafts WHERE created_at < $1")
                .bind(forget_before)
                .execute(&mut *connection)
                .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO import_drafts (user_id, file_name, content, profile, account_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(user.get())
            .bind(file_name)
            .bind(content)
            .bind(profile)
            .bind(account.map(AccountId::get))
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(id)
        })
    }

    /// `user`'s draft `id`; another user's draft is none of theirs.
    pub async fn import_draft(&mut self, user: UserId, id: i64) -> StoreResult<Option<ImportDraft>> {
        on_backend!(self, connection => {
            let draft: Option<ImportDraft> = sqlx::query_as(
                "SELECT id, file_name, content, profile, account_id, created_at FROM import_drafts \
                 WHERE id = $1 AND user_id = $2",
            )
            .bind(id)
            .bind(user.get())
            .fetch_optional(connection)
            .await?;
            Ok(draft)
        })
    }

    pub async fn delete_import_draft(&mut self, user: UserId, id: i64) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("DELETE FROM import_drafts WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user.get())
                .execute(connection)
                .await?;
            Ok(())
        })
    }

    /// The open bank accounts with an IBAN of `office`'s books, as (account, book, account's
    /// name, IBAN), by book: what a file can be imported into.
    pub async fn bank_accounts_of_office(
        &mut self,
        office: OfficeId,
    ) -> StoreResult<Vec<(AccountId, BookId, String, String)>> {
        let rows: Vec<(i64, i64, String, String)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT a.id, a.book_id, a.name, a.iban FROM accounts a JOIN books b ON b.id = a.book_id \
                 WHERE b.office_id = $1 AND a.iban IS NOT NULL AND NOT a.closed ORDER BY a.book_id, a.id",
            )
            .bind(office.get())
            .fetch_all(connection)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(account, book, name, iban)| (AccountId::new(account), BookId::new(book), name, iban))
            .collect())
    }

    /// Account `id` when it is a bank account with an IBAN, with its book.
    pub async fn bank_account(&mut self, id: AccountId) -> StoreResult<Option<(BookId, String)>> {
        on_backend!(self, connection => {
            let row: Option<(i64, String)> = sqlx::query_as(
                "SELECT book_id, iban FROM accounts WHERE id = $1 AND iban IS NOT NULL",
            )
            .bind(id.get())
            .fetch_optional(connection)
            .await?;
            Ok(row.map(|(book, iban)| (BookId::new(book), iban)))
        })
    }
}
