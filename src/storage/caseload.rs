//! What the caseload shows for many books at once, in one statement: the people with their book,
//! mandate and money, the end of each book's last filed period, and what needs attention; for an
//! office, or only for the books a user works on.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::attention::{Attention, attention_by_book};
use super::json_rows::from_json_array;
use super::rows::{BeneficiaryRow, BookRow, MandateRow};
use super::{StoreError, StoreResult, Tx, id_list, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::book::Book;
use crate::domain::ids::{BookId, OfficeId};
use crate::domain::mandate::Mandate;
use crate::domain::party::Beneficiary;

/// One person of the caseload: their book (if opened), the mandate in force last (the latest
/// started), and the sum of the book's money accounts (bank, savings, cash box) in its currency.
pub struct CaseRecord {
    pub beneficiary: Beneficiary,
    pub book: Option<Book>,
    pub mandate: Option<Mandate>,
    pub money_minor: i64,
}

/// The person's fields as they are, the book's and the mandate's prefixed (absent when the person
/// has none): one object of the JSON array `cases_among` reads.
#[derive(serde::Deserialize)]
struct CaseRow {
    id: i64,
    office_id: i64,
    name: String,
    language: String,
    birth_date: Option<NaiveDate>,
    contact: Option<String>,
    book_id: Option<i64>,
    book_office_id: Option<i64>,
    book_currency: Option<String>,
    book_opened_on: Option<NaiveDate>,
    book_locked_through: Option<NaiveDate>,
    book_head_sequence: Option<i64>,
    book_head_hash: Option<String>,
    mandate_id: Option<i64>,
    mandate_kind: Option<String>,
    mandate_court: Option<String>,
    mandate_case_number: Option<String>,
    mandate_judge: Option<String>,
    mandate_start_date: Option<NaiveDate>,
    mandate_end_date: Option<NaiveDate>,
    mandate_period_rule: Option<String>,
    mandate_receipt_threshold_minor: Option<i64>,
    mandate_receipt_threshold_currency: Option<String>,
    mandate_jurisdiction: Option<String>,
    mandate_agreement: Option<String>,
    mandate_account_due_months: Option<i64>,
    money_minor: Option<i64>,
}

/// The JSON keys of `CaseRow` and the SQL that gives each (`p` the person, `b` the book, `m` the
/// mandate; the money's categories are parameters $2 to $4).
const CASE_FIELDS: &[(&str, &str)] = &[
    ("id", "p.id"),
    ("office_id", "p.office_id"),
    ("name", "p.name"),
    ("language", "p.language"),
    ("birth_date", "p.birth_date"),
    ("contact", "p.contact"),
    ("book_id", "b.id"),
    ("book_office_id", "b.office_id"),
    ("book_currency", "b.currency"),
    ("book_opened_on", "b.opened_on"),
    ("book_locked_through", "b.locked_through"),
    ("book_head_sequence", "b.head_sequence"),
    ("book_head_hash", "b.head_hash"),
    ("mandate_id", "m.id"),
    ("mandate_kind", "m.kind"),
    ("mandate_court", "m.court"),
    ("mandate_case_number", "m.case_number"),
    ("mandate_judge", "m.judge"),
    ("mandate_start_date", "m.start_date"),
    ("mandate_end_date", "m.end_date"),
    ("mandate_period_rule", "m.period_rule"),
    ("mandate_receipt_threshold_minor", "m.receipt_threshold_minor"),
    ("mandate_receipt_threshold_currency", "m.receipt_threshold_currency"),
    ("mandate_jurisdiction", "m.jurisdiction"),
    ("mandate_agreement", "m.agreement"),
    ("mandate_account_due_months", "m.account_due_months"),
    (
        "money_minor",
        "(SELECT CAST(SUM(a.balance_minor) AS BIGINT) FROM accounts a \
         WHERE a.book_id = b.id AND a.category IN ($2, $3, $4) AND a.currency = b.currency)",
    ),
];

/// A column the schema makes NOT NULL, read through a LEFT JOIN that found the row.
fn present<T>(value: Option<T>, what: &'static str, id: i64) -> StoreResult<T> {
    value.ok_or_else(|| StoreError::Corrupt {
        what,
        id: id.to_string(),
        detail: "a required column is empty".to_owned(),
    })
}

impl TryFrom<CaseRow> for CaseRecord {
    type Error = StoreError;
    fn try_from(row: CaseRow) -> StoreResult<CaseRecord> {
        let person = row.id;
        let book = match row.book_id {
            None => None,
            Some(id) => Some(Book::try_from(BookRow {
                id,
                office_id: present(row.book_office_id, "book", id)?,
                beneficiary_id: person,
                currency: present(row.book_currency, "book", id)?,
                opened_on: present(row.book_opened_on, "book", id)?,
                locked_through: row.book_locked_through,
                head_sequence: present(row.book_head_sequence, "book", id)?,
                head_hash: present(row.book_head_hash, "book", id)?,
            })?),
        };
        let mandate = match row.mandate_id {
            None => None,
            Some(id) => Some(Mandate::try_from(MandateRow {
                id,
                beneficiary_id: person,
                kind: present(row.mandate_kind, "mandate", id)?,
                court: row.mandate_court,
                case_number: row.mandate_case_number,
                judge: row.mandate_judge,
                start_date: present(row.mandate_start_date, "mandate", id)?,
                end_date: row.mandate_end_date,
                period_rule: present(row.mandate_period_rule, "mandate", id)?,
                receipt_threshold_minor: row.mandate_receipt_threshold_minor,
                receipt_threshold_currency: row.mandate_receipt_threshold_currency,
                jurisdiction: present(row.mandate_jurisdiction, "mandate", id)?,
                agreement: row.mandate_agreement,
                account_due_months: row.mandate_account_due_months,
            })?),
        };
        Ok(CaseRecord {
            beneficiary: Beneficiary::try_from(BeneficiaryRow {
                id: person,
                office_id: row.office_id,
                name: row.name,
                language: row.language,
                birth_date: row.birth_date,
                contact: row.contact,
            })?,
            book,
            mandate,
            money_minor: row.money_minor.unwrap_or(0),
        })
    }
}

/// What the caseload shows, read in one statement (hence from one snapshot): the people, the
/// last day filed per book with a filed account, and what needs attention per book.
pub struct CaseloadRecords {
    pub cases: Vec<CaseRecord>,
    pub filed_through: HashMap<BookId, NaiveDate>,
    pub attention: HashMap<BookId, Attention>,
}

#[derive(serde::Deserialize)]
struct FiledRow {
    book: i64,
    through: NaiveDate,
}

impl Tx {
    /// The people of `office` (or of all offices) by id, each with their book, latest mandate and
    /// money, the end of each book's last filed period, and each book's [`Attention`]; with
    /// `only`, just the people and books in it.
    ///
    /// One statement whose three values are JSON arrays (see `json_rows`). A dashboard is asked
    /// for all day, and on SQLite each statement is a round trip to the database's thread and
    /// each row another: the 60 cases of a counsellor used to cost six statements (BEGIN, four
    /// queries, COMMIT) and 240 rows. One statement also reads one snapshot, without a
    /// transaction around it.
    pub async fn caseload(&mut self, office: Option<OfficeId>, only: Option<&[i64]>) -> StoreResult<CaseloadRecords> {
        // Parameters: $1 the office, $2 to $4 the money's categories, $5 the books, $6 suspense.
        let cases = self.cases_sql(self.among("b.id", 5, only).as_str(), only.is_some());
        let filed = self.filed_sql(&self.among("books.id", 5, only));
        let attention = self.attention_sql(&self.among("books.id", 5, only));
        let (cases, filed, attention): (String, String, String) = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT ({cases}), ({filed}), ({attention})")))
                .bind(office.map(OfficeId::get))
                .bind(ReportCategory::Bank.code())
                .bind(ReportCategory::Savings.code())
                .bind(ReportCategory::Cash.code())
                .bind(id_list(only))
                .bind(ReportCategory::Suspense.code())
                .fetch_one(connection)
                .await?
        });
        let cases: Vec<CaseRow> = from_json_array(&cases, "caseload")?;
        let filed: Vec<FiledRow> = from_json_array(&filed, "filed periods")?;
        Ok(CaseloadRecords {
            cases: cases
                .into_iter()
                .map(CaseRecord::try_from)
                .collect::<StoreResult<_>>()?,
            filed_through: filed
                .into_iter()
                .map(|row| (BookId::new(row.book), row.through))
                .collect(),
            attention: attention_by_book(&attention)?,
        })
    }

    /// The people as one JSON array. With a list of books, driven by it (people without a book
    /// are left out anyway); the whole office, by its people, so those without a book are listed
    /// too.
    fn cases_sql(&self, among: &str, only_listed: bool) -> String {
        let people_and_books = if only_listed {
            "books b JOIN beneficiaries p ON p.id = b.beneficiary_id"
        } else {
            "beneficiaries p LEFT JOIN books b ON b.beneficiary_id = p.id"
        };
        let cases = self.json_array(CASE_FIELDS, "p.id");
        format!(
            "SELECT {cases} FROM {people_and_books} \
             LEFT JOIN mandates m ON m.id = (SELECT l.id FROM mandates l WHERE l.beneficiary_id = p.id \
                 ORDER BY l.start_date DESC, l.id DESC LIMIT 1) \
             WHERE ($1 IS NULL OR p.office_id = $1){among}"
        )
    }

    /// Per book with a filed account, the last day filed, as one JSON array.
    fn filed_sql(&self, among: &str) -> String {
        let filed = self.json_array(&[("book", "f.book_id"), ("through", "f.through")], "f.book_id");
        format!(
            "SELECT {filed} FROM (SELECT filings.book_id, MAX(filings.period_to) AS through FROM filings \
             JOIN books ON books.id = filings.book_id \
             WHERE ($1 IS NULL OR books.office_id = $1){among} GROUP BY filings.book_id) f"
        )
    }
}
