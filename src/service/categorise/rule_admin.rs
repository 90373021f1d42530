//! The rules of one case, as its rules page manages them: each with the waiting lines it
//! matches now; applied to those lines at once; switched off and on; sent elsewhere; deleted.
//! A rule made by mistake (rent booked as a pension) is found and put right here. Rules are
//! settings, not evidence: each line a rule booked keeps the rule's name in its own row.

use chrono::{DateTime, Utc};

use super::{categorisation, is_a_category_target, suspense_account};
use crate::domain::account::Account;
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::money::{Currency, Money};
use crate::import::lines::LinePart;
use crate::import::rules::{Rule, RuleError, RuleTarget};
use crate::service::{ServiceError, ServiceResult};
use crate::storage::{Store, StoreError, SuspenseItem, Tx};

/// A rule as the case's rules page lists it.
#[derive(Debug, Clone)]
pub struct CaseRule {
    pub rule: Rule,
    pub disabled: bool,
    /// The book's account the rule sends lines to; `None` when the book has none.
    pub target: Option<Account>,
    /// Waiting lines of the book the rule matches now.
    pub waiting: usize,
}

/// A case's rules, with what its page offers around them.
#[derive(Debug, Clone)]
pub struct CaseRules {
    pub rules: Vec<CaseRule>,
    /// The accounts a rule may send lines to.
    pub targets: Vec<Account>,
    /// The book's waiting lines.
    pub waiting: usize,
}

/// The rules that apply to `book` of `office` (the office's and the book's own), in the order
/// they are tried, switched off ones too.
pub async fn case_rules(store: &Store, office: OfficeId, book: BookId) -> ServiceResult<CaseRules> {
    let mut tx = store.begin_read().await?;
    let listed = tx.rules_listed(office, book).await?;
    let accounts = tx.accounts(book).await?;
    let suspense = suspense_account(&mut tx, book).await?;
    let waiting = tx.suspense_items(book, suspense.id).await?;
    let mut rules: Vec<CaseRule> = listed
        .into_iter()
        .map(|(rule, disabled)| {
            let target = target_in(&rule.target, &accounts, &suspense).cloned();
            let matching = if target.is_some() {
                waiting.iter().filter(|item| matches(&rule, item)).count()
            } else {
                0
            };
            CaseRule {
                rule,
                disabled,
                target,
                waiting: matching,
            }
        })
        .collect();
    rules.sort_by_key(|listed| (listed.rule.priority, listed.rule.book.is_none(), listed.rule.id));
    let targets = accounts
        .into_iter()
        .filter(|account| !account.closed && is_a_category_target(account.category))
        .collect();
    Ok(CaseRules {
        rules,
        targets,
        waiting: waiting.len(),
    })
}

/// Moves every waiting line of `book` that rule `id` matches to the rule's account, in one db
/// transaction; returns how many.
pub async fn apply_rule(
    store: &Store,
    office: OfficeId,
    book: BookId,
    id: i64,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<usize> {
    let mut tx = store.begin_write().await?;
    tx.lock_book(book).await?;
    let rule = rule_of_case(&mut tx, office, book, id).await?;
    let accounts = tx.accounts(book).await?;
    let suspense = suspense_account(&mut tx, book).await?;
    let target = target_in(&rule.target, &accounts, &suspense)
        .filter(|account| is_a_category_target(account.category))
        .cloned()
        .ok_or_else(|| {
            ServiceError::Rule(RuleError::BadTarget {
                reason: format!("rule {id} sends lines to an account this book does not have"),
            })
        })?;
    let waiting = tx.suspense_items(book, suspense.id).await?;
    let drafts = waiting
        .iter()
        .filter(|item| matches(&rule, item))
        .map(|item| categorisation(book, item, &suspense, &target, author))
        .collect::<ServiceResult<Vec<_>>>()?;
    let count = drafts.len();
    crate::service::ledger::post_entries_in_tx(&mut tx, book, drafts, now).await?;
    tx.commit().await?;
    Ok(count)
}

/// Switches rule `id` off (`disabled`) or on.
pub async fn switch_rule(store: &Store, office: OfficeId, book: BookId, id: i64, disabled: bool) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    rule_of_case(&mut tx, office, book, id).await?;
    tx.set_rule_disabled(office, id, disabled).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_rule(store: &Store, office: OfficeId, book: BookId, id: i64) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    rule_of_case(&mut tx, office, book, id).await?;
    tx.delete_rule(office, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends rule `id`'s lines to account `code` of `book` from now on, tried at `priority`. A rule
/// of the whole office names the account's category, which every book of the office has.
pub async fn change_rule(
    store: &Store,
    office: OfficeId,
    book: BookId,
    id: i64,
    (priority, code): (i64, &str),
) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    let rule = rule_of_case(&mut tx, office, book, id).await?;
    let account = tx.account_by_code(book, code).await?;
    if !is_a_category_target(account.category) {
        return Err(ServiceError::Rule(RuleError::BadTarget {
            reason: format!(
                "account {} ({}) is not where a line's money goes: choose an income, expense, debt or other account",
                account.code, account.name
            ),
        }));
    }
    let target = match rule.book {
        Some(_) => RuleTarget::Account(account.code),
        None => RuleTarget::Category(account.category),
    };
    tx.change_rule(office, id, priority, &target).await?;
    tx.commit().await?;
    Ok(())
}

/// Rule `id` when it applies to `book` of `office`; any other answers as missing.
async fn rule_of_case(tx: &mut Tx, office: OfficeId, book: BookId, id: i64) -> ServiceResult<Rule> {
    tx.rules_listed(office, book)
        .await?
        .into_iter()
        .map(|(rule, _)| rule)
        .find(|rule| rule.id == id)
        .ok_or_else(|| {
            StoreError::NotFound {
                what: "rule",
                id: id.to_string(),
            }
            .into()
        })
}

/// The open account of the book in the suspense account's currency that `target` names.
fn target_in<'a>(target: &RuleTarget, accounts: &'a [Account], suspense: &Account) -> Option<&'a Account> {
    accounts.iter().find(|account| {
        !account.closed
            && account.currency == suspense.currency
            && match target {
                RuleTarget::Account(code) => &account.code == code,
                RuleTarget::Category(category) => account.category == *category,
            }
    })
}

/// Whether `rule` matches the waiting `item`, as it would have matched its line at import.
pub(super) fn matches(rule: &Rule, item: &SuspenseItem) -> bool {
    let Ok(currency) = Currency::parse(&item.currency) else {
        return false;
    };
    // The suspense posting takes the other side of the bank's: money in is negative on it.
    let Some(amount) = item.amount_minor.checked_neg() else {
        return false;
    };
    let part = LinePart {
        amount: Money::from_minor(amount, currency),
        counterparty_name: item.counterparty_name.clone(),
        counterparty_iban: item.counterparty_iban.clone(),
        end_to_end_id: None,
        remittance: item.remittance.clone(),
    };
    rule.conditions.matches_waiting(&part)
}
