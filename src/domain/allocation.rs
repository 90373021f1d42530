//! Deciding which due payments a run orders, when the money may not cover them all.
//!
//! Per paying account, payments are taken by priority class (housing first), then due date. Each
//! is ordered when it fits in what is still available; once one does not fit, it and everything
//! after it on that account is held: paying the energy bill with the money short for the rent
//! would leave the rent unpaid next time too, so a lower class never overtakes a higher one.
//! A run therefore never plans a balance below zero (or below the agreed overdraft).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::ids::{AccountId, ScheduleId};
use super::schedule::Priority;

/// One due payment, as the run sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub account: AccountId,
    pub priority: Priority,
    pub due: NaiveDate,
    pub schedule: ScheduleId,
    /// Positive, in minor units.
    pub amount: i64,
    /// False while a payment needing the judge's authorisation has none recorded.
    pub authorised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum Decision {
    Order,
    Hold { reason: HoldReason },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// It does not fit in what the account has left (minor units available when it came up).
    InsufficientFunds {
        available: i64,
    },
    /// A payment before it on the same account did not fit.
    BehindAnUnpaidPayment,
    AwaitingAuthorisation,
}

impl HoldReason {
    /// The reason's code, kept with the hold so pages say it in the reader's words.
    pub fn code(&self) -> &'static str {
        match self {
            HoldReason::InsufficientFunds { .. } => "insufficient_funds",
            HoldReason::BehindAnUnpaidPayment => "behind_unpaid",
            HoldReason::AwaitingAuthorisation => "awaiting_authorisation",
        }
    }

    /// What was available, for insufficient funds.
    pub fn available(&self) -> Option<i64> {
        match self {
            HoldReason::InsufficientFunds { available } => Some(*available),
            _ => None,
        }
    }

    /// In words, for the run's report and the dashboard.
    pub fn describe(&self, currency: super::money::Currency) -> String {
        match self {
            HoldReason::InsufficientFunds { available } => format!(
                "insufficient funds: {} available",
                super::money::Money::from_minor(*available, currency)
            ),
            HoldReason::BehindAnUnpaidPayment => {
                "insufficient funds: held behind a payment of higher priority that could not be made".to_owned()
            }
            HoldReason::AwaitingAuthorisation => "awaiting the judge's authorisation".to_owned(),
        }
    }
}

/// The decision for each candidate, in the order given; `available` is what each account may
/// still pay (balance + agreed overdraft − payments already promised − reserve).
pub fn allocate(candidates: &[Candidate], available: &BTreeMap<AccountId, i64>) -> Vec<Decision> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&index| {
        let candidate = &candidates[index];
        (candidate.account, candidate.priority, candidate.due, candidate.schedule)
    });
    let mut left = available.clone();
    let mut blocked: BTreeSet<AccountId> = BTreeSet::new();
    let mut decisions = vec![Decision::Order; candidates.len()];
    for index in order {
        let candidate = &candidates[index];
        let funds = left.entry(candidate.account).or_insert(0);
        decisions[index] = if !candidate.authorised {
            Decision::Hold {
                reason: HoldReason::AwaitingAuthorisation,
            }
        } else if blocked.contains(&candidate.account) {
            Decision::Hold {
                reason: HoldReason::BehindAnUnpaidPayment,
            }
        } else if candidate.amount <= *funds {
            *funds -= candidate.amount;
            Decision::Order
        } else {
            blocked.insert(candidate.account);
            Decision::Hold {
                reason: HoldReason::InsufficientFunds { available: *funds },
            }
        };
    }
    decisions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(account: i64, priority: u8, day: u32, amount: i64) -> Candidate {
        Candidate {
            account: AccountId::new(account),
            priority: Priority::new(priority).expect("a priority"),
            due: NaiveDate::from_ymd_opt(2026, 12, day).expect("a date"),
            schedule: ScheduleId::new(i64::from(priority) * 100 + i64::from(day)),
            amount,
            authorised: true,
        }
    }

    #[test]
    fn rent_is_paid_first_and_what_does_not_fit_is_held() {
        let candidates = [
            candidate(1, 5, 1, 5_000),  // pocket money
            candidate(1, 1, 1, 65_000), // rent
            candidate(1, 2, 3, 8_000),  // energy
            candidate(1, 4, 2, 20_000), // debt instalment
        ];
        let available = BTreeMap::from([(AccountId::new(1), 80_000)]);
        let decisions = allocate(&candidates, &available);
        assert_eq!(decisions[1], Decision::Order);
        assert_eq!(decisions[2], Decision::Order);
        assert_eq!(
            decisions[3],
            Decision::Hold {
                reason: HoldReason::InsufficientFunds { available: 7_000 }
            }
        );
        // 5,000 would fit in the 7,000 left, but it must not overtake the debt instalment.
        assert_eq!(
            decisions[0],
            Decision::Hold {
                reason: HoldReason::BehindAnUnpaidPayment
            }
        );
    }

    #[test]
    fn an_unauthorised_payment_is_held_without_blocking_the_others() {
        let mut needing = candidate(1, 1, 1, 10_000);
        needing.authorised = false;
        let candidates = [needing, candidate(1, 3, 2, 10_000)];
        let decisions = allocate(&candidates, &BTreeMap::from([(AccountId::new(1), 15_000)]));
        assert_eq!(
            decisions,
            [
                Decision::Hold {
                    reason: HoldReason::AwaitingAuthorisation
                },
                Decision::Order
            ]
        );
    }

    #[test]
    fn accounts_are_funded_separately_and_never_planned_below_zero() {
        let candidates = [candidate(1, 1, 1, 100), candidate(2, 1, 1, 100), candidate(2, 1, 2, 1)];
        let available = BTreeMap::from([(AccountId::new(1), 100), (AccountId::new(2), 100)]);
        let decisions = allocate(&candidates, &available);
        assert_eq!(decisions[..2], [Decision::Order, Decision::Order]);
        assert!(matches!(decisions[2], Decision::Hold { .. }));
        // An account with nothing available pays nothing.
        let decisions = allocate(&[candidate(3, 1, 1, 1)], &BTreeMap::new());
        assert!(matches!(decisions[0], Decision::Hold { .. }));
    }
}
