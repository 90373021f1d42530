//! Money as an integer count of a currency's minor unit (cents for EUR), never a float.
//!
//! Decimal text is parsed here and only here; an amount with more decimals than its currency has
//! is refused rather than rounded, because a rounded cent is a cent nobody can account for.
//! Arithmetic is checked: an overflow is an error, never a wrap.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};
use thiserror::Error;

/// The longest amount text we accept, in characters: no real amount needs more.
pub const AMOUNT_TEXT_LENGTH_MAX: usize = 40;

/// The largest amount gestio keeps, in minor units, either sign: 10^13 (100,000,000,000.00 EUR).
/// No person's budget comes near it, and it leaves room for sums of hundreds of thousands of
/// such amounts within an i64, so no total of a book can wrap.
pub const AMOUNT_MINOR_MAX: i64 = 10_000_000_000_000;

/// An ISO 4217 currency that has a minor unit (EUR, CHF, GBP, USD, SEK: 2 decimals; JPY: 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub const EUR: Currency = Currency(iso_currency::Currency::EUR);

    /// Parses an ISO 4217 alphabetic code; refuses codes without a minor unit (gold, SDR…).
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let code = code.trim();
        let currency = iso_currency::Currency::from_code(&code.to_ascii_uppercase())
            .ok_or_else(|| MoneyError::UnknownCurrency { code: code.to_owned() })?;
        if currency.exponent().is_none() {
            return Err(MoneyError::UnknownCurrency { code: code.to_owned() });
        }
        Ok(Currency(currency))
    }

    /// The three-letter code, e.g. `EUR`.
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// How many decimals the minor unit has: 2 for EUR, 0 for JPY.
    pub fn decimals(self) -> u32 {
        u32::from(
            self.0
                .exponent()
                .expect("BUG: Currency::parse admits only currencies with a minor unit"),
        )
    }

    fn minor_per_major(self) -> i64 {
        10_i64.pow(self.decimals())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Currency::parse(code)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Why an amount or a currency was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("'{code}' is not an ISO 4217 currency with a minor unit (use e.g. EUR, CHF, SEK)")]
    UnknownCurrency { code: String },
    #[error("'{text}' is not an amount: write digits with '.' as the decimal mark, e.g. 1234.50")]
    NotAnAmount { text: String },
    #[error("'{text}' has more decimals than {currency} has ({decimals}); amounts are never rounded")]
    TooManyDecimals {
        text: String,
        currency: Currency,
        decimals: u32,
    },
    #[error("'{text}' is too large to be an amount")]
    TooLarge { text: String },
    #[error("'{text}' is beyond the largest amount gestio keeps ({ceiling}): check the amount")]
    BeyondCeiling { text: String, ceiling: String },
    #[error("cannot combine {left} and {right}: the currencies differ")]
    CurrencyMismatch { left: Currency, right: Currency },
    #[error("the amount overflows: the sum is too large to hold")]
    Overflow,
}

