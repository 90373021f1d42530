//! A suggested account for each waiting line: the first rule that matches it (switched-off rules
//! do not count), else where the last line from the same counterparty went (by IBAN, else by
//! name). A suggestion is only preselected in the form; nothing moves until the person says so.

use std::collections::HashMap;

use super::{is_a_category_target, suspense_account};
use crate::domain::ids::{BookId, OfficeId};
use crate::import::rules::{RuleTarget, ordered};
use crate::service::ServiceResult;
use crate::storage::{Store, SuspenseItem};

/// The suggested account's code per waiting line, keyed by (entry, posting line).
pub async fn suggestions(
    store: &Store,
    office: OfficeId,
    book: BookId,
    items: &[SuspenseItem],
) -> ServiceResult<HashMap<(i64, i64), String>> {
    let mut tx = store.begin_read().await?;
    let suspense = suspense_account(&mut tx, book).await?;
    let accounts = tx.accounts(book).await?;
    let rules = ordered(tx.rules_for(office, Some(book)).await?);
    let history = tx.categorised_history(book, suspense.id).await?;
    tx.commit().await?;
    let usable = |id: i64| {
        accounts
            .iter()
            .find(|account| account.id.get() == id && !account.closed && is_a_category_target(account.category))
    };
    let mut suggested = HashMap::new();
    for item in items {
        let by_rule = rules
            .iter()
            .find(|rule| super::rule_admin::matches(rule, item))
            .and_then(|rule| {
                accounts.iter().find(|account| {
                    !account.closed
                        && match &rule.target {
                            RuleTarget::Account(code) => &account.code == code,
                            RuleTarget::Category(category) => account.category == *category,
                        }
                })
            });
        let same = |iban: &Option<String>, name: &Option<String>| match (&item.counterparty_iban, iban) {
            (Some(wanted), Some(found)) => wanted == found,
            _ => item
                .counterparty_name
                .as_deref()
                .is_some_and(|wanted| name.as_deref().is_some_and(|found| found.eq_ignore_ascii_case(wanted))),
        };
        let by_history = history
            .iter()
            .filter(|(iban, name, _, _)| same(iban, name))
            .max_by_key(|(_, _, _, last)| *last)
            .and_then(|(_, _, account, _)| usable(*account));
        if let Some(account) = by_rule.or(by_history) {
            suggested.insert((item.entry_id, item.line_no), account.code.clone());
        }
    }
    Ok(suggested)
}
