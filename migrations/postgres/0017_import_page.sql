-- The import page (issue 23, item 3): a bank layout remembered per money account, files waiting
-- for the counsellor's decision after the check against the book, and undoing an import.

-- The CSV layout last used for a money account, offered again for its next file.
CREATE TABLE account_import_profiles (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts (id),
    profile     TEXT NOT NULL CHECK (length(profile) BETWEEN 1 AND 64)
);

-- A file the check against the book had something to say about: kept until the person who sent
-- it books it or drops it, so nothing they sent is lost between the two pages. Not evidence:
-- a draft is deleted once decided, and drafts older than a day are deleted by the next upload.
CREATE TABLE import_drafts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content     BYTEA NOT NULL,
    profile     TEXT,
    account_id  BIGINT REFERENCES accounts (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX import_drafts_by_user ON import_drafts (user_id);

-- An import undone: its entries were reversed and its statements and lines withdrawn, so the same
-- file can be imported again. The rows stay, as evidence of what was received and undone.
ALTER TABLE statement_imports ADD COLUMN undone_at TIMESTAMPTZ;
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
CREATE FUNCTION statement_lines_only_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.withdrawn OR NOT NEW.withdrawn
        OR (to_jsonb(NEW) - 'withdrawn') IS DISTINCT FROM (to_jsonb(OLD) - 'withdrawn') THEN
        RAISE EXCEPTION 'statement lines are append-only: they are the bank''s evidence'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER statement_lines_are_append_only ON statement_lines;
CREATE TRIGGER statement_lines_are_append_only BEFORE UPDATE OR DELETE ON statement_lines
    FOR EACH ROW EXECUTE FUNCTION statement_lines_only_withdrawn();

-- A rule can be switched off without losing it (the rules page, issue 23 item 4): a disabled
-- rule decides nothing at import.
ALTER TABLE categorisation_rules ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

-- The caseload says when the court's latest review made remarks (issue 23, item 6): a review
-- moves the book's revision, so the kept case is read again.
CREATE FUNCTION bump_book_revision_of_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE books SET revision = revision + 1 WHERE id = (SELECT book_id FROM filings WHERE id = NEW.filing_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER book_revision_review AFTER INSERT ON filing_reviews
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision_of_review();

-- Why a payment was held, as a code with its figure, so pages say it in the reader's words
-- (issue 23, item 7); the English sentence stays for the command line and the API.
ALTER TABLE payment_run_holds ADD COLUMN reason_code TEXT;
ALTER TABLE payment_run_holds ADD COLUMN available_minor BIGINT;
