//! One file of a batch, in two steps: `check_file` decides everything and writes nothing but the
//! books' locks, so a refused file leaves no row behind and needs no savepoint; `keep_file` then
//! adds the file's record and statements to what the batch will write.

use chrono::{DateTime, Utc};

use super::booking::book_lines;
use super::cache::BatchCache;
use super::checks::{GapFound, balance_money, check_balances, find_gaps};
use super::pending::{PendingFile, PendingWrites};
use super::writer::Writer;
use super::{ImportOptions, ImportRefusal, ImportSummary, StatementSummary};
use crate::domain::account::Account;
use crate::domain::iban::Iban;
use crate::domain::ids::AccountId;
use crate::import::lines::lines_of;
use crate::import::statement::{Statement, StatementFile};
use crate::service::{ServiceError, ServiceResult};
use crate::storage::{NewBankStatement, PreviousStatement};

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
    /// The statement's place in its file, by which its lines name it until it is written.
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

/// A statement checked and decided, waiting with the batch's writes for its row and gaps.
pub(super) struct CheckedStatement {
    pub account: AccountId,
    statement_ref: Option<String>,
    electronic_sequence: Option<i64>,
    copy_duplicate: Option<String>,
    opening: Option<(i64, Option<chrono::NaiveDate>)>,
    closing: Option<(i64, Option<chrono::NaiveDate>)>,
    pub gaps: Vec<GapFound>,
}

impl CheckedStatement {
    /// The statement's row, in the file recorded as `import_id`.
    pub fn row(&self, import_id: i64) -> NewBankStatement<'_> {
        NewBankStatement {
            import_id,
            account: self.account,
            statement_ref: self.statement_ref.as_deref(),
            electronic_sequence: self.electronic_sequence,
            copy_duplicate: self.copy_duplicate.as_deref(),
            opening: self.opening,
            closing: self.closing,
        }
    }
}

/// Checks every statement of `parsed` and decides its lines, into `writes`; writes nothing.
pub(super) async fn check_file(
    writer: &mut Writer,
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
        let (summary, statement) = check_statement(writer, cache, writes, &context, statement).await?;
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

/// Keeps a checked file's record and statements with the lines they name, to be written with
/// the batch's entries.
pub(super) fn keep_file(
    writes: &mut PendingWrites,
    unit: &FileUnit<'_>,
    message_type: &str,
    checked: Vec<CheckedStatement>,
) {
    let file = PendingFile {
        name: unit.file_name.to_owned(),
        sha256: unit.sha256.to_owned(),
        format: message_type.to_owned(),
        author: unit.author.to_owned(),
        forced_reason: unit.options.force_reason.map(str::to_owned),
        now: unit.now,
    };
    writes.push_file(file, checked);
}

async fn check_statement(
    writer: &mut Writer,
    cache: &mut BatchCache,
    writes: &mut PendingWrites,
    context: &StatementContext<'_>,
    statement: &Statement,
) -> ServiceResult<(StatementSummary, CheckedStatement)> {
    let account = find_account(writer, cache, context, statement).await?;
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
    let previous = cache.previous_statement(writer, account.id).await?;
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
        matched: 0,
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
        book_lines(writer, context, cache, writes, &account, lines, &mut summary).await?;
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
    writer: &mut Writer,
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
    let mut accounts = cache
        .money_accounts_by_iban(writer, &iban, context.options.book)
        .await?;
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
