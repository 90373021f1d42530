//! CSV for spreadsheets: `;` between fields (what French, German and Luxembourg spreadsheets
//! expect), UTF-8 with a byte-order mark (so they read accents right), quoting by the `csv` crate,
//! and formula-safe: a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
//! tab, carriage return first) is written with a leading apostrophe. Amounts are numbers, not
//! text, and keep their sign.

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Decimal text of an amount or a count ("-1234.50"), written as it is.
    Number(String),
}

/// The bytes of a CSV file with `header` and `rows`.
pub fn write(header: &[&str], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer
        .write_record(header)
        .expect("BUG: writing CSV to memory cannot fail");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => formula_safe(text),
                Cell::Number(number) => number.clone(),
            })
            .collect();
        writer
            .write_record(&fields)
            .expect("BUG: writing CSV to memory cannot fail");
    }
    writer.into_inner().expect("BUG: flushing CSV to memory cannot fail")
}

fn formula_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text_and_amounts_stay_numbers() {
        let rows = vec![
            vec![
                Cell::Text("=HYPERLINK(\"http://evil\")".into()),
                Cell::Number("-780.00".into()),
            ],
            vec![
                Cell::Text("Loyer; janvier \"2026\"".into()),
                Cell::Number("1685.20".into()),
            ],
            vec![Cell::Text("@SUM(A1)".into()), Cell::Text("-2+3".into())],
        ];
        let text = String::from_utf8(write(&["what", "amount"], &rows)).expect("UTF-8");
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "what;amount");
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"http://evil\"\")\";-780.00");
        assert_eq!(lines[2], "\"Loyer; janvier \"\"2026\"\"\";1685.20");
        assert_eq!(lines[3], "'@SUM(A1);'-2+3");
    }
}
