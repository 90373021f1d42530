//! Accounts of a book: their kind, their report category from one fixed taxonomy, and the
//! standard chart every new book starts with.
//!
//! The report category decides the kind (an `income.*` account is an income account), so the two
//! can never disagree. Money accounts — the person's bank accounts and the cash box — are the
//! accounts the periodic account is computed from.

use std::fmt;

use serde::Serialize;
use thiserror::Error;

use super::iban::Iban;
use super::ids::{AccountId, BookId};
use super::money::Currency;

/// The longest account name, in characters.
pub const ACCOUNT_NAME_LENGTH_MAX: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Asset,
    Liability,
    Equity,
    Income,
    Expense,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Asset => "asset",
            AccountKind::Liability => "liability",
            AccountKind::Equity => "equity",
            AccountKind::Income => "income",
            AccountKind::Expense => "expense",
        }
    }
}

macro_rules! report_categories {
    ($($variant:ident => ($code:literal, $kind:ident, $number:literal, $name:literal),)+) => {
        /// The one fixed taxonomy reports are built on. Each category has a code (`income.pension`),
        /// a kind, the number its account gets in the standard chart, and an English name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ReportCategory { $($variant,)+ }

        impl ReportCategory {
            pub const ALL: &'static [ReportCategory] = &[$(ReportCategory::$variant,)+];

            pub fn code(self) -> &'static str {
                match self { $(ReportCategory::$variant => $code,)+ }
            }

            pub fn kind(self) -> AccountKind {
                match self { $(ReportCategory::$variant => AccountKind::$kind,)+ }
            }

            /// The account code this category has in the standard chart.
            pub fn chart_number(self) -> u32 {
                match self { $(ReportCategory::$variant => $number,)+ }
            }

            pub fn english_name(self) -> &'static str {
                match self { $(ReportCategory::$variant => $name,)+ }
            }
        }
    };
}

