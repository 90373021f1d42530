//! Importing a bank file into the books: one db transaction per file, all of it or nothing.
//!
//! Each statement is matched to the money account with its IBAN; its balances must add up
//! (opening + booked credits − booked debits = closing) unless a reason to force it is given;
//! a statement that does not start where the previous one ended, or skips an electronic sequence
//! number, is imported and recorded as a gap. Booked lines not seen before become journal
//! entries on the book's suspense account (one posting per part of a batch), to be categorised;
//! pending and information lines are kept for display only; a statement marked as a copy or
//! duplicate adds nothing.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{ServiceError, ServiceResult};

mod booking;
mod cache;
mod checks;
mod matching;
mod pending;
mod refusal;

pub use matching::MATCH_WINDOW_BUSINESS_DAYS;
pub use refusal::ImportRefusal;

use crate::domain::account::Account;
use crate::domain::iban::Iban;
use crate::domain::ids::BookId;
use crate::import::camt;
use crate::import::csv::CsvProfile;
use crate::import::lines::lines_of;
use crate::import::statement::{Statement, StatementFile};
use crate::storage::{NewBankStatement, PreviousStatement, Store, Tx};
use booking::book_lines;
use cache::BatchCache;
use checks::{balance_money, check_balances, record_gaps};
use pending::{ENTRIES_PER_WRITE, PendingWrites};

/// How to import: into one book only, or forcing statements whose balances do not add up.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    pub book: Option<BookId>,
    pub force_reason: Option<&'a str>,
    /// How to read a bank CSV export; camt files need none.
    pub csv_profile: Option<&'a CsvProfile>,
    /// The account's IBAN for files that do not carry it (some CSV exports).
    pub account_iban: Option<&'a str>,
    /// The books the importing user may write to; an account of any other book is treated as
    /// unknown, so the answer does not tell that it exists. `None` for the server's operator.
    pub writable_books: Option<&'a [BookId]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementSummary {
    pub statement: String,
    pub book: BookId,
    pub account: String,
    /// Booked lines booked now, as entries on suspense.
    pub new: usize,
    /// Booked lines already in the books (same file twice, overlapping statements).
    pub already_booked: usize,
    /// Pending and information lines, kept for display.
    pub not_booked: usize,
    /// Parts of new lines a rule put on an account (the others wait on suspense).
    pub categorised: usize,
    /// Parts of new lines that settled a payment order (executed or returned).
    pub payments_matched: usize,
    /// True when the bank marked the statement as a copy or duplicate: nothing was added.
    pub copy: bool,
    pub reconciles: Option<bool>,
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub file: String,
    pub format: String,
    pub statements: Vec<StatementSummary>,
}

/// Reads a camt file (it starts with `<`) or, with a profile, a bank CSV export.
pub fn parse_file(
    file_name: &str,
    bytes: &[u8],
    options: ImportOptions<'_>,
) -> Result<StatementFile, Box<ImportRefusal>> {
    let unreadable = |error| {
        Box::new(ImportRefusal::Unreadable {
            file: file_name.to_owned(),
            error,
        })
    };
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|byte| !byte.is_ascii_whitespace());
    match (start, options.csv_profile) {
        (Some(b'<'), _) => camt::parse(bytes).map_err(unreadable),
        (_, Some(profile)) => crate::import::csv::parse(bytes, profile).map_err(unreadable),
        (_, None) => Err(Box::new(ImportRefusal::ProfileNeeded {
            file: file_name.to_owned(),
        })),
    }
}

/// Imports one file (camt.052/053/054, or a bank CSV export with a profile) in one db transaction.
pub async fn import_file(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    options: ImportOptions<'_>,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<ImportSummary> {
    let mut batch = ImportBatch::begin(store).await?;
    let summary = batch.import(file_name, bytes, options, author, now).await?;
    batch.commit().await?;
    Ok(summary)
}

/// A file read and parsed, ready to import: parsing needs no database, so a caller importing many
/// files can parse the next one on another thread while this one is written.
pub struct PreparedFile {
    name: String,
    sha256: String,
    parsed: StatementFile,
}

