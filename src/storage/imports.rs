//! The record of imported files and their bank statements, written for many files at once.

use chrono::{DateTime, NaiveDate, Utc};

use super::bulk::{self, IdsOf};
use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::AccountId;

/// Rows per multi-row INSERT: at most 10 values each, well under both databases' bound-parameter
/// limits (SQLite 32,766; PostgreSQL 65,535).
const ROWS_PER_INSERT: usize = 1000;

/// What a new imported file's row records.
pub struct NewStatementImport<'a> {
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub format: &'a str,
    pub author: &'a str,
    /// Why statements whose balances do not add up were imported anyway.
    pub forced_reason: Option<&'a str>,
    pub imported_at: DateTime<Utc>,
}

/// What a new bank statement row records.
pub struct NewBankStatement<'a> {
    pub import_id: i64,
    pub account: AccountId,
    pub statement_ref: Option<&'a str>,
    pub electronic_sequence: Option<i64>,
    pub copy_duplicate: Option<&'a str>,
    pub opening: Option<(i64, Option<NaiveDate>)>,
    pub closing: Option<(i64, Option<NaiveDate>)>,
}

impl Tx {
    /// Records imported files; returns their ids in order.
    pub async fn insert_statement_imports(&mut self, imports: &[NewStatementImport<'_>]) -> StoreResult<Vec<i64>> {
        let ids = self.new_ids(IdsOf::StatementImports, imports.len()).await?;
        let numbered: Vec<(i64, &NewStatementImport<'_>)> = ids.iter().copied().zip(imports).collect();
        let head = format!(
            "INSERT INTO statement_imports (id, file_name, file_sha256, format, author, imported_at, forced_reason) {}",
            self.taking_given_ids()
        );
        on_backend!(self, connection, Database => {
            let rows = numbered.chunks(ROWS_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(head.as_str());
                insert.push_values(chunk, |mut row, (id, import)| {
                    row.push_bind(*id)
                        .push_bind(import.file_name)
                        .push_bind(import.file_sha256)
                        .push_bind(import.format)
                        .push_bind(import.author)
                        .push_bind(import.imported_at)
                        .push_bind(import.forced_reason);
                });
                insert
            });
            bulk::insert_in_turn(connection, rows).await?;
        });
        Ok(ids)
    }

    /// Records bank statements; returns their ids in order.
    pub async fn insert_bank_statements(&mut self, statements: &[NewBankStatement<'_>]) -> StoreResult<Vec<i64>> {
        let ids = self.new_ids(IdsOf::BankStatements, statements.len()).await?;
        let numbered: Vec<(i64, &NewBankStatement<'_>)> = ids.iter().copied().zip(statements).collect();
        let head = format!(
            "INSERT INTO bank_statements (id, import_id, account_id, statement_ref, electronic_sequence, copy_duplicate, \
             opening_minor, opening_date, closing_minor, closing_date) {}",
            self.taking_given_ids()
        );
        on_backend!(self, connection, Database => {
            let rows = numbered.chunks(ROWS_PER_INSERT).map(|chunk| {
                let mut insert = sqlx::QueryBuilder::<Database>::new(head.as_str());
                insert.push_values(chunk, |mut row, (id, statement)| {
                    row.push_bind(*id)
                        .push_bind(statement.import_id)
                        .push_bind(statement.account.get())
                        .push_bind(statement.statement_ref)
                        .push_bind(statement.electronic_sequence)
                        .push_bind(statement.copy_duplicate)
                        .push_bind(statement.opening.map(|(minor, _)| minor))
                        .push_bind(statement.opening.and_then(|(_, date)| date))
                        .push_bind(statement.closing.map(|(minor, _)| minor))
                        .push_bind(statement.closing.and_then(|(_, date)| date));
                });
                insert
            });
            bulk::insert_in_turn(connection, rows).await?;
        });
        Ok(ids)
    }
}
