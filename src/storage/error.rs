//! The storage layer's one error type: what went wrong with the database, named.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("{what} already exists ({detail})")]
    Duplicate { what: &'static str, detail: String },
    #[error("stored {what} {id} fails a check, the database may have been changed by hand: {detail}")]
    Corrupt {
        what: &'static str,
        id: String,
        detail: String,
    },
    #[error("stored {what} could not be read, the database may have been changed by hand: {detail}")]
    Unreadable { what: &'static str, detail: String },
    #[error("'{url}' is not a database URL gestio knows: use sqlite://FILE or postgres://USER@HOST/DATABASE")]
    UnsupportedUrl { url: String },
    #[error("the database schema could not be brought up to date: {0}")]
    Migration(sqlx::migrate::MigrateError),
    /// The database is sealed with another key than the one given.
    #[error(
        "this database is sealed with the key {recorded}, not with the key given ({given}): start gestio with \
         the key file the database was sealed with (GESTIO_SECRET_FILE), restored from the same backup as the database"
    )]
    KeyMismatch { recorded: String, given: String },
    /// PostgreSQL gave up a db transaction that met another (a deadlock, or a serialization
    /// failure): nothing of it was saved, and the same work may simply be done again.
    #[error("the database was busy with a conflicting change; nothing was saved: try again")]
    Contention,
    /// PostgreSQL cannot store the NUL character (SQLite could, and gestio refuses it there too).
    #[error("a text holds the NUL character (U+0000), which no text may contain: remove it")]
    NulInText,
    /// The work ran past the time a request may take, or its request was gone, and the
    /// database stopped it (see `watch`): nothing of it was saved.
    #[error(
        "this took longer than the server allows and was stopped; nothing was saved: ask for less (a shorter period) or try again later"
    )]
    TimedOut,
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl StoreError {
    /// The record `id` does not exist (or, to a caller who may not know it, is not shown).
    pub fn missing<Id: crate::domain::ids::RecordId>(id: Id) -> StoreError {
        StoreError::NotFound {
            what: Id::NOUN,
            id: id.to_string(),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migration(error)
    }
}

/// PostgreSQL's codes for a serialization failure and a detected deadlock.
const POSTGRES_CONTENTION: [&str; 2] = ["40001", "40P01"];
/// The codes of a statement stopped by its watch: PostgreSQL's query_canceled (what
/// `statement_timeout` raises) and SQLite's SQLITE_INTERRUPT.
const STOPPED: [&str; 2] = ["57014", "9"];
/// PostgreSQL's code for "invalid byte sequence for encoding UTF8: 0x00" (character_not_in_repertoire).
const POSTGRES_NUL_IN_TEXT: &str = "22021";

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(database_error) = &error {
            match database_error.code().as_deref() {
                Some(POSTGRES_NUL_IN_TEXT) => return StoreError::NulInText,
                Some(code) if POSTGRES_CONTENTION.contains(&code) => return StoreError::Contention,
                Some(code) if STOPPED.contains(&code) => return StoreError::TimedOut,
                _ => {}
            }
        }
        if let sqlx::Error::Database(database_error) = &error
            && database_error.is_unique_violation()
        {
            return StoreError::Duplicate {
                what: "a record with the same key",
                detail: database_error.constraint().unwrap_or("unique key").to_owned(),
            };
        }
        StoreError::Database(error)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
