//! Incomes a book expects every month, for the forecast.

use chrono::{DateTime, NaiveDate, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId};
use crate::domain::money::{Currency, Money};
use crate::domain::schedule::{DayOfMonth, ExpectedIncome};

type IncomeRow = (i64, i64, i64, String, i64, String, i64, NaiveDate, Option<NaiveDate>);

impl Tx {
    pub async fn insert_expected_income(&mut self, income: &ExpectedIncome, now: DateTime<Utc>) -> StoreResult<i64> {
        let day = match income.day {
            DayOfMonth::Last => 0,
            DayOfMonth::Day(number) => i64::from(number),
        };
        on_backend!(self, connection => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO expected_incomes (book_id, account_id, name, amount_minor, currency, month_day, start_date, \
                 end_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(income.book_id.get())
            .bind(income.account.get())
            .bind(&income.name)
            .bind(income.amount.minor())
            .bind(income.amount.currency().code())
            .bind(day)
            .bind(income.start)
            .bind(income.end)
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(id)
        })
    }

    pub async fn expected_incomes(&mut self, book: BookId) -> StoreResult<Vec<ExpectedIncome>> {
        let rows: Vec<IncomeRow> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT id, book_id, account_id, name, amount_minor, currency, month_day, start_date, end_date \
                 FROM expected_incomes WHERE book_id = $1 ORDER BY id",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        rows.into_iter()
            .map(|(id, book_id, account, name, amount, currency, day, start, end)| {
                let currency = Currency::parse(&currency).map_err(|error| StoreError::Corrupt {
                    what: "expected income",
                    id: id.to_string(),
                    detail: error.to_string(),
                })?;
                let day = match u32::try_from(day) {
                    Ok(0) => DayOfMonth::Last,
                    Ok(number) if number <= 31 => DayOfMonth::Day(number),
                    _ => {
                        return Err(StoreError::Corrupt {
                            what: "expected income",
                            id: id.to_string(),
                            detail: format!("day {day}"),
                        });
                    }
                };
                Ok(ExpectedIncome {
                    id,
                    book_id: BookId::new(book_id),
                    account: AccountId::new(account),
                    name,
                    amount: Money::from_minor(amount, currency),
                    day,
                    start,
                    end,
                })
            })
            .collect()
    }
}
