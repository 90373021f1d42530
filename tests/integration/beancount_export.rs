//! The independent check with a second program: every demo book exported as a beancount ledger,
//! loaded by beancount itself (Python package `beancount`, which CI installs), and its balances of
//! every money account before and after the period compared with the account's data, on both
//! backends. Under CI a missing beancount is a failure; elsewhere a loud skip.

use crate::support::cli as cli_support;

use std::process::Command;

use cli_support::ok;
use gestio::domain::money::{Currency, Money};
use serde_json::Value;

const BALANCES_SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/integration/support/beancount_balances.py"
);

fn beancount_present() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import beancount"])
        .output()
        .is_ok_and(|output| output.status.success());
    if found {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("beancount is not installed (pip install beancount); CI must run the independent check");
    }
    eprintln!("\n*** BEANCOUNT CHECK NOT RUN: beancount is not installed (pip install beancount) ***\n");
    false
}

crate::backend_tests! {
    async fn beancount_agrees_with_every_money_account_of_every_demo_book(db) {
        if !beancount_present() {
            return;
        }
        ok(&db, &["demo", "--no-serve"]);
        let folder = tempfile::tempdir().unwrap();
        let (from, to, after) = cli_support::demo_period();
        let (from, to, after) = (from.as_str(), to.as_str(), after.as_str());
        for book in ["1", "2", "3", "4", "5", "6"] {
            let report: Value = serde_json::from_str(&ok(&db, &[
                "report", "account", "--book", book, "--from", from, "--to", to, "--format", "json",
            ])).unwrap();
            let currency = Currency::parse(report["data"]["currency"].as_str().unwrap()).unwrap();
            for export_from in [None, Some(from)] {
                let path = folder.path().join(format!("book-{book}-{}.beancount", export_from.unwrap_or("all")));
                let mut arguments = vec!["export", "--book", book, "--format", "beancount", "--out", path.to_str().unwrap()];
                if let Some(date) = export_from {
                    arguments.extend_from_slice(&["--from", date]);
                }
                ok(&db, &arguments);
                let output = Command::new("python3").arg(BALANCES_SCRIPT).arg(&path).args([from, after]).output().unwrap();
                assert!(output.status.success(), "beancount refuses book {book}: {}", String::from_utf8_lossy(&output.stderr));
                let balances: Value = serde_json::from_slice(&output.stdout).unwrap();
                for account in report["data"]["accounts"].as_array().unwrap() {
                    let name = format!("Assets:{}", account["code"].as_str().unwrap());
                    let found = |date: &str| -> i64 {
                        balances[date][&name].as_str().map_or(0, |text| Money::parse(text, currency).unwrap().minor())
                    };
                    if export_from.is_none() {
                        assert_eq!(found(from), account["opening"].as_i64().unwrap(), "book {book} {name} opening");
                    }
                    assert_eq!(found(after), account["closing"].as_i64().unwrap(), "book {book} {name} closing ({export_from:?})");
                }
            }
        }
    }
}
