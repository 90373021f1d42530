//! Bank statement import: pure parsers from the bank's bytes to normalised statements.
//!
//! Parsers read bytes and return values or a named error saying what was wrong and where; they
//! touch no database (`service::import` books what they return). Every input has a limit.

use thiserror::Error;

pub mod camt;
pub mod csv;
pub mod lines;
pub mod rules;
pub mod statement;

/// The largest statement file accepted, in bytes: a year of a busy account is a few MB.
pub const STATEMENT_BYTES_MAX: usize = 64 * 1024 * 1024;
/// The deepest element nesting accepted: real camt files stay under 20.
pub const XML_DEPTH_MAX: usize = 64;
/// The most entries one statement may carry.
pub const ENTRIES_PER_STATEMENT_MAX: usize = 200_000;
/// The most statements (Stmt, Rpt or Ntfctn) one file may carry.
pub const STATEMENTS_PER_FILE_MAX: usize = 10_000;
/// The longest text of one element, in bytes (remittance lines are 140 characters).
pub const ELEMENT_TEXT_BYTES_MAX: usize = 64 * 1024;

/// Why a file could not be read. `line` is 1-based; `path` is the element path, e.g.
/// `Document/BkToCstmrStmt/Stmt/Ntry/Amt`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; the limit is {STATEMENT_BYTES_MAX} bytes: ask the bank for shorter periods")]
    TooLarge { bytes: usize },
    #[error("line {line}: the file declares a DOCTYPE; bank statements never do, and it is refused for safety")]
    DocTypeRefused { line: usize },
    #[error("line {line}, {path}: the XML is malformed: {reason}")]
    MalformedXml { line: usize, path: String, reason: String },
    #[error("line {line}: the CSV is malformed: {reason}")]
    MalformedCsv { line: usize, reason: String },
    #[error("the file ends before the XML is complete (inside {path}): it may have been cut off while downloading")]
    Truncated { path: String },
    #[error("line {line}, {path}: elements are nested more than {XML_DEPTH_MAX} deep")]
    TooDeep { line: usize, path: String },
    #[error("line {line}, {path}: more than {max} {what} in one file")]
    TooMany {
        line: usize,
        path: String,
        what: &'static str,
        max: usize,
    },
    #[error("line {line}, {path}: unknown entity '&{name};' (only the five XML entities are allowed)")]
    UnknownEntity { line: usize, path: String, name: String },
    #[error("this is a {found} file, not a bank statement (camt.052, camt.053 or camt.054)")]
    NotAStatement { found: String },
    #[error("line {line}, {path}: '{text}' is not {expected}")]
    BadValue {
        line: usize,
        path: String,
        text: String,
        expected: &'static str,
    },
    #[error("line {line}, {path}: an amount must not be negative in camt; the direction is given by CdtDbtInd")]
    NegativeAmount { line: usize, path: String },
}
