//! Files waiting for a counsellor's decision after the check against the book, and the bank
//! format remembered per account. A draft is the sender's alone: another user asking for it is
//! answered as if it did not exist.

use chrono::{DateTime, Utc};

use crate::domain::ids::{AccountId, BookId, UserId};
use crate::service::ServiceResult;
use crate::storage::{ImportDraft, Store, StoreError};

/// Keeps `file` (name, bytes) for `user`, read with `profile` for `account`; drafts older than
/// `forget_before` are forgotten on the way. Returns the draft's id.
pub async fn keep_draft(
    store: &Store,
    user: UserId,
    file: (&str, &[u8]),
    choice: (Option<&str>, Option<AccountId>),
    (now, forget_before): (DateTime<Utc>, DateTime<Utc>),
) -> ServiceResult<i64> {
    let mut tx = store.begin_write().await?;
    let id = tx.insert_import_draft(user, file, choice, (now, forget_before)).await?;
    tx.commit().await?;
    Ok(id)
}

/// `user`'s draft `id`.
pub async fn draft(store: &Store, user: UserId, id: i64) -> ServiceResult<ImportDraft> {
    store.begin_read().await?.import_draft(user, id).await?.ok_or_else(|| {
        StoreError::NotFound {
            what: "file waiting to be imported",
            id: id.to_string(),
        }
        .into()
    })
}

pub async fn drop_draft(store: &Store, user: UserId, id: i64) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    tx.delete_import_draft(user, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Remembers `profile` as the bank format of each of `accounts`.
pub async fn remember_profile(store: &Store, accounts: &[AccountId], profile: &str) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    for account in accounts {
        tx.remember_import_profile(*account, profile).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The bank format remembered for `account`.
pub async fn remembered_profile(store: &Store, account: AccountId) -> ServiceResult<Option<String>> {
    Ok(store.begin_read().await?.import_profile(account).await?)
}

/// The open bank accounts of the office's books among `books`: (account, book, name, IBAN).
pub async fn bank_accounts(
    store: &Store,
    office: crate::domain::ids::OfficeId,
    books: &[BookId],
) -> ServiceResult<Vec<(AccountId, BookId, String, String)>> {
    let mut accounts = store.begin_read().await?.bank_accounts_of_office(office).await?;
    accounts.retain(|(_, book, _, _)| books.contains(book));
    Ok(accounts)
}

/// Account `account`'s book and IBAN, when it is a bank account of one of `books`.
pub async fn bank_account(store: &Store, account: AccountId, books: &[BookId]) -> ServiceResult<(BookId, String)> {
    store
        .begin_read()
        .await?
        .bank_account(account)
        .await?
        .filter(|(book, _)| books.contains(book))
        .ok_or_else(|| StoreError::missing(account).into())
}
