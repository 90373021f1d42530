//! The budget plan (*budget prévisionnel*): what a book expects to receive and spend per month, by
//! category, and how the period's actual figures compare with it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use thiserror::Error;

use super::account::ReportCategory;
use super::money::{Currency, Money};
use super::report::Period;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum BudgetError {
    #[error(
        "{amount}: a plan is a monthly amount of zero or more; whether it is money in or out follows from the category"
    )]
    Negative { amount: Money },
    #[error("{amount}: the plan must be in the book's currency, {currency}")]
    OtherCurrency { amount: Money, currency: Currency },
}

/// One category's monthly amount from `valid_from` (the first of a month) on, until a later line
/// of the same category takes over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub category: ReportCategory,
    /// Minor units per month, always positive: income and spending are told apart by category.
    pub monthly: i64,
    pub valid_from: NaiveDate,
}

impl BudgetLine {
    /// A plan line from the month of `from` on, in `currency`, the book's.
    pub fn new(
        category: ReportCategory,
        monthly: Money,
        currency: Currency,
        from: NaiveDate,
    ) -> Result<BudgetLine, BudgetError> {
        if monthly.currency() != currency {
            return Err(BudgetError::OtherCurrency {
                amount: monthly,
                currency,
            });
        }
        if monthly.minor() < 0 {
            return Err(BudgetError::Negative { amount: monthly });
        }
        Ok(BudgetLine {
            category,
            monthly: monthly.minor(),
            valid_from: from.with_day(1).expect("BUG: every month has a first day"),
        })
    }
}

/// Planned against actual for one category over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetComparison {
    pub category: ReportCategory,
    pub planned: i64,
    pub actual: i64,
}

impl BudgetComparison {
    /// Actual minus planned: more income, or more spending, than planned is positive.
    pub fn difference(&self) -> i64 {
        self.actual - self.planned
    }
}

/// The first day of each calendar month the period touches. A month the period only partly
/// covers counts whole: plans are monthly, and periods run from a month's first to a month's end.
fn months(period: Period) -> Vec<NaiveDate> {
    let mut month = period.from.with_day(1).expect("BUG: every month has a first day");
    let mut found = Vec::new();
    while month <= period.to {
        found.push(month);
        month = month
            .checked_add_months(chrono::Months::new(1))
            .expect("BUG: a reporting period ends long before the end of the calendar");
    }
    found
}

/// The plan's amount for `category` over `period`: each month's line in force, summed.
pub fn planned(lines: &[BudgetLine], category: ReportCategory, period: Period) -> i64 {
    months(period)
        .into_iter()
        .map(|month| {
            lines
                .iter()
                .filter(|line| line.category == category && line.valid_from <= month)
                .max_by_key(|line| line.valid_from)
                .map_or(0, |line| line.monthly)
        })
        .sum()
}

/// Every category that is planned or has actual figures, planned against actual (both
/// positive amounts), in category order.
pub fn compare(lines: &[BudgetLine], actual: &BTreeMap<ReportCategory, i64>, period: Period) -> Vec<BudgetComparison> {
    let mut categories: Vec<ReportCategory> = lines.iter().map(|line| line.category).collect();
    categories.extend(actual.keys().copied());
    categories.sort();
    categories.dedup();
    categories
        .into_iter()
        .map(|category| BudgetComparison {
            category,
            planned: planned(lines, category, period),
            actual: actual.get(&category).copied().unwrap_or(0),
        })
        .filter(|comparison| comparison.planned != 0 || comparison.actual != 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn period(from: &str, to: &str) -> Period {
        Period {
            from: date(from),
            to: date(to),
        }
    }

    #[test]
    fn a_later_line_takes_over_from_its_month() {
        let rent = ReportCategory::parse("expense.housing").expect("category");
        let lines = [
            BudgetLine {
                category: rent,
                monthly: 60000,
                valid_from: date("2025-01-01"),
            },
            BudgetLine {
                category: rent,
                monthly: 65000,
                valid_from: date("2025-07-01"),
            },
        ];
        assert_eq!(
            planned(&lines, rent, period("2025-01-01", "2025-12-31")),
            6 * 60000 + 6 * 65000
        );
        assert_eq!(planned(&lines, rent, period("2025-03-01", "2025-03-31")), 60000);
        assert_eq!(planned(&lines, rent, period("2024-12-01", "2024-12-31")), 0);
    }

    #[test]
    fn comparison_lists_planned_and_unplanned_categories() {
        let rent = ReportCategory::parse("expense.housing").expect("category");
        let energy = ReportCategory::parse("expense.energy").expect("category");
        let lines = [BudgetLine {
            category: rent,
            monthly: 60000,
            valid_from: date("2025-01-01"),
        }];
        let actual = BTreeMap::from([(rent, 61000), (energy, 25000)]);
        let compared = compare(&lines, &actual, period("2025-01-01", "2025-01-31"));
        assert_eq!(compared.len(), 2);
        let rent_row = compared.iter().find(|row| row.category == rent).expect("rent");
        assert_eq!(
            (rent_row.planned, rent_row.actual, rent_row.difference()),
            (60000, 61000, 1000)
        );
        let energy_row = compared.iter().find(|row| row.category == energy).expect("energy");
        assert_eq!((energy_row.planned, energy_row.actual), (0, 25000));
    }
}
