//! The demo's creditor payments: each person's creditors and schedules from the demo data
//! (rent, energy, a debt plan, pocket money), starting next month, and one payment run for next
//! month's first day whose pain.001 file is written and stored.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use super::ServiceResult;
use super::payments::{RunRequest, add_creditor, add_schedule, run_payments};
use crate::domain::creditor::{NewCreditor, PaymentTarget, PostalAddress, Remittance};
use crate::domain::iban::Iban;
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::money::Money;
use crate::domain::schedule::{Ending, Frequency, NewSchedule, Priority};
use crate::export::pain001::PainVersion;
use crate::storage::Store;

#[derive(Deserialize)]
pub(super) struct DemoPayment {
    creditor: DemoCreditor,
    amount: String,
    every: String,
    day: String,
    category: Option<String>,
    /// `debt:N` for the N-th debt of the person.
    account: Option<String>,
    #[serde(default)]
    until_repaid: bool,
    priority: u8,
    remittance: Option<String>,
}

#[derive(Deserialize)]
struct DemoCreditor {
    name: String,
    iban: String,
    street: Option<String>,
    building: Option<String>,
    postcode: Option<String>,
    town: String,
    country: String,
}

/// Adds the person's creditors (private to their book) and schedules, starting on `start`.
pub(super) async fn add_payments(
    store: &Store,
    office: OfficeId,
    book: BookId,
    currency: crate::domain::money::Currency,
    payments: &[DemoPayment],
    start: NaiveDate,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    for payment in payments {
        let creditor = &payment.creditor;
        let new = NewCreditor {
            office_id: office,
            book_id: Some(book),
            name: NewCreditor::check_name(&creditor.name).map_err(payment_error)?,
            iban: Iban::parse(&creditor.iban)?,
            bic: None,
            address: PostalAddress::new(
                creditor.street.as_deref(),
                creditor.building.as_deref(),
                creditor.postcode.as_deref(),
                &creditor.town,
                &creditor.country,
            )
            .map_err(payment_error)?,
            default_target: None,
            default_remittance: None,
        };
        let stored = add_creditor(store, &new, now).await?;
        // "debt:N" is the N-th debt account of the opening inventory: 2001, 2002…
        let account = payment.account.as_deref().map(|text| match text.strip_prefix("debt:") {
            Some(number) => format!(
                "{}",
                2000 + number.parse::<u32>().expect("BUG: demo debt references are numbers")
            ),
            None => text.to_owned(),
        });
        let schedule = NewSchedule {
            book_id: book,
            creditor_id: stored.id,
            debtor_account: None,
            amount: Money::parse(&payment.amount, currency)?,
            target: PaymentTarget::from_words(payment.category.as_deref(), account.as_deref())
                .map_err(payment_error)?,
            frequency: Frequency::parse(&payment.every, &payment.day).map_err(payment_error)?,
            start,
            ending: if payment.until_repaid {
                Ending::Repaid
            } else {
                Ending::Never
            },
            remittance: payment
                .remittance
                .as_deref()
                .map(Remittance::parse)
                .transpose()
                .map_err(payment_error)?,
            priority: Priority::new(payment.priority).map_err(payment_error)?,
            needs_authorisation: false,
            authorisation_ref: None,
        };
        add_schedule(store, schedule, now).await?;
    }
    Ok(())
}

fn payment_error(error: impl Into<super::payments::PaymentRefusal>) -> super::ServiceError {
    super::ServiceError::Payment(error.into())
}

/// One run over the whole office for `date`: the orders it made.
pub(super) async fn run_demo_payments(
    store: &Store,
    office: OfficeId,
    date: NaiveDate,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<usize> {
    let request = RunRequest {
        office,
        book: None,
        date,
        format: PainVersion::V09,
        author,
    };
    Ok(run_payments(store, request, now).await?.orders.len())
}
