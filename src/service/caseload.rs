//! The caseload: the beneficiaries (all, or those of the given books) with their mandate and the
//! money they have.

use serde::Serialize;

use super::ServiceResult;
use crate::domain::book::Book;
use crate::domain::deadline::{Deadline, next_deadline};
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::mandate::Mandate;
use crate::domain::money::Money;
use crate::domain::party::Beneficiary;
use crate::storage::{Attention, CaseRecord, Store};

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
/// number of statements whatever the number of books: a dashboard is asked for all day.
pub async fn caseload(store: &Store, office: Option<OfficeId>, only: Option<&[BookId]>) -> ServiceResult<Vec<Case>> {
    let only_books: Option<Vec<i64>> = only.map(|books| books.iter().map(|book| book.get()).collect());
    let records = store.caseload(office, only_books.as_deref()).await?;
    Ok(records
        .into_iter()
        .map(|record| {
            let CaseRecord {
                beneficiary,
                book,
                mandate,
                money_minor,
                filed_through,
                attention,
            } = record;
            let money = book.as_ref().map(|book| Money::from_minor(money_minor, book.currency));
            let account_due = match (&mandate, &book) {
                (Some(mandate), Some(_)) if mandate.kind.is_court_measure() => {
                    next_deadline(mandate, filed_through, mandate.account_due_months)
                }
                _ => None,
            };
            Case {
                attention,
                beneficiary,
                mandate,
                book,
                money,
                account_due,
            }
        })
        .collect())
}
