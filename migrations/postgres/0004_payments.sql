-- Creditor payments: creditors, schedules, payment runs, the orders they plan and the pain.001
-- files they produce. Settings: an office may require a second person to approve runs; a book
-- keeps a reserve no run touches; an account may have an agreed overdraft.

ALTER TABLE offices ADD COLUMN four_eyes BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE books ADD COLUMN reserve_minor BIGINT NOT NULL DEFAULT 0 CHECK (reserve_minor >= 0);
ALTER TABLE accounts ADD COLUMN overdraft_minor BIGINT NOT NULL DEFAULT 0 CHECK (overdraft_minor >= 0);

CREATE TABLE creditors (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id        BIGINT NOT NULL REFERENCES offices (id),
    -- NULL: shared by the office's books; else private to one book
    book_id          BIGINT REFERENCES books (id),
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 70),
    iban             TEXT NOT NULL,
    bic              TEXT,
    street           TEXT,
    building         TEXT,
    postcode         TEXT,
    town             TEXT NOT NULL,
    country          TEXT NOT NULL CHECK (length(country) = 2),
    target_category  TEXT,
    target_code      TEXT,
    remittance       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    CHECK (target_category IS NULL OR target_code IS NULL)
);
CREATE INDEX creditors_by_office ON creditors (office_id);

CREATE TABLE payment_schedules (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id              BIGINT NOT NULL REFERENCES books (id),
    creditor_id          BIGINT NOT NULL REFERENCES creditors (id),
    -- NULL: the book's first bank account pays
    debtor_account_id    BIGINT REFERENCES accounts (id),
    amount_minor         BIGINT NOT NULL CHECK (amount_minor > 0),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    target_category      TEXT,
    target_code          TEXT,
    frequency            TEXT NOT NULL CHECK (frequency IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly')),
    -- weekly: 1 (Monday) to 7; others: the day of the month, 0 for its last day
    frequency_day        BIGINT NOT NULL CHECK (frequency_day BETWEEN 0 AND 31),
    start_date           DATE NOT NULL,
    ending               TEXT NOT NULL CHECK (ending IN ('never', 'on', 'after', 'repaid')),
    end_date             DATE,
    instalments          BIGINT CHECK (instalments > 0),
    remittance           TEXT,
    priority             BIGINT NOT NULL CHECK (priority BETWEEN 1 AND 9),
    needs_authorisation  BOOLEAN NOT NULL,
    authorisation_ref    TEXT,
    active               BOOLEAN NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    -- a schedule books each payment on exactly one target
    CHECK ((target_category IS NULL) <> (target_code IS NULL))
);
CREATE INDEX payment_schedules_by_book ON payment_schedules (book_id);

CREATE TABLE payment_runs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id       BIGINT NOT NULL REFERENCES offices (id),
    -- NULL: a run over the whole caseload of the office
    book_id         BIGINT REFERENCES books (id),
    execution_date  DATE NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('pain.001.001.09', 'pain.001.001.03')),
    state           TEXT NOT NULL CHECK (state IN ('prepared', 'approved')),
    prepared_by     TEXT NOT NULL,
    prepared_at     TIMESTAMPTZ NOT NULL,
    approved_by     TEXT,
    approved_at     TIMESTAMPTZ,
    -- an approved run says who approved it (the preparer, when the office does not require four eyes)
    CHECK ((state = 'approved') = (approved_by IS NOT NULL))
);

CREATE TABLE payment_files (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id             BIGINT NOT NULL REFERENCES payment_runs (id),
    debtor_account_id  BIGINT NOT NULL REFERENCES accounts (id),
    execution_date     DATE NOT NULL,
    message_id         TEXT NOT NULL UNIQUE,
    format             TEXT NOT NULL,
    -- the bytes as produced: downloading again returns exactly these
    content            BYTEA NOT NULL,
    sha256             TEXT NOT NULL CHECK (length(sha256) = 64),
    transfers          BIGINT NOT NULL CHECK (transfers > 0),
    control_sum_minor  BIGINT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE payment_orders (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id             BIGINT NOT NULL REFERENCES payment_runs (id),
    book_id            BIGINT NOT NULL REFERENCES books (id),
    schedule_id        BIGINT NOT NULL REFERENCES payment_schedules (id),
    due_date           DATE NOT NULL,
    instalment         BIGINT NOT NULL,
    execution_date     DATE NOT NULL,
    debtor_account_id  BIGINT NOT NULL REFERENCES accounts (id),
    target_account_id  BIGINT NOT NULL REFERENCES accounts (id),
    amount_minor       BIGINT NOT NULL CHECK (amount_minor > 0),
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    creditor_id        BIGINT NOT NULL REFERENCES creditors (id),
    end_to_end_id      TEXT NOT NULL UNIQUE CHECK (length(end_to_end_id) <= 35),
    remittance         TEXT,
    file_id            BIGINT REFERENCES payment_files (id),
    state              TEXT NOT NULL CHECK (state IN ('planned', 'exported', 'executed', 'returned')),
    entry_id           BIGINT REFERENCES entries (id),
    CHECK ((state = 'planned') = (file_id IS NULL))
);
-- an occurrence of a schedule is ordered once
CREATE UNIQUE INDEX payment_orders_once ON payment_orders (schedule_id, due_date);
CREATE INDEX payment_orders_by_book ON payment_orders (book_id, state);
CREATE INDEX payment_orders_by_run ON payment_orders (run_id);

-- DESIGN rule 6: an order goes into at most one file, and a file never changes.
CREATE FUNCTION payment_order_stays_in_its_file() RETURNS trigger AS $$
BEGIN
    IF OLD.file_id IS NOT NULL AND NEW.file_id IS DISTINCT FROM OLD.file_id THEN
        RAISE EXCEPTION 'a payment order is in at most one payment file';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER payment_orders_stay_in_their_file BEFORE UPDATE OF file_id ON payment_orders
FOR EACH ROW EXECUTE FUNCTION payment_order_stays_in_its_file();
CREATE FUNCTION payment_files_are_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'payment files are kept as produced';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER payment_files_are_append_only BEFORE UPDATE OR DELETE ON payment_files
FOR EACH ROW EXECUTE FUNCTION payment_files_are_kept();

-- What a run could not order, and why ("insufficient funds", "awaiting the judge's authorisation").
CREATE TABLE payment_run_holds (
    run_id        BIGINT NOT NULL REFERENCES payment_runs (id),
    book_id       BIGINT NOT NULL REFERENCES books (id),
    schedule_id   BIGINT NOT NULL REFERENCES payment_schedules (id),
    due_date      DATE NOT NULL,
    amount_minor  BIGINT NOT NULL,
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL
);
CREATE INDEX payment_run_holds_by_run ON payment_run_holds (run_id);
