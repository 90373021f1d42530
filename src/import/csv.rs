//! Bank CSV exports, read through a profile per bank layout (TOML, see `samples/csv-profiles/`).
//!
//! A profile says how the bank writes its file: encoding (UTF-8 with or without BOM,
//! Windows-1252, ISO-8859-1), delimiter, preamble lines before the header, columns by header
//! name or by position, date format, decimal comma or point and thousands separator, one signed
//! amount or separate debit and credit columns, and optional status, reference and running
//! balance columns. The rows become the same statements camt files become: one per account.
//! Text is kept exactly as written, including text that looks like a spreadsheet formula.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::statement::{Balance, EntryStatus, Statement, StatementEntry, StatementFile, TransactionDetail};
use super::{ENTRIES_PER_STATEMENT_MAX, ImportError, STATEMENT_BYTES_MAX};

mod profiles;

pub use profiles::{BUILT_IN_PROFILES, built_in_profile};

/// A column by its header name, or by its 1-based position when the file has no header.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Column {
    Position(usize),
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub booking_date: Column,
    pub value_date: Option<Column>,
    /// One signed amount (money in positive) …
    pub amount: Option<Column>,
    /// … or two unsigned columns.
    pub debit: Option<Column>,
    pub credit: Option<Column>,
    pub counterparty: Option<Column>,
    pub counterparty_iban: Option<Column>,
    pub remittance: Option<Column>,
    pub reference: Option<Column>,
    pub status: Option<Column>,
    /// The account's balance after the row: gives the statement's opening and closing balances.
    pub balance: Option<Column>,
    /// The account's IBAN, when the bank repeats it on every row.
    pub account_iban: Option<Column>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvProfile {
    pub name: String,
    pub description: String,
    /// `utf-8` (a BOM is allowed), `windows-1252` or `iso-8859-1`.
    pub encoding: String,
    pub delimiter: char,
    #[serde(default)]
    pub preamble_lines: usize,
    pub header: bool,
    /// chrono format, e.g. `%d/%m/%Y`.
    pub date_format: String,
    pub decimal: char,
    pub thousands: Option<char>,
    pub currency: String,
    /// Status values that mean the row is not booked yet (pending).
    #[serde(default)]
    pub pending_values: Vec<String>,
    pub columns: Columns,
}

impl CsvProfile {
    pub fn parse(text: &str) -> Result<CsvProfile, String> {
        let profile: CsvProfile = toml::from_str(text).map_err(|error| error.to_string())?;
        let columns = &profile.columns;
        if columns.amount.is_none() && (columns.debit.is_none() || columns.credit.is_none()) {
            return Err("a profile needs an amount column, or both debit and credit columns".to_owned());
        }
        if !["utf-8", "windows-1252", "iso-8859-1"].contains(&profile.encoding.as_str()) {
            return Err(format!(
                "encoding '{}' is not one of utf-8, windows-1252, iso-8859-1",
                profile.encoding
            ));
        }
        Ok(profile)
    }
}

