//! Trial balance: every account of a book with its balance; the balances sum to zero per currency.

use std::collections::BTreeMap;

use serde::Serialize;

use super::account::{Account, AccountKind};
use super::ids::AccountId;
use super::money::{Currency, Money, MoneyError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceLine {
    pub account_id: AccountId,
    pub code: String,
    pub name: String,
    pub kind: AccountKind,
    pub category: super::account::ReportCategory,
    /// Signed: debit balances positive, credit balances negative.
    pub balance: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrialBalance {
    pub lines: Vec<BalanceLine>,
}

impl TrialBalance {
    /// Pairs each account with its balance in minor units (zero when absent), in code order.
    pub fn from_totals(accounts: &[Account], totals: &BTreeMap<AccountId, i64>) -> TrialBalance {
        let mut lines: Vec<BalanceLine> = accounts
            .iter()
            .map(|account| BalanceLine {
                account_id: account.id,
                code: account.code.clone(),
                name: account.name.clone(),
                kind: account.kind(),
                category: account.category,
                balance: Money::from_minor(totals.get(&account.id).copied().unwrap_or(0), account.currency),
            })
            .collect();
        lines.sort_by(|left, right| left.code.cmp(&right.code));
        TrialBalance { lines }
    }

    /// The sum of all balances per currency: zero for a sound book.
    pub fn totals(&self) -> Result<BTreeMap<Currency, Money>, MoneyError> {
        let mut totals = BTreeMap::new();
        for line in &self.lines {
            let currency = line.balance.currency();
            let total = totals.entry(currency).or_insert(Money::zero(currency));
            *total = total.checked_add(line.balance)?;
        }
        Ok(totals)
    }

    pub fn is_balanced(&self) -> bool {
        self.totals()
            .is_ok_and(|totals| totals.values().all(|total| total.is_zero()))
    }
}
