//! What needs a counsellor's attention, per book: imported lines waiting in suspense, statement
//! gaps not yet resolved, payments the last run held, and orders sent to the bank that no
//! statement has shown yet. Counted for each book of the caseload, in `Tx::caseload`'s statement.

/// The counts of one book.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attention {
    pub to_categorise: i64,
    pub open_gaps: i64,
    /// Payments held by the latest run that covered the book.
    pub held: i64,
    /// Orders in a payment file, not yet seen on a statement.
    pub on_the_way: i64,
    /// 1 when the court's latest review of the book's filed accounts made remarks (answered by a
    /// later approval), else 0.
    pub court_remarks: i64,
}

/// The four counts of the book `b` (absent for a person without a book: each count is then 0),
/// as fields of the caseload's rows; `{suspense}` stands for the suspense category's code (see
/// `caseload::CASELOAD_FIELDS`). Each is a subquery on the book's own rows, through an index, so
/// the work follows the number of books asked about and not the size of the office.
pub(super) const ATTENTION_FIELDS: &[(&str, &str)] = &[
    (
        "to_categorise",
        "((SELECT COUNT(*) FROM accounts a \
         JOIN postings s ON s.account_id = a.id \
         JOIN entries e ON e.id = s.entry_id AND e.source = 'import' \
         WHERE a.book_id = b.id AND a.category = {suspense} \
           AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_entry_id = e.id) \
           AND NOT EXISTS (SELECT 1 FROM entries c WHERE c.book_id = b.id \
               AND c.source_ref LIKE 'categorise:%' \
               AND c.source_ref = 'categorise:' || CAST(e.id AS TEXT) || ':' || CAST(s.line_no AS TEXT))) \
         + (SELECT COUNT(*) FROM entries r JOIN entries c ON c.id = r.reverses_entry_id \
         JOIN postings s ON s.entry_id = r.id JOIN accounts a ON a.id = s.account_id \
         WHERE r.book_id = b.id AND r.reverses_entry_id IS NOT NULL AND c.source_ref LIKE 'categorise:%' \
           AND a.category = {suspense} \
           AND NOT EXISTS (SELECT 1 FROM entries k WHERE k.book_id = b.id \
               AND k.source_ref LIKE 'categorise:%' \
               AND k.source_ref = 'categorise:' || CAST(r.id AS TEXT) || ':' || CAST(s.line_no AS TEXT))))",
    ),
    (
        "open_gaps",
        "(SELECT COUNT(*) FROM statement_gaps g JOIN accounts a ON a.id = g.account_id \
         WHERE a.book_id = b.id AND g.resolved_at IS NULL)",
    ),
    (
        "held",
        "(SELECT COUNT(*) FROM payment_run_holds h WHERE h.book_id = b.id \
         AND h.run_id = (SELECT MAX(r.id) FROM payment_runs r WHERE r.office_id = b.office_id \
             AND (r.book_id IS NULL OR r.book_id = b.id)))",
    ),
    (
        "on_the_way",
        "(SELECT COUNT(*) FROM payment_orders o WHERE o.book_id = b.id AND o.state = 'exported')",
    ),
    (
        "court_remarks",
        "(SELECT COUNT(*) FROM filing_reviews r WHERE r.verdict = 'remarks' AND r.id = \
             (SELECT MAX(latest.id) FROM filing_reviews latest JOIN filings f ON f.id = latest.filing_id \
              WHERE f.book_id = b.id))",
    ),
];
