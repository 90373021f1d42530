//! The periodic account of a book: the ledger folded into `ReportData` (see `domain::report`),
//! with the header the court needs and the checks a clerk makes — the closing of each bank account
//! against the bank's last statement, and the gaps and lines still open.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::ServiceResult;
use crate::domain::budget::{BudgetComparison, compare};
use crate::domain::evidence::EvidenceFile;
use crate::domain::ids::{BookId, EntryId};
use crate::domain::ledger::JournalEntry;
use crate::domain::report::{Period, ReportData, ReportInput, fold, opening_differences};
use crate::storage::{EntryFilter, Store, StoreError, Tx};

/// Who the account is about and for which court.
#[derive(Debug, Clone, Serialize)]
pub struct ReportHeader {
    pub office: String,
    pub beneficiary: String,
    pub measure: String,
    pub court: Option<String>,
    pub case_number: Option<String>,
    pub judge: Option<String>,
    pub jurisdiction: String,
    pub language: String,
}

/// A bank account's closing in the books against the bank's last statement of the period.
#[derive(Debug, Clone, Serialize)]
pub struct BankCheck {
    pub code: String,
    pub books_minor: i64,
    /// `None` when no statement of the account ends within the period.
    pub statement_minor: Option<i64>,
    pub statement_date: Option<NaiveDate>,
    pub difference_minor: Option<i64>,
}

/// This account's opening against the closing of the account filed before it.
#[derive(Debug, Clone, Serialize)]
pub struct OpeningCheck {
    /// The end of the previous filed period; `None` for the first account, whose opening is the
    /// opening inventory.
    pub previous_period_to: Option<NaiveDate>,
    /// Money accounts whose opening differs: (code, previous closing, this opening).
    pub differences: Vec<(String, i64, i64)>,
}

/// The ledger an account was made from: the book's chain head when it was read. A filed account
/// carries it, in its data and printed on it, so a clerk can compare it with what `gestio verify`
/// finds in the books.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerHead {
    /// The number of the book's last entry.
    pub sequence: i64,
    /// That entry's hash, which covers every entry before it.
    pub hash: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodicAccount {
    pub header: ReportHeader,
    pub ledger: LedgerHead,
    pub data: ReportData,
    pub bank_checks: Vec<BankCheck>,
    /// Continuity gaps between statements not yet resolved.
    pub open_gaps: usize,
    pub opening_check: OpeningCheck,
    /// The receipts and invoices attached to the period's entries.
    pub evidence: Vec<EvidenceFile>,
    /// The budget plan against the period's actual receipts and disbursements by category.
    pub budget: Vec<BudgetComparison>,
}

/// The account of `book` for `period`.
pub async fn periodic_account(store: &Store, book: BookId, period: Period) -> ServiceResult<PeriodicAccount> {
    let mut tx = store.begin_read().await?;
    let account = account_in(&mut tx, book, period).await?;
    tx.commit().await?;
    Ok(account)
}

/// The account of `book` for `period`, read within `tx` (a filing holds the book while it reads).
pub(super) async fn account_in(tx: &mut Tx, book: BookId, period: Period) -> ServiceResult<PeriodicAccount> {
    let found = tx.book(book).await?;
    let office = tx.office(found.office_id).await?;
    let beneficiary = tx.beneficiary(found.beneficiary_id).await?;
    // The measure in force at the period's end, else the latest one.
    let mandates = tx.mandates(Some(beneficiary.id)).await?;
    let mandate = mandates
        .iter()
        .filter(|mandate| mandate.start <= period.to)
        .max_by_key(|mandate| mandate.start)
        .or(mandates.last())
        .ok_or_else(|| StoreError::NotFound {
            what: "mandate of beneficiary",
            id: beneficiary.id.to_string(),
        })?;
    let accounts = tx.accounts(book).await?;
    let entries = all_entries(tx, book, Some(period.to)).await?;
    let in_period: BTreeSet<EntryId> = entries
        .iter()
        .filter(|entry| period.contains(entry.date))
        .map(|entry| entry.id)
        .collect();
    let mut evidence = tx.evidence_files(book).await?;
    evidence.retain(|file| in_period.contains(&file.entry));
    let with_evidence: BTreeSet<EntryId> = evidence.iter().map(|file| file.entry).collect();
    let data = fold(&ReportInput {
        period,
        currency: found.currency,
        accounts: &accounts,
        entries: &entries,
        receipt_threshold: mandate.receipt_threshold.map(|threshold| threshold.minor()),
        with_evidence: &with_evidence,
    });
    let mut actual = data.receipts_by_category();
    actual.extend(data.disbursements_by_category());
    let budget = compare(&tx.budget_lines(book).await?, &actual, period);
    let opening_check = opening_check(tx, book, &data).await?;
    let mut bank_checks = Vec::new();
    for account in accounts.iter().filter(|account| account.iban.is_some()) {
        let Some(report) = data.accounts.iter().find(|report| report.account == account.id) else {
            continue;
        };
        let statement = tx
            .statement_closing_at(account.id, period.to)
            .await?
            .filter(|(_, date)| period.contains(*date));
        bank_checks.push(BankCheck {
            code: account.code.clone(),
            books_minor: report.closing,
            statement_minor: statement.map(|(minor, _)| minor),
            statement_date: statement.map(|(_, date)| date),
            difference_minor: statement.map(|(minor, _)| report.closing - minor),
        });
    }
    let open_gaps = tx.open_gaps(Some(book)).await?.len();
    let court = mandate.court.as_ref();
    Ok(PeriodicAccount {
        header: ReportHeader {
            office: office.name,
            beneficiary: beneficiary.name,
            measure: mandate.kind.code().to_owned(),
            court: court.map(|court| court.name.clone()),
            case_number: court.map(|court| court.case_number.clone()),
            judge: court.and_then(|court| court.judge.clone()),
            jurisdiction: mandate.jurisdiction.code().to_owned(),
            language: beneficiary.language.code().to_owned(),
        },
        ledger: LedgerHead {
            sequence: found.head_sequence,
            hash: found.head_hash,
        },
        data,
        bank_checks,
        open_gaps,
        opening_check,
        evidence,
        budget,
    })
}

