//! What a payment run could not order, and why (its holds); and cancelling a run nobody approved.

use super::payments::HoldRecord;
use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::PaymentRunId;

impl Tx {
    pub async fn insert_holds(&mut self, run: PaymentRunId, holds: &[HoldRecord]) -> StoreResult<()> {
        for chunk in holds.chunks(1000) {
            on_backend!(self, connection, Database => {
                let mut insert = sqlx::QueryBuilder::<Database>::new(
                    "INSERT INTO payment_run_holds (run_id, book_id, schedule_id, due_date, amount_minor, currency, reason, \
                     reason_code, available_minor) ",
                );
                insert.push_values(chunk, |mut row, hold| {
                    row.push_bind(run.get())
                        .push_bind(hold.book_id)
                        .push_bind(hold.schedule_id)
                        .push_bind(hold.due_date)
                        .push_bind(hold.amount_minor)
                        .push_bind(hold.currency.as_str())
                        .push_bind(hold.reason.as_str())
                        .push_bind(hold.reason_code.as_deref())
                        .push_bind(hold.available_minor);
                });
                insert.build().execute(connection).await?;
            });
        }
        Ok(())
    }

    pub async fn run_holds(&mut self, run: PaymentRunId) -> StoreResult<Vec<HoldRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<HoldRecord> = sqlx::query_as(
                "SELECT book_id, schedule_id, due_date, amount_minor, currency, reason, reason_code, available_minor \
                 FROM payment_run_holds \
                 WHERE run_id = $1 ORDER BY book_id, due_date, schedule_id",
            )
            .bind(run.get())
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    /// Deletes a run nobody approved, with its orders and holds: planned orders were never in a
    /// file, so nothing the bank saw goes.
    pub async fn delete_prepared_run(&mut self, id: PaymentRunId) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("DELETE FROM payment_orders WHERE run_id = $1 AND state = 'planned' AND file_id IS NULL")
                .bind(id.get())
                .execute(&mut *connection)
                .await?;
            sqlx::query("DELETE FROM payment_run_holds WHERE run_id = $1")
                .bind(id.get())
                .execute(&mut *connection)
                .await?;
            sqlx::query("DELETE FROM payment_runs WHERE id = $1 AND state = 'prepared'")
                .bind(id.get())
                .execute(connection)
                .await?;
            Ok(())
        })
    }
}
