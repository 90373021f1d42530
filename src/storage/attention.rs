//! What needs a counsellor's attention, per book, for many books at once: imported lines waiting
//! in suspense, statement gaps not yet resolved, payments the last run held, and orders sent to
//! the bank that no statement has shown yet. One query each, whatever the number of books.

use std::collections::HashMap;

use super::{StoreResult, Tx, id_list, on_backend};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, OfficeId};

/// The counts of one book; books with nothing to do are absent from the map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attention {
    pub to_categorise: i64,
    pub open_gaps: i64,
    /// Payments held by the latest run that covered the book.
    pub held: i64,
    /// Orders in a payment file, not yet seen on a statement.
    pub on_the_way: i64,
}

impl Tx {
    pub async fn attention(
        &mut self,
        office: Option<OfficeId>,
        only: Option<&[i64]>,
    ) -> StoreResult<HashMap<BookId, Attention>> {
        let office = office.map(OfficeId::get);
        let among = self.among("books.id", 3, only);
        // One statement, four counts: a dashboard is asked for all day, and each round trip to
        // the database costs more than the counting.
        let rows: Vec<(i64, i64, i64)> = on_backend!(self, connection => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT books.id, CAST(1 AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM books \
                 JOIN accounts a ON a.book_id = books.id AND a.category = $2 \
                 JOIN postings p ON p.account_id = a.id \
                 JOIN entries e ON e.id = p.entry_id AND e.source = 'import' \
                 WHERE ($1 IS NULL OR books.office_id = $1){among} \
                   AND NOT EXISTS (SELECT 1 FROM entries c WHERE c.book_id = books.id \
                       AND c.source_ref LIKE 'categorise:%' \
                       AND c.source_ref = 'categorise:' || CAST(e.id AS TEXT) || ':' || CAST(p.line_no AS TEXT)) \
                 GROUP BY books.id \
                 UNION ALL \
                 SELECT books.id, CAST(2 AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM statement_gaps g \
                 JOIN accounts a ON a.id = g.account_id JOIN books ON books.id = a.book_id \
                 WHERE g.resolved_at IS NULL AND ($1 IS NULL OR books.office_id = $1){among} \
                 GROUP BY books.id \
                 UNION ALL \
                 SELECT books.id, CAST(3 AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM payment_run_holds h \
                 JOIN books ON books.id = h.book_id \
                 WHERE ($1 IS NULL OR books.office_id = $1){among} \
                   AND h.run_id = (SELECT MAX(r.id) FROM payment_runs r WHERE r.office_id = books.office_id \
                       AND (r.book_id IS NULL OR r.book_id = books.id)) \
                 GROUP BY books.id \
                 UNION ALL \
                 SELECT books.id, CAST(4 AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM payment_orders o \
                 JOIN books ON books.id = o.book_id \
                 WHERE o.state = 'exported' AND ($1 IS NULL OR books.office_id = $1){among} \
                 GROUP BY books.id",
            )))
            .bind(office)
            .bind(ReportCategory::Suspense.code())
            .bind(id_list(only))
            .fetch_all(connection)
            .await?
        });
        let mut found: HashMap<BookId, Attention> = HashMap::new();
        for (book, kind, count) in rows {
            let attention = found.entry(BookId::new(book)).or_default();
            match kind {
                1 => attention.to_categorise = count,
                2 => attention.open_gaps = count,
                3 => attention.held = count,
                _ => attention.on_the_way = count,
            }
        }
        Ok(found)
    }
}
