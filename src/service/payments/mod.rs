//! Creditor payments: creditors, schedules, payment runs and their pain.001 files.
//!
//! A run plans, for an execution date, the schedules' occurrences due by then and not yet
//! ordered; funds each paying account by priority (see `domain::allocation`); holds the rest with
//! a reason; and, once approved (by a second person when the office requires four eyes), writes
//! one pain.001 file per paying account and execution date. Nothing is booked by a run: a payment
//! is booked when the bank statement shows it.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::{ServiceError, ServiceResult};
use crate::domain::creditor::{Creditor, CreditorError, NewCreditor, PaymentTarget};
use crate::domain::ids::{BookId, OfficeId, ScheduleId};
use crate::domain::schedule::{NewSchedule, Schedule, ScheduleError};
use crate::storage::{Store, StoreError};

mod approval;
mod debts;
mod export;
mod forecast;
mod input;
mod run;
mod run_view;

pub use approval::{approve_run, payment_file, run_report};
pub use debts::{DebtView, add_debt, debts, orders_not_executed};
pub use forecast::{ForecastReport, add_expected_income, forecast};
pub use input::{CreditorInput, ScheduleInput};
pub use run::{RunReport, RunRequest, run_payments};
pub use run_view::{Payee, PayingAccount, RunView, cancel_run, run_view};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PaymentRefusal {
    #[error(transparent)]
    Creditor(#[from] CreditorError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error("creditor {creditor} belongs to another office or another book than book {book}")]
    CreditorElsewhere { creditor: String, book: BookId },
    #[error("the schedule pays in {found}, but book {book} keeps its accounts in {book_currency}")]
    CurrencyMismatch {
        book: BookId,
        found: String,
        book_currency: String,
    },
    #[error("account {account} is not a money account of book {book}")]
    NotAPayingAccount { account: String, book: BookId },
    #[error(
        "payment run {run} was prepared by {author}; the office requires a second person to approve it \
         (four eyes)"
    )]
    SameApprover { run: String, author: String },
    #[error("payment run {run} is already approved and its files produced; download them with `gestio pay file`")]
    AlreadyApproved { run: String },
    #[error("the expected income was refused: {0}")]
    ExpectedIncome(String),
    #[error("give at most one of an end date, a number of instalments and 'until repaid'")]
    AmbiguousEnding,
    #[error("an amount must be 0 or more; {0} is not")]
    NegativeSetting(String),
    #[error("the execution date {date} is in the past (today is {today}): choose today or a later day")]
    DateInPast {
        date: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
}

impl From<PaymentRefusal> for ServiceError {
    fn from(refusal: PaymentRefusal) -> Self {
        ServiceError::Payment(refusal)
    }
}

pub async fn add_creditor(store: &Store, creditor: &NewCreditor, now: DateTime<Utc>) -> ServiceResult<Creditor> {
    let mut tx = store.begin_write().await?;
    tx.office(creditor.office_id).await?;
    if let Some(book) = creditor.book_id {
        let found = tx.book(book).await?;
        if found.office_id != creditor.office_id {
            return Err(PaymentRefusal::CreditorElsewhere {
                creditor: creditor.name.clone(),
                book,
            }
            .into());
        }
    }
    let creditor = tx.insert_creditor(creditor, now).await?;
    tx.commit().await?;
    Ok(creditor)
}

/// The target a schedule of `book` uses when none is given: the creditor's default.
pub async fn default_target(
    store: &Store,
    creditor: crate::domain::ids::CreditorId,
    book: BookId,
) -> ServiceResult<PaymentTarget> {
    let mut tx = store.begin_read().await?;
    let found = creditor_of_book(&mut tx, creditor, book).await?;
    tx.commit().await?;
    found.default_target.ok_or_else(|| {
        PaymentRefusal::Creditor(CreditorError::Target(format!(
            "creditor {} ({}) has no default category or account: say where the payment is booked \
             (a category such as expense.housing, or an account code such as 2001)",
            found.id, found.name
        )))
        .into()
    })
}

/// `creditor` when `book` may pay it: a creditor of the book's office, shared or the book's own.
/// Any other answers as a creditor that does not exist, without its name: the caller may not
/// know another office's or another person's creditors.
async fn creditor_of_book(
    tx: &mut crate::storage::Tx,
    creditor: crate::domain::ids::CreditorId,
    book: BookId,
) -> ServiceResult<Creditor> {
    let found = tx.book(book).await?;
    let creditor = match tx.creditor(creditor).await {
        Ok(found) => found,
        Err(StoreError::NotFound { .. }) => return Err(StoreError::missing(creditor).into()),
        Err(error) => return Err(error.into()),
    };
    if creditor.office_id != found.office_id || creditor.book_id.is_some_and(|own| own != found.id) {
        return Err(StoreError::missing(creditor.id).into());
    }
    Ok(creditor)
}

pub async fn creditors(store: &Store, office: OfficeId, book: Option<BookId>) -> ServiceResult<Vec<Creditor>> {
    let mut tx = store.begin_read().await?;
    let creditors = tx.creditors(office, book).await?;
    tx.commit().await?;
    Ok(creditors)
}

