-- Signed-in sessions (DESIGN §8). The cookie carries a random token; only its SHA-256 is kept, so
-- a copy of the database does not let anyone sign in. Signing out, a new password and disabling
-- the user delete the rows.
CREATE TABLE sessions (
    token_sha256  TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    csrf_token    TEXT NOT NULL CHECK (length(csrf_token) = 64),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Who read or changed what, when, and what they were refused. Append-only. The book is recorded
-- as asked, without a foreign key: a refused look at a book that does not exist is kept too.
CREATE TABLE audit_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    user_id   BIGINT REFERENCES users (id),
    kind      TEXT NOT NULL CHECK (kind IN ('read', 'change', 'denied', 'sign_in', 'sign_in_refused', 'sign_out')),
    route     TEXT NOT NULL,
    book_id   BIGINT,
    status    BIGINT NOT NULL
);
CREATE INDEX audit_log_by_book ON audit_log (book_id, id);
CREATE INDEX audit_log_by_user ON audit_log (user_id, id);

CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_records();
