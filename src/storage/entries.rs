//! Appending entries to a book's chain, and reading them back.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::bulk::{self, IdsOf};
use super::rows::{EntryRow, PostingRow, journal_entry};
use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::book::ChainedEntry;
use crate::domain::ids::{AccountId, BookId, EntryId};
use crate::domain::ledger::{JournalEntry, Posting};
use crate::domain::seal::SealedFields;

/// Rows per multi-row INSERT: well under both databases' bound-parameter limits
/// (SQLite 32,766; PostgreSQL 65,535) with 13 columns per entry and 5 per posting.
const ENTRIES_PER_INSERT: usize = 500;
const POSTINGS_PER_INSERT: usize = 2000;
/// The most entries one listing returns.
pub const ENTRIES_PAGE_MAX: i64 = 1000;

const ENTRY_COLUMNS: &str = "id, book_id, sequence, entry_date, description, source, source_ref, receipt, author, \
     recorded_at, reverses_entry_id, previous_hash, hash";

/// Which entries of a book to list: a date range, and a page by chain position.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntryFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only entries after this chain position (for paging).
    pub after_sequence: Option<i64>,
    pub limit: Option<i64>,
}

/// What the case page's entry search looks for, besides dates: words of the description, an
/// amount (either sign) one posting moves, an account one posting is on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntrySearch {
    pub words: Option<String>,
    pub amount_minor: Option<i64>,
    pub account: Option<AccountId>,
}

impl EntrySearch {
    /// The `LIKE` pattern for the words: lower case, `%` and `_` taken literally.
    fn pattern(&self) -> Option<String> {
        self.words
            .as_deref()
            .map(str::trim)
            .filter(|words| !words.is_empty())
            .map(|words| {
                let escaped = words
                    .to_lowercase()
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                format!("%{escaped}%")
            })
    }
}

/// The search terms as SQL, on parameters $6 (pattern), $7 (amount) and $8 (account), each
/// bound NULL when not searched for: one SQL text whatever is searched.
const SEARCH_TERMS: &str = "AND ($6 IS NULL OR lower(description) LIKE $6 ESCAPE '\\') \
     AND ($7 IS NULL OR EXISTS (SELECT 1 FROM postings p WHERE p.entry_id = entries.id AND abs(p.amount_minor) = $7)) \
     AND ($8 IS NULL OR EXISTS (SELECT 1 FROM postings p WHERE p.entry_id = entries.id AND p.account_id = $8))";

