//! What the caseload shows for many books at once, each in one query: the books, their people
//! and mandates, the money held and the end of the last filed period; for an office, or only
//! for the books a user works on.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{StoreResult, Tx, id_list, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, OfficeId};

impl Tx {
    /// Per book (of `office`, or all), the sum of its money accounts (bank, savings, cash box) in
    /// the book's currency, from the accounts' running totals.
    pub async fn money_held(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<HashMap<BookId, i64>> {
        let among = self.among("books.id", 5, only);
        let rows: Vec<(i64, i64)> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT accounts.book_id, CAST(SUM(accounts.balance_minor) AS BIGINT) FROM accounts \
                 JOIN books ON books.id = accounts.book_id \
                 WHERE accounts.category IN ($2, $3, $4) AND accounts.currency = books.currency \
                   AND ($1 IS NULL OR books.office_id = $1){among} \
                 GROUP BY accounts.book_id",
            )))
            .bind(office.map(OfficeId::get))
            .bind(ReportCategory::Bank.code())
            .bind(ReportCategory::Savings.code())
            .bind(ReportCategory::Cash.code())
            .bind(id_list(only))
            .fetch_all(connection)
            .await?
        });
        Ok(rows.into_iter().map(|(book, held)| (BookId::new(book), held)).collect())
    }

    /// Per book (of `office`, or all) with a filed account, the last day filed.
    pub async fn filed_through(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<HashMap<BookId, NaiveDate>> {
        let among = self.among("books.id", 2, only);
        let rows: Vec<(i64, NaiveDate)> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT filings.book_id, MAX(filings.period_to) FROM filings \
                 JOIN books ON books.id = filings.book_id \
                 WHERE ($1 IS NULL OR books.office_id = $1){among} GROUP BY filings.book_id",
            )))
            .bind(office.map(OfficeId::get))
            .bind(id_list(only))
            .fetch_all(connection)
            .await?
        });
        Ok(rows.into_iter().map(|(book, to)| (BookId::new(book), to)).collect())
    }
}

impl Tx {
    /// The books of `office` (or all), only those of `only` when given, in id order.
    pub async fn books_among(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<Vec<crate::domain::book::Book>> {
        let among = self.among("id", 2, only);
        on_backend!(self, connection => {
            let rows: Vec<super::rows::BookRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT id, office_id, beneficiary_id, currency, opened_on, locked_through, head_sequence, head_hash \
                 FROM books WHERE ($1 IS NULL OR office_id = $1){among} ORDER BY id",
            )))
            .bind(office.map(OfficeId::get))
            .bind(id_list(only))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(crate::domain::book::Book::try_from).collect()
        })
    }
}
