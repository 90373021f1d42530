//! The office's payment settings as its supervisors' settings page shows them: whether a second
//! person approves each payment run (four eyes), and for each case the reserve its payments
//! leave on the accounts and the overdraft each bank account may go into.

use crate::domain::account::Account;
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::money::Currency;
use crate::service::ServiceResult;
use crate::storage::Store;

/// One case's settings.
#[derive(Debug, Clone)]
pub struct CaseSettings {
    pub book: BookId,
    pub currency: Currency,
    pub reserve_minor: i64,
    /// Each open bank account with its overdraft limit, in minor units.
    pub accounts: Vec<(Account, i64)>,
}

#[derive(Debug, Clone)]
pub struct OfficeSettings {
    pub four_eyes: bool,
    pub cases: Vec<CaseSettings>,
}

/// The settings of `office` and of its books among `books`.
pub async fn office_settings(store: &Store, office: OfficeId, books: &[BookId]) -> ServiceResult<OfficeSettings> {
    let mut tx = store.begin_read().await?;
    let four_eyes = tx.office_four_eyes(office).await?;
    let mut cases = Vec::new();
    for found in tx.books(Some(office)).await? {
        if !books.contains(&found.id) {
            continue;
        }
        let reserve_minor = tx.book_reserve(found.id).await?;
        let mut accounts = Vec::new();
        for account in tx.accounts(found.id).await? {
            if account.iban.is_some() && !account.closed {
                let overdraft = tx.account_overdraft(account.id).await?;
                accounts.push((account, overdraft));
            }
        }
        cases.push(CaseSettings {
            book: found.id,
            currency: found.currency,
            reserve_minor,
            accounts,
        });
    }
    tx.commit().await?;
    Ok(OfficeSettings { four_eyes, cases })
}
