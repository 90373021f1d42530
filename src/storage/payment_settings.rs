//! Payment settings: four eyes for an office's runs, a book's reserve, an account's overdraft.

use super::{StoreResult, Tx, on_backend};
use crate::domain::ids::{AccountId, BookId, OfficeId};

impl Tx {
    /// Whether the office requires payment runs to be approved by a second person.
    pub async fn office_four_eyes(&mut self, office: OfficeId) -> StoreResult<bool> {
        on_backend!(self, connection => {
            let (four_eyes,): (bool,) = sqlx::query_as("SELECT four_eyes FROM offices WHERE id = $1")
                .bind(office.get())
                .fetch_one(connection)
                .await?;
            Ok(four_eyes)
        })
    }

    pub async fn set_office_four_eyes(&mut self, office: OfficeId, required: bool) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE offices SET four_eyes = $1 WHERE id = $2")
                .bind(required)
                .bind(office.get())
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// The amount no payment run may touch in the book's accounts, in minor units.
    pub async fn book_reserve(&mut self, book: BookId) -> StoreResult<i64> {
        on_backend!(self, connection => {
            let (reserve,): (i64,) = sqlx::query_as("SELECT reserve_minor FROM books WHERE id = $1")
                .bind(book.get())
                .fetch_one(connection)
                .await?;
            Ok(reserve)
        })
    }

    pub async fn set_book_reserve(&mut self, book: BookId, reserve_minor: i64) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE books SET reserve_minor = $1 WHERE id = $2")
                .bind(reserve_minor)
                .bind(book.get())
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// The overdraft agreed with the bank for a money account, in minor units (0: none).
    pub async fn account_overdraft(&mut self, account: AccountId) -> StoreResult<i64> {
        on_backend!(self, connection => {
            let (limit,): (i64,) = sqlx::query_as("SELECT overdraft_minor FROM accounts WHERE id = $1")
                .bind(account.get())
                .fetch_one(connection)
                .await?;
            Ok(limit)
        })
    }

    pub async fn set_account_overdraft(&mut self, account: AccountId, limit_minor: i64) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE accounts SET overdraft_minor = $1 WHERE id = $2")
                .bind(limit_minor)
                .bind(account.get())
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// The order the office pays its priority classes in, as stored ("1,3,2,4,5"), if set.
    pub async fn office_priority_order(&mut self, office: OfficeId) -> StoreResult<Option<String>> {
        on_backend!(self, connection => {
            let (order,): (Option<String>,) = sqlx::query_as("SELECT priority_order FROM offices WHERE id = $1")
                .bind(office.get())
                .fetch_one(connection)
                .await?;
            Ok(order)
        })
    }

    pub async fn set_office_priority_order(&mut self, office: OfficeId, order: Option<&str>) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE offices SET priority_order = $1 WHERE id = $2")
                .bind(order)
                .bind(office.get())
                .execute(connection)
                .await?;
        });
        Ok(())
    }
}
