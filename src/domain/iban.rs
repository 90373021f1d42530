//! The IBAN of a money account: country format and mod-97 check digits, checked by the
//! `iban_validate` crate. Kept in its electronic form (no spaces); printed in groups of four.

use std::fmt;

use iban::IbanLike;
use serde::{Serialize, Serializer};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("'{text}' is not a valid IBAN ({reason}); check the country code, the length and the two check digits")]
pub struct IbanError {
    pub text: String,
    pub reason: String,
}

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Iban(iban::Iban);

impl Iban {
    /// Accepts the electronic form or the printed form with spaces, in any letter case.
    pub fn parse(text: &str) -> Result<Iban, IbanError> {
        let compact: String = text.chars().filter(|character| !character.is_whitespace()).collect();
        compact
            .to_ascii_uppercase()
            .parse::<iban::Iban>()
            .map(Iban)
            .map_err(|error| IbanError {
                text: text.to_owned(),
                reason: error.to_string(),
            })
    }

    /// The form banks exchange in files: `LU280019400644750000`.
    pub fn electronic(&self) -> &str {
        self.0.electronic_str()
    }

    pub fn country(&self) -> &str {
        self.0.country_code()
    }

    /// The last four characters only, for places where the whole IBAN must not appear.
    pub fn masked(&self) -> String {
        let electronic = self.electronic();
        format!("…{}", &electronic[electronic.len().saturating_sub(4)..])
    }
}

impl fmt::Display for Iban {
    /// The printed form in groups of four: `LU28 0019 4006 4475 0000`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, formatter)
    }
}

/// Debug shows only the masked form, so an IBAN never lands in a log by accident.
impl fmt::Debug for Iban {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "Iban({})", self.masked())
    }
}

impl Serialize for Iban {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.electronic())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_printed_and_electronic_forms() {
        let printed = Iban::parse("lu28 0019 4006 4475 0000").unwrap();
        assert_eq!(printed.electronic(), "LU280019400644750000");
        assert_eq!(printed.to_string(), "LU28 0019 4006 4475 0000");
        assert_eq!(printed.country(), "LU");
        assert_eq!(format!("{printed:?}"), "Iban(…0000)");
    }

    #[test]
    fn refuses_a_wrong_check_digit_with_a_clear_message() {
        let error = Iban::parse("LU290019400644750000").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("'LU290019400644750000' is not a valid IBAN"),
            "{error}"
        );
        assert!(Iban::parse("DE44500105175407324931").is_ok());
        assert!(Iban::parse("DE4450010517540732493").is_err(), "one digit short");
    }
}
