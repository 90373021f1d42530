//! A book's forecast: its money accounts day by day, from the booked balance, the orders on
//! their way, the schedules' coming payments and the declared incomes.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use super::run::{accounts_of, still_owed, unordered_amounts};
use crate::domain::account::ReportCategory;
use crate::domain::calendar::Calendar;
use crate::domain::forecast::{AccountForecast, Movement, project};
use crate::domain::ids::{AccountId, BookId};
use crate::domain::money::Currency;
use crate::domain::schedule::ExpectedIncome;
use crate::service::ServiceResult;
use crate::storage::{Store, Tx};

#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub code: String,
    pub name: String,
    #[serde(flatten)]
    pub forecast: AccountForecast,
}

#[derive(Debug, Clone, Serialize)]
pub struct ForecastReport {
    pub book: BookId,
    pub today: NaiveDate,
    pub currency: Currency,
    pub reserve_minor: i64,
    pub accounts: Vec<AccountView>,
}

/// The forecast of `book` over `days` days from `today`.
pub async fn forecast(store: &Store, book: BookId, today: NaiveDate, days: u32) -> ServiceResult<ForecastReport> {
    let mut tx = store.begin_read().await?;
    let found = tx.book(book).await?;
    let accounts = tx.accounts(book).await?;
    let totals = tx.account_totals(book).await?;
    let horizon = today + Days::new(u64::from(days));
    let money: Vec<_> = accounts
        .iter()
        .filter(|account| {
            !account.closed
                && matches!(
                    account.category,
                    ReportCategory::Bank | ReportCategory::Savings | ReportCategory::Cash
                )
        })
        .collect();
    let balances: BTreeMap<AccountId, i64> = money
        .iter()
        .map(|account| (account.id, totals.get(&account.id).copied().unwrap_or(0)))
        .collect();
    let mut movements = pending_orders(&mut tx, book).await?;
    movements.extend(coming_payments(&mut tx, &found, &accounts, &totals, horizon).await?);
    let incomes = tx.expected_incomes(book).await?;
    movements.extend(incomes.iter().flat_map(|income| arrivals(income, today, horizon)));
    let reserve = tx.book_reserve(book).await?;
    tx.commit().await?;
    let projected = project(today, days, &balances, &movements, reserve);
    Ok(ForecastReport {
        book,
        today,
        currency: found.currency,
        reserve_minor: reserve,
        accounts: projected
            .into_iter()
            .filter_map(|forecast| {
                let account = money.iter().find(|account| account.id == forecast.account)?;
                Some(AccountView {
                    code: account.code.clone(),
                    name: account.name.clone(),
                    forecast,
                })
            })
            .collect(),
    })
}

/// Orders planned or sent to the bank and not yet on a statement: they leave on their execution
/// date (today, if it has passed).
async fn pending_orders(tx: &mut Tx, book: BookId) -> ServiceResult<Vec<Movement>> {
    Ok(tx
        .book_orders(book)
        .await?
        .into_iter()
        .filter(|order| order.state.is_outstanding())
        .map(|order| Movement {
            account: AccountId::new(order.debtor_account_id),
            date: order.execution_date,
            amount: -order.amount_minor,
        })
        .collect())
}

/// The schedules' occurrences through `horizon` not yet ordered, leaving on their TARGET2
/// execution day; overdue ones count today. A debt plan counts no more than is still owed.
async fn coming_payments(
    tx: &mut Tx,
    book: &crate::domain::book::Book,
    accounts: &[crate::domain::account::Account],
    totals: &BTreeMap<AccountId, i64>,
    horizon: NaiveDate,
) -> ServiceResult<Vec<Movement>> {
    let ordered = tx.ordered_occurrences(book.id).await?;
    let committed = tx.committed_amounts(book.id).await?;
    let mut movements = Vec::new();
    for schedule in tx.schedules(book.id, true).await? {
        let Some((paying, target)) = accounts_of(book, accounts, &schedule) else {
            continue;
        };
        let owed = still_owed(&schedule, target, totals, &committed);
        for (occurrence, amount) in unordered_amounts(&schedule, horizon, &ordered, owed) {
            movements.push(Movement {
                account: paying,
                date: Calendar::Target2.roll_forward(occurrence.due),
                amount: -amount,
            });
        }
    }
    Ok(movements)
}

fn arrivals(income: &ExpectedIncome, today: NaiveDate, horizon: NaiveDate) -> Vec<Movement> {
    income
        .dates_between(today, horizon)
        .into_iter()
        .map(|date| Movement {
            account: income.account,
            date: Calendar::Target2.roll_forward(date),
            amount: income.amount.minor(),
        })
        .collect()
}

/// Declares an income the book expects every month on one of its money accounts.
pub async fn add_expected_income(store: &Store, income: &ExpectedIncome, now: DateTime<Utc>) -> ServiceResult<i64> {
    let mut tx = store.begin_write().await?;
    let book = tx.book(income.book_id).await?;
    let account = tx
        .accounts(book.id)
        .await?
        .into_iter()
        .find(|account| account.id == income.account)
        .ok_or_else(|| crate::storage::StoreError::missing(income.account))?;
    let reason = if account.closed {
        Some(format!("account {} of book {} is closed", income.account, book.id))
    } else if income.amount.currency() != book.currency || income.amount.minor() <= 0 {
        Some(format!("the amount must be positive and in {}", book.currency.code()))
    } else {
        None
    };
    if let Some(reason) = reason {
        return Err(super::PaymentRefusal::ExpectedIncome(reason).into());
    }
    let id = tx.insert_expected_income(income, now).await?;
    tx.commit().await?;
    Ok(id)
}
