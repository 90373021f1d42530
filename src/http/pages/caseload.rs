//! The caseload: the books the counsellor or supervisor may read, with their money and the next
//! account due to the court.

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};

use super::{Chrome, Labels};
use crate::domain::access::Action;
use crate::http::AppState;
use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::service::caseload::{Case, caseload};
use crate::storage::Attention;

struct CaseRow {
    name: String,
    /// The case's page, once it has a book.
    link: Option<String>,
    language: String,
    mandate: String,
    case_number: String,
    money: String,
    negative: bool,
    /// The next account for the court and its deadline; "assumed" when the court has not said.
    account_due: String,
    /// What needs doing: (link, words), most urgent first.
    to_do: Vec<(String, String)>,
}

fn row(case: &Case, t: &Labels) -> CaseRow {
    let mandate = case.mandate.as_ref();
    let locale = t.locale();
    let page = case.book.as_ref().map(|book| format!("/case/{}", book.id));
    CaseRow {
        name: case.beneficiary.name.clone(),
        link: page.clone(),
        language: case.beneficiary.language.to_string(),
        mandate: mandate
            .map(|mandate| mandate.kind.to_string())
            .unwrap_or_else(|| "—".into()),
        case_number: mandate
            .and_then(|mandate| mandate.court.as_ref())
            .map(|court| court.case_number.clone())
            .unwrap_or_else(|| "—".into()),
        money: case
            .money
            .map(|money| locale.money(money.minor(), money.currency()))
            .unwrap_or_else(|| "—".into()),
        negative: case.money.is_some_and(|money| money.is_negative()),
        account_due: case.account_due.map_or_else(
            || "—".into(),
            |deadline| {
                let due = format!(
                    "{}, {} {}",
                    t.period(&deadline.period),
                    t.get("web-caseload-due"),
                    locale.date(deadline.due)
                );
                if deadline.assumed {
                    format!("{due} ({})", t.get("web-caseload-assumed"))
                } else {
                    due
                }
            },
        ),
        to_do: page.map_or_else(Vec::new, |page| to_do(&case.attention, &page, t)),
    }
}

fn to_do(attention: &Attention, page: &str, t: &Labels) -> Vec<(String, String)> {
    let locale = t.locale();
    [
        (
            attention.court_remarks,
            "web-todo-court-remarks",
            format!("{page}/court#filed"),
        ),
        (attention.open_gaps, "web-todo-gaps", format!("{page}#suspense")),
        (
            attention.to_categorise,
            "web-todo-categorise",
            format!("{page}#suspense"),
        ),
        (attention.held, "web-todo-held", "/payments".to_owned()),
        (attention.on_the_way, "web-todo-on-the-way", format!("{page}/payments")),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, key, link)| (link, locale.label_with_count(key, count)))
    .collect()
}

/// The latest runs looked at for those waiting for approval: a run waits days, not months.
const RUNS_LOOKED_AT: i64 = 200;

#[derive(Template, WebTemplate)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    chrome: Chrome,
    /// For a supervisor: how many payment runs wait for their approval, in words.
    runs_waiting: Option<String>,
    rows: Vec<CaseRow>,
}

pub async fn page(caller: &Caller, state: &AppState, chrome: Chrome) -> Result<Response, ApiError> {
    let books = caller.books_allowed(state, Action::Read).await?;
    let cases = caseload(&state.store, Some(caller.office_id()?), Some(&books)).await?;
    let runs_waiting = if caller.role() == crate::domain::access::Role::Supervisor {
        let mut tx = state.store.begin_read().await?;
        let runs = tx.runs_of_office(caller.office_id()?, RUNS_LOOKED_AT).await?;
        tx.commit().await?;
        let waiting = runs
            .iter()
            .filter(|run| run.state == crate::domain::payment_state::RunState::Prepared)
            .count();
        (waiting > 0).then(|| {
            chrome
                .t
                .locale()
                .label_with_count("web-caseload-runs-waiting", waiting as i64)
        })
    } else {
        None
    };
    Ok(CaseloadPage {
        runs_waiting,
        rows: cases.iter().map(|case| row(case, &chrome.t)).collect(),
        chrome,
    }
    .into_response())
}
