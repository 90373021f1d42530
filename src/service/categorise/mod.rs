//! Categorising bank lines: rules, the suspense list, and moving a suspense posting to its
//! account with a correcting entry (never an edit), optionally making the decision a rule.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{ServiceError, ServiceResult};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, EntryId, OfficeId};
use crate::domain::ledger::{EntryDraft, EntryRejection, EntrySource, JournalEntry, Posting};
use crate::domain::money::{Currency, Money};
use crate::import::rules::{Conditions, Rule, RuleTarget, ordered};
use crate::storage::{NewRule, Store, StoreError, SuspenseItem, Tx, categorise_reference};

mod rule_admin;
mod suggest;
mod trial;
pub use rule_admin::{CaseRule, CaseRules, apply_rule, case_rules, change_rule, delete_rule, switch_rule};
pub use suggest::suggestions;
pub use trial::{RuleTrial, test_rules};

/// The default priority of a rule: room before and after it.
pub const RULE_PRIORITY_DEFAULT: i64 = 100;

/// A rule as listed.
#[derive(Debug, Clone, Serialize)]
pub struct RuleView {
    pub id: i64,
    pub name: String,
    pub book: Option<BookId>,
    pub priority: i64,
    pub conditions: String,
    pub target: RuleTarget,
}

impl From<&Rule> for RuleView {
    fn from(rule: &Rule) -> RuleView {
        let conditions = &rule.conditions;
        let mut described = Vec::new();
        let mut add = |label: &str, value: Option<String>| {
            if let Some(value) = value {
                described.push(format!("{label} {value}"));
            }
        };
        add("IBAN is", conditions.counterparty_iban.clone());
        add("name contains", conditions.counterparty_name.clone());
        add("remittance contains", conditions.remittance_contains.clone());
        add(
            "remittance matches",
            conditions
                .remittance_pattern
                .as_ref()
                .map(|pattern| pattern.as_str().to_owned()),
        );
        add("bank code starts with", conditions.bank_code.clone());
        add(
            "amount at least (cents)",
            conditions.amount_min_minor.map(|minor| minor.to_string()),
        );
        add(
            "amount at most (cents)",
            conditions.amount_max_minor.map(|minor| minor.to_string()),
        );
        add(
            "direction",
            conditions.direction.map(|direction| direction.code().to_owned()),
        );
        RuleView {
            id: rule.id,
            name: rule.name.clone(),
            book: rule.book,
            priority: rule.priority,
            conditions: described.join(", "),
            target: rule.target.clone(),
        }
    }
}

