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
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migration(error)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
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
