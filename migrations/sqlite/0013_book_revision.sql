-- A book's revision: bumped, in the same transaction, by every change to what the caseload shows of
-- the book and what the book's own row does not record. The dashboard keeps each book's case in
-- memory and reads it again only when the book's (head_sequence, locked_through, revision) moved:
-- new entries move the head (balances, lines to categorise), a filed account moves
-- locked_through, and these triggers move the revision for the person, their mandates, the
-- accounts' categories, the filings, the statement gaps, the payment runs and their holds, and the
-- payment orders' state. A change missed here would show stale figures on a dashboard, so the
-- caseload tests compare the kept cases with a fresh read after each kind of change.
ALTER TABLE books ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER book_revision_person_update AFTER UPDATE ON beneficiaries
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = NEW.id; END;

CREATE TRIGGER book_revision_mandate_insert AFTER INSERT ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = NEW.beneficiary_id; END;
CREATE TRIGGER book_revision_mandate_update AFTER UPDATE ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id IN (OLD.beneficiary_id, NEW.beneficiary_id); END;
CREATE TRIGGER book_revision_mandate_delete AFTER DELETE ON mandates
BEGIN UPDATE books SET revision = revision + 1 WHERE beneficiary_id = OLD.beneficiary_id; END;

CREATE TRIGGER book_revision_account_insert AFTER INSERT ON accounts
BEGIN UPDATE books SET revision = revision + 1 WHERE id = NEW.book_id; END;
-- Not on balance_minor: every posting changes it, and every posting also moves the book's head.
CREATE TRIGGER book_revision_account_update AFTER UPDATE OF book_id, category, currency ON accounts
BEGIN UPDATE books SET revision = revision + 1 WHERE id IN (OLD.book_id, NEW.book_id); END;

CREATE TRIGGER book_revision_filing_insert AFTER INSERT ON filings
BEGIN UPDATE books SET revision = revision + 1 WHERE id = NEW.book_id; END;

CREATE TRIGGER book_revision_gap_insert AFTER INSERT ON statement_gaps
BEGIN UPDATE books SET revision = revision + 1 WHERE id = (SELECT book_id FROM accounts WHERE id = NEW.account_id); END;
CREATE TRIGGER book_revision_gap_update AFTER UPDATE ON statement_gaps
BEGIN UPDATE books SET revision = revision + 1
      WHERE id IN (SELECT book_id FROM accounts WHERE id IN (OLD.account_id, NEW.account_id)); END;
CREATE TRIGGER book_revision_gap_delete AFTER DELETE ON statement_gaps
BEGIN UPDATE books SET revision = revision + 1 WHERE id = (SELECT book_id FROM accounts WHERE id = OLD.account_id); END;

-- A run decides what is held in each book it covers: one book, or the whole office.
CREATE TRIGGER book_revision_run_insert AFTER INSERT ON payment_runs
BEGIN UPDATE books SET revision = revision + 1
      WHERE office_id = NEW.office_id AND (NEW.book_id IS NULL OR id = NEW.book_id); END;
CREATE TRIGGER book_revision_run_delete AFTER DELETE ON payment_runs
BEGIN UPDATE books SET revision = revision + 1
      WHERE office_id = OLD.office_id AND (OLD.book_id IS NULL OR id = OLD.book_id); END;

CREATE TRIGGER book_revision_hold_insert AFTER INSERT ON payment_run_holds
BEGIN UPDATE books SET revision = revision + 1 WHERE id = NEW.book_id; END;
CREATE TRIGGER book_revision_hold_update AFTER UPDATE ON payment_run_holds
BEGIN UPDATE books SET revision = revision + 1 WHERE id IN (OLD.book_id, NEW.book_id); END;
CREATE TRIGGER book_revision_hold_delete AFTER DELETE ON payment_run_holds
BEGIN UPDATE books SET revision = revision + 1 WHERE id = OLD.book_id; END;

CREATE TRIGGER book_revision_order_insert AFTER INSERT ON payment_orders
BEGIN UPDATE books SET revision = revision + 1 WHERE id = NEW.book_id; END;
CREATE TRIGGER book_revision_order_update AFTER UPDATE OF book_id, state ON payment_orders
BEGIN UPDATE books SET revision = revision + 1 WHERE id IN (OLD.book_id, NEW.book_id); END;
CREATE TRIGGER book_revision_order_delete AFTER DELETE ON payment_orders
BEGIN UPDATE books SET revision = revision + 1 WHERE id = OLD.book_id; END;
