//! Payment runs, the orders they plan, what they hold back, and the pain.001 files they produce.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::ids::{
    AccountId, BookId, CreditorId, OfficeId, PaymentFileId, PaymentOrderId, PaymentRunId, ScheduleId,
};
use crate::domain::money::Money;
use crate::domain::payment_state::{OrderState, RunState};
use crate::domain::seal::SealedFields;

/// A run as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    pub office_id: i64,
    pub book_id: Option<i64>,
    pub execution_date: NaiveDate,
    pub format: String,
    /// Prepared (waiting for a second person) or approved (files produced).
    #[sqlx(try_from = "String")]
    pub state: RunState,
    pub prepared_by: String,
    pub approved_by: Option<String>,
}

/// An order to insert: one occurrence of a schedule, funded.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub book_id: BookId,
    pub schedule_id: ScheduleId,
    pub due: NaiveDate,
    pub instalment: u32,
    pub execution_date: NaiveDate,
    pub debtor_account: AccountId,
    pub target_account: AccountId,
    pub amount: Money,
    pub creditor_id: CreditorId,
    pub end_to_end_id: String,
    pub remittance: Option<String>,
}

/// An order as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OrderRecord {
    pub id: i64,
    pub run_id: i64,
    pub book_id: i64,
    pub schedule_id: i64,
    pub due_date: NaiveDate,
    pub instalment: i64,
    pub execution_date: NaiveDate,
    pub debtor_account_id: i64,
    pub target_account_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub creditor_id: i64,
    pub end_to_end_id: String,
    pub remittance: Option<String>,
    pub file_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub state: OrderState,
}

/// What a run could not order, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct HoldRecord {
    pub book_id: i64,
    pub schedule_id: i64,
    pub due_date: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    /// In English, as the command line and the API say it.
    pub reason: String,
    /// `insufficient_funds`, `behind_unpaid`, `awaiting_authorisation` or `no_account`, for pages
    /// to say it in the reader's words; none on holds recorded before it was kept.
    pub reason_code: Option<String>,
    /// For insufficient funds: what the account had left, in minor units.
    pub available_minor: Option<i64>,
}

/// A produced pain.001 file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FileRecord {
    pub id: i64,
    pub run_id: i64,
    pub debtor_account_id: i64,
    pub execution_date: NaiveDate,
    pub message_id: String,
    pub format: String,
    pub sha256: String,
    pub transfers: i64,
    pub control_sum_minor: i64,
}

/// A file to store.
pub struct NewFile<'a> {
    pub run: PaymentRunId,
    pub debtor_account: AccountId,
    pub execution_date: NaiveDate,
    pub message_id: &'a str,
    pub format: &'a str,
    pub content: &'a [u8],
    pub sha256: &'a str,
    pub transfers: i64,
    pub control_sum_minor: i64,
}

pub(super) const ORDER_COLUMNS: &str = "id, run_id, book_id, schedule_id, due_date, instalment, execution_date, debtor_account_id, \
     target_account_id, amount_minor, currency, creditor_id, end_to_end_id, remittance, file_id, state";
const RUN_COLUMNS: &str = "id, office_id, book_id, execution_date, format, state, prepared_by, approved_by";
const FILE_COLUMNS: &str =
    "id, run_id, debtor_account_id, execution_date, message_id, format, sha256, transfers, control_sum_minor";

