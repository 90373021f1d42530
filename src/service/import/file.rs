//! One file of a batch, in two steps: `check_file` decides everything and writes nothing but the
//! books' locks, so a refused file leaves no row behind and needs no savepoint; `store_file`
//! then writes the file's import, statements and gaps, and its entries and lines wait with the
//! batch's.

use chrono::{DateTime, Utc};

use super::booking::book_lines;
use super::cache::BatchCache;
use super::checks::{GapFound, balance_money, check_balances, find_gaps};
use super::pending::PendingWrites;
use super::{ImportOptions, ImportRefusal, ImportSummary, StatementSummary};
use crate::domain::account::Account;
use crate::domain::iban::Iban;
use crate::domain::ids::AccountId;
use crate::import::lines::lines_of;
use crate::import::statement::{Statement, StatementFile};
use crate::service::{ServiceError, ServiceResult};
use crate::storage::{NewBankStatement, PreviousStatement, Tx};

/// One file being imported, and on whose behalf.
pub(super) struct FileUnit<'a> {
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub options: ImportOptions<'a>,
    pub author: &'a str,
    pub now: DateTime<Utc>,
}

pub(super) struct StatementContext<'a> {
    file: &'a str,
    label: String,
    /// The statement's place in its file: its lines name it until `store_file` gives it an id.
    pub slot: usize,
    pub options: ImportOptions<'a>,
    pub author: &'a str,
    pub now: DateTime<Utc>,
}

impl StatementContext<'_> {
    pub fn refuse(&self, make: impl FnOnce(String, String) -> ImportRefusal) -> ServiceError {
        ServiceError::Import(Box::new(make(self.file.to_owned(), self.label.clone())))
    }
}

/// A statement checked and decided, waiting for `store_file` to write its row and gaps.
pub(super) struct CheckedStatement {
    account: AccountId,
    statement_ref: Option<String>,
    electronic_sequence: Option<i64>,
    copy_duplicate: Option<String>,
    opening: Option<(i64, Option<chrono::NaiveDate>)>,
    closing: Option<(i64, Option<chrono::NaiveDate>)>,
    gaps: Vec<GapFound>,
}

/// Checks every statement of `parsed` and decides its lines, into `writes`; writes nothing.
pub(super) async fn check_file(
    tx: &mut Tx,
    cache: &mut BatchCache,
    writes: &mut PendingWrites,
    unit: &FileUnit<'_>,
    parsed: &StatementFile,
) -> ServiceResult<(ImportSummary, Vec<CheckedStatement>)> {
    let mut summaries = Vec::with_capacity(parsed.statements.len());
    let mut checked = Vec::with_capacity(parsed.statements.len());
    for (index, statement) in parsed.statements.iter().enumerate() {
        let context = StatementContext {
            file: unit.file_name,
            label: statement.id.clone().unwrap_or_else(|| format!("#{}", index + 1)),
            slot: index,
            options: unit.options,
            author: unit.author,
            now: unit.now,
        };
        let (summary, statement) = check_statement(tx, cache, writes, &context, statement).await?;
        summaries.push(summary);
        checked.push(statement);
    }
    let summary = ImportSummary {
        file: unit.file_name.to_owned(),
        format: parsed.message_type.clone(),
        statements: summaries,
    };
    Ok((summary, checked))
}

/// Writes a checked file's import record, its statements and their gaps, and gives the file's
/// waiting lines their statements' ids.
pub(super) async fn store_file(
    tx: &mut Tx,
    writes: &mut PendingWrites,
    unit: &FileUnit<'_>,
    message_type: &str,
    checked: &[CheckedStatement],
) -> ServiceResult<()> {
    let import_id = tx
        .insert_statement_import(
            unit.file_name,
            unit.sha256,
            message_type,
            unit.author,
            unit.options.force_reason,
            unit.now,
        )
        .await?;
    let mut ids = Vec::with_capacity(checked.len());
    for statement in checked {
        let id = tx
            .insert_bank_statement(&NewBankStatement {
                import_id,
                account: statement.account,
                statement_ref: statement.statement_ref.as_deref(),
                electronic_sequence: statement.electronic_sequence,
                copy_duplicate: statement.copy_duplicate.as_deref(),
                opening: statement.opening,
                closing: statement.closing,
            })
            .await?;
        for gap in &statement.gaps {
            tx.insert_gap(statement.account, id, gap.kind, &gap.expected, &gap.found, unit.now)
                .await?;
        }
        ids.push(id);
    }
    writes.name_statements(&ids);
    Ok(())
}

