//! `POST /import/drafts/{id}`: the counsellor's decision on a file the check against the book
//! had something to say about. "Book it" imports it with the matches ticked (those lines are
//! booked by the entries made by hand, not again) and, when its opening balance differs from the
//! book, the reason given; "do not import" forgets the file. Refused, the page shows the file's
//! decision again with what was typed and the message by the reason's field.

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use super::import::ImportPage;
use super::import_choices::{Choices, FileChoice};
use super::import_outcome::{booked_outcome, waiting_outcome};
use crate::domain::access::Action;
use crate::domain::ids::{AccountId, EntryId, UserId};
use crate::http::AppState;
use crate::http::auth::PageCaller;
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::import::drafts::{draft, drop_draft};
use crate::service::import::{ImportOptions, LineMatch, check_against_book, import_file};

pub async fn decide(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(id): PathParams<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let form = crate::http::extract::FormFields::checked(fields, &caller)?;
    let field = |name: &str| form.get(name);
    let user = UserId::new(caller.user_id());
    let kept = draft(&state.store, user, id).await?;
    if field("decision") == Some("drop") {
        drop_draft(&state.store, user, id).await?;
        return Ok(Redirect::to("/import?dropped=1").into_response());
    }
    let chrome = Chrome::of(&caller, &headers);
    let writable = caller.books_allowed(&state, Action::Write).await?;
    let account = kept.account_id.map(AccountId::new);
    let choice = FileChoice::resolve(&state, &writable, account, kept.profile.as_deref()).await?;
    let matches = form
        .0
        .iter()
        .filter(|(key, _)| key == "match")
        .map(|(_, value)| parse_match(value))
        .collect::<Result<Vec<_>, _>>()?;
    let reason = field("reason").map(str::trim).unwrap_or_default().to_owned();
    let options = ImportOptions {
        writable_books: Some(&writable),
        matches: &matches,
        force_reason: Some(reason.as_str()).filter(|reason| !reason.is_empty()),
        ..choice.options()
    };
    let check = check_against_book(&state.store, &kept.file_name, &kept.content, options).await?;
    let refusal = if check.opening_differs() && reason.is_empty() {
        Some(chrome.t.get("web-import-reason-needed"))
    } else {
        let now = chrono::Utc::now();
        match import_file(
            &state.store,
            &kept.file_name,
            &kept.content,
            options,
            &caller.author(),
            now,
        )
        .await
        {
            Ok(summary) => {
                drop_draft(&state.store, user, id).await?;
                choice.remember(&state, &check).await?;
                let outcome = booked_outcome(&caller, kept.file_name, &summary);
                let choices = Choices::load(&caller, &state, &chrome.t, account, None).await?;
                let done = Some(chrome.t.get("web-import-booked"));
                let page = ImportPage {
                    chrome,
                    choices,
                    outcomes: vec![outcome],
                    error: None,
                    done,
                };
                return Ok(page.into_response());
            }
            Err(error) if error.is_for_the_person() => Some(chrome.t.refusal(&error)),
            Err(error) => return Err(error.into()),
        }
    };
    let outcome = waiting_outcome(
        &chrome.t,
        kept.file_name,
        id,
        &check,
        refusal.map(|error| (error, reason)),
    );
    let choices = Choices::load(&caller, &state, &chrome.t, account, None).await?;
    let page = ImportPage {
        chrome,
        choices,
        outcomes: vec![outcome],
        error: None,
        done: None,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// A ticked match, "statement:line:entry".
fn parse_match(text: &str) -> Result<LineMatch, ApiError> {
    let unreadable = || ApiError::BadRequest(format!("'{text}' does not name a line and an entry"));
    let mut parts = text
        .split(':')
        .map(|part| part.parse::<i64>().map_err(|_| unreadable()));
    let (Some(statement), Some(line), Some(entry), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(unreadable());
    };
    Ok(LineMatch {
        statement: usize::try_from(statement?).map_err(|_| unreadable())?,
        line: usize::try_from(line?).map_err(|_| unreadable())?,
        entry: EntryId::new(entry?),
    })
}
