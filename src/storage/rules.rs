//! Categorisation rules, and the suspense postings still waiting for a category.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{AccountId, BookId, EntryId, OfficeId};
use crate::import::rules::{Conditions, Direction, Rule, RuleTarget, pattern};

/// A rule as given, before it is stored.
pub struct NewRule<'a> {
    pub office: OfficeId,
    pub book: Option<BookId>,
    pub name: &'a str,
    pub priority: i64,
    pub conditions: &'a Conditions,
    pub target: &'a RuleTarget,
    pub author: &'a str,
}

#[derive(sqlx::FromRow)]
struct RuleRow {
    id: i64,
    book_id: Option<i64>,
    name: String,
    priority: i64,
    counterparty_iban: Option<String>,
    counterparty_name: Option<String>,
    remittance_contains: Option<String>,
    remittance_pattern: Option<String>,
    bank_code: Option<String>,
    amount_min_minor: Option<i64>,
    amount_max_minor: Option<i64>,
    direction: Option<String>,
    target_code: Option<String>,
    target_category: Option<String>,
}

impl TryFrom<RuleRow> for Rule {
    type Error = StoreError;
    fn try_from(row: RuleRow) -> Result<Rule, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            what: "rule",
            id: row.id.to_string(),
            detail,
        };
        let target = match (&row.target_code, &row.target_category) {
            (Some(code), None) => RuleTarget::Account(code.clone()),
            (None, Some(category)) => {
                RuleTarget::Category(ReportCategory::parse(category).map_err(|error| corrupt(error.to_string()))?)
            }
            _ => return Err(corrupt("a rule has exactly one target".to_owned())),
        };
        let conditions = Conditions {
            counterparty_iban: row.counterparty_iban.clone(),
            counterparty_name: row.counterparty_name.clone(),
            remittance_contains: row.remittance_contains.clone(),
            remittance_pattern: row
                .remittance_pattern
                .as_deref()
                .map(pattern)
                .transpose()
                .map_err(|error| corrupt(error.to_string()))?,
            bank_code: row.bank_code.clone(),
            amount_min_minor: row.amount_min_minor,
            amount_max_minor: row.amount_max_minor,
            direction: row
                .direction
                .as_deref()
                .map(Direction::parse)
                .transpose()
                .map_err(|error| corrupt(error.to_string()))?,
        };
        Ok(Rule {
            id: row.id,
            name: row.name,
            book: row.book_id.map(BookId::new),
            priority: row.priority,
            conditions,
            target,
        })
    }
}

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
    pub async fn insert_rule(&mut self, rule: &NewRule<'_>, now: DateTime<Utc>) -> StoreResult<i64> {
        let conditions = rule.conditions;
        let (target_code, target_category) = match rule.target {
            RuleTarget::Account(code) => (Some(code.as_str()), None),
            RuleTarget::Category(category) => (None, Some(category.code())),
        };
        on_backend!(self, connection => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO categorisation_rules (office_id, book_id, name, priority, counterparty_iban, counterparty_name, \
                     remittance_contains, remittance_pattern, bank_code, amount_min_minor, amount_max_minor, direction, \
                     target_code, target_category, author, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
            )
            .bind(rule.office.get())
            .bind(rule.book.map(BookId::get))
            .bind(rule.name)
            .bind(rule.priority)
            .bind(&conditions.counterparty_iban)
            .bind(&conditions.counterparty_name)
            .bind(&conditions.remittance_contains)
            .bind(conditions.remittance_pattern.as_ref().map(|pattern| pattern.as_str()))
            .bind(&conditions.bank_code)
            .bind(conditions.amount_min_minor)
            .bind(conditions.amount_max_minor)
            .bind(conditions.direction.map(Direction::code))
            .bind(target_code)
            .bind(target_category)
            .bind(rule.author)
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(id)
        })
    }

    /// The rules that apply to `book`: its office's rules for every book, and its own. Without a
    /// book: every rule of the office, each book's included.
    pub async fn rules_for(&mut self, office: OfficeId, book: Option<BookId>) -> StoreResult<Vec<Rule>> {
        on_backend!(self, connection => {
            let rows: Vec<RuleRow> = sqlx::query_as(
                "SELECT id, book_id, name, priority, counterparty_iban, counterparty_name, remittance_contains, \
                     remittance_pattern, bank_code, amount_min_minor, amount_max_minor, direction, target_code, target_category \
                 FROM categorisation_rules WHERE office_id = $1 AND ($2 IS NULL OR book_id IS NULL OR book_id = $2) \
                 ORDER BY priority, id",
            )
            .bind(office.get())
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Rule::try_from).collect()
        })
    }

    /// Suspense postings of imported entries that no categorising entry names yet, with what the
    /// bank said of each: a batch line's part from its part row, a one-part line from the line's
    /// own row (found by the bank posting's account and the day, the index the import uses).
    pub async fn suspense_items(&mut self, book: BookId, suspense: AccountId) -> StoreResult<Vec<SuspenseItem>> {
        self.suspense_items_where(book, suspense, None).await
    }

    /// Posting `line_no` of `entry` when it is a suspense posting of the book not yet categorised.
    pub async fn suspense_item(
        &mut self,
        book: BookId,
        suspense: AccountId,
        entry: EntryId,
        line_no: i64,
    ) -> StoreResult<Option<SuspenseItem>> {
        Ok(self
            .suspense_items_where(book, suspense, Some((entry, line_no)))
            .await?
            .pop())
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
        let condition = if only.is_some() {
            " AND e.id = $3 AND p.line_no = $4"
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
             AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) \
             AND NOT EXISTS (SELECT 1 FROM entries c WHERE c.book_id = e.book_id \
                 AND c.source_ref LIKE 'categorise:%' \
                 AND c.source_ref = 'categorise:' || CAST(e.id AS TEXT) || ':' || CAST(p.line_no AS TEXT)) \
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

/// The `source_ref` of the entry that categorises posting `line_no` of `entry`.
pub fn categorise_reference(entry: EntryId, line_no: i64) -> String {
    format!("categorise:{entry}:{line_no}")
}
