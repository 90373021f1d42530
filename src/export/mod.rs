//! Files gestio writes for others: SEPA payment files for the bank, CSV for spreadsheets, the
//! book as an hledger journal for an independent check, the entry list as XLSX.
//! Pure: bytes out, no I/O.

pub mod csv;
pub mod ledger_text;
pub mod pain001;
pub mod xlsx;
