//! Helpers shared by several test modules: running the CLI, checking XML against an XSD,
//! and asking hledger for balances.

pub mod cli;
pub mod hledger;
pub mod xsd;
