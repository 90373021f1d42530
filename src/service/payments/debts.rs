//! Every debt of a book with its progress, debts found after the opening, and the orders the
//! bank has not yet shown.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::run::MATCH_WINDOW_BUSINESS_DAYS;
use crate::domain::account::{ACCOUNT_NAME_LENGTH_MAX, Account, NewAccount, ReportCategory};
use crate::domain::calendar::Calendar;
use crate::domain::creditor::PaymentTarget;
use crate::domain::ids::{BookId, ScheduleId};
use crate::domain::ledger::{EntryDraft, EntrySource, Posting};
use crate::domain::money::Money;
use crate::domain::opening::DEBT_ACCOUNT_FIRST;
use crate::service::ServiceResult;
use crate::service::ledger::post_entries_in_tx;
use crate::storage::{OrderRecord, Store, StoreError};

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

/// Records a debt found after the opening inventory (a late bill, a new repayment agreement): a
/// debt account of its own (the next of 2001, 2002…) and an entry owing `amount` on it against
/// opening equity, as the inventory would have had it. A debt plan can then pay it.
pub async fn add_debt(
    store: &Store,
    book: BookId,
    creditor: &str,
    amount: Money,
    date: NaiveDate,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Account> {
    let mut tx = store.begin_write().await?;
    tx.lock_book(book).await?;
    let accounts = tx.accounts(book).await?;
    let next = accounts
        .iter()
        .filter(|account| account.category == ReportCategory::Debt)
        .filter_map(|account| account.code.parse::<u32>().ok())
        .filter(|code| *code >= DEBT_ACCOUNT_FIRST)
        .max()
        .map_or(DEBT_ACCOUNT_FIRST, |last| last + 1);
    let name: String = format!("Debt: {}", creditor.trim())
        .chars()
        .take(ACCOUNT_NAME_LENGTH_MAX)
        .collect();
    let new = NewAccount::new(&next.to_string(), &name, ReportCategory::Debt, amount.currency(), None)?;
    let debt = tx.insert_accounts(book, std::slice::from_ref(&new)).await?.remove(0);
    let equity = accounts
        .iter()
        .find(|account| account.category == ReportCategory::OpeningEquity && account.currency == amount.currency())
        .ok_or_else(|| StoreError::NotFound {
            what: "opening equity account of book",
            id: book.to_string(),
        })?;
    let draft = EntryDraft {
        book_id: book,
        date,
        description: format!("Debt recorded after the opening inventory: {}", creditor.trim()),
        source: EntrySource::Adjustment,
        source_ref: None,
        receipt: None,
        author: author.to_owned(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: equity.id,
                amount,
            },
            Posting {
                account_id: debt.id,
                amount: amount.checked_neg()?,
            },
        ],
    };
    post_entries_in_tx(&mut tx, book, vec![draft], now).await?;
    tx.commit().await?;
    Ok(debt)
}
