//! What the caseload shows for many books at once: the people with their book, mandate and money,
//! the end of each book's last filed period, and what needs attention; for an office, or only for
//! the books a user works on.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::attention::{Attention, COUNT_FIELDS, CountRow, attention_by_book, counts_source};
use super::json_rows::from_json_array;
use super::rows::{BeneficiaryRow, BookRow, MandateRow};
use super::{Backend, Store, StoreError, StoreResult, Tx, TxInner, id_list};
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
/// has none): a row, or an object of the JSON array, that `Tx::caseload` reads.
#[derive(serde::Deserialize, sqlx::FromRow)]
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

/// The fields of `CaseRow` and the SQL that gives each (`p` the person, `b` the book, `m` the
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

/// What the caseload shows: the people, the last day filed per book with a filed account, and
/// what needs attention per book.
pub struct CaseloadRecords {
    pub cases: Vec<CaseRecord>,
    pub filed_through: HashMap<BookId, NaiveDate>,
    pub attention: HashMap<BookId, Attention>,
}

#[derive(serde::Deserialize, sqlx::FromRow)]
struct FiledRow {
    book: i64,
    through: NaiveDate,
}

const FILED_FIELDS: &[(&str, &str)] = &[("book", "f.book_id"), ("through", "f.through")];

/// Binds the caseload's parameters: $1 the office, $2 to $4 the money's categories, $5 the books,
/// $6 the suspense category.
macro_rules! bind_caseload {
    ($query:expr, $office:expr, $only:expr) => {
        $query
            .bind($office.map(OfficeId::get))
            .bind(ReportCategory::Bank.code())
            .bind(ReportCategory::Savings.code())
            .bind(ReportCategory::Cash.code())
            .bind(id_list($only))
            .bind(ReportCategory::Suspense.code())
    };
}

impl Tx {
    /// The people of `office` (or of all offices) by id, each with their book, latest mandate and
    /// money, the end of each book's last filed period, and each book's [`Attention`]; with
    /// `only`, just the people and books in it. Read within a transaction on PostgreSQL, so the
    /// three agree (`Store::caseload` does).
    ///
    /// A dashboard is asked for all day. On SQLite each statement is a round trip to the
    /// database's thread and each row another, so the three come in one statement as three JSON
    /// arrays (see `json_rows`): a counsellor's 60 cases used to cost four queries and 240 rows.
    /// On PostgreSQL, where rows are cheap and JSON is not, they come as rows of three queries.
    pub async fn caseload(&mut self, office: Option<OfficeId>, only: Option<&[i64]>) -> StoreResult<CaseloadRecords> {
        let among_books = self.among("books.id", 5, only);
        let cases = self.select_rows(
            CASE_FIELDS,
            &cases_source(&self.among("b.id", 5, only), only.is_some()),
            "p.id",
        );
        let filed = self.select_rows(FILED_FIELDS, &filed_source(&among_books), "f.book_id");
        let counts = self.select_rows(COUNT_FIELDS, &counts_source(&among_books), "c.book, c.kind");
        let (cases, filed, counts): (Vec<CaseRow>, Vec<FiledRow>, Vec<CountRow>) = match &mut self.inner {
            TxInner::Sqlite(held) => {
                let sql = format!("SELECT ({cases}), ({filed}), ({counts})");
                let (cases, filed, counts): (String, String, String) =
                    bind_caseload!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), office, only)
                        .fetch_one(held.connection())
                        .await?;
                (
                    from_json_array(&cases, "caseload")?,
                    from_json_array(&filed, "filed periods")?,
                    from_json_array(&counts, "attention counts")?,
                )
            }
            TxInner::Postgres(held) => {
                let connection = held.connection();
                (
                    bind_caseload!(sqlx::query_as(sqlx::AssertSqlSafe(cases)), office, only)
                        .fetch_all(&mut *connection)
                        .await?,
                    bind_caseload!(sqlx::query_as(sqlx::AssertSqlSafe(filed)), office, only)
                        .fetch_all(&mut *connection)
                        .await?,
                    bind_caseload!(sqlx::query_as(sqlx::AssertSqlSafe(counts)), office, only)
                        .fetch_all(&mut *connection)
                        .await?,
                )
            }
        };
        Ok(CaseloadRecords {
            cases: cases
                .into_iter()
                .map(CaseRecord::try_from)
                .collect::<StoreResult<_>>()?,
            filed_through: filed
                .into_iter()
                .map(|row| (BookId::new(row.book), row.through))
                .collect(),
            attention: attention_by_book(counts),
        })
    }
}

impl Store {
    /// [`Tx::caseload`], read on its own: within a transaction on PostgreSQL, whose three queries
    /// must agree; on SQLite its one statement reads one snapshot already, and a BEGIN and a
    /// COMMIT would be two more round trips (3-4 % of the dashboard's requests/s).
    pub async fn caseload(&self, office: Option<OfficeId>, only: Option<&[i64]>) -> StoreResult<CaseloadRecords> {
        let mut tx = match self.backend() {
            Backend::Sqlite => self.read_alone().await?,
            Backend::Postgres => self.begin_read().await?,
        };
        let records = tx.caseload(office, only).await?;
        tx.commit().await?;
        Ok(records)
    }
}

/// Where the people come from (`p`, with `b` their book and `m` their latest mandate). With a
/// list of books, driven by it (people without a book are left out anyway); the whole office, by
/// its people, so those without a book are listed too.
fn cases_source(among: &str, only_listed: bool) -> String {
    let people_and_books = if only_listed {
        "books b JOIN beneficiaries p ON p.id = b.beneficiary_id"
    } else {
        "beneficiaries p LEFT JOIN books b ON b.beneficiary_id = p.id"
    };
    format!(
        "FROM {people_and_books} \
         LEFT JOIN mandates m ON m.id = (SELECT l.id FROM mandates l WHERE l.beneficiary_id = p.id \
             ORDER BY l.start_date DESC, l.id DESC LIMIT 1) \
         WHERE ($1 IS NULL OR p.office_id = $1){among}"
    )
}

/// Where the last day filed per book with a filed account comes from, as `f`.
fn filed_source(among: &str) -> String {
    format!(
        "FROM (SELECT filings.book_id, MAX(filings.period_to) AS through FROM filings \
         JOIN books ON books.id = filings.book_id \
         WHERE ($1 IS NULL OR books.office_id = $1){among} GROUP BY filings.book_id) f"
    )
}
