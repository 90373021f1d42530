-- Seals (issue 22, finding 8): a keyed hash, made with a key kept outside the database, over each
-- book's chain head and each filing, evidence file and payment file. Anyone able to write to the
-- database could recompute the public hash chain; nobody without the key can make a seal. Rows
-- written before this migration have none until the operator runs `gestio seal adopt` once.

-- The seal of the book's chain head (head_sequence, head_hash), moved with it.
ALTER TABLE books ADD COLUMN head_seal TEXT CHECK (head_seal IS NULL OR length(head_seal) = 64);

-- The seal of a record that never changes once written.
CREATE TABLE seals (
    kind       TEXT NOT NULL CHECK (kind IN ('filing', 'evidence', 'payment_file')),
    record_id  INTEGER NOT NULL,
    seal       TEXT NOT NULL CHECK (length(seal) = 64),
    PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
CREATE TRIGGER seals_are_append_only_update BEFORE UPDATE ON seals
BEGIN SELECT RAISE(ABORT, 'seals are kept as made'); END;
CREATE TRIGGER seals_are_append_only_delete BEFORE DELETE ON seals
BEGIN SELECT RAISE(ABORT, 'seals are kept as made'); END;

-- The id of the key this database is sealed with (never the key): a server started with another
-- key is refused rather than finding every seal broken.
CREATE TABLE sealing_keys (
    key_id       TEXT PRIMARY KEY CHECK (length(key_id) = 16),
    recorded_at  TEXT NOT NULL
);