report_categories! {
    Cash => ("asset.cash", Asset, 1000, "Cash box"),
    Bank => ("asset.bank", Asset, 1100, "Bank account"),
    Savings => ("asset.savings", Asset, 1200, "Savings account"),
    Receivable => ("asset.receivable", Asset, 1500, "Amounts receivable"),
    Suspense => ("asset.suspense", Asset, 1900, "Suspense: lines to categorise"),
    Debt => ("liability.debt", Liability, 2000, "Debts"),
    OtherLiability => ("liability.other", Liability, 2900, "Other liabilities"),
    OpeningEquity => ("equity.opening", Equity, 3000, "Opening balance"),
    Pension => ("income.pension", Income, 4000, "Pensions"),
    Salary => ("income.salary", Income, 4100, "Salary and wages"),
    SocialBenefit => ("income.social_benefit", Income, 4200, "Social benefits"),
    HousingBenefit => ("income.housing_benefit", Income, 4300, "Housing benefit"),
    FamilyAllowance => ("income.family_allowance", Income, 4400, "Family allowances"),
    Refund => ("income.refund", Income, 4500, "Refunds"),
    Interest => ("income.interest", Income, 4600, "Interest"),
    OtherIncome => ("income.other", Income, 4900, "Other income"),
    Housing => ("expense.housing", Expense, 6000, "Rent and housing charges"),
    Energy => ("expense.energy", Expense, 6100, "Energy"),
    Water => ("expense.water", Expense, 6150, "Water"),
    Health => ("expense.health", Expense, 6200, "Health and health insurance"),
    Care => ("expense.care", Expense, 6250, "Care and care home"),
    Insurance => ("expense.insurance", Expense, 6300, "Insurance"),
    PersonalAllowance => ("expense.personal_allowance", Expense, 6400, "Pocket money and living allowance"),
    Telecom => ("expense.telecom", Expense, 6500, "Telephone and internet"),
    Transport => ("expense.transport", Expense, 6600, "Transport"),
    Taxes => ("expense.taxes", Expense, 6700, "Taxes"),
    BankFees => ("expense.bank_fees", Expense, 6800, "Bank fees"),
    MandateFees => ("expense.mandate_fees", Expense, 6850, "Mandate and management fees"),
    DebtCharges => ("expense.debt_charges", Expense, 6870, "Debt interest and collection costs"),
    OtherExpense => ("expense.other", Expense, 6900, "Other expenses"),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccountError {
    #[error("'{code}' is not a report category; use one of: {known}")]
    UnknownCategory { code: String, known: String },
    #[error("account {code}: a {category} account needs an IBAN")]
    IbanRequired { code: String, category: &'static str },
    #[error("account {code}: only bank and savings accounts carry an IBAN, not a {category} account")]
    IbanNotAllowed { code: String, category: &'static str },
    #[error("account code '{code}' must be 1 to 20 letters, digits, '.', '-' or '_'")]
    BadCode { code: String },
    #[error("the account name must be 1 to {ACCOUNT_NAME_LENGTH_MAX} characters")]
    BadName,
    #[error("account {code} still holds {balance}: move it to another account before closing this one")]
    NotEmpty { code: String, balance: String },
    #[error("account {code} is closed already")]
    AlreadyClosed { code: String },
    #[error("account {code} ({category}) belongs to the book's structure and cannot be closed")]
    Structural { code: String, category: &'static str },
}

impl ReportCategory {
    pub fn parse(code: &str) -> Result<ReportCategory, AccountError> {
        ReportCategory::ALL
            .iter()
            .copied()
            .find(|category| category.code() == code.trim())
            .ok_or_else(|| AccountError::UnknownCategory {
                code: code.to_owned(),
                known: ReportCategory::ALL
                    .iter()
                    .map(|category| category.code())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Bank accounts, savings accounts and the cash box: where the person's money actually is.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            ReportCategory::Cash | ReportCategory::Bank | ReportCategory::Savings
        )
    }

    fn needs_iban(self) -> bool {
        matches!(self, ReportCategory::Bank | ReportCategory::Savings)
    }
}

impl fmt::Display for ReportCategory {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

impl Serialize for ReportCategory {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// An account not yet stored: checked on the way in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub code: String,
    pub name: String,
    pub category: ReportCategory,
    pub currency: Currency,
    pub iban: Option<Iban>,
}

impl NewAccount {
    pub fn new(
        code: &str,
        name: &str,
        category: ReportCategory,
        currency: Currency,
        iban: Option<Iban>,
    ) -> Result<NewAccount, AccountError> {
        let code = code.trim();
        let code_is_valid = !code.is_empty()
            && code.len() <= 20
            && code
                .chars()
                .all(|character| character.is_ascii_alphanumeric() || ".-_".contains(character));
        if !code_is_valid {
            return Err(AccountError::BadCode { code: code.to_owned() });
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > ACCOUNT_NAME_LENGTH_MAX {
            return Err(AccountError::BadName);
        }
        match (category.needs_iban(), iban.is_some()) {
            (true, false) => {
                return Err(AccountError::IbanRequired {
                    code: code.to_owned(),
                    category: category.code(),
                });
            }
            (false, true) => {
                return Err(AccountError::IbanNotAllowed {
                    code: code.to_owned(),
                    category: category.code(),
                });
            }
            _ => {}
        }
        Ok(NewAccount {
            code: code.to_owned(),
            name: name.to_owned(),
            category,
            currency,
            iban,
        })
    }
}

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub book_id: BookId,
    pub code: String,
    pub name: String,
    pub category: ReportCategory,
    pub currency: Currency,
    pub iban: Option<Iban>,
    pub closed: bool,
}

impl Account {
    pub fn kind(&self) -> AccountKind {
        self.category.kind()
    }

    /// An account may be closed (no more postings) once its balance is zero, so closing never
    /// hides money; suspense and opening equity are part of every book and stay open.
    pub fn check_close(&self, balance_minor: i64) -> Result<(), AccountError> {
        if self.closed {
            return Err(AccountError::AlreadyClosed {
                code: self.code.clone(),
            });
        }
        if matches!(self.category, ReportCategory::Suspense | ReportCategory::OpeningEquity) {
            return Err(AccountError::Structural {
                code: self.code.clone(),
                category: self.category.code(),
            });
        }
        if balance_minor != 0 {
            let balance = super::money::Money::from_minor(balance_minor, self.currency).to_string();
            return Err(AccountError::NotEmpty {
                code: self.code.clone(),
                balance,
            });
        }
        Ok(())
    }
}

/// A bank account of the person, to be opened with the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAccountSpec {
    pub iban: Iban,
    pub name: String,
}

/// The chart every book starts with: the cash box, the person's bank accounts (1100, 1101, …),
/// suspense, debts, opening equity, and one account per income and expense category.
pub fn standard_chart(currency: Currency, bank_accounts: &[BankAccountSpec]) -> Vec<NewAccount> {
    let mut chart = Vec::new();
    for category in ReportCategory::ALL.iter().copied() {
        if category == ReportCategory::Bank {
            for (index, bank) in bank_accounts.iter().enumerate() {
                let code = (category.chart_number() + index as u32).to_string();
                chart.push(account_or_bug(
                    &code,
                    &bank.name,
                    category,
                    currency,
                    Some(bank.iban.clone()),
                ));
            }
            continue;
        }
        if matches!(
            category,
            ReportCategory::Savings | ReportCategory::Receivable | ReportCategory::OtherLiability
        ) {
            // Opened on demand: most people under a measure have none, and an empty line in
            // every report would only raise questions.
            continue;
        }
        let code = category.chart_number().to_string();
        chart.push(account_or_bug(&code, category.english_name(), category, currency, None));
    }
    chart
}

fn account_or_bug(
    code: &str,
    name: &str,
    category: ReportCategory,
    currency: Currency,
    iban: Option<Iban>,
) -> NewAccount {
    NewAccount::new(code, name, category, currency, iban).expect("BUG: the standard chart is made of valid accounts")
}

#[cfg(test)]
#[path = "account_tests.rs"]
mod tests;