impl PreparedFile {
    /// Parses `bytes` (refused when unreadable or empty) and fingerprints the file.
    pub fn new(file_name: &str, bytes: &[u8], options: ImportOptions<'_>) -> ServiceResult<PreparedFile> {
        let parsed = parse_file(file_name, bytes, options).map_err(ServiceError::Import)?;
        if parsed.statements.is_empty() {
            return Err(ServiceError::Import(Box::new(ImportRefusal::Empty {
                file: file_name.to_owned(),
            })));
        }
        Ok(PreparedFile {
            name: file_name.to_owned(),
            sha256: hex::encode(Sha256::digest(bytes)),
            parsed,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Several files imported in one db transaction, each file all or nothing (a savepoint each):
/// committing once per batch instead of once per file is what makes a year of statements for a
/// whole caseload import in seconds, since every commit waits for the disk.
pub struct ImportBatch {
    tx: Tx,
    files: usize,
    cache: BatchCache,
    /// What the accepted files of the batch wait to write.
    pending: PendingWrites,
}

impl ImportBatch {
    pub async fn begin(store: &Store) -> ServiceResult<ImportBatch> {
        Ok(ImportBatch {
            tx: store.begin_write().await?,
            files: 0,
            cache: BatchCache::default(),
            pending: PendingWrites::default(),
        })
    }

    /// Files imported in this batch so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Imports one file; when it is refused, nothing of it stays and the batch goes on.
    pub async fn import(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        options: ImportOptions<'_>,
        author: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<ImportSummary> {
        let prepared = PreparedFile::new(file_name, bytes, options)?;
        self.import_prepared(prepared, options, author, now).await
    }

    /// Imports a file parsed beforehand; when it is refused, nothing of it stays and the batch
    /// goes on.
    pub async fn import_prepared(
        &mut self,
        file: PreparedFile,
        options: ImportOptions<'_>,
        author: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<ImportSummary> {
        self.tx.savepoint().await?;
        let unit = FileUnit {
            file_name: &file.name,
            sha256: &file.sha256,
            options,
            author,
            now,
        };
        let mut writes = PendingWrites::default();
        let result = import_parsed(&mut self.tx, &mut self.cache, &mut writes, &unit, file.parsed).await;
        match result {
            Ok(summary) => {
                self.tx.release_savepoint().await?;
                self.cache.file_accepted();
                self.pending.absorb(writes);
                self.files += 1;
                if self.pending.entries() >= ENTRIES_PER_WRITE {
                    self.pending.write(&mut self.tx, self.cache.written_heads()).await?;
                }
                Ok(summary)
            }
            Err(error) => {
                self.tx.rollback_to_savepoint().await?;
                self.cache.file_refused();
                Err(error)
            }
        }
    }

    /// Writes what the batch's files booked and commits.
    pub async fn commit(mut self) -> ServiceResult<()> {
        self.pending.write(&mut self.tx, self.cache.written_heads()).await?;
        Ok(self.tx.commit().await?)
    }
}

/// One file being imported, and on whose behalf.
struct FileUnit<'a> {
    file_name: &'a str,
    sha256: &'a str,
    options: ImportOptions<'a>,
    author: &'a str,
    now: DateTime<Utc>,
}

async fn import_parsed(
    tx: &mut Tx,
    cache: &mut BatchCache,
    writes: &mut PendingWrites,
    unit: &FileUnit<'_>,
    parsed: StatementFile,
) -> ServiceResult<ImportSummary> {
    let import_id = tx
        .insert_statement_import(
            unit.file_name,
            unit.sha256,
            &parsed.message_type,
            unit.author,
            unit.options.force_reason,
            unit.now,
        )
        .await?;
    let mut statements = Vec::with_capacity(parsed.statements.len());
    for (index, statement) in parsed.statements.iter().enumerate() {
        let context = StatementContext {
            file: unit.file_name,
            label: statement.id.clone().unwrap_or_else(|| format!("#{}", index + 1)),
            import_id,
            options: unit.options,
            author: unit.author,
            now: unit.now,
        };
        statements.push(import_statement(tx, cache, writes, &context, statement).await?);
    }
    Ok(ImportSummary {
        file: unit.file_name.to_owned(),
        format: parsed.message_type,
        statements,
    })
}

pub(super) struct StatementContext<'a> {
    file: &'a str,
    label: String,
    import_id: i64,
    options: ImportOptions<'a>,
    author: &'a str,
    now: DateTime<Utc>,
}

impl StatementContext<'_> {
    fn refuse(&self, make: impl FnOnce(String, String) -> ImportRefusal) -> ServiceError {
        ServiceError::Import(Box::new(make(self.file.to_owned(), self.label.clone())))
    }
}

async fn import_statement(
    tx: &mut Tx,
    cache: &mut BatchCache,
    writes: &mut PendingWrites,
    context: &StatementContext<'_>,
    statement: &Statement,
) -> ServiceResult<StatementSummary> {
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
    let statement_id = tx
        .insert_bank_statement(&NewBankStatement {
            import_id: context.import_id,
            account: account.id,
            statement_ref: statement.id.as_deref(),
            electronic_sequence,
            copy_duplicate: statement.copy_duplicate.as_deref(),
            opening: opening.map(|(money, date)| (money.minor(), date)),
            closing: closing.map(|(money, date)| (money.minor(), date)),
        })
        .await?;
    if !copy {
        let stored = PreviousStatement {
            closing_minor: closing.map(|(money, _)| money.minor()),
            closing_date: closing.and_then(|(_, date)| date),
            electronic_sequence,
        };
        cache.stored_statement(account.id, stored);
    }
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
        gaps: Vec::new(),
    };
    if copy {
        return Ok(summary);
    }
    let current = (opening, electronic_sequence);
    summary.gaps = record_gaps(tx, context, &account, statement_id, previous.as_ref(), current).await?;
    book_lines(tx, context, cache, writes, &account, statement_id, lines, &mut summary).await?;
    Ok(summary)
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
