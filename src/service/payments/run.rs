//! A payment run: collect, fund, order or hold, and (approved) write the files.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::PaymentRefusal;
use super::export::write_files;
use crate::domain::account::{Account, ReportCategory};
use crate::domain::allocation::{Candidate, Decision, allocate};
use crate::domain::book::Book;
use crate::domain::calendar::Calendar;
use crate::domain::creditor::{Creditor, PaymentTarget, Remittance};
use crate::domain::ids::{AccountId, BookId, CreditorId, OfficeId, PaymentRunId};
use crate::domain::schedule::{Ending, Occurrence, PriorityOrder, Schedule};
use crate::export::pain001::PainVersion;
use crate::service::ServiceResult;
use crate::storage::{FileRecord, HoldRecord, NewOrder, OrderRecord, RunRecord, Store, StoreError, Tx};

/// Business days after its execution date within which the bank's statement should show an order.
pub const MATCH_WINDOW_BUSINESS_DAYS: u32 = crate::service::import::MATCH_WINDOW_BUSINESS_DAYS;

/// What to run: one book, or every book of the office.
#[derive(Debug, Clone, Copy)]
pub struct RunRequest<'a> {
    pub office: OfficeId,
    pub book: Option<BookId>,
    /// The wished execution date; rolled to the next TARGET2 business day.
    pub date: NaiveDate,
    pub format: PainVersion,
    pub author: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub run: RunRecord,
    pub orders: Vec<OrderRecord>,
    pub holds: Vec<HoldRecord>,
    /// Empty while the run waits for approval.
    pub files: Vec<FileRecord>,
}

/// Plans a run in one db transaction; without four eyes it is approved and its files written at
/// once. Each book is locked while planned, so concurrent runs never order an occurrence twice
/// nor spend the same money twice.
pub async fn run_payments(store: &Store, request: RunRequest<'_>, now: DateTime<Utc>) -> ServiceResult<RunReport> {
    crate::service::retrying_contention(|| run_payments_once(store, &request, now)).await
}

async fn run_payments_once(store: &Store, request: &RunRequest<'_>, now: DateTime<Utc>) -> ServiceResult<RunReport> {
    // A bank refuses, or silently moves, an order dated before the day it receives it.
    let today = now.date_naive();
    if request.date < today {
        return Err(PaymentRefusal::DateInPast {
            date: request.date,
            today,
        }
        .into());
    }
    let execution_date = Calendar::Target2.roll_forward(request.date);
    let mut tx = store.begin_write().await?;
    tx.office(request.office).await?;
    let books: Vec<BookId> = match request.book {
        Some(book) => {
            if tx.book(book).await?.office_id != request.office {
                return Err(StoreError::missing(book).into());
            }
            vec![book]
        }
        None => tx
            .books(Some(request.office))
            .await?
            .into_iter()
            .map(|book| book.id)
            .collect(),
    };
    // Before the run is inserted: its trigger marks every book it covers as changed, and two runs
    // marking the same books in different orders deadlocked on PostgreSQL.
    tx.lock_books_in_order(&books).await?;
    let run = tx
        .insert_run(
            request.office,
            request.book,
            execution_date,
            request.format.name(),
            request.author,
            now,
        )
        .await?;
    let order = match tx.office_priority_order(request.office).await? {
        Some(text) => PriorityOrder::parse(&text).map_err(|error| StoreError::Corrupt {
            what: "office",
            id: request.office.to_string(),
            detail: error.to_string(),
        })?,
        None => PriorityOrder::default(),
    };
    let mut plan = Plan {
        order,
        ..Plan::default()
    };
    for book in books {
        plan_book(&mut tx, book, execution_date, &mut plan).await?;
    }
    tx.insert_orders(run, &plan.orders).await?;
    tx.insert_holds(run, &plan.holds).await?;
    if !tx.office_four_eyes(request.office).await? {
        tx.approve_run(run, request.author, now).await?;
        write_files(&mut tx, run, request.format, now).await?;
    }
    let report = report(&mut tx, run).await?;
    tx.commit().await?;
    Ok(report)
}

pub(super) async fn report(tx: &mut Tx, run: PaymentRunId) -> ServiceResult<RunReport> {
    Ok(RunReport {
        run: tx.run(run).await?,
        orders: tx.run_orders(run).await?,
        holds: tx.run_holds(run).await?,
        files: tx.run_files(run).await?,
    })
}

