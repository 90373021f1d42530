# The web application's pages.
web-skip = Skip to content
web-sign-in = Sign in
web-login = Login
web-password = Password
web-refused = The login or the password is wrong.
web-throttled = Too many failed sign-ins for this login or from this address: wait 15 minutes and try again.
web-busy = The server is checking many passwords at once: try again in a moment.
web-server-full = gestio is answering as many connections as it may: try again in a moment.
web-signed-in-as = Signed in as
web-sign-out = Sign out
web-caseload = Beneficiaries
web-caseload-heading = The beneficiaries and the money they have
web-caseload-empty = No case is assigned to you yet.
web-caseload-caption = Money is the sum of the bank accounts and the cash box.
web-column-name = Name
web-column-language = Language
web-column-mandate = Mandate
web-column-case = Case number
web-column-book = Book
web-column-money = Money
web-column-next-account = Next account to the court
web-column-period = Period
web-column-filed-on = Filed on
web-column-review = Court's review
web-column-documents = Documents
web-portal = Your account
web-portal-statements = Your monthly statements
web-portal-filed = Accounts sent to the court
web-portal-none-filed = No account has been sent to the court yet.
web-court = Accounts filed with the court
web-court-none = No account has been filed with your court yet.
web-review-none = Not reviewed yet
web-review-approved = Approved
web-review-remarks = Remarks
web-review-approve = Approve this account
web-review-remarks-label = Remarks for the tutor
web-review-send-remarks = Send the remarks
web-download-pdf = The account (PDF)
web-download-bundle = The account with its receipts (zip)
web-audit = Audit log
web-audit-search = Search
web-audit-user = Person
web-audit-kind = What
web-audit-any = any
web-column-when = When
web-column-who = Who
web-column-what = What
web-column-route = Request
web-column-status = Answer
web-audit-empty = Nothing matches.
web-case-accounts = Accounts and balances
web-case-suspense = Lines to categorise
web-case-suspense-none = Every imported line is categorised.
web-case-move-to = Book it to
web-case-make-rule = and make a rule of it
web-case-categorise = Categorise
web-case-entries = Entries
web-case-from = From
web-case-to = To
web-case-file = File the account for the court
web-column-code = Code
web-column-balance = Balance
web-column-date = Date
web-column-description = Description
web-column-postings = Postings
web-import = Import bank statements
web-import-files = Statement files (camt.052, camt.053, camt.054, or a bank CSV export)
web-import-send = Import
web-import-nothing = Choose at least one file to import.
web-import-refused = This file was not imported, nothing of it was kept:
web-import-statement = Statement
web-import-new = Lines booked now
web-import-already = Already booked
web-import-by-rule = Categorised by a rule
web-payments = Payments
web-payments-prepare = Prepare a payment run
web-payments-date = Execution date
web-payments-book = From the account of
web-payments-whole-office = the whole office
web-payments-prepare-button = Prepare the run
web-payments-runs = Recent runs
web-payments-no-runs = No run yet.
web-payments-run = Payment run
web-payments-state = State
web-payments-prepared-by = Prepared by
web-payments-approve = Approve the run and write its files
web-payments-orders = Orders
web-payments-held = Held for lack of money
web-payments-reason = Reason
web-payments-files = Files for the bank
web-admin-users = Users
web-admin-role = Role
web-admin-actions = Actions
web-admin-disabled = disabled
web-admin-assign = Assign a book
web-admin-assign-button = Assign
web-admin-withdraw = Withdraw
web-admin-enable = Enable
web-admin-disable = Disable
web-admin-add = Add a user
web-admin-beneficiary = Beneficiary id (beneficiary users only)
web-case-filter = Show these dates
web-entry = Entry
web-entry-back = Back to the case
web-entry-source = Comes from
web-entry-reference = Reference
web-entry-receipt = Receipt number
web-entry-author = Recorded by
web-entry-reverses = Reverses
web-entry-reversed-by = Reversed by
web-entry-evidence = Receipts and invoices
web-entry-no-evidence = No receipt is attached to this entry.
web-entry-attach-files = Receipts to attach (PDF, JPEG or PNG)
web-entry-attach = Attach
web-entry-no-file = Choose at least one file to attach.
web-entry-reverse-heading = Reverse this entry
web-entry-reverse-help = An entry is never changed. Reversing it books its mirror image on the date you give, so that together they come to nothing; then book the right entry.
web-entry-reversal-date = Date of the reversal
web-entry-reversal-reason = Reason
web-entry-reverse = Reverse
web-source-opening = Opening balances
web-source-import = Bank statement
web-source-payment = Payment
web-source-manual = Entered by hand
web-source-reversal = Reversal
web-source-adjustment = Correction of a filed period
web-case-payments = Payments, schedules and debts
web-schedules = Scheduled payments
web-schedules-none = No payment is scheduled for this case.
web-column-creditor = Creditor
web-column-rhythm = How often
web-column-until = Until
web-column-priority = Priority
web-debts = Debts and repayment plans
web-debts-none = No debt is recorded for this case.
web-column-owed = Owed
web-column-repaid = Repaid
web-column-remaining = Still owed
web-column-on-the-way = Ordered, not yet on the statement
web-column-plan = Plan
web-schedule-add = Schedule a payment
web-schedule-needs-creditor = Add the creditor first, below.
web-schedule-day = Day (1–31, last, or mon…sun)
web-schedule-instalments = Number of payments
web-schedule-until-repaid = until the debt is repaid
web-schedule-creditor-default = the creditor's usual account
web-schedule-needs-judge = the judge must authorise it first
web-schedule-stopped = Stopped
web-schedule-awaits-judge = Waiting for the judge's authorisation
web-schedule-active = Active
web-creditor-add = Add a creditor
web-creditor-street = Street and number
web-creditor-postcode = Postcode
web-creditor-town = Town
web-creditor-country = Country (two letters)
web-creditor-remittance = Reference for the creditor
web-debt-add = Record a debt
web-every-once = once
web-every-weekly = weekly
web-every-monthly = monthly
web-every-quarterly = quarterly
web-every-yearly = yearly
web-day-last = last day
web-entry-already-attached = One of these files is already attached to this entry; nothing was added.
web-caseload-assumed = assumed, the court has not set it
web-column-to-do = To do
web-todo-gaps = { $count ->
    [one] 1 gap between statements
   *[other] { $count } gaps between statements
}
web-todo-categorise = { $count ->
    [one] 1 line to categorise
   *[other] { $count } lines to categorise
}
web-todo-held = { $count ->
    [one] 1 payment held
   *[other] { $count } payments held
}
web-todo-on-the-way = { $count ->
    [one] 1 order not yet on a statement
   *[other] { $count } orders not yet on a statement
}
web-caseload-due = due
web-profile = Your settings
web-profile-home = Back to the start page
web-profile-language = Language
web-profile-language-label = Show the pages in
web-profile-browser = the browser's language
web-profile-save = Save
web-profile-password = Password
web-profile-password-help = After the change, every session with the old password ends, this one too: sign in again with the new one.
web-profile-current = Current password
web-profile-new = New password (at least 12 characters)
web-profile-repeat = New password again
web-profile-change = Change the password

