//! A filed periodic account: the immutable snapshot sent to the court (DESIGN rule 3), and the
//! court's review of it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use thiserror::Error;

use super::ids::{BookId, FilingId};
use super::mandate::Jurisdiction;
use super::report::Period;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FilingError {
    #[error("the period starts on {from}, after its end on {to}: give the earlier date first")]
    PeriodReversed {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    #[error(
        "the period ends on {to}, which has not passed yet (today is {today}): an account is filed for a period \
         that is over"
    )]
    PeriodNotOver {
        to: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    #[error(
        "the period ends on {to}, but the bank statements imported reach only {reported_through}: import the \
         statements through {to} first, or end the period on {reported_through}"
    )]
    BeyondStatements {
        to: chrono::NaiveDate,
        reported_through: chrono::NaiveDate,
    },
    #[error(
        "the period {from} to {to} overlaps what is filed and locked through {locked_through}: an account is \
         filed once; start the period after {locked_through}, and put corrections into it as adjustments"
    )]
    AlreadyLocked {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        locked_through: chrono::NaiveDate,
    },
    #[error(
        "entry {entry} is dated {date}, outside the locked period (through {locked_through}): correct it \
         with a reversal or a manual entry, not an adjustment"
    )]
    NotLocked {
        entry: super::ids::EntryId,
        date: chrono::NaiveDate,
        locked_through: String,
    },
    #[error("entry {entry} belongs to book {other}, not to book {book}")]
    OtherBook {
        entry: super::ids::EntryId,
        book: BookId,
        other: BookId,
    },
    #[error("'{0}' is not a verdict: use approved or remarks")]
    UnknownVerdict(String),
    #[error("remarks need their text: say what the court asks to be explained or corrected")]
    RemarksWithoutText,
    #[error(
        "entries kept arriving in book {book} while its account was typeset ({attempts} times): file it again \
         once the imports of the moment are done"
    )]
    BookKeptChanging { book: BookId, attempts: u32 },
}

/// What the court said of a filed account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approved,
    Remarks,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Remarks => "remarks",
        }
    }

    pub fn parse(code: &str) -> Result<Verdict, FilingError> {
        match code {
            "approved" => Ok(Verdict::Approved),
            "remarks" => Ok(Verdict::Remarks),
            other => Err(FilingError::UnknownVerdict(other.to_owned())),
        }
    }
}

/// A court's review as recorded: an approval, or remarks with their text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    pub verdict: Verdict,
    pub remarks: Option<String>,
    pub reviewed_at: DateTime<Utc>,
    pub reviewed_by: String,
}

impl Review {
    /// Checks a review before it is recorded: remarks must say something.
    pub fn new(
        verdict: Verdict,
        remarks: Option<String>,
        reviewed_at: DateTime<Utc>,
        reviewed_by: String,
    ) -> Result<Review, FilingError> {
        let remarks = remarks
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty());
        if verdict == Verdict::Remarks && remarks.is_none() {
            return Err(FilingError::RemarksWithoutText);
        }
        Ok(Review {
            verdict,
            remarks,
            reviewed_at,
            reviewed_by,
        })
    }
}

/// A filed account without its (large) PDF and data: what lists and checks need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filing {
    pub id: FilingId,
    pub book: BookId,
    pub period: Period,
    pub layout: Jurisdiction,
    pub language: String,
    pub data_sha256: String,
    pub pdf_sha256: String,
    /// The book's hash-chain head when the account was filed: the ledger it was made from.
    pub chain_sequence: i64,
    pub chain_hash: String,
    pub filed_at: DateTime<Utc>,
    pub filed_by: String,
    /// The court's latest review, if any.
    pub review: Option<Review>,
}

/// Checks that `period` can be an account for the court at all: its dates in order, over by
/// `today`, and within what the bank has reported (`reported_through`, the last day of the
/// book's imported statements; `None` for a book kept by hand). Filing a period that is not over,
/// or that the statements do not cover, locks days whose money is not known yet.
pub fn check_period(
    period: Period,
    today: chrono::NaiveDate,
    reported_through: Option<chrono::NaiveDate>,
) -> Result<(), FilingError> {
    if period.from > period.to {
        return Err(FilingError::PeriodReversed {
            from: period.from,
            to: period.to,
        });
    }
    if period.to > today {
        return Err(FilingError::PeriodNotOver { to: period.to, today });
    }
    match reported_through {
        Some(reported_through) if period.to > reported_through => Err(FilingError::BeyondStatements {
            to: period.to,
            reported_through,
        }),
        _ => Ok(()),
    }
}

/// Checks that `period` may be filed on a book locked through `locked_through`: an account is
/// filed once, so a period must start after everything already locked.
pub fn check_can_file(period: Period, locked_through: Option<chrono::NaiveDate>) -> Result<(), FilingError> {
    match locked_through {
        Some(locked_through) if period.from <= locked_through => Err(FilingError::AlreadyLocked {
            from: period.from,
            to: period.to,
            locked_through,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    #[test]
    fn a_period_is_filed_once() {
        let year = Period {
            from: date("2025-01-01"),
            to: date("2025-12-31"),
        };
        assert_eq!(check_can_file(year, None), Ok(()));
        assert_eq!(check_can_file(year, Some(date("2024-12-31"))), Ok(()));
        for locked in ["2025-01-01", "2025-06-30", "2025-12-31", "2026-03-31"] {
            assert!(matches!(
                check_can_file(year, Some(date(locked))),
                Err(FilingError::AlreadyLocked { .. })
            ));
        }
    }

    #[test]
    fn a_period_is_filed_in_order_once_over_and_within_the_statements() {
        let june = Period {
            from: date("2026-06-01"),
            to: date("2026-06-30"),
        };
        assert_eq!(check_period(june, date("2026-07-01"), Some(date("2026-06-30"))), Ok(()));
        assert_eq!(
            check_period(june, date("2026-06-30"), None),
            Ok(()),
            "by hand: no statements"
        );
        let reversed = Period {
            from: june.to,
            to: june.from,
        };
        assert!(matches!(
            check_period(reversed, date("2026-12-02"), None),
            Err(FilingError::PeriodReversed { .. })
        ));
        assert_eq!(
            check_period(june, date("2026-06-29"), None),
            Err(FilingError::PeriodNotOver {
                to: june.to,
                today: date("2026-06-29")
            })
        );
        assert_eq!(
            check_period(june, date("2026-12-02"), Some(date("2026-05-31"))),
            Err(FilingError::BeyondStatements {
                to: june.to,
                reported_through: date("2026-05-31")
            })
        );
    }

    #[test]
    fn remarks_need_text_and_approval_does_not() {
        let now = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("test time");
        assert_eq!(
            Review::new(Verdict::Remarks, Some("  ".to_owned()), now, "clerk".to_owned()),
            Err(FilingError::RemarksWithoutText)
        );
        let approved = Review::new(Verdict::Approved, None, now, "clerk".to_owned()).expect("approval");
        assert_eq!(approved.remarks, None);
        assert_eq!(Verdict::parse("remarks"), Ok(Verdict::Remarks));
        assert!(Verdict::parse("rejected").is_err());
    }
}
