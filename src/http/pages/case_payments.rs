//! A case's payments: who is paid, when and how much (schedules, with the judge's authorisation
//! where needed), the debts and how far their repayment plans have gone, and the forms that add a
//! creditor, a schedule or a debt. Payment runs themselves are on `/payments`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{Chrome, Labels};
use crate::domain::access::Action;
use crate::domain::account::{AccountKind, ReportCategory};
use crate::domain::creditor::PaymentTarget;
use crate::domain::ids::{BookId, CreditorId};
use crate::domain::money::Money;
use crate::domain::schedule::{DayOfMonth, Ending, Frequency, Schedule};
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams, blank_as_none};
use crate::service::ServiceError;
use crate::service::payments::{self as use_case, CreditorInput, ScheduleInput};

struct ScheduleRow {
    id: i64,
    active: bool,
    creditor: String,
    amount: String,
    rhythm: String,
    start: String,
    ending: String,
    priority: u8,
    state: String,
}

struct DebtRow {
    name: String,
    owed: String,
    repaid: String,
    remaining: String,
    on_the_way: String,
    plan: String,
}

/// What went wrong with one of the page's forms, shown by it.
#[derive(Default)]
struct Problems {
    creditor: Option<String>,
    schedule: Option<String>,
    debt: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_payments.html")]
struct CasePaymentsPage {
    chrome: Chrome,
    book: i64,
    name: String,
    writes: bool,
    schedules: Vec<ScheduleRow>,
    debts: Vec<DebtRow>,
    /// (id, name) of the creditors a schedule may pay.
    creditors: Vec<(i64, String)>,
    /// (code, "code name") of the accounts a payment may be booked to.
    targets: Vec<(String, String)>,
    problems: Problems,
    done: Option<String>,
}

/// `GET /case/{id}/payments`
pub async fn payments_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<super::schedule_state::DoneQuery>,
) -> Result<Response, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let mut page = render(&caller, &state, &headers, book, writes, Problems::default()).await?;
    page.done = query.message(&page.chrome.t);
    Ok(page.into_response())
}

