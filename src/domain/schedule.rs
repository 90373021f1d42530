//! Payment schedules: what a book pays, to whom, how often, from when and until when, and in
//! which order of priority when the money does not cover everything due.
//!
//! A schedule yields *occurrences*: its nominal due dates (the 1st of the month for rent). The
//! execution date a bank sees is the due date rolled to the next TARGET2 business day, which the
//! payment run decides (see `calendar`).

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::Serialize;
use thiserror::Error;

use super::creditor::{PaymentTarget, Remittance};
use super::ids::{AccountId, BookId, CreditorId, ScheduleId};
use super::money::Money;

/// The most occurrences one schedule yields for one run: ten years of weekly pocket money.
pub const OCCURRENCES_PER_RUN_MAX: usize = 520;

/// Which day of the month a monthly, quarterly or yearly payment falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOfMonth {
    /// Day N; in a shorter month, its last day (31 → 30 April, 28 or 29 February).
    Day(u32),
    Last,
}

impl DayOfMonth {
    fn in_month(self, year: i32, month: u32) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(year, month, 1).expect("BUG: months come from a valid date");
        let last = (first + Months::new(1))
            .pred_opt()
            .expect("BUG: a month has a last day");
        match self {
            DayOfMonth::Last => last,
            DayOfMonth::Day(day) => first.with_day(day).unwrap_or(last),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "every")]
pub enum Frequency {
    Once,
    Weekly { weekday: Weekday },
    Monthly { day: DayOfMonth },
    Quarterly { day: DayOfMonth },
    Yearly { day: DayOfMonth },
}

impl Frequency {
    /// From words: `every` is once, weekly, monthly, quarterly or yearly; `day` a weekday (mon…sun)
    /// for weekly, else a day of the month (1–31) or "last".
    pub fn parse(every: &str, day: &str) -> Result<Frequency, ScheduleError> {
        let wrong = || ScheduleError::Frequency {
            every: every.to_owned(),
            day: day.to_owned(),
        };
        let of_month = || match day.trim() {
            "last" => Ok(DayOfMonth::Last),
            number => number.parse().map(DayOfMonth::Day).map_err(|_| wrong()),
        };
        Ok(match every.trim() {
            "once" => Frequency::Once,
            "weekly" => Frequency::Weekly {
                weekday: day.trim().parse::<Weekday>().map_err(|_| wrong())?,
            },
            "monthly" => Frequency::Monthly { day: of_month()? },
            "quarterly" => Frequency::Quarterly { day: of_month()? },
            "yearly" => Frequency::Yearly { day: of_month()? },
            _ => return Err(wrong()),
        })
    }
}

/// When a schedule stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "until")]
pub enum Ending {
    Never,
    /// The last due date is on or before this date.
    On {
        date: NaiveDate,
    },
    After {
        instalments: u32,
    },
    /// A debt plan: it stops once the debt account it pays reaches zero (the payment run caps
    /// the last instalment at what is left).
    Repaid,
}

/// Priority classes, paid in this order when money is short. An office may order its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Priority(u8);

impl Priority {
    pub const HOUSING: Priority = Priority(1);
    pub const ENERGY_AND_WATER: Priority = Priority(2);
    pub const HEALTH: Priority = Priority(3);
    pub const DEBTS: Priority = Priority(4);
    pub const OTHER: Priority = Priority(5);

    pub fn new(class: u8) -> Result<Priority, ScheduleError> {
        (1..=9)
            .contains(&class)
            .then_some(Priority(class))
            .ok_or(ScheduleError::Priority(class))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// The order an office pays its priority classes in: the classes listed first go first; a class
/// not listed keeps its place after the listed ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct PriorityOrder(Vec<u8>);

impl PriorityOrder {
    /// From "1,3,2,4,5": each class 1–9 at most once.
    pub fn parse(text: &str) -> Result<PriorityOrder, ScheduleError> {
        let wrong = || ScheduleError::PriorityOrder(text.to_owned());
        let mut classes = Vec::new();
        for part in text.split(',') {
            let class: u8 = part.trim().parse().map_err(|_| wrong())?;
            if !(1..=9).contains(&class) || classes.contains(&class) {
                return Err(wrong());
            }
            classes.push(class);
        }
        Ok(PriorityOrder(classes))
    }

    /// The place `priority` is paid in: its position in the order, else after every listed class.
    pub fn rank(&self, priority: Priority) -> Priority {
        match self.0.iter().position(|class| *class == priority.get()) {
            Some(position) => Priority(position as u8 + 1),
            None => Priority(priority.get().max(self.0.len() as u8 + 1).min(9)),
        }
    }

    pub fn text(&self) -> String {
        self.0.iter().map(u8::to_string).collect::<Vec<_>>().join(",")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("'{0}' is not an order of priority classes: list classes 1 to 9, each once, e.g. 1,3,2,4,5")]
    PriorityOrder(String),
    #[error("priority class {0} is not one of 1 (housing) to 5 (other), or up to 9 for an office's own classes")]
    Priority(u8),
    #[error(
        "'{every}' on '{day}' is not a frequency: use once, weekly (with a weekday, mon…sun), or monthly, \
         quarterly or yearly (with a day 1-31 or 'last')"
    )]
    Frequency { every: String, day: String },
    #[error("day {0} is not a day of the month; use 1 to 31, or 'last'")]
    Day(u32),
    #[error("a schedule pays a positive amount; {0} is not")]
    Amount(String),
    #[error("the schedule ends ({end}) before it starts ({start})")]
    EndsBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("a schedule that stops after a number of instalments needs at least one")]
    NoInstalments,
    #[error("'until repaid' only makes sense for a payment to a debt account (a target account code such as 2001)")]
    RepaidNeedsDebtAccount,
}