/// What a run decided so far, over all its books.
#[derive(Default)]
struct Plan {
    /// The office's order of priority classes.
    order: PriorityOrder,
    orders: Vec<NewOrder>,
    holds: Vec<HoldRecord>,
    creditors: HashMap<CreditorId, Creditor>,
}

/// One occurrence that can be paid if the money allows, with what its order needs.
struct Due<'a> {
    schedule: &'a Schedule,
    occurrence: Occurrence,
    paying: AccountId,
    target: AccountId,
    amount: i64,
}

async fn plan_book(tx: &mut Tx, book_id: BookId, execution_date: NaiveDate, plan: &mut Plan) -> ServiceResult<()> {
    let book = tx.lock_book(book_id).await?;
    let schedules = tx.schedules(book_id, true).await?;
    if schedules.is_empty() {
        return Ok(());
    }
    let accounts = tx.accounts(book_id).await?;
    let totals = tx.account_totals(book_id).await?;
    let ordered = tx.ordered_occurrences(book_id).await?;
    let committed = tx.committed_amounts(book_id).await?;
    let mut dues = Vec::new();
    for schedule in &schedules {
        let Some((paying, target)) = accounts_of(&book, &accounts, schedule) else {
            for occurrence in schedule.occurrences_through(execution_date) {
                if !ordered.contains(&(schedule.id.get(), occurrence.due)) {
                    plan.holds.push(hold(
                        schedule,
                        occurrence.due,
                        schedule.details.amount.minor(),
                        (no_account_reason(schedule), "no_account", None),
                    ));
                }
            }
            continue;
        };
        // A debt plan pays at most what is still owed: the debt account's balance (a liability,
        // so negative while owed) less the instalments already on their way.
        let owed = still_owed(schedule, target, &totals, &committed);
        if owed.is_some_and(|owed| owed <= 0) && committed.iter().all(|(_, to, _)| *to != target) {
            tx.stop_schedule(schedule.id).await?;
            continue;
        }
        for (occurrence, amount) in unordered_amounts(schedule, execution_date, &ordered, owed) {
            dues.push(Due {
                schedule,
                occurrence,
                paying,
                target,
                amount,
            });
        }
    }
    let available = available_funds(tx, &book, &totals, &committed, &dues).await?;
    let candidates: Vec<Candidate> = dues
        .iter()
        .map(|due| Candidate {
            account: due.paying,
            priority: plan.order.rank(due.schedule.details.priority),
            due: due.occurrence.due,
            schedule: due.schedule.id,
            amount: due.amount,
            authorised: !due.schedule.details.needs_authorisation || due.schedule.details.authorisation_ref.is_some(),
        })
        .collect();
    for (due, decision) in dues.iter().zip(allocate(&candidates, &available)) {
        match decision {
            Decision::Order => {
                let order = order(tx, plan, due, execution_date).await?;
                plan.orders.push(order);
            }
            Decision::Hold { reason } => plan.holds.push(hold(
                due.schedule,
                due.occurrence.due,
                due.amount,
                (reason.describe(book.currency), reason.code(), reason.available()),
            )),
        }
    }
    Ok(())
}

/// For a debt plan, what is still owed on its debt account less the instalments on their way
/// (a liability is negative while owed); `None` for any other schedule.
pub(super) fn still_owed(
    schedule: &Schedule,
    target: AccountId,
    totals: &BTreeMap<AccountId, i64>,
    committed: &[(AccountId, AccountId, i64)],
) -> Option<i64> {
    (schedule.details.ending == Ending::Repaid).then(|| {
        let on_the_way: i64 = committed
            .iter()
            .filter(|(_, to, _)| *to == target)
            .map(|(_, _, amount)| amount)
            .sum();
        -totals.get(&target).copied().unwrap_or(0) - on_the_way
    })
}

/// The occurrences of `schedule` due through `through` and not yet ordered, each with its amount:
/// a debt plan's cut to what is still `owed`, and none once nothing is.
pub(super) fn unordered_amounts(
    schedule: &Schedule,
    through: NaiveDate,
    ordered: &HashSet<(i64, NaiveDate)>,
    mut owed: Option<i64>,
) -> Vec<(Occurrence, i64)> {
    let mut found = Vec::new();
    for occurrence in schedule.occurrences_through(through) {
        if ordered.contains(&(schedule.id.get(), occurrence.due)) {
            continue;
        }
        let mut amount = schedule.details.amount.minor();
        if let Some(left) = owed.as_mut() {
            if *left <= 0 {
                break;
            }
            amount = amount.min(*left);
            *left -= amount;
        }
        found.push((occurrence, amount));
    }
    found
}

