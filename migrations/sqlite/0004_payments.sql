-- Creditor payments: creditors, schedules, payment runs, the orders they plan and the pain.001
-- files they produce. Settings: an office may require a second person to approve runs; a book
-- keeps a reserve no run touches; an account may have an agreed overdraft.

ALTER TABLE offices ADD COLUMN four_eyes BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE books ADD COLUMN reserve_minor INTEGER NOT NULL DEFAULT 0 CHECK (reserve_minor >= 0);
ALTER TABLE accounts ADD COLUMN overdraft_minor INTEGER NOT NULL DEFAULT 0 CHECK (overdraft_minor >= 0);

CREATE TABLE creditors (
    id               INTEGER PRIMARY KEY,
    office_id        INTEGER NOT NULL REFERENCES offices (id),
    -- NULL: shared by the office's books; else private to one book
    book_id          INTEGER REFERENCES books (id),
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
    created_at       TEXT NOT NULL,
    CHECK (target_category IS NULL OR target_code IS NULL)
);
CREATE INDEX creditors_by_office ON creditors (office_id);

CREATE TABLE payment_schedules (
    id                   INTEGER PRIMARY KEY,
    book_id              INTEGER NOT NULL REFERENCES books (id),
    creditor_id          INTEGER NOT NULL REFERENCES creditors (id),
    -- NULL: the book's first bank account pays
    debtor_account_id    INTEGER REFERENCES accounts (id),
    amount_minor         INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    target_category      TEXT,
    target_code          TEXT,
    frequency            TEXT NOT NULL CHECK (frequency IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly')),
    -- weekly: 1 (Monday) to 7; others: the day of the month, 0 for its last day
    frequency_day        INTEGER NOT NULL CHECK (frequency_day BETWEEN 0 AND 31),
    start_date           TEXT NOT NULL,
    ending               TEXT NOT NULL CHECK (ending IN ('never', 'on', 'after', 'repaid')),
    end_date             TEXT,
    instalments          INTEGER CHECK (instalments > 0),
    remittance           TEXT,
    priority             INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 9),
    needs_authorisation  BOOLEAN NOT NULL,
    authorisation_ref    TEXT,
    active               BOOLEAN NOT NULL,
    created_at           TEXT NOT NULL,
    -- a schedule books each payment on exactly one target
    CHECK ((target_category IS NULL) <> (target_code IS NULL))
);
CREATE INDEX payment_schedules_by_book ON payment_schedules (book_id);

CREATE TABLE payment_runs (
    id              INTEGER PRIMARY KEY,
    office_id       INTEGER NOT NULL REFERENCES offices (id),
    -- NULL: a run over the whole caseload of the office
    book_id         INTEGER REFERENCES books (id),
    execution_date  TEXT NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('pain.001.001.09', 'pain.001.001.03')),
    state           TEXT NOT NULL CHECK (state IN ('prepared', 'approved')),
    prepared_by     TEXT NOT NULL,
    prepared_at     TEXT NOT NULL,
    approved_by     TEXT,
    approved_at     TEXT,
    -- an approved run says who approved it (the preparer, when the office does not require four eyes)
    CHECK ((state = 'approved') = (approved_by IS NOT NULL))
);

CREATE TABLE payment_files (
    id                 INTEGER PRIMARY KEY,
    run_id             INTEGER NOT NULL REFERENCES payment_runs (id),
    debtor_account_id  INTEGER NOT NULL REFERENCES accounts (id),
    execution_date     TEXT NOT NULL,
    message_id         TEXT NOT NULL UNIQUE,
    format             TEXT NOT NULL,
    -- the bytes as produced: downloading again returns exactly these
    content            BLOB NOT NULL,
    sha256             TEXT NOT NULL CHECK (length(sha256) = 64),
    transfers          INTEGER NOT NULL CHECK (transfers > 0),
    control_sum_minor  INTEGER NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE payment_orders (
    id                 INTEGER PRIMARY KEY,
    run_id             INTEGER NOT NULL REFERENCES payment_runs (id),
    book_id            INTEGER NOT NULL REFERENCES books (id),
    schedule_id        INTEGER NOT NULL REFERENCES payment_schedules (id),
    due_date           TEXT NOT NULL,
    instalment         INTEGER NOT NULL,
    execution_date     TEXT NOT NULL,
    debtor_account_id  INTEGER NOT NULL REFERENCES accounts (id),
    target_account_id  INTEGER NOT NULL REFERENCES accounts (id),
    amount_minor       INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    creditor_id        INTEGER NOT NULL REFERENCES creditors (id),
    end_to_end_id      TEXT NOT NULL UNIQUE CHECK (length(end_to_end_id) <= 35),
    remittance         TEXT,
    file_id            INTEGER REFERENCES payment_files (id),
    state              TEXT NOT NULL CHECK (state IN ('planned', 'exported', 'executed', 'returned')),
    entry_id           INTEGER REFERENCES entries (id),
    CHECK ((state = 'planned') = (file_id IS NULL))
);
-- an occurrence of a schedule is ordered once
CREATE UNIQUE INDEX payment_orders_once ON payment_orders (schedule_id, due_date);
CREATE INDEX payment_orders_by_book ON payment_orders (book_id, state);
CREATE INDEX payment_orders_by_run ON payment_orders (run_id);

-- DESIGN rule 6: an order goes into at most one file, and a file never changes.
CREATE TRIGGER payment_orders_stay_in_their_file BEFORE UPDATE OF file_id ON payment_orders
WHEN OLD.file_id IS NOT NULL AND NEW.file_id IS NOT OLD.file_id
BEGIN SELECT RAISE(ABORT, 'a payment order is in at most one payment file'); END;
CREATE TRIGGER payment_files_are_append_only_update BEFORE UPDATE ON payment_files
BEGIN SELECT RAISE(ABORT, 'payment files are kept as produced'); END;
CREATE TRIGGER payment_files_are_append_only_delete BEFORE DELETE ON payment_files
BEGIN SELECT RAISE(ABORT, 'payment files are kept as produced'); END;

-- What a run could not order, and why ("insufficient funds", "awaiting the judge's authorisation").
CREATE TABLE payment_run_holds (
    run_id        INTEGER NOT NULL REFERENCES payment_runs (id),
    book_id       INTEGER NOT NULL REFERENCES books (id),
    schedule_id   INTEGER NOT NULL REFERENCES payment_schedules (id),
    due_date      TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL
);
CREATE INDEX payment_run_holds_by_run ON payment_run_holds (run_id);