/// Adds a rule for the office's books (`book` None) or for one book. An account target must
/// exist in that book; a category target must be an income, expense or debt category.
#[allow(clippy::too_many_arguments)]
pub async fn add_rule(
    store: &Store,
    office: OfficeId,
    book: Option<BookId>,
    name: &str,
    priority: i64,
    conditions: Conditions,
    target: RuleTarget,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<RuleView> {
    let conditions = conditions.check().map_err(ServiceError::Rule)?;
    let mut tx = store.begin_write().await?;
    tx.office(office).await?;
    check_target(&mut tx, office, book, &target).await?;
    let new = NewRule {
        office,
        book,
        name: name.trim(),
        priority,
        conditions: &conditions,
        target: &target,
        author,
    };
    let id = tx.insert_rule(&new, now).await?;
    tx.commit().await?;
    Ok(RuleView::from(&Rule {
        id,
        name: name.trim().to_owned(),
        book,
        priority,
        conditions,
        target,
    }))
}

async fn check_target(tx: &mut Tx, office: OfficeId, book: Option<BookId>, target: &RuleTarget) -> ServiceResult<()> {
    let invalid = |reason: String| ServiceError::Rule(crate::import::rules::RuleError::BadTarget { reason });
    if let Some(book) = book {
        let found = tx.book(book).await?;
        if found.office_id != office {
            return Err(StoreError::NotFound {
                what: "book of this office",
                id: book.to_string(),
            }
            .into());
        }
    }
    match (target, book) {
        (RuleTarget::Account(code), Some(book)) => {
            tx.account_by_code(book, code).await?;
        }
        (RuleTarget::Account(_), None) => {
            return Err(invalid(
                "an office-wide rule targets a category: account codes differ between books".into(),
            ));
        }
        (RuleTarget::Category(category), _) => {
            if category.is_money() || matches!(category, ReportCategory::Suspense | ReportCategory::OpeningEquity) {
                return Err(invalid(format!("a rule cannot send lines to {category}")));
            }
        }
    }
    Ok(())
}

pub async fn rules(store: &Store, office: OfficeId, book: Option<BookId>) -> ServiceResult<Vec<RuleView>> {
    let mut tx = store.begin_read().await?;
    let rules = ordered(tx.rules_for(office, book).await?);
    Ok(rules.iter().map(RuleView::from).collect())
}

/// The suspense postings of a book's imported lines still waiting for a category.
pub async fn suspense(store: &Store, book: BookId) -> ServiceResult<Vec<SuspenseItem>> {
    let mut tx = store.begin_read().await?;
    let suspense = suspense_account(&mut tx, book).await?;
    Ok(tx.suspense_items(book, suspense.id).await?)
}

async fn suspense_account(tx: &mut Tx, book: BookId) -> ServiceResult<crate::domain::account::Account> {
    let accounts = tx.accounts(book).await?;
    let found = accounts
        .into_iter()
        .find(|account| account.category == ReportCategory::Suspense);
    Ok(found.ok_or_else(|| StoreError::NotFound {
        what: "suspense account of book",
        id: book.to_string(),
    })?)
}

/// What `categorise` did: the correcting entry, and the rule made from it, if asked.
#[derive(Debug, Clone, Serialize)]
pub struct Categorised {
    pub entry: JournalEntry,
    pub rule: Option<RuleView>,
}

/// Moves suspense posting `line_no` of imported entry `entry` to the account `code`, with an
/// entry dated like the original. With `make_rule`, future lines from the same counterparty
/// (by IBAN, else by name) go to that account by themselves.
#[allow(clippy::too_many_arguments)]
pub async fn categorise(
    store: &Store,
    book: BookId,
    entry: EntryId,
    line_no: i64,
    code: &str,
    make_rule: bool,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Categorised> {
    let mut tx = store.begin_write().await?;
    let found = tx.book(book).await?;
    let suspense = suspense_account(&mut tx, book).await?;
    let item = tx
        .suspense_item(book, suspense.id, entry, line_no)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "uncategorised suspense posting",
            id: format!("{line_no} of entry {entry} in book {book}"),
        })?;
    let target = category_target(&mut tx, book, code).await?;
    let draft = categorisation(book, &item, &suspense, &target, author)?;
    let id = super::ledger::post_entries_in_tx(&mut tx, book, vec![draft], now)
        .await?
        .remove(0);
    let rule = if make_rule {
        Some(rule_from(&mut tx, &item, found.office_id, book, &target.code, author, now).await?)
    } else {
        None
    };
    let entry = tx.entry(id).await?;
    tx.commit().await?;
    Ok(Categorised { entry, rule })
}

/// Moves the waiting `lines` of `book` to the account `code` together: all of them, or none
/// when one is not waiting any more (categorised meanwhile) or the target is refused.
pub async fn categorise_many(
    store: &Store,
    book: BookId,
    lines: &[(EntryId, i64)],
    code: &str,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<usize> {
    let mut tx = store.begin_write().await?;
    let suspense = suspense_account(&mut tx, book).await?;
    let target = category_target(&mut tx, book, code).await?;
    let mut drafts = Vec::with_capacity(lines.len());
    // Each line looked for by its own key: listing the book's waiting lines instead grew with
    // the book (benches/RESULTS.md).
    for (entry, line_no) in lines {
        let item = tx
            .suspense_item(book, suspense.id, *entry, *line_no)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: "uncategorised suspense posting",
                id: format!("{line_no} of entry {entry} in book {book}"),
            })?;
        drafts.push(categorisation(book, &item, &suspense, &target, author)?);
    }
    let count = drafts.len();
    super::ledger::post_entries_in_tx(&mut tx, book, drafts, now).await?;
    tx.commit().await?;
    Ok(count)
}

