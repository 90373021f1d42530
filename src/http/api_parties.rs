//! JSON API: offices, beneficiaries, mandates.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use chrono::NaiveDate;
use serde::Deserialize;

use super::AppState;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::{JsonBody, PathParams, QueryParams};
use crate::domain::access::Action;
use crate::domain::court::Court;
use crate::domain::ids::{BeneficiaryId, CourtId, MandateId, OfficeId};
use crate::domain::mandate::{Jurisdiction, Mandate, MandateInput, MandateKind, NewMandate, PeriodRule};
use crate::domain::money::{Currency, Money};
use crate::domain::party::{Beneficiary, Language, NewBeneficiary, Office};
use crate::service::parties;
use crate::storage::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/offices", get(list_offices))
        .route("/offices/{id}", get(show_office))
        .route("/courts", get(list_courts))
        .route("/beneficiaries", get(list_beneficiaries).post(create_beneficiary))
        .route("/beneficiaries/{id}", get(show_beneficiary))
        .route("/mandates", get(list_mandates).post(create_mandate))
        .route("/mandates/{id}", get(show_mandate))
}

type Created<T> = (StatusCode, axum::Json<T>);

/// Offices are created by the server's operator (`gestio office create`); a user sees their own.
/// The caller's office; none for court staff and the administrator, who work above the offices.
async fn list_offices(caller: Caller, State(state): State<AppState>) -> Result<axum::Json<Vec<Office>>, ApiError> {
    let Some(office) = caller.signed_in.user.office else {
        return Ok(axum::Json(Vec::new()));
    };
    Ok(axum::Json(vec![state.store.begin_read().await?.office(office).await?]))
}

/// Every court: whoever opens a court measure names one of these.
async fn list_courts(_caller: Caller, State(state): State<AppState>) -> Result<axum::Json<Vec<Court>>, ApiError> {
    Ok(axum::Json(crate::service::courts::courts(&state.store).await?))
}

async fn show_office(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<OfficeId>,
) -> Result<axum::Json<Office>, ApiError> {
    if Some(id) != caller.signed_in.user.office {
        caller.refuse();
        return Err(StoreError::missing(id).into());
    }
    Ok(axum::Json(state.store.begin_read().await?.office(id).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BeneficiaryRequest {
    office_id: OfficeId,
    name: String,
    language: String,
    birth_date: Option<NaiveDate>,
    contact: Option<String>,
}

async fn create_beneficiary(
    caller: Caller,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<BeneficiaryRequest>,
) -> Result<Created<Beneficiary>, ApiError> {
    caller.office(Action::Administer, request.office_id)?;
    let now = chrono::Utc::now();
    let person = NewBeneficiary::new(
        request.office_id,
        &request.name,
        Language::parse(&request.language)?,
        request.birth_date,
        request.contact.as_deref(),
        now.date_naive(),
    )?;
    let person = parties::create_beneficiary(&state.store, &person, now).await?;
    Ok((StatusCode::CREATED, axum::Json(person)))
}

#[derive(Deserialize)]
struct OfficeQuery {
    office_id: Option<OfficeId>,
}

/// The people the caller may see, of one office if asked.
async fn list_beneficiaries(
    caller: Caller,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<OfficeQuery>,
) -> Result<axum::Json<Vec<Beneficiary>>, ApiError> {
    let people = state.store.begin_read().await?.beneficiaries(query.office_id).await?;
    let pairs: Vec<_> = people.iter().map(|person| (person.id, person.office_id)).collect();
    let readable = caller.readable_people(&state, &pairs).await?;
    Ok(axum::Json(
        people
            .into_iter()
            .filter(|person| readable.contains(&person.id))
            .collect(),
    ))
}

async fn show_beneficiary(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<BeneficiaryId>,
) -> Result<axum::Json<Beneficiary>, ApiError> {
    caller.person(&state, Action::Read, id, id).await?;
    Ok(axum::Json(state.store.begin_read().await?.beneficiary(id).await?))
}

/// An amount as it travels in JSON: a decimal string and a currency code, never a number.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountRequest {
    pub amount: String,
    pub currency: String,
}

impl AmountRequest {
    pub fn to_money(&self) -> Result<Money, ApiError> {
        Ok(Money::parse(&self.amount, Currency::parse(&self.currency)?)?)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MandateRequest {
    beneficiary_id: BeneficiaryId,
    kind: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
    /// The court's record (`GET /courts`), for a court measure.
    court_id: Option<CourtId>,
    case_number: Option<String>,
    judge: Option<String>,
    period_rule: Option<String>,
    jurisdiction: Option<String>,
    receipt_threshold: Option<AmountRequest>,
    agreement: Option<String>,
}

async fn create_mandate(
    caller: Caller,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<MandateRequest>,
) -> Result<Created<Mandate>, ApiError> {
    let person = request.beneficiary_id;
    caller.person(&state, Action::Write, person, person).await?;
    let input = MandateInput {
        court: request.court_id,
        case_number: request.case_number.as_deref(),
        judge: request.judge.as_deref(),
        end: request.end,
        receipt_threshold: request
            .receipt_threshold
            .as_ref()
            .map(AmountRequest::to_money)
            .transpose()?,
        agreement: request.agreement.as_deref(),
    };
    let mandate = NewMandate::new(
        request.beneficiary_id,
        MandateKind::parse(&request.kind)?,
        request.start,
        PeriodRule::parse(request.period_rule.as_deref().unwrap_or("calendar_year"))?,
        Jurisdiction::parse(request.jurisdiction.as_deref().unwrap_or("generic"))?,
        input,
    )?;
    let mandate = parties::create_mandate(&state.store, &mandate, chrono::Utc::now()).await?;
    Ok((StatusCode::CREATED, axum::Json(mandate)))
}

#[derive(Deserialize)]
struct BeneficiaryQuery {
    beneficiary_id: Option<BeneficiaryId>,
}

/// The mandates of the people the caller may see.
async fn list_mandates(
    caller: Caller,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<BeneficiaryQuery>,
) -> Result<axum::Json<Vec<Mandate>>, ApiError> {
    let mut tx = state.store.begin_read().await?;
    let mandates = tx.mandates(query.beneficiary_id).await?;
    let people = tx.beneficiaries(None).await?;
    tx.commit().await?;
    let pairs: Vec<_> = people.iter().map(|person| (person.id, person.office_id)).collect();
    let readable = caller.readable_people(&state, &pairs).await?;
    Ok(axum::Json(
        mandates
            .into_iter()
            .filter(|mandate| readable.contains(&mandate.beneficiary_id))
            .collect(),
    ))
}

async fn show_mandate(
    caller: Caller,
    State(state): State<AppState>,
    PathParams(id): PathParams<MandateId>,
) -> Result<axum::Json<Mandate>, ApiError> {
    let mandate = state.store.begin_read().await?.mandate(id).await?;
    caller.person(&state, Action::Read, mandate.beneficiary_id, id).await?;
    Ok(axum::Json(mandate))
}
