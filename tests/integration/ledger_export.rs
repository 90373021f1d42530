//! An independent check of the reports: every demo book exported as an hledger journal, and
//! hledger's own balances and period totals compared with the account's data, on both backends.
//! hledger must be installed (Debian package `hledger`); CI installs it, and under CI its absence
//! is a failure, elsewhere a loud skip.

use crate::common;
use crate::support::cli as cli_support;
use crate::support::hledger;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use cli_support::ok;
use gestio::domain::money::Currency;
use serde_json::Value;

fn export(db: &common::TestDb, folder: &Path, book: &str, from: Option<&str>) -> std::path::PathBuf {
    let path = folder.join(format!("book-{book}-{}.journal", from.unwrap_or("all")));
    let mut arguments = vec![
        "export",
        "--book",
        book,
        "--format",
        "hledger",
        "--out",
        path.to_str().unwrap(),
    ];
    if let Some(from) = from {
        arguments.extend_from_slice(&["--from", from]);
    }
    ok(db, &arguments);
    let check = Command::new("hledger")
        .arg("-f")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "hledger refuses the journal: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    path
}

crate::backend_tests! {
    async fn hledger_agrees_with_every_number_of_every_demo_account(db) {
        if !hledger::present() {
            return;
        }
        ok(&db, &["demo", "--no-serve"]);
        let folder = tempfile::tempdir().unwrap();
        let (from, to, after) = cli_support::demo_period();
        let (from, to, after) = (from.as_str(), to.as_str(), after.as_str());
        let mut income_seen = 0;
        for book in ["1", "2", "3", "4", "5", "6"] {
            let report: Value = serde_json::from_str(&ok(&db, &[
                "report", "account", "--book", book, "--from", from, "--to", to, "--format", "json",
            ])).unwrap();
            let data = &report["data"];
            let currency = Currency::parse(data["currency"].as_str().unwrap()).unwrap();
            let whole = export(&db, folder.path(), book, None);
            let brought_forward = export(&db, folder.path(), book, Some(from));
            let opening = hledger::balances(&whole, currency, &["-e", from]);
            let closing = hledger::balances(&whole, currency, &["-e", after]);
            let moved = hledger::balances(&whole, currency, &["-b", from, "-e", after]);
            let closing_again = hledger::balances(&brought_forward, currency, &["-e", after]);
            let mut income = 0;
            let mut expenses = 0;
            for (name, minor) in &moved {
                if name.starts_with("income:") { income -= minor; }
                if name.starts_with("expenses:") { expenses += minor; }
            }
            for account in data["accounts"].as_array().unwrap() {
                let name = format!("assets:{}", account["code"].as_str().unwrap());
                let figure = |field: &str| account[field].as_i64().unwrap();
                let sum = |field: &str| account[field].as_object().unwrap().values().map(|value| value.as_i64().unwrap()).sum::<i64>();
                let found = |map: &BTreeMap<String, i64>| map.get(&name).copied().unwrap_or(0);
                assert_eq!(found(&opening), figure("opening"), "book {book} {name} opening");
                assert_eq!(found(&closing), figure("closing"), "book {book} {name} closing");
                assert_eq!(found(&closing_again), figure("closing"), "book {book} {name} closing, exported from {from}");
                let net = sum("receipts") - sum("disbursements") + figure("transfers_in") - figure("transfers_out");
                assert_eq!(found(&moved), net, "book {book} {name}: the period's receipts − disbursements ± transfers");
            }
            // Every income and expense of the period reached a money account in these books.
            let category_total = |field: &str, prefix: &str| -> i64 {
                data["accounts"].as_array().unwrap().iter()
                    .flat_map(|account| account[field].as_object().unwrap().iter())
                    .filter(|(category, _)| category.starts_with(prefix))
                    .map(|(_, value)| value.as_i64().unwrap())
                    .sum()
            };
            income_seen += income;
            assert_eq!(income, category_total("receipts", "income.") - category_total("disbursements", "income."), "book {book} income");
            assert_eq!(expenses, category_total("disbursements", "expense.") - category_total("receipts", "expense."), "book {book} expenses");
        }
        assert!(income_seen > 0, "the demo books have income in the period, so the totals were compared");
    }
}