impl Tx {
    pub async fn insert_run(
        &mut self,
        office: OfficeId,
        book: Option<BookId>,
        execution_date: NaiveDate,
        format: &str,
        author: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<PaymentRunId> {
        on_backend!(self, connection => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO payment_runs (office_id, book_id, execution_date, format, state, prepared_by, prepared_at) \
                 VALUES ($1, $2, $3, $4, 'prepared', $5, $6) RETURNING id",
            )
            .bind(office.get())
            .bind(book.map(BookId::get))
            .bind(execution_date)
            .bind(format)
            .bind(author)
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(PaymentRunId::new(id))
        })
    }

    pub async fn run(&mut self, id: PaymentRunId) -> StoreResult<RunRecord> {
        let row: Option<RunRecord> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {RUN_COLUMNS} FROM payment_runs WHERE id = $1")))
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        row.ok_or_else(|| StoreError::missing(id))
    }

    /// The office's latest runs, newest first.
    pub async fn runs_of_office(&mut self, office: OfficeId, limit: i64) -> StoreResult<Vec<RunRecord>> {
        let rows: Vec<RunRecord> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {RUN_COLUMNS} FROM payment_runs WHERE office_id = $1 ORDER BY id DESC LIMIT $2"
            )))
            .bind(office.get())
            .bind(limit)
            .fetch_all(connection)
            .await?
        });
        Ok(rows)
    }

    /// Marks a prepared run approved; `false` when it was not prepared any more (approved by
    /// someone else meanwhile), so one approval produces the files.
    pub async fn approve_run(&mut self, id: PaymentRunId, approver: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let updated = on_backend!(self, connection => {
            sqlx::query(
                "UPDATE payment_runs SET state = 'approved', approved_by = $1, approved_at = $2 \
                 WHERE id = $3 AND state = 'prepared'",
            )
            .bind(approver)
            .bind(now)
            .bind(id.get())
            .execute(connection)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }

    /// The due dates of `schedules` already ordered, in any run.
    pub async fn ordered_occurrences(&mut self, book: BookId) -> StoreResult<HashSet<(i64, NaiveDate)>> {
        let rows: Vec<(i64, NaiveDate)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT schedule_id, due_date FROM payment_orders WHERE book_id = $1")
                .bind(book.get())
                .fetch_all(connection)
                .await?
        });
        Ok(rows.into_iter().collect())
    }

    /// The orders of `book` planned or sent to the bank but not yet seen on a statement — money
    /// already promised — summed per (paying account, target account).
    pub async fn committed_amounts(&mut self, book: BookId) -> StoreResult<Vec<(AccountId, AccountId, i64)>> {
        let rows: Vec<(i64, i64, i64)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT debtor_account_id, target_account_id, CAST(SUM(amount_minor) AS BIGINT) FROM payment_orders \
                 WHERE book_id = $1 AND state IN ('planned', 'exported') GROUP BY debtor_account_id, target_account_id",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(debtor, target, amount)| (AccountId::new(debtor), AccountId::new(target), amount))
            .collect())
    }

    pub async fn insert_orders(&mut self, run: PaymentRunId, orders: &[NewOrder]) -> StoreResult<()> {
        for chunk in orders.chunks(1000) {
            on_backend!(self, connection, Database => {
                let mut insert = sqlx::QueryBuilder::<Database>::new(
                    "INSERT INTO payment_orders (run_id, book_id, schedule_id, due_date, instalment, execution_date, \
                     debtor_account_id, target_account_id, amount_minor, currency, creditor_id, end_to_end_id, \
                     remittance, state) ",
                );
                insert.push_values(chunk, |mut row, order| {
                    row.push_bind(run.get())
                        .push_bind(order.book_id.get())
                        .push_bind(order.schedule_id.get())
                        .push_bind(order.due)
                        .push_bind(i64::from(order.instalment))
                        .push_bind(order.execution_date)
                        .push_bind(order.debtor_account.get())
                        .push_bind(order.target_account.get())
                        .push_bind(order.amount.minor())
                        .push_bind(order.amount.currency().code())
                        .push_bind(order.creditor_id.get())
                        .push_bind(order.end_to_end_id.as_str())
                        .push_bind(order.remittance.as_deref())
                        .push_bind("planned");
                });
                insert.build().execute(connection).await?;
            });
        }
        Ok(())
    }

    pub async fn run_orders(&mut self, run: PaymentRunId) -> StoreResult<Vec<OrderRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<OrderRecord> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {ORDER_COLUMNS} FROM payment_orders WHERE run_id = $1 ORDER BY id")))
                    .bind(run.get())
                    .fetch_all(connection)
                    .await?;
            Ok(rows)
        })
    }

    /// A book's orders, newest first.
    pub async fn book_orders(&mut self, book: BookId) -> StoreResult<Vec<OrderRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<OrderRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ORDER_COLUMNS} FROM payment_orders WHERE book_id = $1 ORDER BY id DESC LIMIT 1000"
            )))
            .bind(book.get())
            .fetch_all(connection)
            .await?;
            Ok(rows)
        })
    }

    pub async fn insert_file(&mut self, file: &NewFile<'_>, now: DateTime<Utc>) -> StoreResult<PaymentFileId> {
        let id = self.insert_file_row(file, now).await?;
        let sealed = SealedFields::payment_file(id, file.run.get(), file.message_id, file.sha256);
        self.insert_seal(&sealed, id.get()).await?;
        Ok(id)
    }

    async fn insert_file_row(&mut self, file: &NewFile<'_>, now: DateTime<Utc>) -> StoreResult<PaymentFileId> {
        on_backend!(self, connection => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO payment_files (run_id, debtor_account_id, execution_date, message_id, format, content, \
                 sha256, transfers, control_sum_minor, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(file.run.get())
            .bind(file.debtor_account.get())
            .bind(file.execution_date)
            .bind(file.message_id)
            .bind(file.format)
            .bind(file.content)
            .bind(file.sha256)
            .bind(file.transfers)
            .bind(file.control_sum_minor)
            .bind(now)
            .fetch_one(connection)
            .await?;
            Ok(PaymentFileId::new(id))
        })
    }

    /// Puts planned orders into `file`. Only planned orders move: an order already in a file
    /// stays there (and the database refuses to move it, DESIGN rule 6).
    pub async fn export_orders(&mut self, file: PaymentFileId, orders: &[PaymentOrderId]) -> StoreResult<u64> {
        let mut moved = 0;
        for chunk in orders.chunks(1000) {
            moved += on_backend!(self, connection, Database => {
                let mut update = sqlx::QueryBuilder::<Database>::new("UPDATE payment_orders SET state = 'exported', file_id = ");
                update.push_bind(file.get());
                update.push(" WHERE state = 'planned' AND id IN (");
                let mut list = update.separated(", ");
                for order in chunk {
                    list.push_bind(order.get());
                }
                update.push(")");
                update.build().execute(connection).await?.rows_affected()
            });
        }
        Ok(moved)
    }

    pub async fn run_files(&mut self, run: PaymentRunId) -> StoreResult<Vec<FileRecord>> {
        on_backend!(self, connection => {
            let rows: Vec<FileRecord> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {FILE_COLUMNS} FROM payment_files WHERE run_id = $1 ORDER BY id")))
                    .bind(run.get())
                    .fetch_all(connection)
                    .await?;
            Ok(rows)
        })
    }

    /// The payment files paid from the accounts of `book`.
    pub async fn payment_files_of_book(&mut self, book: BookId) -> StoreResult<Vec<PaymentFileId>> {
        let rows: Vec<(i64,)> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT f.id FROM payment_files f JOIN accounts a ON a.id = f.debtor_account_id \
                 WHERE a.book_id = $1 ORDER BY f.id",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        Ok(rows.into_iter().map(|(id,)| PaymentFileId::new(id)).collect())
    }

    /// A file's record and its bytes exactly as produced.
    pub async fn file_content(&mut self, id: PaymentFileId) -> StoreResult<(FileRecord, Vec<u8>)> {
        let record: Option<FileRecord> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {FILE_COLUMNS} FROM payment_files WHERE id = $1")))
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        let record = record.ok_or_else(|| StoreError::missing(id))?;
        let (content,): (Vec<u8>,) = on_backend!(self, connection => {
            sqlx::query_as("SELECT content FROM payment_files WHERE id = $1")
                .bind(id.get())
                .fetch_one(connection)
                .await?
        });
        Ok((record, content))
    }
}
