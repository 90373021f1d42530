//! Why an import was refused: each reason names the file, the statement and what to do.

use rust_decimal::Decimal;
use thiserror::Error;

use crate::domain::ledger::EntryRejection;
use crate::domain::money::Currency;
use crate::import::ImportError;
use crate::import::lines::LineError;

/// Why a file was refused. Nothing of it was saved.
#[derive(Debug, Error)]
pub enum ImportRefusal {
    #[error("{file}: {error}")]
    Unreadable { file: String, error: ImportError },
    #[error(
        "{file}: this is not an ISO 20022 statement; for a bank CSV export, name its profile (built in: bcee, sparkasse, banque-postale, swedbank)"
    )]
    ProfileNeeded { file: String },
    #[error(
        "{file}, statement {statement}: the file does not say which account it is for; give the account's IBAN (--account-iban)"
    )]
    AccountNotNamed { file: String, statement: String },
    #[error("{file}: the file holds no statement")]
    Empty { file: String },
    #[error(
        "{file}, statement {statement}: the account is identified as '{other_id}', not by an IBAN; gestio finds accounts by IBAN"
    )]
    NoIban {
        file: String,
        statement: String,
        other_id: String,
    },
    #[error(
        "{file}, statement {statement}: no book has a bank account with IBAN {iban}; add it to the beneficiary's book first (gestio account create --category asset.bank --iban …)"
    )]
    UnknownAccount {
        file: String,
        statement: String,
        iban: String,
    },
    #[error(
        "{file}, statement {statement}: IBAN {iban} is an account of several books ({books}); import with --book to say which"
    )]
    AmbiguousAccount {
        file: String,
        statement: String,
        iban: String,
        books: String,
    },
    #[error("{file}, statement {statement}: the statement is in {found}, but account {code} is kept in {account}")]
    CurrencyMismatch {
        file: String,
        statement: String,
        found: String,
        code: String,
        account: Currency,
    },
    #[error(
        "{file}, statement {statement}: opening {opening} + booked credits {credits} − booked debits {debits} does not equal the closing balance {closing} (difference {difference}); ask the bank for a corrected statement, or import it with a reason to record it as it is"
    )]
    Unbalanced {
        file: String,
        statement: String,
        opening: Decimal,
        credits: Decimal,
        debits: Decimal,
        closing: Decimal,
        difference: Decimal,
    },
    #[error("{file}, statement {statement}, {error}")]
    Line {
        file: String,
        statement: String,
        error: LineError,
    },
    #[error("{file}, statement {statement}: the {which} balance {amount} does not fit {currency}: {reason}")]
    Balance {
        file: String,
        statement: String,
        which: &'static str,
        amount: Decimal,
        currency: Currency,
        reason: String,
    },
    #[error(
        "{file}, statement {statement}, line {line}: entry {entry} is not an entry made by hand for the same amount within 3 days of this line, or it already stands for another line; check the file against the book again and choose among the entries proposed"
    )]
    MatchNotOffered {
        file: String,
        statement: String,
        line: usize,
        entry: crate::domain::ids::EntryId,
    },
    #[error("{file}, statement {statement}: a line cannot be booked: {rejection}")]
    Entry {
        file: String,
        statement: String,
        rejection: EntryRejection,
    },
}
