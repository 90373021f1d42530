//! A payment run as a person checks it before approving: each order with the creditor's name and
//! IBAN, the total per paying account against what that account holds now, and the run's total;
//! and cancelling a run nobody has approved yet (its orders go, so the same occurrences are
//! planned again by the next run).

use std::collections::BTreeMap;

use super::PaymentRefusal;
use super::run::{RunReport, report};
use crate::domain::ids::{AccountId, BookId, CreditorId, PaymentRunId};
use crate::domain::payment_state::RunState;
use crate::service::ServiceResult;
use crate::storage::Store;

/// Who an order pays.
#[derive(Debug, Clone)]
pub struct Payee {
    pub name: String,
    /// The IBAN with only its last four characters.
    pub iban_masked: String,
}

/// One paying account of the run.
#[derive(Debug, Clone)]
pub struct PayingAccount {
    pub name: String,
    pub currency: crate::domain::money::Currency,
    /// What the run's orders take from it, in minor units.
    pub total_minor: i64,
    /// What it holds now, by the book.
    pub balance_minor: i64,
}

pub struct RunView {
    pub report: RunReport,
    pub payees: BTreeMap<i64, Payee>,
    pub paying: BTreeMap<i64, PayingAccount>,
}

/// The run `id` with its payees and paying accounts.
pub async fn run_view(store: &Store, id: PaymentRunId) -> ServiceResult<RunView> {
    let mut tx = store.begin_read().await?;
    let report = report(&mut tx, id).await?;
    let mut payees = BTreeMap::new();
    for order in &report.orders {
        if payees.contains_key(&order.creditor_id) {
            continue;
        }
        let creditor = tx.creditor(CreditorId::new(order.creditor_id)).await?;
        payees.insert(
            order.creditor_id,
            Payee {
                name: creditor.name,
                iban_masked: creditor.iban.masked(),
            },
        );
    }
    let mut paying: BTreeMap<i64, PayingAccount> = BTreeMap::new();
    let mut books: BTreeMap<i64, (Vec<crate::domain::account::Account>, BTreeMap<AccountId, i64>)> = BTreeMap::new();
    for order in &report.orders {
        if let std::collections::btree_map::Entry::Vacant(slot) = books.entry(order.book_id) {
            let book = BookId::new(order.book_id);
            slot.insert((tx.accounts(book).await?, tx.account_totals(book).await?));
        }
        let (accounts, totals) = &books[&order.book_id];
        let account_id = AccountId::new(order.debtor_account_id);
        let Some(account) = accounts.iter().find(|account| account.id == account_id) else {
            continue;
        };
        let entry = paying.entry(order.debtor_account_id).or_insert_with(|| PayingAccount {
            name: format!("{} {}", account.code, account.name),
            currency: account.currency,
            total_minor: 0,
            balance_minor: totals.get(&account_id).copied().unwrap_or(0),
        });
        entry.total_minor = entry.total_minor.saturating_add(order.amount_minor);
    }
    tx.commit().await?;
    Ok(RunView { report, payees, paying })
}

/// Cancels run `id` while it waits for approval: its orders and holds go with it. An approved
/// run has sent its files to be uploaded and is not cancelled.
pub async fn cancel_run(store: &Store, id: PaymentRunId) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    let run = tx.run(id).await?;
    if run.state != RunState::Prepared {
        return Err(PaymentRefusal::AlreadyApproved { run: id.to_string() }.into());
    }
    tx.delete_prepared_run(id).await?;
    tx.commit().await?;
    Ok(())
}
