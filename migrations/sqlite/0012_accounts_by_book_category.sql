-- A book's accounts of one category: the caseload dashboard sums each book's money accounts and
-- counts what waits on its suspense account, for a counsellor's 60 books on every visit. Through
-- (book_id, code) it read all 27 accounts of each book to keep three; with this index it reads
-- those it needs (the sum went from 378 to 220 µs, the suspense count from 263 to 83 µs, for 60
-- books of the web benchmark's office, measured in the sqlite3 shell).
CREATE INDEX accounts_by_book_category ON accounts (book_id, category);
