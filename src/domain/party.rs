//! The office that runs gestio and the people whose money it manages.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use super::ids::{BeneficiaryId, OfficeId};

/// The longest name of an office or a person, in characters.
pub const NAME_LENGTH_MAX: usize = 200;
/// The longest free contact text (address, telephone), in characters.
pub const CONTACT_LENGTH_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PartyError {
    #[error("the {field} must not be empty")]
    Empty { field: &'static str },
    #[error("the {field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("'{code}' is not a supported language; use one of: fr, de, lb, pt, en, sv")]
    UnknownLanguage { code: String },
    #[error("'{code}' is not a country code: use two letters, e.g. LU, FR, DE, SE")]
    BadCountry { code: String },
    #[error("the date of birth {date} is after today ({today})")]
    BornInTheFuture { date: NaiveDate, today: NaiveDate },
}

/// The language a beneficiary reads: statements are written in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    De,
    Lb,
    Pt,
    En,
    Sv,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Fr,
        Language::De,
        Language::Lb,
        Language::Pt,
        Language::En,
        Language::Sv,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::De => "de",
            Language::Lb => "lb",
            Language::Pt => "pt",
            Language::En => "en",
            Language::Sv => "sv",
        }
    }

    pub fn parse(code: &str) -> Result<Language, PartyError> {
        let wanted = code.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.code() == wanted)
            .ok_or_else(|| PartyError::UnknownLanguage { code: code.to_owned() })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

/// Trims `text` and checks it is present and not too long.
pub fn required_text(text: &str, field: &'static str, max: usize) -> Result<String, PartyError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(PartyError::Empty { field });
    }
    optional_text(Some(trimmed), field, max).map(|text| text.unwrap_or_default())
}

/// Trims `text`; empty becomes `None`; too long is an error.
pub fn optional_text(text: Option<&str>, field: &'static str, max: usize) -> Result<Option<String>, PartyError> {
    match text.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) if text.chars().count() > max => Err(PartyError::TooLong { field, max }),
        Some(text) => Ok(Some(text.to_owned())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffice {
    pub name: String,
    pub country: String,
}

impl NewOffice {
    pub fn new(name: &str, country: &str) -> Result<NewOffice, PartyError> {
        let country = country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.chars().all(|character| character.is_ascii_uppercase()) {
            return Err(PartyError::BadCountry { code: country });
        }
        Ok(NewOffice {
            name: required_text(name, "office name", NAME_LENGTH_MAX)?,
            country,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Office {
    pub id: OfficeId,
    pub name: String,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBeneficiary {
    pub office_id: OfficeId,
    pub name: String,
    pub language: Language,
    pub birth_date: Option<NaiveDate>,
    pub contact: Option<String>,
}

impl NewBeneficiary {
    pub fn new(
        office_id: OfficeId,
        name: &str,
        language: Language,
        birth_date: Option<NaiveDate>,
        contact: Option<&str>,
        today: NaiveDate,
    ) -> Result<NewBeneficiary, PartyError> {
        if let Some(date) = birth_date.filter(|date| *date > today) {
            return Err(PartyError::BornInTheFuture { date, today });
        }
        Ok(NewBeneficiary {
            office_id,
            name: required_text(name, "beneficiary name", NAME_LENGTH_MAX)?,
            language,
            birth_date,
            contact: optional_text(contact, "contact", CONTACT_LENGTH_MAX)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Beneficiary {
    pub id: BeneficiaryId,
    pub office_id: OfficeId,
    pub name: String,
    pub language: Language,
    pub birth_date: Option<NaiveDate>,
    pub contact: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn languages_parse_in_any_case_and_unknown_ones_are_named() {
        assert_eq!(Language::parse("PT"), Ok(Language::Pt));
        assert_eq!(
            Language::parse("it").unwrap_err().to_string(),
            "'it' is not a supported language; use one of: fr, de, lb, pt, en, sv"
        );
    }

    #[test]
    fn an_office_needs_a_name_and_a_country() {
        assert_eq!(
            NewOffice::new("  ", "LU").unwrap_err().to_string(),
            "the office name must not be empty"
        );
        assert!(matches!(
            NewOffice::new("Office social", "Luxembourg"),
            Err(PartyError::BadCountry { .. })
        ));
        assert_eq!(NewOffice::new(" Office social ", "lu").unwrap().country, "LU");
    }

    #[test]
    fn a_beneficiary_cannot_be_born_after_today() {
        let tomorrow = today().succ_opt();
        let error = NewBeneficiary::new(OfficeId::new(1), "Ana", Language::Pt, tomorrow, None, today()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the date of birth 2026-11-24 is after today (2026-11-23)"
        );
        let long = "x".repeat(NAME_LENGTH_MAX + 1);
        let error = NewBeneficiary::new(OfficeId::new(1), &long, Language::Pt, None, None, today()).unwrap_err();
        assert_eq!(error.to_string(), "the beneficiary name is longer than 200 characters");
    }
}