/// Adds a schedule to a book: its creditor must be the office's or the book's own, its currency
/// the book's, its paying account (when named) a money account of the book.
pub async fn add_schedule(store: &Store, schedule: NewSchedule, now: DateTime<Utc>) -> ServiceResult<Schedule> {
    let schedule = schedule.check().map_err(PaymentRefusal::from)?;
    let mut tx = store.begin_write().await?;
    let book = tx.book(schedule.book_id).await?;
    creditor_of_book(&mut tx, schedule.creditor_id, book.id).await?;
    if schedule.amount.currency() != book.currency {
        return Err(PaymentRefusal::CurrencyMismatch {
            book: book.id,
            found: schedule.amount.currency().code().to_owned(),
            book_currency: book.currency.code().to_owned(),
        }
        .into());
    }
    if let Some(account) = schedule.debtor_account {
        let paying = tx
            .accounts(book.id)
            .await?
            .into_iter()
            .find(|candidate| candidate.id == account)
            .ok_or_else(|| StoreError::missing(account))?;
        if paying.iban.is_none() || paying.closed {
            return Err(PaymentRefusal::NotAPayingAccount {
                account: account.to_string(),
                book: book.id,
            }
            .into());
        }
    }
    let stored = tx.insert_schedule(&schedule, now).await?;
    tx.commit().await?;
    Ok(stored)
}

pub async fn schedules(store: &Store, book: BookId) -> ServiceResult<Vec<Schedule>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let schedules = tx.schedules(book, false).await?;
    tx.commit().await?;
    Ok(schedules)
}

/// Records the judge's authorisation for a schedule's payments: runs stop holding them.
pub async fn authorise_schedule(store: &Store, schedule: ScheduleId, reference: &str) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    if !tx.authorise_schedule(schedule, reference.trim()).await? {
        return Err(StoreError::missing(schedule).into());
    }
    tx.commit().await?;
    Ok(())
}

/// Stops the payments of schedule `schedule` of `book` (no run plans them), or starts them again;
/// a schedule of another book answers as missing.
pub async fn set_schedule_active(
    store: &Store,
    book: BookId,
    schedule: crate::domain::ids::ScheduleId,
    active: bool,
) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    tx.lock_book(book).await?;
    if !tx.set_schedule_active(book, schedule, active).await? {
        return Err(StoreError::missing(schedule).into());
    }
    tx.commit().await?;
    Ok(())
}

/// The payment settings: four eyes for an office, a reserve for a book, an overdraft for an account.
pub mod settings {
    use super::*;
    use crate::domain::ids::AccountId;

    pub async fn set_four_eyes(store: &Store, office: OfficeId, required: bool) -> ServiceResult<()> {
        let mut tx = store.begin_write().await?;
        tx.office(office).await?;
        tx.set_office_four_eyes(office, required).await?;
        Ok(tx.commit().await?)
    }

    /// The order the office pays its priority classes in when money is short; `None` restores
    /// the classes' own order.
    pub async fn set_priority_order(
        store: &Store,
        office: OfficeId,
        order: Option<&crate::domain::schedule::PriorityOrder>,
    ) -> ServiceResult<()> {
        let mut tx = store.begin_write().await?;
        tx.office(office).await?;
        tx.set_office_priority_order(office, order.map(|order| order.text()).as_deref())
            .await?;
        Ok(tx.commit().await?)
    }

    pub async fn set_reserve(store: &Store, book: BookId, reserve_minor: i64) -> ServiceResult<()> {
        if reserve_minor < 0 {
            return Err(PaymentRefusal::NegativeSetting(reserve_minor.to_string()).into());
        }
        let mut tx = store.begin_write().await?;
        tx.lock_book(book).await?;
        tx.set_book_reserve(book, reserve_minor).await?;
        Ok(tx.commit().await?)
    }

    /// A case's reserve and its accounts' overdrafts (by code), in one db transaction: all saved
    /// or none.
    pub async fn set_case_settings(
        store: &Store,
        book: BookId,
        reserve_minor: i64,
        overdrafts: &[(String, i64)],
    ) -> ServiceResult<()> {
        let negative = std::iter::once(reserve_minor)
            .chain(overdrafts.iter().map(|(_, limit)| *limit))
            .find(|amount| *amount < 0);
        if let Some(amount) = negative {
            return Err(PaymentRefusal::NegativeSetting(amount.to_string()).into());
        }
        let mut tx = store.begin_write().await?;
        tx.lock_book(book).await?;
        tx.set_book_reserve(book, reserve_minor).await?;
        for (code, limit) in overdrafts {
            let account: AccountId = tx.account_by_code(book, code).await?.id;
            tx.set_account_overdraft(account, *limit).await?;
        }
        Ok(tx.commit().await?)
    }

    pub async fn set_overdraft(store: &Store, book: BookId, code: &str, limit_minor: i64) -> ServiceResult<()> {
        if limit_minor < 0 {
            return Err(PaymentRefusal::NegativeSetting(limit_minor.to_string()).into());
        }
        let mut tx = store.begin_write().await?;
        tx.lock_book(book).await?;
        let account: AccountId = tx.account_by_code(book, code).await?.id;
        tx.set_account_overdraft(account, limit_minor).await?;
        Ok(tx.commit().await?)
    }
}
