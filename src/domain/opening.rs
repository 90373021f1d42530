//! The opening inventory at the start of a mandate — what the person has on each bank account and
//! in cash, and what they owe — and the opening entry that books it against opening equity.

use chrono::NaiveDate;
use thiserror::Error;

use super::account::{Account, BankAccountSpec, NewAccount, ReportCategory, standard_chart};
use super::ids::BookId;
use super::ledger::{EntryDraft, EntrySource, Posting};
use super::money::{Currency, Money, MoneyError};
use super::party::{NAME_LENGTH_MAX, required_text};

/// The standard chart's generic debts account; each debt gets its own account after it.
pub const DEBT_ACCOUNT_FIRST: u32 = 2001;
pub const OPENING_DEBTS_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpeningError {
    #[error("the debt to {creditor} must be a positive amount (what the person owes)")]
    DebtNotPositive { creditor: String },
    #[error("the cash box cannot hold a negative amount")]
    NegativeCash,
    #[error("{what} is in {found}, but the book is kept in {book}")]
    CurrencyMismatch {
        what: String,
        found: Currency,
        book: Currency,
    },
    #[error("the same IBAN is listed twice: {iban}")]
    DuplicateIban { iban: String },
    #[error("at most {OPENING_DEBTS_MAX} debts can be listed in an opening inventory")]
    TooManyDebts,
    #[error("the creditor's name is missing or too long")]
    BadCreditor,
    #[error(transparent)]
    Money(#[from] MoneyError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningBank {
    pub account: BankAccountSpec,
    pub balance: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningDebt {
    pub creditor: String,
    /// What is owed, positive.
    pub amount: Money,
}

/// Checked inventory: one way in, `OpeningInventory::new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningInventory {
    date: NaiveDate,
    currency: Currency,
    banks: Vec<OpeningBank>,
    cash: Money,
    debts: Vec<OpeningDebt>,
}

impl OpeningInventory {
    pub fn new(
        date: NaiveDate,
        currency: Currency,
        banks: Vec<OpeningBank>,
        cash: Money,
        debts: Vec<OpeningDebt>,
    ) -> Result<OpeningInventory, OpeningError> {
        let same_currency = |what: String, money: Money| {
            if money.currency() == currency {
                Ok(())
            } else {
                Err(OpeningError::CurrencyMismatch {
                    what,
                    found: money.currency(),
                    book: currency,
                })
            }
        };
        for (index, bank) in banks.iter().enumerate() {
            same_currency(format!("the balance of {}", bank.account.iban.masked()), bank.balance)?;
            if banks[..index]
                .iter()
                .any(|earlier| earlier.account.iban == bank.account.iban)
            {
                return Err(OpeningError::DuplicateIban {
                    iban: bank.account.iban.to_string(),
                });
            }
        }
        same_currency("the cash box".to_owned(), cash)?;
        if cash.is_negative() {
            return Err(OpeningError::NegativeCash);
        }
        if debts.len() > OPENING_DEBTS_MAX {
            return Err(OpeningError::TooManyDebts);
        }
        let mut checked_debts = Vec::with_capacity(debts.len());
        for debt in debts {
            let creditor =
                required_text(&debt.creditor, "creditor", NAME_LENGTH_MAX).map_err(|_| OpeningError::BadCreditor)?;
            same_currency(format!("the debt to {creditor}"), debt.amount)?;
            if debt.amount.minor() <= 0 {
                return Err(OpeningError::DebtNotPositive { creditor });
            }
            checked_debts.push(OpeningDebt {
                creditor,
                amount: debt.amount,
            });
        }
        Ok(OpeningInventory {
            date,
            currency,
            banks,
            cash,
            debts: checked_debts,
        })
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The book's chart: the standard chart with the person's bank accounts, plus one debt
    /// account per debt (2001, 2002, …) so each debt's progress can be followed.
    pub fn chart(&self) -> Vec<NewAccount> {
        let banks: Vec<BankAccountSpec> = self.banks.iter().map(|bank| bank.account.clone()).collect();
        let mut chart = standard_chart(self.currency, &banks);
        for (index, debt) in self.debts.iter().enumerate() {
            let code = (DEBT_ACCOUNT_FIRST + index as u32).to_string();
            let name: String = format!("Debt: {}", debt.creditor)
                .chars()
                .take(super::account::ACCOUNT_NAME_LENGTH_MAX)
                .collect();
            chart.push(
                NewAccount::new(&code, &name, ReportCategory::Debt, self.currency, None)
                    .expect("BUG: debt accounts have valid codes and names"),
            );
        }
        chart
    }

    /// The opening entry on the accounts `chart()` made: money and debts against opening
    /// equity. `None` when there is nothing to book (no money, no debts).
    pub fn opening_entry(
        &self,
        book_id: BookId,
        accounts: &[Account],
        author: &str,
    ) -> Result<Option<EntryDraft>, OpeningError> {
        let find = |predicate: &dyn Fn(&Account) -> bool| {
            accounts
                .iter()
                .find(|account| predicate(account))
                .map(|account| account.id)
                .expect("BUG: the opening chart has every account the inventory needs")
        };
        let mut postings = Vec::new();
        for bank in &self.banks {
            let account = find(&|account| account.iban.as_ref() == Some(&bank.account.iban));
            postings.push(Posting {
                account_id: account,
                amount: bank.balance,
            });
        }
        postings.push(Posting {
            account_id: find(&|account| account.category == ReportCategory::Cash),
            amount: self.cash,
        });
        for (index, debt) in self.debts.iter().enumerate() {
            let code = (DEBT_ACCOUNT_FIRST + index as u32).to_string();
            postings.push(Posting {
                account_id: find(&|account| account.code == code),
                amount: debt.amount.checked_neg()?,
            });
        }
        let mut net_worth = Money::zero(self.currency);
        for posting in &postings {
            net_worth = net_worth.checked_add(posting.amount)?;
        }
        let equity = find(&|account| account.category == ReportCategory::OpeningEquity);
        postings.push(Posting {
            account_id: equity,
            amount: net_worth.checked_neg()?,
        });
        postings.retain(|posting| !posting.amount.is_zero());
        if postings.is_empty() {
            return Ok(None);
        }
        Ok(Some(EntryDraft {
            book_id,
            date: self.date,
            description: "Opening inventory at the start of the mandate".to_owned(),
            source: EntrySource::Opening,
            source_ref: None,
            receipt: None,
            author: author.to_owned(),
            reverses: None,
            postings,
        }))
    }
}

#[cfg(test)]
#[path = "opening_tests.rs"]
mod tests;
