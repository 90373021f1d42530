//! Signing in and out, and finding who is behind a session token (DESIGN §8).
//!
//! The token is 32 random bytes, given to the browser once; the database keeps only its SHA-256.
//! Every session carries its own CSRF token, which pages put in their forms and API clients send
//! in a header.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use super::passwords::PasswordGuard;
use super::session_cache::SessionCache;
use super::users::authenticate;
use crate::domain::access::{Action, Decision, Principal, Role, decide, needs_courts};
use crate::domain::audit::{AuditKind, AuditRecord};
use crate::domain::ids::BookId;
use crate::domain::session::{SessionTimes, TryOutcome};
use crate::domain::user::User;
use crate::storage::{SessionOfUser, Store, Tx};

/// A signed-in user, as every request sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub user: User,
    pub principal: Principal,
    pub csrf_token: String,
}

/// What signing in came to.
#[derive(Debug)]
pub enum SignIn {
    /// The token for the cookie, and the user.
    Opened { token: String, signed_in: Box<SignedIn> },
    /// Wrong login or password, or a disabled user: the same answer for all three.
    Refused,
    /// Too many failures for this login or address; try again later.
    Throttled,
}

/// 32 bytes from the operating system's generator, as 64 hex digits.
fn random_token() -> String {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex::encode(bytes)
}

fn token_hash(token: &str) -> String {
    super::filings::sha256_hex(token.as_bytes())
}

pub async fn sign_in(
    store: &Store,
    guard: &PasswordGuard,
    login: &str,
    password: &str,
    address: &str,
    now: DateTime<Utc>,
) -> ServiceResult<SignIn> {
    let Some(attempt) = guard.begin(login, address, now) else {
        return Ok(SignIn::Throttled);
    };
    let Some(user) = authenticate(store, &guard.work, login, password).await? else {
        attempt.finish(TryOutcome::Failed);
        let mut tx = store.begin_write().await?;
        tx.insert_audit(&sign_in_record(now, None, AuditKind::SignInRefused, 401))
            .await?;
        tx.commit().await?;
        return Ok(SignIn::Refused);
    };
    attempt.finish(TryOutcome::Succeeded);
    let token = random_token();
    let csrf_token = random_token();
    let mut tx = store.begin_write().await?;
    tx.insert_session(&token_hash(&token), user.id, &csrf_token, now)
        .await?;
    tx.insert_audit(&sign_in_record(now, Some(user.id), AuditKind::SignIn, 200))
        .await?;
    let principal = principal(&mut tx, &user).await?;
    tx.commit().await?;
    Ok(SignIn::Opened {
        token,
        signed_in: Box::new(SignedIn {
            user,
            principal,
            csrf_token,
        }),
    })
}

fn sign_in_record(now: DateTime<Utc>, user: Option<i64>, kind: AuditKind, status: u16) -> AuditRecord {
    AuditRecord {
        at: now,
        user,
        kind,
        route: "POST sign-in".to_owned(),
        book: None,
        status,
    }
}

async fn principal(tx: &mut Tx, user: &User) -> ServiceResult<Principal> {
    Ok(principal_of(user, tx.assigned_books(user.id).await?))
}

fn principal_of(user: &User, assigned_books: Vec<BookId>) -> Principal {
    Principal {
        office: user.office,
        role: user.role,
        disabled: user.disabled,
        assigned_books,
        beneficiary: user.beneficiary,
        court: user.court,
    }
}

