//! Whose each book is, kept once read. A book's office and person never change and a book is never
//! deleted (migration 0014 has the database refuse both), so what the access rule knows of a book
//! apart from its courts can be kept for good, by every server, and is never stale. Most requests
//! are about one book; without this each began with a statement to learn whose book it was.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{Store, StoreResult};
use crate::domain::access::BookFacts;
use crate::domain::ids::{BeneficiaryId, BookId, OfficeId};

/// The most books kept; past it the memory starts again empty (an office has far fewer).
const BOOKS_KEPT_MAX: usize = 100_000;

/// Each book's office and person, by book.
#[derive(Default)]
pub(super) struct BookOwners {
    kept: Mutex<HashMap<BookId, (OfficeId, BeneficiaryId)>>,
}

impl BookOwners {
    /// The facts of `book` as kept, without its courts.
    fn facts(&self, book: BookId) -> Option<BookFacts> {
        let (office, beneficiary) = *self.lock().get(&book)?;
        Some(BookFacts {
            book,
            office,
            beneficiary,
            courts: Vec::new(),
        })
    }

    fn keep<'a>(&self, read: impl IntoIterator<Item = &'a BookFacts>) {
        let mut kept = self.lock();
        for facts in read {
            if kept.len() >= BOOKS_KEPT_MAX && !kept.contains_key(&facts.book) {
                kept.clear();
            }
            kept.insert(facts.book, (facts.office, facts.beneficiary));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<BookId, (OfficeId, BeneficiaryId)>> {
        self.kept.lock().expect("BUG: the memory of book owners was poisoned")
    }
}

impl Store {
    /// What the access rule needs to know about `book`; `None` if there is no such book. The
    /// courts named on the person's mandates change, so they are read from the database whenever
    /// `with_courts` asks for them; without, a book read before is answered from memory and its
    /// courts are left empty (the rule reads them for court staff only: `access::needs_courts`).
    pub async fn book_facts(&self, book: BookId, with_courts: bool) -> StoreResult<Option<BookFacts>> {
        if !with_courts && let Some(facts) = self.owners.facts(book) {
            return Ok(Some(facts));
        }
        let mut tx = self.read_alone().await?;
        let facts = tx.book_facts(book).await?;
        tx.commit().await?;
        self.owners.keep(&facts);
        Ok(facts)
    }

    /// Reads whose each book is and every book's case into memory, in two statements: a server
    /// calls it once at start, so that its first requests, which all arrive at once when the
    /// office starts work, do not each read them. Returns how many books and cases it kept.
    pub async fn keep_in_memory(&self) -> StoreResult<(usize, usize)> {
        let mut tx = self.read_alone().await?;
        let facts = tx.all_book_facts(None, None).await?;
        self.owners.keep(&facts);
        let cases = self.cases.keep_all(&mut tx).await?;
        tx.commit().await?;
        Ok((facts.len(), cases))
    }

    /// The facts of the books in `only` that belong to `office` (any office when `None`), in book
    /// order, as [`super::Tx::all_book_facts`] reads them; from memory, without their courts, when
    /// the courts are not asked for and every book of the list was read before.
    pub async fn listed_book_facts(
        &self,
        office: Option<OfficeId>,
        only: &[BookId],
        with_courts: bool,
    ) -> StoreResult<Vec<BookFacts>> {
        if !with_courts {
            let known: Option<Vec<BookFacts>> = only.iter().map(|book| self.owners.facts(*book)).collect();
            if let Some(mut known) = known {
                known.retain(|facts| office.is_none_or(|office| facts.office == office));
                known.sort_by_key(|facts| facts.book);
                known.dedup_by_key(|facts| facts.book);
                return Ok(known);
            }
        }
        let ids: Vec<i64> = only.iter().map(|book| book.get()).collect();
        let mut tx = self.read_alone().await?;
        let facts = tx.all_book_facts(office, Some(&ids)).await?;
        tx.commit().await?;
        self.owners.keep(&facts);
        Ok(facts)
    }
}
