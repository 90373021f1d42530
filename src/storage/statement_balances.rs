//! What the bank said an account held: the closing balance of its statements, for the periodic
//! account's check against the books.

use chrono::NaiveDate;

use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId};

impl Tx {
    /// The closing balance of the last statement of `account` ending on or before `date`, with
    /// its date: what the bank said the account held.
    pub async fn statement_closing_at(
        &mut self,
        account: AccountId,
        date: NaiveDate,
    ) -> StoreResult<Option<(i64, NaiveDate)>> {
        on_backend!(self, connection => {
            let row: Option<(i64, NaiveDate)> = sqlx::query_as(
                "SELECT closing_minor, closing_date FROM bank_statements WHERE account_id = $1 AND copy_duplicate IS NULL AND NOT withdrawn \
                 AND closing_minor IS NOT NULL AND closing_date <= $2 ORDER BY closing_date DESC, id DESC LIMIT 1",
            )
            .bind(account.get())
            .bind(date)
            .fetch_optional(connection)
            .await?;
            Ok(row)
        })
    }

    /// The last day the bank has reported for any account of `book`: its latest statement's
    /// closing date or booked line, whichever is later; `None` for a book without statements.
    pub async fn reported_through(&mut self, book: BookId) -> StoreResult<Option<NaiveDate>> {
        on_backend!(self, connection => {
            let day: Option<NaiveDate> = sqlx::query_scalar(
                "SELECT MAX(day) FROM ( \
                     SELECT (SELECT MAX(s.closing_date) FROM bank_statements s WHERE s.account_id = a.id AND NOT s.withdrawn) AS day \
                     FROM accounts a WHERE a.book_id = $1 \
                     UNION ALL \
                     SELECT (SELECT MAX(l.booking_date) FROM statement_lines l WHERE l.account_id = a.id AND NOT l.withdrawn) \
                     FROM accounts a WHERE a.book_id = $1 \
                 ) AS days",
            )
            .bind(book.get())
            .fetch_one(connection)
            .await?;
            Ok(day)
        })
    }
}
