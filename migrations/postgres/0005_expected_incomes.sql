-- Incomes a book expects every month (the pension on the 25th, the housing benefit on the 10th),
-- declared by the counsellor so the forecast can show when the money comes in.
CREATE TABLE expected_incomes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id        BIGINT NOT NULL REFERENCES books (id),
    -- the money account it arrives on
    account_id     BIGINT NOT NULL REFERENCES accounts (id),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    amount_minor   BIGINT NOT NULL CHECK (amount_minor > 0),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    -- the day of the month, 0 for its last day
    month_day      BIGINT NOT NULL CHECK (month_day BETWEEN 0 AND 31),
    start_date     DATE NOT NULL,
    end_date       DATE,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX expected_incomes_by_book ON expected_incomes (book_id);
