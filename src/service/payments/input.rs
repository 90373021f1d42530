//! A creditor and a schedule as people type them (in an API body or a page's form), read into
//! the domain's checked types: one reading, so the API and the pages refuse the same things in
//! the same words.

use chrono::NaiveDate;

use super::{PaymentRefusal, default_target};
use crate::domain::creditor::{Bic, NewCreditor, PaymentTarget, PostalAddress, Remittance};
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BookId, CreditorId, OfficeId};
use crate::domain::money::Money;
use crate::domain::schedule::{Ending, Frequency, NewSchedule, Priority};
use crate::service::{ServiceResult, ledger};
use crate::storage::Store;

/// A creditor's fields as text; empty optional fields are `None`.
#[derive(Default)]
pub struct CreditorInput<'a> {
    /// The book it is kept for, or `None` for the whole office.
    pub book: Option<BookId>,
    pub name: &'a str,
    pub iban: &'a str,
    pub bic: Option<&'a str>,
    pub street: Option<&'a str>,
    pub building: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub town: &'a str,
    pub country: &'a str,
    pub remittance: Option<&'a str>,
    /// Where its payments are booked unless a schedule says otherwise.
    pub category: Option<&'a str>,
    pub account: Option<&'a str>,
}

impl CreditorInput<'_> {
    pub fn read(&self, office: OfficeId) -> ServiceResult<NewCreditor> {
        let address = PostalAddress::new(self.street, self.building, self.postcode, self.town, self.country)
            .map_err(PaymentRefusal::Creditor)?;
        Ok(NewCreditor {
            office_id: office,
            book_id: self.book,
            name: NewCreditor::check_name(self.name).map_err(PaymentRefusal::Creditor)?,
            iban: Iban::parse(self.iban)?,
            bic: self.bic.map(Bic::parse).transpose().map_err(PaymentRefusal::Creditor)?,
            address,
            default_target: match (self.category, self.account) {
                (None, None) => None,
                (category, account) => {
                    Some(PaymentTarget::from_words(category, account).map_err(PaymentRefusal::Creditor)?)
                }
            },
            default_remittance: self
                .remittance
                .map(Remittance::parse)
                .transpose()
                .map_err(PaymentRefusal::Creditor)?,
        })
    }
}

/// A schedule's fields as text; empty optional fields are `None`.
pub struct ScheduleInput<'a> {
    pub creditor: CreditorId,
    pub amount: &'a str,
    pub category: Option<&'a str>,
    pub account: Option<&'a str>,
    /// once, weekly, monthly, quarterly or yearly.
    pub every: &'a str,
    /// The day of the month (or "last"), or the weekday.
    pub day: Option<&'a str>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub instalments: Option<u32>,
    pub until_repaid: bool,
    pub remittance: Option<&'a str>,
    pub priority: Option<u8>,
    pub needs_authorisation: bool,
    pub from_account: Option<AccountId>,
}

impl ScheduleInput<'_> {
    /// Reads the schedule for `book`: the amount in the book's currency, and the creditor's own
    /// target when neither a category nor an account is given.
    pub async fn read(&self, store: &Store, book: BookId) -> ServiceResult<NewSchedule> {
        let currency = ledger::book(store, book).await?.currency;
        let ending = match (self.end, self.instalments, self.until_repaid) {
            (Some(date), None, false) => Ending::On { date },
            (None, Some(instalments), false) => Ending::After { instalments },
            (None, None, true) => Ending::Repaid,
            (None, None, false) => Ending::Never,
            _ => return Err(PaymentRefusal::AmbiguousEnding.into()),
        };
        Ok(NewSchedule {
            book_id: book,
            creditor_id: self.creditor,
            debtor_account: self.from_account,
            amount: Money::parse(self.amount, currency)?,
            target: match (self.category, self.account) {
                (None, None) => default_target(store, self.creditor, book).await?,
                (category, account) => {
                    PaymentTarget::from_words(category, account).map_err(PaymentRefusal::Creditor)?
                }
            },
            frequency: Frequency::parse(self.every, self.day.unwrap_or("1")).map_err(PaymentRefusal::Schedule)?,
            start: self.start,
            ending,
            remittance: self
                .remittance
                .map(Remittance::parse)
                .transpose()
                .map_err(PaymentRefusal::Creditor)?,
            priority: Priority::new(self.priority.unwrap_or(5)).map_err(PaymentRefusal::Schedule)?,
            needs_authorisation: self.needs_authorisation,
            authorisation_ref: None,
        })
    }
}
