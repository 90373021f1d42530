//! Which element, at which path under an entry, a balance or a transaction detail, is which field.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::import::statement::{Balance, EntryStatus, Statement, StatementEntry, TransactionDetail};

#[derive(Default)]
pub(super) struct BalanceBuilder {
    code: Option<String>,
    amount: Option<Decimal>,
    currency: Option<String>,
    debit: bool,
    date: Option<NaiveDate>,
}

impl BalanceBuilder {
    /// Reads one element of a balance (`relative` starts at `Bal`).
    pub fn read(
        &mut self,
        relative: &[&str],
        text: &str,
        amount: Option<Decimal>,
        date: Option<NaiveDate>,
        currency: Option<&str>,
    ) {
        match relative {
            ["Bal", "Tp", "CdOrPrtry", "Cd"] | ["Bal", "Tp", "Cd"] => self.code = Some(text.to_owned()),
            ["Bal", "Tp", "CdOrPrtry", "Prtry"] => self.code = Some(format!("Prtry:{text}")),
            ["Bal", "Amt"] => (self.amount, self.currency) = (amount, currency.map(str::to_owned)),
            ["Bal", "CdtDbtInd"] => self.debit = text == "DBIT",
            ["Bal", "Dt", "Dt" | "DtTm"] => self.date = date,
            _ => {}
        }
    }

    pub fn build(self) -> Balance {
        let amount = self.amount.unwrap_or_default();
        Balance {
            code: self.code.unwrap_or_default(),
            amount: if self.debit { -amount } else { amount },
            currency: self.currency,
            date: self.date,
        }
    }
}

/// Reads one element of a statement's own fields (`relative` starts at `Stmt`, `Rpt` or `Ntfctn`).
pub(super) fn read_statement(statement: &mut Statement, relative: &[&str], text: &str) {
    let value = Some(text.to_owned());
    match relative {
        [_, "Id"] => statement.id = value,
        [_, "ElctrncSeqNb"] => statement.electronic_sequence = value,
        [_, "CpyDplctInd"] => statement.copy_duplicate = value,
        [_, "Acct", "Id", "IBAN"] => statement.account_iban = value,
        [_, "Acct", "Id", "Othr", "Id"] => statement.account_other_id = value,
        [_, "Acct", "Ccy"] => statement.account_currency = value,
        _ => {}
    }
}

#[derive(Default)]
pub(super) struct EntryBuilder {
    entry: StatementEntry,
    /// `Chrgs/TtlChrgsAndTaxAmt` when given, else the sum of `Chrgs/Amt` (v02) or
    /// `Chrgs/Rcrd/Amt` (v04+) — never both, which would count the charges twice.
    charges_total: Option<Decimal>,
    charges_records: Option<Decimal>,
}

impl EntryBuilder {
    /// Reads one element of an entry (`relative` starts at `Ntry`). `amount` and `date` are the
    /// element's text already parsed when the path is one that holds them.
    pub fn read(
        &mut self,
        relative: &[&str],
        text: &str,
        amount: Option<Decimal>,
        date: Option<NaiveDate>,
        currency: Option<&str>,
    ) {
        let entry = &mut self.entry;
        let value = || Some(text.to_owned());
        match relative {
            ["Ntry", "Amt"] => {
                (entry.amount, entry.currency) = (amount.unwrap_or_default(), currency.map(str::to_owned))
            }
            ["Ntry", "CdtDbtInd"] => entry.credit = text == "CRDT",
            ["Ntry", "RvslInd"] => entry.reversal = matches!(text, "true" | "1"),
            // Up to v06 the status is the text of <Sts>; from v08 it is <Sts><Cd> or <Sts><Prtry>.
            ["Ntry", "Sts"] if !text.is_empty() => entry.status = EntryStatus::parse(text),
            ["Ntry", "Sts", "Cd" | "Prtry"] => entry.status = EntryStatus::parse(text),
            ["Ntry", "BookgDt", _] => entry.booking_date = date,
            ["Ntry", "ValDt", _] => entry.value_date = date,
            ["Ntry", "AcctSvcrRef"] => entry.account_servicer_ref = value(),
            ["Ntry", "NtryRef"] => entry.entry_ref = value(),
            ["Ntry", "BkTxCd", "Domn", "Cd"] => entry.bank_transaction_code = value(),
            ["Ntry", "BkTxCd", "Domn", "Fmly", "Cd" | "SubFmlyCd"] => {
                let code = entry.bank_transaction_code.get_or_insert_with(String::new);
                code.push('/');
                code.push_str(text);
            }
            ["Ntry", "BkTxCd", "Prtry", "Cd"] if entry.bank_transaction_code.is_none() => {
                entry.bank_transaction_code = Some(format!("Prtry:{text}"));
            }
            ["Ntry", "Chrgs", "TtlChrgsAndTaxAmt"] => self.charges_total = amount,
            ["Ntry", "Chrgs", "Amt"] | ["Ntry", "Chrgs", "Rcrd", "Amt"] => {
                self.charges_records = Some(self.charges_records.unwrap_or_default() + amount.unwrap_or_default());
            }
            _ => {}
        }
    }

