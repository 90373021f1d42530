//! A bank statement as the bank sent it, normalised across formats and versions, and the facts a
//! counsellor checks first: opening and closing balances, booked sums, whether they reconcile.
//!
//! Amounts stay `Decimal` here, exactly as written (the file may carry more decimals than the
//! currency has); they become `Money` only when booked, where such an amount is refused.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// A parsed file: its message type (`camt.053.001.02`, `csv:bcee`…) and its statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementFile {
    pub message_type: String,
    pub message_id: Option<String>,
    pub statements: Vec<Statement>,
}

/// One statement (camt.053 `Stmt`), report (camt.052 `Rpt`) or notification (camt.054 `Ntfctn`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: Option<String>,
    pub electronic_sequence: Option<String>,
    /// `CODU` (copy and duplicate), `COPY` or `DUPL` when the bank marks the statement as such.
    pub copy_duplicate: Option<String>,
    pub account_iban: Option<String>,
    pub account_other_id: Option<String>,
    pub account_currency: Option<String>,
    pub balances: Vec<Balance>,
    pub entries: Vec<StatementEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// The ISO code (`OPBD`, `PRCD`, `CLBD`, `CLAV`…) or `Prtry:<code>` for a proprietary one.
    pub code: String,
    /// Signed: a debit balance (CdtDbtInd DBIT) is negative.
    pub amount: Decimal,
    pub currency: Option<String>,
    pub date: Option<NaiveDate>,
}

/// The status of an entry: only booked entries are posted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum EntryStatus {
    #[default]
    #[serde(rename = "BOOK")]
    Booked,
    #[serde(rename = "PDNG")]
    Pending,
    #[serde(rename = "INFO")]
    Information,
    /// Anything else a bank writes (`FUTR`, proprietary codes), kept for display.
    #[serde(rename = "OTHER")]
    Other,
}

impl EntryStatus {
    pub fn code(self) -> &'static str {
        match self {
            EntryStatus::Booked => "BOOK",
            EntryStatus::Pending => "PDNG",
            EntryStatus::Information => "INFO",
            EntryStatus::Other => "OTHER",
        }
    }

    pub fn parse(code: &str) -> EntryStatus {
        match code.trim() {
            "BOOK" => EntryStatus::Booked,
            "PDNG" => EntryStatus::Pending,
            "INFO" => EntryStatus::Information,
            _ => EntryStatus::Other,
        }
    }
}

/// A line of the statement (camt `Ntry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatementEntry {
    /// Unsigned, as written; `credit` gives the direction.
    pub amount: Decimal,
    pub currency: Option<String>,
    pub credit: bool,
    pub reversal: bool,
    pub status: EntryStatus,
    pub booking_date: Option<NaiveDate>,
    pub value_date: Option<NaiveDate>,
    pub account_servicer_ref: Option<String>,
    pub entry_ref: Option<String>,
    /// `Domain/Family/SubFamily` (e.g. `PMNT/RCDT/ESCT`) or `Prtry:<code>`.
    pub bank_transaction_code: Option<String>,
    pub charges: Option<Decimal>,
    pub details: Vec<TransactionDetail>,
}

/// One part of an entry (camt `TxDtls`): a batch entry has several.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TransactionDetail {
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    pub debtor_name: Option<String>,
    pub debtor_iban: Option<String>,
    pub creditor_name: Option<String>,
    pub creditor_iban: Option<String>,
    pub end_to_end_id: Option<String>,
    pub instruction_id: Option<String>,
    /// Structured creditor references (RF, SCOR, QRR, ESR…), as written.
    pub structured_refs: Vec<String>,
    pub unstructured: Vec<String>,
}

/// A balance as the summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceFact {
    #[serde(rename = "type")]
    pub code: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub date: Option<NaiveDate>,
}

/// What `gestio statement inspect` prints per statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementFacts {
    pub message_type: String,
    pub id: Option<String>,
    pub account_iban: Option<String>,
    pub account_other_id: Option<String>,
    pub account_currency: Option<String>,
    pub opening_booked: Option<BalanceFact>,
    pub closing_booked: Option<BalanceFact>,
    pub entries: usize,
    pub entries_by_status: BTreeMap<&'static str, usize>,
    #[serde(with = "rust_decimal::serde::str")]
    pub booked_credit_sum: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub booked_debit_sum: Decimal,
    pub reversal_entries: usize,
    pub tx_details: usize,
    /// opening + booked credits − booked debits = closing; `None` when a balance is missing.
    pub reconciles: Option<bool>,
}

impl Statement {
    fn balance(&self, code: &str) -> Option<&Balance> {
        self.balances.iter().find(|balance| balance.code == code)
    }

    /// The booked opening balance: OPBD, or PRCD (the previous closing) when there is no OPBD.
    pub fn opening_booked(&self) -> Option<&Balance> {
        self.balance("OPBD").or_else(|| self.balance("PRCD"))
    }

    pub fn closing_booked(&self) -> Option<&Balance> {
        self.balance("CLBD")
    }

    /// Sums of booked credits and booked debits, unsigned.
    pub fn booked_sums(&self) -> (Decimal, Decimal) {
        self.entries
            .iter()
            .filter(|entry| entry.status == EntryStatus::Booked)
            .fold((Decimal::ZERO, Decimal::ZERO), |(credits, debits), entry| {
                if entry.credit {
                    (credits + entry.amount, debits)
                } else {
                    (credits, debits + entry.amount)
                }
            })
    }

    /// opening + booked credits − booked debits − closing; `None` when a balance is missing.
    pub fn reconcile_gap(&self) -> Option<Decimal> {
        let (opening, closing) = (self.opening_booked()?, self.closing_booked()?);
        let (credits, debits) = self.booked_sums();
        Some(opening.amount + credits - debits - closing.amount)
    }

    pub fn facts(&self, message_type: &str) -> StatementFacts {
        let fact = |balance: &Balance| BalanceFact {
            code: balance.code.clone(),
            amount: balance.amount,
            date: balance.date,
        };
        let mut entries_by_status = BTreeMap::new();
        for entry in &self.entries {
            *entries_by_status.entry(entry.status.code()).or_default() += 1;
        }
        let (booked_credit_sum, booked_debit_sum) = self.booked_sums();
        StatementFacts {
            message_type: message_type.to_owned(),
            id: self.id.clone(),
            account_iban: self.account_iban.clone(),
            account_other_id: self.account_other_id.clone(),
            account_currency: self.account_currency.clone(),
            opening_booked: self.opening_booked().map(fact),
            closing_booked: self.closing_booked().map(fact),
            entries: self.entries.len(),
            entries_by_status,
            booked_credit_sum,
            booked_debit_sum,
            reversal_entries: self.entries.iter().filter(|entry| entry.reversal).count(),
            tx_details: self.entries.iter().map(|entry| entry.details.len()).sum(),
            reconciles: self.reconcile_gap().map(|gap| gap.is_zero()),
        }
    }
}
