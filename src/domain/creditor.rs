//! Creditors: who the office pays on a beneficiary's behalf, with what banks need to route the
//! money (IBAN, optional BIC, a structured address) and what the creditor needs to recognise it
//! (a remittance text, or an ISO 11649 RF creditor reference).
//!
//! A creditor belongs to an office and is shared by its books (the landlord of a care home, the
//! health insurer), or is private to one book (the beneficiary's own current account for pocket
//! money, a private lender).

use serde::Serialize;
use thiserror::Error;

use super::account::ReportCategory;
use super::iban::Iban;
use super::ids::{BookId, CreditorId, OfficeId};

/// The longest creditor name a SEPA file carries (EPC: 70 characters).
pub const CREDITOR_NAME_LENGTH_MAX: usize = 70;
/// The longest unstructured remittance text (SEPA: 140 characters).
pub const REMITTANCE_LENGTH_MAX: usize = 140;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CreditorError {
    #[error("a creditor needs a name of 1 to {CREDITOR_NAME_LENGTH_MAX} characters")]
    Name,
    #[error("'{0}' is not a BIC: 8 or 11 letters and digits, the 5th and 6th being the country (e.g. BCEELULL)")]
    Bic(String),
    #[error(
        "'{0}' is not an RF creditor reference: RF, two check digits, then up to 21 letters or digits, \
         whose ISO 11649 check must hold (e.g. RF18539007547034)"
    )]
    CreditorReference(String),
    #[error("the address needs a town and a two-letter country code (e.g. LU); '{0}' is not one")]
    Country(String),
    #[error("the address field {field} is longer than {max} characters")]
    AddressField { field: &'static str, max: usize },
    #[error("{0}")]
    Target(String),
    #[error("the remittance text is longer than {REMITTANCE_LENGTH_MAX} characters")]
    Remittance,
}

/// A bank identifier code (ISO 9362), upper case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Bic(String);

