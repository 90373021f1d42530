# The beneficiary's monthly statement: plain words, for the person whose money it is.
statement-title = Your money
statement-in = Money that came in
statement-nothing-in = No money came in this month.
statement-out = Money that went out
statement-nothing-out = No money went out this month.
statement-chart-title = Where the money went
statement-chart-description = Bar chart of the money that went out, by kind of spending. The largest part:
statement-left = What is left
statement-start = At the start of the month you had
statement-end = At the end of the month you have
statement-coming = Payments next month
statement-nothing-coming = No payments are planned for next month.
statement-pocket-money = pocket money
statement-budget = Your budget plan and what happened
column-payee = Paid to
