//! Where the reader is: for parsing a value in place and naming the line and element of an error.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::line_at;

/// The deepest path below a statement, balance, entry or detail that holds a field gestio reads
/// (`Stmt/Acct/Id/Othr/Id` is five), with room to spare.
const RELATIVE_DEPTH_MAX: usize = 8;

/// A path relative to an open part, held without allocating.
pub(super) struct Relative<'a> {
    names: [&'a str; RELATIVE_DEPTH_MAX],
    length: usize,
}

impl<'a> Relative<'a> {
    pub fn as_slice(&self) -> &[&'a str] {
        &self.names[..self.length]
    }
}
use crate::import::ImportError;

/// Where the reader is, for parsing values and naming the place of an error.
pub(super) struct Place<'a> {
    pub input: &'a [u8],
    pub offset: u64,
    pub path: &'a [String],
}

impl Place<'_> {
    pub fn line(&self) -> usize {
        let offset = usize::try_from(self.offset).unwrap_or(usize::MAX).min(self.input.len());
        line_at(self.input, offset)
    }

    pub fn path_text(&self) -> String {
        if self.path.is_empty() {
            "the start of the file".to_owned()
        } else {
            self.path.join("/")
        }
    }

    /// The element path from the element opened at `depth` (1-based) down to the current one.
    /// Paths deeper than any field gestio reads come back empty, which matches nothing.
    pub fn below(&self, depth: usize) -> Relative<'_> {
        let tail = &self.path[depth - 1..];
        let mut names = [""; RELATIVE_DEPTH_MAX];
        if tail.len() > RELATIVE_DEPTH_MAX {
            return Relative { names, length: 0 };
        }
        for (slot, name) in names.iter_mut().zip(tail) {
            *slot = name.as_str();
        }
        Relative {
            names,
            length: tail.len(),
        }
    }

    pub fn amount(&self, text: &str) -> Result<Decimal, ImportError> {
        let amount = Decimal::from_str_exact(text).map_err(|_| self.bad_value(text, "an amount"))?;
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(ImportError::NegativeAmount {
                line: self.line(),
                path: self.path_text(),
            });
        }
        Ok(amount)
    }

    /// A `Dt` (`2026-01-31`) or the date part of a `DtTm` (`2026-01-31T23:59:59+01:00`), as written.
    pub fn date(&self, text: &str) -> Result<NaiveDate, ImportError> {
        text.get(..10)
            .and_then(|date| plain_date(date).or_else(|| NaiveDate::from_str(date).ok()))
            .ok_or_else(|| self.bad_value(text, "a date (YYYY-MM-DD)"))
    }

    pub fn bad_value(&self, text: &str, expected: &'static str) -> ImportError {
        ImportError::BadValue {
            line: self.line(),
            path: self.path_text(),
            text: text.to_owned(),
            expected,
        }
    }

    pub fn too_many(&self, what: &'static str, max: usize) -> ImportError {
        ImportError::TooMany {
            line: self.line(),
            path: self.path_text(),
            what,
            max,
        }
    }
}

/// `YYYY-MM-DD` read directly: a statement has several dates per entry, and chrono's general
/// parser was a few per cent of all parsing. Anything else goes to that parser.
fn plain_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0_u32, |value, byte| {
            byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::plain_date;
    use chrono::NaiveDate;

    #[test]
    fn a_plain_date_reads_as_chrono_reads_it() {
        let samples = [
            "2026-01-31",
            "2024-02-29",
            "2025-02-29",
            "2026-13-01",
            "2026-1-031",
            "20260-1-01",
            "2026-01-3x",
            "0000-01-01",
        ];
        for text in samples {
            let chrono = text.parse::<NaiveDate>().ok();
            assert_eq!(plain_date(text).or(chrono), chrono, "{text}");
            if let Some(fast) = plain_date(text) {
                assert_eq!(Some(fast), chrono, "{text}");
            }
        }
        assert_eq!(plain_date("2026-01-31"), NaiveDate::from_ymd_opt(2026, 1, 31));
        assert_eq!(plain_date("2025-02-29"), None, "no such day");
    }
}
