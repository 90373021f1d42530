//! The caseload: the books the counsellor or supervisor may read, with their money and the next
//! account due to the court.

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};

use super::Chrome;
use crate::domain::access::Action;
use crate::http::AppState;
use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::service::caseload::{Case, caseload};

struct CaseRow {
    name: String,
    /// The case's page, once it has a book.
    link: Option<String>,
    language: String,
    mandate: String,
    case_number: String,
    book: String,
    money: String,
    negative: bool,
    /// The next account for the court and its deadline; "assumed" when the court has not said.
    account_due: String,
}

impl From<&Case> for CaseRow {
    fn from(case: &Case) -> CaseRow {
        let mandate = case.mandate.as_ref();
        CaseRow {
            name: case.beneficiary.name.clone(),
            link: case.book.as_ref().map(|book| format!("/case/{}", book.id)),
            language: case.beneficiary.language.to_string(),
            mandate: mandate
                .map(|mandate| mandate.kind.to_string())
                .unwrap_or_else(|| "—".into()),
            case_number: mandate
                .and_then(|mandate| mandate.court.as_ref())
                .map(|court| court.case_number.clone())
                .unwrap_or_else(|| "—".into()),
            book: case
                .book
                .as_ref()
                .map(|book| format!("book {}", book.id))
                .unwrap_or_else(|| "no book yet".into()),
            money: case.money.map(|money| money.to_string()).unwrap_or_else(|| "—".into()),
            negative: case.money.is_some_and(|money| money.is_negative()),
            account_due: case.account_due.map_or_else(
                || "—".into(),
                |deadline| {
                    format!(
                        "{} to {}, due {}{}",
                        deadline.period.from,
                        deadline.period.to,
                        deadline.due,
                        if deadline.assumed { " (assumed)" } else { "" }
                    )
                },
            ),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    chrome: Chrome,
    /// Supervisors also get the links to the users and the audit log.
    supervisor: bool,
    rows: Vec<CaseRow>,
}

pub async fn page(caller: &Caller, state: &AppState, chrome: Chrome) -> Result<Response, ApiError> {
    let books = caller.books_allowed(state, Action::Read).await?;
    let cases = caseload(&state.store, Some(caller.office_id()), Some(&books)).await?;
    Ok(CaseloadPage {
        chrome,
        supervisor: caller.role() == crate::domain::access::Role::Supervisor,
        rows: cases.iter().map(CaseRow::from).collect(),
    }
    .into_response())
}
