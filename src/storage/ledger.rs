//! Books, their accounts and the accounts' balances.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::rows::{AccountRow, BookRow};
use super::{StoreError, StoreResult, Tx, TxInner, on_backend};
use crate::domain::account::{Account, NewAccount};
use crate::domain::book::Book;
use crate::domain::chain::GENESIS_HASH;
use crate::domain::ids::{AccountId, BeneficiaryId, BookId, OfficeId};
use crate::domain::money::Currency;

#[derive(sqlx::FromRow)]
struct AccountTotalRow {
    #[sqlx(flatten)]
    account: AccountRow,
    balance_minor: i64,
}

fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
}

impl Tx {
    pub async fn insert_book(
        &mut self,
        beneficiary: BeneficiaryId,
        currency: Currency,
        opened_on: NaiveDate,
        now: DateTime<Utc>,
    ) -> StoreResult<Book> {
        let person = self.beneficiary(beneficiary).await?;
        let result = on_backend!(self, connection => {
            sqlx::query_as::<_, BookRow>(
                "INSERT INTO books (office_id, beneficiary_id, currency, opened_on, head_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 RETURNING id, office_id, beneficiary_id, currency, opened_on, locked_through, head_sequence, head_hash",
            )
            .bind(person.office_id.get())
            .bind(beneficiary.get())
            .bind(currency.code())
            .bind(opened_on)
            .bind(GENESIS_HASH)
            .bind(now)
            .fetch_one(connection)
            .await
        });
        let book: Book = match result.map_err(StoreError::from) {
            Err(StoreError::Duplicate { .. }) => Err(StoreError::Duplicate {
                what: "a book for this beneficiary",
                detail: format!("beneficiary {beneficiary} has a book already; one person, one book"),
            }),
            other => other?.try_into(),
        }?;
        // Sealed from its first (empty) head on, like every head after it.
        self.seal_book_head(book.id, book.head_sequence, &book.head_hash)
            .await?;
        Ok(book)
    }

    pub async fn book(&mut self, id: BookId) -> StoreResult<Book> {
        self.books_where(None, Some(id))
            .await?
            .pop()
            .ok_or_else(|| not_found("book", id))
    }

    pub async fn books(&mut self, office: Option<OfficeId>) -> StoreResult<Vec<Book>> {
        self.books_where(office, None).await
    }

