//! The caseload: the beneficiaries (all, or those of the given books) with their mandate and the
//! money they have.

use serde::Serialize;

use super::ServiceResult;
use crate::domain::book::Book;
use crate::domain::deadline::{Deadline, next_deadline};
use crate::domain::ids::BookId;
use crate::domain::mandate::Mandate;
use crate::domain::money::Money;
use crate::domain::party::Beneficiary;
use crate::storage::Store;

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
}

pub async fn caseload(store: &Store, only: Option<&[BookId]>) -> ServiceResult<Vec<Case>> {
    let mut tx = store.begin_read().await?;
    let mut books = tx.books(None).await?;
    if let Some(only) = only {
        books.retain(|book| only.contains(&book.id));
    }
    let people = tx.beneficiaries(None).await?;
    let mut mandates = tx.mandates(None).await?;
    let mut cases = Vec::with_capacity(books.len());
    for beneficiary in people {
        if only.is_some() && !books.iter().any(|book| book.beneficiary_id == beneficiary.id) {
            continue;
        }
        let mandate_index = mandates
            .iter()
            .rposition(|mandate| mandate.beneficiary_id == beneficiary.id);
        let mandate = mandate_index.map(|index| mandates.remove(index));
        let book = books.iter().find(|book| book.beneficiary_id == beneficiary.id).cloned();
        let money = match &book {
            Some(book) => Some(money_held(&mut tx, book).await?),
            None => None,
        };
        let account_due = match (&mandate, &book) {
            (Some(mandate), Some(book)) if mandate.kind.is_court_measure() => {
                let filed_through = tx.filings(book.id).await?.last().map(|filing| filing.period.to);
                next_deadline(mandate, filed_through, mandate.account_due_months)
            }
            _ => None,
        };
        cases.push(Case {
            beneficiary,
            mandate,
            book,
            money,
            account_due,
        });
    }
    tx.commit().await?;
    Ok(cases)
}

async fn money_held(tx: &mut crate::storage::Tx, book: &Book) -> ServiceResult<Money> {
    let totals = tx.account_totals(book.id).await?;
    let mut held = Money::zero(book.currency);
    for account in tx.accounts(book.id).await? {
        if account.category.is_money() && account.currency == book.currency {
            held = held.checked_add(Money::from_minor(
                totals.get(&account.id).copied().unwrap_or(0),
                book.currency,
            ))?;
        }
    }
    Ok(held)
}
