//! `POST /case/{id}/schedules/{schedule}/state`: a schedule's payments stopped (no run plans
//! them while stopped: a creditor paid otherwise, a dispute) or started again, back on the case's
//! payments page with a message.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Labels;
use crate::domain::access::Action;
use crate::domain::ids::{BookId, ScheduleId};
use crate::http::AppState;
use crate::http::auth::PageCaller;
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::payments::set_schedule_active;

#[derive(Deserialize)]
pub struct StateForm {
    csrf: String,
    /// `true` starts the payments again, `false` stops them.
    active: bool,
}

pub async fn change_state(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    PathParams((book, schedule)): PathParams<(BookId, ScheduleId)>,
    Form(form): Form<StateForm>,
) -> Result<Response, ApiError> {
    caller.check_form_token(&form.csrf)?;
    caller.book(&state, Action::Write, book).await?;
    set_schedule_active(&state.store, book, schedule, form.active).await?;
    let done = if form.active { "started" } else { "stopped" };
    Ok(Redirect::to(&format!("/case/{book}/payments?done={done}#schedules")).into_response())
}

/// The message of the case's payments page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

impl DoneQuery {
    pub fn message(&self, t: &Labels) -> Option<String> {
        match self.done.as_deref()? {
            done @ ("started" | "stopped") => Some(t.get(&format!("web-schedule-done-{done}"))),
            _ => None,
        }
    }
}
