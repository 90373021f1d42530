//! What the import page says of each file: booked (with what it added), refused (why), or
//! waiting for the counsellor's decision (what the check against the book found).

use super::Labels;
use crate::http::auth::Caller;
use crate::service::ServiceError;
use crate::service::import::{BookCheck, ImportSummary};

/// A statement booked, as the page lists it.
pub struct BookedStatement {
    pub label: String,
    pub link: String,
    pub new: usize,
    pub already: usize,
    pub by_rule: usize,
    pub matched: usize,
}

/// A line proposed as booked by hand already.
pub struct MatchRow {
    /// The form's value: statement slot, line number, entry.
    pub value: String,
    pub line_date: String,
    pub amount: String,
    pub line_text: String,
    pub entry_date: String,
    pub entry_text: String,
    pub entry_link: String,
}

/// One statement of a file waiting for a decision.
pub struct StatementDecision {
    pub label: String,
    pub account: String,
    /// The opening balance against the book's, in words, when they differ.
    pub opening: Option<String>,
    pub matches: Vec<MatchRow>,
    /// New lines, in words.
    pub new_lines: String,
}

/// A file waiting for the counsellor's decision.
pub struct Decision {
    pub draft: i64,
    pub statements: Vec<StatementDecision>,
    /// Going on takes a reason (an opening balance differs from the book).
    pub needs_reason: bool,
    /// Why the last attempt was refused, shown by the reason's field.
    pub reason_error: Option<String>,
    pub reason: String,
}

pub enum FileOutcome {
    Booked {
        name: String,
        statements: Vec<BookedStatement>,
    },
    Refused {
        name: String,
        reason: String,
    },
    Waiting {
        name: String,
        decision: Decision,
    },
}

impl FileOutcome {
    pub fn refused(name: String, t: &Labels, error: &ServiceError) -> FileOutcome {
        FileOutcome::Refused {
            name,
            reason: t.refusal(error),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            FileOutcome::Booked { name, .. }
            | FileOutcome::Refused { name, .. }
            | FileOutcome::Waiting { name, .. } => name,
        }
    }
}

pub fn booked_outcome(caller: &Caller, name: String, summary: &ImportSummary) -> FileOutcome {
    FileOutcome::Booked {
        name,
        statements: summary
            .statements
            .iter()
            .map(|statement| {
                caller.note_book(statement.book);
                BookedStatement {
                    label: statement.statement.clone(),
                    link: format!("/case/{}#suspense", statement.book),
                    new: statement.new,
                    already: statement.already_booked,
                    by_rule: statement.categorised,
                    matched: statement.matched,
                }
            })
            .collect(),
    }
}

/// The decision a file waits for, from what `check` found; `refusal` and `reason` when a first
/// attempt to book it was refused.
pub fn waiting_outcome(
    t: &Labels,
    name: String,
    draft: i64,
    check: &BookCheck,
    refusal: Option<(String, String)>,
) -> FileOutcome {
    let locale = t.locale();
    let statements = check
        .statements
        .iter()
        .filter(|statement| statement.new_lines > 0 || statement.opening.is_some_and(|check| !check.agrees()))
        .map(|statement| {
            let currency = statement.account.currency;
            let opening = statement.opening.filter(|check| !check.agrees()).map(|check| {
                locale.label_with(
                    "web-import-opening-differs",
                    &[
                        ("date", locale.date(check.date)),
                        ("statement", locale.money(check.statement_minor, currency)),
                        ("book", locale.money(check.book_minor, currency)),
                        ("difference", locale.money(check.difference_minor(), currency)),
                    ],
                )
            });
            let book = statement.account.book_id;
            let matches = statement
                .matches
                .iter()
                .map(|proposed| MatchRow {
                    value: format!("{}:{}:{}", statement.slot, proposed.line, proposed.entry),
                    line_date: locale.date(proposed.line_date),
                    amount: locale.money(proposed.amount.minor(), currency),
                    line_text: proposed.line_text.clone(),
                    entry_date: locale.date(proposed.entry_date),
                    entry_text: proposed.entry_description.clone(),
                    entry_link: format!("/case/{book}/entries/{}", proposed.entry),
                })
                .collect();
            StatementDecision {
                label: statement.label.clone(),
                account: format!("{} {}", statement.account.code, statement.account.name),
                opening,
                matches,
                new_lines: locale.label_with_count("web-import-new-lines", statement.new_lines as i64),
            }
        })
        .collect();
    let (reason_error, reason) = refusal.map_or((None, String::new()), |(error, reason)| (Some(error), reason));
    FileOutcome::Waiting {
        name,
        decision: Decision {
            draft,
            statements,
            needs_reason: check.opening_differs(),
            reason_error,
            reason,
        },
    }
}