async fn check_statement(
    tx: &mut Tx,
    cache: &mut BatchCache,
    writes: &mut PendingWrites,
    context: &StatementContext<'_>,
    statement: &Statement,
) -> ServiceResult<(StatementSummary, CheckedStatement)> {
    let account = find_account(tx, cache, context, statement).await?;
    if let Some(found) = statement
        .account_currency
        .as_deref()
        .filter(|code| *code != account.currency.code())
    {
        let (found, code, currency) = (found.to_owned(), account.code.clone(), account.currency);
        return Err(context.refuse(|file, statement| ImportRefusal::CurrencyMismatch {
            file,
            statement,
            found,
            code,
            account: currency,
        }));
    }
    let lines = lines_of(statement, account.currency)
        .map_err(|error| context.refuse(|file, statement| ImportRefusal::Line { file, statement, error }))?;
    check_balances(context, statement)?;
    let opening = balance_money(context, statement, "opening", account.currency)?;
    let closing = balance_money(context, statement, "closing", account.currency)?;
    let previous = cache.previous_statement(tx, account.id).await?;
    let electronic_sequence = statement
        .electronic_sequence
        .as_deref()
        .and_then(|text| text.trim().parse::<i64>().ok());
    let copy = statement.copy_duplicate.is_some();
    let gaps = if copy {
        Vec::new()
    } else {
        find_gaps(&account, previous.as_ref(), (opening, electronic_sequence))
    };
    let mut summary = StatementSummary {
        statement: context.label.clone(),
        book: account.book_id,
        account: account.code.clone(),
        new: 0,
        already_booked: 0,
        not_booked: 0,
        categorised: 0,
        payments_matched: 0,
        copy,
        reconciles: statement.reconcile_gap().map(|gap| gap.is_zero()),
        gaps: gaps.iter().map(|gap| gap.description.clone()).collect(),
    };
    if !copy {
        let stored = PreviousStatement {
            closing_minor: closing.map(|(money, _)| money.minor()),
            closing_date: closing.and_then(|(_, date)| date),
            electronic_sequence,
        };
        cache.stored_statement(account.id, stored);
        book_lines(tx, context, cache, writes, &account, lines, &mut summary).await?;
    }
    let checked = CheckedStatement {
        account: account.id,
        statement_ref: statement.id.clone(),
        electronic_sequence,
        copy_duplicate: statement.copy_duplicate.clone(),
        opening: opening.map(|(money, date)| (money.minor(), date)),
        closing: closing.map(|(money, date)| (money.minor(), date)),
        gaps,
    };
    Ok((summary, checked))
}

async fn find_account(
    tx: &mut Tx,
    cache: &mut BatchCache,
    context: &StatementContext<'_>,
    statement: &Statement,
) -> ServiceResult<Account> {
    let Some(text) = statement.account_iban.as_deref().or(context.options.account_iban) else {
        return Err(match statement.account_other_id.clone() {
            Some(other_id) => context.refuse(|file, statement| ImportRefusal::NoIban {
                file,
                statement,
                other_id,
            }),
            None => context.refuse(|file, statement| ImportRefusal::AccountNotNamed { file, statement }),
        });
    };
    let iban = Iban::parse(text)
        .map(|iban| iban.electronic().to_owned())
        .unwrap_or_else(|_| text.to_owned());
    let mut accounts = cache.money_accounts_by_iban(tx, &iban, context.options.book).await?;
    if let Some(writable) = context.options.writable_books {
        accounts.retain(|account| writable.contains(&account.book_id));
    }
    match accounts.len() {
        1 => Ok(accounts.remove(0)),
        0 => Err(context.refuse(|file, statement| ImportRefusal::UnknownAccount { file, statement, iban })),
        _ => {
            let books = accounts
                .iter()
                .map(|account| account.book_id.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            Err(context.refuse(|file, statement| ImportRefusal::AmbiguousAccount {
                file,
                statement,
                iban,
                books,
            }))
        }
    }
}
