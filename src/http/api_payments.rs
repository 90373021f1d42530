//! JSON API: creditors, schedules, expected incomes, debts, forecast and payment settings.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Deserialize;

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::creditor::Creditor;
use crate::domain::ids::{AccountId, BookId, CreditorId, OfficeId, ScheduleId};
use crate::domain::money::Money;
use crate::domain::schedule::{ExpectedIncome, Frequency, Schedule};
use crate::service::ledger;
use crate::service::payments::{self as use_case, CreditorInput, DebtView, ForecastReport, ScheduleInput, settings};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/offices/{id}/creditors", get(list_creditors).post(add_creditor))
        .route("/offices/{id}/payment-settings", post(office_settings))
        .route("/books/{id}/schedules", get(list_schedules).post(add_schedule))
        .route("/books/{id}/incomes", post(add_income))
        .route("/books/{id}/debts", get(debts).post(add_debt))
        .route("/books/{id}/forecast", get(forecast))
        .route("/books/{id}/payment-settings", post(book_settings))
        .route("/schedules/{id}/authorisation", post(authorise))
}

fn invalid(error: impl ToString) -> ApiError {
    ApiError::Unprocessable(error.to_string())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreditorRequest {
    book_id: Option<BookId>,
    name: String,
    iban: String,
    bic: Option<String>,
    street: Option<String>,
    building: Option<String>,
    postcode: Option<String>,
    town: String,
    country: String,
    remittance: Option<String>,
    /// Where its payments are booked unless a schedule says otherwise.
    category: Option<String>,
    account: Option<String>,
}

async fn add_creditor(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(office): PathParams<OfficeId>,
    JsonBody(request): JsonBody<CreditorRequest>,
) -> Result<(StatusCode, axum::Json<Creditor>), ApiError> {
    caller.office(Action::Write, office)?;
    if let Some(book) = request.book_id {
        caller.book(&state, Action::Write, book).await?;
    }
    let creditor = CreditorInput {
        book: request.book_id,
        name: &request.name,
        iban: &request.iban,
        bic: request.bic.as_deref(),
        street: request.street.as_deref(),
        building: request.building.as_deref(),
        postcode: request.postcode.as_deref(),
        town: &request.town,
        country: &request.country,
        remittance: request.remittance.as_deref(),
        category: request.category.as_deref(),
        account: request.account.as_deref(),
    }
    .read(office)?;
    let stored = use_case::add_creditor(&state.store, &creditor, chrono::Utc::now()).await?;
    Ok((StatusCode::CREATED, axum::Json(stored)))
}

#[derive(Deserialize)]
struct BookQuery {
    book: Option<BookId>,
}

async fn list_creditors(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(office): PathParams<OfficeId>,
    QueryParams(query): QueryParams<BookQuery>,
) -> Result<axum::Json<Vec<Creditor>>, ApiError> {
    caller.office(Action::Read, office)?;
    if let Some(book) = query.book {
        caller.book(&state, Action::Read, book).await?;
    }
    Ok(axum::Json(use_case::creditors(&state.store, office, query.book).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleRequest {
    creditor_id: CreditorId,
    amount: String,
    category: Option<String>,
    account: Option<String>,
    every: String,
    day: Option<String>,
    start: NaiveDate,
    end: Option<NaiveDate>,
    instalments: Option<u32>,
    #[serde(default)]
    until_repaid: bool,
    remittance: Option<String>,
    priority: Option<u8>,
    #[serde(default)]
    needs_authorisation: bool,
    from_account: Option<AccountId>,
}

async fn add_schedule(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    JsonBody(request): JsonBody<ScheduleRequest>,
) -> Result<(StatusCode, axum::Json<Schedule>), ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let schedule = ScheduleInput {
        creditor: request.creditor_id,
        amount: &request.amount,
        category: request.category.as_deref(),
        account: request.account.as_deref(),
        every: &request.every,
        day: request.day.as_deref(),
        start: request.start,
        end: request.end,
        instalments: request.instalments,
        until_repaid: request.until_repaid,
        remittance: request.remittance.as_deref(),
        priority: request.priority,
        needs_authorisation: request.needs_authorisation,
        from_account: request.from_account,
    }
    .read(&state.store, book)
    .await?;
    let stored = use_case::add_schedule(&state.store, schedule, chrono::Utc::now()).await?;
    Ok((StatusCode::CREATED, axum::Json(stored)))
}

async fn list_schedules(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
) -> Result<axum::Json<Vec<Schedule>>, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    Ok(axum::Json(use_case::schedules(&state.store, book).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorisationRequest {
    reference: String,
}

async fn authorise(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(schedule): PathParams<ScheduleId>,
    JsonBody(request): JsonBody<AuthorisationRequest>,
) -> Result<StatusCode, ApiError> {
    let book = state.store.begin_read().await?.schedule_book(schedule).await?;
    caller.record_of(&state, Action::Write, book, schedule).await?;
    use_case::authorise_schedule(&state.store, schedule, &request.reference).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncomeRequest {
    account_id: AccountId,
    name: String,
    amount: String,
    day: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
}

async fn add_income(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    JsonBody(request): JsonBody<IncomeRequest>,
) -> Result<StatusCode, ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let found = ledger::book(&state.store, book).await?;
    let Frequency::Monthly { day } = Frequency::parse("monthly", &request.day).map_err(invalid)? else {
        unreachable!("monthly gives a monthly frequency")
    };
    let income = ExpectedIncome {
        id: 0,
        book_id: book,
        account: request.account_id,
        name: request.name,
        amount: Money::parse(&request.amount, found.currency)?,
        day,
        start: request.start,
        end: request.end,
    };
    use_case::add_expected_income(&state.store, &income, chrono::Utc::now()).await?;
    Ok(StatusCode::CREATED)
}

async fn debts(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
) -> Result<axum::Json<Vec<DebtView>>, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    Ok(axum::Json(use_case::debts(&state.store, book).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DebtRequest {
    creditor: String,
    amount: String,
    date: NaiveDate,
}

async fn add_debt(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    JsonBody(request): JsonBody<DebtRequest>,
) -> Result<(StatusCode, axum::Json<crate::domain::account::Account>), ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let currency = ledger::book(&state.store, book).await?.currency;
    let amount = Money::parse(&request.amount, currency)?;
    let account = use_case::add_debt(
        &state.store,
        book,
        &request.creditor,
        amount,
        request.date,
        &caller.author(),
        chrono::Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(account)))
}

#[derive(Deserialize)]
struct ForecastQuery {
    days: Option<u32>,
    today: Option<NaiveDate>,
}

async fn forecast(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<ForecastQuery>,
) -> Result<axum::Json<ForecastReport>, ApiError> {
    caller.book(&state, Action::Read, book).await?;
    let today = query.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let days = query.days.unwrap_or(90).min(crate::domain::forecast::FORECAST_DAYS_MAX);
    Ok(axum::Json(use_case::forecast(&state.store, book, today, days).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeSettingsRequest {
    four_eyes: Option<bool>,
    /// "1,3,2,4,5"; an empty text restores the classes' own order.
    priority_order: Option<String>,
}

async fn office_settings(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(office): PathParams<OfficeId>,
    JsonBody(request): JsonBody<OfficeSettingsRequest>,
) -> Result<StatusCode, ApiError> {
    caller.office(Action::Administer, office)?;
    if let Some(required) = request.four_eyes {
        settings::set_four_eyes(&state.store, office, required).await?;
    }
    match request.priority_order.as_deref().map(str::trim) {
        Some("") => settings::set_priority_order(&state.store, office, None).await?,
        Some(text) => {
            let order = crate::domain::schedule::PriorityOrder::parse(text).map_err(invalid)?;
            settings::set_priority_order(&state.store, office, Some(&order)).await?;
        }
        None => {}
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BookSettingsRequest {
    reserve: Option<String>,
    /// The account code and the overdraft agreed for it.
    overdraft: Option<(String, String)>,
}

async fn book_settings(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(book): PathParams<BookId>,
    JsonBody(request): JsonBody<BookSettingsRequest>,
) -> Result<StatusCode, ApiError> {
    caller.book(&state, Action::Write, book).await?;
    let currency = ledger::book(&state.store, book).await?.currency;
    if let Some(reserve) = &request.reserve {
        settings::set_reserve(&state.store, book, Money::parse(reserve, currency)?.minor()).await?;
    }
    if let Some((code, limit)) = &request.overdraft {
        settings::set_overdraft(&state.store, book, code, Money::parse(limit, currency)?.minor()).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