/// Reads a CSV export with `profile` into statements, one per account.
pub fn parse(bytes: &[u8], profile: &CsvProfile) -> Result<StatementFile, ImportError> {
    if bytes.len() > STATEMENT_BYTES_MAX {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = decode(bytes, profile)?;
    let body = skip_lines(&text, profile.preamble_lines);
    let first_line = profile.preamble_lines + 1;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(u8::try_from(profile.delimiter).unwrap_or(b';'))
        .has_headers(profile.header)
        .flexible(false)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = if profile.header {
        reader
            .headers()
            .map_err(|error| csv_error(&error, first_line))?
            .iter()
            .map(|header| header.trim().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    let layout = Layout::new(&profile.columns, &headers, first_line)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| csv_error(&error, first_line))?;
        let line =
            first_line + usize::try_from(record.position().map_or(0, |position| position.line())).unwrap_or(0) - 1;
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        rows.push(read_row(&record, line, &layout, profile)?);
        if rows.len() > ENTRIES_PER_STATEMENT_MAX {
            return Err(ImportError::TooMany {
                line,
                path: "row".into(),
                what: "rows",
                max: ENTRIES_PER_STATEMENT_MAX,
            });
        }
    }
    Ok(StatementFile {
        message_type: format!("csv:{}", profile.name),
        message_id: None,
        statements: statements_of(rows, profile),
    })
}

/// The text in the profile's encoding. A UTF-8 profile refuses bytes that are not UTF-8 and
/// names the line, rather than guessing: a wrong guess would change names and amounts.
fn decode(bytes: &[u8], profile: &CsvProfile) -> Result<String, ImportError> {
    if profile.encoding == "utf-8" {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        return String::from_utf8(bytes.to_vec()).map_err(|error| {
            let valid = error.utf8_error().valid_up_to();
            let line = bytes[..valid].iter().filter(|byte| **byte == b'\n').count() + 1;
            ImportError::BadValue {
                line,
                path: format!("profile {}", profile.name),
                text: "bytes that are not UTF-8".into(),
                expected: "UTF-8 text (is the file Windows-1252 or ISO-8859-1? use a profile with that encoding)",
            }
        });
    }
    // encoding_rs treats ISO-8859-1 as Windows-1252, its superset for printable text.
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(text.into_owned())
}

fn skip_lines(text: &str, count: usize) -> &str {
    let mut rest = text;
    for _ in 0..count {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

fn csv_error(error: &csv::Error, first_line: usize) -> ImportError {
    let line = error.position().map_or(first_line, |position| {
        first_line + usize::try_from(position.line()).unwrap_or(0) - 1
    });
    let reason = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!(
                "the row has {len} fields where the first row has {expected_len}: check the delimiter and the quoting"
            )
        }
        _ => error.to_string(),
    };
    ImportError::MalformedCsv { line, reason }
}

/// Column positions resolved against the header.
struct Layout {
    positions: BTreeMap<&'static str, usize>,
}

impl Layout {
    fn new(columns: &Columns, headers: &[String], line: usize) -> Result<Layout, ImportError> {
        let mut positions = BTreeMap::new();
        let named = [
            ("booking_date", Some(&columns.booking_date)),
            ("value_date", columns.value_date.as_ref()),
            ("amount", columns.amount.as_ref()),
            ("debit", columns.debit.as_ref()),
            ("credit", columns.credit.as_ref()),
            ("counterparty", columns.counterparty.as_ref()),
            ("counterparty_iban", columns.counterparty_iban.as_ref()),
            ("remittance", columns.remittance.as_ref()),
            ("reference", columns.reference.as_ref()),
            ("status", columns.status.as_ref()),
            ("balance", columns.balance.as_ref()),
            ("account_iban", columns.account_iban.as_ref()),
        ];
        for (field, column) in named {
            let Some(column) = column else { continue };
            let position = match column {
                Column::Position(position) => position.checked_sub(1),
                Column::Name(name) => headers.iter().position(|header| header.eq_ignore_ascii_case(name)),
            };
            let position = position.ok_or_else(|| ImportError::BadValue {
                line,
                path: "CSV header".into(),
                text: format!("{column:?}"),
                expected: "a column of the file (check the profile against the file's header)",
            })?;
            positions.insert(field, position);
        }
        Ok(Layout { positions })
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        self.positions
            .get(field)
            .and_then(|position| record.get(*position))
            .map(str::trim)
            .filter(|text| !text.is_empty())
    }
}

struct Row {
    account: Option<String>,
    entry: StatementEntry,
    balance_after: Option<Decimal>,
}

fn read_row(
    record: &csv::StringRecord,
    line: usize,
    layout: &Layout,
    profile: &CsvProfile,
) -> Result<Row, ImportError> {
    let bad = |field: &str, text: &str, expected: &'static str| ImportError::BadValue {
        line,
        path: format!("column {field}"),
        text: text.to_owned(),
        expected,
    };
    let date = |field: &str| -> Result<Option<NaiveDate>, ImportError> {
        layout
            .get(record, field)
            .map(|text| {
                NaiveDate::parse_from_str(text, &profile.date_format)
                    .map_err(|_| bad(field, text, "a date in the profile's format"))
            })
            .transpose()
    };
    let amount = |field: &str| -> Result<Option<Decimal>, ImportError> {
        layout
            .get(record, field)
            .map(|text| number(text, profile).ok_or_else(|| bad(field, text, "an amount")))
            .transpose()
    };
    let signed = match (amount("amount")?, amount("debit")?, amount("credit")?) {
        (Some(signed), _, _) => signed,
        (None, debit, credit) => credit.unwrap_or_default().abs() - debit.unwrap_or_default().abs(),
    };
    let credit = signed.is_sign_positive() && !signed.is_zero();
    let booking_date = date("booking_date")?.ok_or_else(|| bad("booking_date", "", "a booking date"))?;
    let pending = layout.get(record, "status").is_some_and(|status| {
        profile
            .pending_values
            .iter()
            .any(|value| value.eq_ignore_ascii_case(status))
    });
    let (name, iban) = (
        layout.get(record, "counterparty").map(str::to_owned),
        layout.get(record, "counterparty_iban").map(str::to_owned),
    );
    let detail = TransactionDetail {
        debtor_name: if credit { name.clone() } else { None },
        debtor_iban: if credit { iban.clone() } else { None },
        creditor_name: if credit { None } else { name },
        creditor_iban: if credit { None } else { iban },
        unstructured: layout
            .get(record, "remittance")
            .map(|text| vec![text.to_owned()])
            .unwrap_or_default(),
        ..TransactionDetail::default()
    };
    let entry = StatementEntry {
        amount: signed.abs(),
        currency: Some(profile.currency.clone()),
        credit,
        status: if pending {
            EntryStatus::Pending
        } else {
            EntryStatus::Booked
        },
        booking_date: Some(booking_date),
        value_date: date("value_date")?,
        account_servicer_ref: layout.get(record, "reference").map(str::to_owned),
        details: vec![detail],
        ..StatementEntry::default()
    };
    Ok(Row {
        account: layout.get(record, "account_iban").map(str::to_owned),
        entry,
        balance_after: amount("balance")?,
    })
}

