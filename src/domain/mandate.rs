//! Why the office manages a person's money: a voluntary agreement or a court measure, with the
//! court data the periodic account must carry.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use super::ids::{BeneficiaryId, CourtId, MandateId};
use super::money::Money;
use super::party::{PartyError, optional_text};

pub const COURT_TEXT_LENGTH_MAX: usize = 200;
pub const AGREEMENT_TEXT_LENGTH_MAX: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MandateError {
    #[error("'{text}' is not a {what}; use one of: {known}")]
    Unknown {
        what: &'static str,
        text: String,
        known: &'static str,
    },
    #[error("a {kind} is a court measure: give the court and the case number")]
    CourtDataMissing { kind: MandateKind },
    #[error("the mandate ends ({end}) before it starts ({start})")]
    EndsBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("the receipt threshold must not be negative")]
    NegativeThreshold,
    #[error(transparent)]
    Text(#[from] PartyError),
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$variant_meta:meta])* $variant:ident => $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$variant_meta])* $variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn parse(text: &str) -> Result<$name, MandateError> {
                match text.trim() {
                    $($code => Ok($name::$variant),)+
                    _ => Err(MandateError::Unknown {
                        what: $what,
                        text: text.to_owned(),
                        known: concat!($($code, " "),+).trim_ascii_end(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(self.code())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }
    };
}

text_enum! {
    /// The legal ground of the mandate.
    MandateKind, "mandate kind" {
        BudgetAgreement => "budget_agreement",
        Sauvegarde => "sauvegarde",
        Curatelle => "curatelle",
        CuratelleRenforcee => "curatelle_renforcee",
        Tutelle => "tutelle",
        Betreuung => "betreuung",
        Conservatorship => "conservatorship",
    }
}

impl MandateKind {
    /// Every kind but the voluntary agreement is ordered by a court and reported to it.
    pub fn is_court_measure(self) -> bool {
        self != MandateKind::BudgetAgreement
    }
}

text_enum! {
    /// Whose layout the periodic account follows.
    Jurisdiction, "report jurisdiction" {
        Lu => "lu",
        Fr => "fr",
        De => "de",
        Generic => "generic",
    }
}

text_enum! {
    /// How reporting periods are cut.
    PeriodRule, "reporting period rule" {
        /// Calendar years; the first period runs from the judgment (mandate start) to 31 December.
        CalendarYear => "calendar_year",
        /// Years counted from the judgment date.
        JudgmentAnniversary => "judgment_anniversary",
    }
}

/// The case before a court that a measure is: the court's record, its name (as recorded, read
/// with the mandate), the case number and the judge. Absent for a voluntary agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourtCase {
    #[serde(rename = "id")]
    pub court: CourtId,
    pub name: String,
    pub case_number: String,
    pub judge: Option<String>,
}

/// The case of a measure about to be recorded: the court by its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCourtCase {
    pub court: CourtId,
    pub case_number: String,
    pub judge: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMandate {
    pub beneficiary_id: BeneficiaryId,
    pub kind: MandateKind,
    pub court: Option<NewCourtCase>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub period_rule: PeriodRule,
    pub receipt_threshold: Option<Money>,
    pub jurisdiction: Jurisdiction,
    pub agreement: Option<String>,
}

/// What a caller gives to create a mandate, before checking.
#[derive(Debug, Clone, Default)]
pub struct MandateInput<'a> {
    /// The court's record (see `domain::court`).
    pub court: Option<CourtId>,
    pub case_number: Option<&'a str>,
    pub judge: Option<&'a str>,
    pub end: Option<NaiveDate>,
    pub receipt_threshold: Option<Money>,
    pub agreement: Option<&'a str>,
}

impl NewMandate {
    pub fn new(
        beneficiary_id: BeneficiaryId,
        kind: MandateKind,
        start: NaiveDate,
        period_rule: PeriodRule,
        jurisdiction: Jurisdiction,
        input: MandateInput<'_>,
    ) -> Result<NewMandate, MandateError> {
        if let Some(end) = input.end.filter(|end| *end < start) {
            return Err(MandateError::EndsBeforeStart { start, end });
        }
        if input.receipt_threshold.is_some_and(Money::is_negative) {
            return Err(MandateError::NegativeThreshold);
        }
        let case_number = optional_text(input.case_number, "case number", COURT_TEXT_LENGTH_MAX)?;
        let judge = optional_text(input.judge, "judge", COURT_TEXT_LENGTH_MAX)?;
        let court = match (input.court, case_number) {
            (Some(court), Some(case_number)) => Some(NewCourtCase {
                court,
                case_number,
                judge,
            }),
            _ if kind.is_court_measure() => return Err(MandateError::CourtDataMissing { kind }),
            _ => None,
        };
        Ok(NewMandate {
            beneficiary_id,
            kind,
            court,
            start,
            end: input.end,
            period_rule,
            receipt_threshold: input.receipt_threshold,
            jurisdiction,
            agreement: optional_text(input.agreement, "agreement", AGREEMENT_TEXT_LENGTH_MAX)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mandate {
    pub id: MandateId,
    pub beneficiary_id: BeneficiaryId,
    pub kind: MandateKind,
    pub court: Option<CourtCase>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub period_rule: PeriodRule,
    pub receipt_threshold: Option<Money>,
    pub jurisdiction: Jurisdiction,
    pub agreement: Option<String>,
    /// When the court wants the account, in months after the period's end, where it differs
    /// from the jurisdiction's rule (see `deadline`).
    pub account_due_months: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn kinds_parse_and_unknown_ones_list_the_known() {
        assert_eq!(
            MandateKind::parse("curatelle_renforcee"),
            Ok(MandateKind::CuratelleRenforcee)
        );
        let error = MandateKind::parse("guardianship").unwrap_err();
        assert_eq!(
            error.to_string(),
            "'guardianship' is not a mandate kind; use one of: budget_agreement sauvegarde curatelle curatelle_renforcee tutelle betreuung conservatorship"
        );
    }

    #[test]
    fn a_court_measure_needs_court_and_case_number() {
        let error = NewMandate::new(
            BeneficiaryId::new(1),
            MandateKind::Tutelle,
            date("2026-01-15"),
            PeriodRule::CalendarYear,
            Jurisdiction::Fr,
            MandateInput {
                court: Some(CourtId::new(1)),
                ..MandateInput::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "a tutelle is a court measure: give the court and the case number"
        );
    }

    #[test]
    fn a_budget_agreement_needs_no_court_but_cannot_end_before_it_starts() {
        let agreement = NewMandate::new(
            BeneficiaryId::new(1),
            MandateKind::BudgetAgreement,
            date("2026-01-15"),
            PeriodRule::CalendarYear,
            Jurisdiction::Lu,
            MandateInput {
                agreement: Some("Pay rent first; rebuild savings."),
                ..MandateInput::default()
            },
        );
        assert!(agreement.is_ok());
        let error = NewMandate::new(
            BeneficiaryId::new(1),
            MandateKind::BudgetAgreement,
            date("2026-01-15"),
            PeriodRule::CalendarYear,
            Jurisdiction::Lu,
            MandateInput {
                end: Some(date("2025-12-31")),
                ..MandateInput::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the mandate ends (2025-12-31) before it starts (2026-01-15)"
        );
    }
}