/// The account `code` of `book`, when a waiting line may be moved there.
async fn category_target(tx: &mut Tx, book: BookId, code: &str) -> ServiceResult<crate::domain::account::Account> {
    let target = tx.account_by_code(book, code).await?;
    if !is_a_category_target(target.category) {
        // Moving a line to suspense again, or to the opening balance, hides it without placing it.
        return Err(ServiceError::Rule(crate::import::rules::RuleError::BadTarget {
            reason: format!(
                "account {} ({}) is not where a line's money goes: choose an income, expense, debt or other account",
                target.code, target.name
            ),
        }));
    }
    Ok(target)
}

/// The entry that moves the waiting `item` from suspense to `target`, dated like the line.
fn categorisation(
    book: BookId,
    item: &SuspenseItem,
    suspense: &crate::domain::account::Account,
    target: &crate::domain::account::Account,
    author: &str,
) -> ServiceResult<EntryDraft> {
    let currency = Currency::parse(&item.currency)?;
    let amount = Money::from_minor(item.amount_minor, currency);
    Ok(EntryDraft {
        book_id: book,
        date: item.entry_date,
        description: format!("Categorised as {}: {}", target.name, item.description)
            .chars()
            .take(crate::domain::ledger::DESCRIPTION_LENGTH_MAX)
            .collect(),
        source: EntrySource::Manual,
        source_ref: Some(categorise_reference(EntryId::new(item.entry_id), item.line_no)),
        receipt: None,
        author: author.to_owned(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: suspense.id,
                amount: amount
                    .checked_neg()
                    .map_err(|_| EntryRejection::Overflow { currency })?,
            },
            Posting {
                account_id: target.id,
                amount,
            },
        ],
    })
}

async fn rule_from(
    tx: &mut Tx,
    item: &SuspenseItem,
    office: OfficeId,
    book: BookId,
    code: &str,
    author: &str,
    now: DateTime<Utc>,
) -> ServiceResult<RuleView> {
    let conditions = match (&item.counterparty_iban, &item.counterparty_name) {
        (Some(iban), _) => Conditions {
            counterparty_iban: Some(iban.clone()),
            ..Conditions::default()
        },
        (None, Some(name)) => Conditions {
            counterparty_name: Some(name.clone()),
            ..Conditions::default()
        },
        (None, None) => return Err(ServiceError::Rule(crate::import::rules::RuleError::NoCondition)),
    };
    let name = format!(
        "{} → {code}",
        item.counterparty_name
            .as_deref()
            .or(item.counterparty_iban.as_deref())
            .unwrap_or("line")
    );
    let target = RuleTarget::Account(code.to_owned());
    let new = NewRule {
        office,
        book: Some(book),
        name: &name,
        priority: RULE_PRIORITY_DEFAULT,
        conditions: &conditions,
        target: &target,
        author,
    };
    let id = tx.insert_rule(&new, now).await?;
    Ok(RuleView::from(&Rule {
        id,
        name,
        book: Some(book),
        priority: RULE_PRIORITY_DEFAULT,
        conditions,
        target,
    }))
}

/// The accounts a waiting line may be moved to: anything but suspense itself, the opening
/// balance and the money accounts (whose movements the bank line already is).
pub fn is_a_category_target(category: crate::domain::account::ReportCategory) -> bool {
    use crate::domain::account::ReportCategory;
    !category.is_money() && !matches!(category, ReportCategory::Suspense | ReportCategory::OpeningEquity)
}
