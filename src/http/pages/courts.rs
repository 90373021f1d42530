//! The instance's administrator's start: the courts, each with its staff, a form to record a
//! court and, per court, a form to add a member of its staff. Nobody else sees these pages: court
//! staff are the court's, and no office may say who works for a court.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::domain::access::{Decision, Role, decide_instance};
use crate::domain::court::NewCourt;
use crate::domain::ids::CourtId;
use crate::domain::mandate::Jurisdiction;
use crate::domain::user::NewUser;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller};
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::{ServiceError, courts, users};

struct CourtRow {
    id: i64,
    name: String,
    /// The jurisdiction's label key.
    jurisdiction: String,
    address: String,
    /// (login, name, disabled) of its staff.
    staff: Vec<(String, String, bool)>,
    /// A refused addition of staff to this court, shown by its form.
    error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "courts.html")]
struct CourtsPage {
    chrome: Chrome,
    courts: Vec<CourtRow>,
    jurisdictions: Vec<(&'static str, String)>,
    /// A refused court, shown by the form that records one.
    error: Option<String>,
}

/// What a refusal is about: recording a court, or adding staff to one.
enum Refused {
    Court(String),
    Staff(CourtId, String),
}

/// The administrator's own: anyone else is told the page does not exist.
fn instance_only(caller: &Caller, page: &str) -> Result<(), ApiError> {
    match decide_instance(&caller.signed_in.principal) {
        Decision::Allowed => Ok(()),
        Decision::Forbidden | Decision::Hidden => {
            caller.refuse();
            Err(ApiError::NotFound(format!("page {page} does not exist")))
        }
    }
}

pub async fn page(caller: &Caller, state: &AppState, chrome: Chrome) -> Result<Response, ApiError> {
    instance_only(caller, "/")?;
    Ok(render(state, chrome, None).await?.into_response())
}

async fn render(state: &AppState, chrome: Chrome, refused: Option<Refused>) -> Result<CourtsPage, ApiError> {
    let recorded = courts::courts(&state.store).await?;
    let staff = crate::service::users::users(&state.store, None).await?;
    let (court_error, staff_error) = match refused {
        Some(Refused::Court(message)) => (Some(message), None),
        Some(Refused::Staff(court, message)) => (None, Some((court, message))),
        None => (None, None),
    };
    let rows = recorded
        .into_iter()
        .map(|court| CourtRow {
            id: court.id.get(),
            jurisdiction: format!("jurisdiction-{}", court.jurisdiction.code()),
            address: court.address.unwrap_or_default(),
            staff: staff
                .iter()
                .filter(|user| user.role == Role::Court && user.court == Some(court.id))
                .map(|user| (user.login.clone(), user.display_name.clone(), user.disabled))
                .collect(),
            error: staff_error
                .as_ref()
                .filter(|(refused, _)| *refused == court.id)
                .map(|(_, message)| message.clone()),
            name: court.name,
        })
        .collect();
    let jurisdictions = Jurisdiction::ALL
        .iter()
        .map(|jurisdiction| (jurisdiction.code(), format!("jurisdiction-{}", jurisdiction.code())))
        .collect();
    Ok(CourtsPage {
        chrome,
        courts: rows,
        jurisdictions,
        error: court_error,
    })
}

#[derive(Deserialize)]
pub struct CourtForm {
    csrf: String,
    name: String,
    jurisdiction: String,
    #[serde(default)]
    address: String,
}

/// `POST /courts`: records a court.
pub async fn add_court(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CourtForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    instance_only(&caller, "/courts")?;
    let added = async {
        let jurisdiction = Jurisdiction::parse(&form.jurisdiction)?;
        let court = NewCourt::new(&form.name, jurisdiction, Some(&form.address))?;
        courts::add_court(&state.store, &court, chrono::Utc::now()).await
    }
    .await;
    match added {
        Ok(_) => Ok(Redirect::to("/").into_response()),
        Err(error) => refuse(&caller, &state, &headers, error, Refused::Court).await,
    }
}

#[derive(Deserialize)]
pub struct StaffForm {
    csrf: String,
    login: String,
    name: String,
    password: String,
}

/// `POST /courts/{id}/staff`: adds a member of a court's staff.
pub async fn add_staff(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(court): PathParams<CourtId>,
    Form(form): Form<StaffForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    instance_only(&caller, &format!("/courts/{court}/staff"))?;
    courts::court(&state.store, court).await?;
    let clerk = NewUser {
        office: None,
        login: form.login.trim().to_owned(),
        display_name: form.name.trim().to_owned(),
        role: Role::Court,
        language: None,
        beneficiary: None,
        court: Some(court),
    };
    let work = &state.passwords.work;
    match users::add_user(&state.store, work, clerk, &form.password, chrono::Utc::now()).await {
        Ok(_) => Ok(Redirect::to("/").into_response()),
        Err(error) => {
            refuse(&caller, &state, &headers, error, |message| {
                Refused::Staff(court, message)
            })
            .await
        }
    }
}

/// The page again with the refusal by its form (422), or the error as it is when it is not the
/// input's fault.
async fn refuse(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    error: ServiceError,
    about: impl FnOnce(String) -> Refused,
) -> Result<Response, ApiError> {
    if !error.is_for_the_person() {
        return Err(error.into());
    }
    let chrome = Chrome::of(caller, headers);
    let message = chrome.t.refusal(&error);
    let page = render(state, chrome, Some(about(message))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
