//! The hash chain of a book's entries (DESIGN rule 7).
//!
//! Each entry's hash covers a canonical, length-prefixed encoding of everything that makes the
//! entry — book, place in the chain, date, texts, author, time recorded, the reversed entry and
//! every posting — and the hash of the entry before it. Changing any stored byte of any entry, or
//! removing one, breaks the chain from that entry on, and `gestio verify` names it.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use super::ids::{BookId, EntryId};
use super::ledger::{EntryDraft, JournalEntry, Posting};

/// The hash before the first entry of every book.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Version tag of the canonical form: a future change of encoding gets a new tag.
const CANONICAL_VERSION: &str = "gestio-entry-v1";

/// The fields the hash covers, borrowed from a draft about to be posted or from a stored entry.
pub struct ChainFields<'a> {
    pub book_id: BookId,
    pub sequence: i64,
    pub date: chrono::NaiveDate,
    pub description: &'a str,
    pub source: &'a str,
    pub source_ref: Option<&'a str>,
    pub receipt: Option<&'a str>,
    pub author: &'a str,
    pub recorded_at: DateTime<Utc>,
    pub reverses: Option<EntryId>,
    pub postings: &'a [Posting],
}

impl<'a> ChainFields<'a> {
    pub fn of_draft(draft: &'a EntryDraft, sequence: i64, recorded_at: DateTime<Utc>) -> Self {
        ChainFields {
            book_id: draft.book_id,
            sequence,
            date: draft.date,
            description: &draft.description,
            source: draft.source.code(),
            source_ref: draft.source_ref.as_deref(),
            receipt: draft.receipt.as_deref(),
            author: &draft.author,
            recorded_at,
            reverses: draft.reverses,
            postings: &draft.postings,
        }
    }

    pub fn of_entry(entry: &'a JournalEntry) -> Self {
        ChainFields {
            book_id: entry.book_id,
            sequence: entry.sequence,
            date: entry.date,
            description: &entry.description,
            source: entry.source.code(),
            source_ref: entry.source_ref.as_deref(),
            receipt: entry.receipt.as_deref(),
            author: &entry.author,
            recorded_at: entry.recorded_at,
            reverses: entry.reverses,
            postings: &entry.postings,
        }
    }
}

/// The hash of an entry following `previous_hash`, as 64 lowercase hex digits.
pub fn entry_hash(previous_hash: &str, fields: &ChainFields<'_>) -> String {
    // The canonical form is built in one buffer and hashed once: this runs for every entry
    // posted and every entry verified, so it allocates as little as it can.
    let mut canonical = Vec::with_capacity(256 + 48 * fields.postings.len());
    let mut field = |value: &[u8]| {
        // Length-prefixed, so no two different entries can encode to the same bytes.
        canonical.extend_from_slice(itoa::Buffer::new().format(value.len()).as_bytes());
        canonical.push(b':');
        canonical.extend_from_slice(value);
        canonical.push(b';');
    };
    let mut number = itoa::Buffer::new();
    field(CANONICAL_VERSION.as_bytes());
    field(previous_hash.as_bytes());
    field(number.format(fields.book_id.get()).as_bytes());
    field(number.format(fields.sequence).as_bytes());
    field(fields.date.to_string().as_bytes());
    field(fields.description.as_bytes());
    field(fields.source.as_bytes());
    field(fields.source_ref.unwrap_or("").as_bytes());
    field(fields.receipt.unwrap_or("").as_bytes());
    field(fields.author.as_bytes());
    field(canonical_time(fields.recorded_at).as_bytes());
    match fields.reverses {
        Some(id) => field(number.format(id.get()).as_bytes()),
        None => field(b""),
    }
    field(number.format(fields.postings.len()).as_bytes());
    for posting in fields.postings {
        field(number.format(posting.account_id.get()).as_bytes());
        field(number.format(posting.amount.minor()).as_bytes());
        field(posting.amount.currency().code().as_bytes());
    }
    hex::encode(Sha256::digest(&canonical))
}

/// A hash in groups of eight digits, as printed for people to compare (a long unbroken word would
/// not wrap on a page, and groups are easier to read aloud).
pub fn grouped_hash(hash: &str) -> String {
    hash.as_bytes()
        .chunks(8)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Time at microsecond precision: both databases keep microseconds, so a stored entry hashes
/// the same as the entry that was posted.
pub fn canonical_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Why a chain does not verify; the first broken entry is named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {entry} (number {sequence} of book {book}) does not match its hash: it was changed after posting")]
    HashMismatch {
        book: BookId,
        entry: EntryId,
        sequence: i64,
    },
    #[error(
        "entry {entry} (number {sequence} of book {book}) does not point at the entry before it: an entry was removed or reordered"
    )]
    BrokenLink {
        book: BookId,
        entry: EntryId,
        sequence: i64,
    },
    #[error("book {book}: entry number {expected} is missing (found number {found} instead)")]
    MissingEntry { book: BookId, expected: i64, found: i64 },
    #[error("entry {entry} (number {sequence} of book {book}) does not balance: {detail}")]
    Unbalanced {
        book: BookId,
        entry: EntryId,
        sequence: i64,
        detail: String,
    },
    #[error(
        "book {book}: the recorded chain head is number {recorded_sequence}, but the entries end at number {found_sequence} or their hashes differ"
    )]
    HeadMismatch {
        book: BookId,
        recorded_sequence: i64,
        found_sequence: i64,
    },
    #[error("book {book}: account {code} shows a balance of {recorded} but its postings add up to {computed}")]
    BalanceMismatch {
        book: BookId,
        code: String,
        recorded: String,
        computed: String,
    },
}

/// Walks entries in chain order, checking each against the one before. Feed it entries by
/// ascending sequence; it remembers only the last hash, so a book of any size fits in memory.
pub struct ChainVerifier {
    book: BookId,
    next_sequence: i64,
    last_hash: String,
}

impl ChainVerifier {
    pub fn new(book: BookId) -> Self {
        ChainVerifier {
            book,
            next_sequence: 1,
            last_hash: GENESIS_HASH.to_owned(),
        }
    }

    pub fn check(&mut self, entry: &JournalEntry) -> Result<(), ChainBreak> {
        let (book, sequence) = (self.book, entry.sequence);
        if sequence != self.next_sequence {
            return Err(ChainBreak::MissingEntry {
                book,
                expected: self.next_sequence,
                found: sequence,
            });
        }
        if entry.previous_hash != self.last_hash {
            return Err(ChainBreak::BrokenLink {
                book,
                entry: entry.id,
                sequence,
            });
        }
        if let Err(rejection) = super::ledger::check_balance(&entry.postings) {
            return Err(ChainBreak::Unbalanced {
                book,
                entry: entry.id,
                sequence,
                detail: rejection.to_string(),
            });
        }
        if entry_hash(&entry.previous_hash, &ChainFields::of_entry(entry)) != entry.hash {
            return Err(ChainBreak::HashMismatch {
                book,
                entry: entry.id,
                sequence,
            });
        }
        self.next_sequence += 1;
        self.last_hash.clone_from(&entry.hash);
        Ok(())
    }

    /// Checks the book's recorded head against the last entry seen.
    pub fn finish(&self, recorded_sequence: i64, recorded_hash: &str) -> Result<(), ChainBreak> {
        let found_sequence = self.next_sequence - 1;
        if recorded_sequence != found_sequence || recorded_hash != self.last_hash {
            return Err(ChainBreak::HeadMismatch {
                book: self.book,
                recorded_sequence,
                found_sequence,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
