//! What an import batch has decided to write, written for many statements at once.
//!
//! A statement of 28 lines used to take a dozen statements to the database (entries, postings,
//! lines, parts, two running totals, the chain head…), and each round trip to SQLite's worker
//! thread costs more than the rows it writes. The batch instead chains and checks each file's
//! entries in memory, keeps them here, and writes everything in a few multi-row INSERTs per
//! table when enough has gathered and at commit. Each file is still all or nothing: what it
//! adds here is kept apart until the file is accepted (`absorb`), and dropped when it is refused.

use std::collections::{BTreeMap, HashMap};

use crate::domain::book::ChainedEntry;
use crate::domain::ids::{AccountId, BookId, EntryId};
use crate::import::lines::StatementLine;
use crate::service::ServiceResult;
use crate::storage::{NewLine, Tx, posting_totals};

/// Entries gathered before the batch writes them, between files: large enough that a write is a
/// few multi-row INSERTs of hundreds of rows, small enough to keep memory flat.
pub(super) const ENTRIES_PER_WRITE: usize = 5_000;

/// A statement line waiting to be stored; `entry` is the index of the entry booking it.
/// `statement` is the statement's place in its file until `name_statements`, then its id.
pub(super) struct PendingLine {
    pub statement: i64,
    pub account: AccountId,
    pub line: StatementLine,
    pub entry: Option<usize>,
    pub reasons: Vec<String>,
}

#[derive(Default)]
pub(super) struct PendingWrites {
    entries: Vec<ChainedEntry>,
    lines: Vec<PendingLine>,
    /// Payment orders a line settles: (order, `executed` or `returned`, index of the entry).
    settled: Vec<(i64, &'static str, usize)>,
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

    pub fn push_settled(&mut self, order: i64, state: &'static str, entry: usize) {
        self.settled.push((order, state, entry));
    }

    /// Gives the lines of a file checked by `check_file` their statements' ids: until now each
    /// named its statement by its place in the file.
    pub fn name_statements(&mut self, ids: &[i64]) {
        for line in &mut self.lines {
            line.statement = ids[usize::try_from(line.statement).expect("BUG: a place in the file")];
        }
    }

    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// Takes in what an accepted file gathered.
    pub fn absorb(&mut self, file: PendingWrites) {
        let offset = self.entries.len();
        self.entries.extend(file.entries);
        self.lines.extend(file.lines.into_iter().map(|line| PendingLine {
            entry: line.entry.map(|index| index + offset),
            ..line
        }));
        self.settled.extend(
            file.settled
                .into_iter()
                .map(|(order, state, index)| (order, state, index + offset)),
        );
    }

    /// Writes everything gathered: entries and postings, running totals, each book's chain head
    /// (moved from where `heads` says the database holds it), settled orders, then the lines
    /// and their parts.
    pub async fn write(&mut self, tx: &mut Tx, heads: &mut HashMap<BookId, i64>) -> ServiceResult<()> {
        let pending = std::mem::take(self);
        let ids = tx.insert_chained(&pending.entries).await?;
        tx.add_to_account_totals(&posting_totals(&pending.entries)?).await?;
        let mut last_of_book: BTreeMap<BookId, &ChainedEntry> = BTreeMap::new();
        for entry in &pending.entries {
            last_of_book.insert(entry.draft.book_id, entry);
        }
        for (book, last) in last_of_book {
            let held = heads
                .get_mut(&book)
                .expect("BUG: a book is locked before its entries are chained");
            tx.move_head(book, *held, last).await?;
            *held = last.sequence;
        }
        let settled: Vec<(i64, &'static str, EntryId)> = pending
            .settled
            .iter()
            .map(|(order, state, index)| (*order, *state, ids[*index]))
            .collect();
        tx.settle_orders(&settled).await?;
        let lines: Vec<NewLine<'_>> = pending
            .lines
            .iter()
            .map(|pending| NewLine {
                statement: pending.statement,
                account: pending.account,
                line: &pending.line,
                entry: pending.entry.map(|index| ids[index]),
                reasons: &pending.reasons,
            })
            .collect();
        tx.insert_statement_lines(&lines).await?;
        Ok(())
    }
}
