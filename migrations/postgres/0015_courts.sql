-- Courts as records (issue 22, finding 1). A court was a text on each mandate and on each court
-- user, matched without regard to case: any office could create a court user for another office's
-- court and read its filed accounts. Now a court is a record kept by the instance's administrator;
-- mandates and court users point at it by id. Equal texts, trimmed, become one court; no mandate
-- and no court user is lost. Court users and administrators belong to no office.
CREATE TABLE courts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- as the court is written on judgments; one record per name
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    -- whose layout its periodic accounts follow by default
    jurisdiction  TEXT NOT NULL CHECK (jurisdiction IN ('lu', 'fr', 'de', 'generic')),
    address       TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 500),
    created_at    TIMESTAMPTZ NOT NULL
);

INSERT INTO courts (name, jurisdiction, created_at)
SELECT btrim(court), min(jurisdiction), min(created_at) FROM mandates
WHERE court IS NOT NULL AND btrim(court) <> ''
GROUP BY btrim(court);

-- A court user's court that no mandate names: kept as a court too, matched as the users were.
INSERT INTO courts (name, jurisdiction, created_at)
SELECT btrim(court), 'generic', min(created_at) FROM users
WHERE court IS NOT NULL AND btrim(court) <> ''
  AND NOT EXISTS (SELECT 1 FROM courts WHERE lower(courts.name) = lower(btrim(users.court)))
GROUP BY btrim(court);

ALTER TABLE mandates ADD COLUMN court_id BIGINT REFERENCES courts (id);
UPDATE mandates SET court_id = (SELECT courts.id FROM courts WHERE courts.name = btrim(mandates.court))
WHERE court IS NOT NULL;
-- Dropping the column drops the CHECK that named it; the same rule, on the court's id:
ALTER TABLE mandates DROP COLUMN court;
ALTER TABLE mandates ADD CONSTRAINT mandates_court_measure_has_court
    -- a court measure is reported to its court under its case number
    CHECK (kind = 'budget_agreement' OR (court_id IS NOT NULL AND case_number IS NOT NULL));
CREATE INDEX mandates_by_court ON mandates (court_id) WHERE court_id IS NOT NULL;

ALTER TABLE users ADD COLUMN court_id BIGINT REFERENCES courts (id);
UPDATE users SET court_id = (
    SELECT courts.id FROM courts WHERE lower(courts.name) = lower(btrim(users.court)) ORDER BY courts.id LIMIT 1
) WHERE court IS NOT NULL;
ALTER TABLE users DROP COLUMN court;
ALTER TABLE users ALTER COLUMN office_id DROP NOT NULL;
UPDATE users SET office_id = NULL WHERE role = 'court';
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('administrator', 'supervisor', 'counsellor', 'beneficiary', 'court'));
ALTER TABLE users ADD CONSTRAINT users_court_staff_have_a_court
    CHECK ((role = 'court') = (court_id IS NOT NULL));
-- offices do not own court staff, nor the administrator who works above them
ALTER TABLE users ADD CONSTRAINT users_office_staff_have_an_office
    CHECK ((role IN ('administrator', 'court')) = (office_id IS NULL));
CREATE INDEX users_by_office ON users (office_id) WHERE office_id IS NOT NULL;

-- A court keeps its name and jurisdiction once mandates point at it: a court that is renamed
-- is a new record, so filed accounts and court users keep meaning what they meant.
CREATE FUNCTION refuse_change_of_court() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a court keeps its name and jurisdiction: add a new court instead'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION 'courts are kept: mandates and filed accounts name them' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER courts_keep_their_name BEFORE UPDATE OF name, jurisdiction ON courts
    FOR EACH ROW
    WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.jurisdiction IS DISTINCT FROM OLD.jurisdiction)
    EXECUTE FUNCTION refuse_change_of_court();
CREATE TRIGGER courts_are_never_deleted BEFORE DELETE ON courts
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_court();
