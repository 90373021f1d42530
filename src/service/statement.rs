//! The beneficiary's monthly statement: what came in and went out by category, what is left, and
//! what will be paid next month — the person's own account of their money, in their language.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::ServiceResult;
use super::reports::account_in;
use crate::domain::account::ReportCategory;
use crate::domain::budget::BudgetComparison;
use crate::domain::creditor::PaymentTarget;
use crate::domain::ids::BookId;
use crate::domain::money::Currency;
use crate::domain::report::Period;
use crate::storage::{Store, Tx};

/// A payment the office will make next month.
#[derive(Debug, Clone, Serialize)]
pub struct UpcomingPayment {
    pub date: NaiveDate,
    pub payee: String,
    pub amount: i64,
    /// Money for the person themself.
    pub pocket_money: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BeneficiaryStatement {
    pub beneficiary: String,
    /// The person's language (code), which the statement is written in by default.
    pub language: String,
    pub office: String,
    pub period: Period,
    pub currency: Currency,
    /// All money accounts together at the start and the end of the month.
    pub opening: i64,
    pub closing: i64,
    /// Positive amounts by category, largest first.
    pub money_in: Vec<(ReportCategory, i64)>,
    pub money_out: Vec<(ReportCategory, i64)>,
    pub upcoming: Vec<UpcomingPayment>,
    pub budget: Vec<BudgetComparison>,
    /// The day a statement of the month under way stops at ("so far, on …"); `None` for a
    /// month that is over.
    pub so_far: Option<NaiveDate>,
    /// For the month under way: the payments still due in it after `so_far`.
    pub still_due: Vec<UpcomingPayment>,
}

/// The first and last day of a month.
pub fn month_period(year: i32, month: u32) -> Option<Period> {
    let from = NaiveDate::from_ymd_opt(year, month, 1)?;
    let to = from.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(Period { from, to })
}

/// The statement of `period` (a month), as of `today`: a month under way is shown so far, with
/// the payments still due in it.
pub async fn monthly_statement(
    store: &Store,
    book: BookId,
    period: Period,
    today: NaiveDate,
) -> ServiceResult<BeneficiaryStatement> {
    let so_far = (period.from <= today && today < period.to).then_some(today);
    let shown = Period {
        from: period.from,
        to: so_far.unwrap_or(period.to),
    };
    let mut tx = store.begin_read().await?;
    let account = account_in(&mut tx, book, shown).await?;
    let upcoming = upcoming_payments(&mut tx, book, period.to).await?;
    let still_due = match so_far.and_then(|day| day.succ_opt()) {
        Some(tomorrow) => payments_between(&mut tx, book, tomorrow, period.to).await?,
        None => Vec::new(),
    };
    tx.commit().await?;
    let data = &account.data;
    Ok(BeneficiaryStatement {
        beneficiary: account.header.beneficiary.clone(),
        language: account.header.language.clone(),
        office: account.header.office.clone(),
        period: shown,
        so_far,
        still_due,
        currency: data.currency,
        opening: data.opening_total(),
        closing: data.closing_total(),
        money_in: largest_first(data.receipts_by_category()),
        money_out: largest_first(data.disbursements_by_category()),
        upcoming,
        budget: account.budget,
    })
}

fn largest_first(amounts: std::collections::BTreeMap<ReportCategory, i64>) -> Vec<(ReportCategory, i64)> {
    let mut sorted: Vec<(ReportCategory, i64)> = amounts.into_iter().filter(|(_, amount)| *amount != 0).collect();
    sorted.sort_by(|left, right| right.1.cmp(&left.1).then(left.0.cmp(&right.0)));
    sorted
}

/// The active schedules' payments due in the month after `month_end`, by date.
async fn upcoming_payments(tx: &mut Tx, book: BookId, month_end: NaiveDate) -> ServiceResult<Vec<UpcomingPayment>> {
    let next_from = month_end.succ_opt().expect("BUG: dates stay far from chrono's limits");
    let Some(next) = month_period(next_from.year(), next_from.month()) else {
        return Ok(Vec::new());
    };
    payments_between(tx, book, next.from, next.to).await
}

/// The active schedules' payments due from `from` to `to`, by date.
async fn payments_between(
    tx: &mut Tx,
    book: BookId,
    from: NaiveDate,
    to: NaiveDate,
) -> ServiceResult<Vec<UpcomingPayment>> {
    let mut upcoming = Vec::new();
    for schedule in tx.schedules(book, true).await? {
        let payee = tx.creditor(schedule.details.creditor_id).await?.name;
        let pocket_money = schedule.details.target == PaymentTarget::Category(ReportCategory::PersonalAllowance);
        for occurrence in schedule.occurrences_through(to) {
            if occurrence.due >= from {
                upcoming.push(UpcomingPayment {
                    date: occurrence.due,
                    payee: payee.clone(),
                    amount: schedule.details.amount.minor(),
                    pocket_money,
                });
            }
        }
    }
    upcoming.sort_by(|left, right| left.date.cmp(&right.date).then(left.payee.cmp(&right.payee)));
    Ok(upcoming)
}
