//! The account's entry list as an XLSX workbook for the clerk's spreadsheet: dates as dates and
//! amounts as numbers (so they sum), text as text (a formula-looking description stays text: it
//! is written as a string cell, never as a formula).

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::domain::money::Currency;

/// One line of the list.
pub struct XlsxEntry<'a> {
    pub receipt_number: u32,
    pub date: NaiveDate,
    pub description: &'a str,
    pub category: &'a str,
    /// Signed, in minor units: money in positive.
    pub amount: i64,
    pub evidence_missing: bool,
    pub correction: bool,
}

/// The workbook: one sheet, a bold header row kept in view, a filter on every column.
pub fn entries_workbook(
    sheet_name: &str,
    headers: &[String; 7],
    entries: &[XlsxEntry<'_>],
    currency: Currency,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let decimals = currency.decimals();
    let amount_format = Format::new().set_num_format(if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(decimals as usize))
    });
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, header, &bold)?;
    }
    let scale = 10_i64.pow(decimals);
    for (index, entry) in entries.iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_number(row, 0, f64::from(entry.receipt_number))?;
        sheet.write_date_with_format(row, 1, entry.date, &date_format)?;
        sheet.write_string(row, 2, entry.description)?;
        sheet.write_string(row, 3, entry.category)?;
        // A spreadsheet number is a double. Both operands are exact below 2^53 minor units and
        // IEEE division rounds correctly, so the cell holds the double nearest the amount —
        // the same value a clerk typing it would get.
        let value = entry.amount as f64 / scale as f64;
        sheet.write_number_with_format(row, 4, value, &amount_format)?;
        sheet.write_boolean(row, 5, entry.evidence_missing)?;
        sheet.write_boolean(row, 6, entry.correction)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, entries.len() as u32, 6)?;
    for (column, width) in [
        (0, 6.0),
        (1, 11.0),
        (2, 48.0),
        (3, 28.0),
        (4, 14.0),
        (5, 10.0),
        (6, 10.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    workbook.save_to_buffer()
}
