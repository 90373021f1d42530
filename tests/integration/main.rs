//! The integration tests, compiled as one binary: each test file used to be its own binary, and
//! linking two dozen copies of the application (typst included) cost minutes and gigabytes in CI.
//! `cargo test NAME` still selects tests by path, e.g. `cargo test cli::` or `cargo test filings::`.

mod common;
mod support;

mod beancount_export;
mod browser;
mod camt_conformance;
mod caseload;
mod categorise;
mod cli;
mod cli_filings;
mod cli_payments;
mod cli_reports;
mod court_panel;
mod crash;
mod error_pages;
mod filing_season;
mod filings;
mod hand_entry_form;
mod http_access;
mod http_api;
mod http_case_payments;
mod http_entry_page;
mod http_pages;
mod http_payments;
mod http_reports;
mod http_sessions;
mod import;
mod import_page;
mod ledger_export;
mod ledger_export_random;
mod ledger_store;
mod pain001_xsd;
mod payment_loop;
mod payments;
mod reports;
mod rules_page;
mod security;
mod settings_page;
mod store_properties;
mod users;
mod waiting_lines;
