//! The account's entry list as XLSX, with headers and categories in the reader's language.

use rust_xlsxwriter::XlsxError;

use super::locale::Locale;
use crate::export::xlsx::{XlsxEntry, entries_workbook};
use crate::service::reports::PeriodicAccount;

pub fn entries_xlsx(account: &PeriodicAccount, locale: &Locale) -> Result<Vec<u8>, XlsxError> {
    let data = &account.data;
    let categories: Vec<String> = data
        .entries
        .iter()
        .map(|entry| {
            entry
                .category
                .map_or_else(|| locale.label("uncategorised"), |category| locale.category(category))
        })
        .collect();
    let rows: Vec<XlsxEntry<'_>> = data
        .entries
        .iter()
        .zip(&categories)
        .map(|(entry, category)| XlsxEntry {
            receipt_number: entry.receipt_number,
            date: entry.date,
            description: &entry.description,
            category,
            amount: entry.amount,
            evidence_missing: entry.evidence_missing,
            correction: entry.correction,
        })
        .collect();
    let headers = [
        "column-receipt-number",
        "column-date",
        "column-description",
        "column-category",
        "column-amount",
        "flag-evidence-missing",
        "flag-correction",
    ]
    .map(|key| locale.label(key));
    entries_workbook(&locale.label("section-entries"), &headers, &rows, data.currency)
}
