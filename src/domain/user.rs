//! People who sign in: their login, role and what ties them to books, checked before they are
//! stored. Passwords are never kept, only their argon2id hash (made in `service::users`).

use serde::Serialize;
use thiserror::Error;

use super::access::Role;
use super::ids::{BeneficiaryId, OfficeId};
use super::party::Language;

/// Long enough to resist guessing at the rate sign-in allows; no composition rules (NIST SP 800-63B).
pub const PASSWORD_LENGTH_MIN: usize = 12;
pub const PASSWORD_LENGTH_MAX: usize = 256;

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
    #[error("a beneficiary user must name the beneficiary whose book they read (--beneficiary)")]
    BeneficiaryMissing,
    #[error("a court user must name their court, as written on the mandates (--court)")]
    CourtMissing,
    #[error("only a beneficiary user names a beneficiary, and only a court user a court")]
    TieForOtherRole,
    #[error("'{0}' is not a role: use supervisor (or admin), counsellor, beneficiary or court")]
    UnknownRole(String),
    #[error("the current password is not right; the password was not changed")]
    WrongCurrentPassword,
    #[error("the new password and its repetition differ; type the same password twice")]
    RepetitionDiffers,
}

/// A user about to be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub office: OfficeId,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub language: Option<Language>,
    pub beneficiary: Option<BeneficiaryId>,
    pub court: Option<String>,
}

impl NewUser {
    /// Checks the login, the name and that the role's tie (beneficiary, court) is given, and
    /// only for that role.
    pub fn check(self) -> Result<NewUser, UserError> {
        check_login(&self.login)?;
        if self.display_name.trim().is_empty() {
            return Err(UserError::NoName);
        }
        let court = self.court.as_deref().map(str::trim).filter(|court| !court.is_empty());
        match (self.role, self.beneficiary, court) {
            (Role::Beneficiary, None, _) => Err(UserError::BeneficiaryMissing),
            (Role::Court, _, None) => Err(UserError::CourtMissing),
            (Role::Beneficiary, Some(_), None) | (Role::Court, None, Some(_)) => Ok(()),
            (Role::Supervisor | Role::Counsellor, None, None) => Ok(()),
            _ => Err(UserError::TieForOtherRole),
        }?;
        Ok(NewUser {
            login: self.login.trim().to_owned(),
            display_name: self.display_name.trim().to_owned(),
            court: court.map(str::to_owned),
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
    Ok(())
}

/// A stored user, without the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub office: OfficeId,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub language: Option<Language>,
    pub beneficiary: Option<BeneficiaryId>,
    pub court: Option<String>,
    pub disabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counsellor() -> NewUser {
        NewUser {
            office: OfficeId::new(1),
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
            court: Some("  ".into()),
            ..counsellor()
        };
        assert_eq!(court.check(), Err(UserError::CourtMissing));
        let tied = NewUser {
            court: Some("Amtsgericht Trier".into()),
            ..counsellor()
        };
        assert_eq!(tied.check(), Err(UserError::TieForOtherRole));
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
}
