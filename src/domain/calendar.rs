//! Business-day calendars, computed for any year rather than typed in: TARGET2 (the days SEPA
//! credit transfers are executed) and Luxembourg's public holidays (the office's own deadlines).
//!
//! Easter comes from the Gregorian computus; every other holiday is a fixed date or an offset from
//! Easter. A payment due on a closing day is executed on the next open one, never earlier: paying
//! a creditor early could leave the account short for something due before.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Which days are open for business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// The Eurosystem's settlement calendar: closed on weekends, 1 January, Good Friday, Easter
    /// Monday, 1 May, 25 and 26 December.
    Target2,
    /// Luxembourg public holidays (Code du travail art. L.232-2) and weekends.
    Luxembourg,
}

/// Easter Sunday of `year` (Gregorian). `None` outside the years the computus is defined for
/// (1583–9999), which no payment date reaches.
pub fn easter(year: i32) -> Option<NaiveDate> {
    computus::gregorian_naive(year).ok()
}

impl Calendar {
    /// True when `date` is a weekend day or a holiday of this calendar.
    pub fn is_closed(self, date: NaiveDate) -> bool {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || self.is_holiday(date)
    }

    /// True when `date` is a holiday of this calendar (whatever the weekday).
    pub fn is_holiday(self, date: NaiveDate) -> bool {
        let fixed = match self {
            Calendar::Target2 => [(1, 1), (5, 1), (12, 25), (12, 26)].as_slice(),
            Calendar::Luxembourg => [(1, 1), (5, 1), (5, 9), (6, 23), (8, 15), (11, 1), (12, 25), (12, 26)].as_slice(),
        };
        if fixed.contains(&(date.month(), date.day())) {
            return true;
        }
        let Some(easter) = easter(date.year()) else {
            return false;
        };
        // Offsets from Easter Sunday, in days.
        let movable: &[i64] = match self {
            // Good Friday, Easter Monday.
            Calendar::Target2 => &[-2, 1],
            // Easter Monday, Ascension Day, Whit Monday.
            Calendar::Luxembourg => &[1, 39, 50],
        };
        movable.contains(&(date - easter).num_days())
    }

    /// `date` when open, else the next open day.
    pub fn roll_forward(self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while self.is_closed(day) {
            day = day + Days::new(1);
        }
        day
    }

    /// The open day `count` open days after `date` (`count` = 0 gives `roll_forward(date)`).
    pub fn add_business_days(self, date: NaiveDate, count: u32) -> NaiveDate {
        let mut day = self.roll_forward(date);
        for _ in 0..count {
            day = self.roll_forward(day + Days::new(1));
        }
        day
    }
}

/// The time zone an office of `country` (ISO 3166 alpha-2) keeps its days in; UTC for a country
/// gestio has no office in yet.
pub fn time_zone_of(country: &str) -> chrono_tz::Tz {
    match country {
        "LU" => chrono_tz::Europe::Luxembourg,
        "FR" => chrono_tz::Europe::Paris,
        "DE" => chrono_tz::Europe::Berlin,
        "BE" => chrono_tz::Europe::Brussels,
        "SE" => chrono_tz::Europe::Stockholm,
        "PT" => chrono_tz::Europe::Lisbon,
        _ => chrono_tz::UTC,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        // Dates from the published Easter tables: the algorithm, not a list, produces them.
        for (year, month, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter(year), Some(date(year, month, day)), "Easter {year}");
        }
    }

    #[test]
    fn target2_closes_on_good_friday_and_easter_monday_as_easter_moves() {
        for year in 2000..=2100 {
            let sunday = easter(year).expect("Easter is defined");
            assert_eq!(sunday.weekday(), Weekday::Sun, "{year}");
            assert!(Calendar::Target2.is_closed(sunday - Days::new(2)), "Good Friday {year}");
            assert!(
                Calendar::Target2.is_closed(sunday + Days::new(1)),
                "Easter Monday {year}"
            );
            assert!(
                !Calendar::Target2.is_closed(sunday + Days::new(2)),
                "Easter Tuesday {year}"
            );
            // Ascension is a Luxembourg holiday, not a TARGET2 one, except when it falls on 1 May
            // (2008, 2035…), which both keep.
            let ascension = sunday + Days::new(39);
            assert!(Calendar::Luxembourg.is_closed(ascension));
            let may_day = (ascension.month(), ascension.day()) == (5, 1);
            assert_eq!(Calendar::Target2.is_closed(ascension), may_day, "Ascension {year}");
        }
    }

    #[test]
    fn a_payment_due_on_a_closing_day_rolls_to_the_next_open_day() {
        // 1 May 2027 is a Saturday: Monday 3 May is open.
        assert_eq!(Calendar::Target2.roll_forward(date(2027, 5, 1)), date(2027, 5, 3));
        // 1 May 2026 is a Friday: the next open day is Monday 4 May.
        assert_eq!(Calendar::Target2.roll_forward(date(2026, 5, 1)), date(2026, 5, 4));
        // Good Friday 2026 (3 April) to Tuesday 7 April, past Easter Monday.
        assert_eq!(Calendar::Target2.roll_forward(date(2026, 4, 3)), date(2026, 4, 7));
        // Christmas Eve 2027 is a Friday, 25 and 26 December a weekend: Monday 27 December.
        assert_eq!(Calendar::Target2.roll_forward(date(2027, 12, 25)), date(2027, 12, 27));
        // An open day stays put.
        assert_eq!(Calendar::Target2.roll_forward(date(2026, 11, 23)), date(2026, 11, 23));
    }

    #[test]
    fn luxembourg_keeps_its_own_holidays() {
        // National day, Europe day, Ascension, Whit Monday, Assumption, All Saints' Day of 2026.
        for day in [
            date(2026, 6, 23),
            date(2026, 5, 9),
            date(2026, 5, 14),
            date(2026, 5, 25),
            date(2026, 8, 15),
            date(2026, 11, 1),
        ] {
            assert!(Calendar::Luxembourg.is_holiday(day), "{day}");
        }
        assert!(!Calendar::Luxembourg.is_holiday(date(2026, 8, 17)));
        assert!(!Calendar::Target2.is_closed(date(2026, 6, 23)));
        assert_eq!(Calendar::Luxembourg.roll_forward(date(2026, 5, 9)), date(2026, 5, 11));
    }

    #[test]
    fn business_days_are_counted_over_holidays() {
        // Thursday 24 December 2026 + 1 open day: 25 (Fri) and 26 (Sat) and 27 (Sun) are closed.
        assert_eq!(
            Calendar::Target2.add_business_days(date(2026, 12, 24), 1),
            date(2026, 12, 28)
        );
        assert_eq!(
            Calendar::Target2.add_business_days(date(2026, 11, 20), 5),
            date(2026, 11, 27)
        );
    }
}