impl Tx {
    /// Inserts chained entries of one or several books, with their postings, and returns their
    /// ids in order. The caller keeps the running totals (`add_to_account_totals`) and moves each
    /// book's head (`move_head`) within the same db transaction.
    pub async fn insert_chained(&mut self, entries: &[ChainedEntry]) -> StoreResult<Vec<EntryId>> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<EntryId> = self
            .new_ids(IdsOf::Entries, entries.len())
            .await?
            .into_iter()
            .map(EntryId::new)
            .collect();
        let numbered: Vec<(EntryId, &ChainedEntry)> = ids.iter().copied().zip(entries).collect();
        let postings: Vec<(EntryId, i64, &Posting)> = numbered
            .iter()
            .flat_map(|(id, entry)| {
                (1..)
                    .zip(&entry.draft.postings)
                    .map(move |(line_no, posting)| (*id, line_no, posting))
            })
            .collect();
        let insert_entries = format!("INSERT INTO entries ({ENTRY_COLUMNS}) {}", self.taking_given_ids());
        on_backend!(self, connection, Database => {
            let entry_rows = numbered.chunks(ENTRIES_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(insert_entries.as_str());
                insert.push_values(chunk, |mut row, (id, entry)| {
                    let draft = &entry.draft;
                    // Borrowed, not cloned: a batch binds a million strings.
                    row.push_bind(id.get())
                        .push_bind(draft.book_id.get())
                        .push_bind(entry.sequence)
                        .push_bind(draft.date)
                        .push_bind(draft.description.as_str())
                        .push_bind(draft.source.code())
                        .push_bind(draft.source_ref.as_deref())
                        .push_bind(draft.receipt.as_deref())
                        .push_bind(draft.author.as_str())
                        .push_bind(entry.recorded_at)
                        .push_bind(draft.reverses.map(EntryId::get))
                        .push_bind(entry.previous_hash.as_str())
                        .push_bind(entry.hash.as_str());
                });
                insert
            });
            let posting_rows = postings.chunks(POSTINGS_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(
                    "INSERT INTO postings (entry_id, line_no, account_id, amount_minor, currency) ",
                );
                insert.push_values(chunk, |mut row, (entry_id, line_no, posting)| {
                    row.push_bind(entry_id.get())
                        .push_bind(*line_no)
                        .push_bind(posting.account_id.get())
                        .push_bind(posting.amount.minor())
                        .push_bind(posting.amount.currency().code());
                });
                insert
            });
            bulk::insert_in_turn(connection, entry_rows.chain(posting_rows)).await?;
        });
        Ok(ids)
    }

    /// Adds each amount to its account's running total.
    pub async fn add_to_account_totals(&mut self, totals: &BTreeMap<AccountId, i64>) -> StoreResult<()> {
        for (account, amount) in totals {
            on_backend!(self, connection => {
                sqlx::query("UPDATE accounts SET balance_minor = balance_minor + $1 WHERE id = $2")
                    .bind(*amount)
                    .bind(account.get())
                    .execute(connection)
                    .await?;
            });
        }
        Ok(())
    }

    /// Moves `book`'s chain head from `from_sequence` (as locked) to `last`, with its seal.
    pub async fn move_head(&mut self, book: BookId, from_sequence: i64, last: &ChainedEntry) -> StoreResult<()> {
        let seal = self.seal(&SealedFields::book_head(book, last.sequence, &last.hash));
        let updated = on_backend!(self, connection => {
            sqlx::query(
                "UPDATE books SET head_sequence = $1, head_hash = $2, head_seal = $5 WHERE id = $3 AND head_sequence = $4",
            )
                .bind(last.sequence)
                .bind(&last.hash)
                .bind(book.get())
                .bind(from_sequence)
                .bind(seal)
                .execute(connection)
                .await?
                .rows_affected()
        });
        if updated != 1 {
            // Only possible if the caller did not lock the book first: a bug, not a user error.
            return Err(StoreError::Corrupt {
                what: "book",
                id: book.to_string(),
                detail: "the chain head moved during the db transaction".to_owned(),
            });
        }
        Ok(())
    }

    pub async fn entry(&mut self, id: EntryId) -> StoreResult<JournalEntry> {
        let rows = on_backend!(self, connection => {
            let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = $1");
            sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql)).bind(id.get()).fetch_all(connection).await?
        });
        self.with_postings(rows)
            .await?
            .pop()
            .ok_or_else(|| StoreError::missing(id))
    }

    /// The entry that reversed `id`, if any.
    pub async fn reversal_of(&mut self, id: EntryId) -> StoreResult<Option<EntryId>> {
        on_backend!(self, connection => {
            let found: Option<i64> = sqlx::query_scalar("SELECT id FROM entries WHERE reverses_entry_id = $1")
                .bind(id.get())
                .fetch_optional(connection)
                .await?;
            Ok(found.map(EntryId::new))
        })
    }

    /// A book's entries in chain order, filtered and paged.
    pub async fn entries(&mut self, book: BookId, filter: EntryFilter) -> StoreResult<Vec<JournalEntry>> {
        self.entries_found(book, filter, &EntrySearch::default()).await
    }

    /// As [`Tx::entries`], only the entries `search` finds.
    pub async fn entries_found(
        &mut self,
        book: BookId,
        filter: EntryFilter,
        search: &EntrySearch,
    ) -> StoreResult<Vec<JournalEntry>> {
        let limit = filter.limit.unwrap_or(ENTRIES_PAGE_MAX).clamp(1, ENTRIES_PAGE_MAX);
        let rows = on_backend!(self, connection => {
            let sql = format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE book_id = $1 AND ($2 IS NULL OR entry_date >= $2) \
                 AND ($3 IS NULL OR entry_date <= $3) AND sequence > $4 {SEARCH_TERMS} ORDER BY sequence LIMIT $5"
            );
            sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql))
                .bind(book.get())
                .bind(filter.from)
                .bind(filter.to)
                .bind(filter.after_sequence.unwrap_or(0))
                .bind(limit)
                .bind(search.pattern())
                .bind(search.amount_minor)
                .bind(search.account.map(AccountId::get))
                .fetch_all(connection)
                .await?
        });
        self.with_postings(rows).await
    }

    /// The book's latest entries before chain position `before` (the newest when `None`), newest
    /// first, at most `limit` (see `ENTRIES_PAGE_MAX`), within the dates of `filter`.
    pub async fn entries_newest_first(
        &mut self,
        book: BookId,
        filter: EntryFilter,
        before: Option<i64>,
    ) -> StoreResult<Vec<JournalEntry>> {
        self.entries_searched(book, filter, &EntrySearch::default(), before)
            .await
    }

    /// As [`Tx::entries_newest_first`], only the entries `search` finds.
    pub async fn entries_searched(
        &mut self,
        book: BookId,
        filter: EntryFilter,
        search: &EntrySearch,
        before: Option<i64>,
    ) -> StoreResult<Vec<JournalEntry>> {
        let limit = filter.limit.unwrap_or(ENTRIES_PAGE_MAX).clamp(1, ENTRIES_PAGE_MAX);
        let mut rows = on_backend!(self, connection => {
            let sql = format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE book_id = $1 AND ($2 IS NULL OR entry_date >= $2) \
                 AND ($3 IS NULL OR entry_date <= $3) AND sequence < $4 {SEARCH_TERMS} ORDER BY sequence DESC LIMIT $5"
            );
            sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql))
                .bind(book.get())
                .bind(filter.from)
                .bind(filter.to)
                .bind(before.unwrap_or(i64::MAX))
                .bind(limit)
                .bind(search.pattern())
                .bind(search.amount_minor)
                .bind(search.account.map(AccountId::get))
                .fetch_all(connection)
                .await?
        });
        // The postings are joined in chain order.
        rows.reverse();
        let mut entries = self.with_postings(rows).await?;
        entries.reverse();
        Ok(entries)
    }

    /// Fetches the postings of `rows` (one query per contiguous chain range) and joins them.
    async fn with_postings(&mut self, rows: Vec<EntryRow>) -> StoreResult<Vec<JournalEntry>> {
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            return Ok(Vec::new());
        };
        let (book, lowest, highest) = (first.book_id, first.sequence, last.sequence);
        let postings = on_backend!(self, connection => {
            sqlx::query_as::<_, PostingRow>(
                "SELECT p.entry_id, p.account_id, p.amount_minor, p.currency FROM postings p \
                 JOIN entries e ON e.id = p.entry_id \
                 WHERE e.book_id = $1 AND e.sequence BETWEEN $2 AND $3 ORDER BY e.sequence, p.line_no",
            )
            .bind(book)
            .bind(lowest)
            .bind(highest)
            .fetch_all(connection)
            .await?
        });
        let mut by_entry: HashMap<i64, Vec<PostingRow>> = HashMap::with_capacity(rows.len());
        for posting in postings {
            by_entry.entry(posting.entry_id).or_default().push(posting);
        }
        rows.into_iter()
            .map(|row| {
                let postings = by_entry.remove(&row.id).unwrap_or_default();
                journal_entry(row, postings)
            })
            .collect()
    }
}

/// What `entries` add to each account's running total.
pub fn posting_totals(entries: &[ChainedEntry]) -> StoreResult<BTreeMap<AccountId, i64>> {
    let mut totals: BTreeMap<AccountId, i64> = BTreeMap::new();
    for posting in entries.iter().flat_map(|entry| &entry.draft.postings) {
        let total = totals.entry(posting.account_id).or_default();
        *total = total
            .checked_add(posting.amount.minor())
            .ok_or_else(|| StoreError::Corrupt {
                what: "account",
                id: posting.account_id.to_string(),
                detail: "the running total would overflow".to_owned(),
            })?;
    }
    Ok(totals)
}