async fn render(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    writes: bool,
    problems: Problems,
) -> Result<CasePaymentsPage, ApiError> {
    let chrome = Chrome::of(caller, headers);
    let mut tx = state.store.begin_read().await?;
    let found = tx.book(book).await?;
    let name = tx.beneficiary(found.beneficiary_id).await?.name;
    let accounts = tx.accounts(book).await?;
    tx.commit().await?;
    let creditors = use_case::creditors(&state.store, caller.office_id()?, Some(book)).await?;
    let schedules = use_case::schedules(&state.store, book).await?;
    let debts = use_case::debts(&state.store, book).await?;
    let t = &chrome.t;
    let money = |minor| t.locale().money(minor, found.currency);
    let creditor_name = |id: CreditorId| {
        creditors
            .iter()
            .find(|creditor| creditor.id == id)
            .map(|creditor| creditor.name.clone())
            .unwrap_or_default()
    };
    Ok(CasePaymentsPage {
        book: book.get(),
        name,
        writes,
        schedules: schedules
            .iter()
            .map(|schedule| schedule_row(t, schedule, creditor_name(schedule.details.creditor_id)))
            .collect(),
        debts: debts
            .iter()
            .map(|debt| DebtRow {
                name: debt.name.clone(),
                owed: money(debt.owed_minor),
                repaid: money(debt.repaid_minor),
                remaining: money(debt.remaining_minor),
                on_the_way: money(debt.on_the_way_minor),
                plan: debt
                    .plans
                    .iter()
                    .filter(|plan| plan.active)
                    .map(|plan| {
                        let every = schedules
                            .iter()
                            .find(|schedule| schedule.id == plan.schedule)
                            .map(|schedule| rhythm(t, &schedule.details.frequency))
                            .unwrap_or_default();
                        format!("{}, {every}", money(plan.instalment_minor))
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        creditors: creditors
            .iter()
            .map(|creditor| (creditor.id.get(), creditor.name.clone()))
            .collect(),
        targets: accounts
            .iter()
            .filter(|account| {
                !account.closed && (account.category == ReportCategory::Debt || account.kind() == AccountKind::Expense)
            })
            .map(|account| (account.code.clone(), format!("{} {}", account.code, account.name)))
            .collect(),
        problems,
        done: None,
        chrome,
    })
}

/// How often a schedule pays, in words: "monthly (5)", "weekly (Fri)".
fn rhythm(t: &Labels, frequency: &Frequency) -> String {
    let day = |day: &DayOfMonth| match day {
        DayOfMonth::Day(number) => number.to_string(),
        DayOfMonth::Last => t.get("web-day-last"),
    };
    match frequency {
        Frequency::Once => t.get("web-every-once"),
        Frequency::Weekly { weekday } => format!("{} ({weekday})", t.get("web-every-weekly")),
        Frequency::Monthly { day: on } => format!("{} ({})", t.get("web-every-monthly"), day(on)),
        Frequency::Quarterly { day: on } => format!("{} ({})", t.get("web-every-quarterly"), day(on)),
        Frequency::Yearly { day: on } => format!("{} ({})", t.get("web-every-yearly"), day(on)),
    }
}

fn schedule_row(t: &Labels, schedule: &Schedule, creditor: String) -> ScheduleRow {
    let details = &schedule.details;
    let rhythm = rhythm(t, &details.frequency);
    let ending = match &details.ending {
        Ending::Never => "—".to_owned(),
        Ending::On { date } => t.locale().date(*date),
        Ending::After { instalments } => format!("{instalments} × "),
        Ending::Repaid => t.get("web-schedule-until-repaid"),
    };
    let state = if !schedule.active {
        t.get("web-schedule-stopped")
    } else if details.needs_authorisation && details.authorisation_ref.is_none() {
        t.get("web-schedule-awaits-judge")
    } else {
        t.get("web-schedule-active")
    };
    let target = match &details.target {
        PaymentTarget::Account(code) => format!(" → {code}"),
        PaymentTarget::Category(category) => format!(" → {}", category.code()),
    };
    ScheduleRow {
        id: schedule.id.get(),
        active: schedule.active,
        creditor: format!("{creditor}{target}"),
        amount: t.locale().money(details.amount.minor(), details.amount.currency()),
        rhythm,
        start: t.locale().date(details.start),
        ending,
        priority: details.priority.get(),
        state,
    }
}

/// Text a form sent, or `None` when the field was left empty.
fn given(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|text| !text.is_empty())
}

/// After a form's change: back to the page when it was made, else the page again with the
/// refusal by its form (`place`), or the error passed on when the user cannot fix it.
async fn answer(
    caller: &Caller,
    state: &AppState,
    headers: &HeaderMap,
    book: BookId,
    done: Result<(), ServiceError>,
    place: fn(&mut Problems) -> &mut Option<String>,
) -> Result<Response, ApiError> {
    let error = match done {
        Ok(()) => return Ok(Redirect::to(&format!("/case/{book}/payments")).into_response()),
        Err(error) if error.is_for_the_person() => error,
        Err(error) => return Err(error.into()),
    };
    let mut problems = Problems::default();
    *place(&mut problems) = Some(error.to_string());
    let page = render(caller, state, headers, book, true, problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
pub struct CreditorForm {
    csrf: String,
    name: String,
    iban: String,
    #[serde(default)]
    bic: String,
    #[serde(default)]
    street: String,
    #[serde(default)]
    postcode: String,
    town: String,
    country: String,
    #[serde(default)]
    remittance: String,
    #[serde(default)]
    account: String,
}

/// `POST /case/{id}/creditors`: a creditor kept for this case.
pub async fn add_creditor(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(form): Form<CreditorForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    let input = CreditorInput {
        book: Some(book),
        name: &form.name,
        iban: &form.iban,
        bic: given(&form.bic),
        street: given(&form.street),
        postcode: given(&form.postcode),
        town: &form.town,
        country: &form.country,
        remittance: given(&form.remittance),
        account: given(&form.account),
        ..CreditorInput::default()
    };
    let office = caller.office_id()?;
    let added = async {
        let creditor = input.read(office)?;
        use_case::add_creditor(&state.store, &creditor, chrono::Utc::now()).await?;
        Ok(())
    }
    .await;
    answer(&caller, &state, &headers, book, added, |problems| {
        &mut problems.creditor
    })
    .await
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    csrf: String,
    creditor: i64,
    amount: String,
    every: String,
    #[serde(default)]
    day: String,
    start: NaiveDate,
    #[serde(default, deserialize_with = "blank_as_none")]
    end: Option<NaiveDate>,
    #[serde(default, deserialize_with = "blank_as_none")]
    instalments: Option<u32>,
    #[serde(default)]
    until_repaid: Option<String>,
    #[serde(default)]
    account: String,
    #[serde(default, deserialize_with = "blank_as_none")]
    priority: Option<u8>,
    #[serde(default)]
    remittance: String,
    #[serde(default)]
    needs_authorisation: Option<String>,
}

/// `POST /case/{id}/schedules`: a payment, once or repeated; a debt plan is a schedule booked to
/// the debt's account until it is repaid.
pub async fn add_schedule(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(form): Form<ScheduleForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    // The creditor must be one this case may pay (the office's or the case's own); any other
    // answers as missing, as the service decides for every way in.
    let amount = Chrome::of(&caller, &headers).t.locale().plain_amount(&form.amount);
    let input = ScheduleInput {
        creditor: CreditorId::new(form.creditor),
        amount: &amount,
        category: None,
        account: given(&form.account),
        every: &form.every,
        day: given(&form.day),
        start: form.start,
        end: form.end,
        instalments: form.instalments,
        until_repaid: form.until_repaid.is_some(),
        remittance: given(&form.remittance),
        priority: form.priority,
        needs_authorisation: form.needs_authorisation.is_some(),
        from_account: None,
    };
    let added = async {
        let schedule = input.read(&state.store, book).await?;
        use_case::add_schedule(&state.store, schedule, chrono::Utc::now()).await?;
        Ok(())
    }
    .await;
    answer(&caller, &state, &headers, book, added, |problems| {
        &mut problems.schedule
    })
    .await
}

#[derive(Deserialize)]
pub struct DebtForm {
    csrf: String,
    creditor: String,
    amount: String,
    date: NaiveDate,
}

/// `POST /case/{id}/debts`: a debt found after the opening, with its own account.
pub async fn add_debt(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(form): Form<DebtForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    let currency = crate::service::ledger::book(&state.store, book).await?.currency;
    let added = async {
        let typed = Chrome::of(&caller, &headers).t.locale().plain_amount(&form.amount);
        let amount = Money::parse(&typed, currency)?;
        let author = caller.author();
        use_case::add_debt(
            &state.store,
            book,
            &form.creditor,
            amount,
            form.date,
            &author,
            chrono::Utc::now(),
        )
        .await?;
        Ok(())
    }
    .await;
    answer(&caller, &state, &headers, book, added, |problems| &mut problems.debt).await
}
