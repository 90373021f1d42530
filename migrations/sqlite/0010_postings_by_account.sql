-- Postings by account: the dashboard counts each book's lines waiting in suspense, and the case
-- page lists them, without reading every posting of the office.
CREATE INDEX postings_by_account ON postings (account_id);
