//! Orders after they leave: the ones a statement line may settle, their settlement, and the
//! ones the bank has not shown yet.

use chrono::NaiveDate;

use super::payments::{ORDER_COLUMNS, OrderRecord};
use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId};
use crate::domain::payment_state::OrderState;

/// An order sent to the bank (or already seen executed), as the import matches statement lines
/// against it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenOrder {
    pub id: i64,
    pub end_to_end_id: String,
    pub amount_minor: i64,
    pub creditor_iban: String,
    pub execution_date: NaiveDate,
    pub target_account_id: i64,
    /// Exported or executed.
    #[sqlx(try_from = "String")]
    pub state: OrderState,
}

impl Tx {
    /// The orders paid from `account` that a statement line may execute or return: exported
    /// ones, and executed ones from `since` on (a return comes back within weeks).
    pub async fn open_orders(&mut self, account: AccountId, since: NaiveDate) -> StoreResult<Vec<OpenOrder>> {
        on_backend!(self, connection => {
            let rows: Vec<OpenOrder> = sqlx::query_as(
                "SELECT o.id, o.end_to_end_id, o.amount_minor, c.iban AS creditor_iban, o.execution_date, \
                 o.target_account_id, o.state FROM payment_orders o JOIN creditors c ON c.id = o.creditor_id \
                 WHERE o.debtor_account_id = $1 AND (o.state = 'exported' OR (o.state = 'executed' AND o.execution_date >= $2)) \
                 ORDER BY o.execution_date, o.id",
            )
            .bind(account.get())
            .bind(since)
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    /// Records what the bank did with orders: `executed` or `returned`, with the entry that booked
    /// it (the first one kept when an executed order comes back).
    pub async fn settle_orders(
        &mut self,
        settled: &[(i64, OrderState, crate::domain::ids::EntryId)],
    ) -> StoreResult<()> {
        for (order, state, entry) in settled {
            on_backend!(self, connection => {
                sqlx::query("UPDATE payment_orders SET state = $1, entry_id = COALESCE(entry_id, $2) WHERE id = $3")
                    .bind(state.code())
                    .bind(entry.get())
                    .bind(*order)
                    .execute(connection)
                    .await?;
            });
        }
        Ok(())
    }

    /// Orders sent to the bank and not yet seen on a statement, oldest first; `None`: every book.
    pub async fn exported_orders(&mut self, book: Option<BookId>) -> StoreResult<Vec<OrderRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<OrderRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ORDER_COLUMNS} FROM payment_orders WHERE state = 'exported' AND ($1 IS NULL OR book_id = $1) \
                 ORDER BY execution_date, id"
            )))
            .bind(book.map(BookId::get))
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }
}
