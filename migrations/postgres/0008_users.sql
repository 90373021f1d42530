-- People who sign in, and what they are given to see (DESIGN §1, §8).
CREATE TABLE users (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id       BIGINT NOT NULL REFERENCES offices (id),
    login           TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 64),
    display_name    TEXT NOT NULL CHECK (length(display_name) >= 1),
    role            TEXT NOT NULL CHECK (role IN ('supervisor', 'counsellor', 'beneficiary', 'court')),
    -- argon2id, PHC string format
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    language        TEXT,
    -- a beneficiary user reads their own book only
    beneficiary_id  BIGINT REFERENCES beneficiaries (id),
    -- court staff read the mandates before their court
    court           TEXT,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK ((role = 'beneficiary') = (beneficiary_id IS NOT NULL)),
    CHECK ((role = 'court') = (court IS NOT NULL))
);

-- A counsellor's caseload: the books assigned to them.
CREATE TABLE user_books (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    book_id     BIGINT NOT NULL REFERENCES books (id),
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, book_id)
);
CREATE INDEX user_books_by_book ON user_books (book_id);
