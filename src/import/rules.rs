//! Categorisation rules: which account a bank line goes to.
//!
//! A rule matches on the counterparty's IBAN or name, the remittance text (a substring or a
//! regular expression), the bank transaction code, an amount range and the direction, and names
//! the target: an account code of the book, or a report category (for office-wide rules, which
//! apply to every book). Rules are tried in priority order (lowest first, then the book's own
//! before the office's, then oldest first); the first that matches wins, and the line records
//! which one. A line no rule matches stays on suspense.

use regex::Regex;
use serde::Serialize;
use thiserror::Error;

use super::lines::{LinePart, StatementLine};
use crate::domain::account::{Account, ReportCategory};
use crate::domain::ids::BookId;

/// The longest regular expression accepted, in bytes (a rule is a short pattern, not a program).
pub const RULE_PATTERN_BYTES_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("a rule needs at least one condition (IBAN, name, remittance, bank code, amount or direction)")]
    NoCondition,
    #[error("'{pattern}' is not a valid regular expression: {reason}")]
    BadPattern { pattern: String, reason: String },
    #[error("the direction must be 'in' or 'out', not '{text}'")]
    BadDirection { text: String },
    #[error("the smallest amount is larger than the largest")]
    EmptyRange,
    #[error("{reason}")]
    BadTarget { reason: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    In,
    Out,
}

impl Direction {
    pub fn parse(text: &str) -> Result<Direction, RuleError> {
        match text.trim() {
            "in" => Ok(Direction::In),
            "out" => Ok(Direction::Out),
            other => Err(RuleError::BadDirection { text: other.to_owned() }),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Direction::In => "in",
            Direction::Out => "out",
        }
    }
}

/// Where a matched line goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleTarget {
    /// An account of the book, by code (a book's own rule: its debt 2001, say).
    Account(String),
    /// The book's account of this category (an office-wide rule).
    Category(ReportCategory),
}

/// What a rule looks for. Every condition given must hold.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub counterparty_iban: Option<String>,
    /// Case-insensitive substring of the counterparty's name.
    pub counterparty_name: Option<String>,
    /// Case-insensitive substring of the remittance text.
    pub remittance_contains: Option<String>,
    pub remittance_pattern: Option<Regex>,
    /// A prefix of the bank transaction code, e.g. `PMNT/RCDT`.
    pub bank_code: Option<String>,
    /// Bounds on the part's amount without its sign, in minor units.
    pub amount_min_minor: Option<i64>,
    pub amount_max_minor: Option<i64>,
    pub direction: Option<Direction>,
}

impl Conditions {
    /// Checks the conditions: at least one, a valid pattern, a non-empty range.
    pub fn check(self) -> Result<Conditions, RuleError> {
        let any = self.counterparty_iban.is_some()
            || self.counterparty_name.is_some()
            || self.remittance_contains.is_some()
            || self.remittance_pattern.is_some()
            || self.bank_code.is_some()
            || self.amount_min_minor.is_some()
            || self.amount_max_minor.is_some()
            || self.direction.is_some();
        if !any {
            return Err(RuleError::NoCondition);
        }
        if let (Some(min), Some(max)) = (self.amount_min_minor, self.amount_max_minor)
            && min > max
        {
            return Err(RuleError::EmptyRange);
        }
        Ok(self)
    }

    fn matches(&self, line: &StatementLine, part: &LinePart) -> bool {
        self.matches_part(line.bank_code.as_deref(), part)
    }

    /// Whether a part waiting on suspense matches: its bank code is not kept with it, so a rule
    /// on the bank code never matches a waiting part.
    pub fn matches_waiting(&self, part: &LinePart) -> bool {
        self.bank_code.is_none() && self.matches_part(None, part)
    }

    fn matches_part(&self, bank_code: Option<&str>, part: &LinePart) -> bool {
        let contains = |haystack: Option<&str>, needle: &Option<String>| match needle {
            None => true,
            Some(needle) => haystack.is_some_and(|haystack| haystack.to_lowercase().contains(&needle.to_lowercase())),
        };
        let magnitude = part.amount.minor().unsigned_abs();
        let direction = if part.amount.is_negative() {
            Direction::Out
        } else {
            Direction::In
        };
        self.counterparty_iban
            .as_ref()
            .is_none_or(|iban| part.counterparty_iban.as_deref() == Some(iban.as_str()))
            && contains(part.counterparty_name.as_deref(), &self.counterparty_name)
            && contains(part.remittance.as_deref(), &self.remittance_contains)
            && self
                .remittance_pattern
                .as_ref()
                .is_none_or(|pattern| part.remittance.as_deref().is_some_and(|text| pattern.is_match(text)))
            && self
                .bank_code
                .as_ref()
                .is_none_or(|code| bank_code.is_some_and(|bank| bank.starts_with(code.as_str())))
            && self.amount_min_minor.is_none_or(|min| magnitude >= min.unsigned_abs())
            && self.amount_max_minor.is_none_or(|max| magnitude <= max.unsigned_abs())
            && self.direction.is_none_or(|wanted| wanted == direction)
    }
}

/// Compiles a remittance pattern, bounded in size.
pub fn pattern(text: &str) -> Result<Regex, RuleError> {
    let bad = |reason: String| RuleError::BadPattern {
        pattern: text.to_owned(),
        reason,
    };
    if text.len() > RULE_PATTERN_BYTES_MAX {
        return Err(bad(format!("longer than {RULE_PATTERN_BYTES_MAX} bytes")));
    }
    regex::RegexBuilder::new(text)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .map_err(|error| bad(error.to_string()))
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: i64,
    pub name: String,
    /// `None` for an office-wide rule.
    pub book: Option<BookId>,
    pub priority: i64,
    pub conditions: Conditions,
    pub target: RuleTarget,
}

/// The outcome for one part of a line: the account it goes to and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision<'a> {
    pub account: &'a Account,
    /// `Some((id, name))` of the rule that matched; `None` when the part stays on suspense.
    pub rule: Option<(i64, String)>,
}

/// Rules in the order they are tried.
pub fn ordered(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by_key(|rule| (rule.priority, rule.book.is_none(), rule.id));
    rules
}

/// The account for `part` of `line` in a book with `accounts`: the first rule (of `rules`, in
/// order) that matches and whose target exists in the book, else `suspense`.
pub fn decide<'a>(
    rules: &[Rule],
    line: &StatementLine,
    part: &LinePart,
    accounts: &'a [Account],
    suspense: &'a Account,
) -> Decision<'a> {
    for rule in rules {
        if !rule.conditions.matches(line, part) {
            continue;
        }
        let target = accounts.iter().find(|account| {
            !account.closed
                && account.currency == suspense.currency
                && match &rule.target {
                    RuleTarget::Account(code) => &account.code == code,
                    RuleTarget::Category(category) => account.category == *category,
                }
        });
        if let Some(account) = target {
            return Decision {
                account,
                rule: Some((rule.id, rule.name.clone())),
            };
        }
    }
    Decision {
        account: suspense,
        rule: None,
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
