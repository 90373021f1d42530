-- Filed periodic accounts (DESIGN rule 3): what was sent to the court, kept exactly as sent.
-- The PDF and the account's data (JSON) with their SHA-256, and the book's chain head at filing,
-- so anyone can later prove the ledger behind the account has not changed.
CREATE TABLE filings (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id       BIGINT NOT NULL REFERENCES books (id),
    period_from   DATE NOT NULL,
    period_to     DATE NOT NULL,
    layout        TEXT NOT NULL CHECK (layout IN ('lu', 'fr', 'de', 'generic')),
    language      TEXT NOT NULL,
    data_json     TEXT NOT NULL,
    data_sha256   TEXT NOT NULL CHECK (length(data_sha256) = 64),
    pdf           BYTEA NOT NULL,
    pdf_sha256    TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    chain_sequence BIGINT NOT NULL CHECK (chain_sequence >= 0),
    chain_hash    TEXT NOT NULL CHECK (length(chain_hash) = 64),
    filed_at TIMESTAMPTZ NOT NULL,
    filed_by      TEXT NOT NULL,
    CHECK (period_from <= period_to),
    -- one account per period end: a second filing of the same period is a mistake
    UNIQUE (book_id, period_to)
);

-- The court's answer to a filed account: approved, or remarks with their text. Appended, never
-- changed: a later review is a new row.
CREATE TABLE filing_reviews (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_id    BIGINT NOT NULL REFERENCES filings (id),
    verdict      TEXT NOT NULL CHECK (verdict IN ('approved', 'remarks')),
    remarks      TEXT,
    reviewed_at TIMESTAMPTZ NOT NULL,
    reviewed_by  TEXT NOT NULL,
    CHECK (verdict = 'approved' OR length(remarks) >= 1)
);
CREATE INDEX filing_reviews_by_filing ON filing_reviews (filing_id);

-- Receipts and invoices behind an entry (PDF, JPEG, PNG), kept in the database with the books.
CREATE TABLE evidence (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id     BIGINT NOT NULL REFERENCES books (id),
    entry_id    BIGINT NOT NULL REFERENCES entries (id),
    file_name   TEXT NOT NULL CHECK (length(file_name) >= 1),
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    content     BYTEA NOT NULL,
    size_bytes  BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at TIMESTAMPTZ NOT NULL,
    added_by    TEXT NOT NULL,
    UNIQUE (entry_id, sha256)
);
CREATE INDEX evidence_by_book ON evidence (book_id);

-- Filings, reviews and evidence are records of what happened: never changed or removed.
CREATE FUNCTION refuse_change_of_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are kept as recorded: add a new record instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER filings_are_append_only BEFORE UPDATE OR DELETE ON filings
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_records();
CREATE TRIGGER filing_reviews_are_append_only BEFORE UPDATE OR DELETE ON filing_reviews
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_records();
CREATE TRIGGER evidence_is_append_only BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_records();

-- The budget plan (budget prévisionnel): what a book expects per month by category, from a month
-- on. A new plan line for the same category and a later month replaces the earlier from then.
CREATE TABLE budget_lines (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id       BIGINT NOT NULL REFERENCES books (id),
    category      TEXT NOT NULL,
    monthly_minor BIGINT NOT NULL CHECK (monthly_minor >= 0),
    valid_from    DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (book_id, category, valid_from)
);

-- When the court wants this measure's account: months after the period's end, when it differs
-- from the jurisdiction's rule (see domain::deadline).
ALTER TABLE mandates ADD COLUMN account_due_months BIGINT CHECK (account_due_months BETWEEN 0 AND 24);
