"""Loads a beancount ledger with beancount itself and prints, as JSON, each account's balance
(a decimal number, as text) before each date given: {"2026-06-01": {"Assets:1100": "123456"}, ...}.
Exits 1 with beancount's own messages when the ledger does not load cleanly."""

import datetime
import json
import sys

from beancount import loader
from beancount.core import data

path, dates = sys.argv[1], sys.argv[2:]
entries, errors, _options = loader.load_file(path)
if errors:
    for error in errors:
        print(error.message, file=sys.stderr)
    sys.exit(1)
result = {}
for text in dates:
    before = datetime.date.fromisoformat(text)
    balances = {}
    for entry in entries:
        if isinstance(entry, data.Transaction) and entry.date < before:
            for posting in entry.postings:
                balances[posting.account] = balances.get(posting.account, 0) + posting.units.number
    result[text] = {account: "{:f}".format(amount) for account, amount in balances.items()}
print(json.dumps(result))
