-- A book stays with the person and the office it was opened for, and is never deleted (a closed
-- case keeps its book). The server relies on it: it keeps each book's office and person once read,
-- for the access rule, and never reads them again.
CREATE FUNCTION refuse_change_of_book_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a book stays with its person and office: open a new book instead'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION 'books are kept: a closed case keeps its book' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER books_keep_their_owner BEFORE UPDATE OF office_id, beneficiary_id ON books
    FOR EACH ROW
    WHEN (NEW.office_id IS DISTINCT FROM OLD.office_id OR NEW.beneficiary_id IS DISTINCT FROM OLD.beneficiary_id)
    EXECUTE FUNCTION refuse_change_of_book_owner();
CREATE TRIGGER books_are_never_deleted BEFORE DELETE ON books
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_book_owner();
CREATE TRIGGER books_are_never_truncated BEFORE TRUNCATE ON books
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_book_owner();
