//! Bank statements that fit the demo's dates, so the import page can be tried on the demo: the
//! demo's books are typed in by hand up to today, and a static sample file would be for months
//! the demo does not have. For the first demo person's bank account, last month's statement is
//! written as the BCEE's CSV export: each entry made by hand on the account shows a day later (as
//! a transfer ordered on one day is booked the next), and the bank's fee for the month is a line
//! the book does not have yet. Importing it shows the check against the book: every hand-made
//! line proposed as already booked, and the fee left to categorise.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::ids::OfficeId;
use crate::domain::money::Money;
use crate::service::ServiceResult;
use crate::storage::Store;

/// The demo person's account the statement is for (samples/demo/office.json).
const DEMO_IBAN: &str = "LU280019400644750000";
/// The month's account fee the bank charges: the statement's one line the book lacks.
const FEE_MINOR: i64 = -250;

/// A file to try the import on, with the bank format to choose for it.
pub struct SampleStatement {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub profile: &'static str,
}

/// Last month's statement of the demo person's account, as of `today`; `None` when the office
/// has no such account.
pub async fn demo_statement(
    store: &Store,
    office: OfficeId,
    today: NaiveDate,
) -> ServiceResult<Option<SampleStatement>> {
    let to = today
        .with_day(1)
        .and_then(|first| first.pred_opt())
        .expect("BUG: last month exists");
    let from = to.with_day(1).expect("BUG: a month has a first day");
    let mut tx = store.begin_read().await?;
    let office_books: Vec<_> = tx.books(Some(office)).await?.into_iter().map(|book| book.id).collect();
    let Some(account) = tx
        .money_accounts_by_iban(DEMO_IBAN, None)
        .await?
        .into_iter()
        .find(|account| office_books.contains(&account.book_id))
    else {
        return Ok(None);
    };
    let mut balance = tx.balance_before(account.book_id, account.id, from).await?;
    let mut lines: Vec<(NaiveDate, String, i64)> = tx
        .hand_entries(account.book_id, account.id, (from, to))
        .await?
        .into_iter()
        .map(|record| {
            let booked = (record.entry.date + Days::new(1)).min(to);
            (booked, record.description, record.entry.amount_minor)
        })
        .collect();
    lines.push((to, "Frais de tenue de compte".to_owned(), FEE_MINOR));
    lines.sort_by_key(|(date, _, _)| *date);
    let mut rows = Vec::with_capacity(lines.len());
    for (number, (date, text, amount)) in lines.into_iter().enumerate() {
        balance += amount;
        rows.push([
            "LU28 0019 4006 4475 0000".to_owned(),
            date.format("%d/%m/%Y").to_string(),
            date.format("%d/%m/%Y").to_string(),
            text.clone(),
            format!("{text} {:02}/{}", date.month(), date.year()),
            format!("DEMO{}{:03}", date.format("%Y%m%d"), number + 1),
            bank_amount(amount),
            bank_amount(balance),
        ]);
    }
    Ok(Some(SampleStatement {
        file_name: format!("bcee-demo-{}.csv", from.format("%Y-%m")),
        bytes: bcee_csv(&rows),
        profile: "bcee",
    }))
}

/// The rows as the BCEE writes them: ';', a header, Windows-1252.
fn bcee_csv(rows: &[[String; 8]]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let header = [
        "Compte",
        "Date",
        "Date valeur",
        "Contrepartie",
        "Communication",
        "Référence",
        "Montant",
        "Solde",
    ];
    writer
        .write_record(header)
        .and_then(|()| rows.iter().try_for_each(|row| writer.write_record(row)))
        .expect("BUG: writing CSV to memory cannot fail");
    let utf8 = writer.into_inner().expect("BUG: flushing CSV to memory cannot fail");
    let text = String::from_utf8(utf8).expect("BUG: the csv writer writes the UTF-8 it is given");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

/// An amount as the BCEE writes it: `1.685,20`, `-780,00`.
fn bank_amount(minor: i64) -> String {
    let plain = Money::from_minor(minor.abs(), crate::domain::money::Currency::EUR).amount_text();
    let (units, cents) = plain.split_once('.').unwrap_or((plain.as_str(), "00"));
    let mut grouped = String::new();
    for (index, digit) in units.chars().enumerate() {
        if index > 0 && (units.len() - index) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{grouped},{cents}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_the_bank_writes_them() {
        assert_eq!(bank_amount(168_520), "1.685,20");
        assert_eq!(bank_amount(-78_000), "-780,00");
        assert_eq!(bank_amount(-250), "-2,50");
        assert_eq!(bank_amount(123_456_789), "1.234.567,89");
    }
}