/// A schedule as entered, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewSchedule {
    pub book_id: BookId,
    pub creditor_id: CreditorId,
    /// The money account paying; `None`: the book's first bank account.
    pub debtor_account: Option<AccountId>,
    pub amount: Money,
    pub target: PaymentTarget,
    pub frequency: Frequency,
    pub start: NaiveDate,
    pub ending: Ending,
    pub remittance: Option<Remittance>,
    pub priority: Priority,
    /// The judge must authorise these payments; until the authorisation reference is recorded,
    /// every occurrence is held.
    pub needs_authorisation: bool,
    pub authorisation_ref: Option<String>,
}

impl NewSchedule {
    /// Checks what no database is needed for: a positive amount, a day that exists, an end after
    /// the start, a debt account for a plan that stops when repaid.
    pub fn check(self) -> Result<NewSchedule, ScheduleError> {
        if self.amount.minor() <= 0 {
            return Err(ScheduleError::Amount(self.amount.to_string()));
        }
        if let Frequency::Monthly { day } | Frequency::Quarterly { day } | Frequency::Yearly { day } = self.frequency
            && let DayOfMonth::Day(number) = day
            && !(1..=31).contains(&number)
        {
            return Err(ScheduleError::Day(number));
        }
        match self.ending {
            Ending::On { date } if date < self.start => {
                return Err(ScheduleError::EndsBeforeStart {
                    start: self.start,
                    end: date,
                });
            }
            Ending::After { instalments: 0 } => return Err(ScheduleError::NoInstalments),
            Ending::Repaid if !matches!(self.target, PaymentTarget::Account(_)) => {
                return Err(ScheduleError::RepaidNeedsDebtAccount);
            }
            _ => {}
        }
        Ok(self)
    }
}

/// A stored schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub id: ScheduleId,
    #[serde(flatten)]
    pub details: NewSchedule,
    /// False once stopped by hand (or repaid): it yields nothing more.
    pub active: bool,
}

/// One due payment of a schedule: its nominal due date and its number (1 for the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub due: NaiveDate,
    pub instalment: u32,
}

impl Schedule {
    /// The occurrences due on or before `through`, in order, at most `OCCURRENCES_PER_RUN_MAX`.
    pub fn occurrences_through(&self, through: NaiveDate) -> Vec<Occurrence> {
        let details = &self.details;
        let mut found = Vec::new();
        for instalment in 1.. {
            let Some(due) = nth_due(details.frequency, details.start, instalment) else {
                break;
            };
            let ended = match details.ending {
                Ending::On { date } => due > date,
                Ending::After { instalments } => instalment > instalments,
                Ending::Never | Ending::Repaid => false,
            };
            if due > through || ended || found.len() == OCCURRENCES_PER_RUN_MAX {
                break;
            }
            found.push(Occurrence { due, instalment });
        }
        found
    }
}

/// An income the book expects every month on one account (the pension on the 25th), declared so
/// the forecast shows when money comes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedIncome {
    pub id: i64,
    pub book_id: BookId,
    pub account: AccountId,
    pub name: String,
    pub amount: Money,
    pub day: DayOfMonth,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl ExpectedIncome {
    /// The days it arrives from `from` to `through`, both included.
    pub fn dates_between(&self, from: NaiveDate, through: NaiveDate) -> Vec<NaiveDate> {
        let frequency = Frequency::Monthly { day: self.day };
        let last = self.end.map_or(through, |end| end.min(through));
        (1..)
            .map_while(|number| nth_due(frequency, self.start, number).filter(|date| *date <= last))
            .filter(|date| *date >= from)
            .collect()
    }
}

/// The due date of instalment `number` (1-based), `None` past the calendar or for a second
/// instalment of a one-off payment.
fn nth_due(frequency: Frequency, start: NaiveDate, number: u32) -> Option<NaiveDate> {
    let index = number.checked_sub(1)?;
    let month_step = |months: u32, day: DayOfMonth| {
        // The first due date is the first matching day on or after the start.
        let first_month = start.with_day(1)?;
        let in_start_month = day.in_month(start.year(), start.month());
        let skip = u32::from(in_start_month < start);
        let month = first_month.checked_add_months(Months::new(months.checked_mul(index)? + skip))?;
        Some(day.in_month(month.year(), month.month()))
    };
    match frequency {
        Frequency::Once => (index == 0).then_some(start),
        Frequency::Weekly { weekday } => {
            let ahead = (7 + weekday.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
            start.checked_add_days(chrono::Days::new(u64::from(ahead) + 7 * u64::from(index)))
        }
        Frequency::Monthly { day } => month_step(1, day),
        Frequency::Quarterly { day } => month_step(3, day),
        Frequency::Yearly { day } => month_step(12, day),
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
