//! What an import batch has decided to write, written for many files at once.
//!
//! A statement of 28 lines used to take a dozen statements to the database (the file's record,
//! the statement's, entries, postings, lines, parts, two running totals, the chain head…), and
//! each round trip to SQLite's worker thread costs more than the rows it writes. The batch
//! instead checks each file whole in memory, keeps what it decided here, and writes everything
//! in a few multi-row INSERTs per table when enough has gathered and at commit. Each file is
//! still all or nothing: what it adds here is kept apart until the file is accepted (`absorb`),
//! and dropped when it is refused.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::file::CheckedStatement;
use crate::domain::book::ChainedEntry;
use crate::domain::ids::{AccountId, BookId, EntryId};
use crate::import::lines::StatementLine;
use crate::service::ServiceResult;
use crate::storage::{NewBankStatement, NewLine, NewStatementImport, Tx, posting_totals};

/// Entries gathered before the batch writes them, between files: large enough that a write is a
/// few multi-row INSERTs of hundreds of rows, small enough to keep memory flat.
pub(super) const ENTRIES_PER_WRITE: usize = 5_000;

/// An accepted file, waiting for its import record.
pub(super) struct PendingFile {
    pub name: String,
    pub sha256: String,
    pub format: String,
    pub author: String,
    pub forced_reason: Option<String>,
    pub now: DateTime<Utc>,
}

/// A statement line waiting to be stored; `statement` is the index of its statement among those
/// waiting.
pub(super) struct PendingLine {
    pub statement: usize,
    pub account: AccountId,
    pub line: StatementLine,
    pub entry: LineEntry,
    pub reasons: Vec<String>,
}

/// The entry that books a waiting line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineEntry {
    /// A pending or information line: kept for display, booked by nothing.
    None,
    /// The entry at this index among those waiting.
    Waiting(usize),
    /// An entry already in the book, made by hand for the same money (the counsellor matched it).
    Posted(EntryId),
}

/// A book's chain head moving from sequence `from` (as the database holds it) to the waiting
/// entry at index `last`.
pub(super) struct HeadMove {
    book: BookId,
    from: i64,
    last: usize,
}

#[derive(Default)]
pub(super) struct PendingWrites {
    files: Vec<PendingFile>,
    /// Each with the index of its file.
    statements: Vec<(usize, CheckedStatement)>,
    entries: Vec<ChainedEntry>,
    lines: Vec<PendingLine>,
    /// Payment orders a line settles: (order, `executed` or `returned`, index of the entry).
    settled: Vec<(i64, crate::domain::payment_state::OrderState, usize)>,
}

impl PendingWrites {
    /// Adds a booked line's entry; returns its index, for the line and the orders it settles.
    pub fn push_entry(&mut self, entry: ChainedEntry) -> usize {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    pub fn push_line(&mut self, line: PendingLine) {
        self.lines.push(line);
    }

    pub fn push_settled(&mut self, order: i64, state: crate::domain::payment_state::OrderState, entry: usize) {
        self.settled.push((order, state, entry));
    }

    /// Adds a checked file and its statements, in the order its lines name them.
    pub fn push_file(&mut self, file: PendingFile, statements: Vec<CheckedStatement>) {
        let index = self.files.len();
        self.files.push(file);
        self.statements
            .extend(statements.into_iter().map(|statement| (index, statement)));
    }

    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// Takes in what an accepted file gathered.
    pub fn absorb(&mut self, file: PendingWrites) {
        let (files, statements, offset) = (self.files.len(), self.statements.len(), self.entries.len());
        self.files.extend(file.files);
        self.statements.extend(
            file.statements
                .into_iter()
                .map(|(index, statement)| (index + files, statement)),
        );
        self.entries.extend(file.entries);
        self.lines.extend(file.lines.into_iter().map(|line| PendingLine {
            statement: line.statement + statements,
            entry: match line.entry {
                LineEntry::Waiting(index) => LineEntry::Waiting(index + offset),
                other => other,
            },
            ..line
        }));
        self.settled.extend(
            file.settled
                .into_iter()
                .map(|(order, state, index)| (order, state, index + offset)),
        );
    }

    /// Where each book's chain head moves when what waits is written: from where `heads` says
    /// the database holds it to the book's last waiting entry; `heads` is moved on at once.
    pub fn head_moves(&self, heads: &mut HashMap<BookId, i64>) -> Vec<HeadMove> {
        let mut last_of_book: BTreeMap<BookId, usize> = BTreeMap::new();
        for (index, entry) in self.entries.iter().enumerate() {
            last_of_book.insert(entry.draft.book_id, index);
        }
        last_of_book
            .into_iter()
            .map(|(book, last)| {
                let held = heads
                    .get_mut(&book)
                    .expect("BUG: a book is locked before its entries are chained");
                let from = std::mem::replace(held, self.entries[last].sequence);
                HeadMove { book, from, last }
            })
            .collect()
    }

    /// Writes everything gathered: the files' records, their statements and gaps, entries and
    /// postings, running totals, each book's chain head (`heads`, from `head_moves`), settled
    /// orders, then the lines and their parts.
    pub async fn write(self, tx: &mut Tx, heads: &[HeadMove]) -> ServiceResult<()> {
        let statement_ids = self.write_statements(tx).await?;
        let ids = tx.insert_chained(&self.entries).await?;
        tx.add_to_account_totals(&posting_totals(&self.entries)?).await?;
        for head in heads {
            tx.move_head(head.book, head.from, &self.entries[head.last]).await?;
        }
        let settled: Vec<(i64, crate::domain::payment_state::OrderState, EntryId)> = self
            .settled
            .iter()
            .map(|(order, state, index)| (*order, *state, ids[*index]))
            .collect();
        tx.settle_orders(&settled).await?;
        let lines: Vec<NewLine<'_>> = self
            .lines
            .iter()
            .map(|pending| NewLine {
                statement: statement_ids[pending.statement],
                account: pending.account,
                line: &pending.line,
                entry: match pending.entry {
                    LineEntry::None => None,
                    LineEntry::Waiting(index) => Some(ids[index]),
                    LineEntry::Posted(entry) => Some(entry),
                },
                reasons: &pending.reasons,
            })
            .collect();
        tx.insert_statement_lines(&lines).await?;
        Ok(())
    }

    /// Writes the files' records, their statements and the statements' gaps; returns the
    /// statements' ids.
    async fn write_statements(&self, tx: &mut Tx) -> ServiceResult<Vec<i64>> {
        let imports: Vec<NewStatementImport<'_>> = self
            .files
            .iter()
            .map(|file| NewStatementImport {
                file_name: &file.name,
                file_sha256: &file.sha256,
                format: &file.format,
                author: &file.author,
                forced_reason: file.forced_reason.as_deref(),
                imported_at: file.now,
            })
            .collect();
        let import_ids = tx.insert_statement_imports(&imports).await?;
        let rows: Vec<NewBankStatement<'_>> = self
            .statements
            .iter()
            .map(|(file, statement)| statement.row(import_ids[*file]))
            .collect();
        let ids = tx.insert_bank_statements(&rows).await?;
        for ((file, statement), id) in self.statements.iter().zip(&ids) {
            for gap in &statement.gaps {
                let detected = self.files[*file].now;
                tx.insert_gap(statement.account, *id, gap.kind, &gap.expected, &gap.found, detected)
                    .await?;
            }
        }
        Ok(ids)
    }
}
