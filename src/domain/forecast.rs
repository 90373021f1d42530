//! The forecast of a book's money accounts: each account's balance day by day over the coming
//! days, from today's booked balance, the payments that will leave it (orders on their way,
//! schedules' coming occurrences) and the incomes expected on it (the pension on the 25th),
//! with the first day it would fall below the book's reserve.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::ids::AccountId;

/// The longest forecast asked for: a year.
pub const FORECAST_DAYS_MAX: u32 = 366;

/// Money expected to move on an account on a day: negative out, positive in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub account: AccountId,
    pub date: NaiveDate,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayBalance {
    pub date: NaiveDate,
    /// Minor units, at the end of the day.
    pub balance: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountForecast {
    pub account: AccountId,
    /// One per day from today, `days` + 1 of them.
    pub days: Vec<DayBalance>,
    /// The first day the balance is below the reserve, if any.
    pub first_shortfall: Option<DayBalance>,
}

/// Folds `movements` over `days` days from `today` for each account of `balances` (today's booked
/// balance). Movements dated before today count today (an order late on the statement still
/// leaves); those after the horizon are ignored.
pub fn project(
    today: NaiveDate,
    days: u32,
    balances: &BTreeMap<AccountId, i64>,
    movements: &[Movement],
    reserve: i64,
) -> Vec<AccountForecast> {
    let days = days.min(FORECAST_DAYS_MAX);
    let horizon = today + Days::new(u64::from(days));
    let mut by_day: BTreeMap<(AccountId, NaiveDate), i64> = BTreeMap::new();
    for movement in movements.iter().filter(|movement| movement.date <= horizon) {
        *by_day.entry((movement.account, movement.date.max(today))).or_default() += movement.amount;
    }
    balances
        .iter()
        .map(|(&account, &opening)| {
            let mut balance = opening;
            let mut first_shortfall = None;
            let days = (0..=u64::from(days))
                .map(|offset| {
                    let date = today + Days::new(offset);
                    balance += by_day.get(&(account, date)).copied().unwrap_or(0);
                    let day = DayBalance { date, balance };
                    if balance < reserve && first_shortfall.is_none() {
                        first_shortfall = Some(day.clone());
                    }
                    day
                })
                .collect();
            AccountForecast {
                account,
                days,
                first_shortfall,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn rent_before_the_pension_shows_the_first_shortfall() {
        let account = AccountId::new(1);
        let movements = [
            Movement {
                account,
                date: date("2026-12-01"),
                amount: -85_000,
            },
            Movement {
                account,
                date: date("2026-11-20"),
                amount: -5_000,
            }, // a late order: today
            Movement {
                account,
                date: date("2026-11-25"),
                amount: 120_000,
            },
            Movement {
                account,
                date: date("2027-12-01"),
                amount: -1,
            }, // beyond the horizon
        ];
        let forecast = project(
            date("2026-11-23"),
            30,
            &BTreeMap::from([(account, 10_000)]),
            &movements,
            1_000,
        );
        let days = &forecast[0].days;
        assert_eq!(days.len(), 31);
        assert_eq!(days[0].balance, 5_000);
        assert_eq!(days[2].balance, 125_000);
        assert_eq!(days.last().map(|day| day.balance), Some(40_000));
        assert_eq!(forecast[0].first_shortfall, None);
        let tight = project(
            date("2026-11-23"),
            30,
            &BTreeMap::from([(account, 10_000)]),
            &movements[..1],
            1_000,
        );
        assert_eq!(
            tight[0].first_shortfall.as_ref().map(|day| day.date),
            Some(date("2026-12-01"))
        );
    }
}
