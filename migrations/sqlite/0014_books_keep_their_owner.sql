-- A book stays with the person and the office it was opened for, and is never deleted (a closed
-- case keeps its book). The server relies on it: it keeps each book's office and person once read,
-- for the access rule, and never reads them again.
CREATE TRIGGER books_keep_their_owner BEFORE UPDATE OF office_id, beneficiary_id ON books
WHEN NEW.office_id IS NOT OLD.office_id OR NEW.beneficiary_id IS NOT OLD.beneficiary_id
BEGIN SELECT RAISE(ABORT, 'a book stays with its person and office: open a new book instead'); END;
CREATE TRIGGER books_are_never_deleted BEFORE DELETE ON books
BEGIN SELECT RAISE(ABORT, 'books are kept: a closed case keeps its book'); END;
