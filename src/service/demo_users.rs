//! One user per role for the demo office, with a fresh password each time the demo starts, so
//! that whoever starts it can sign in as each kind of user and nobody else knows the passwords.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use super::passwords::PasswordWork;
use super::users::{add_user, assign, set_password};
use crate::domain::access::Role;
use crate::domain::ids::OfficeId;
use crate::domain::user::NewUser;
use crate::storage::{Store, StoreError};

/// A demo sign-in, to print.
#[derive(Debug, Clone)]
pub struct DemoSignIn {
    pub role: Role,
    pub login: &'static str,
    pub password: String,
}

/// The demo's users: the instance's administrator, the supervisor, a counsellor with the first
/// three books, the first beneficiary, and the clerk of the first beneficiary's court. Created
/// once; their passwords are new at every call.
pub async fn demo_sign_ins(store: &Store, office: OfficeId, now: DateTime<Utc>) -> ServiceResult<Vec<DemoSignIn>> {
    let mut tx = store.begin_read().await?;
    let books = tx.books(Some(office)).await?;
    let first = books.first().ok_or_else(|| StoreError::NotFound {
        what: "book of the demo office",
        id: office.to_string(),
    })?;
    let court = tx
        .mandates(Some(first.beneficiary_id))
        .await?
        .into_iter()
        .find_map(|mandate| mandate.court.map(|case| case.court));
    tx.commit().await?;
    let users = [
        (Role::Administrator, "admin", "Administrateur de l'instance", None, None),
        (
            Role::Supervisor,
            "superviseur",
            "Claire Muller (supervisor)",
            None,
            None,
        ),
        (Role::Counsellor, "conseillere", "Sandra Weber (counsellor)", None, None),
        (
            Role::Beneficiary,
            "maria",
            "Maria Fernandes",
            Some(first.beneficiary_id),
            None,
        ),
        (Role::Court, "greffe", "Greffe du tribunal", None, court),
    ];
    let mut sign_ins = Vec::with_capacity(users.len());
    let work = PasswordWork::default();
    for (role, login, name, beneficiary, court) in users {
        let password = fresh_password();
        let exists = store.begin_read().await?.user_by_login(login).await.is_ok();
        if exists {
            set_password(store, &work, login, &password).await?;
        } else {
            let user = NewUser {
                office: role.has_office().then_some(office),
                login: login.to_owned(),
                display_name: name.to_owned(),
                role,
                language: None,
                beneficiary,
                court,
            };
            add_user(store, &work, user, &password, now).await?;
            if role == Role::Counsellor {
                for book in books.iter().take(3) {
                    assign(store, login, book.id, now).await?;
                }
            }
        }
        sign_ins.push(DemoSignIn { role, login, password });
    }
    Ok(sign_ins)
}

/// 20 random hex digits: easy to copy, long enough to resist guessing.
fn fresh_password() -> String {
    let mut bytes = [0_u8; 10];
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex::encode(bytes)
}
