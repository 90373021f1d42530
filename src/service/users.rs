//! Users: created with an argon2id password hash, their password changed, disabled, assigned
//! books; signing in checks a password in the same time whether or not the login exists; and the
//! access rule (`domain::access::decide`) asked with the facts from the database.

use chrono::{DateTime, Utc};

use super::passwords::{PasswordGuard, PasswordWork};
use super::{ServiceError, ServiceResult};
use crate::domain::access::{Action, BookFacts, Decision, Principal, Role, decide};
use crate::domain::ids::BookId;
use crate::domain::party::Language;
use crate::domain::session::TryOutcome;
use crate::domain::user::{NewUser, User, UserError, check_password};
use crate::storage::{Store, StoreError};

pub async fn add_user(
    store: &Store,
    work: &PasswordWork,
    user: NewUser,
    password: &str,
    now: DateTime<Utc>,
) -> ServiceResult<User> {
    let user = user.check()?;
    check_password(&user.login, password)?;
    let password_hash = work.hash(password).await?;
    let mut tx = store.begin_write().await?;
    if let Some(office) = user.office {
        tx.office(office).await?;
    }
    if let Some(court) = user.court {
        tx.court(court).await?;
    }
    if let Some(beneficiary) = user.beneficiary
        && Some(tx.beneficiary(beneficiary).await?.office_id) != user.office
    {
        return Err(UserError::TieForOtherRole.into());
    }
    let created = tx.insert_user(&user, &password_hash, now).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn set_password(store: &Store, work: &PasswordWork, login: &str, password: &str) -> ServiceResult<User> {
    check_password(login, password)?;
    let password_hash = work.hash(password).await?;
    let mut tx = store.begin_write().await?;
    let (user, _) = tx.user_by_login(login).await?;
    tx.set_password_hash(user.id, &password_hash).await?;
    // Whoever signed in with the old password is signed out.
    tx.delete_sessions_of(user.id).await?;
    tx.commit().await?;
    Ok(user)
}

/// A user changing their own password: the current one is asked again (a session left open on a
/// shared computer must not be enough), through the same throttle as signing in, and every
/// session ends, this one included.
pub async fn change_own_password(
    store: &Store,
    guard: &PasswordGuard,
    change: &PasswordChange<'_>,
    now: DateTime<Utc>,
) -> ServiceResult<User> {
    if change.new != change.repeated {
        return Err(UserError::RepetitionDiffers.into());
    }
    check_password(change.login, change.new)?;
    let attempt = guard
        .begin(change.login, change.address, now)
        .ok_or(ServiceError::Throttled)?;
    let Some(_) = authenticate(store, &guard.work, change.login, change.current).await? else {
        attempt.finish(TryOutcome::Failed);
        return Err(UserError::WrongCurrentPassword.into());
    };
    attempt.finish(TryOutcome::Succeeded);
    set_password(store, &guard.work, change.login, change.new).await
}

/// What a user types to change their password, and where from.
pub struct PasswordChange<'a> {
    pub login: &'a str,
    pub current: &'a str,
    pub new: &'a str,
    pub repeated: &'a str,
    /// The client's address, for the throttle.
    pub address: &'a str,
}

/// The language of the user's pages; `None` follows the browser's.
pub async fn set_language(store: &Store, user: i64, language: Option<Language>) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    tx.set_user_language(user, language.map(Language::code)).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_disabled(store: &Store, login: &str, disabled: bool) -> ServiceResult<User> {
    let mut tx = store.begin_write().await?;
    let (user, _) = tx.user_by_login(login).await?;
    tx.set_disabled(user.id, disabled).await?;
    if disabled {
        tx.delete_sessions_of(user.id).await?;
    }
    let user = tx.user(user.id).await?;
    tx.commit().await?;
    Ok(user)
}

/// Assigns a book of the counsellor's office to a counsellor.
pub async fn assign(store: &Store, login: &str, book: BookId, now: DateTime<Utc>) -> ServiceResult<User> {
    let mut tx = store.begin_write().await?;
    let (user, _) = tx.user_by_login(login).await?;
    if user.role != Role::Counsellor {
        return Err(ServiceError::Assignment(format!(
            "{login} is a {}: books are assigned to counsellors",
            user.role.code()
        )));
    }
    // A book of another office answers as a missing one: its office is not the user's to know.
    if Some(tx.book(book).await?.office_id) != user.office {
        return Err(StoreError::missing(book).into());
    }
    tx.assign_book(user.id, book, now).await?;
    tx.commit().await?;
    Ok(user)
}

/// Ends a counsellor's assignment to a book: from their next request on they no longer see it.
pub async fn withdraw(store: &Store, login: &str, book: BookId) -> ServiceResult<User> {
    let mut tx = store.begin_write().await?;
    let (user, _) = tx.user_by_login(login).await?;
    tx.withdraw_book(user.id, book).await?;
    tx.commit().await?;
    Ok(user)
}

/// Every user, or those of one office.
pub async fn users(store: &Store, office: Option<crate::domain::ids::OfficeId>) -> ServiceResult<Vec<User>> {
    let mut tx = store.begin_read().await?;
    let found = tx.users(office).await?;
    tx.commit().await?;
    Ok(found)
}

/// The user whose login and password these are, if any and not disabled. The same work is done
/// whatever is wrong, so the answer's timing does not tell an unknown login from a wrong password.
pub async fn authenticate(
    store: &Store,
    work: &PasswordWork,
    login: &str,
    password: &str,
) -> ServiceResult<Option<User>> {
    let mut tx = store.begin_read().await?;
    let found = match tx.user_by_login(login).await {
        Ok(found) => Some(found),
        Err(StoreError::NotFound { .. }) => None,
        Err(error) => return Err(error.into()),
    };
    tx.commit().await?;
    let stored = found.as_ref().map(|(_, hash)| hash.clone());
    let matches = work.verifies(password, stored).await?;
    Ok(found
        .filter(|(user, _)| matches && !user.disabled)
        .map(|(user, _)| user))
}

/// The access rule's answer for `user`, `action` and `book`, from the stored facts.
pub async fn authorize(store: &Store, user: i64, action: Action, book: BookId) -> ServiceResult<Decision> {
    let mut tx = store.begin_read().await?;
    let user = tx.user(user).await?;
    let principal = Principal {
        office: user.office,
        role: user.role,
        disabled: user.disabled,
        assigned_books: tx.assigned_books(user.id).await?,
        beneficiary: user.beneficiary,
        court: user.court,
    };
    let found = match tx.book(book).await {
        Ok(found) => found,
        Err(StoreError::NotFound { .. }) => return Ok(Decision::Hidden),
        Err(error) => return Err(error.into()),
    };
    let courts = tx
        .mandates(Some(found.beneficiary_id))
        .await?
        .into_iter()
        .filter_map(|mandate| mandate.court.map(|case| case.court))
        .collect();
    tx.commit().await?;
    let facts = BookFacts {
        book,
        office: found.office_id,
        beneficiary: found.beneficiary_id,
        courts,
    };
    Ok(decide(&principal, action, &facts))
}
