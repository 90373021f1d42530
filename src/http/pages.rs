//! Server-rendered pages (askama). For now the caseload of the signed-in user; without a
//! session, pages send the browser to the sign-in page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::AppState;
use super::auth::PageCaller;
use super::error::ApiError;
use crate::domain::access::Action;
use crate::service::caseload::{Case, caseload};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(caseload_page))
}

struct CaseRow {
    name: String,
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
    lang: &'static str,
    user_name: String,
    csrf: String,
    rows: Vec<CaseRow>,
}

/// The books the user may read, with their money; without a session, the sign-in page.
async fn caseload_page(
    caller: Result<PageCaller, ApiError>,
    State(state): State<AppState>,
) -> Result<Response, ApiError> {
    let Ok(PageCaller(caller)) = caller else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let books = caller.books_allowed(&state, Action::Read).await?;
    let cases = caseload(&state.store, Some(&books)).await?;
    Ok(CaseloadPage {
        lang: "en",
        user_name: caller.signed_in.user.display_name.clone(),
        csrf: caller.signed_in.csrf_token.clone(),
        rows: cases.iter().map(CaseRow::from).collect(),
    }
    .into_response())
}
