//! The supervisors' administration of their office's users: add a user (with the tie their role
//! needs), assign books to counsellors, disable and enable. Users of other offices do not exist
//! here.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::{Action, Role};
use crate::domain::ids::{BeneficiaryId, BookId};
use crate::domain::user::{NewUser, User};
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::users;

struct UserRow {
    id: i64,
    login: String,
    name: String,
    /// The role's label key.
    role: String,
    disabled: bool,
    counsellor: bool,
    /// (book id, the person's name) of the books assigned to a counsellor.
    books: Vec<(i64, String)>,
    /// For a beneficiary's login: the person it reads the money of.
    person: Option<String>,
}

/// The new user's form as typed, kept when it is refused.
#[derive(Default)]
struct Typed {
    login: String,
    name: String,
    role: String,
    beneficiary: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: Chrome,
    users: Vec<UserRow>,
    /// (book id, beneficiary's name) of the office's books.
    books: Vec<(i64, String)>,
    /// (id, name) of the office's beneficiaries, for a beneficiary's login.
    people: Vec<(i64, String)>,
    error: Option<String>,
    typed: Typed,
    /// A refused new password, by the user it was for.
    password_error: Option<(i64, String)>,
    done: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct UsersQuery {
    /// What was done last: added, password, assigned, withdrawn, disabled, enabled.
    done: Option<String>,
}

pub async fn users_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    crate::http::extract::QueryParams(query): crate::http::extract::QueryParams<UsersQuery>,
) -> Result<Response, ApiError> {
    caller.office(Action::Administer, caller.office_id()?)?;
    let mut page = render(&caller, &state, &headers, None).await?;
    page.done = query.done.as_deref().and_then(|done| match done {
        "added" | "password" | "assigned" | "withdrawn" | "disabled" | "enabled" => {
            Some(page.chrome.t.get(&format!("web-admin-done-{done}")))
        }
        _ => None,
    });
    Ok(page.into_response())
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    error: Option<String>,
) -> Result<UsersPage, ApiError> {
    let office = caller.office_id()?;
    let mut tx = state.store.begin_read().await?;
    let books = super::named_books(&mut tx, office, None).await?;
    let people: Vec<(i64, String)> = tx
        .beneficiaries_among(Some(office), None)
        .await?
        .into_iter()
        .map(|person| (person.id.get(), person.name))
        .collect();
    let mut rows = Vec::new();
    for user in tx.users(Some(office)).await? {
        let assigned = tx.assigned_books(user.id).await?;
        let person = user.beneficiary.and_then(|id| {
            people
                .iter()
                .find(|(person, _)| *person == id.get())
                .map(|(_, name)| name.clone())
        });
        rows.push(UserRow {
            person,
            id: user.id,
            counsellor: user.role == Role::Counsellor,
            books: books
                .iter()
                .filter(|(book, _)| assigned.contains(&BookId::new(*book)))
                .cloned()
                .collect(),
            login: user.login,
            name: user.display_name,
            role: format!("role-{}", user.role.code()),
            disabled: user.disabled,
        });
    }
    tx.commit().await?;
    Ok(UsersPage {
        chrome: Chrome::of(caller, headers),
        users: rows,
        books,
        people,
        error,
        typed: Typed::default(),
        password_error: None,
        done: None,
    })
}

#[derive(Deserialize)]
pub struct NewUserForm {
    csrf: String,
    login: String,
    name: String,
    role: String,
    password: String,
    #[serde(default)]
    beneficiary: String,
}

/// `POST /admin/users`: a new user of the supervisor's office.
pub async fn add(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<NewUserForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.office(Action::Administer, caller.office_id()?)?;
    let refuse = |message: String| async {
        let mut page = render(&caller, &state, &headers, Some(message)).await?;
        page.typed = Typed {
            login: form.login.clone(),
            name: form.name.clone(),
            role: form.role.clone(),
            beneficiary: form.beneficiary.clone(),
        };
        Ok::<Response, ApiError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Some(role) = Role::parse(&form.role) else {
        return refuse(format!("'{}' is not a role", form.role)).await;
    };
    // Court staff work for their court, and the administrator above the offices: an office may
    // say who works for it, never who works for a court (finding 1 of the outside probe).
    if !role.has_office() {
        caller.refuse();
        let t = Chrome::of(&caller, &headers).t;
        let page = render(
            &caller,
            &state,
            &headers,
            Some(t.get("web-admin-court-staff-elsewhere")),
        )
        .await?;
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    let beneficiary = match form.beneficiary.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(id) => Some(BeneficiaryId::new(id)),
            Err(_) => return refuse(format!("beneficiary '{text}' is not an id")).await,
        },
    };
    let user = NewUser {
        office: Some(caller.office_id()?),
        login: form.login.trim().to_owned(),
        display_name: form.name.trim().to_owned(),
        role,
        language: None,
        beneficiary,
        court: None,
    };
    match users::add_user(
        &state.store,
        &state.passwords.work,
        user,
        &form.password,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/admin/users?done=added").into_response()),
        Err(error) if error.is_for_the_person() => refuse(Chrome::of(&caller, &headers).t.refusal(&error)).await,
        Err(error) => Err(error.into()),
    }
}

