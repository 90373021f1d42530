//! A file checked against the book before it is booked, writing nothing: does each statement start
//! where the book stands, and which of its new lines were already booked by hand? The import
//! page shows what this finds and lets the counsellor match those lines, go on with a reason, or
//! stop. A statement whose account cannot be found is left to the import, which refuses it with
//! its reason.

use chrono::NaiveDate;

use super::{ImportOptions, PreparedFile};
use crate::domain::account::Account;
use crate::domain::iban::Iban;
use crate::domain::ids::EntryId;
use crate::domain::money::Money;
use crate::domain::statement_check::{HandEntry, IncomingLine, MATCH_WINDOW_DAYS, OpeningCheck, propose_matches};
use crate::import::lines::{StatementLine, lines_of};
use crate::import::statement::{EntryStatus, Statement};
use crate::service::ServiceResult;
use crate::storage::{HandEntryRecord, Store, Tx};

/// What the check found in one statement.
#[derive(Debug, Clone)]
pub struct StatementCheck {
    /// The statement's place in the file, as a [`super::LineMatch`] names it.
    pub slot: usize,
    pub label: String,
    pub account: Account,
    /// The statement's opening balance against the book's, when the statement gives one with
    /// its date.
    pub opening: Option<OpeningCheck>,
    /// Lines already booked by hand, as proposed.
    pub matches: Vec<ProposedMatch>,
    /// Booked lines not yet in the book.
    pub new_lines: usize,
}

/// A new line and the entry made by hand that looks like the same money.
#[derive(Debug, Clone)]
pub struct ProposedMatch {
    pub line: usize,
    pub line_date: NaiveDate,
    pub amount: Money,
    pub line_text: String,
    pub entry: EntryId,
    pub entry_date: NaiveDate,
    pub entry_description: String,
}

#[derive(Debug, Clone, Default)]
pub struct BookCheck {
    pub statements: Vec<StatementCheck>,
}

impl BookCheck {
    /// Whether the counsellor must decide before the file is booked: an opening balance that
    /// differs from the book, or lines that may have been booked by hand.
    pub fn needs_a_decision(&self) -> bool {
        self.statements
            .iter()
            .any(|statement| !statement.matches.is_empty() || statement.opening.is_some_and(|check| !check.agrees()))
    }

    /// Whether an opening balance differs from the book: going on then takes a reason.
    pub fn opening_differs(&self) -> bool {
        self.statements
            .iter()
            .any(|statement| statement.opening.is_some_and(|check| !check.agrees()))
    }
}

/// Checks `bytes` against the books it is for; refuses what the import would refuse for being
/// unreadable or empty.
pub async fn check_against_book(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    options: ImportOptions<'_>,
) -> ServiceResult<BookCheck> {
    let prepared = PreparedFile::new(file_name, bytes, options)?;
    let mut tx = store.begin_read().await?;
    let mut check = BookCheck::default();
    for (slot, statement) in prepared.parsed.statements.iter().enumerate() {
        let Some(account) = account_of(&mut tx, statement, options).await? else {
            continue;
        };
        let Ok(lines) = lines_of(statement, account.currency) else {
            continue;
        };
        check
            .statements
            .push(check_statement(&mut tx, slot, statement, account, lines).await?);
    }
    Ok(check)
}

async fn check_statement(
    tx: &mut Tx,
    slot: usize,
    statement: &Statement,
    account: Account,
    lines: Vec<StatementLine>,
) -> ServiceResult<StatementCheck> {
    let known = tx.known_lines(account.id).await?;
    let new: Vec<StatementLine> = lines
        .into_iter()
        .filter(|line| line.status == EntryStatus::Booked && !known.contains(line) && line.date().is_some())
        .collect();
    let matches = propose(tx, &account, &new).await?;
    let opening = match statement.opening_booked() {
        Some(balance) => match (
            balance.date,
            Money::parse(&balance.amount.to_string(), account.currency),
        ) {
            (Some(date), Ok(money)) => {
                // An entry made by hand before the statement starts, for money the bank books
                // within it (typed when the transfer was ordered), is in the book's balance but
                // not yet in the bank's: it is left out, so a matched month does not warn; so
                // are such entries matched by an earlier import (`matched_across`).
                let early: i64 = matches
                    .iter()
                    .filter(|proposed| proposed.entry_date < date)
                    .map(|proposed| proposed.amount.minor())
                    .sum();
                let book = tx.balance_before(account.book_id, account.id, date).await?;
                let across = tx.matched_across(account.id, date).await?;
                Some(OpeningCheck {
                    statement_minor: money.minor(),
                    date,
                    book_minor: book - early + across,
                })
            }
            _ => None,
        },
        None => None,
    };
    Ok(StatementCheck {
        slot,
        label: statement.id.clone().unwrap_or_else(|| format!("#{}", slot + 1)),
        account,
        opening,
        matches,
        new_lines: new.len(),
    })
}

/// The hand-made entries proposed for the new lines of one transaction each.
async fn propose(tx: &mut Tx, account: &Account, new: &[StatementLine]) -> ServiceResult<Vec<ProposedMatch>> {
    let single: Vec<&StatementLine> = new.iter().filter(|line| line.is_single()).collect();
    let dates = || single.iter().filter_map(|line| line.date());
    let (Some(first), Some(last)) = (dates().min(), dates().max()) else {
        return Ok(Vec::new());
    };
    let window = chrono::Days::new(MATCH_WINDOW_DAYS.unsigned_abs());
    let records: Vec<HandEntryRecord> = tx
        .hand_entries(account.book_id, account.id, (first - window, last + window))
        .await?;
    let entries: Vec<HandEntry> = records.iter().map(|record| record.entry.clone()).collect();
    let incoming: Vec<IncomingLine> = single
        .iter()
        .map(|line| IncomingLine {
            date: line.date().expect("BUG: only dated lines are checked"),
            amount_minor: line.amount.minor(),
        })
        .collect();
    let proposed = propose_matches(&incoming, &entries);
    Ok(single
        .iter()
        .zip(proposed)
        .filter_map(|(line, entry)| {
            let record = records.iter().find(|record| Some(record.entry.entry) == entry)?;
            Some(ProposedMatch {
                line: line.number,
                line_date: line.date()?,
                amount: line.amount,
                line_text: line.description(),
                entry: record.entry.entry,
                entry_date: record.entry.date,
                entry_description: record.description.clone(),
            })
        })
        .collect())
}

/// The one money account the statement is for, among the books the caller may write to; `None`
/// when there is not exactly one (the import then says why).
async fn account_of(tx: &mut Tx, statement: &Statement, options: ImportOptions<'_>) -> ServiceResult<Option<Account>> {
    let Some(text) = statement.account_iban.as_deref().or(options.account_iban) else {
        return Ok(None);
    };
    let iban = Iban::parse(text)
        .map(|iban| iban.electronic().to_owned())
        .unwrap_or_else(|_| text.to_owned());
    let mut accounts = tx.money_accounts_by_iban(&iban, options.book).await?;
    if let Some(writable) = options.writable_books {
        accounts.retain(|account| writable.contains(&account.book_id));
    }
    Ok((accounts.len() == 1).then(|| accounts.remove(0)))
}