impl Bic {
    pub fn parse(text: &str) -> Result<Bic, CreditorError> {
        let code = text.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        let shape = matches!(bytes.len(), 8 | 11)
            && bytes.iter().all(u8::is_ascii_alphanumeric)
            && bytes[4..6].iter().all(u8::is_ascii_alphabetic);
        if shape {
            Ok(Bic(code))
        } else {
            Err(CreditorError::Bic(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An ISO 11649 structured creditor reference: `RF` + two check digits + up to 21 characters,
/// valid when the text moved to the end reads as a number ≡ 1 (mod 97), letters counting A = 10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CreditorReference(String);

impl CreditorReference {
    /// Accepts the printed form with spaces, in any letter case.
    pub fn parse(text: &str) -> Result<CreditorReference, CreditorError> {
        let compact: String = text
            .chars()
            .filter(|character| !character.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let wrong = || CreditorError::CreditorReference(text.to_owned());
        let (Some(head), Some(tail)) = (compact.get(..4), compact.get(4..)) else {
            return Err(wrong());
        };
        let shape = head.starts_with("RF")
            && head[2..].bytes().all(|byte| byte.is_ascii_digit())
            && (1..=21).contains(&tail.len())
            && tail.bytes().all(|byte| byte.is_ascii_alphanumeric());
        if !shape || mod97(tail.chars().chain(head.chars())) != 1 {
            return Err(wrong());
        }
        Ok(CreditorReference(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The remainder mod 97 of the number written by `characters`, letters read as 10 (A) to 35 (Z).
fn mod97(characters: impl Iterator<Item = char>) -> u32 {
    characters.fold(0, |remainder, character| {
        let value = character.to_digit(36).expect("BUG: checked alphanumeric before");
        if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        }
    })
}

/// A structured postal address, as banks require for SEPA payments from November 2026: at least a
/// town and a country; street, building number and postcode when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct PostalAddress {
    pub street: Option<String>,
    pub building: Option<String>,
    pub postcode: Option<String>,
    pub town: String,
    /// ISO 3166 alpha-2, upper case.
    pub country: String,
}

impl PostalAddress {
    pub fn new(
        street: Option<&str>,
        building: Option<&str>,
        postcode: Option<&str>,
        town: &str,
        country: &str,
    ) -> Result<PostalAddress, CreditorError> {
        let field = |value: Option<&str>, name: &'static str, max: usize| -> Result<Option<String>, CreditorError> {
            let value = value.map(str::trim).filter(|value| !value.is_empty());
            match value {
                Some(text) if text.chars().count() > max => Err(CreditorError::AddressField { field: name, max }),
                other => Ok(other.map(str::to_owned)),
            }
        };
        let country = country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|byte| byte.is_ascii_uppercase()) {
            return Err(CreditorError::Country(country));
        }
        let town = field(Some(town), "town", 35)?.ok_or_else(|| CreditorError::Country(country.clone()))?;
        Ok(PostalAddress {
            street: field(street, "street", 70)?,
            building: field(building, "building", 16)?,
            postcode: field(postcode, "postcode", 16)?,
            town,
            country,
        })
    }
}

/// Where a payment is booked in the beneficiary's book: an expense category (the book's account of
/// that category) or one account by its code (a debt account, 2001…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentTarget {
    Category(ReportCategory),
    Account(String),
}

impl PaymentTarget {
    /// From a category code (`expense.housing`) or an account code (`2001`), exactly one of them.
    pub fn from_words(category: Option<&str>, account: Option<&str>) -> Result<PaymentTarget, CreditorError> {
        match (category, account) {
            (Some(code), None) => ReportCategory::parse(code)
                .map(PaymentTarget::Category)
                .map_err(|error| CreditorError::Target(error.to_string())),
            (None, Some(code)) => Ok(PaymentTarget::Account(code.trim().to_owned())),
            _ => Err(CreditorError::Target(
                "say where the payment is booked: a category (expense.housing) or an account code (2001), not both"
                    .to_owned(),
            )),
        }
    }
}

/// What the creditor reads on their statement to recognise the payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remittance {
    Text(String),
    Reference(CreditorReference),
}

impl Remittance {
    /// An RF reference when the text is one, else the text (at most 140 characters).
    pub fn parse(text: &str) -> Result<Remittance, CreditorError> {
        let trimmed = text.trim();
        if trimmed.to_ascii_uppercase().starts_with("RF")
            && let Ok(reference) = CreditorReference::parse(trimmed)
        {
            return Ok(Remittance::Reference(reference));
        }
        if trimmed.chars().count() > REMITTANCE_LENGTH_MAX {
            return Err(CreditorError::Remittance);
        }
        Ok(Remittance::Text(trimmed.to_owned()))
    }

    pub fn text(&self) -> &str {
        match self {
            Remittance::Text(text) => text,
            Remittance::Reference(reference) => reference.as_str(),
        }
    }
}

/// A creditor as entered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCreditor {
    pub office_id: OfficeId,
    /// `Some` for a creditor private to one book.
    pub book_id: Option<BookId>,
    pub name: String,
    pub iban: Iban,
    pub bic: Option<Bic>,
    pub address: PostalAddress,
    pub default_target: Option<PaymentTarget>,
    pub default_remittance: Option<Remittance>,
}

impl NewCreditor {
    pub fn check_name(name: &str) -> Result<String, CreditorError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > CREDITOR_NAME_LENGTH_MAX {
            return Err(CreditorError::Name);
        }
        Ok(name.to_owned())
    }
}

/// A stored creditor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Creditor {
    pub id: CreditorId,
    pub office_id: OfficeId,
    pub book_id: Option<BookId>,
    pub name: String,
    pub iban: Iban,
    pub bic: Option<Bic>,
    pub address: PostalAddress,
    pub default_target: Option<PaymentTarget>,
    pub default_remittance: Option<Remittance>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rf_references_pass_only_with_their_check_digits() {
        // The ISO 11649 example, printed and electronic.
        assert!(CreditorReference::parse("RF18 5390 0754 7034").is_ok());
        assert!(CreditorReference::parse("rf18539007547034").is_ok());
        assert!(CreditorReference::parse("RF18000000000539007547034").is_ok());
        // One digit changed, too long, letters where the check digits go.
        for wrong in [
            "RF19539007547034",
            "RF18",
            "RF1853900754703412345678901",
            "RFAB539007547034",
            "XX18539007547034",
        ] {
            assert!(CreditorReference::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_remittance_that_is_an_rf_reference_becomes_one() {
        assert!(matches!(
            Remittance::parse("RF18 5390 0754 7034"),
            Ok(Remittance::Reference(_))
        ));
        assert!(matches!(Remittance::parse("Loyer janvier"), Ok(Remittance::Text(_))));
        // An RF-looking text with wrong check digits is kept as text, not refused.
        assert!(matches!(Remittance::parse("RF19 wrong"), Ok(Remittance::Text(_))));
        assert_eq!(Remittance::parse(&"x".repeat(141)), Err(CreditorError::Remittance));
    }

    #[test]
    fn bics_have_eight_or_eleven_characters_with_a_country() {
        assert_eq!(
            Bic::parse("bceelull").map(|bic| bic.as_str().to_owned()),
            Ok("BCEELULL".to_owned())
        );
        assert!(Bic::parse("CCRALULLXXX").is_ok());
        for wrong in ["BCEE", "BCEE12LL", "BCEELULLX", "BCEE-ULL"] {
            assert!(Bic::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn an_address_needs_a_town_and_a_country() {
        let address = PostalAddress::new(Some("Rue de Hollerich"), Some("12"), Some("L-1740"), "Luxembourg", "lu")
            .expect("a valid address");
        assert_eq!(address.country, "LU");
        assert!(PostalAddress::new(None, None, None, "", "LU").is_err());
        assert!(PostalAddress::new(None, None, None, "Luxembourg", "LUX").is_err());
        assert!(matches!(
            PostalAddress::new(None, Some("12345678901234567"), None, "Luxembourg", "LU"),
            Err(CreditorError::AddressField { field: "building", .. })
        ));
    }
}