/// The user `id` if they belong to the caller's office; others answer as missing.
async fn office_user(caller: &Caller, state: &AppState, id: i64) -> Result<User, ApiError> {
    let user = state.store.begin_read().await?.user(id).await?;
    if user.office != Some(caller.office_id()?) {
        return Err(ApiError::NotFound(format!("user {id} does not exist")));
    }
    Ok(user)
}

#[derive(Deserialize)]
pub struct AssignForm {
    csrf: String,
    book: i64,
}

/// `POST /admin/users/{id}/assignments`: gives a counsellor a book of the office.
pub async fn assign(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    PathParams(id): PathParams<i64>,
    Form(form): Form<AssignForm>,
) -> Result<Response, ApiError> {
    change_assignment(&caller, &state, id, &form, Assignment::Give).await
}

/// `POST /admin/users/{id}/withdrawals`: takes a book back from a counsellor, at once: their
/// sessions are read again at their next request.
pub async fn withdraw(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    PathParams(id): PathParams<i64>,
    Form(form): Form<AssignForm>,
) -> Result<Response, ApiError> {
    change_assignment(&caller, &state, id, &form, Assignment::Withdraw).await
}

enum Assignment {
    Give,
    Withdraw,
}

async fn change_assignment(
    caller: &Caller,
    state: &AppState,
    id: i64,
    form: &AssignForm,
    change: Assignment,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.office(Action::Administer, caller.office_id()?)?;
    let user = office_user(caller, state, id).await?;
    let book = BookId::new(form.book);
    caller.book(state, Action::Write, book).await?;
    match change {
        Assignment::Give => users::assign(&state.store, &user.login, book, chrono::Utc::now()).await?,
        Assignment::Withdraw => users::withdraw(&state.store, &user.login, book).await?,
    };
    // The user's kept session is dropped: the change counts from their next request.
    state.sessions.forget_user(user.id);
    let done = match change {
        Assignment::Give => "assigned",
        Assignment::Withdraw => "withdrawn",
    };
    Ok(Redirect::to(&format!("/admin/users?done={done}")).into_response())
}

#[derive(Deserialize)]
pub struct DisableForm {
    csrf: String,
    disabled: bool,
}

/// `POST /admin/users/{id}/disabled`: disabling ends the user's sessions at once.
pub async fn set_disabled(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    PathParams(id): PathParams<i64>,
    Form(form): Form<DisableForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.office(Action::Administer, caller.office_id()?)?;
    let user = office_user(&caller, &state, id).await?;
    if user.id == caller.user_id() && form.disabled {
        return Err(ApiError::Unprocessable(
            "a supervisor cannot disable themselves: ask another supervisor".to_owned(),
        ));
    }
    users::set_disabled(&state.store, &user.login, form.disabled).await?;
    state.sessions.forget_user(user.id);
    let done = if form.disabled { "disabled" } else { "enabled" };
    Ok(Redirect::to(&format!("/admin/users?done={done}")).into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    password: String,
}

/// `POST /admin/users/{id}/password`: a supervisor gives a user who forgot theirs a new password
/// (to tell them in person); every session of that user ends.
pub async fn reset_password(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<i64>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.office(Action::Administer, caller.office_id()?)?;
    let user = office_user(&caller, &state, id).await?;
    match users::set_password(&state.store, &state.passwords.work, &user.login, &form.password).await {
        Ok(_) => {
            state.sessions.forget_user(user.id);
            Ok(Redirect::to("/admin/users?done=password").into_response())
        }
        Err(error) if error.is_for_the_person() => {
            let mut page = render(&caller, &state, &headers, None).await?;
            page.password_error = Some((user.id, page.chrome.t.refusal(&error)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