/// An exact amount: a signed count of the currency's minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    pub const fn from_minor(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// Parses decimal text with '.' as the decimal mark ("1234.5", "-0.05"); trailing zeros
    /// beyond the currency's decimals are accepted ("10.500"), any other extra digit is refused.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let trimmed = text.trim();
        let not_an_amount = || MoneyError::NotAnAmount { text: text.to_owned() };
        let plain = trimmed.trim_start_matches(['-', '+']);
        if trimmed.len() > AMOUNT_TEXT_LENGTH_MAX
            || plain.is_empty()
            || !plain
                .chars()
                .all(|character| character.is_ascii_digit() || character == '.')
        {
            return Err(not_an_amount());
        }
        let decimal = Decimal::from_str_exact(trimmed).map_err(|_| not_an_amount())?;
        let decimals = currency.decimals();
        if decimal.normalize().scale() > decimals {
            return Err(MoneyError::TooManyDecimals {
                text: text.to_owned(),
                currency,
                decimals,
            });
        }
        let minor = decimal
            .checked_mul(Decimal::from(currency.minor_per_major()))
            .and_then(|scaled| scaled.to_i64())
            .ok_or_else(|| MoneyError::TooLarge { text: text.to_owned() })?;
        let money = Money { minor, currency };
        if !money.is_within_ceiling() {
            return Err(MoneyError::BeyondCeiling {
                text: text.to_owned(),
                ceiling: Money::ceiling(currency).amount_text(),
            });
        }
        Ok(money)
    }

    /// The largest amount kept in `currency`.
    pub const fn ceiling(currency: Currency) -> Money {
        Money {
            minor: AMOUNT_MINOR_MAX,
            currency,
        }
    }

    /// Whether the amount is one gestio keeps: at most [`AMOUNT_MINOR_MAX`] either way.
    pub const fn is_within_ceiling(self) -> bool {
        self.minor >= -AMOUNT_MINOR_MAX && self.minor <= AMOUNT_MINOR_MAX
    }

    pub const fn minor(self) -> i64 {
        self.minor
    }

    pub const fn currency(self) -> Currency {
        self.currency
    }

    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            });
        }
        let minor = self.minor.checked_add(other.minor).ok_or(MoneyError::Overflow)?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    /// The amount as decimal text without the currency: "-1234.50".
    pub fn amount_text(self) -> String {
        let decimals = self.currency.decimals();
        let sign = if self.minor < 0 { "-" } else { "" };
        let magnitude = self.minor.unsigned_abs();
        if decimals == 0 {
            return format!("{sign}{magnitude}");
        }
        let scale = 10_u64.pow(decimals);
        let width = decimals as usize;
        format!("{sign}{}.{:0width$}", magnitude / scale, magnitude % scale)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} {}", self.amount_text(), self.currency)
    }
}

/// Serialised as `{"amount": "12.34", "currency": "EUR"}`: amounts travel as strings, never
/// as JSON numbers, so no reader turns them into floats.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Money", 2)?;
        state.serialize_field("amount", &self.amount_text())?;
        state.serialize_field("currency", &self.currency)?;
        state.end()
    }
}

