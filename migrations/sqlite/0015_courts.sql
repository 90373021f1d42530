-- no-transaction
-- Courts as records (issue 22, finding 1). A court was a text on each mandate and on each court
-- user, matched without regard to case: any office could create a court user for another office's
-- court and read its filed accounts. Now a court is a record kept by the instance's administrator;
-- mandates and court users point at it by id. Equal texts, trimmed, become one court; no mandate
-- and no court user is lost. Court users and administrators belong to no office.
--
-- SQLite cannot drop a column that a CHECK names, nor make a column nullable: mandates and users
-- are rebuilt (SQLite's documented twelve steps), with foreign keys off and checked before commit.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE courts (
    id            INTEGER PRIMARY KEY,
    -- as the court is written on judgments; one record per name
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    -- whose layout its periodic accounts follow by default
    jurisdiction  TEXT NOT NULL CHECK (jurisdiction IN ('lu', 'fr', 'de', 'generic')),
    address       TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 500),
    created_at    TEXT NOT NULL
);

INSERT INTO courts (name, jurisdiction, created_at)
SELECT trim(court), min(jurisdiction), min(created_at) FROM mandates
WHERE court IS NOT NULL AND trim(court) <> ''
GROUP BY trim(court);

-- A court user's court that no mandate names: kept as a court too, matched as the users were.
INSERT INTO courts (name, jurisdiction, created_at)
SELECT trim(court), 'generic', min(created_at) FROM users
WHERE court IS NOT NULL AND trim(court) <> ''
  AND NOT EXISTS (SELECT 1 FROM courts WHERE lower(courts.name) = lower(trim(users.court)))
GROUP BY trim(court);

CREATE TABLE mandates_rebuilt (
    id                          INTEGER PRIMARY KEY,
    beneficiary_id              INTEGER NOT NULL REFERENCES beneficiaries (id),
    kind                        TEXT NOT NULL CHECK (kind IN ('budget_agreement', 'sauvegarde', 'curatelle',
                                    'curatelle_renforcee', 'tutelle', 'betreuung', 'conservatorship')),
    court_id                    INTEGER REFERENCES courts (id),
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
    account_due_months          INTEGER CHECK (account_due_months BETWEEN 0 AND 24),
    -- a court measure is reported to its court under its case number
    CHECK (kind = 'budget_agreement' OR (court_id IS NOT NULL AND case_number IS NOT NULL)),
    CHECK (end_date IS NULL OR end_date >= start_date),
    -- a threshold is an amount: it has a currency
    CHECK ((receipt_threshold_minor IS NULL) = (receipt_threshold_currency IS NULL))
);
INSERT INTO mandates_rebuilt (id, beneficiary_id, kind, court_id, case_number, judge, start_date, end_date,
    period_rule, receipt_threshold_minor, receipt_threshold_currency, jurisdiction, agreement, created_at,
    account_due_months)
SELECT id, beneficiary_id, kind, (SELECT courts.id FROM courts WHERE courts.name = trim(mandates.court)),
    case_number, judge, start_date, end_date, period_rule, receipt_threshold_minor, receipt_threshold_currency,
    jurisdiction, agreement, created_at, account_due_months
FROM mandates;
DROP TABLE mandates;
ALTER TABLE mandates_rebuilt RENAME TO mandates;
CREATE INDEX mandates_by_beneficiary ON mandates (beneficiary_id);
CREATE INDEX mandates_by_court ON mandates (court_id) WHERE court_id IS NOT NULL;
-- The book revision's triggers on mandates went with the old table (see 0013).
CREATE TRIGGER book_revision_mandate_insert AFTER INSERT ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = NEW.beneficiary_id; END;
CREATE TRIGGER book_revision_mandate_update AFTER UPDATE ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id IN (OLD.beneficiary_id, NEW.beneficiary_id); END;
CREATE TRIGGER book_revision_mandate_delete AFTER DELETE ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = OLD.beneficiary_id; END;

CREATE TABLE users_rebuilt (
    id              INTEGER PRIMARY KEY,
    -- the office of its staff and of its beneficiaries; none for court staff and administrators
    office_id       INTEGER REFERENCES offices (id),
    login           TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 64),
    display_name    TEXT NOT NULL CHECK (length(display_name) >= 1),
    role            TEXT NOT NULL CHECK (role IN ('administrator', 'supervisor', 'counsellor', 'beneficiary', 'court')),
    -- argon2id, PHC string format
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    language        TEXT,
    -- a beneficiary user reads their own book only
    beneficiary_id  INTEGER REFERENCES beneficiaries (id),
    -- court staff read the mandates before their court, whatever the office
    court_id        INTEGER REFERENCES courts (id),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT NOT NULL,
    CHECK ((role = 'beneficiary') = (beneficiary_id IS NOT NULL)),
    CHECK ((role = 'court') = (court_id IS NOT NULL)),
    -- offices do not own court staff, nor the administrator who works above them
    CHECK ((role IN ('administrator', 'court')) = (office_id IS NULL))
);
INSERT INTO users_rebuilt (id, office_id, login, display_name, role, password_hash, language, beneficiary_id,
    court_id, disabled, created_at)
SELECT id, CASE WHEN role = 'court' THEN NULL ELSE office_id END, login, display_name, role, password_hash,
    language, beneficiary_id,
    (SELECT courts.id FROM courts WHERE lower(courts.name) = lower(trim(users.court)) ORDER BY courts.id LIMIT 1),
    disabled, created_at
FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
CREATE INDEX users_by_office ON users (office_id) WHERE office_id IS NOT NULL;

-- A court keeps its name and jurisdiction once mandates point at it: a court that is renamed
-- is a new record, so filed accounts and court users keep meaning what they meant.
CREATE TRIGGER courts_keep_their_name BEFORE UPDATE OF name, jurisdiction ON courts
WHEN NEW.name IS NOT OLD.name OR NEW.jurisdiction IS NOT OLD.jurisdiction
BEGIN SELECT RAISE(ABORT, 'a court keeps its name and jurisdiction: add a new court instead'); END;
CREATE TRIGGER courts_are_never_deleted BEFORE DELETE ON courts
BEGIN SELECT RAISE(ABORT, 'courts are kept: mandates and filed accounts name them'); END;

-- Every reference still leads somewhere: a violation fails this statement, and the migration.
CREATE TEMP TABLE rebuilt_references_broken (found INTEGER CHECK (found = 0));
INSERT INTO rebuilt_references_broken SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE rebuilt_references_broken;

COMMIT;
PRAGMA foreign_keys = ON;
