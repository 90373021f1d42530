//! Files gestio writes for others: SEPA payment files for the bank, CSV for spreadsheets.
//! Pure: bytes out, no I/O.

pub mod csv;
pub mod pain001;
