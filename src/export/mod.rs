//! Files gestio writes for others: SEPA payment files for the bank. Pure: bytes out, no I/O.

pub mod pain001;
