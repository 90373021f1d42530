//! A short memory of what the access rule knows about each book (its office, its beneficiary, the
//! courts of their mandates), so a request does not read it again when another asked a moment ago.
//!
//! That read was one of the three database round trips of a request for a book's data. It is
//! safe to keep for a few seconds because a book's facts only ever grow: its office and
//! beneficiary never change, mandates are never removed or moved to another court, and a new
//! mandate only adds a court. A stale entry can therefore only make a new court's staff wait up
//! to [`BOOK_FACTS_TTL`] for access, never show a book to someone who may no longer see it.
//! Who the user is, and which books they are assigned, is not kept here: it comes with the
//! session (see `session_cache`) and is decided on every request.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::domain::access::BookFacts;
use crate::domain::ids::BookId;

/// How long a book's facts read from the database are believed without reading them again.
pub const BOOK_FACTS_TTL: Duration = Duration::seconds(5);
/// The most books kept; past it the memory starts again empty (an office has far fewer).
const BOOKS_KEPT_MAX: usize = 100_000;

/// Books' facts by book, each with the time it was read.
#[derive(Default)]
pub struct BookFactsCache {
    kept: Mutex<HashMap<BookId, (BookFacts, DateTime<Utc>)>>,
}

impl BookFactsCache {
    /// The facts of `book` if they were read less than the TTL before `now`.
    pub fn get(&self, book: BookId, now: DateTime<Utc>) -> Option<BookFacts> {
        let kept = self.lock();
        let (facts, read_at) = kept.get(&book)?;
        let age = now - *read_at;
        (age >= Duration::zero() && age < BOOK_FACTS_TTL).then(|| facts.clone())
    }

    /// Keeps facts read at `now`. Only a book that exists is kept: one created a moment later
    /// must not be answered as missing.
    pub fn put(&self, facts: BookFacts, now: DateTime<Utc>) {
        let mut kept = self.lock();
        if kept.len() >= BOOKS_KEPT_MAX && !kept.contains_key(&facts.book) {
            kept.clear();
        }
        kept.insert(facts.book, (facts, now));
    }

    /// Forgets every book's facts: a mandate was added on this server, and its court's staff
    /// should not wait for the TTL.
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<BookId, (BookFacts, DateTime<Utc>)>> {
        self.kept.lock().expect("BUG: the book facts cache was poisoned")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{BeneficiaryId, OfficeId};

    fn facts(book: i64, courts: &[&str]) -> BookFacts {
        BookFacts {
            book: BookId::new(book),
            office: OfficeId::new(1),
            beneficiary: BeneficiaryId::new(book),
            courts: courts.iter().map(|court| (*court).to_owned()).collect(),
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000 + seconds, 0).expect("a time")
    }

    #[test]
    fn facts_are_believed_for_the_ttl_only() {
        let cache = BookFactsCache::default();
        cache.put(facts(7, &["Tribunal de Luxembourg"]), at(0));
        assert_eq!(
            cache.get(BookId::new(7), at(4)),
            Some(facts(7, &["Tribunal de Luxembourg"]))
        );
        assert_eq!(cache.get(BookId::new(7), at(5)), None, "read again after the TTL");
        assert_eq!(
            cache.get(BookId::new(7), at(-1)),
            None,
            "a clock gone back is not trusted"
        );
        assert_eq!(cache.get(BookId::new(8), at(1)), None, "another book");
    }

    #[test]
    fn newer_facts_replace_older_ones() {
        let cache = BookFactsCache::default();
        cache.put(facts(7, &[]), at(0));
        cache.put(facts(7, &["Amtsgericht Trier"]), at(3));
        assert_eq!(cache.get(BookId::new(7), at(7)), Some(facts(7, &["Amtsgericht Trier"])));
    }
}
