-- The ledger core: offices, beneficiaries, mandates, books, accounts, entries, postings.
-- Money is a BIGINT count of the currency's minor unit; dates are DATE.

CREATE TABLE offices (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- ISO 3166 alpha-2: decides defaults such as the report jurisdiction
    country     TEXT NOT NULL CHECK (length(country) = 2),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE beneficiaries (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id   BIGINT NOT NULL REFERENCES offices (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- statements are written in this language
    language    TEXT NOT NULL CHECK (language IN ('fr', 'de', 'lb', 'pt', 'en', 'sv')),
    birth_date  DATE,
    contact     TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX beneficiaries_by_office ON beneficiaries (office_id);

CREATE TABLE mandates (
    id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    beneficiary_id              BIGINT NOT NULL REFERENCES beneficiaries (id),
    kind                        TEXT NOT NULL CHECK (kind IN ('budget_agreement', 'sauvegarde', 'curatelle',
                                    'curatelle_renforcee', 'tutelle', 'betreuung', 'conservatorship')),
    court                       TEXT,
    case_number                 TEXT,
    judge                       TEXT,
    start_date                  DATE NOT NULL,
    end_date                    DATE,
    period_rule                 TEXT NOT NULL CHECK (period_rule IN ('calendar_year', 'judgment_anniversary')),
    receipt_threshold_minor     BIGINT CHECK (receipt_threshold_minor >= 0),
    receipt_threshold_currency  TEXT,
    jurisdiction                TEXT NOT NULL CHECK (jurisdiction IN ('lu', 'fr', 'de', 'generic')),
    agreement                   TEXT,
    created_at                  TIMESTAMPTZ NOT NULL,
    -- a court measure is reported to its court under its case number
    CHECK (kind = 'budget_agreement' OR (court IS NOT NULL AND case_number IS NOT NULL)),
    CHECK (end_date IS NULL OR end_date >= start_date),
    -- a threshold is an amount: it has a currency
    CHECK ((receipt_threshold_minor IS NULL) = (receipt_threshold_currency IS NULL))
);
CREATE INDEX mandates_by_beneficiary ON mandates (beneficiary_id);

CREATE TABLE books (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id       BIGINT NOT NULL REFERENCES offices (id),
    -- one ledger per person: two books would split their account in two
    beneficiary_id  BIGINT NOT NULL UNIQUE REFERENCES beneficiaries (id),
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    opened_on       DATE NOT NULL,
    -- entries dated on or before this date are refused (a filed period)
    locked_through  DATE,
    -- the last entry of the hash chain: its number and hash
    head_sequence   BIGINT NOT NULL DEFAULT 0 CHECK (head_sequence >= 0),
    head_hash       TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE accounts (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id        BIGINT NOT NULL REFERENCES books (id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    category       TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    iban           TEXT,
    closed         BOOLEAN NOT NULL DEFAULT FALSE,
    -- running total of the account's postings, kept in the posting db transaction and
    -- re-checked against the postings by `gestio verify`
    balance_minor  BIGINT NOT NULL DEFAULT 0,
    -- codes are how people name accounts in a book
    UNIQUE (book_id, code),
    -- the category decides the kind
    CHECK (substr(category, 1, length(kind)) = kind)
);
-- an IBAN is one account of the book, so a statement finds exactly one account
CREATE UNIQUE INDEX accounts_iban_per_book ON accounts (book_id, iban) WHERE iban IS NOT NULL;
CREATE INDEX accounts_by_iban ON accounts (iban) WHERE iban IS NOT NULL;

CREATE TABLE entries (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id            BIGINT NOT NULL REFERENCES books (id),
    -- place in the book's hash chain: 1, 2, 3…
    sequence           BIGINT NOT NULL CHECK (sequence >= 1),
    entry_date         DATE NOT NULL,
    description        TEXT NOT NULL CHECK (length(description) >= 1),
    source             TEXT NOT NULL CHECK (source IN ('opening', 'import', 'payment', 'manual', 'reversal', 'adjustment')),
    source_ref         TEXT,
    receipt            TEXT,
    author             TEXT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    reverses_entry_id  BIGINT REFERENCES entries (id),
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
    entry_id      BIGINT NOT NULL REFERENCES entries (id),
    line_no       BIGINT NOT NULL CHECK (line_no >= 1),
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    -- signed minor units: debit positive, credit negative; a zero posting says nothing
    amount_minor  BIGINT NOT NULL CHECK (amount_minor <> 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    PRIMARY KEY (entry_id, line_no)
);

-- Posted entries are never changed or removed (DESIGN rule 2): a mistake is corrected by a
-- reversal. The database refuses it too, whatever code or person tries.
CREATE FUNCTION refuse_change_of_posted_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only: post a reversal instead of % them', TG_TABLE_NAME,
        CASE TG_OP WHEN 'UPDATE' THEN 'changing' WHEN 'DELETE' THEN 'deleting' ELSE 'truncating' END
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER entries_are_append_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_posted_rows();
CREATE TRIGGER entries_are_never_truncated BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_posted_rows();
CREATE TRIGGER postings_are_append_only BEFORE UPDATE OR DELETE ON postings
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_posted_rows();
CREATE TRIGGER postings_are_never_truncated BEFORE TRUNCATE ON postings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_posted_rows();
