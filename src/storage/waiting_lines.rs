//! The lines waiting for a category: suspense postings of imported entries that no categorising
//! entry names yet, and lines whose categorisation was undone (reversed), which wait again.

use chrono::NaiveDate;
use serde::Serialize;

use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId, EntryId};

/// A suspense posting of an imported line, not yet categorised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SuspenseItem {
    pub entry_id: i64,
    pub line_no: i64,
    pub entry_date: NaiveDate,
    pub description: String,
    /// The suspense posting: negative for money that came in.
    pub amount_minor: i64,
    pub currency: String,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub remittance: Option<String>,
}

impl Tx {
    /// Suspense postings of imported entries that no categorising entry names yet, with what the
    /// bank said of each: a batch line's part from its part row, a one-part line from the line's
    /// own row (found by the bank posting's account and the day, the index the import uses).
    /// The lines whose categorisation was undone wait among them again (`reopened_items`).
    pub async fn suspense_items(&mut self, book: BookId, suspense: AccountId) -> StoreResult<Vec<SuspenseItem>> {
        let mut items = self.suspense_items_where(book, suspense, None).await?;
        let reopened = self.reopened_items(book, suspense, None).await?;
        if !reopened.is_empty() {
            items.extend(reopened);
            items.sort_by_key(|item| (item.entry_date, item.entry_id, item.line_no));
        }
        Ok(items)
    }

    /// Posting `line_no` of `entry` when it is a suspense posting of the book not yet categorised.
    pub async fn suspense_item(
        &mut self,
        book: BookId,
        suspense: AccountId,
        entry: EntryId,
        line_no: i64,
    ) -> StoreResult<Option<SuspenseItem>> {
        if let Some(item) = self
            .suspense_items_where(book, suspense, Some((entry, line_no)))
            .await?
            .pop()
        {
            return Ok(Some(item));
        }
        Ok(self.reopened_items(book, suspense, Some((entry, line_no))).await?.pop())
    }

