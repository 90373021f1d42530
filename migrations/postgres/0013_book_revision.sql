-- A book's revision: bumped, in the same transaction, by every change to what the caseload shows of
-- the book and what the book's own row does not record. The dashboard keeps each book's case in
-- memory and reads it again only when the book's (head_sequence, locked_through, revision) moved:
-- new entries move the head (balances, lines to categorise), a filed account moves
-- locked_through, and these triggers move the revision for the person, their mandates, the
-- accounts' categories, the filings, the statement gaps, the payment runs and their holds, and the
-- payment orders' state. A change missed here would show stale figures on a dashboard, so the
-- caseload tests compare the kept cases with a fresh read after each kind of change.
ALTER TABLE books ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- The rows of `books` a changed row concerns, through the column the table names them by.
CREATE FUNCTION bump_book_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        CASE TG_TABLE_NAME
            WHEN 'beneficiaries' THEN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = OLD.id;
            WHEN 'mandates' THEN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = OLD.beneficiary_id;
            WHEN 'statement_gaps' THEN
                UPDATE books SET revision = revision + 1
                WHERE id = (SELECT book_id FROM accounts WHERE id = OLD.account_id);
            WHEN 'payment_runs' THEN
                UPDATE books SET revision = revision + 1
                WHERE office_id = OLD.office_id AND (OLD.book_id IS NULL OR id = OLD.book_id);
            ELSE UPDATE books SET revision = revision + 1 WHERE id = OLD.book_id;
        END CASE;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        CASE TG_TABLE_NAME
            WHEN 'beneficiaries' THEN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = NEW.id;
            WHEN 'mandates' THEN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = NEW.beneficiary_id;
            WHEN 'statement_gaps' THEN
                UPDATE books SET revision = revision + 1
                WHERE id = (SELECT book_id FROM accounts WHERE id = NEW.account_id);
            WHEN 'payment_runs' THEN
                -- A run decides what is held in each book it covers: one book, or the whole office.
                UPDATE books SET revision = revision + 1
                WHERE office_id = NEW.office_id AND (NEW.book_id IS NULL OR id = NEW.book_id);
            ELSE UPDATE books SET revision = revision + 1 WHERE id = NEW.book_id;
        END CASE;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER book_revision_person AFTER UPDATE ON beneficiaries
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_mandate AFTER INSERT OR UPDATE OR DELETE ON mandates
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
-- Not on balance_minor: every posting changes it, and every posting also moves the book's head.
CREATE TRIGGER book_revision_account AFTER INSERT OR UPDATE OF book_id, category, currency ON accounts
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_filing AFTER INSERT ON filings
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_gap AFTER INSERT OR UPDATE OR DELETE ON statement_gaps
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_run AFTER INSERT OR DELETE ON payment_runs
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_hold AFTER INSERT OR UPDATE OR DELETE ON payment_run_holds
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
CREATE TRIGGER book_revision_order AFTER INSERT OR UPDATE OF book_id, state OR DELETE ON payment_orders
    FOR EACH ROW EXECUTE FUNCTION bump_book_revision();
