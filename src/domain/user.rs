//! People who sign in: their login, role and what ties them to books, checked before they are
//! stored. Passwords are never kept, only their argon2id hash (made in `service::users`).

use serde::Serialize;
use thiserror::Error;

use super::access::Role;
use super::ids::{BeneficiaryId, CourtId, OfficeId};
use super::party::Language;

/// Long enough to resist guessing at the rate sign-in allows; no composition rules (NIST SP 800-63B).
pub const PASSWORD_LENGTH_MIN: usize = 12;
pub const PASSWORD_LENGTH_MAX: usize = 256;
/// The lowest zxcvbn score a new password may have: 3 is "needs more than 10^10 guesses", far
/// beyond what the sign-in throttle lets anyone try, and still met by a phrase of three or four
/// unrelated words. Length alone let "password1234" and twelve spaces through.
const PASSWORD_SCORE_MIN: u8 = 3;

/// Why a password is easy to guess, in the estimator's words, for the person to read in theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordWeakness {
    /// A common password, or close to one.
    Common,
    /// Rows or patterns of the keyboard.
    KeyboardPattern,
    /// The same character or group again and again.
    Repeats,
    /// abc, 6543.
    Sequence,
    /// Dates and recent years.
    Date,
    /// A single word or name.
    Word,
    /// Nothing in particular: just too short for what it holds.
    Other,
}

impl PasswordWeakness {
    pub const ALL: [PasswordWeakness; 7] = [
        PasswordWeakness::Common,
        PasswordWeakness::KeyboardPattern,
        PasswordWeakness::Repeats,
        PasswordWeakness::Sequence,
        PasswordWeakness::Date,
        PasswordWeakness::Word,
        PasswordWeakness::Other,
    ];

    /// The key of its explanation in the locale files: `password-weak-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            PasswordWeakness::Common => "common",
            PasswordWeakness::KeyboardPattern => "keyboard",
            PasswordWeakness::Repeats => "repeats",
            PasswordWeakness::Sequence => "sequence",
            PasswordWeakness::Date => "date",
            PasswordWeakness::Word => "word",
            PasswordWeakness::Other => "other",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            PasswordWeakness::Common => "it is a common password or close to one",
            PasswordWeakness::KeyboardPattern => "it follows the keyboard",
            PasswordWeakness::Repeats => "it repeats characters or groups",
            PasswordWeakness::Sequence => "it holds a sequence such as abc or 6543",
            PasswordWeakness::Date => "it holds a date or a recent year",
            PasswordWeakness::Word => "it is a single word or name",
            PasswordWeakness::Other => "it holds too little that is hard to guess",
        }
    }

    fn of(warning: Option<zxcvbn::feedback::Warning>) -> PasswordWeakness {
        use zxcvbn::feedback::Warning;
        match warning {
            Some(Warning::ThisIsATop10Password | Warning::ThisIsATop100Password)
            | Some(Warning::ThisIsACommonPassword | Warning::ThisIsSimilarToACommonlyUsedPassword) => {
                PasswordWeakness::Common
            }
            Some(Warning::StraightRowsOfKeysAreEasyToGuess | Warning::ShortKeyboardPatternsAreEasyToGuess) => {
                PasswordWeakness::KeyboardPattern
            }
            Some(Warning::RepeatsLikeAaaAreEasyToGuess | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => {
                PasswordWeakness::Repeats
            }
            Some(Warning::SequencesLikeAbcAreEasyToGuess) => PasswordWeakness::Sequence,
            Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => PasswordWeakness::Date,
            Some(
                Warning::AWordByItselfIsEasyToGuess
                | Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
                | Warning::CommonNamesAndSurnamesAreEasyToGuess,
            ) => PasswordWeakness::Word,
            _ => PasswordWeakness::Other,
        }
    }
}

