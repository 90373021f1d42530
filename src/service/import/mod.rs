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

mod book_check;
mod booking;
mod cache;
mod checks;
pub mod drafts;
mod file;
mod matching;
mod pending;
mod refusal;
mod undo;
mod writer;

pub use book_check::{BookCheck, ProposedMatch, StatementCheck, check_against_book};
pub use matching::MATCH_WINDOW_BUSINESS_DAYS;
pub use refusal::ImportRefusal;
pub use undo::{UndoRefusal, UndoSummary, imports_of, undo_import};

use crate::domain::ids::{BookId, EntryId};
use crate::import::camt;
use crate::import::csv::CsvProfile;
use crate::import::statement::StatementFile;
use crate::storage::Store;
use cache::BatchCache;
use file::{FileUnit, check_file, keep_file};
use pending::{ENTRIES_PER_WRITE, PendingWrites};
use writer::Writer;

/// How to import: into one book only, or forcing statements whose balances do not add up.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    pub book: Option<BookId>,
    pub force_reason: Option<&'a str>,
    /// How to read a bank CSV export; camt files need none.
    pub csv_profile: Option<&'a CsvProfile>,
    /// The account's IBAN for files that do not carry it (some CSV exports).
    pub account_iban: Option<&'a str>,
    /// Lines the counsellor matched to entries made by hand: booked by those entries, not again.
    pub matches: &'a [LineMatch],
    /// The books the importing user may write to; an account of any other book is treated as
    /// unknown, so the answer does not tell that it exists. `None` for the server's operator.
    pub writable_books: Option<&'a [BookId]>,
}

/// A line of the file (its statement's place in the file, its number in the statement) to be
/// booked by an entry already made by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMatch {
    pub statement: usize,
    pub line: usize,
    pub entry: EntryId,
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
    /// Lines booked by an entry made by hand, as the counsellor matched them.
    pub matched: usize,
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

/// Several files imported in one db transaction, each file all or nothing (checked whole before
/// anything of it is written): committing once per batch instead of once per file is what makes
/// a year of statements for a whole caseload import in seconds, since every commit waits for the
/// disk. The files' records, entries and lines are written together (see `pending`), while the
/// next files are checked (see `writer`). A database error gives the whole batch up; it shows at
/// the first step that then waits for the database (the next write, or on PostgreSQL a file whose
/// account is new to the batch), at the latest at the commit.
pub struct ImportBatch {
    writer: Writer,
    files: usize,
    cache: BatchCache,
    /// What the accepted files of the batch wait to write.
    pending: PendingWrites,
    /// Why the batch was given up: a database error leaves its db transaction unusable.
    failed: Option<String>,
}

impl ImportBatch {
    pub async fn begin(store: &Store) -> ServiceResult<ImportBatch> {
        Ok(ImportBatch {
            writer: Writer::new(store, store.begin_write().await?),
            files: 0,
            cache: BatchCache::default(),
            pending: PendingWrites::default(),
            failed: None,
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
    /// goes on. It is checked whole before anything of it is written, so a refusal needs no
    /// rollback; a database error gives the whole batch up.
    pub async fn import_prepared(
        &mut self,
        file: PreparedFile,
        options: ImportOptions<'_>,
        author: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<ImportSummary> {
        if let Some(reason) = &self.failed {
            return Err(ServiceError::ImportBatchFailed(reason.clone()));
        }
        let unit = FileUnit {
            file_name: &file.name,
            sha256: &file.sha256,
            options,
            author,
            now,
        };
        let mut writes = PendingWrites::default();
        let checked = check_file(&mut self.writer, &mut self.cache, &mut writes, &unit, &file.parsed).await;
        let (summary, statements) = match checked {
            Ok(checked) => checked,
            Err(error) => {
                self.cache.file_refused();
                return Err(match error {
                    ServiceError::Import(_) => error,
                    failure => self.give_up(failure),
                });
            }
        };
        self.cache.file_accepted();
        keep_file(&mut writes, &unit, &file.parsed.message_type, statements);
        self.pending.absorb(writes);
        self.files += 1;
        if self.pending.entries() >= ENTRIES_PER_WRITE {
            let heads = self.pending.head_moves(self.cache.written_heads());
            if let Err(failure) = self.writer.start(std::mem::take(&mut self.pending), heads).await {
                return Err(self.give_up(failure));
            }
        }
        Ok(summary)
    }

    /// Gives the batch up after a database error, which leaves its db transaction unusable.
    fn give_up(&mut self, failure: ServiceError) -> ServiceError {
        let reason = failure.to_string();
        self.failed = Some(reason.clone());
        ServiceError::ImportBatchFailed(reason)
    }

    /// Writes what the batch's files booked and commits.
    pub async fn commit(mut self) -> ServiceResult<()> {
        if let Some(reason) = self.failed {
            return Err(ServiceError::ImportBatchFailed(reason));
        }
        let heads = self.pending.head_moves(self.cache.written_heads());
        let pending = std::mem::take(&mut self.pending);
        let committed = match self.writer.start(pending, heads).await {
            Ok(()) => self.writer.commit().await,
            Err(failure) => Err(failure),
        };
        committed.map_err(|failure| ServiceError::ImportBatchFailed(failure.to_string()))
    }
}
