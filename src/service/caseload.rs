//! The caseload: the beneficiaries (all, or those of the given books) with their mandate and the
//! money they have.

use std::collections::HashMap;

use serde::Serialize;

use super::ServiceResult;
use crate::domain::book::Book;
use crate::domain::deadline::{Deadline, next_deadline};
use crate::domain::ids::{BeneficiaryId, BookId, OfficeId};
use crate::domain::mandate::Mandate;
use crate::domain::money::Money;
use crate::domain::party::Beneficiary;
use crate::storage::{Attention, Store};

#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub beneficiary: Beneficiary,
    /// The mandate in force last (the latest started).
    pub mandate: Option<Mandate>,
    pub book: Option<Book>,
    /// The sum of the money accounts (bank accounts and cash box), in the book's currency.
    pub money: Option<Money>,
    /// The next account due to the court (court measures only): its period and deadline.
    pub account_due: Option<Deadline>,
    /// Lines to categorise, gaps, held payments and orders on their way.
    #[serde(skip)]
    pub attention: Attention,
}

/// The cases of `office` (or of every office), or only those of the books in `only`. A fixed
/// number of queries whatever the number of books: a dashboard is asked for all day.
pub async fn caseload(store: &Store, office: Option<OfficeId>, only: Option<&[BookId]>) -> ServiceResult<Vec<Case>> {
    let mut tx = store.begin_read().await?;
    let only_books: Option<Vec<i64>> = only.map(|books| books.iter().map(|book| book.get()).collect());
    let only_books = only_books.as_deref();
    let found = tx.books_among(office, only_books).await?;
    // With a list of books, only their people: a counsellor's dashboard reads their caseload,
    // not the whole office.
    let only_people: Option<Vec<i64>> = only.map(|_| found.iter().map(|book| book.beneficiary_id.get()).collect());
    let only_people = only_people.as_deref();
    let mut books: HashMap<BeneficiaryId, Book> = found.into_iter().map(|book| (book.beneficiary_id, book)).collect();
    let people = tx.beneficiaries_among(office, only_people).await?;
    let mut mandates: HashMap<BeneficiaryId, Mandate> = HashMap::new();
    // Listed in order of start: the last one seen for a person is the one in force last.
    for mandate in tx.mandates_of(only_people).await? {
        mandates.insert(mandate.beneficiary_id, mandate);
    }
    let money = tx.money_held(office, only_books).await?;
    let filed_through = tx.filed_through(office, only_books).await?;
    let attention = tx.attention(office, only_books).await?;
    tx.commit().await?;
    let mut cases = Vec::with_capacity(books.len());
    for beneficiary in people {
        let book = books.remove(&beneficiary.id);
        if only.is_some() && book.is_none() {
            continue;
        }
        let mandate = mandates.remove(&beneficiary.id);
        let money = book
            .as_ref()
            .map(|book| Money::from_minor(money.get(&book.id).copied().unwrap_or(0), book.currency));
        let account_due = match (&mandate, &book) {
            (Some(mandate), Some(book)) if mandate.kind.is_court_measure() => next_deadline(
                mandate,
                filed_through.get(&book.id).copied(),
                mandate.account_due_months,
            ),
            _ => None,
        };
        let attention = book
            .as_ref()
            .and_then(|book| attention.get(&book.id).copied())
            .unwrap_or_default();
        cases.push(Case {
            attention,
            beneficiary,
            mandate,
            book,
            money,
            account_due,
        });
    }
    Ok(cases)
}
