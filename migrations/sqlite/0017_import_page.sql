-- The import page (issue 23, item 3): a bank layout remembered per money account, files waiting
-- for the counsellor's decision after the check against the book, and undoing an import.

-- The CSV layout last used for a money account, offered again for its next file.
CREATE TABLE account_import_profiles (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts (id),
    profile     TEXT NOT NULL CHECK (length(profile) BETWEEN 1 AND 64)
);

-- A file the check against the book had something to say about: kept until the person who sent
-- it books it or drops it, so nothing they sent is lost between the two pages. Not evidence:
-- a draft is deleted once decided, and drafts older than a day are deleted by the next upload.
-- AUTOINCREMENT: an id is never given again, so a decision form left open on a draft already
-- decided cannot reach a newer file of the same person.
CREATE TABLE import_drafts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content     BLOB NOT NULL,
    profile     TEXT,
    account_id  INTEGER REFERENCES accounts (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX import_drafts_by_user ON import_drafts (user_id);

-- An import undone: its entries were reversed and its statements and lines withdrawn, so the same
-- file can be imported again. The rows stay, as evidence of what was received and undone.
ALTER TABLE statement_imports ADD COLUMN undone_at TEXT;
ALTER TABLE statement_imports ADD COLUMN undone_by TEXT;
ALTER TABLE bank_statements ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE statement_lines ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE;

-- A withdrawn line no longer counts as booked (DESIGN rule 4 holds for the lines in force): the
-- uniqueness of booked lines leaves withdrawn ones out.
DROP INDEX statement_lines_booked_by_ref;
DROP INDEX statement_lines_booked_by_fingerprint;
CREATE UNIQUE INDEX statement_lines_booked_by_ref ON statement_lines (account_id, bank_ref)
    WHERE status = 'booked' AND bank_ref IS NOT NULL AND NOT withdrawn;
CREATE UNIQUE INDEX statement_lines_booked_by_fingerprint ON statement_lines (account_id, fingerprint, occurrence)
    WHERE status = 'booked' AND bank_ref IS NULL AND NOT withdrawn;

-- Lines stay the bank's evidence: every column but `withdrawn` is refused any change, and
-- `withdrawn` only goes from false to true, once.
DROP TRIGGER statement_lines_are_append_only_update;
CREATE TRIGGER statement_lines_are_append_only_update BEFORE UPDATE OF id, statement_id, account_id, status,
    booking_date, value_date, amount_minor, currency, bank_ref, fingerprint, occurrence, reversal, bank_code,
    counterparty_name, counterparty_iban, end_to_end_id, remittance, entry_id, categorised_by ON statement_lines
BEGIN SELECT RAISE(ABORT, 'statement lines are append-only: they are the bank''s evidence'); END;
CREATE TRIGGER statement_lines_withdrawn_once BEFORE UPDATE OF withdrawn ON statement_lines
    WHEN OLD.withdrawn OR NOT NEW.withdrawn
BEGIN SELECT RAISE(ABORT, 'a statement line is withdrawn once, for good'); END;

-- A rule can be switched off without losing it (the rules page, issue 23 item 4): a disabled
-- rule decides nothing at import.
ALTER TABLE categorisation_rules ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

-- The caseload says when the court's latest review made remarks (issue 23, item 6): a review
-- moves the book's revision, so the kept case is read again.
CREATE TRIGGER book_revision_review_insert AFTER INSERT ON filing_reviews
BEGIN UPDATE books SET revision = revision + 1 WHERE id = (SELECT book_id FROM filings WHERE id = NEW.filing_id); END;

-- Why a payment was held, as a code with its figure, so pages say it in the reader's words
-- (issue 23, item 7); the English sentence stays for the command line and the API.
ALTER TABLE payment_run_holds ADD COLUMN reason_code TEXT;
ALTER TABLE payment_run_holds ADD COLUMN available_minor INTEGER;
