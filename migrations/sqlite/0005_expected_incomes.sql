-- Incomes a book expects every month (the pension on the 25th, the housing benefit on the 10th),
-- declared by the counsellor so the forecast can show when the money comes in.
CREATE TABLE expected_incomes (
    id             INTEGER PRIMARY KEY,
    book_id        INTEGER NOT NULL REFERENCES books (id),
    -- the money account it arrives on
    account_id     INTEGER NOT NULL REFERENCES accounts (id),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    amount_minor   INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    -- the day of the month, 0 for its last day
    month_day      INTEGER NOT NULL CHECK (month_day BETWEEN 0 AND 31),
    start_date     TEXT NOT NULL,
    end_date       TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX expected_incomes_by_book ON expected_incomes (book_id);
