//! Users for tests, and HTTP clients signed in as them.

use gestio::domain::access::Role;
use gestio::domain::ids::{BeneficiaryId, BookId, CourtId, OfficeId};
use gestio::domain::user::NewUser;
use gestio::service::users;
use reqwest::header::{HeaderMap, HeaderValue};

use super::{TestApp, now};

/// Every test user's password.
pub const PASSWORD: &str = "correct horse battery staple";

/// What ties a test user to books: nothing, the beneficiary they are, or their court.
pub enum Tie {
    None,
    Beneficiary(BeneficiaryId),
    Court(CourtId),
}

/// A session as the API gave it: the cookie to send back and the CSRF token.
pub struct Session {
    pub cookie: String,
    pub csrf_token: String,
}

impl TestApp {
    /// Creates a user with [`PASSWORD`]; counsellors get `books` assigned. `office` is ignored
    /// for the roles that belong to no office (court staff, the administrator).
    pub async fn add_user(&self, office: OfficeId, login: &str, role: Role, tie: Tie, books: &[BookId]) {
        let (beneficiary, court) = match tie {
            Tie::None => (None, None),
            Tie::Beneficiary(person) => (Some(person), None),
            Tie::Court(court) => (None, Some(court)),
        };
        let user = NewUser {
            office: role.has_office().then_some(office),
            login: login.to_owned(),
            display_name: format!("Test user {login}"),
            role,
            language: None,
            beneficiary,
            court,
        };
        users::add_user(
            &self.store,
            &gestio::service::passwords::PasswordWork::default(),
            user,
            PASSWORD,
            now(),
        )
        .await
        .expect("a test user");
        for book in books {
            users::assign(&self.store, login, *book, now())
                .await
                .expect("an assignment");
        }
    }

    /// Signs in through the API and returns the session.
    pub async fn session(&self, login: &str, password: &str) -> Result<Session, reqwest::StatusCode> {
        let response = reqwest::Client::new()
            .post(self.url("/api/v1/session"))
            .json(&serde_json::json!({ "login": login, "password": password }))
            .send()
            .await
            .expect("the sign-in request");
        if !response.status().is_success() {
            return Err(response.status());
        }
        let set_cookie = response
            .headers()
            .get("set-cookie")
            .expect("a session cookie")
            .to_str()
            .unwrap()
            .to_owned();
        let body: serde_json::Value = response.json().await.unwrap();
        Ok(Session {
            cookie: set_cookie.split(';').next().unwrap().to_owned(),
            csrf_token: body["csrf_token"].as_str().unwrap().to_owned(),
        })
    }

    /// A client that sends the user's session cookie and CSRF token with every request.
    pub async fn client_of(&self, login: &str) -> reqwest::Client {
        let session = self.session(login, PASSWORD).await.expect("signing in");
        session.client()
    }

    /// Creates a supervisor of `office` and makes `self.client` theirs.
    pub async fn sign_in_supervisor(&mut self, office: OfficeId) {
        let login = format!("supervisor{}", office.get());
        self.add_user(office, &login, Role::Supervisor, Tie::None, &[]).await;
        self.client = self.client_of(&login).await;
    }
}

impl Session {
    pub fn client(&self) -> reqwest::Client {
        let mut headers = HeaderMap::new();
        headers.insert("cookie", HeaderValue::from_str(&self.cookie).unwrap());
        headers.insert("x-csrf-token", HeaderValue::from_str(&self.csrf_token).unwrap());
        reqwest::Client::builder()
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }
}