/// An amount as a person typed it in their locale, made plain for [`Money::parse`]: the
/// grouping (spaces, narrow spaces, apostrophes, and the locale's other separator) taken out, the
/// locale's decimal separator made a point. With `decimal_comma` (French, German, Portuguese),
/// "1.234,56" and "1 234,56" become "1234.56"; without (English), "1,234.56" does. A text that
/// is not an amount stays one that `Money::parse` refuses.
pub fn plain_amount(typed: &str, decimal_comma: bool) -> String {
    let (grouping, decimal) = if decimal_comma { ('.', ',') } else { (',', '.') };
    typed
        .trim()
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’') && *character != grouping)
        .map(|character| if character == decimal { '.' } else { character })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_typed_in_the_readers_locale_is_read_as_meant() {
        let eur = Currency::EUR;
        let read = |typed: &str, comma: bool| Money::parse(&plain_amount(typed, comma), eur).map(Money::minor);
        assert_eq!(read("1.234,56", true), Ok(123_456));
        assert_eq!(read("1 234,56", true), Ok(123_456));
        assert_eq!(read("1\u{202f}234,56", true), Ok(123_456));
        assert_eq!(read("45,00", true), Ok(4_500));
        assert_eq!(read("1,234.56", false), Ok(123_456));
        assert_eq!(read("45.5", false), Ok(4_550));
        assert_eq!(read("-12,30", true), Ok(-1_230));
        assert!(read("12,3,4", true).is_err() && read("abc", true).is_err() && read("", true).is_err());
    }
    use proptest::prelude::*;

    fn eur(text: &str) -> Result<Money, MoneyError> {
        Money::parse(text, Currency::EUR)
    }

    #[test]
    fn parses_cents_exactly() {
        assert_eq!(eur("1234.56").unwrap().minor(), 123_456);
        assert_eq!(eur("-0.05").unwrap().minor(), -5);
        assert_eq!(eur("7").unwrap().minor(), 700);
        assert_eq!(eur("10.500").unwrap().minor(), 1050);
    }

    #[test]
    fn refuses_more_decimals_than_the_currency_has() {
        let error = eur("10.005").unwrap_err();
        assert_eq!(
            error.to_string(),
            "'10.005' has more decimals than EUR has (2); amounts are never rounded"
        );
        let yen = Currency::parse("JPY").unwrap();
        assert!(matches!(
            Money::parse("1.5", yen),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert_eq!(Money::parse("150", yen).unwrap().minor(), 150);
    }

    #[test]
    fn refuses_text_that_is_not_an_amount() {
        for text in ["", "abc", "1,50", "1e5", "12.3.4", "--1", " - "] {
            assert!(matches!(eur(text), Err(MoneyError::NotAnAmount { .. })), "{text}");
        }
        assert_eq!(
            eur("1,50").unwrap_err().to_string(),
            "'1,50' is not an amount: write digits with '.' as the decimal mark, e.g. 1234.50"
        );
    }

    #[test]
    fn refuses_amounts_beyond_i64() {
        let error = eur("99999999999999999999").unwrap_err();
        assert_eq!(error.to_string(), "'99999999999999999999' is too large to be an amount");
    }

    #[test]
    fn refuses_amounts_beyond_the_ceiling_and_keeps_the_ceiling_itself() {
        assert_eq!(eur("100000000000.00").unwrap().minor(), AMOUNT_MINOR_MAX);
        assert_eq!(eur("-100000000000.00").unwrap().minor(), -AMOUNT_MINOR_MAX);
        let error = eur("100000000000.01").unwrap_err();
        assert_eq!(
            error.to_string(),
            "'100000000000.01' is beyond the largest amount gestio keeps (100000000000.00): check the amount"
        );
        let yen = Money::parse("10000000000001", Currency::parse("JPY").unwrap()).unwrap_err();
        assert!(matches!(yen, MoneyError::BeyondCeiling { .. }), "{yen}");
    }

    #[test]
    fn knows_each_currency_minor_unit() {
        for (code, decimals) in [("EUR", 2), ("CHF", 2), ("GBP", 2), ("USD", 2), ("SEK", 2), ("JPY", 0)] {
            assert_eq!(Currency::parse(code).unwrap().decimals(), decimals, "{code}");
        }
        let error = Currency::parse("XAU").unwrap_err();
        assert!(error.to_string().contains("'XAU' is not an ISO 4217 currency"));
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = Money::from_minor(i64::MAX, Currency::EUR);
        assert_eq!(max.checked_add(eur("0.01").unwrap()), Err(MoneyError::Overflow));
        assert_eq!(
            Money::from_minor(i64::MIN, Currency::EUR).checked_neg(),
            Err(MoneyError::Overflow)
        );
        let chf = Money::parse("1", Currency::parse("CHF").unwrap()).unwrap();
        assert!(matches!(
            eur("1").unwrap().checked_add(chf),
            Err(MoneyError::CurrencyMismatch { .. })
        ));
    }

    #[test]
    fn displays_with_the_currency_decimals() {
        assert_eq!(eur("-1234.5").unwrap().to_string(), "-1234.50 EUR");
        assert_eq!(
            Money::from_minor(i64::MIN, Currency::EUR).amount_text(),
            "-92233720368547758.08"
        );
        let json = serde_json::to_string(&eur("3.10").unwrap()).unwrap();
        assert_eq!(json, r#"{"amount":"3.10","currency":"EUR"}"#);
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(minor in -AMOUNT_MINOR_MAX..=AMOUNT_MINOR_MAX, code in prop::sample::select(vec!["EUR", "JPY", "SEK"])) {
            let currency = Currency::parse(code).unwrap();
            let money = Money::from_minor(minor, currency);
            prop_assert_eq!(Money::parse(&money.amount_text(), currency), Ok(money));
        }
    }
}