impl std::fmt::Display for PasswordWeakness {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.describe())
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum UserError {
    #[error("login '{0}': use 3 to 64 letters, digits, '.', '-', '_' or '@'")]
    Login(String),
    #[error("a user needs a name to be shown under")]
    NoName,
    #[error("a password needs at least {PASSWORD_LENGTH_MIN} characters (and at most {PASSWORD_LENGTH_MAX})")]
    PasswordLength,
    #[error("the password must not be the login")]
    PasswordIsLogin,
    #[error("the password is too easy to guess ({0}): use a phrase of three or four unrelated words")]
    TooEasyToGuess(PasswordWeakness),
    #[error("a beneficiary user must name the beneficiary whose book they read (--beneficiary)")]
    BeneficiaryMissing,
    #[error("a court user must name their court's record (--court, an id from `gestio court list`)")]
    CourtMissing,
    #[error("only a beneficiary user names a beneficiary, and only a court user a court")]
    TieForOtherRole,
    #[error("a {0} belongs to an office: give the office (--office)")]
    OfficeMissing(&'static str),
    #[error("a {0} belongs to no office: court staff work for their court, the administrator above the offices")]
    OfficeForRoleAboveOffices(&'static str),
    #[error("court staff are added by the instance's administrator, not by an office")]
    CourtStaffAreTheAdministrators,
    #[error("'{0}' is not a role: use supervisor, counsellor, beneficiary, court or administrator")]
    UnknownRole(String),
    #[error("the current password is not right; the password was not changed")]
    WrongCurrentPassword,
    #[error("the new password and its repetition differ; type the same password twice")]
    RepetitionDiffers,
}

/// A user about to be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    /// The office of its staff and beneficiaries; `None` for court staff and the administrator.
    pub office: Option<OfficeId>,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub language: Option<Language>,
    pub beneficiary: Option<BeneficiaryId>,
    pub court: Option<CourtId>,
}

impl NewUser {
    /// Checks the login, the name, that the role has an office exactly when it belongs to one,
    /// and that the role's tie (beneficiary, court) is given, and only for that role.
    pub fn check(self) -> Result<NewUser, UserError> {
        check_login(&self.login)?;
        if self.display_name.trim().is_empty() {
            return Err(UserError::NoName);
        }
        match (self.role.has_office(), self.office) {
            (true, None) => return Err(UserError::OfficeMissing(self.role.code())),
            (false, Some(_)) => return Err(UserError::OfficeForRoleAboveOffices(self.role.code())),
            _ => {}
        }
        match (self.role, self.beneficiary, self.court) {
            (Role::Beneficiary, None, _) => Err(UserError::BeneficiaryMissing),
            (Role::Court, _, None) => Err(UserError::CourtMissing),
            (Role::Beneficiary, Some(_), None) | (Role::Court, None, Some(_)) => Ok(()),
            (Role::Administrator | Role::Supervisor | Role::Counsellor, None, None) => Ok(()),
            _ => Err(UserError::TieForOtherRole),
        }?;
        Ok(NewUser {
            login: self.login.trim().to_owned(),
            display_name: self.display_name.trim().to_owned(),
            ..self
        })
    }
}

fn check_login(login: &str) -> Result<(), UserError> {
    let login = login.trim();
    let allowed = |character: char| character.is_ascii_alphanumeric() || ".-_@".contains(character);
    if !(3..=64).contains(&login.len()) || !login.chars().all(allowed) {
        return Err(UserError::Login(login.to_owned()));
    }
    Ok(())
}

/// Checks a new password against the login it belongs to.
pub fn check_password(login: &str, password: &str) -> Result<(), UserError> {
    let length = password.chars().count();
    if !(PASSWORD_LENGTH_MIN..=PASSWORD_LENGTH_MAX).contains(&length) {
        return Err(UserError::PasswordLength);
    }
    if password.trim().eq_ignore_ascii_case(login.trim()) {
        return Err(UserError::PasswordIsLogin);
    }
    let estimate = zxcvbn::zxcvbn(password, &[login.trim(), "gestio"]);
    if u8::from(estimate.score()) < PASSWORD_SCORE_MIN {
        let warning = estimate.feedback().and_then(zxcvbn::feedback::Feedback::warning);
        return Err(UserError::TooEasyToGuess(PasswordWeakness::of(warning)));
    }
    Ok(())
}

/// A stored user, without the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    /// None for court staff and the administrator (see [`Role::has_office`]).
    pub office: Option<OfficeId>,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub language: Option<Language>,
    pub beneficiary: Option<BeneficiaryId>,
    pub court: Option<CourtId>,
    pub disabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counsellor() -> NewUser {
        NewUser {
            office: Some(OfficeId::new(1)),
            login: "marie.weber".into(),
            display_name: "Marie Weber".into(),
            role: Role::Counsellor,
            language: Some(Language::Fr),
            beneficiary: None,
            court: None,
        }
    }

    #[test]
    fn each_role_names_its_tie_and_no_other() {
        assert!(counsellor().check().is_ok());
        let beneficiary = NewUser {
            role: Role::Beneficiary,
            ..counsellor()
        };
        assert_eq!(beneficiary.clone().check(), Err(UserError::BeneficiaryMissing));
        assert!(
            NewUser {
                beneficiary: Some(BeneficiaryId::new(3)),
                ..beneficiary
            }
            .check()
            .is_ok()
        );
        let court = NewUser {
            role: Role::Court,
            office: None,
            ..counsellor()
        };
        assert_eq!(court.clone().check(), Err(UserError::CourtMissing));
        let clerk = NewUser {
            court: Some(CourtId::new(3)),
            ..court
        };
        assert!(clerk.clone().check().is_ok());
        assert_eq!(
            NewUser {
                office: Some(OfficeId::new(1)),
                ..clerk
            }
            .check(),
            Err(UserError::OfficeForRoleAboveOffices("court")),
            "an office cannot own court staff"
        );
        let tied = NewUser {
            court: Some(CourtId::new(3)),
            ..counsellor()
        };
        assert_eq!(tied.check(), Err(UserError::TieForOtherRole));
        let administrator = NewUser {
            role: Role::Administrator,
            office: None,
            ..counsellor()
        };
        assert!(administrator.check().is_ok());
        assert_eq!(
            NewUser {
                office: None,
                ..counsellor()
            }
            .check(),
            Err(UserError::OfficeMissing("counsellor"))
        );
    }

    #[test]
    fn logins_and_passwords_are_checked() {
        for bad in ["ab", "marie weber", "marie;--", &"x".repeat(65)] {
            let user = NewUser {
                login: bad.to_owned(),
                ..counsellor()
            };
            assert!(matches!(user.check(), Err(UserError::Login(_))), "{bad}");
        }
        assert_eq!(check_password("marie", "short"), Err(UserError::PasswordLength));
        assert_eq!(
            check_password("marie.weber.lu", "MARIE.WEBER.LU"),
            Err(UserError::PasswordIsLogin)
        );
        assert!(check_password("marie", "correct horse battery").is_ok());
    }

    #[test]
    fn passwords_easy_to_guess_are_refused_with_the_reason() {
        let refused = |password: &str| match check_password("marie.weber", password) {
            Err(UserError::TooEasyToGuess(weakness)) => Some(weakness),
            _ => None,
        };
        assert_eq!(refused("            "), Some(PasswordWeakness::Repeats));
        assert_eq!(refused("aaaaaaaaaaaaaaaa"), Some(PasswordWeakness::Repeats));
        assert!(refused("password1234").is_some());
        assert!(refused("qwertyuiop123").is_some());
        assert!(refused("marie.weber2026").is_some(), "the login with a year");
        for strong in [
            "correct horse battery staple",
            "Vakanz um Mier 2027 zu véiert",
            "7f3a9c21e4b80d56",
        ] {
            assert_eq!(check_password("marie.weber", strong), Ok(()), "{strong}");
        }
    }
}
