//! Users, their password hashes and their assigned books.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};

use super::sessions::StoredSession;
use super::{StoreError, StoreResult, Tx, TxInner, on_backend};
use crate::domain::access::Role;
use crate::domain::ids::{BeneficiaryId, BookId, CourtId, OfficeId};
use crate::domain::party::Language;
use crate::domain::session::SessionTimes;
use crate::domain::user::{NewUser, User};

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    office_id: Option<i64>,
    login: String,
    display_name: String,
    role: String,
    language: Option<String>,
    beneficiary_id: Option<i64>,
    court_id: Option<i64>,
    disabled: bool,
}

const USER_COLUMNS: &str = "id, office_id, login, display_name, role, language, beneficiary_id, court_id, disabled";

/// [`USER_COLUMNS`] of the table as `u`, for a statement that joins users to another table.
static USER_COLUMNS_OF_U: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<String> = USER_COLUMNS.split(", ").map(|column| format!("u.{column}")).collect();
    columns.join(", ")
});

/// A live session's row with its user's and the user's assigned books, as `Tx::session_of_user`
/// reads them: `books` is the ids joined by commas (NULL when there are none).
#[derive(sqlx::FromRow)]
struct SessionUserRow {
    csrf_token: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    #[sqlx(flatten)]
    user: UserRow,
    books: Option<String>,
}

/// A session with its user and the user's assigned books, read together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOfUser {
    pub session: StoredSession,
    pub user: User,
    pub assigned_books: Vec<BookId>,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> StoreResult<User> {
        let corrupt = |detail: String| StoreError::Corrupt {
            what: "user",
            id: row.id.to_string(),
            detail,
        };
        let role = Role::parse(&row.role).ok_or_else(|| corrupt(format!("unknown role {}", row.role)))?;
        let language = row
            .language
            .as_deref()
            .map(Language::parse)
            .transpose()
            .map_err(|error| corrupt(error.to_string()))?;
        if role.has_office() != row.office_id.is_some() {
            return Err(corrupt(format!("a {} with office {:?}", role.code(), row.office_id)));
        }
        Ok(User {
            id: row.id,
            office: row.office_id.map(OfficeId::new),
            login: row.login,
            display_name: row.display_name,
            role,
            language,
            beneficiary: row.beneficiary_id.map(BeneficiaryId::new),
            court: row.court_id.map(CourtId::new),
            disabled: row.disabled,
        })
    }
}

