//! What the caseload shows for many books at once: the people with their book, mandate and money,
//! the end of each book's last filed period, and what needs attention; for an office, or only for
//! the books a user works on.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::attention::{ATTENTION_FIELDS, Attention};
use super::caseload_cache::BookVersion;
use super::json_rows::from_json_array;
use super::rows::{BeneficiaryRow, BookRow, MandateRow};
use super::{Store, StoreError, StoreResult, Tx, TxInner, id_list};
use crate::domain::account::ReportCategory;
use crate::domain::book::Book;
use crate::domain::ids::OfficeId;
use crate::domain::mandate::Mandate;
use crate::domain::party::Beneficiary;

/// One person of the caseload: their book (if opened), the mandate in force last (the latest
/// started), the sum of the book's money accounts (bank, savings, cash box) in its currency, the
/// last day of the book's last filed account, and what in the book needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub beneficiary: Beneficiary,
    pub book: Option<Book>,
    pub mandate: Option<Mandate>,
    pub money_minor: i64,
    pub filed_through: Option<NaiveDate>,
    pub attention: Attention,
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
    book_revision: Option<i64>,
    mandate_id: Option<i64>,
    mandate_kind: Option<String>,
    mandate_court_id: Option<i64>,
    mandate_court_name: Option<String>,
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
    filed_through: Option<NaiveDate>,
    to_categorise: i64,
    open_gaps: i64,
    held: i64,
    on_the_way: i64,
    court_remarks: i64,
}

/// The fields of `CaseRow` and the SQL that gives each (`p` the person, `b` the book, `m` the
/// mandate; `{money}` stands for the money's categories), but for the counts of
/// [`ATTENTION_FIELDS`].
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
    ("book_revision", "b.revision"),
    ("mandate_id", "m.id"),
    ("mandate_kind", "m.kind"),
    ("mandate_court_id", "m.court_id"),
    (
        "mandate_court_name",
        "(SELECT c.name FROM courts c WHERE c.id = m.court_id)",
    ),
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
         WHERE a.book_id = b.id AND a.category IN ({money}) AND a.currency = b.currency)",
    ),
    (
        "filed_through",
        "(SELECT MAX(f.period_to) FROM filings f WHERE f.book_id = b.id)",
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

impl TryFrom<CaseRow> for (Option<BookVersion>, CaseRecord) {
    type Error = StoreError;
    fn try_from(row: CaseRow) -> StoreResult<(Option<BookVersion>, CaseRecord)> {
        let person = row.id;
        let version = match (row.book_id, row.book_head_sequence, row.book_revision) {
            (Some(book), Some(head_sequence), Some(revision)) => Some(BookVersion {
                book,
                head_sequence,
                locked_through: row.book_locked_through,
                revision,
            }),
            _ => None,
        };
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
                court_id: row.mandate_court_id,
                court_name: row.mandate_court_name,
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
        let record = CaseRecord {
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
            filed_through: row.filed_through,
            attention: Attention {
                to_categorise: row.to_categorise,
                open_gaps: row.open_gaps,
                held: row.held,
                on_the_way: row.on_the_way,
                court_remarks: row.court_remarks,
            },
        };
        Ok((version, record))
    }
}

/// The caseload's fields with the account categories written into the SQL as text literals: the
/// codes are constants of the program. Bound as parameters, they left PostgreSQL's generic plan
/// without their selectivity, so on a database with statistics (as autovacuum keeps them) it
/// planned the statement again at every execution, which cost more than running it: 1.9–2.1 ms
/// a dashboard instead of 1.1–1.4 ms (pgbench, one counsellor's 60 books).
static CASELOAD_FIELDS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    let money = [ReportCategory::Bank, ReportCategory::Savings, ReportCategory::Cash]
        .map(category_literal)
        .join(", ");
    let suspense = category_literal(ReportCategory::Suspense);
    CASE_FIELDS
        .iter()
        .chain(ATTENTION_FIELDS)
        .map(|(name, expression)| {
            let expression = expression.replace("{money}", &money).replace("{suspense}", &suspense);
            (*name, expression)
        })
        .collect()
});

/// `category`'s code as an SQL text literal.
fn category_literal(category: ReportCategory) -> String {
    let code = category.code();
    assert!(
        code.bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte == b'.' || byte == b'_'),
        "BUG: the category code {code:?} cannot be written into SQL as it is"
    );
    format!("'{code}'")
}

/// Binds the caseload's parameters: $1 the office, $2 the books.
macro_rules! bind_caseload {
    ($query:expr, $office:expr, $only:expr) => {
        $query.bind($office.map(OfficeId::get)).bind(id_list($only))
    };
}