/// Compares the opening of each money account with its closing in the last account filed
/// before the period, as stored in that filing's data.
async fn opening_check(tx: &mut Tx, book: BookId, data: &ReportData) -> ServiceResult<OpeningCheck> {
    let previous = tx
        .filings(book)
        .await?
        .into_iter()
        .rfind(|filing| filing.period.to < data.period.from);
    let Some(previous) = previous else {
        return Ok(OpeningCheck {
            previous_period_to: None,
            differences: Vec::new(),
        });
    };
    let (_, json) = tx.filing_content(previous.id).await?;
    let closing = filed_closings(&json).ok_or_else(|| StoreError::Corrupt {
        what: "filed account",
        id: previous.id.to_string(),
        detail: "its data has no closing per account".to_owned(),
    })?;
    Ok(OpeningCheck {
        previous_period_to: Some(previous.period.to),
        differences: opening_differences(data, &closing),
    })
}

/// Each money account's closing (code → minor units) in a filed account's data.
fn filed_closings(json: &str) -> Option<BTreeMap<String, i64>> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    value["data"]["accounts"]
        .as_array()?
        .iter()
        .map(|account| Some((account["code"].as_str()?.to_owned(), account["closing"].as_i64()?)))
        .collect()
}

/// The book as an hledger journal (see `export::ledger_text`), from `from` (balances brought
/// forward) to `to`.
pub async fn hledger_journal(
    store: &Store,
    book: BookId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ServiceResult<String> {
    ledger_journal(store, book, crate::export::ledger_text::Dialect::Hledger, from, to).await
}

/// The book as a journal in `dialect` (hledger or beancount), from `from` to `to`.
pub async fn ledger_journal(
    store: &Store,
    book: BookId,
    dialect: crate::export::ledger_text::Dialect,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ServiceResult<String> {
    let mut tx = store.begin_read().await?;
    let found = tx.book(book).await?;
    let accounts = tx.accounts(book).await?;
    let entries = all_entries(&mut tx, book, to).await?;
    tx.commit().await?;
    Ok(crate::export::ledger_text::journal(
        dialect,
        &accounts,
        &entries,
        found.currency,
        from,
        to,
    ))
}

/// Every entry of the book (dated up to `to` when given), page by page in chain order.
async fn all_entries(tx: &mut Tx, book: BookId, to: Option<NaiveDate>) -> ServiceResult<Vec<JournalEntry>> {
    let mut entries: Vec<JournalEntry> = Vec::new();
    loop {
        let filter = EntryFilter {
            from: None,
            to,
            after_sequence: entries.last().map(|entry| entry.sequence),
            limit: Some(crate::storage::ENTRIES_PAGE_MAX),
        };
        let page = tx.entries(book, filter).await?;
        let done = (page.len() as i64) < crate::storage::ENTRIES_PAGE_MAX;
        entries.extend(page);
        if done {
            return Ok(entries);
        }
    }
}

/// The account's entry list as CSV for a spreadsheet: receipt number, date, description,
/// category, amount (signed: money in positive), currency, evidence missing, correction.
pub fn entries_csv(account: &PeriodicAccount) -> Vec<u8> {
    use crate::domain::money::Money;
    use crate::export::csv::{Cell, write};
    let data = &account.data;
    let yes_no = |flag: bool| Cell::Text(if flag { "yes" } else { "no" }.to_owned());
    let rows: Vec<Vec<Cell>> = data
        .entries
        .iter()
        .map(|entry| {
            vec![
                Cell::Number(entry.receipt_number.to_string()),
                Cell::Text(entry.date.to_string()),
                Cell::Text(entry.description.clone()),
                Cell::Text(
                    entry
                        .category
                        .map_or_else(String::new, |category| category.code().to_owned()),
                ),
                Cell::Number(Money::from_minor(entry.amount, data.currency).amount_text()),
                Cell::Text(data.currency.code().to_owned()),
                yes_no(entry.evidence_missing),
                yes_no(entry.correction),
            ]
        })
        .collect();
    write(
        &[
            "receipt",
            "date",
            "description",
            "category",
            "amount",
            "currency",
            "evidence missing",
            "correction",
        ],
        &rows,
    )
}
