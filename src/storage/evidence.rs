//! Evidence files attached to entries, kept in the database with the books they prove.

use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult, Tx, on_backend};
use crate::domain::evidence::{EvidenceFile, MediaType};
use crate::domain::ids::{BookId, EntryId, EvidenceId};
use crate::domain::seal::SealedFields;

pub struct NewEvidence<'a> {
    pub book: BookId,
    pub entry: EntryId,
    pub file_name: &'a str,
    pub media_type: MediaType,
    pub content: &'a [u8],
    pub sha256: &'a str,
    pub added_at: DateTime<Utc>,
    pub added_by: &'a str,
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: i64,
    entry_id: i64,
    file_name: String,
    media_type: String,
    size_bytes: i64,
    sha256: String,
}

impl TryFrom<EvidenceRow> for EvidenceFile {
    type Error = StoreError;
    fn try_from(row: EvidenceRow) -> StoreResult<EvidenceFile> {
        let media_type = MediaType::parse(&row.media_type).ok_or_else(|| StoreError::Corrupt {
            what: "evidence",
            id: row.id.to_string(),
            detail: format!("unknown media type {}", row.media_type),
        })?;
        Ok(EvidenceFile {
            id: EvidenceId::new(row.id),
            entry: EntryId::new(row.entry_id),
            file_name: row.file_name,
            media_type,
            size_bytes: row.size_bytes,
            sha256: row.sha256,
        })
    }
}

impl Tx {
    pub async fn insert_evidence(&mut self, evidence: &NewEvidence<'_>) -> StoreResult<EvidenceId> {
        let size = i64::try_from(evidence.content.len()).expect("BUG: evidence size is limited far below i64");
        let result = on_backend!(self, connection => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO evidence (book_id, entry_id, file_name, media_type, content, size_bytes, sha256, added_at, \
                     added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(evidence.book.get())
            .bind(evidence.entry.get())
            .bind(evidence.file_name)
            .bind(evidence.media_type.code())
            .bind(evidence.content)
            .bind(size)
            .bind(evidence.sha256)
            .bind(evidence.added_at)
            .bind(evidence.added_by)
            .fetch_one(connection)
            .await
        });
        let id = match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "this evidence file",
                detail: format!("entry {} has the same file attached already", evidence.entry),
            }),
            other => Ok(EvidenceId::new(other?)),
        }?;
        let sealed = SealedFields::evidence(id, evidence.book, evidence.entry, evidence.sha256);
        self.insert_seal(&sealed, id.get()).await?;
        Ok(id)
    }

    /// The evidence of a book's entries, in the order attached.
    pub async fn evidence_files(&mut self, book: BookId) -> StoreResult<Vec<EvidenceFile>> {
        let rows: Vec<EvidenceRow> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT id, entry_id, file_name, media_type, size_bytes, sha256 FROM evidence WHERE book_id = $1 ORDER BY id",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?
        });
        rows.into_iter().map(EvidenceFile::try_from).collect()
    }

    /// The files attached to one entry, in the order they were added.
    pub async fn evidence_of_entry(&mut self, entry: EntryId) -> StoreResult<Vec<EvidenceFile>> {
        let rows: Vec<EvidenceRow> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT id, entry_id, file_name, media_type, size_bytes, sha256 FROM evidence WHERE entry_id = $1 ORDER BY id",
            )
            .bind(entry.get())
            .fetch_all(connection)
            .await?
        });
        rows.into_iter().map(EvidenceFile::try_from).collect()
    }

    /// One file's content, with the book it belongs to (for the caller's access check).
    pub async fn evidence_content(&mut self, id: EvidenceId) -> StoreResult<(BookId, EvidenceFile, Vec<u8>)> {
        let row: Option<(i64, Vec<u8>)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT book_id, content FROM evidence WHERE id = $1")
                .bind(id.get())
                .fetch_optional(connection)
                .await?
        });
        let (book, content) = row.ok_or_else(|| StoreError::missing(id))?;
        let file: EvidenceRow = on_backend!(self, connection => {
            sqlx::query_as("SELECT id, entry_id, file_name, media_type, size_bytes, sha256 FROM evidence WHERE id = $1")
                .bind(id.get())
                .fetch_one(connection)
                .await?
        });
        Ok((BookId::new(book), file.try_into()?, content))
    }
}
