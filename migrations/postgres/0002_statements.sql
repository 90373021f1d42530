-- Bank statement import: the files received, their statements, their lines, and the gaps found
-- between statements. Lines are evidence: like entries, they are never changed or removed.

CREATE TABLE statement_imports (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name     TEXT NOT NULL,
    -- the same bytes imported twice add nothing; the hash shows it was the same file
    file_sha256   TEXT NOT NULL CHECK (length(file_sha256) = 64),
    format        TEXT NOT NULL,
    author        TEXT NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL,
    -- why a statement whose balances do not add up was imported anyway (NULL: it was not)
    forced_reason TEXT
);

CREATE TABLE bank_statements (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id            BIGINT  NOT NULL REFERENCES statement_imports (id),
    -- the money account the statement is for
    account_id           BIGINT  NOT NULL REFERENCES accounts (id),
    statement_ref        TEXT,
    electronic_sequence  BIGINT ,
    copy_duplicate       TEXT,
    opening_minor        BIGINT ,
    opening_date         DATE,
    closing_minor        BIGINT ,
    closing_date         DATE
);
CREATE INDEX bank_statements_by_account ON bank_statements (account_id, closing_date);

CREATE TABLE statement_lines (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id       BIGINT  NOT NULL REFERENCES bank_statements (id),
    account_id         BIGINT  NOT NULL REFERENCES accounts (id),
    status             TEXT NOT NULL CHECK (status IN ('booked', 'pending', 'info', 'other')),
    booking_date       DATE,
    value_date         DATE,
    -- signed: money in positive, money out negative
    amount_minor       BIGINT NOT NULL,
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    bank_ref           TEXT,
    fingerprint        TEXT NOT NULL CHECK (length(fingerprint) = 64),
    occurrence         BIGINT  NOT NULL CHECK (occurrence >= 0),
    reversal           BOOLEAN NOT NULL,
    bank_code          TEXT,
    counterparty_name  TEXT,
    counterparty_iban  TEXT,
    end_to_end_id      TEXT,
    remittance         TEXT,
    -- the journal entry that booked the line; NULL for pending and information lines
    entry_id           BIGINT  REFERENCES entries (id),
    CHECK ((status = 'booked') = (entry_id IS NOT NULL))
);
-- A bank line is booked at most once (DESIGN rule 4): by the bank's own reference when it gives
-- one, otherwise by its fingerprint and its place among identical lines of the same day.
CREATE UNIQUE INDEX statement_lines_booked_by_ref ON statement_lines (account_id, bank_ref)
    WHERE status = 'booked' AND bank_ref IS NOT NULL;
CREATE UNIQUE INDEX statement_lines_booked_by_fingerprint ON statement_lines (account_id, fingerprint, occurrence)
    WHERE status = 'booked' AND bank_ref IS NULL;
-- The parts of a booked line: one per transaction of a batch, else one. Part N is posting N + 1
-- of the line's entry (posting 1 is the bank account's).
CREATE TABLE statement_line_parts (
    entry_id           BIGINT NOT NULL REFERENCES entries (id),
    part_no            BIGINT NOT NULL CHECK (part_no >= 1),
    amount_minor       BIGINT NOT NULL,
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    counterparty_name  TEXT,
    counterparty_iban  TEXT,
    end_to_end_id      TEXT,
    remittance         TEXT,
    -- which rule decided the part's account ("rule 3 (Pension CNAP)"), or "suspense"
    categorised_by     TEXT NOT NULL,
    PRIMARY KEY (entry_id, part_no)
);

CREATE INDEX statement_lines_by_statement ON statement_lines (statement_id);
-- the duplicate check reads an account's booked lines over the dates of the incoming statement
CREATE INDEX statement_lines_by_account_date ON statement_lines (account_id, booking_date);

CREATE TABLE statement_gaps (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id),
    statement_id  BIGINT  NOT NULL REFERENCES bank_statements (id),
    kind          TEXT NOT NULL CHECK (kind IN ('opening_differs', 'sequence_skipped')),
    expected      TEXT NOT NULL,
    found         TEXT NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    -- a gap stays visible until someone resolves it, saying how
    resolved_at   TIMESTAMPTZ,
    resolved_by   TEXT,
    resolution    TEXT
);
CREATE INDEX statement_gaps_open ON statement_gaps (account_id) WHERE resolved_at IS NULL;

CREATE TRIGGER statement_lines_are_append_only BEFORE UPDATE OR DELETE ON statement_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_posted_rows();
CREATE TRIGGER statement_line_parts_are_append_only BEFORE UPDATE OR DELETE ON statement_line_parts
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_posted_rows();

-- Categorisation rules: where a bank line goes. Office-wide (book_id NULL) or one book's own.
-- Rules are settings, not evidence: each booked line records in its own words which rule decided.
CREATE TABLE categorisation_rules (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id            BIGINT  NOT NULL REFERENCES offices (id),
    book_id              BIGINT  REFERENCES books (id),
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    priority             BIGINT  NOT NULL,
    counterparty_iban    TEXT,
    counterparty_name    TEXT,
    remittance_contains  TEXT,
    remittance_pattern   TEXT,
    bank_code            TEXT,
    amount_min_minor     BIGINT ,
    amount_max_minor     BIGINT ,
    direction            TEXT CHECK (direction IN ('in', 'out')),
    target_code          TEXT,
    target_category      TEXT,
    author               TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    -- a rule points at exactly one target: an account of its book, or a category
    CHECK ((target_code IS NULL) <> (target_category IS NULL)),
    -- an account code only means something within one book
    CHECK (target_code IS NULL OR book_id IS NOT NULL)
);
CREATE INDEX categorisation_rules_by_office ON categorisation_rules (office_id);

-- A suspense posting is categorised at most once: the correcting entry names it in source_ref.
CREATE UNIQUE INDEX entries_categorise_once ON entries (book_id, source_ref) WHERE source_ref LIKE 'categorise:%';
