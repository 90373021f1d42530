//! Categorisation rules (the lines waiting for one: waiting_lines.rs).

use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, OfficeId};
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
                 AND NOT disabled ORDER BY priority, id",
            )
            .bind(office.get())
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Rule::try_from).collect()
        })
    }

    /// The rules that apply to `book`, switched off ones too, each with whether it is off.
    pub async fn rules_listed(&mut self, office: OfficeId, book: BookId) -> StoreResult<Vec<(Rule, bool)>> {
        on_backend!(self, connection => {
            let rows: Vec<(bool, RuleRow)> = sqlx::query_as::<_, RuleRowWithState>(
                "SELECT disabled, id, book_id, name, priority, counterparty_iban, counterparty_name, remittance_contains, \
                     remittance_pattern, bank_code, amount_min_minor, amount_max_minor, direction, target_code, target_category \
                 FROM categorisation_rules WHERE office_id = $1 AND (book_id IS NULL OR book_id = $2) ORDER BY priority, id",
            )
            .bind(office.get())
            .bind(book.get())
            .fetch_all(connection)
            .await?
            .into_iter()
            .map(|row| (row.disabled, row.rule))
            .collect();
            rows.into_iter().map(|(disabled, row)| Ok((Rule::try_from(row)?, disabled))).collect()
        })
    }

    /// Switches rule `id` of `office` off or on; false when the office has no such rule.
    pub async fn set_rule_disabled(&mut self, office: OfficeId, id: i64, disabled: bool) -> StoreResult<bool> {
        on_backend!(self, connection => {
            let done = sqlx::query("UPDATE categorisation_rules SET disabled = $1 WHERE id = $2 AND office_id = $3")
                .bind(disabled)
                .bind(id)
                .bind(office.get())
                .execute(connection)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Deletes rule `id` of `office`: rules are settings, and each line booked by one keeps
    /// its name in its own row. False when the office has no such rule.
    pub async fn delete_rule(&mut self, office: OfficeId, id: i64) -> StoreResult<bool> {
        on_backend!(self, connection => {
            let done = sqlx::query("DELETE FROM categorisation_rules WHERE id = $1 AND office_id = $2")
                .bind(id)
                .bind(office.get())
                .execute(connection)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Changes where rule `id` of `office` sends lines, and its priority.
    pub async fn change_rule(
        &mut self,
        office: OfficeId,
        id: i64,
        priority: i64,
        target: &RuleTarget,
    ) -> StoreResult<bool> {
        let (target_code, target_category) = match target {
            RuleTarget::Account(code) => (Some(code.as_str()), None),
            RuleTarget::Category(category) => (None, Some(category.code())),
        };
        on_backend!(self, connection => {
            let done = sqlx::query(
                "UPDATE categorisation_rules SET priority = $1, target_code = $2, target_category = $3 \
                 WHERE id = $4 AND office_id = $5",
            )
            .bind(priority)
            .bind(target_code)
            .bind(target_category)
            .bind(id)
            .bind(office.get())
            .execute(connection)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

#[derive(sqlx::FromRow)]
struct RuleRowWithState {
    disabled: bool,
    #[sqlx(flatten)]
    rule: RuleRow,
}