    pub fn push_detail(&mut self, detail: TransactionDetail) {
        self.entry.details.push(detail);
    }

    pub fn build(self) -> StatementEntry {
        StatementEntry {
            charges: self.charges_total.or(self.charges_records),
            ..self.entry
        }
    }
}

/// Whether the element at `relative` (under `Ntry`) holds an amount.
pub(super) fn is_entry_amount(relative: &[&str]) -> bool {
    matches!(
        relative,
        ["Ntry", "Amt"] | ["Ntry", "Chrgs", "TtlChrgsAndTaxAmt" | "Amt"] | ["Ntry", "Chrgs", "Rcrd", "Amt"]
    )
}

#[derive(Default)]
pub(super) struct DetailBuilder {
    detail: TransactionDetail,
    /// `TxDtls/Amt` (v04+), `AmtDtls/TxAmt/Amt`, `AmtDtls/InstdAmt/Amt`: the first present wins,
    /// in that order, whatever order they come in.
    direct_amount: Option<(Decimal, Option<String>)>,
    transaction_amount: Option<(Decimal, Option<String>)>,
    instructed_amount: Option<(Decimal, Option<String>)>,
}

impl DetailBuilder {
    /// Reads one element of a transaction detail (`relative` starts at `TxDtls`).
    pub fn read(&mut self, relative: &[&str], text: &str, amount: Option<Decimal>, currency: Option<&str>) {
        let detail = &mut self.detail;
        let value = || Some(text.to_owned());
        let with_currency = amount.map(|amount| (amount, currency.map(str::to_owned)));
        match relative {
            ["TxDtls", "Amt"] => self.direct_amount = with_currency,
            ["TxDtls", "AmtDtls", "TxAmt", "Amt"] => self.transaction_amount = with_currency,
            ["TxDtls", "AmtDtls", "InstdAmt", "Amt"] => self.instructed_amount = with_currency,
            ["TxDtls", "Refs", "EndToEndId"] => detail.end_to_end_id = value(),
            ["TxDtls", "Refs", "InstrId"] => detail.instruction_id = value(),
            // v02–v06: RltdPties/Dbtr/Nm; v08+: RltdPties/Dbtr/Pty/Nm.
            ["TxDtls", "RltdPties", "Dbtr", "Nm"] | ["TxDtls", "RltdPties", "Dbtr", "Pty", "Nm"] => {
                detail.debtor_name = value()
            }
            ["TxDtls", "RltdPties", "Cdtr", "Nm"] | ["TxDtls", "RltdPties", "Cdtr", "Pty", "Nm"] => {
                detail.creditor_name = value()
            }
            ["TxDtls", "RltdPties", "DbtrAcct", "Id", "IBAN"] => detail.debtor_iban = value(),
            ["TxDtls", "RltdPties", "CdtrAcct", "Id", "IBAN"] => detail.creditor_iban = value(),
            ["TxDtls", "RmtInf", "Ustrd"] if !text.is_empty() => detail.unstructured.push(text.to_owned()),
            ["TxDtls", "RmtInf", "Strd", "CdtrRefInf", "Ref"] => detail.structured_refs.push(text.to_owned()),
            _ => {}
        }
    }

    pub fn build(self) -> TransactionDetail {
        let (amount, currency) = self
            .direct_amount
            .or(self.transaction_amount)
            .or(self.instructed_amount)
            .map_or((None, None), |(amount, currency)| (Some(amount), currency));
        TransactionDetail {
            amount,
            currency,
            ..self.detail
        }
    }
}
