//! Signed-in counsellors for the benchmarks that ask the server as a browser would.

use chrono::Utc;
use gestio::domain::access::Role;
use gestio::domain::ids::{BookId, OfficeId};
use gestio::domain::user::NewUser;
use gestio::service::passwords::PasswordGuard;
use gestio::service::sessions::{SignIn, sign_in};
use gestio::service::users::{add_user, assign};
use gestio::storage::Store;

const PASSWORD: &str = "benchmark passphrase";

/// The office the benchmark's books are in (the first).
pub async fn first_office(store: &Store) -> OfficeId {
    store
        .begin_read()
        .await
        .expect("a read")
        .offices()
        .await
        .expect("offices")[0]
        .id
}

/// A counsellor `login` of `office` with `books`, signed in from `address`: the session cookie.
pub async fn counsellor_cookie(
    store: &Store,
    passwords: &PasswordGuard,
    office: OfficeId,
    login: &str,
    books: &[BookId],
    address: &str,
) -> String {
    let user = NewUser {
        office: Some(office),
        login: login.to_owned(),
        display_name: format!("Counsellor {login}"),
        role: Role::Counsellor,
        language: None,
        beneficiary: None,
        court: None,
    };
    add_user(store, &passwords.work, user, PASSWORD, Utc::now())
        .await
        .expect("a user");
    for book in books {
        assign(store, login, *book, Utc::now()).await.expect("an assignment");
    }
    match sign_in(store, passwords, login, PASSWORD, address, Utc::now())
        .await
        .expect("signing in")
    {
        SignIn::Opened { token, .. } => format!("{}={token}", gestio::http::auth::SESSION_COOKIE),
        _ => panic!("{login} could not sign in"),
    }
}
