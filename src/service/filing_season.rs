//! The filing season: every account of an office due by a date, filed in one go. A tutor with
//! forty measures files them in June; an office with a thousand, in an afternoon. Accounts are
//! filed several at a time (the typesetting takes a core each); each is its own transaction, so
//! one refused account (a period already filed, a book that does not balance) is reported and
//! the others go in.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::ServiceResult;
use super::caseload::caseload;
use super::filings::{FilingRequest, file_account};
use crate::domain::filing::Filing;
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::report::Period;
use crate::storage::Store;

/// An account the court expects that has not been filed.
#[derive(Debug, Clone)]
pub struct DueAccount {
    pub book: BookId,
    pub beneficiary: String,
    pub period: Period,
    pub due: NaiveDate,
}

/// The accounts of `office` whose period ended on or before `through`, and before `today`, that
/// are not filed yet, by deadline. A period still running is never offered: filing locks it.
pub async fn accounts_due(
    store: &Store,
    office: OfficeId,
    through: NaiveDate,
    today: NaiveDate,
) -> ServiceResult<Vec<DueAccount>> {
    let mut due: Vec<DueAccount> = caseload(store, Some(office), None)
        .await?
        .into_iter()
        .filter_map(|case| {
            let deadline = case.account_due?;
            let book = case.book?;
            (deadline.period.to <= through && deadline.period.to < today).then_some(DueAccount {
                book: book.id,
                beneficiary: case.beneficiary.name,
                period: deadline.period,
                due: deadline.due,
            })
        })
        .collect();
    due.sort_by_key(|account| (account.due, account.book));
    Ok(due)
}

/// One account of the season and what became of it.
#[derive(Debug)]
pub struct SeasonOutcome {
    pub account: DueAccount,
    pub filed: ServiceResult<Filing>,
}

/// Files each of `accounts`, at most `parallel` at a time, in their own layout and language.
/// Outcomes come back in the order of `accounts`.
pub async fn file_accounts(
    store: &Store,
    accounts: Vec<DueAccount>,
    filed_by: &str,
    now: DateTime<Utc>,
    parallel: usize,
) -> Vec<SeasonOutcome> {
    let permits = Arc::new(Semaphore::new(parallel.max(1)));
    let mut running = JoinSet::new();
    for (index, account) in accounts.into_iter().enumerate() {
        let store = store.clone();
        let permits = Arc::clone(&permits);
        let filed_by = filed_by.to_owned();
        running.spawn(async move {
            let _permit = permits
                .acquire_owned()
                .await
                .expect("BUG: the semaphore is never closed");
            let request = FilingRequest {
                book: account.book,
                period: account.period,
                layout: None,
                language: None,
                filed_by: &filed_by,
                now,
            };
            let filed = file_account(&store, &request).await;
            (index, SeasonOutcome { account, filed })
        });
    }
    let mut outcomes = Vec::with_capacity(running.len());
    while let Some(done) = running.join_next().await {
        outcomes.push(done.expect("BUG: filing an account panicked"));
    }
    outcomes.sort_by_key(|(index, _)| *index);
    outcomes.into_iter().map(|(_, outcome)| outcome).collect()
}
