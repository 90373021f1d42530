//! The case's imported lines waiting for a category: searched (text, amount, direction), shown
//! fifty at a time, and moved one by one (each with its own account and maybe a rule) or many at
//! once to one account, all in one form that works without JavaScript.

use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Labels;
use crate::domain::access::Action;
use crate::domain::ids::{BookId, EntryId};
use crate::domain::money::Currency;
use crate::http::AppState;
use crate::http::auth::PageCaller;
use crate::http::error::ApiError;
use crate::http::extract::PathParams;
use crate::service::categorise::{categorise, categorise_many};
use crate::storage::SuspenseItem;

/// Waiting lines per page: all of a large book's on one page made it megabytes and seconds to
/// load (benches/RESULTS.md).
pub const LINES_PER_PAGE: usize = 50;

pub struct WaitingRow {
    /// "entry-line", for the fields' names.
    pub key: String,
    /// "entry:line", the value the line's own button sends.
    pub value: String,
    pub date: String,
    pub text: String,
    pub amount: String,
    /// The account suggested for it (its code), preselected: from a rule or from the lines
    /// of the same counterparty before it.
    pub suggested: String,
}

/// The search of the waiting lines, as the address carries it.
#[derive(Deserialize, Default, Clone)]
pub struct WaitingQuery {
    /// Words of the counterparty, the remittance or the description.
    #[serde(default)]
    pub q: String,
    /// An amount as typed: "650", "650,00", "1.234,56" or "1,234.56" all find 1,234.56 or 650.00.
    #[serde(default)]
    pub amount: String,
    /// "in", "out" or empty for both.
    #[serde(default)]
    pub direction: String,
    /// Lines skipped: the page's start.
    #[serde(default)]
    pub waiting: usize,
    /// How many lines the last change moved, for its message.
    pub moved: Option<usize>,
    /// Set after a categorisation was undone: its line waits again.
    pub reopened: Option<u8>,
    /// The rule the last categorisation made, offered to the other waiting lines.
    pub rule: Option<i64>,
}

/// One page of the waiting lines that match, with what the page shows around them.
pub struct WaitingSection {
    pub rows: Vec<WaitingRow>,
    /// "51–100 of 1,500" style label, empty without lines.
    pub range: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub query: WaitingQuery,
    pub moved: Option<String>,
    /// (address, words) of the rule just made, to apply it to the other waiting lines.
    pub made_rule: Option<(String, String)>,
}

impl WaitingQuery {
    fn matches(&self, item: &SuspenseItem) -> bool {
        let text = self.q.trim().to_lowercase();
        let words_match = text.is_empty()
            || [
                item.counterparty_name.as_deref(),
                item.remittance.as_deref(),
                Some(item.description.as_str()),
            ]
            .into_iter()
            .flatten()
            .any(|said| said.to_lowercase().contains(&text));
        // The suspense posting carries the line's opposite: money in is a negative posting.
        let direction_matches = match self.direction.as_str() {
            "in" => item.amount_minor < 0,
            "out" => item.amount_minor > 0,
            _ => true,
        };
        words_match && direction_matches && amount_matches(&self.amount, item.amount_minor)
    }

    fn address(&self, book: BookId, waiting: usize) -> String {
        let waiting = waiting.to_string();
        let query = serde_urlencoded::to_string([
            ("q", self.q.as_str()),
            ("amount", self.amount.as_str()),
            ("direction", self.direction.as_str()),
            ("waiting", waiting.as_str()),
        ])
        .expect("BUG: text pairs always encode");
        format!("/case/{book}?{query}#suspense")
    }
}

/// True when `typed` (digits with any separators, or nothing) is the amount in whole units or
/// to the cent, whatever the locale's separators: the digits are compared, not a parsed number.
fn amount_matches(typed: &str, minor: i64) -> bool {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return true;
    }
    let minor = minor.unsigned_abs();
    let typed_has_cents = typed
        .rfind([',', '.'])
        .is_some_and(|separator| typed.len() - separator - 1 == 2);
    let wanted = if typed_has_cents { minor } else { minor / 100 };
    digits.trim_start_matches('0') == wanted.to_string().trim_start_matches('0')
}

