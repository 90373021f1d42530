//! When a mandate's accounts are due: its reporting periods, cut by the mandate's period rule,
//! and each period's filing deadline by the jurisdiction's rule unless the mandate overrides it.
//!
//! Rules: France — the annual account reaches the verifier before 30 June of the following year:
//! six months after the period's end (31 December → 30 June). Luxembourg, Germany and
//! elsewhere — the court sets the date; until the office records it on the mandate, gestio
//! assumes three months after the period's end, which the dashboard shows as an assumption.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use super::mandate::{Jurisdiction, Mandate, PeriodRule};
use super::report::Period;

/// Months after a period's end its account is assumed due where the court has not said.
pub const DEFAULT_MONTHS_AFTER: u32 = 3;

/// A period's account and its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub period: Period,
    pub due: NaiveDate,
    /// True when the date comes from gestio's default rather than the law or the court.
    pub assumed: bool,
}

/// The reporting period that contains `date` (from the mandate's start; `None` before it).
pub fn period_containing(mandate: &Mandate, date: NaiveDate) -> Option<Period> {
    let mut period = first_period(mandate);
    if date < period.from {
        return None;
    }
    while period.to < date {
        period = next_period(mandate, period);
    }
    Some(period)
}

fn first_period(mandate: &Mandate) -> Period {
    let from = mandate.start;
    let to = match mandate.period_rule {
        PeriodRule::CalendarYear => NaiveDate::from_ymd_opt(from.year(), 12, 31).expect("BUG: 31 December exists"),
        PeriodRule::JudgmentAnniversary => year_after(from),
    };
    clip(mandate, Period { from, to })
}

fn next_period(mandate: &Mandate, previous: Period) -> Period {
    let from = previous.to + Days::new(1);
    clip(
        mandate,
        Period {
            from,
            to: year_after(from),
        },
    )
}

/// The last day of the year that starts on `from`.
fn year_after(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(12))
        .expect("BUG: dates stay far from chrono's limits")
        - Days::new(1)
}

/// A mandate that ends cuts its last period at its end.
fn clip(mandate: &Mandate, period: Period) -> Period {
    match mandate.end {
        Some(end) if end < period.to => Period { to: end, ..period },
        _ => period,
    }
}

/// The deadline of `period`'s account; `months_after` is the mandate's own rule, when recorded.
pub fn due(jurisdiction: Jurisdiction, period: Period, months_after: Option<u32>) -> Deadline {
    let after = |months: u32| {
        period
            .to
            .checked_add_months(Months::new(months))
            .expect("BUG: dates stay far from chrono's limits")
    };
    let (due, assumed) = match (months_after, jurisdiction) {
        (Some(months), _) => (after(months), false),
        (None, Jurisdiction::Fr) => (after(6), false),
        (None, _) => (after(DEFAULT_MONTHS_AFTER), true),
    };
    Deadline { period, due, assumed }
}

/// The next account to file: the period after `filed_through` (the end of the last filed
/// period), or the first one; `None` once the mandate's last period is filed.
pub fn next_deadline(
    mandate: &Mandate,
    filed_through: Option<NaiveDate>,
    months_after: Option<u32>,
) -> Option<Deadline> {
    let from = filed_through.map_or(mandate.start, |through| through + Days::new(1));
    if mandate.end.is_some_and(|end| from > end) {
        return None;
    }
    let period = period_containing(mandate, from.max(mandate.start))?;
    Some(due(mandate.jurisdiction, period, months_after))
}

#[cfg(test)]
#[path = "deadline_tests.rs"]
mod tests;
