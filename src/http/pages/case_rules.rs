//! `GET /case/{id}/rules`: the categorisation rules that apply to a case (the office's and the
//! case's own), in the order they are tried, each in words with the waiting lines it matches
//! now. `POST /case/{id}/rules/{rule}` acts on one, by its `action`: `apply` books the waiting
//! lines it matches, `off` and `on` switch it, `change` sends its lines to another account (at
//! another priority), `delete` (confirmed) removes it. Each lands back on the page with a message.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, Labels};
use crate::domain::access::Action;
use crate::domain::ids::BookId;
use crate::http::AppState;
use crate::http::auth::{Caller, PageCaller, PageViewer};
use crate::http::error::ApiError;
use crate::http::extract::{PathParams, QueryParams};
use crate::import::rules::{Conditions, Direction};
use crate::service::categorise::{CaseRule, apply_rule, case_rules, change_rule, delete_rule, switch_rule};

pub struct RuleRow {
    id: i64,
    name: String,
    /// "For this case" or "for every case of the office".
    scope: String,
    conditions: String,
    target: String,
    /// The target's code, selected in the change form.
    target_code: String,
    priority: i64,
    disabled: bool,
    waiting: usize,
    /// "Book the 3 waiting lines it matches", when it matches any.
    apply_label: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_rules.html")]
pub struct CaseRulesPage {
    chrome: Chrome,
    book: i64,
    writes: bool,
    rows: Vec<RuleRow>,
    /// (code, "code name") of the accounts a rule may send lines to.
    targets: Vec<(String, String)>,
    waiting: String,
    done: Option<String>,
    /// Why the last action was refused, by the rule it was for.
    refusal: Option<(i64, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RulesQuery {
    /// What was done last: applied, off, on, changed, deleted.
    done: Option<String>,
    count: Option<i64>,
}

pub async fn rules_page(
    PageViewer(caller): PageViewer,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    QueryParams(query): QueryParams<RulesQuery>,
) -> Result<CaseRulesPage, ApiError> {
    let writes = caller.book_page(&state, book).await?;
    let chrome = Chrome::of(&caller, &headers);
    let done = query
        .done
        .as_deref()
        .and_then(|done| message(&chrome.t, done, query.count));
    render(&caller, &state, chrome, book, writes, done, None).await
}

fn message(t: &Labels, done: &str, count: Option<i64>) -> Option<String> {
    match done {
        "applied" => Some(t.locale().label_with_count("web-rules-applied", count.unwrap_or(0))),
        "off" | "on" | "changed" | "deleted" => Some(t.get(&format!("web-rules-{done}"))),
        _ => None,
    }
}

async fn render(
    caller: &Caller,
    state: &AppState,
    chrome: Chrome,
    book: BookId,
    writes: bool,
    done: Option<String>,
    refusal: Option<(i64, String)>,
) -> Result<CaseRulesPage, ApiError> {
    let office = caller.office_id()?;
    let found = case_rules(&state.store, office, book).await?;
    let t = &chrome.t;
    let rows = found.rules.iter().map(|listed| row(t, listed)).collect();
    let targets = found
        .targets
        .iter()
        .map(|account| (account.code.clone(), format!("{} {}", account.code, account.name)))
        .collect();
    let waiting = t.locale().label_with_count("web-rules-waiting", found.waiting as i64);
    Ok(CaseRulesPage {
        chrome,
        book: book.get(),
        writes,
        rows,
        targets,
        waiting,
        done,
        refusal,
    })
}

fn row(t: &Labels, listed: &CaseRule) -> RuleRow {
    let rule = &listed.rule;
    let scope = if rule.book.is_some() {
        "web-rules-for-case"
    } else {
        "web-rules-for-office"
    };
    RuleRow {
        id: rule.id,
        name: rule.name.clone(),
        scope: t.get(scope),
        conditions: conditions_in_words(t, &rule.conditions),
        target: listed
            .target
            .as_ref()
            .map(|account| format!("{} {}", account.code, account.name))
            .unwrap_or_else(|| t.get("web-rules-no-target")),
        target_code: listed
            .target
            .as_ref()
            .map(|account| account.code.clone())
            .unwrap_or_default(),
        priority: rule.priority,
        disabled: listed.disabled,
        waiting: listed.waiting,
        apply_label: (listed.waiting > 0 && !listed.disabled)
            .then(|| t.locale().label_with_count("web-rules-apply", listed.waiting as i64)),
    }
}

/// What a rule looks for, in the reader's words.
fn conditions_in_words(t: &Labels, conditions: &Conditions) -> String {
    let locale = t.locale();
    let with = |key: &str, value: String| locale.label_with(key, &[("value", value)]);
    // Every currency gestio keeps in a book has two decimals but JPY, which no office uses.
    let amount = |minor: i64| locale.amount(minor, crate::domain::money::Currency::EUR);
    let parts: Vec<String> = [
        conditions
            .counterparty_iban
            .clone()
            .map(|iban| with("web-rules-if-iban", iban)),
        conditions
            .counterparty_name
            .clone()
            .map(|name| with("web-rules-if-name", name)),
        conditions
            .remittance_contains
            .clone()
            .map(|text| with("web-rules-if-remittance", text)),
        conditions
            .remittance_pattern
            .as_ref()
            .map(|pattern| with("web-rules-if-pattern", pattern.as_str().to_owned())),
        conditions
            .bank_code
            .clone()
            .map(|code| with("web-rules-if-bank-code", code)),
        conditions
            .amount_min_minor
            .map(|minor| with("web-rules-if-at-least", amount(minor))),
        conditions
            .amount_max_minor
            .map(|minor| with("web-rules-if-at-most", amount(minor))),
        conditions.direction.map(|direction| match direction {
            Direction::In => t.get("web-rules-if-in"),
            Direction::Out => t.get("web-rules-if-out"),
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(" · ")
}

/// `POST /case/{id}/rules/{rule}`.
pub async fn act(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams((book, rule)): PathParams<(BookId, i64)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let form = crate::http::extract::FormFields::checked(fields, &caller)?;
    let field = |name: &str| form.get(name);
    caller.book(&state, Action::Write, book).await?;
    let office = caller.office_id()?;
    let chrome = Chrome::of(&caller, &headers);
    let store = &state.store;
    let done = match field("action").unwrap_or_default() {
        "apply" => apply_rule(store, office, book, rule, &caller.author(), chrono::Utc::now())
            .await
            .map(|count| format!("applied&count={count}")),
        "off" => switch_rule(store, office, book, rule, true)
            .await
            .map(|()| "off".to_owned()),
        "on" => switch_rule(store, office, book, rule, false)
            .await
            .map(|()| "on".to_owned()),
        "change" => {
            let priority = field("priority").unwrap_or_default().trim().parse::<i64>();
            match priority {
                Ok(priority) => change_rule(
                    store,
                    office,
                    book,
                    rule,
                    (priority, field("target").unwrap_or_default()),
                )
                .await
                .map(|()| "changed".to_owned()),
                Err(_) => return refused(&caller, &state, chrome, book, rule, "web-rules-priority-number").await,
            }
        }
        "delete" if field("confirm").is_none() => {
            return refused(&caller, &state, chrome, book, rule, "web-rules-confirm-first").await;
        }
        "delete" => delete_rule(store, office, book, rule)
            .await
            .map(|()| "deleted".to_owned()),
        other => {
            return Err(ApiError::BadRequest(format!(
                "'{other}' is not something a rule can do"
            )));
        }
    };
    match done {
        Ok(done) => Ok(Redirect::to(&format!("/case/{book}/rules?done={done}#rule-{rule}")).into_response()),
        Err(error) if error.is_for_the_person() => {
            let refusal = Some((rule, chrome.t.refusal(&error)));
            let page = render(&caller, &state, chrome, book, true, None, refusal).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

async fn refused(
    caller: &Caller,
    state: &AppState,
    chrome: Chrome,
    book: BookId,
    rule: i64,
    key: &str,
) -> Result<Response, ApiError> {
    let refusal = Some((rule, chrome.t.get(key)));
    let page = render(caller, state, chrome, book, true, None, refusal).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