/// What the bank said of a line, each thing once: the description often repeats the
/// counterparty and the remittance it was made from.
fn said_of(item: &SuspenseItem) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in [
        item.counterparty_name.as_deref(),
        item.remittance.as_deref(),
        Some(item.description.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    {
        let already_said = parts.iter().any(|said| said.contains(part));
        if part.is_empty() || already_said {
            continue;
        }
        // A description made of what is already listed adds nothing.
        let repeats = parts.iter().fold(part.to_owned(), |rest, said| rest.replace(said, ""));
        if repeats
            .trim_matches(|character: char| !character.is_alphanumeric())
            .is_empty()
        {
            continue;
        }
        parts.push(part);
    }
    parts.join(" — ")
}

/// The page of the waiting `items` that `query` asks for.
pub fn section(
    t: &Labels,
    book: BookId,
    items: &[SuspenseItem],
    query: WaitingQuery,
    suggested: &std::collections::HashMap<(i64, i64), String>,
) -> WaitingSection {
    let locale = t.locale();
    let matching: Vec<&SuspenseItem> = items.iter().filter(|item| query.matches(item)).collect();
    let start = query
        .waiting
        .min(matching.len().saturating_sub(1) / LINES_PER_PAGE * LINES_PER_PAGE);
    let page = &matching[start.min(matching.len())..(start + LINES_PER_PAGE).min(matching.len())];
    let rows = page
        .iter()
        .map(|item| WaitingRow {
            key: format!("{}-{}", item.entry_id, item.line_no),
            value: format!("{}:{}", item.entry_id, item.line_no),
            date: locale.date(item.entry_date),
            text: said_of(item),
            amount: Currency::parse(&item.currency)
                .map(|currency| locale.money(-item.amount_minor, currency))
                .unwrap_or_default(),
            suggested: suggested
                .get(&(item.entry_id, item.line_no))
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let range = if page.is_empty() {
        String::new()
    } else {
        locale.label_with(
            "web-case-waiting-range",
            &[
                ("first", (start + 1).to_string()),
                ("last", (start + page.len()).to_string()),
                ("total", matching.len().to_string()),
            ],
        )
    };
    WaitingSection {
        rows,
        range,
        previous: (start > 0).then(|| query.address(book, start.saturating_sub(LINES_PER_PAGE))),
        next: (start + LINES_PER_PAGE < matching.len()).then(|| query.address(book, start + LINES_PER_PAGE)),
        made_rule: query.rule.map(|rule| {
            (
                format!("/case/{book}/rules#rule-{rule}"),
                locale.label("web-case-rule-made"),
            )
        }),
        moved: match (query.moved, query.reopened) {
            (Some(count), _) => Some(locale.label_with_count("web-case-moved", count as i64)),
            (None, Some(_)) => Some(locale.label("web-case-reopened")),
            (None, None) => None,
        },
        query,
    }
}

/// `POST /case/{id}/suspense`: the line whose own button was pressed goes to its own account
/// (and becomes a rule if ticked); the bulk button moves every ticked line to one account.
pub async fn categorise_lines(
    PageCaller(caller): PageCaller,
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParams(book): PathParams<BookId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let form = crate::http::extract::FormFields::checked(fields, &caller)?;
    let field = |name: &str| form.get(name);
    caller.book(&state, Action::Write, book).await?;
    let t = super::Chrome::of(&caller, &headers).t;
    let now = chrono::Utc::now();
    let mut made_rule = None;
    let moved = if let Some(line) = field("only") {
        let (entry, line_no) = parse_line(line)?;
        let key = format!("{entry}-{line_no}");
        let code = field(&format!("target-{key}")).filter(|code| !code.is_empty());
        let code = code.ok_or_else(|| ApiError::Unprocessable(t.get("web-case-choose-first")))?;
        let make_rule = field(&format!("rule-{key}")).is_some();
        let categorised = categorise(
            &state.store,
            book,
            entry,
            line_no,
            code,
            make_rule,
            &caller.author(),
            now,
        )
        .await?;
        made_rule = categorised.rule.map(|rule| rule.id);
        1
    } else {
        let code = field("bulk_target").filter(|code| !code.is_empty());
        let code = code.ok_or_else(|| ApiError::Unprocessable(t.get("web-case-choose-first")))?;
        let picked = form
            .0
            .iter()
            .filter_map(|(key, _)| key.strip_prefix("pick-"))
            .map(|line| parse_line(&line.replacen('-', ":", 1)))
            .collect::<Result<Vec<_>, _>>()?;
        if picked.is_empty() {
            return Err(ApiError::Unprocessable(t.get("web-case-pick-first")));
        }
        categorise_many(&state.store, book, &picked, code, &caller.author(), now).await?
    };
    let rule = made_rule.map(|rule| format!("&rule={rule}")).unwrap_or_default();
    Ok(Redirect::to(&format!("/case/{book}?moved={moved}{rule}#suspense")).into_response())
}

fn parse_line(text: &str) -> Result<(EntryId, i64), ApiError> {
    let unreadable = || ApiError::BadRequest(format!("'{text}' does not name a waiting line"));
    let (entry, line) = text.split_once(':').ok_or_else(unreadable)?;
    let entry = entry.parse::<i64>().map_err(|_| unreadable())?;
    let line = line.parse::<i64>().map_err(|_| unreadable())?;
    Ok((EntryId::new(entry), line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_found_as_typed_in_any_locale() {
        assert!(amount_matches("", 65_000));
        assert!(amount_matches("650", 65_000) && amount_matches("650", -65_000));
        assert!(amount_matches("650,00", 65_000) && amount_matches("650.00", 65_000));
        assert!(amount_matches("1.234,56", 123_456) && amount_matches("1,234.56", 123_456));
        assert!(amount_matches("1 234,56", 123_456) && amount_matches("1234", 123_456));
        assert!(!amount_matches("650", 65_001 * 10) && !amount_matches("65", 65_000));
        assert!(!amount_matches("650,01", 65_000));
    }
}
