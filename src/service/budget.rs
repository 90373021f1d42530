//! A book's budget plan: set a category's monthly amount from a month on, and read the plan.

use chrono::{DateTime, NaiveDate, Utc};

use super::ServiceResult;
use crate::domain::account::ReportCategory;
use crate::domain::budget::BudgetLine;
use crate::domain::ids::BookId;
use crate::domain::money::Money;
use crate::storage::Store;

/// Plans `monthly` for `category` from the month of `from` on (see `BudgetLine::new`).
pub async fn plan(
    store: &Store,
    book: BookId,
    category: ReportCategory,
    monthly: Money,
    from: NaiveDate,
    now: DateTime<Utc>,
) -> ServiceResult<BudgetLine> {
    let mut tx = store.begin_write().await?;
    let found = tx.book(book).await?;
    let line = BudgetLine::new(category, monthly, found.currency, from)?;
    tx.insert_budget_line(book, &line, now).await?;
    tx.commit().await?;
    Ok(line)
}

pub async fn plan_lines(store: &Store, book: BookId) -> ServiceResult<Vec<BudgetLine>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let lines = tx.budget_lines(book).await?;
    tx.commit().await?;
    Ok(lines)
}
