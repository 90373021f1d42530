-- The ledger core: offices, beneficiaries, mandates, books, accounts, entries, postings.
-- Money is an INTEGER count of the currency's minor unit; dates are ISO text (YYYY-MM-DD).

CREATE TABLE offices (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- ISO 3166 alpha-2: decides defaults such as the report jurisdiction
    country     TEXT NOT NULL CHECK (length(country) = 2),
    created_at  TEXT NOT NULL
);

CREATE TABLE beneficiaries (
    id          INTEGER PRIMARY KEY,
    office_id   INTEGER NOT NULL REFERENCES offices (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- statements are written in this language
    language    TEXT NOT NULL CHECK (language IN ('fr', 'de', 'lb', 'pt', 'en', 'sv')),
    birth_date  TEXT,
    contact     TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX beneficiaries_by_office ON beneficiaries (office_id);

CREATE TABLE mandates (
    id                          INTEGER PRIMARY KEY,
    beneficiary_id              INTEGER NOT NULL REFERENCES beneficiaries (id),
    kind                        TEXT NOT NULL CHECK (kind IN ('budget_agreement', 'sauvegarde', 'curatelle',
                                    'curatelle_renforcee', 'tutelle', 'betreuung', 'conservatorship')),
    court                       TEXT,
    case_number                 TEXT,
    judge                       TEXT,
    start_date                  TEXT NOT NULL,
    end_date                    TEXT,
    period_rule                 TEXT NOT NULL CHECK (period_rule IN ('calendar_year', 'judgment_anniversary')),
    receipt_threshold_minor     INTEGER CHECK (receipt_threshold_minor >= 0),
    receipt_threshold_currency  TEXT,
    jurisdiction                TEXT NOT NULL CHECK (jurisdiction IN ('lu', 'fr', 'de', 'generic')),
    agreement                   TEXT,
    created_at                  TEXT NOT NULL,
    -- a court measure is reported to its court under its case number
    CHECK (kind = 'budget_agreement' OR (court IS NOT NULL AND case_number IS NOT NULL)),
    CHECK (end_date IS NULL OR end_date >= start_date),
    -- a threshold is an amount: it has a currency
    CHECK ((receipt_threshold_minor IS NULL) = (receipt_threshold_currency IS NULL))
);
CREATE INDEX mandates_by_beneficiary ON mandates (beneficiary_id);

CREATE TABLE books (
    id              INTEGER PRIMARY KEY,
    office_id       INTEGER NOT NULL REFERENCES offices (id),
    -- one ledger per person: two books would split their account in two
    beneficiary_id  INTEGER NOT NULL UNIQUE REFERENCES beneficiaries (id),
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    opened_on       TEXT NOT NULL,
    -- entries dated on or before this date are refused (a filed period)
    locked_through  TEXT,
    -- the last entry of the hash chain: its number and hash
    head_sequence   INTEGER NOT NULL DEFAULT 0 CHECK (head_sequence >= 0),
    head_hash       TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    book_id        INTEGER NOT NULL REFERENCES books (id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    category       TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    iban           TEXT,
    closed         BOOLEAN NOT NULL DEFAULT FALSE,
    -- running total of the account's postings, kept in the posting db transaction and
    -- re-checked against the postings by `gestio verify`
    -- (SQLite turns an overflowing integer sum into a float: refuse that instead)
    balance_minor  INTEGER NOT NULL DEFAULT 0 CHECK (typeof(balance_minor) = 'integer'),
    -- codes are how people name accounts in a book
    UNIQUE (book_id, code),
    -- the category decides the kind
    CHECK (substr(category, 1, length(kind)) = kind)
);
-- an IBAN is one account of the book, so a statement finds exactly one account
CREATE UNIQUE INDEX accounts_iban_per_book ON accounts (book_id, iban) WHERE iban IS NOT NULL;
CREATE INDEX accounts_by_iban ON accounts (iban) WHERE iban IS NOT NULL;

CREATE TABLE entries (
    id                 INTEGER PRIMARY KEY,
    book_id            INTEGER NOT NULL REFERENCES books (id),
    -- place in the book's hash chain: 1, 2, 3…
    sequence           INTEGER NOT NULL CHECK (sequence >= 1),
    entry_date         TEXT NOT NULL,
    description        TEXT NOT NULL CHECK (length(description) >= 1),
    source             TEXT NOT NULL CHECK (source IN ('opening', 'import', 'payment', 'manual', 'reversal', 'adjustment')),
    source_ref         TEXT,
    receipt            TEXT,
    author             TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    reverses_entry_id  INTEGER REFERENCES entries (id),
    previous_hash      TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash               TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (book_id, sequence),
    -- a reversal always says what it reverses
    CHECK ((source = 'reversal') = (reverses_entry_id IS NOT NULL))
);
-- No index on (book_id, entry_date) and none on postings (account_id): every query reaches
-- postings through its book's entries, by (book_id, sequence) then the posting key, and one
-- book's entries are few enough to filter by date. Each extra index costs every posting.
-- an entry is reversed at most once (partial: almost no entry is a reversal)
CREATE UNIQUE INDEX entries_reversed_once ON entries (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;

CREATE TABLE postings (
    entry_id      INTEGER NOT NULL REFERENCES entries (id),
    line_no       INTEGER NOT NULL CHECK (line_no >= 1),
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    -- signed minor units: debit positive, credit negative; a zero posting says nothing
    amount_minor  INTEGER NOT NULL CHECK (amount_minor <> 0 AND typeof(amount_minor) = 'integer'),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    PRIMARY KEY (entry_id, line_no)
) WITHOUT ROWID;

-- Posted entries are never changed or removed (DESIGN rule 2): a mistake is corrected by a
-- reversal. The database refuses it too, whatever code or person tries.
CREATE TRIGGER entries_are_append_only_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'entries are append-only: post a reversal instead of changing an entry'); END;
CREATE TRIGGER entries_are_append_only_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'entries are append-only: post a reversal instead of deleting an entry'); END;
CREATE TRIGGER postings_are_append_only_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead of changing a posting'); END;
CREATE TRIGGER postings_are_append_only_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead of deleting a posting'); END;
