//! What needs a counsellor's attention, per book, for many books at once: imported lines waiting
//! in suspense, statement gaps not yet resolved, payments the last run held, and orders sent to
//! the bank that no statement has shown yet. Counted for all the caseload's books at once, by
//! `Tx::caseload`.

use std::collections::HashMap;

use crate::domain::ids::BookId;

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

/// One count: which book, which of the four (1 to 4, in `Attention`'s order), how many.
#[derive(serde::Deserialize, sqlx::FromRow)]
pub(super) struct CountRow {
    book: i64,
    kind: i64,
    count: i64,
}

/// The fields of a `CountRow` in `counts_source`.
pub(super) const COUNT_FIELDS: &[(&str, &str)] = &[("book", "c.book"), ("kind", "c.kind"), ("count", "c.count")];

/// Where the four counts of each book come from (books of `$1` the office, or all; among
/// `among`'s books; `$6` the suspense category), as `c`, for `Tx::caseload`.
pub(super) fn counts_source(among: &str) -> String {
    format!(
        "FROM (\
         SELECT books.id AS book, CAST(1 AS BIGINT) AS kind, CAST(COUNT(*) AS BIGINT) AS count FROM books \
         JOIN accounts a ON a.book_id = books.id AND a.category = $6 \
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
         GROUP BY books.id) c"
    )
}

/// The counts, by book.
pub(super) fn attention_by_book(rows: Vec<CountRow>) -> HashMap<BookId, Attention> {
    let mut found: HashMap<BookId, Attention> = HashMap::new();
    for CountRow { book, kind, count } in rows {
        let attention = found.entry(BookId::new(book)).or_default();
        match kind {
            1 => attention.to_categorise = count,
            2 => attention.open_gaps = count,
            3 => attention.held = count,
            _ => attention.on_the_way = count,
        }
    }
    found
}
