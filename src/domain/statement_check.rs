//! A bank statement checked against the book before it is booked: does it start where the book
//! stands, and which of its lines were already booked by hand?
//!
//! A counsellor often types a month's rent or pension in by hand before the bank's statement
//! arrives; importing the statement then would book them twice. A line and a hand-made entry on
//! the same money account match when they move the same amount and lie at most
//! [`MATCH_WINDOW_DAYS`] apart (a transfer typed on the day it was ordered shows on the statement
//! a day or two later). Pure: the service reads the book and asks here.

use chrono::NaiveDate;

use super::ids::EntryId;

/// Calendar days between a line and a hand-made entry within which they may be the same money.
pub const MATCH_WINDOW_DAYS: i64 = 3;

/// A booked line of the incoming statement, not yet in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomingLine {
    pub date: NaiveDate,
    /// Signed minor units, as the bank account moves: money in positive.
    pub amount_minor: i64,
}

/// An entry made by hand that moved the statement's account, and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandEntry {
    pub entry: EntryId,
    pub date: NaiveDate,
    /// The entry's posting on the money account, signed as the account moves.
    pub amount_minor: i64,
}

/// Whether line and entry may be the same money: same amount, close enough in time.
pub fn may_match(line: IncomingLine, entry: &HandEntry) -> bool {
    line.amount_minor == entry.amount_minor && (line.date - entry.date).num_days().abs() <= MATCH_WINDOW_DAYS
}

/// For each line, in order, the hand-made entry proposed as the same money, if any. Each entry
/// is proposed for one line at most; a line takes the closest free entry in time (the earlier
/// one on a tie), so two equal rents a month apart go each to its own month.
pub fn propose_matches(lines: &[IncomingLine], entries: &[HandEntry]) -> Vec<Option<EntryId>> {
    let mut taken = vec![false; entries.len()];
    lines
        .iter()
        .map(|line| {
            let best = entries
                .iter()
                .enumerate()
                .filter(|(index, entry)| !taken[*index] && may_match(*line, entry))
                .min_by_key(|(_, entry)| ((line.date - entry.date).num_days().abs(), entry.date, entry.entry))?;
            taken[best.0] = true;
            Some(best.1.entry)
        })
        .collect()
}

/// What the statement says the account held when it starts, against what the book says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpeningCheck {
    /// The statement's opening balance, and the day it is the balance at the start of.
    pub statement_minor: i64,
    pub date: NaiveDate,
    /// The book's balance of the account over every entry dated before `date`.
    pub book_minor: i64,
}

impl OpeningCheck {
    /// How far the statement is from the book (statement − book); zero when they agree.
    pub fn difference_minor(&self) -> i64 {
        self.statement_minor - self.book_minor
    }

    pub fn agrees(&self) -> bool {
        self.difference_minor() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test dates are ISO dates")
    }

    fn line(date: &str, amount_minor: i64) -> IncomingLine {
        IncomingLine {
            date: day(date),
            amount_minor,
        }
    }

    fn entry(id: i64, date: &str, amount_minor: i64) -> HandEntry {
        HandEntry {
            entry: EntryId::new(id),
            date: day(date),
            amount_minor,
        }
    }

    #[test]
    fn a_line_matches_an_entry_of_the_same_amount_within_three_days_either_side() {
        let rent = entry(1, "2026-03-03", -78_000);
        assert!(may_match(line("2026-03-06", -78_000), &rent));
        assert!(may_match(line("2026-02-28", -78_000), &rent));
        assert!(!may_match(line("2026-03-07", -78_000), &rent));
        assert!(!may_match(line("2026-03-03", -78_001), &rent));
        assert!(
            !may_match(line("2026-03-03", 78_000), &rent),
            "money in never matches money out"
        );
    }

    #[test]
    fn each_entry_is_proposed_once_and_the_closest_in_time_wins() {
        let lines = [
            line("2026-03-04", -78_000),
            line("2026-03-05", -78_000),
            line("2026-03-20", 1_000),
        ];
        let entries = [entry(7, "2026-03-02", -78_000), entry(8, "2026-03-05", -78_000)];
        let proposed = propose_matches(&lines, &entries);
        assert_eq!(proposed, vec![Some(EntryId::new(8)), Some(EntryId::new(7)), None]);
    }

    #[test]
    fn two_equal_rents_a_month_apart_go_each_to_its_own_month() {
        let lines = [line("2026-04-02", -78_000), line("2026-03-02", -78_000)];
        let entries = [entry(1, "2026-03-01", -78_000), entry(2, "2026-04-01", -78_000)];
        assert_eq!(
            propose_matches(&lines, &entries),
            vec![Some(EntryId::new(2)), Some(EntryId::new(1))]
        );
    }

    #[test]
    fn the_opening_check_says_how_far_the_statement_is_from_the_book() {
        let check = OpeningCheck {
            statement_minor: 124_055,
            date: day("2026-03-01"),
            book_minor: 120_000,
        };
        assert_eq!(check.difference_minor(), 4_055);
        assert!(!check.agrees());
        assert!(
            OpeningCheck {
                book_minor: 124_055,
                ..check
            }
            .agrees()
        );
    }
}
