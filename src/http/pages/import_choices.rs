//! What the import form offers (the bank accounts the user may import into, the banks' CSV
//! formats) and what a choice made in it means for one file.

use super::Labels;
use crate::domain::access::Action;
use crate::domain::ids::{AccountId, BookId};
use crate::http::AppState;
use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::import::csv::CsvProfile;
use crate::import::csv::{BUILT_IN_PROFILES, built_in_profile};
use crate::service::import::drafts::{bank_account, bank_accounts, remember_profile, remembered_profile};
use crate::service::import::{BookCheck, ImportOptions};

pub struct AccountOption {
    pub id: i64,
    pub label: String,
    pub selected: bool,
}

pub struct ProfileOption {
    pub name: &'static str,
    pub label: String,
    pub selected: bool,
}

/// The form's lists, with the choices made (or remembered) selected.
pub struct Choices {
    pub accounts: Vec<AccountOption>,
    pub profiles: Vec<ProfileOption>,
}

impl Choices {
    /// The lists for `caller`, `account` and `profile` selected; without a profile chosen, the
    /// one remembered for `account`.
    pub async fn load(
        caller: &Caller,
        state: &AppState,
        t: &Labels,
        account: Option<AccountId>,
        profile: Option<&str>,
    ) -> Result<Choices, ApiError> {
        let accounts = match caller.signed_in.user.office {
            Some(office) => {
                let writable = caller.books_allowed(state, Action::Write).await?;
                let found = bank_accounts(&state.store, office, &writable).await?;
                let mut tx = state.store.begin_read().await?;
                let names = super::named_books(&mut tx, office, Some(&writable)).await?;
                found
                    .into_iter()
                    .map(|(id, book, name, iban)| {
                        let person = names
                            .iter()
                            .find(|(named, _)| *named == book.get())
                            .map(|(_, person)| person.as_str())
                            .unwrap_or_default();
                        AccountOption {
                            id: id.get(),
                            label: format!("{person} — {name} ({})", masked(&iban)),
                            selected: Some(id) == account,
                        }
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let remembered = match (profile, account) {
            (Some(profile), _) => Some(profile.to_owned()),
            (None, Some(account)) if accounts.iter().any(|option| option.selected) => {
                remembered_profile(&state.store, account).await?
            }
            _ => None,
        };
        let profiles = BUILT_IN_PROFILES
            .iter()
            .map(|(name, _)| ProfileOption {
                name,
                label: t.get(&format!("web-import-profile-{name}")),
                selected: remembered.as_deref() == Some(*name),
            })
            .collect();
        Ok(Choices { accounts, profiles })
    }
}

/// An IBAN as the form shows it: the country and check digits, then the last four.
fn masked(iban: &str) -> String {
    let tail = iban.len().saturating_sub(4);
    format!(
        "{}…{}",
        iban.get(..4).unwrap_or(iban),
        iban.get(tail..).unwrap_or_default()
    )
}

/// What the form's choices mean for a file: the account's IBAN (for a CSV file without one) and
/// the CSV format, the one chosen or the one remembered for the account.
pub struct FileChoice {
    account: Option<AccountId>,
    iban: Option<String>,
    profile_name: Option<String>,
    profile: Option<CsvProfile>,
}

impl FileChoice {
    /// Refuses an account of a book `writable` does not list (as missing) and an unknown format.
    pub async fn resolve(
        state: &AppState,
        writable: &[BookId],
        account: Option<AccountId>,
        profile: Option<&str>,
    ) -> Result<FileChoice, ApiError> {
        let iban = match account {
            Some(account) => Some(bank_account(&state.store, account, writable).await?.1),
            None => None,
        };
        let profile_name = match (profile, account) {
            (Some(profile), _) => Some(profile.to_owned()),
            (None, Some(account)) => remembered_profile(&state.store, account).await?,
            (None, None) => None,
        };
        let profile = match profile_name.as_deref() {
            Some(name) => Some(
                built_in_profile(name)
                    .ok_or_else(|| ApiError::BadRequest(format!("'{name}' is not a bank format gestio knows")))?,
            ),
            None => None,
        };
        Ok(FileChoice {
            account,
            iban,
            profile_name,
            profile,
        })
    }

    pub fn options(&self) -> ImportOptions<'_> {
        ImportOptions {
            csv_profile: self.profile.as_ref(),
            account_iban: self.iban.as_deref(),
            ..ImportOptions::default()
        }
    }

    pub fn account(&self) -> Option<AccountId> {
        self.account
    }

    pub fn profile_name(&self) -> Option<&str> {
        self.profile_name.as_deref()
    }

    /// Remembers the format for the accounts the file's statements were for.
    pub async fn remember(&self, state: &AppState, check: &BookCheck) -> Result<(), ApiError> {
        let Some(profile) = self.profile_name.as_deref() else {
            return Ok(());
        };
        let mut accounts: Vec<AccountId> = check.statements.iter().map(|statement| statement.account.id).collect();
        accounts.extend(self.account);
        accounts.sort();
        accounts.dedup();
        remember_profile(&state.store, &accounts, profile).await?;
        Ok(())
    }
}