# A new password refused as too easy to guess, and why.
password-weak = This password is too easy to guess: { $reason }. Use a phrase of three or four unrelated words.
password-weak-common = it is a common password, or close to one
password-weak-keyboard = it follows the keys of the keyboard
password-weak-repeats = it repeats the same characters
password-weak-sequence = it holds a sequence such as abc or 6543
password-weak-date = it holds a date or a recent year
password-weak-word = it is a single word or name
password-weak-other = it holds too little that is hard to guess

# Roles, as people read them.
role-administrator = Administrator of the instance
role-supervisor = Supervisor
role-counsellor = Counsellor
role-beneficiary = Beneficiary
role-court = Court staff
web-admin-court-staff-elsewhere = Court staff are added by the administrator of the instance, with their court: an office cannot add them.

# The administrator's courts page.
web-courts = Courts
web-courts-intro = The courts whose measures the offices of this instance report to, and their staff. Court staff read the accounts filed with their own court only.
web-courts-recorded = Recorded courts
web-courts-none = No court is recorded yet.
web-court-name = Name, as on judgments
web-court-jurisdiction = Layout of its accounts
web-court-address = Address
web-court-staff = Staff
web-court-staff-none = Nobody yet.
web-court-staff-add = Add a member of its staff
web-court-add = Record a court
jurisdiction-lu = Luxembourg
jurisdiction-fr = France
jurisdiction-de = Germany
jurisdiction-generic = Other (generic layout)
web-menu = Menu
web-menu-my-money = My money
web-menu-filed-accounts = Filed accounts
web-menu-courts = Courts
error-page-back = Back to the previous page
error-page-start = Start page
error-page-sign-in = Sign in
error-page-reference = Reference for the administrator:
error-page-title-400 = The request could not be read
error-page-help-400 = Something in the address or the form was not as expected. Go back and try again.
error-page-title-401 = You are not signed in
error-page-help-401 = Your session has ended or you signed out. Sign in again; what you typed was not saved.
error-page-title-403 = Not allowed
error-page-help-403 = Your role may see this page but not do this, or the form was too old. Go back, reload the page and try again.
error-page-title-404 = Page not found
error-page-help-404 = This page does not exist, or it is not one you may see. Check the address or start again from your start page.
error-page-title-405 = Not possible here
error-page-help-405 = This address cannot be used this way. Start again from your start page.
error-page-title-408 = This took too long
error-page-help-408 = The server stopped the work after 30 seconds; nothing was saved. Ask for less (a shorter period) or try again later.
error-page-title-409 = This conflicts with what is recorded
error-page-help-409 = It was done already, or what it depends on has changed. Nothing was changed: read the message below and reload the page.
error-page-title-413 = The file is too large
error-page-help-413 = Nothing was saved. Send a smaller file, or split it.
error-page-title-422 = This was refused
error-page-help-422 = Nothing was saved. The message below says what was wrong: go back, correct it and send again.
error-page-title-429 = Too many tries
error-page-help-429 = Wait a moment (for passwords, 15 minutes) and try again.
error-page-title-500 = Something went wrong on the server
error-page-help-500 = What you asked for was not done. The error was recorded: if it happens again, tell your administrator and give them the reference below.
error-page-title-503 = The server is busy
error-page-help-503 = Nothing was saved. Try again in a moment.
web-case-menu = Sections of the case
web-case-choose-category = — choose a category —
web-court-panel = Accounts for the court and statements
web-court-panel-filed = The account was filed and its period locked. The court can read it now; its review will appear below.
web-court-period = The period of the account
web-court-show = Show the account
web-court-preset-due = The next account due
web-court-preset-month = Last month
web-court-preset-year = Last year
web-court-preview = The account, before it is filed
web-court-opening = At the start
web-court-in = In
web-court-out = Out
web-court-closing = At the end
web-court-downloads = Download:
web-court-checks = Checks
web-court-no-warnings = The account adds up, agrees with the bank and lacks no receipt.
web-court-warning-bank = Account { $account }: the books and the bank's statement differ by { $difference } at the end of the period.
web-court-warning-no-statement = Account { $account }: no bank statement ends within the period, so its balance is not checked.
web-court-warning-waiting = Bank lines for { $amount } are still waiting for a category: the account will show them as not yet sorted.
web-court-warning-receipts = { $count ->
    [one] 1 payment above the receipt threshold has no receipt attached.
   *[other] { $count } payments above the receipt threshold have no receipt attached.
}
web-court-warning-opening = { $count ->
    [one] 1 account opens with another amount than the previous filed account closed with.
   *[other] { $count } accounts open with other amounts than the previous filed account closed with.
}
web-court-warning-gaps = { $count ->
    [one] 1 gap between bank statements is not explained.
   *[other] { $count } gaps between bank statements are not explained.
}
web-court-warning-adds-up = The account does not add up: opening, money in and out do not give the closing.
web-court-file-help = Filing sends this account to the court and locks its period: entries in it can then only be corrected by adjustments in a later period.
web-court-confirm = { $count ->
    [one] I have read the warning above and file the account as it is.
   *[other] I have read the { $count } warnings above and file the account as it is.
}
web-court-confirm-needed = Nothing was filed: tick that you have read the warnings (they may have changed since the page was shown; read them again).
web-court-statements = Monthly statements for the beneficiary
web-case-search = Search
web-case-amount = Amount
web-case-direction = Direction
web-case-direction-both = In and out
web-case-direction-in = Money in
web-case-direction-out = Money out
web-case-pick = Pick
web-case-bulk-to = Move the picked lines to
web-case-bulk = Move the picked lines
web-case-previous = Previous 50
web-case-next = Next 50
web-case-waiting-range = Lines { $first }–{ $last } of { $total }
web-case-moved = { $count ->
    [one] 1 line was moved to its account.
   *[other] { $count } lines were moved to their account.
}
web-case-choose-first = Choose the account to move the line to first: nothing was moved.
web-case-pick-first = Pick the lines to move first: nothing was moved.
web-case-find = Find
web-case-no-match = No waiting line matches this search.
web-case-accounts-all = { $count ->
    [one] Show 1 more account, at zero
   *[other] Show { $count } more accounts, at zero
}
web-case-accounts-fewer = Hide the accounts at zero
web-case-newer = Newer entries
web-case-older = Older entries
web-review-history = Reviews so far
web-review-confirm = I have read this account and its receipts; record my review (it is kept for good).
web-review-confirm-needed = Nothing was recorded: tick that you have read the account before approving it or sending remarks.
web-caseload-runs-waiting = { $count ->
    [one] 1 payment run waits for your approval
   *[other] { $count } payment runs wait for your approval
}