impl Tx {
    pub async fn insert_user(&mut self, user: &NewUser, password_hash: &str, now: DateTime<Utc>) -> StoreResult<User> {
        let result = on_backend!(self, connection => {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!(
                "INSERT INTO users (office_id, login, display_name, role, password_hash, language, beneficiary_id, court_id, \
                     created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {USER_COLUMNS}"
            )))
            .bind(user.office.map(OfficeId::get))
            .bind(&user.login)
            .bind(&user.display_name)
            .bind(user.role.code())
            .bind(password_hash)
            .bind(user.language.map(Language::code))
            .bind(user.beneficiary.map(BeneficiaryId::get))
            .bind(user.court.map(CourtId::get))
            .bind(now)
            .fetch_one(connection)
            .await
        });
        match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "a user",
                detail: format!("the login {} is taken", user.login),
            }),
            other => other?.try_into(),
        }
    }

    pub async fn user_by_login(&mut self, login: &str) -> StoreResult<(User, String)> {
        let row: Option<(i64, String)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT id, password_hash FROM users WHERE login = $1")
                .bind(login.trim())
                .fetch_optional(connection)
                .await?
        });
        let (id, hash) = row.ok_or_else(|| StoreError::NotFound {
            what: "user",
            id: login.to_owned(),
        })?;
        Ok((self.user(id).await?, hash))
    }

    /// The session of `token_sha256` with its user and the user's assigned books, in one statement
    /// (a request whose session is not in the server's memory reads it so, in one round trip).
    pub async fn session_of_user(&mut self, token_sha256: &str) -> StoreResult<Option<SessionOfUser>> {
        // The one place the dialects differ: how the assigned books are joined into one value.
        let joined = match self.inner {
            TxInner::Sqlite(_) => "group_concat(book_id, ',')",
            TxInner::Postgres(_) => "string_agg(CAST(book_id AS TEXT), ',')",
        };
        let users_columns = USER_COLUMNS_OF_U.as_str();
        let row: Option<SessionUserRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT s.csrf_token, s.created_at, s.last_seen_at, {users_columns}, \
                     (SELECT {joined} FROM user_books WHERE user_id = u.id) AS books \
                 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = $1"
            )))
            .bind(token_sha256)
            .fetch_optional(connection)
            .await?
        });
        row.map(SessionOfUser::try_from).transpose()
    }

    pub async fn user(&mut self, id: i64) -> StoreResult<User> {
        let row: Option<UserRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1")))
                .bind(id)
                .fetch_optional(connection)
                .await?
        });
        row.ok_or_else(|| StoreError::NotFound {
            what: "user",
            id: id.to_string(),
        })?
        .try_into()
    }

    pub async fn users(&mut self, office: Option<OfficeId>) -> StoreResult<Vec<User>> {
        let rows: Vec<UserRow> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {USER_COLUMNS} FROM users WHERE ($1 IS NULL OR office_id = $1) ORDER BY login"
            )))
            .bind(office.map(OfficeId::get))
            .fetch_all(connection)
            .await?
        });
        rows.into_iter().map(User::try_from).collect()
    }

    pub async fn set_password_hash(&mut self, user: i64, password_hash: &str) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
                .bind(user)
                .bind(password_hash)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// The language the user's pages are in; `None` follows the browser.
    pub async fn set_user_language(&mut self, user: i64, language: Option<&str>) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE users SET language = $2 WHERE id = $1")
                .bind(user)
                .bind(language)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    pub async fn set_disabled(&mut self, user: i64, disabled: bool) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE users SET disabled = $2 WHERE id = $1")
                .bind(user)
                .bind(disabled)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    pub async fn assign_book(&mut self, user: i64, book: BookId, now: DateTime<Utc>) -> StoreResult<()> {
        let result = on_backend!(self, connection => {
            sqlx::query("INSERT INTO user_books (user_id, book_id, assigned_at) VALUES ($1, $2, $3)")
                .bind(user)
                .bind(book.get())
                .bind(now)
                .execute(connection)
                .await
                .map(|_| ())
        });
        match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "an assignment",
                detail: format!("book {book} is assigned to this user already"),
            }),
            other => other,
        }
    }

    /// Ends `user`'s assignment to `book`; `NotFound` when there was none.
    pub async fn withdraw_book(&mut self, user: i64, book: BookId) -> StoreResult<()> {
        let withdrawn = on_backend!(self, connection => {
            sqlx::query("DELETE FROM user_books WHERE user_id = $1 AND book_id = $2")
                .bind(user)
                .bind(book.get())
                .execute(connection)
                .await?
                .rows_affected()
        });
        if withdrawn == 0 {
            return Err(StoreError::NotFound {
                what: "assignment of book",
                id: book.to_string(),
            });
        }
        Ok(())
    }

    pub async fn assigned_books(&mut self, user: i64) -> StoreResult<Vec<BookId>> {
        let rows: Vec<(i64,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT book_id FROM user_books WHERE user_id = $1 ORDER BY book_id")
                .bind(user)
                .fetch_all(connection)
                .await?
        });
        Ok(rows.into_iter().map(|(book,)| BookId::new(book)).collect())
    }
}

impl TryFrom<SessionUserRow> for SessionOfUser {
    type Error = StoreError;
    fn try_from(row: SessionUserRow) -> StoreResult<SessionOfUser> {
        let user: User = row.user.try_into()?;
        let mut assigned_books = books_joined(row.books.as_deref().unwrap_or(""), user.id)?;
        assigned_books.sort();
        Ok(SessionOfUser {
            session: StoredSession {
                user: user.id,
                csrf_token: row.csrf_token,
                times: SessionTimes {
                    created_at: row.created_at,
                    last_seen_at: row.last_seen_at,
                },
            },
            user,
            assigned_books,
        })
    }
}

/// The book ids of `joined` ("3,1,2"; "" for none), as the database joined them for `user`.
fn books_joined(joined: &str, user: i64) -> StoreResult<Vec<BookId>> {
    joined
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| {
            id.trim().parse().map(BookId::new).map_err(|_| StoreError::Corrupt {
                what: "user's assigned books",
                id: user.to_string(),
                detail: format!("{id:?} is not a book id"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_book_ids_are_read_back_and_anything_else_is_refused() {
        assert_eq!(books_joined("", 7).unwrap(), Vec::<BookId>::new());
        assert_eq!(books_joined("3,1", 7).unwrap(), vec![BookId::new(3), BookId::new(1)]);
        let error = books_joined("3,x", 7).unwrap_err();
        assert!(error.to_string().contains("\"x\" is not a book id"), "{error}");
    }
}