    async fn books_where(&mut self, office: Option<OfficeId>, id: Option<BookId>) -> StoreResult<Vec<Book>> {
        on_backend!(self, connection => {
            let rows: Vec<BookRow> = sqlx::query_as(
                "SELECT id, office_id, beneficiary_id, currency, opened_on, locked_through, head_sequence, head_hash \
                 FROM books WHERE ($1 IS NULL OR office_id = $1) AND ($2 IS NULL OR id = $2) ORDER BY id",
            )
            .bind(office.map(OfficeId::get))
            .bind(id.map(BookId::get))
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Book::try_from).collect()
        })
    }

    /// Holds the rows of `books` until the db transaction ends, taken in id order: two writers
    /// that each hold several books (office-wide payment runs, whose triggers touch every book of
    /// the office) then wait for each other instead of deadlocking. SQLite write transactions are
    /// serial already: nothing to do there.
    pub async fn lock_books_in_order(&mut self, books: &[BookId]) -> StoreResult<()> {
        if let TxInner::Postgres(held) = &mut self.inner {
            let ids: Vec<i64> = books.iter().map(|book| book.get()).collect();
            sqlx::query("SELECT id FROM books WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                .bind(ids)
                .fetch_all(held.connection())
                .await?;
        }
        Ok(())
    }

    /// Reads the book and holds its row until the db transaction ends, so two writers append to
    /// one book's chain one after the other. (A no-op update takes the row lock on PostgreSQL;
    /// SQLite write transactions are serial already.)
    pub async fn lock_book(&mut self, id: BookId) -> StoreResult<Book> {
        on_backend!(self, connection => {
            let row: Option<BookRow> = sqlx::query_as(
                "UPDATE books SET head_sequence = head_sequence WHERE id = $1 \
                 RETURNING id, office_id, beneficiary_id, currency, opened_on, locked_through, head_sequence, head_hash",
            )
            .bind(id.get())
            .fetch_optional(connection)
            .await?;
            row.ok_or_else(|| not_found("book", id))?.try_into()
        })
    }

    pub async fn set_locked_through(&mut self, id: BookId, through: NaiveDate) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE books SET locked_through = $2 WHERE id = $1")
                .bind(id.get())
                .bind(through)
                .execute(connection)
                .await?;
            Ok(())
        })
    }

    /// Inserts a book's accounts. An IBAN is one person's bank account: one that any book already
    /// holds, in this office or another, is refused (imports find a statement's book by its IBAN,
    /// and two books with one IBAN would break them).
    pub async fn insert_accounts(&mut self, book: BookId, accounts: &[NewAccount]) -> StoreResult<Vec<Account>> {
        let mut inserted = Vec::with_capacity(accounts.len());
        for account in accounts {
            if let Some(iban) = &account.iban {
                self.refuse_iban_held(iban).await?;
            }
            let result = on_backend!(self, connection => {
                sqlx::query_as::<_, AccountRow>(
                    "INSERT INTO accounts (book_id, code, name, category, kind, currency, iban) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) \
                     RETURNING id, book_id, code, name, category, kind, currency, iban, closed",
                )
                .bind(book.get())
                .bind(&account.code)
                .bind(&account.name)
                .bind(account.category.code())
                .bind(account.category.kind().as_str())
                .bind(account.currency.code())
                .bind(account.iban.as_ref().map(|iban| iban.electronic()))
                .fetch_one(connection)
                .await
            });
            let row = result.map_err(|error| match StoreError::from(error) {
                StoreError::Duplicate { .. } => StoreError::Duplicate {
                    what: "an account with this code or IBAN",
                    detail: format!("book {book} already has account {} or its IBAN", account.code),
                },
                other => other,
            })?;
            inserted.push(row.try_into()?);
        }
        Ok(inserted)
    }

    async fn refuse_iban_held(&mut self, iban: &crate::domain::iban::Iban) -> StoreResult<()> {
        let held: Option<(i64,)> = on_backend!(self, connection => {
            sqlx::query_as("SELECT book_id FROM accounts WHERE iban = $1 LIMIT 1")
                .bind(iban.electronic())
                .fetch_optional(connection)
                .await?
        });
        match held {
            // Which book holds it is not said: it may be another office's.
            Some(_) => Err(StoreError::Duplicate {
                what: "an account with this IBAN",
                detail: format!(
                    "the IBAN {iban} is already the account of a person's book; an IBAN belongs to one book: check the number"
                ),
            }),
            None => Ok(()),
        }
    }

    /// Marks an account closed; entries naming it are refused from then on.
    pub async fn close_account(&mut self, account: AccountId) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE accounts SET closed = TRUE WHERE id = $1")
                .bind(account.get())
                .execute(connection)
                .await?;
            Ok(())
        })
    }

    pub async fn accounts(&mut self, book: BookId) -> StoreResult<Vec<Account>> {
        on_backend!(self, connection => {
            let rows: Vec<AccountRow> = sqlx::query_as(
                "SELECT id, book_id, code, name, category, kind, currency, iban, closed FROM accounts \
                 WHERE book_id = $1 ORDER BY code",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?;
            rows.into_iter().map(Account::try_from).collect()
        })
    }

    /// The account with `code` in `book`.
    pub async fn account_by_code(&mut self, book: BookId, code: &str) -> StoreResult<Account> {
        let row = on_backend!(self, connection => {
            sqlx::query_as::<_, AccountRow>(
                "SELECT id, book_id, code, name, category, kind, currency, iban, closed FROM accounts \
                 WHERE book_id = $1 AND code = $2",
            )
            .bind(book.get())
            .bind(code)
            .fetch_optional(connection)
            .await?
        });
        row.ok_or_else(|| not_found("account", format!("{code} of book {book}")))?
            .try_into()
    }

    /// The running totals kept with each posting: the trial balance without reading postings.
    pub async fn account_totals(&mut self, book: BookId) -> StoreResult<BTreeMap<AccountId, i64>> {
        on_backend!(self, connection => {
            let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT id, balance_minor FROM accounts WHERE book_id = $1")
                .bind(book.get())
                .fetch_all(connection)
                .await?;
            Ok(rows.into_iter().map(|(id, total)| (AccountId::new(id), total)).collect())
        })
    }

    /// The accounts of `book` with their running totals, read in one statement, so the two agree
    /// without a transaction around them: the trial balance as of now.
    pub async fn accounts_with_totals(&mut self, book: BookId) -> StoreResult<Vec<(Account, i64)>> {
        on_backend!(self, connection => {
            let rows: Vec<AccountTotalRow> = sqlx::query_as(
                "SELECT id, book_id, code, name, category, kind, currency, iban, closed, balance_minor FROM accounts \
                 WHERE book_id = $1 ORDER BY code",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?;
            rows.into_iter()
                .map(|row| Ok((Account::try_from(row.account)?, row.balance_minor)))
                .collect()
        })
    }

    /// Each account's postings added up, over entries dated on or before `at` (all when `None`).
    pub async fn posting_totals(
        &mut self,
        book: BookId,
        at: Option<NaiveDate>,
    ) -> StoreResult<BTreeMap<AccountId, i64>> {
        on_backend!(self, connection => {
            let rows: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT p.account_id, CAST(SUM(p.amount_minor) AS BIGINT) FROM postings p \
                 JOIN entries e ON e.id = p.entry_id \
                 WHERE e.book_id = $1 AND ($2 IS NULL OR e.entry_date <= $2) GROUP BY p.account_id",
            )
            .bind(book.get())
            .bind(at)
            .fetch_all(connection)
            .await?;
            Ok(rows.into_iter().map(|(id, total)| (AccountId::new(id), total)).collect())
        })
    }

    /// Per account of `book`, the sums of its debit and of its credit postings (both positive):
    /// a debt's progress is what was owed (credits) against what was repaid (debits).
    pub async fn debit_credit_totals(&mut self, book: BookId) -> StoreResult<BTreeMap<AccountId, (i64, i64)>> {
        on_backend!(self, connection => {
            let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
                "SELECT p.account_id, \
                     CAST(COALESCE(SUM(CASE WHEN p.amount_minor > 0 THEN p.amount_minor ELSE 0 END), 0) AS BIGINT), \
                     CAST(COALESCE(SUM(CASE WHEN p.amount_minor < 0 THEN -p.amount_minor ELSE 0 END), 0) AS BIGINT) \
                 FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.book_id = $1 GROUP BY p.account_id",
            )
            .bind(book.get())
            .fetch_all(connection)
            .await?;
            Ok(rows.into_iter().map(|(id, debits, credits)| (AccountId::new(id), (debits, credits))).collect())
        })
    }
}