/// What each paying account may still pay: balance + agreed overdraft − promised − reserve.
async fn available_funds(
    tx: &mut Tx,
    book: &Book,
    totals: &BTreeMap<AccountId, i64>,
    committed: &[(AccountId, AccountId, i64)],
    dues: &[Due<'_>],
) -> ServiceResult<BTreeMap<AccountId, i64>> {
    let reserve = tx.book_reserve(book.id).await?;
    let paying: HashSet<AccountId> = dues.iter().map(|due| due.paying).collect();
    let mut available = BTreeMap::new();
    for account in paying {
        let promised: i64 = committed
            .iter()
            .filter(|(from, _, _)| *from == account)
            .map(|(_, _, amount)| amount)
            .sum();
        let overdraft = tx.account_overdraft(account).await?;
        let balance = totals.get(&account).copied().unwrap_or(0);
        available.insert(account, balance + overdraft - promised - reserve);
    }
    Ok(available)
}

async fn order(tx: &mut Tx, plan: &mut Plan, due: &Due<'_>, execution_date: NaiveDate) -> ServiceResult<NewOrder> {
    let details = &due.schedule.details;
    if let Entry::Vacant(slot) = plan.creditors.entry(details.creditor_id) {
        slot.insert(tx.creditor(details.creditor_id).await?);
    }
    let creditor = &plan.creditors[&details.creditor_id];
    let remittance = details
        .remittance
        .as_ref()
        .or(creditor.default_remittance.as_ref())
        .map(Remittance::text)
        .map(str::to_owned);
    Ok(NewOrder {
        book_id: details.book_id,
        schedule_id: due.schedule.id,
        due: due.occurrence.due,
        instalment: due.occurrence.instalment,
        execution_date,
        debtor_account: due.paying,
        target_account: due.target,
        amount: crate::domain::money::Money::from_minor(due.amount, details.amount.currency()),
        creditor_id: details.creditor_id,
        // Unique because an occurrence is ordered once; the bank returns it on the statement.
        end_to_end_id: format!("G{}-{}", due.schedule.id, due.occurrence.due.format("%Y%m%d")),
        remittance,
    })
}

/// The paying account (named, else the book's first open bank account) and the account the
/// payment is booked on; `None` when the book has either missing.
pub(super) fn accounts_of(book: &Book, accounts: &[Account], schedule: &Schedule) -> Option<(AccountId, AccountId)> {
    let details = &schedule.details;
    let usable = |account: &&Account| !account.closed && account.currency == book.currency;
    let paying = match details.debtor_account {
        Some(id) => accounts.iter().filter(usable).find(|account| account.id == id)?,
        None => accounts
            .iter()
            .filter(usable)
            .find(|account| account.category == ReportCategory::Bank && account.iban.is_some())?,
    };
    let target = accounts.iter().filter(usable).find(|account| match &details.target {
        PaymentTarget::Category(category) => account.category == *category,
        PaymentTarget::Account(code) => &account.code == code,
    })?;
    Some((paying.id, target.id))
}

fn no_account_reason(schedule: &Schedule) -> String {
    let target = match &schedule.details.target {
        PaymentTarget::Category(category) => category.code().to_owned(),
        PaymentTarget::Account(code) => code.clone(),
    };
    format!("the book has no open bank account to pay from, or no open account for {target}")
}

/// A hold, with its reason in English, its code and (for insufficient funds) what was available.
fn hold(
    schedule: &Schedule,
    due: NaiveDate,
    amount: i64,
    (reason, code, available): (String, &'static str, Option<i64>),
) -> HoldRecord {
    HoldRecord {
        book_id: schedule.details.book_id.get(),
        schedule_id: schedule.id.get(),
        due_date: due,
        amount_minor: amount,
        currency: schedule.details.amount.currency().code().to_owned(),
        reason,
        reason_code: Some(code.to_owned()),
        available_minor: available,
    }
}
