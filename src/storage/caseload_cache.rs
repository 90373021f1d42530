//! The dashboard's memory of cases: each book's case as last read, with the book's version.
//!
//! A dashboard is asked for all day, and its cases change far less often: reading every one of a
//! counsellor's 60 cases again cost the database most of a dashboard's work. A book's version is
//! its chain head (every entry moves it, so balances and lines to categorise), the end of its last
//! filed period, and its revision, which the database's own triggers bump in the same transaction
//! as any other change to what a case shows (see migration 0013). A dashboard reads the versions
//! of its books (one small statement) and reads again, in one statement, only the cases whose
//! version moved. Each case is kept with the version the statement that read it saw, so memory
//! never holds a case newer or older than its version says; and as the versions come from the
//! database, changes made by another process or server count at once.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::caseload::CaseRecord;
use super::json_rows::from_json_array;
use super::{StoreResult, Tx, TxInner, id_list};
use crate::domain::ids::OfficeId;

/// What a book's case depends on beyond its own id; equal versions, equal cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, sqlx::FromRow)]
pub(super) struct BookVersion {
    pub book: i64,
    pub head_sequence: i64,
    pub locked_through: Option<NaiveDate>,
    pub revision: i64,
}

/// The most cases kept; past it the memory starts again empty (an office has far fewer books).
const CASES_KEPT_MAX: usize = 100_000;

/// Cases by book id, each with the version it was read at.
#[derive(Default)]
pub(super) struct CaseloadCache {
    kept: Mutex<HashMap<i64, (BookVersion, CaseRecord)>>,
}

impl CaseloadCache {
    /// The cases of the books in `only` (within `office`, if given), by person as
    /// [`Tx::caseload`] orders them: from memory where the book's version is unchanged, read
    /// again where it moved.
    pub(super) async fn read_through(
        &self,
        tx: &mut Tx,
        office: Option<OfficeId>,
        only: &[i64],
    ) -> StoreResult<Vec<CaseRecord>> {
        let versions = tx.book_versions(office, only).await?;
        let (mut cases, stale) = self.kept_cases(&versions);
        if !stale.is_empty() {
            let read = tx.versioned_caseload(office, Some(&stale)).await?;
            cases.extend(self.keep(read));
        }
        cases.sort_by_key(|case| case.beneficiary.id);
        Ok(cases)
    }

    /// Keeps the cases of every book of every office, read in one statement: what a server does
    /// once at start, so the first dashboards do not all read their cases at once. Returns how
    /// many it kept.
    pub(super) async fn keep_all(&self, tx: &mut Tx) -> StoreResult<usize> {
        let read = tx.versioned_caseload(None, None).await?;
        Ok(self.keep(read).iter().filter(|case| case.book.is_some()).count())
    }

    /// Keeps each case that has a book under the version its statement read, and gives back
    /// all the cases read.
    fn keep(&self, read: Vec<(Option<BookVersion>, CaseRecord)>) -> Vec<CaseRecord> {
        let mut kept = self.lock();
        if kept.len() + read.len() > CASES_KEPT_MAX {
            kept.clear();
        }
        read.into_iter()
            .map(|(version, case)| {
                if let Some(version) = version {
                    kept.insert(version.book, (version, case.clone()));
                }
                case
            })
            .collect()
    }

    /// The kept cases whose version is the current one, and the books to read again.
    fn kept_cases(&self, versions: &[BookVersion]) -> (Vec<CaseRecord>, Vec<i64>) {
        let kept = self.lock();
        let mut cases = Vec::with_capacity(versions.len());
        let mut stale = Vec::new();
        for version in versions {
            match kept.get(&version.book) {
                Some((kept_version, case)) if kept_version == version => cases.push(case.clone()),
                _ => stale.push(version.book),
            }
        }
        (cases, stale)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, (BookVersion, CaseRecord)>> {
        self.kept.lock().expect("BUG: the caseload cache was poisoned")
    }
}

/// The fields of [`BookVersion`] and the columns of `books` that give them.
const VERSION_FIELDS: &[(&str, &str)] = &[
    ("book", "id"),
    ("head_sequence", "head_sequence"),
    ("locked_through", "locked_through"),
    ("revision", "revision"),
];

impl Tx {
    /// The versions of the books in `only` that belong to `office` (any office when `None`): as
    /// one JSON array on SQLite and as rows on PostgreSQL, as the caseload is read (`json_rows`).
    async fn book_versions(&mut self, office: Option<OfficeId>, only: &[i64]) -> StoreResult<Vec<BookVersion>> {
        let source = format!(
            "FROM books WHERE ($1 IS NULL OR office_id = $1){}",
            self.among("id", 2, Some(only))
        );
        let versions = self.select_rows(VERSION_FIELDS, &source, "id");
        let office = office.map(OfficeId::get);
        let books = id_list(Some(only));
        Ok(match &mut self.inner {
            TxInner::Sqlite(held) => {
                let versions: String = sqlx::query_scalar(sqlx::AssertSqlSafe(versions))
                    .bind(office)
                    .bind(books)
                    .fetch_one(held.connection())
                    .await?;
                from_json_array(&versions, "book versions")?
            }
            TxInner::Postgres(held) => {
                sqlx::query_as(sqlx::AssertSqlSafe(versions))
                    .bind(office)
                    .bind(books)
                    .fetch_all(held.connection())
                    .await?
            }
        })
    }
}
