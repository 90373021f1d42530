//! Every debt of a book with its progress, and the orders the bank has not yet shown.

use chrono::NaiveDate;
use serde::Serialize;

use super::run::MATCH_WINDOW_BUSINESS_DAYS;
use crate::domain::account::ReportCategory;
use crate::domain::calendar::Calendar;
use crate::domain::creditor::PaymentTarget;
use crate::domain::ids::{BookId, ScheduleId};
use crate::service::ServiceResult;
use crate::storage::{OrderRecord, Store};

/// One debt account: what was owed in all, what was repaid, what is left, and the plan paying it.
#[derive(Debug, Clone, Serialize)]
pub struct DebtView {
    pub code: String,
    pub name: String,
    pub owed_minor: i64,
    pub repaid_minor: i64,
    pub remaining_minor: i64,
    /// Instalments ordered but not yet seen on a statement.
    pub on_the_way_minor: i64,
    /// The schedules paying it, active ones first.
    pub plans: Vec<PlanView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub schedule: ScheduleId,
    pub instalment_minor: i64,
    pub active: bool,
}

pub async fn debts(store: &Store, book: BookId) -> ServiceResult<Vec<DebtView>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let accounts = tx.accounts(book).await?;
    let movements = tx.debit_credit_totals(book).await?;
    let committed = tx.committed_amounts(book).await?;
    let schedules = tx.schedules(book, false).await?;
    tx.commit().await?;
    Ok(accounts
        .iter()
        .filter(|account| account.category == ReportCategory::Debt)
        .map(|account| {
            let (repaid, owed) = movements.get(&account.id).copied().unwrap_or((0, 0));
            let mut plans: Vec<PlanView> = schedules
                .iter()
                .filter(|schedule| schedule.details.target == PaymentTarget::Account(account.code.clone()))
                .map(|schedule| PlanView {
                    schedule: schedule.id,
                    instalment_minor: schedule.details.amount.minor(),
                    active: schedule.active,
                })
                .collect();
            plans.sort_by_key(|plan| !plan.active);
            DebtView {
                code: account.code.clone(),
                name: account.name.clone(),
                owed_minor: owed,
                repaid_minor: repaid,
                remaining_minor: owed - repaid,
                on_the_way_minor: committed
                    .iter()
                    .filter(|(_, target, _)| *target == account.id)
                    .map(|(_, _, amount)| amount)
                    .sum(),
                plans,
            }
        })
        // The chart's general debt account shows up once something is owed on it.
        .filter(|view| view.owed_minor > 0 || !view.plans.is_empty())
        .collect())
}

/// Orders sent to the bank that no statement has shown within 5 business days of their
/// execution date: the counsellor must ask the bank. `None`: every book.
pub async fn orders_not_executed(
    store: &Store,
    book: Option<BookId>,
    today: NaiveDate,
) -> ServiceResult<Vec<OrderRecord>> {
    let mut tx = store.begin_read().await?;
    let orders = tx.exported_orders(book).await?;
    tx.commit().await?;
    Ok(orders
        .into_iter()
        .filter(|order| Calendar::Target2.add_business_days(order.execution_date, MATCH_WINDOW_BUSINESS_DAYS) < today)
        .collect())
}