impl Tx {
    /// The people of `office` (or of all offices) by id, each with their book, latest mandate,
    /// money, last filed day and [`Attention`]; with `only`, just the people of the books in it.
    ///
    /// A dashboard is asked for all day, so everything comes in one statement, which is also one
    /// snapshot: no transaction is needed around it. On SQLite each row is a hand-over from the
    /// database's thread, so the rows come as one JSON array (see `json_rows`); on PostgreSQL
    /// each statement is a round trip to the server and costs it a fixed share of its work, so
    /// the filed periods and the counts, once three queries in a transaction (six round trips),
    /// are subqueries of the one (measured with pgbench on the web benchmark's database: about
    /// 0.9 ms of the server's time instead of 1.7 ms).
    pub async fn caseload(&mut self, office: Option<OfficeId>, only: Option<&[i64]>) -> StoreResult<Vec<CaseRecord>> {
        let versioned = self.versioned_caseload(office, only).await?;
        Ok(versioned.into_iter().map(|(_, record)| record).collect())
    }

    /// As [`Tx::caseload`], each case with its book's version as the same statement read it.
    pub(super) async fn versioned_caseload(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<Vec<(Option<BookVersion>, CaseRecord)>> {
        let fields: Vec<(&str, &str)> = CASELOAD_FIELDS
            .iter()
            .map(|(name, expression)| (*name, expression.as_str()))
            .collect();
        let source = self.cases_source(&self.among("b.id", 2, only), only.is_some());
        let cases = self.select_rows(&fields, &source, "p.id");
        let rows: Vec<CaseRow> = match &mut self.inner {
            TxInner::Sqlite(held) => {
                let cases: String = bind_caseload!(sqlx::query_scalar(sqlx::AssertSqlSafe(cases)), office, only)
                    .fetch_one(held.connection())
                    .await?;
                from_json_array(&cases, "caseload")?
            }
            TxInner::Postgres(held) => {
                bind_caseload!(sqlx::query_as(sqlx::AssertSqlSafe(cases)), office, only)
                    .fetch_all(held.connection())
                    .await?
            }
        };
        rows.into_iter().map(TryFrom::try_from).collect()
    }

    /// Where the people come from (`p`, with `b` their book and `m` their latest mandate). With
    /// a list of books, driven by it (people without a book are left out anyway); the whole
    /// office, by its people, so those without a book are listed too. PostgreSQL finds the
    /// latest mandate as a lateral join, which cost it less than matching the id a subquery
    /// finds; SQLite has no lateral join.
    fn cases_source(&self, among: &str, only_listed: bool) -> String {
        let people_and_books = if only_listed {
            "books b JOIN beneficiaries p ON p.id = b.beneficiary_id"
        } else {
            "beneficiaries p LEFT JOIN books b ON b.beneficiary_id = p.id"
        };
        let latest = "FROM mandates l WHERE l.beneficiary_id = p.id ORDER BY l.start_date DESC, l.id DESC LIMIT 1";
        let mandate = match self.inner {
            TxInner::Sqlite(_) => format!("LEFT JOIN mandates m ON m.id = (SELECT l.id {latest})"),
            TxInner::Postgres(_) => format!("LEFT JOIN LATERAL (SELECT l.* {latest}) m ON TRUE"),
        };
        format!("FROM {people_and_books} {mandate} WHERE ($1 IS NULL OR p.office_id = $1){among}")
    }
}

impl Store {
    /// [`Tx::caseload`], read on its own: its one statement reads one snapshot already, and a
    /// BEGIN and a COMMIT would be two more round trips. With a list of books (a dashboard), the
    /// cases of books that did not change since they were last read come from memory (see
    /// `caseload_cache`): each case is then as current as its book's version, read at the start,
    /// though the cases no longer all come from one snapshot.
    pub async fn caseload(&self, office: Option<OfficeId>, only: Option<&[i64]>) -> StoreResult<Vec<CaseRecord>> {
        let mut tx = self.read_alone().await?;
        let records = match only {
            Some(books) => self.cases.read_through(&mut tx, office, books).await?,
            None => tx.caseload(office, None).await?,
        };
        tx.commit().await?;
        Ok(records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_code_can_be_written_into_sql_as_a_literal() {
        for category in ReportCategory::ALL {
            assert_eq!(category_literal(*category), format!("'{}'", category.code()));
        }
    }

    #[test]
    fn the_caseload_fields_keep_no_placeholder_and_no_parameter_but_the_office_and_books() {
        for (name, expression) in CASELOAD_FIELDS.iter() {
            assert!(!expression.contains('{'), "{name}: {expression}");
            assert!(!expression.contains('$'), "{name}: {expression}");
        }
        let money = &CASELOAD_FIELDS
            .iter()
            .find(|(name, _)| *name == "money_minor")
            .expect("money")
            .1;
        assert!(
            money.contains("IN ('asset.bank', 'asset.savings', 'asset.cash')"),
            "{money}"
        );
    }
}
