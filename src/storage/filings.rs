//! Filed periodic accounts and the court's reviews of them: written once, read back exactly.

use chrono::{DateTime, NaiveDate, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::filing::{Filing, Review, Verdict};
use crate::domain::ids::{BookId, FilingId};
use crate::domain::mandate::Jurisdiction;
use crate::domain::report::Period;
use crate::domain::seal::SealedFields;

/// A filing as it is about to be stored.
pub struct NewFiling<'a> {
    pub book: BookId,
    pub period: Period,
    pub layout: Jurisdiction,
    pub language: &'a str,
    pub data_json: &'a str,
    pub data_sha256: &'a str,
    pub pdf: &'a [u8],
    pub pdf_sha256: &'a str,
    pub chain_sequence: i64,
    pub chain_hash: &'a str,
    pub filed_at: DateTime<Utc>,
    pub filed_by: &'a str,
}

#[derive(sqlx::FromRow)]
struct FilingRow {
    id: i64,
    book_id: i64,
    period_from: NaiveDate,
    period_to: NaiveDate,
    layout: String,
    language: String,
    data_sha256: String,
    pdf_sha256: String,
    chain_sequence: i64,
    chain_hash: String,
    filed_at: DateTime<Utc>,
    filed_by: String,
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    verdict: String,
    remarks: Option<String>,
    reviewed_at: DateTime<Utc>,
    reviewed_by: String,
}

const FILING_COLUMNS: &str = "id, book_id, period_from, period_to, layout, language, data_sha256, pdf_sha256, \
     chain_sequence, chain_hash, filed_at, filed_by";

fn corrupt(id: i64, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what: "filing",
        id: id.to_string(),
        detail: detail.to_string(),
    }
}

impl FilingRow {
    fn into_filing(self, review: Option<Review>) -> StoreResult<Filing> {
        Ok(Filing {
            id: FilingId::new(self.id),
            book: BookId::new(self.book_id),
            period: Period {
                from: self.period_from,
                to: self.period_to,
            },
            layout: Jurisdiction::parse(&self.layout).map_err(|error| corrupt(self.id, error))?,
            language: self.language,
            data_sha256: self.data_sha256,
            pdf_sha256: self.pdf_sha256,
            chain_sequence: self.chain_sequence,
            chain_hash: self.chain_hash,
            filed_at: self.filed_at,
            filed_by: self.filed_by,
            review,
        })
    }
}

impl Tx {
    pub async fn insert_filing(&mut self, filing: &NewFiling<'_>) -> StoreResult<FilingId> {
        let result = on_backend!(self, connection => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO filings (book_id, period_from, period_to, layout, language, data_json, data_sha256, pdf, \
                     pdf_sha256, chain_sequence, chain_hash, filed_at, filed_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(filing.book.get())
            .bind(filing.period.from)
            .bind(filing.period.to)
            .bind(filing.layout.code())
            .bind(filing.language)
            .bind(filing.data_json)
            .bind(filing.data_sha256)
            .bind(filing.pdf)
            .bind(filing.pdf_sha256)
            .bind(filing.chain_sequence)
            .bind(filing.chain_hash)
            .bind(filing.filed_at)
            .bind(filing.filed_by)
            .fetch_one(connection)
            .await
        });
        let id = match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "a filed account",
                detail: format!(
                    "book {} has an account filed for the period ending {}",
                    filing.book, filing.period.to
                ),
            }),
            other => Ok(FilingId::new(other?)),
        }?;
        let filed = self.filing(id).await?;
        self.insert_seal(&SealedFields::filing(&filed), id.get()).await?;
        Ok(id)
    }

    /// A book's filed accounts, oldest period first, each with the court's latest review.
    pub async fn filings(&mut self, book: BookId) -> StoreResult<Vec<Filing>> {
        let rows: Vec<FilingRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {FILING_COLUMNS} FROM filings WHERE book_id = $1 ORDER BY period_to"
            )))
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        let mut filings = Vec::with_capacity(rows.len());
        for row in rows {
            let review = self.latest_review(FilingId::new(row.id)).await?;
            filings.push(row.into_filing(review)?);
        }
        Ok(filings)
    }

    pub async fn filing(&mut self, id: FilingId) -> StoreResult<Filing> {
        let row: Option<FilingRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {FILING_COLUMNS} FROM filings WHERE id = $1")))
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        let row = row.ok_or_else(|| StoreError::missing(id))?;
        let review = self.latest_review(id).await?;
        row.into_filing(review)
    }

    /// The filed PDF and data (JSON) exactly as stored.
    pub async fn filing_content(&mut self, id: FilingId) -> StoreResult<(Vec<u8>, String)> {
        let row: Option<(Vec<u8>, String)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT pdf, data_json FROM filings WHERE id = $1")
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        row.ok_or_else(|| StoreError::missing(id))
    }

    pub async fn insert_review(&mut self, filing: FilingId, review: &Review) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query(
                "INSERT INTO filing_reviews (filing_id, verdict, remarks, reviewed_at, reviewed_by) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(filing.get())
            .bind(review.verdict.code())
            .bind(review.remarks.as_deref())
            .bind(review.reviewed_at)
            .bind(&review.reviewed_by)
            .execute(connection)
            .await?;
        });
        Ok(())
    }

    /// Every review of `filing`, oldest first: a later verdict never hides an earlier one.
    pub async fn reviews(&mut self, filing: FilingId) -> StoreResult<Vec<Review>> {
        let rows: Vec<ReviewRow> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT verdict, remarks, reviewed_at, reviewed_by FROM filing_reviews WHERE filing_id = $1 ORDER BY id",
            )
            .bind(filing.get())
            .fetch_all(connection)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(Review {
                    verdict: Verdict::parse(&row.verdict).map_err(|error| corrupt(filing.get(), error))?,
                    remarks: row.remarks,
                    reviewed_at: row.reviewed_at,
                    reviewed_by: row.reviewed_by,
                })
            })
            .collect()
    }

    async fn latest_review(&mut self, filing: FilingId) -> StoreResult<Option<Review>> {
        let row: Option<ReviewRow> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT verdict, remarks, reviewed_at, reviewed_by FROM filing_reviews WHERE filing_id = $1 \
                 ORDER BY id DESC LIMIT 1",
            )
            .bind(filing.get())
            .fetch_optional(connection)
            .await?
        });
        row.map(|row| {
            Ok(Review {
                verdict: Verdict::parse(&row.verdict).map_err(|error| corrupt(filing.get(), error))?,
                remarks: row.remarks,
                reviewed_at: row.reviewed_at,
                reviewed_by: row.reviewed_by,
            })
        })
        .transpose()
    }
}
