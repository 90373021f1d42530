//! A book's budget plan lines.

use chrono::{DateTime, NaiveDate, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::budget::BudgetLine;
use crate::domain::ids::BookId;

impl Tx {
    pub async fn insert_budget_line(&mut self, book: BookId, line: &BudgetLine, now: DateTime<Utc>) -> StoreResult<()> {
        let result = on_backend!(self, connection => {
            sqlx::query(
                "INSERT INTO budget_lines (book_id, category, monthly_minor, valid_from, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(book.get())
            .bind(line.category.code())
            .bind(line.monthly)
            .bind(line.valid_from)
            .bind(now)
            .execute(connection)
            .await
            .map(|_| ())
        });
        match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "a budget line",
                detail: format!(
                    "book {book} plans {} from {} already; plan a new amount from a later month",
                    line.category.code(),
                    line.valid_from
                ),
            }),
            other => other,
        }
    }

    pub async fn budget_lines(&mut self, book: BookId) -> StoreResult<Vec<BudgetLine>> {
        let rows: Vec<(i64, String, i64, NaiveDate)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT id, category, monthly_minor, valid_from FROM budget_lines WHERE book_id = $1 \
                 ORDER BY category, valid_from",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        rows.into_iter()
            .map(|(id, category, monthly, valid_from)| {
                Ok(BudgetLine {
                    category: ReportCategory::parse(&category).map_err(|error| StoreError::Corrupt {
                        what: "budget line",
                        id: id.to_string(),
                        detail: error.to_string(),
                    })?,
                    monthly,
                    valid_from,
                })
            })
            .collect()
    }
}
