//! Running hledger, the independent check of the reports. It must be installed (Debian package
//! `hledger`); CI installs it, and under CI its absence is a failure, elsewhere a loud skip.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use gestio::domain::money::{Currency, Money};

pub fn present() -> bool {
    if Command::new("hledger").arg("--version").output().is_ok() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("hledger is not installed (apt-get install hledger); CI must run the independent check");
    }
    eprintln!("\n*** HLEDGER CHECK NOT RUN: hledger is not installed (apt-get install hledger) ***\n");
    false
}

/// hledger's balance of every account (empty ones too), in minor units, for the dates given as
/// hledger flags.
pub fn balances(journal: &Path, currency: Currency, dates: &[&str]) -> BTreeMap<String, i64> {
    let output = Command::new("hledger")
        .arg("-f")
        .arg(journal)
        .args(["balance", "--flat", "--no-total", "--empty", "-O", "csv"])
        .args(dates)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "hledger: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            let amount = record[1].trim_end_matches(currency.code()).trim();
            let minor = if amount == "0" {
                0
            } else {
                Money::parse(amount, currency).unwrap().minor()
            };
            (record[0].to_owned(), minor)
        })
        .collect()
}
