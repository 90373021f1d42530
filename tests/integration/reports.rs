//! The periodic account of a book, on SQLite and PostgreSQL: the ledger folded per money account,
//! checked against the bank's statement, with debts and numbered entries.

use crate::common;

use common::{eur, now, open_case};
use gestio::domain::account::ReportCategory;
use gestio::domain::report::Period;
use gestio::service::import::{ImportOptions, import_file};
use gestio::service::reports::periodic_account;

const IBAN: &str = "LU280019400644750000";

fn sample() -> Vec<u8> {
    std::fs::read(format!(
        "{}/samples/camt/bcee-maria-fernandes-2026-01.camt053.xml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

crate::backend_tests! {
    async fn the_account_of_a_year_adds_up_and_is_checked_against_the_bank(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        import_file(&store, "january.xml", &sample(), ImportOptions::default(), "test", now()).await.unwrap();
        let period = Period { from: common::date("2026-01-01"), to: common::date("2026-12-31") };
        let account = periodic_account(&store, case.book, period).await.unwrap();
        assert_eq!(account.header.case_number.as_deref(), Some("TUT 2026/1"));
        assert_eq!(account.header.measure, "tutelle");
        let data = &account.data;
        assert!(data.adds_up(), "{:?}", data.accounts);
        let bank = data.accounts.iter().find(|report| report.code == case.account("1100").code).unwrap();
        assert_eq!(bank.opening, eur("1000.00").minor(), "the opening inventory");
        assert_eq!(bank.receipts_total() - bank.disbursements_total(), eur("639.91").minor(), "January's movements");
        // The statement started at 1240.55 where the books had 1000.00: the books end 240.55 short
        // of the bank, which the clerk sees here (the first statement has no previous one, so the
        // import recorded no gap).
        let check = &account.bank_checks[0];
        assert_eq!(check.statement_minor, Some(eur("1880.46").minor()));
        assert_eq!(check.difference_minor, Some(-eur("240.55").minor()));
        assert_eq!(account.open_gaps, 0);
        // Everything imported waits on suspense: it shows as such, and is still to categorise.
        assert!(bank.disbursements.contains_key(&ReportCategory::Suspense));
        assert_eq!(data.suspense_at_end, -eur("639.91").minor());
        let numbers: Vec<u32> = data.entries.iter().map(|entry| entry.receipt_number).collect();
        assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
        assert_eq!(data.debts[0].at_start, eur("500.00").minor());
        let csv = String::from_utf8(gestio::service::reports::entries_csv(&account)).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "receipt;date;description;category;amount;currency;evidence missing;correction");
        assert_eq!(lines.len(), data.entries.len() + 1);
        assert!(lines[1].starts_with("1;2026-01-02;") && lines[1].contains(";1685.20;EUR;"), "{csv}");
    }
}