/// A number as the bank writes it: thousands separators dropped, the decimal mark made a point.
fn number(text: &str, profile: &CsvProfile) -> Option<Decimal> {
    let mut cleaned: String = text
        .chars()
        .filter(|character| Some(*character) != profile.thousands && !character.is_whitespace())
        .collect();
    if profile.decimal != '.' {
        cleaned = cleaned.replace(profile.decimal, ".");
    }
    let cleaned = cleaned.trim_start_matches('+');
    Decimal::from_str_exact(cleaned).ok()
}

/// Rows grouped by account, in date order; with a balance column, the statement's opening and
/// closing balances come from the first and last booked rows.
fn statements_of(rows: Vec<Row>, profile: &CsvProfile) -> Vec<Statement> {
    let mut by_account: BTreeMap<Option<String>, Vec<Row>> = BTreeMap::new();
    for row in rows {
        by_account.entry(row.account.clone()).or_default().push(row);
    }
    by_account
        .into_iter()
        .map(|(account, mut rows)| {
            // Banks list newest first or oldest first: put them oldest first, keeping the order of a day.
            if rows.first().and_then(|row| row.entry.booking_date) > rows.last().and_then(|row| row.entry.booking_date)
            {
                rows.reverse();
            }
            let balances = balances_of(&rows, profile);
            Statement {
                account_iban: account.map(|iban| iban.replace(' ', "")),
                account_currency: Some(profile.currency.clone()),
                balances,
                entries: rows.into_iter().map(|row| row.entry).collect(),
                ..Statement::default()
            }
        })
        .collect()
}

fn balances_of(rows: &[Row], profile: &CsvProfile) -> Vec<Balance> {
    let booked: Vec<&Row> = rows
        .iter()
        .filter(|row| row.entry.status == EntryStatus::Booked && row.balance_after.is_some())
        .collect();
    let (Some(first), Some(last)) = (booked.first(), booked.last()) else {
        return Vec::new();
    };
    let signed = |row: &Row| {
        if row.entry.credit {
            row.entry.amount
        } else {
            -row.entry.amount
        }
    };
    let currency = Some(profile.currency.clone());
    vec![
        Balance {
            code: "OPBD".into(),
            amount: first.balance_after.unwrap_or_default() - signed(first),
            currency: currency.clone(),
            date: first.entry.booking_date,
        },
        Balance {
            code: "CLBD".into(),
            amount: last.balance_after.unwrap_or_default(),
            currency,
            date: last.entry.booking_date,
        },
    ]
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
