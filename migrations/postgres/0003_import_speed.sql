-- No query looks statement lines up by their statement: listings reach them through the account
-- (statement_lines_by_account_date). The index only slowed every import down.
DROP INDEX statement_lines_by_statement;
