//! Trying the rules on a bank file without importing it.

use serde::Serialize;

use super::suspense_account;
use crate::domain::ids::BookId;
use crate::domain::money::Money;
use crate::import::rules::{decide, ordered};
use crate::service::import::ImportRefusal;
use crate::service::{ServiceError, ServiceResult};
use crate::storage::Store;

/// One part of a line of a file, and where the rules would send it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleTrial {
    pub statement: Option<String>,
    pub line: usize,
    pub part: usize,
    pub date: Option<chrono::NaiveDate>,
    pub amount: Money,
    pub counterparty: Option<String>,
    pub account: String,
    pub rule: Option<String>,
}

/// Tries the rules of `book` on a bank file without importing it: for each booked line of the
/// statements of the book's accounts, the account each part would go to and which rule says so.
pub async fn test_rules(store: &Store, book: BookId, bytes: &[u8]) -> ServiceResult<Vec<RuleTrial>> {
    let file = crate::import::camt::parse(bytes).map_err(|error| {
        ServiceError::Import(Box::new(ImportRefusal::Unreadable {
            file: "the file".into(),
            error,
        }))
    })?;
    let mut tx = store.begin_read().await?;
    let found = tx.book(book).await?;
    let accounts = tx.accounts(book).await?;
    let rules = ordered(tx.rules_for(found.office_id, Some(book)).await?);
    let suspense = suspense_account(&mut tx, book).await?;
    let mut trials = Vec::new();
    for statement in &file.statements {
        let Some(bank) = accounts
            .iter()
            .find(|account| account.iban.as_ref().map(|iban| iban.electronic()) == statement.account_iban.as_deref())
        else {
            continue;
        };
        let lines = crate::import::lines::lines_of(statement, bank.currency).map_err(|error| {
            ServiceError::Import(Box::new(ImportRefusal::Line {
                file: "the file".into(),
                statement: statement.id.clone().unwrap_or_default(),
                error,
            }))
        })?;
        for line in lines
            .iter()
            .filter(|line| line.status == crate::import::statement::EntryStatus::Booked)
        {
            for (index, part) in line.parts.iter().enumerate() {
                let decision = decide(&rules, line, part, &accounts, &suspense);
                trials.push(RuleTrial {
                    statement: statement.id.clone(),
                    line: line.number,
                    part: index + 1,
                    date: line.date(),
                    amount: part.amount,
                    counterparty: part.counterparty_name.clone(),
                    account: decision.account.code.clone(),
                    rule: decision.rule.map(|(id, name)| format!("rule {id} ({name})")),
                });
            }
        }
    }
    Ok(trials)
}
