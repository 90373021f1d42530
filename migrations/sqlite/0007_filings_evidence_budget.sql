-- Filed periodic accounts (DESIGN rule 3): what was sent to the court, kept exactly as sent.
-- The PDF and the account's data (JSON) with their SHA-256, and the book's chain head at filing,
-- so anyone can later prove the ledger behind the account has not changed.
CREATE TABLE filings (
    id            INTEGER PRIMARY KEY,
    book_id       INTEGER NOT NULL REFERENCES books (id),
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    layout        TEXT NOT NULL CHECK (layout IN ('lu', 'fr', 'de', 'generic')),
    language      TEXT NOT NULL,
    data_json     TEXT NOT NULL,
    data_sha256   TEXT NOT NULL CHECK (length(data_sha256) = 64),
    pdf           BLOB NOT NULL,
    pdf_sha256    TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    chain_sequence INTEGER NOT NULL CHECK (chain_sequence >= 0),
    chain_hash    TEXT NOT NULL CHECK (length(chain_hash) = 64),
    filed_at      TEXT NOT NULL,
    filed_by      TEXT NOT NULL,
    CHECK (period_from <= period_to),
    -- one account per period end: a second filing of the same period is a mistake
    UNIQUE (book_id, period_to)
);

-- The court's answer to a filed account: approved, or remarks with their text. Appended, never
-- changed: a later review is a new row.
CREATE TABLE filing_reviews (
    id           INTEGER PRIMARY KEY,
    filing_id    INTEGER NOT NULL REFERENCES filings (id),
    verdict      TEXT NOT NULL CHECK (verdict IN ('approved', 'remarks')),
    remarks      TEXT,
    reviewed_at  TEXT NOT NULL,
    reviewed_by  TEXT NOT NULL,
    CHECK (verdict = 'approved' OR length(remarks) >= 1)
);
CREATE INDEX filing_reviews_by_filing ON filing_reviews (filing_id);

-- Receipts and invoices behind an entry (PDF, JPEG, PNG), kept in the database with the books.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    book_id     INTEGER NOT NULL REFERENCES books (id),
    entry_id    INTEGER NOT NULL REFERENCES entries (id),
    file_name   TEXT NOT NULL CHECK (length(file_name) >= 1),
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    content     BLOB NOT NULL,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    UNIQUE (entry_id, sha256)
);
CREATE INDEX evidence_by_book ON evidence (book_id);

-- Filings, reviews and evidence are records of what happened: never changed or removed.
CREATE TRIGGER filings_are_append_only_update BEFORE UPDATE ON filings
BEGIN SELECT RAISE(ABORT, 'filed accounts are kept as filed: file a correction in the next period'); END;
CREATE TRIGGER filings_are_append_only_delete BEFORE DELETE ON filings
BEGIN SELECT RAISE(ABORT, 'filed accounts are kept as filed: file a correction in the next period'); END;
CREATE TRIGGER filing_reviews_are_append_only_update BEFORE UPDATE ON filing_reviews
BEGIN SELECT RAISE(ABORT, 'court reviews are kept as recorded: record a new review'); END;
CREATE TRIGGER filing_reviews_are_append_only_delete BEFORE DELETE ON filing_reviews
BEGIN SELECT RAISE(ABORT, 'court reviews are kept as recorded: record a new review'); END;
CREATE TRIGGER evidence_is_append_only_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is kept as attached: attach a new file'); END;
CREATE TRIGGER evidence_is_append_only_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is kept as attached: attach a new file'); END;

-- The budget plan (budget prévisionnel): what a book expects per month by category, from a month
-- on. A new plan line for the same category and a later month replaces the earlier from then.
CREATE TABLE budget_lines (
    id            INTEGER PRIMARY KEY,
    book_id       INTEGER NOT NULL REFERENCES books (id),
    category      TEXT NOT NULL,
    monthly_minor INTEGER NOT NULL CHECK (monthly_minor >= 0),
    valid_from    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (book_id, category, valid_from)
);

-- When the court wants this measure's account: months after the period's end, when it differs
-- from the jurisdiction's rule (see domain::deadline).
ALTER TABLE mandates ADD COLUMN account_due_months INTEGER CHECK (account_due_months BETWEEN 0 AND 24);