web-import-dropped = The file was not imported; nothing of it was kept.
web-import-booked = The file was imported.
web-import-matched = Booked by hand already
web-import-waiting = Before this file is booked, look at what it says against the book, then book it or leave it.
web-import-opening-differs = The statement starts on { $date } with { $statement }; the book has { $book } on that day (difference { $difference }). A statement may be missing, or an entry made by hand may be wrong. Book it only with a reason, or leave it and check the book first.
web-import-matches-intro = These lines look like entries already made by hand (same amount, at most 3 days apart). A ticked line is booked by that entry, not a second time.
web-import-match = Same money?
web-import-line = Bank line
web-import-hand-entry = Entry made by hand
web-import-same-money = Already booked by this entry
web-import-new-lines = { $count ->
    [one] 1 new line
   *[other] { $count } new lines
}
web-import-reason = Reason (optional)
web-import-reason-required = Why book it although the balance differs (required)
web-import-reason-needed = Say why the file should be booked although its opening balance differs from the book, or leave it.
web-import-book = Book it
web-import-drop = Do not import
web-import-another = Import a file
web-import-account = Bank account (for a CSV file without its IBAN; its bank format is remembered)
web-import-account-from-file = Found from the file
web-import-profile = Bank format
web-import-profile-camt = ISO 20022 camt (XML), found from the file
web-import-profile-bcee = BCEE (CSV)
web-import-profile-sparkasse = Sparkasse (CSV)
web-import-profile-banque-postale = La Banque Postale (CSV)
web-import-profile-swedbank = Swedbank (CSV)
web-imports = Imported files
web-imports-undone = { $count ->
    [one] The import was undone: 1 entry reversed. The file can be imported again.
   *[other] The import was undone: { $count } entries reversed. The file can be imported again.
}
web-imports-undone-on = Undone on { $date } by { $person }
web-imports-into = Import a statement into { $account }
web-imports-none = No file has been imported into this case yet.
web-imports-imported = Imported
web-imports-file = File
web-imports-period = Period
web-imports-lines = Lines
web-imports-state = State
web-imports-reason = Booked with the reason:
web-imports-standing = In the books
web-imports-confirm = I want to undo this import: its entries are reversed and its lines leave the book.
web-imports-confirm-first = Tick the box to confirm that this import should be undone.
web-imports-undo = Undo the import
web-case-imports = Imports
web-case-reopened = The categorisation was undone: the line waits here again, to be booked to its right account.
web-entry-undo-categorisation-heading = Undo the categorisation
web-entry-undo-categorisation-help = The money goes back to the lines to categorise, where the line waits again to be booked to its right account. Nothing is deleted: an entry records the undoing.
web-entry-undo-categorisation = Undo the categorisation
web-rules = Rules
web-rules-help = A rule books the bank's lines it recognises to an account by itself, at import. They are tried in this order; the first that matches decides.
web-rules-none = No rule applies to this case yet. Tick "and make a rule of it" when you categorise a line.
web-rules-waiting = { $count ->
    [one] 1 line waits to be categorised
   *[other] { $count } lines wait to be categorised
}
web-rules-scope = Applies to
web-rules-for-case = this case
web-rules-for-office = every case of the office
web-rules-looks-for = Looks for
web-rules-books-to = Books to
web-rules-matches = Waiting lines it matches now
web-rules-no-target = no account of this case
web-rules-is-off = switched off
web-rules-priority = Order (lowest first)
web-rules-save = Save
web-rules-switch-off = Switch off
web-rules-switch-on = Switch on
web-rules-confirm = I want to delete this rule (the lines it booked stay as they are)
web-rules-delete = Delete the rule
web-rules-confirm-first = Tick the box to confirm that the rule should be deleted.
web-rules-priority-number = Write the order as a whole number, such as 100.
web-rules-apply = { $count ->
    [one] Book the waiting line it matches
   *[other] Book the { $count } waiting lines it matches
}
web-rules-applied = { $count ->
    [one] 1 waiting line was booked by the rule.
   *[other] { $count } waiting lines were booked by the rule.
}
web-rules-off = The rule was switched off: it books nothing until it is switched on.
web-rules-on = The rule was switched on.
web-rules-changed = The rule was saved.
web-rules-deleted = The rule was deleted.
web-rules-if-iban = IBAN is { $value }
web-rules-if-name = name contains “{ $value }”
web-rules-if-remittance = message contains “{ $value }”
web-rules-if-pattern = message matches { $value }
web-rules-if-bank-code = bank code starts with { $value }
web-rules-if-at-least = at least { $value }
web-rules-if-at-most = at most { $value }
web-rules-if-in = money in
web-rules-if-out = money out
web-case-rules = Rules
web-case-rule-made = A rule was made of it: apply it to the other waiting lines.
web-new-entry = A new entry
web-new-entry-help = For money the bank does not show (cash, a benefit paid to a third party) or to put something right: an amount from one account to another. Its receipt is attached on the next page.
web-new-entry-description = What happened
web-new-entry-amount = Amount
web-new-entry-from = From (where the money comes from)
web-new-entry-to = To (where the money goes)
web-new-entry-choose = — choose an account —
web-new-entry-receipt = Receipt number (optional)
web-new-entry-adjustment = Correcting a period already filed with the court
web-new-entry-adjustment-help = The book is filed through { $through }. A correction of that period is dated after it and names the filed entry it corrects; the next account shows it as a correction.
web-new-entry-corrects = Number of the filed entry it corrects (leave empty for an ordinary entry)
web-new-entry-post = Post the entry
web-new-entry-date-needed = Give the date as day, month and year.
web-new-entry-description-needed = Say in a few words what happened.
web-new-entry-amount-needed = Give the amount.
web-new-entry-accounts-needed = Choose where the money comes from and where it goes.
web-new-entry-accounts-differ = The money must go from one account to another: choose two different accounts.
web-new-entry-corrects-number = Give the number of the filed entry, such as 12.
web-entry-posted = The entry was posted. Attach its receipt below.
web-entry-correct = Correct this entry of a filed period
web-case-new-entry = A new entry
web-case-signs-accounting = Show the accountant's signs (debits +, credits −)
web-case-signs-people = Show the amounts as read (income received and debts owed as positive amounts)
web-case-sum-unread = Write an amount, such as 780.00.
web-case-entries-account = Account
web-case-entries-any-account = any account
web-column-money-moved = From → to · amount
web-run-state-prepared = waiting for approval
web-run-state-approved = approved, files written
web-order-state-planned = planned
web-order-state-exported = sent to the bank
web-order-state-executed = paid
web-order-state-returned = returned by the bank
web-payments-approved-by = Approved by
web-payments-total = Total
web-payments-payee = Paid to
web-payments-paying = Paying accounts
web-payments-paying-total = This run
web-payments-paying-balance = Holds now
web-payments-paying-after = Left after
web-payments-cancel = Cancel the run
web-payments-cancel-confirm = I want to cancel this run: its payments are not made, and the next run plans them again.
web-payments-cancel-confirm-first = Tick the box to confirm that the run should be cancelled.
web-payments-cancelled = The run was cancelled; its payments will be planned again by the next run.
web-settings = Settings
web-settings-saved = The settings were saved.
web-settings-four-eyes = Payment runs
web-settings-four-eyes-help = A second person approves each payment run before its files are written (four eyes)
web-settings-cases = Reserves and overdrafts
web-settings-cases-help = A case's payments leave its reserve on its accounts; a bank account may go into its overdraft to pay.
web-settings-reserve = Reserve
web-settings-overdraft = Overdraft of { $account }
web-settings-not-an-amount = “{ $typed }” is not an amount: write it as 100.00, or 0 for none.
web-audit-sentence = { $who } { $did }
web-audit-sentence-case = { $who } { $did } — { $case }
web-audit-nobody = Someone not signed in
web-audit-pages = pages of the office
web-audit-refused = refused
web-audit-older = Older records
web-audit-kind-all-but-reads = everything but reads
web-audit-reads-heading = Who read what
web-audit-reads = { $count ->
    [one] { $who } read { $case } once on { $day }
   *[other] { $who } read { $case } { $count } times on { $day }
}
web-audit-kind-read = reads
web-audit-kind-change = changes
web-audit-kind-denied = refusals
web-audit-kind-sign_in = sign-ins
web-audit-kind-sign_in_refused = refused sign-ins
web-audit-kind-sign_out = sign-outs
web-audit-did-signed-in = signed in
web-audit-did-sign-in-refused = was refused at sign-in
web-audit-did-signed-out = signed out
web-audit-did-was-refused = was refused ({ $route })
web-audit-did-read-case = read the case
web-audit-did-read-page = read { $route }
web-audit-did-changed = changed { $route }
web-audit-did-filed = filed an account with the court
web-audit-did-reviewed = reviewed filed account { $record }
web-audit-did-imported = imported a bank file
web-audit-did-decided-import = decided on a bank file waiting to be booked
web-audit-did-undid-import = undid import { $record }
web-audit-did-categorised = categorised waiting lines
web-audit-did-posted-entry = posted an entry by hand
web-audit-did-reversed-entry = reversed entry { $record }
web-audit-did-attached-receipt = attached a receipt to entry { $record }
web-audit-did-changed-rule = changed rule { $record }
web-audit-did-prepared-run = prepared a payment run
web-audit-did-approved-run = approved payment run { $record }
web-audit-did-cancelled-run = cancelled payment run { $record }
web-audit-did-changed-payments = changed creditors, schedules or debts
web-audit-did-added-user = added a user
web-audit-did-assigned-case = assigned a case to user { $record }
web-audit-did-withdrew-case = withdrew a case from user { $record }
web-audit-did-changed-user = changed user { $record }
web-audit-did-changed-settings = changed the payment settings
web-audit-did-changed-password = changed their password
web-audit-did-changed-language = changed their language
web-statement-back = Back to my money
web-portal-so-far = { $month } (so far, on { $date })
web-statement-pdf = This statement as a PDF
web-filing = Account for the court
web-filing-back = Back
web-filing-open-pdf = Open the account (PDF)
web-filing-entries = Entries and their receipts
web-filing-receipt-number = Receipt no.
web-filing-receipts = Receipts
web-filing-receipt-missing = no receipt, above the judge's threshold
web-court-open = Open the account and its receipts
web-court-filter = Show
web-court-show-to-review = to review
web-court-show-reviewed = reviewed
web-court-show-all = all
web-court-search = Case number or name
web-court-find = Find
web-court-reviewed = Your review of the account was recorded.
web-court-none-found = No filed account matches.
web-court-none-to-review = No account waits for your review.
web-admin-reads-money-of = reads the money of
web-admin-new-password = Set a new password
web-admin-new-password-for = New password for { $login }
web-admin-set-password = Set it
web-admin-no-beneficiary = — not a beneficiary's login —
web-admin-done-added = The user was added.
web-admin-done-password = The new password was set; the user's sessions ended. Tell them the new password in person.
web-admin-done-assigned = The case was assigned.
web-admin-done-withdrawn = The case was withdrawn.
web-admin-done-disabled = The user was disabled; their sessions ended.
web-admin-done-enabled = The user was enabled.
web-case-suggested = suggested from earlier lines or a rule
web-todo-court-remarks = { $count ->
    [one] The court made remarks on the last account
   *[other] The court made remarks on the last account
}
web-hold-insufficient_funds = not enough money: { $available } left on the account
web-hold-behind_unpaid = not enough money: a payment before it could not be made
web-hold-awaiting_authorisation = waits for the judge's authorisation
web-hold-no_account = the case has no open account to pay from or to
web-schedule-stop = Stop these payments
web-schedule-start = Start them again
web-schedule-done-stopped = The payments were stopped: no run plans them until they are started again.
web-schedule-done-started = The payments were started again: the next run plans them.
web-payments-run-changed = This run is not the one your page showed (it changed or was cancelled since): nothing was approved. Open the run again and look at it before approving.