    /// Where the book's earlier lines went, per counterparty: (IBAN, name, account, last day),
    /// from the lines a rule booked at import and from those categorised by hand (not undone).
    /// The suggestions for the waiting lines are read from it.
    pub async fn categorised_history(
        &mut self,
        book: BookId,
        suspense: AccountId,
    ) -> StoreResult<Vec<(Option<String>, Option<String>, i64, NaiveDate)>> {
        on_backend!(self, connection => {
            let rows: Vec<(Option<String>, Option<String>, i64, NaiveDate)> = sqlx::query_as(
                "SELECT l.counterparty_iban, l.counterparty_name, target.account_id, MAX(e.entry_date) \
                 FROM accounts a \
                 JOIN statement_lines l ON l.account_id = a.id AND l.status = 'booked' AND NOT l.withdrawn \
                 JOIN entries e ON e.id = l.entry_id AND e.source = 'import' \
                 JOIN postings part ON part.entry_id = e.id AND part.line_no = 2 \
                 JOIN entries c ON c.book_id = e.book_id AND c.source_ref LIKE 'categorise:%' \
                     AND c.source_ref = 'categorise:' || CAST(e.id AS TEXT) || ':2' \
                 JOIN postings target ON target.entry_id = c.id AND target.line_no = 2 \
                 WHERE a.book_id = $1 AND a.iban IS NOT NULL AND part.account_id = $2 \
                 AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = c.id) \
                 GROUP BY l.counterparty_iban, l.counterparty_name, target.account_id \
                 UNION ALL \
                 SELECT l.counterparty_iban, l.counterparty_name, part.account_id, MAX(e.entry_date) \
                 FROM accounts a \
                 JOIN statement_lines l ON l.account_id = a.id AND l.status = 'booked' AND NOT l.withdrawn \
                 JOIN entries e ON e.id = l.entry_id AND e.source = 'import' \
                 JOIN postings part ON part.entry_id = e.id AND part.line_no = 2 \
                 WHERE a.book_id = $1 AND a.iban IS NOT NULL AND part.account_id <> $2 \
                 AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) \
                 GROUP BY l.counterparty_iban, l.counterparty_name, part.account_id",
            )
            .bind(book.get())
            .bind(suspense.get())
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    /// Lines whose categorisation was undone: the reversal of a categorising entry puts the
    /// money back on suspense, and its suspense posting waits like the imported line did, until
    /// a categorisation names it. Each is described by the line it comes from, however many
    /// times it was categorised and undone (`origin_of`). Reversals are few: the partial index
    /// on `reverses_entry_id` finds them.
    async fn reopened_items(
        &mut self,
        book: BookId,
        suspense: AccountId,
        only: Option<(EntryId, i64)>,
    ) -> StoreResult<Vec<SuspenseItem>> {
        let condition = if only.is_some() {
            " AND r.id = $3 AND p.line_no = $4"
        } else {
            ""
        };
        let sql = format!(
            "SELECT r.id, p.line_no, r.entry_date, p.amount_minor, p.currency, c.source_ref \
             FROM entries r JOIN entries c ON c.id = r.reverses_entry_id \
             JOIN postings p ON p.entry_id = r.id AND p.account_id = $2 \
             WHERE r.book_id = $1 AND r.reverses_entry_id IS NOT NULL AND c.source_ref LIKE 'categorise:%'{condition} \
             AND NOT EXISTS (SELECT 1 FROM entries k WHERE k.book_id = r.book_id \
                 AND k.source_ref LIKE 'categorise:%' \
                 AND k.source_ref = 'categorise:' || CAST(r.id AS TEXT) || ':' || CAST(p.line_no AS TEXT)) \
             ORDER BY r.entry_date, r.id, p.line_no"
        );
        let rows: Vec<(i64, i64, NaiveDate, i64, String, String)> = on_backend!(self, connection => {
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(book.get()).bind(suspense.get());
            if let Some((entry, line_no)) = only {
                query = query.bind(entry.get()).bind(line_no);
            }
            query.fetch_all(connection).await?
        });
        let mut items = Vec::with_capacity(rows.len());
        for (entry_id, line_no, entry_date, amount_minor, currency, origin) in rows {
            let Some(source) = self.origin_of(book, suspense, &origin).await? else {
                continue;
            };
            items.push(SuspenseItem {
                entry_id,
                line_no,
                entry_date,
                amount_minor,
                currency,
                ..source
            });
        }
        Ok(items)
    }

    /// The imported line a categorisation (`categorise:E:L`) comes from, as it waited: through
    /// earlier undone categorisations back to the import. `None` when the chain is broken.
    async fn origin_of(
        &mut self,
        book: BookId,
        suspense: AccountId,
        reference: &str,
    ) -> StoreResult<Option<SuspenseItem>> {
        let mut reference = reference.to_owned();
        // A line categorised and undone this many times is a database changed by hand.
        for _ in 0..ORIGIN_STEPS_MAX {
            let Some((entry, line_no)) = parse_categorise_reference(&reference) else {
                return Ok(None);
            };
            let row: Option<(String, Option<String>)> = on_backend!(self, connection => {
                sqlx::query_as(
                    "SELECT e.source, c.source_ref FROM entries e LEFT JOIN entries c ON c.id = e.reverses_entry_id \
                     WHERE e.id = $1 AND e.book_id = $2",
                )
                .bind(entry.get())
                .bind(book.get())
                .fetch_optional(connection)
                .await?
            });
            match row {
                Some((source, _)) if source == "import" => {
                    return self.imported_item(book, suspense, entry, line_no).await;
                }
                Some((_, Some(earlier))) => reference = earlier,
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The waiting lines of the book with `condition` added (one more `AND`, on parameters $3
    /// and $4 when it has them). The `LIKE` term repeats the partial index's condition
    /// (`entries_categorise_once`, migration 0002) so that both databases may use that index to
    /// find a categorisation: without it each waiting line scanned the whole book, and the list
    /// grew with the square of the book (the figures before and after: benches/RESULTS.md).
    async fn suspense_items_where(
        &mut self,
        book: BookId,
        suspense: AccountId,
        only: Option<(EntryId, i64)>,
    ) -> StoreResult<Vec<SuspenseItem>> {
        self.imported_items(book, suspense, only, true).await
    }

    /// Posting `line_no` of imported `entry` on suspense, categorised since or not.
    async fn imported_item(
        &mut self,
        book: BookId,
        suspense: AccountId,
        entry: EntryId,
        line_no: i64,
    ) -> StoreResult<Option<SuspenseItem>> {
        Ok(self
            .imported_items(book, suspense, Some((entry, line_no)), false)
            .await?
            .pop())
    }

    async fn imported_items(
        &mut self,
        book: BookId,
        suspense: AccountId,
        only: Option<(EntryId, i64)>,
        waiting_only: bool,
    ) -> StoreResult<Vec<SuspenseItem>> {
        let condition = if only.is_some() {
            " AND e.id = $3 AND p.line_no = $4"
        } else {
            ""
        };
        let waiting = if waiting_only {
            "AND NOT EXISTS (SELECT 1 FROM entries c WHERE c.book_id = e.book_id \
                 AND c.source_ref LIKE 'categorise:%' \
                 AND c.source_ref = 'categorise:' || CAST(e.id AS TEXT) || ':' || CAST(p.line_no AS TEXT))"
        } else {
            ""
        };
        let sql = format!(
            "SELECT e.id AS entry_id, p.line_no, e.entry_date, e.description, p.amount_minor, p.currency, \
                 CASE WHEN part.entry_id IS NULL THEN line.counterparty_name ELSE part.counterparty_name END AS counterparty_name, \
                 CASE WHEN part.entry_id IS NULL THEN line.counterparty_iban ELSE part.counterparty_iban END AS counterparty_iban, \
                 CASE WHEN part.entry_id IS NULL THEN line.remittance ELSE part.remittance END AS remittance \
             FROM postings p JOIN entries e ON e.id = p.entry_id \
             LEFT JOIN statement_line_parts part ON part.entry_id = e.id AND part.part_no = p.line_no - 1 \
             LEFT JOIN postings bank ON bank.entry_id = e.id AND bank.line_no = 1 \
             LEFT JOIN statement_lines line ON line.account_id = bank.account_id \
                 AND line.booking_date = e.entry_date AND line.entry_id = e.id \
             WHERE e.book_id = $1 AND p.account_id = $2 AND e.source = 'import'{condition} \
             AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) {waiting} \
             ORDER BY e.entry_date, e.id, p.line_no"
        );
        on_backend!(self, connection => {
            let mut query = sqlx::query_as::<_, SuspenseItem>(sqlx::AssertSqlSafe(sql.clone())).bind(book.get()).bind(suspense.get());
            if let Some((entry, line_no)) = only {
                query = query.bind(entry.get()).bind(line_no);
            }
            Ok(query.fetch_all(connection).await?)
        })
    }
}

/// Categorised and undone more often than this, a line is taken for a database changed by hand.
const ORIGIN_STEPS_MAX: usize = 100;

/// The entry and posting a categorisation's `source_ref` names.
fn parse_categorise_reference(reference: &str) -> Option<(EntryId, i64)> {
    let (entry, line_no) = reference.strip_prefix("categorise:")?.split_once(':')?;
    Some((EntryId::new(entry.parse().ok()?), line_no.parse().ok()?))
}

/// The `source_ref` of the entry that categorises posting `line_no` of `entry`.
pub fn categorise_reference(entry: EntryId, line_no: i64) -> String {
    format!("categorise:{entry}:{line_no}")
}
