//! Rows as the database returns them, and their conversion back into domain types.
//!
//! Every conversion re-checks the domain's rules (DESIGN: assert where written, re-check where
//! read): a row that fails is reported as `StoreError::Corrupt`, naming the row.

use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use crate::domain::account::{Account, ReportCategory};
use crate::domain::book::Book;
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BeneficiaryId, BookId, CourtId, EntryId, MandateId, OfficeId};
use crate::domain::ledger::{EntrySource, JournalEntry, Posting, check_balance};
use crate::domain::mandate::{CourtCase, Jurisdiction, Mandate, MandateKind, PeriodRule};
use crate::domain::money::{Currency, Money};
use crate::domain::party::{Beneficiary, Language, Office};

fn corrupt(what: &'static str, id: i64, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        id: id.to_string(),
        detail: detail.to_string(),
    }
}

fn currency(what: &'static str, id: i64, code: &str) -> Result<Currency, StoreError> {
    Currency::parse(code).map_err(|error| corrupt(what, id, error))
}

#[derive(sqlx::FromRow)]
pub struct OfficeRow {
    pub id: i64,
    pub name: String,
    pub country: String,
}

impl From<OfficeRow> for Office {
    fn from(row: OfficeRow) -> Office {
        Office {
            id: OfficeId::new(row.id),
            name: row.name,
            country: row.country,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct BeneficiaryRow {
    pub id: i64,
    pub office_id: i64,
    pub name: String,
    pub language: String,
    pub birth_date: Option<NaiveDate>,
    pub contact: Option<String>,
}

impl TryFrom<BeneficiaryRow> for Beneficiary {
    type Error = StoreError;
    fn try_from(row: BeneficiaryRow) -> Result<Beneficiary, StoreError> {
        Ok(Beneficiary {
            id: BeneficiaryId::new(row.id),
            office_id: OfficeId::new(row.office_id),
            language: Language::parse(&row.language).map_err(|error| corrupt("beneficiary", row.id, error))?,
            name: row.name,
            birth_date: row.birth_date,
            contact: row.contact,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MandateRow {
    pub id: i64,
    pub beneficiary_id: i64,
    pub kind: String,
    pub court_id: Option<i64>,
    /// The court's name, from its record.
    pub court_name: Option<String>,
    pub case_number: Option<String>,
    pub judge: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub period_rule: String,
    pub receipt_threshold_minor: Option<i64>,
    pub receipt_threshold_currency: Option<String>,
    pub jurisdiction: String,
    pub agreement: Option<String>,
    pub account_due_months: Option<i64>,
}

impl TryFrom<MandateRow> for Mandate {
    type Error = StoreError;
    fn try_from(row: MandateRow) -> Result<Mandate, StoreError> {
        let id = row.id;
        let bad = |error: crate::domain::mandate::MandateError| corrupt("mandate", id, error);
        let receipt_threshold = match (row.receipt_threshold_minor, row.receipt_threshold_currency.as_deref()) {
            (Some(minor), Some(code)) => Some(Money::from_minor(minor, currency("mandate", id, code)?)),
            _ => None,
        };
        let court = match (row.court_id, row.court_name, row.case_number) {
            (Some(court), Some(name), Some(case_number)) => Some(CourtCase {
                court: CourtId::new(court),
                name,
                case_number,
                judge: row.judge,
            }),
            _ => None,
        };
        let kind = MandateKind::parse(&row.kind).map_err(bad)?;
        if kind.is_court_measure() && court.is_none() {
            return Err(corrupt("mandate", id, "a court measure without court data"));
        }
        Ok(Mandate {
            id: MandateId::new(id),
            beneficiary_id: BeneficiaryId::new(row.beneficiary_id),
            kind,
            court,
            start: row.start_date,
            end: row.end_date,
            period_rule: PeriodRule::parse(&row.period_rule).map_err(bad)?,
            receipt_threshold,
            jurisdiction: Jurisdiction::parse(&row.jurisdiction).map_err(bad)?,
            agreement: row.agreement,
            account_due_months: row
                .account_due_months
                .map(|months| u32::try_from(months).map_err(|error| corrupt("mandate", id, error)))
                .transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct BookRow {
    pub id: i64,
    pub office_id: i64,
    pub beneficiary_id: i64,
    pub currency: String,
    pub opened_on: NaiveDate,
    pub locked_through: Option<NaiveDate>,
    pub head_sequence: i64,
    pub head_hash: String,
}

impl TryFrom<BookRow> for Book {
    type Error = StoreError;
    fn try_from(row: BookRow) -> Result<Book, StoreError> {
        Ok(Book {
            id: BookId::new(row.id),
            office_id: OfficeId::new(row.office_id),
            beneficiary_id: BeneficiaryId::new(row.beneficiary_id),
            currency: currency("book", row.id, &row.currency)?,
            opened_on: row.opened_on,
            locked_through: row.locked_through,
            head_sequence: row.head_sequence,
            head_hash: row.head_hash,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub book_id: i64,
    pub code: String,
    pub name: String,
    pub category: String,
    pub kind: String,
    pub currency: String,
    pub iban: Option<String>,
    pub closed: bool,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(row: AccountRow) -> Result<Account, StoreError> {
        let id = row.id;
        let category = ReportCategory::parse(&row.category).map_err(|error| corrupt("account", id, error))?;
        if category.kind().as_str() != row.kind {
            return Err(corrupt(
                "account",
                id,
                format!("kind {} does not match category {category}", row.kind),
            ));
        }
        let iban = match row.iban.as_deref() {
            // The IBAN itself stays out of the message: messages reach logs.
            Some(text) => Some(Iban::parse(text).map_err(|_| corrupt("account", id, "the stored IBAN is not valid"))?),
            None => None,
        };
        Ok(Account {
            id: AccountId::new(id),
            book_id: BookId::new(row.book_id),
            code: row.code,
            name: row.name,
            category,
            currency: currency("account", id, &row.currency)?,
            iban,
            closed: row.closed,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub book_id: i64,
    pub sequence: i64,
    pub entry_date: NaiveDate,
    pub description: String,
    pub source: String,
    pub source_ref: Option<String>,
    pub receipt: Option<String>,
    pub author: String,
    pub recorded_at: DateTime<Utc>,
    pub reverses_entry_id: Option<i64>,
    pub previous_hash: String,
    pub hash: String,
}

#[derive(sqlx::FromRow)]
pub struct PostingRow {
    pub entry_id: i64,
    pub account_id: i64,
    pub amount_minor: i64,
    pub currency: String,
}

/// Joins an entry row with its postings (in line order) and re-checks that it balances.
pub fn journal_entry(row: EntryRow, postings: Vec<PostingRow>) -> Result<JournalEntry, StoreError> {
    let id = row.id;
    let postings = postings
        .into_iter()
        .map(|posting| {
            Ok(Posting {
                account_id: AccountId::new(posting.account_id),
                amount: Money::from_minor(posting.amount_minor, currency("entry", id, &posting.currency)?),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    check_balance(&postings).map_err(|rejection| corrupt("entry", id, rejection))?;
    Ok(JournalEntry {
        id: EntryId::new(id),
        book_id: BookId::new(row.book_id),
        sequence: row.sequence,
        date: row.entry_date,
        description: row.description,
        source: EntrySource::parse(&row.source)
            .ok_or_else(|| corrupt("entry", id, format!("unknown source '{}'", row.source)))?,
        source_ref: row.source_ref,
        receipt: row.receipt,
        author: row.author,
        recorded_at: row.recorded_at,
        reverses: row.reverses_entry_id.map(EntryId::new),
        postings,
        previous_hash: row.previous_hash,
        hash: row.hash,
    })
}
