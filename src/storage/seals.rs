//! Seals: the key this database is sealed with (by id), the seal of each book's chain head, and
//! the seals of records that never change (filings, evidence, payment files). See `domain::seal`.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{Store, StoreError, StoreResult, Tx, on_backend};
use crate::domain::ids::{BookId, EvidenceId, FilingId, PaymentFileId};
use crate::domain::seal::{SealKey, Sealed, SealedFields};

/// What has no seal yet: rows written before sealing began (see `gestio seal adopt`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unsealed {
    pub books: Vec<BookId>,
    pub filings: Vec<FilingId>,
    pub evidence: Vec<EvidenceId>,
    pub payment_files: Vec<PaymentFileId>,
}

impl Unsealed {
    pub fn is_empty(&self) -> bool {
        self.books.is_empty() && self.filings.is_empty() && self.evidence.is_empty() && self.payment_files.is_empty()
    }
}

impl Store {
    /// The id of the key the database is sealed with; `None` before its first key.
    pub async fn recorded_key_id(&self) -> StoreResult<Option<String>> {
        let mut tx = self.begin_read().await?;
        let recorded = tx.recorded_key_id().await?;
        tx.commit().await?;
        Ok(recorded)
    }

    /// This store, sealing with `key`. The database must be sealed with this key already, or
    /// with none yet (then it records this one): a key that is not the database's would make
    /// every seal look broken, so it is refused at once.
    pub async fn sealed_with(mut self, key: SealKey) -> StoreResult<Store> {
        let mut tx = self.begin_write().await?;
        match tx.recorded_key_id().await? {
            Some(recorded) if recorded != key.id() => {
                return Err(StoreError::KeyMismatch {
                    recorded,
                    given: key.id(),
                });
            }
            Some(_) => {}
            None => tx.record_key_id(&key.id(), Utc::now()).await?,
        }
        tx.commit().await?;
        self.key = Some(Arc::new(key));
        Ok(self)
    }
}

impl Tx {
    /// The key this store seals with. Every way a store is opened gives it one.
    pub(super) fn key(&self) -> &SealKey {
        self.key
            .as_deref()
            .expect("BUG: a store that writes was opened without its sealing key")
    }

    /// The seal of `fields` with this store's key.
    pub fn seal(&self, fields: &SealedFields) -> String {
        self.key().seal_fields(fields)
    }

    /// Whether `seal` is the seal of `fields` with this store's key.
    pub fn seal_holds(&self, fields: &SealedFields, seal: &str) -> bool {
        self.key().verifies_fields(fields, seal)
    }

    async fn recorded_key_id(&mut self) -> StoreResult<Option<String>> {
        let found: Option<(String,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT key_id FROM sealing_keys ORDER BY recorded_at LIMIT 1")
                .fetch_optional(connection)
                .await?
        });
        Ok(found.map(|(key_id,)| key_id))
    }

    async fn record_key_id(&mut self, key_id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("INSERT INTO sealing_keys (key_id, recorded_at) VALUES ($1, $2)")
                .bind(key_id)
                .bind(now)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// Seals a record that never changes (a filing, an evidence file, a payment file).
    pub async fn insert_seal(&mut self, fields: &SealedFields, record_id: i64) -> StoreResult<()> {
        let seal = self.seal(fields);
        on_backend!(self, connection => {
            sqlx::query("INSERT INTO seals (kind, record_id, seal) VALUES ($1, $2, $3)")
                .bind(fields.kind.code())
                .bind(record_id)
                .bind(seal)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// The stored seal of a record, if it has one.
    pub async fn stored_seal(&mut self, kind: Sealed, record_id: i64) -> StoreResult<Option<String>> {
        let found: Option<(String,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT seal FROM seals WHERE kind = $1 AND record_id = $2")
                .bind(kind.code())
                .bind(record_id)
                .fetch_optional(connection)
                .await?
        });
        Ok(found.map(|(seal,)| seal))
    }

    /// The seal of the book's chain head as stored; `None` for a book not sealed yet.
    pub async fn book_head_seal(&mut self, book: BookId) -> StoreResult<Option<String>> {
        let found: Option<(Option<String>,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT head_seal FROM books WHERE id = $1")
                .bind(book.get())
                .fetch_optional(connection)
                .await?
        });
        let (seal,) = found.ok_or_else(|| StoreError::missing(book))?;
        Ok(seal)
    }

    /// Seals the book's chain head as it is now: only `gestio seal adopt`, for a book written
    /// before sealing began (every new head is sealed as it moves).
    pub async fn seal_book_head(&mut self, book: BookId, sequence: i64, hash: &str) -> StoreResult<()> {
        let seal = self.seal(&SealedFields::book_head(book, sequence, hash));
        on_backend!(self, connection => {
            sqlx::query("UPDATE books SET head_seal = $2 WHERE id = $1 AND head_sequence = $3 AND head_hash = $4")
                .bind(book.get())
                .bind(seal)
                .bind(sequence)
                .bind(hash)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// What has no seal yet.
    pub async fn unsealed(&mut self) -> StoreResult<Unsealed> {
        let books = self
            .ids_without_seal("SELECT id FROM books WHERE head_seal IS NULL ORDER BY id")
            .await?;
        let filings = self
            .ids_without_seal(
                "SELECT id FROM filings WHERE NOT EXISTS \
             (SELECT 1 FROM seals WHERE kind = 'filing' AND record_id = filings.id) ORDER BY id",
            )
            .await?;
        let evidence = self
            .ids_without_seal(
                "SELECT id FROM evidence WHERE NOT EXISTS \
             (SELECT 1 FROM seals WHERE kind = 'evidence' AND record_id = evidence.id) ORDER BY id",
            )
            .await?;
        let payment_files = self
            .ids_without_seal(
                "SELECT id FROM payment_files WHERE NOT EXISTS \
             (SELECT 1 FROM seals WHERE kind = 'payment_file' AND record_id = payment_files.id) ORDER BY id",
            )
            .await?;
        Ok(Unsealed {
            books: books.into_iter().map(|(id,)| BookId::new(id)).collect(),
            filings: filings.into_iter().map(|(id,)| FilingId::new(id)).collect(),
            evidence: evidence.into_iter().map(|(id,)| EvidenceId::new(id)).collect(),
            payment_files: payment_files.into_iter().map(|(id,)| PaymentFileId::new(id)).collect(),
        })
    }

    async fn ids_without_seal(&mut self, sql: &'static str) -> StoreResult<Vec<(i64,)>> {
        Ok(on_backend!(self, connection => {
            sqlx::query_as(sql).fetch_all(connection).await?
        }))
    }
}
