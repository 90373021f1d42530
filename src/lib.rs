//! gestio: budget-management and guardianship accounting for social offices and tutors.
//!
//! The guided tour: read `domain` first (the rules that never bend), then `storage` (where they
//! are kept), `service` (the use cases), and the two edges, `cli` and `http`.

/// The command line.
pub mod cli;
/// Settings from flags and the environment.
pub mod config;
/// Pure types and rules: money, IBANs, accounts, entries and their invariants, mandates.
pub mod domain;
/// Files written for others: SEPA pain.001 payment files.
pub mod export;
/// The web service: JSON API, health checks and server-rendered pages.
pub mod http;
/// Bank statement parsers: camt.052/053/054 (every version) into normalised statements.
pub mod import;
/// Documents for people: the court account per jurisdiction and language, as printable HTML.
pub mod render;
/// The sealing key, read from the environment or its file at the edge (see `domain::seal`).
pub mod secret;
/// Use cases, each one db transaction: parties, books and entries, verification, the caseload.
pub mod service;
/// The database: one API over SQLite and PostgreSQL; all SQL lives here.
pub mod storage;

/// mimalloc rather than the system allocator: the web service's many small, short-lived
/// allocations across threads are faster with it, and it returns memory (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
