//! The domain: pure types and rules, no I/O, no clock, no database.

pub mod access;
pub mod account;
pub mod allocation;
pub mod anonymous;
pub mod audit;
pub mod balance;
pub mod book;
pub mod budget;
pub mod calendar;
pub mod chain;
pub mod creditor;
pub mod deadline;
pub mod evidence;
pub mod filing;
pub mod forecast;
pub mod iban;
pub mod ids;
pub mod ledger;
pub mod mandate;
pub mod money;
pub mod opening;
pub mod party;
pub mod report;
pub mod schedule;
pub mod session;
pub mod user;
