use rust_decimal::Decimal;

use super::*;

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/samples/csv/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn decimal(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

fn profile(name: &str) -> CsvProfile {
    built_in_profile(name).unwrap()
}

#[test]
fn every_built_in_profile_is_valid() {
    for (name, _) in BUILT_IN_PROFILES {
        assert_eq!(profile(name).name, name);
    }
}

#[test]
fn reads_a_windows_1252_export_newest_first_with_running_balances() {
    let file = parse(&sample("bcee-maria-fernandes-2026-02.csv"), &profile("bcee")).unwrap();
    assert_eq!(file.message_type, "csv:bcee");
    let statement = &file.statements[0];
    assert_eq!(statement.account_iban.as_deref(), Some("LU280019400644750000"));
    assert_eq!(statement.entries.len(), 5);
    assert_eq!(
        statement.entries[0].booking_date,
        Some("2026-02-01".parse().unwrap()),
        "oldest first"
    );
    let rent = &statement.entries[2];
    assert_eq!(
        rent.details[0].creditor_name.as_deref(),
        Some("Agence Immobilière Sud"),
        "decoded from Windows-1252"
    );
    assert_eq!(rent.amount, decimal("780.00"));
    assert!(!rent.credit);
    assert_eq!(statement.opening_booked().unwrap().amount, decimal("1390.41"));
    assert_eq!(statement.closing_booked().unwrap().amount, decimal("2105.62"));
    assert_eq!(statement.facts(&file.message_type).reconciles, Some(true));
    assert_eq!(
        statement.entries[1].amount,
        decimal("1685.20"),
        "thousands separator dropped"
    );
    assert_eq!(
        statement.entries[0].details[0].unstructured,
        vec!["=HYPERLINK(\"http://example.invalid\")".to_owned()],
        "kept as plain text"
    );
}

#[test]
fn reads_a_utf8_export_with_a_bom_and_a_status_column() {
    let file = parse(&sample("sparkasse-klaus-becker-2026-03.csv"), &profile("sparkasse")).unwrap();
    let statement = &file.statements[0];
    assert_eq!(statement.account_iban.as_deref(), Some("DE89370400440532013000"));
    let facts = statement.facts(&file.message_type);
    assert_eq!(facts.entries_by_status.get("PDNG"), Some(&1));
    assert_eq!(
        (facts.booked_credit_sum, facts.booked_debit_sum),
        (decimal("1120.40"), decimal("682.00"))
    );
    assert_eq!(
        statement.entries[1].details[0].unstructured,
        vec!["Miete März; Whg. 3".to_owned()],
        "a quoted delimiter"
    );
    assert_eq!(facts.reconciles, None, "no balance column");
}

#[test]
fn reads_a_latin1_export_with_a_preamble_and_debit_and_credit_columns() {
    let file = parse(
        &sample("banque-postale-sophie-martin-2026-03.csv"),
        &profile("banque-postale"),
    )
    .unwrap();
    let statement = &file.statements[0];
    assert_eq!(statement.account_iban, None, "the IBAN is given when importing");
    let facts = statement.facts(&file.message_type);
    assert_eq!(
        (facts.entries, facts.booked_credit_sum, facts.booked_debit_sum),
        (4, decimal("1254.05"), decimal("609.00"))
    );
    assert_eq!(
        statement.entries[2].details[0].unstructured,
        vec!["PRELEVEMENT METZ HABITAT TERRITOIRE LOYER".to_owned()]
    );
}

#[test]
fn reads_columns_by_position_without_a_header() {
    let file = parse(&sample("swedbank-anna-lindqvist-2026-01.csv"), &profile("swedbank")).unwrap();
    let statement = &file.statements[0];
    assert_eq!(statement.account_currency.as_deref(), Some("SEK"));
    assert_eq!(
        statement.entries[3].details[0].unstructured,
        vec!["El, januari".to_owned()]
    );
    assert_eq!(statement.opening_booked().unwrap().amount, decimal("14230.00"));
    assert_eq!(statement.facts(&file.message_type).reconciles, Some(true));
}

#[test]
fn a_latin1_file_read_as_utf8_is_refused_naming_the_line() {
    let error = parse(&sample("bcee-maria-fernandes-2026-02.csv"), &profile("sparkasse")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1, profile sparkasse: 'bytes that are not UTF-8' is not UTF-8 text (is the file Windows-1252 or ISO-8859-1? use a profile with that encoding)"
    );
}

#[test]
fn a_row_with_a_wrong_column_count_is_named_by_its_line() {
    let mut text = String::from_utf8(sample("swedbank-anna-lindqvist-2026-01.csv")).unwrap();
    text.push_str("SE4550000000058398257466,2026-01-27,2026-01-27,Telia,-249.00,21961.00\n");
    let error = parse(text.as_bytes(), &profile("swedbank")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 5: the CSV is malformed: the row has 6 fields where the first row has 7: check the delimiter and the quoting"
    );
}

#[test]
fn a_profile_that_does_not_fit_the_file_says_which_column_is_missing() {
    let error = parse(&sample("sparkasse-klaus-becker-2026-03.csv"), &profile("bcee")).unwrap_err();
    assert!(error.to_string().contains("is not a column of the file"), "{error}");
    let broken = "name = \"x\"\ndescription = \"\"\nencoding = \"utf-8\"\ndelimiter = \",\"\nheader = true\ndate_format = \"%F\"\ndecimal = \".\"\ncurrency = \"EUR\"\n[columns]\nbooking_date = \"Date\"\n";
    assert_eq!(
        CsvProfile::parse(broken).unwrap_err(),
        "a profile needs an amount column, or both debit and credit columns"
    );
}
