//! Signed-in sessions (by the SHA-256 of their token), the access rule's facts about a book, and
//! the audit log.

use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult, Tx, TxInner, on_backend};
use crate::domain::access::BookFacts;
use crate::domain::audit::{AuditKind, AuditQuery, AuditRecord};
use crate::domain::ids::{BeneficiaryId, BookId, CourtId, OfficeId};
use crate::domain::session::SessionTimes;

/// A stored session: whose, its CSRF token and its times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub user: i64,
    pub csrf_token: String,
    pub times: SessionTimes,
}

impl Tx {
    pub async fn insert_session(
        &mut self,
        token_sha256: &str,
        user: i64,
        csrf_token: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query(
                "INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, last_seen_at) \
                 VALUES ($1, $2, $3, $4, $4)",
            )
            .bind(token_sha256)
            .bind(user)
            .bind(csrf_token)
            .bind(now)
            .execute(connection)
            .await?;
        });
        Ok(())
    }

    pub async fn touch_session(&mut self, token_sha256: &str, now: DateTime<Utc>) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_sha256 = $1")
                .bind(token_sha256)
                .bind(now)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    pub async fn delete_session(&mut self, token_sha256: &str) -> StoreResult<()> {
        on_backend!(self, connection => {
            sqlx::query("DELETE FROM sessions WHERE token_sha256 = $1")
                .bind(token_sha256)
                .execute(connection)
                .await?;
        });
        Ok(())
    }

    /// Ends every session of a user: on a new password, on disabling.
    pub async fn delete_sessions_of(&mut self, user: i64) -> StoreResult<u64> {
        let deleted = on_backend!(self, connection => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user)
                .execute(connection)
                .await?
                .rows_affected()
        });
        Ok(deleted)
    }

    /// What the access rule needs to know about a book, in one query; `None` if there is no such book.
    pub async fn book_facts(&mut self, book: BookId) -> StoreResult<Option<BookFacts>> {
        self.first_book_facts("books.id", book.get()).await
    }

    /// The facts of `person`'s book (the first, should they have several), in one query; `None`
    /// when they have none.
    pub async fn person_book_facts(&mut self, person: BeneficiaryId) -> StoreResult<Option<BookFacts>> {
        self.first_book_facts("books.beneficiary_id", person.get()).await
    }

    /// The facts of the first book whose `column` (a constant of this file) is `value`.
    async fn first_book_facts(&mut self, column: &'static str, value: i64) -> StoreResult<Option<BookFacts>> {
        let rows: Vec<(i64, i64, i64, Option<i64>)> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT books.id, books.office_id, books.beneficiary_id, mandates.court_id FROM books \
                 LEFT JOIN mandates ON mandates.beneficiary_id = books.beneficiary_id \
                 WHERE {column} = $1 ORDER BY books.id",
            )))
            .bind(value)
            .fetch_all(connection)
            .await?
        });
        let Some((book, office, beneficiary, _)) = rows.first().cloned() else {
            return Ok(None);
        };
        Ok(Some(BookFacts {
            book: BookId::new(book),
            office: OfficeId::new(office),
            beneficiary: BeneficiaryId::new(beneficiary),
            courts: rows
                .into_iter()
                .filter(|(of_book, ..)| *of_book == book)
                .filter_map(|(.., court)| court.map(CourtId::new))
                .collect(),
        }))
    }

    /// The facts of every book of an office, or of every office, or only of the books in `only`:
    /// for lists filtered by the rule.
    pub async fn all_book_facts(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<Vec<BookFacts>> {
        let among = self.among("books.id", 2, only);
        let rows: Vec<(i64, i64, i64, Option<i64>)> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT books.id, books.office_id, books.beneficiary_id, mandates.court_id FROM books \
                 LEFT JOIN mandates ON mandates.beneficiary_id = books.beneficiary_id \
                 WHERE ($1 IS NULL OR books.office_id = $1){among} ORDER BY books.id",
            )))
            .bind(office.map(OfficeId::get))
            .bind(super::id_list(only))
            .fetch_all(connection)
            .await?
        });
        let mut facts: Vec<BookFacts> = Vec::new();
        for (book, office, beneficiary, court) in rows {
            match facts.last_mut() {
                Some(last) if last.book.get() == book => last.courts.extend(court.map(CourtId::new)),
                _ => facts.push(BookFacts {
                    book: BookId::new(book),
                    office: OfficeId::new(office),
                    beneficiary: BeneficiaryId::new(beneficiary),
                    courts: court.map(CourtId::new).into_iter().collect(),
                }),
            }
        }
        Ok(facts)
    }

    pub async fn insert_audit(&mut self, record: &AuditRecord) -> StoreResult<()> {
        self.insert_audits(&[record]).await
    }

    /// Appends `records` in their order. On PostgreSQL they go in one statement, their columns
    /// bound as arrays, so the SQL text is the same for any number and is prepared once: the audit
    /// writer commits whatever requests arrived together, and one round trip per record was most
    /// of its time on a busy server. SQLite runs in the process, where a prepared INSERT per
    /// record costs no round trip.
    pub async fn insert_audits(&mut self, records: &[&AuditRecord]) -> StoreResult<()> {
        if records.is_empty() {
            return Ok(());
        }
        match &mut self.inner {
            TxInner::Sqlite(held) => {
                for record in records {
                    sqlx::query(
                        "INSERT INTO audit_log (at, user_id, kind, route, book_id, status) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(record.at)
                    .bind(record.user)
                    .bind(record.kind.code())
                    .bind(&record.route)
                    .bind(record.book.map(BookId::get))
                    .bind(i64::from(record.status))
                    .execute(held.connection())
                    .await?;
                }
            }
            TxInner::Postgres(held) => {
                sqlx::query(
                    "INSERT INTO audit_log (at, user_id, kind, route, book_id, status) \
                     SELECT at, user_id, kind, route, book_id, status \
                     FROM UNNEST($1::timestamptz[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) \
                          WITH ORDINALITY AS given (at, user_id, kind, route, book_id, status, place) \
                     ORDER BY place",
                )
                .bind(records.iter().map(|record| record.at).collect::<Vec<_>>())
                .bind(records.iter().map(|record| record.user).collect::<Vec<_>>())
                .bind(records.iter().map(|record| record.kind.code()).collect::<Vec<_>>())
                .bind(records.iter().map(|record| record.route.as_str()).collect::<Vec<_>>())
                .bind(
                    records
                        .iter()
                        .map(|record| record.book.map(BookId::get))
                        .collect::<Vec<_>>(),
                )
                .bind(
                    records
                        .iter()
                        .map(|record| i64::from(record.status))
                        .collect::<Vec<_>>(),
                )
                .execute(held.connection())
                .await?;
            }
        }
        Ok(())
    }

    /// The newest records first, narrowed by `query`, with their ids.
    pub async fn audit(&mut self, query: &AuditQuery) -> StoreResult<Vec<(i64, AuditRecord)>> {
        type Row = (i64, DateTime<Utc>, Option<i64>, String, String, Option<i64>, i64);
        let rows: Vec<Row> = on_backend!(self, connection => {
            sqlx::query_as(
                "SELECT id, at, user_id, kind, route, book_id, status FROM audit_log \
                 WHERE ($1 IS NULL OR user_id = $1) AND ($2 IS NULL OR book_id = $2) AND ($3 IS NULL OR kind = $3) \
                   AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5) AND ($6 IS NULL OR id < $6) AND NOT ($9 AND kind = 'read') \
                   AND ($8 IS NULL OR user_id IN (SELECT id FROM users WHERE office_id = $8) \
                        OR book_id IN (SELECT id FROM books WHERE office_id = $8)) \
                 ORDER BY id DESC LIMIT $7",
            )
            .bind(query.user)
            .bind(query.book.map(BookId::get))
            .bind(query.kind.map(AuditKind::code))
            .bind(query.from)
            .bind(query.to)
            .bind(query.before)
            .bind(i64::from(query.limit))
            .bind(query.office.map(OfficeId::get))
            .bind(query.except_reads)
            .fetch_all(connection)
            .await?
        });
        rows.into_iter()
            .map(|(id, at, user, kind, route, book, status)| {
                let corrupt = |detail: String| StoreError::Corrupt {
                    what: "audit record",
                    id: id.to_string(),
                    detail,
                };
                Ok((
                    id,
                    AuditRecord {
                        at,
                        user,
                        kind: AuditKind::parse(&kind).ok_or_else(|| corrupt(format!("unknown kind {kind}")))?,
                        route,
                        book: book.map(BookId::new),
                        status: u16::try_from(status).map_err(|_| corrupt(format!("status {status}")))?,
                    },
                ))
            })
            .collect()
    }
}