/// The user behind `token`, if the session is live and the user not disabled. An expired session
/// is deleted; a live one is marked as used (at most once a minute).
pub async fn session(
    store: &Store,
    cache: &SessionCache,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<SignedIn>> {
    let hash = token_hash(token);
    let (signed_in, times) = match cache.get(&hash, now) {
        Some(kept) => kept,
        None => match read_session(store, &hash).await? {
            Some((signed_in, times)) => {
                cache.put(hash.clone(), signed_in.clone(), times, now);
                (signed_in, times)
            }
            None => return Ok(None),
        },
    };
    if times.check(now).is_err() {
        cache.forget_session(&hash);
        end_session(store, &hash).await?;
        return Ok(None);
    }
    if times.needs_touch(now) {
        let mut tx = store.begin_write().await?;
        tx.touch_session(&hash, now).await?;
        tx.commit().await?;
        cache.touched(&hash, now);
    }
    Ok(Some(signed_in))
}

/// The live session of `hash` and its times, read from the database; `None` when there is no
/// such session or its user is disabled.
async fn read_session(store: &Store, hash: &str) -> ServiceResult<Option<(SignedIn, SessionTimes)>> {
    let mut tx = store.read_alone().await?;
    let found = tx.session_of_user(hash).await?;
    tx.commit().await?;
    let Some(SessionOfUser {
        session,
        user,
        assigned_books,
    }) = found
    else {
        return Ok(None);
    };
    if user.disabled {
        return Ok(None);
    }
    let principal = principal_of(&user, assigned_books);
    let signed_in = SignedIn {
        user,
        principal,
        csrf_token: session.csrf_token,
    };
    Ok(Some((signed_in, session.times)))
}

async fn end_session(store: &Store, hash: &str) -> ServiceResult<()> {
    let mut tx = store.begin_write().await?;
    tx.delete_session(hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends the session of `token` and writes it down.
pub async fn sign_out(
    store: &Store,
    cache: &SessionCache,
    token: &str,
    user: i64,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    cache.forget_session(&token_hash(token));
    let mut tx = store.begin_write().await?;
    tx.delete_session(&token_hash(token)).await?;
    tx.insert_audit(&AuditRecord {
        at: now,
        user: Some(user),
        kind: AuditKind::SignOut,
        route: "POST sign-out".to_owned(),
        book: None,
        status: 200,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The access rule's answer for a signed-in user; a book that does not exist is `Hidden`.
pub async fn authorize_book(
    store: &Store,
    principal: &Principal,
    action: Action,
    book: BookId,
) -> ServiceResult<Decision> {
    let facts = store.book_facts(book, needs_courts(principal)).await?;
    Ok(facts.map_or(Decision::Hidden, |facts| decide(principal, action, &facts)))
}

/// The decisions on `book` for each of `actions`, from one read of its facts: a page asks
/// whether it may be read and, to offer its forms, whether it may be changed.
pub async fn authorize_book_for(
    store: &Store,
    principal: &Principal,
    book: BookId,
    actions: &[Action],
) -> ServiceResult<Vec<Decision>> {
    let facts = store.book_facts(book, needs_courts(principal)).await?;
    Ok(actions
        .iter()
        .map(|action| {
            facts
                .as_ref()
                .map_or(Decision::Hidden, |facts| decide(principal, *action, facts))
        })
        .collect())
}

/// The books `principal` may do `action` with, in id order.
pub async fn allowed_books(store: &Store, principal: &Principal, action: Action) -> ServiceResult<Vec<BookId>> {
    if principal.role == Role::Administrator {
        return Ok(Vec::new());
    }
    // Court staff have no office: their court's mandates may be in any office.
    let office = principal.office;
    let facts = if principal.role == Role::Counsellor {
        // A counsellor sees at most their assigned books: ask only about those.
        store
            .listed_book_facts(office, &principal.assigned_books, needs_courts(principal))
            .await?
    } else {
        let mut tx = store.read_alone().await?;
        let facts = tx.all_book_facts(office, None).await?;
        tx.commit().await?;
        facts
    };
    Ok(facts
        .into_iter()
        .filter(|facts| decide(principal, action, facts) == Decision::Allowed)
        .map(|facts| facts.book)
        .collect())
}

pub async fn search_audit(
    store: &Store,
    query: &crate::domain::audit::AuditQuery,
) -> ServiceResult<Vec<(i64, AuditRecord)>> {
    let mut tx = store.begin_read().await?;
    let found = tx.audit(query).await?;
    tx.commit().await?;
    Ok(found)
}

/// The rule for a person's records (the beneficiary, their mandates): through their book when
/// they have one; before a book is opened, through their office (read by its staff, changed by
/// its supervisors, who open cases).
pub fn decide_person(
    principal: &Principal,
    action: Action,
    office: crate::domain::ids::OfficeId,
    book: Option<&crate::domain::access::BookFacts>,
) -> Decision {
    match (book, action) {
        // Who may see what was filed about someone may know who they are.
        (Some(facts), Action::Read | Action::ReadFiled) => decide(principal, Action::ReadFiled, facts),
        (_, Action::Read | Action::ReadFiled) => crate::domain::access::decide_office(principal, Action::Read, office),
        (_, _) => crate::domain::access::decide_office(principal, Action::Administer, office),
    }
}

/// The rule's answer for a person, from the stored facts; a person who does not exist is `Hidden`.
pub async fn authorize_person(
    store: &Store,
    principal: &Principal,
    action: Action,
    person: crate::domain::ids::BeneficiaryId,
) -> ServiceResult<Decision> {
    let mut tx = store.begin_read().await?;
    let office = match tx.beneficiary(person).await {
        Ok(found) => found.office_id,
        Err(crate::storage::StoreError::NotFound { .. }) => return Ok(Decision::Hidden),
        Err(error) => return Err(error.into()),
    };
    // Only this person's book, not every book of the office.
    let book = tx.person_book_facts(person).await?;
    tx.commit().await?;
    Ok(decide_person(principal, action, office, book.as_ref()))
}

/// Of `people` (with their offices), those `principal` may read.
pub async fn readable_people(
    store: &Store,
    principal: &Principal,
    people: &[(crate::domain::ids::BeneficiaryId, crate::domain::ids::OfficeId)],
) -> ServiceResult<std::collections::HashSet<crate::domain::ids::BeneficiaryId>> {
    if principal.role == Role::Administrator {
        return Ok(std::collections::HashSet::new());
    }
    let mut tx = store.read_alone().await?;
    let facts = tx.all_book_facts(principal.office, None).await?;
    tx.commit().await?;
    let books: std::collections::HashMap<_, _> = facts.iter().map(|facts| (facts.beneficiary, facts)).collect();
    Ok(people
        .iter()
        .filter(|(person, office)| {
            decide_person(principal, Action::Read, *office, books.get(person).copied()) == Decision::Allowed
        })
        .map(|(person, _)| *person)
        .collect())
}
