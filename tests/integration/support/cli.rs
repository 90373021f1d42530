//! Running the `gestio` binary as a user does, against a test database.
#![allow(dead_code)]

use std::process::Output;

use serde_json::Value;

use crate::common::TestDb;

/// A six-month period inside the demo that `gestio demo` makes today (by the machine's clock), which
/// opens its books on the first day of the month six months back: (from, to, the day after).
/// Starting a month after the books open keeps the opening inventories before the period.
pub fn demo_period() -> (String, String, String) {
    use chrono::{Datelike, Days, Months};
    let this_month = chrono::Local::now().date_naive().with_day(1).expect("day 1 exists");
    let from = this_month - Months::new(5);
    let after = from + Months::new(6);
    (from.to_string(), (after - Days::new(1)).to_string(), after.to_string())
}

pub fn gestio(db: &TestDb, arguments: &[&str]) -> Output {
    db.command()
        .args(arguments)
        .output()
        .expect("running the gestio binary")
}

/// Runs a command that must succeed and returns its standard output.
pub fn ok(db: &TestDb, arguments: &[&str]) -> String {
    let output = gestio(db, arguments);
    assert!(
        output.status.success(),
        "{arguments:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub fn json(db: &TestDb, arguments: &[&str]) -> Value {
    let mut with_json = arguments.to_vec();
    with_json.push("--json");
    serde_json::from_str(&ok(db, &with_json)).unwrap()
}

/// Runs a command that must fail and returns its standard error.
pub fn fails(db: &TestDb, arguments: &[&str]) -> String {
    let output = gestio(db, arguments);
    assert_eq!(output.status.code(), Some(1), "{arguments:?} should fail with exit 1");
    String::from_utf8(output.stderr).unwrap()
}

/// Creates office 1, beneficiary 1, a tutelle and book 1 (bank 1100 with 1200.00, debt 2001).
pub fn set_up_case(db: &TestDb) {
    let office = json(
        db,
        &[
            "office",
            "create",
            "--name",
            "Office social Differdange",
            "--country",
            "LU",
        ],
    );
    assert_eq!(office[0]["id"], 1);
    // The court is a record the mandate names (by name here; its id would do too).
    json(
        db,
        &[
            "court",
            "add",
            "--name",
            "Tribunal d'arrondissement de Luxembourg",
            "--jurisdiction",
            "lu",
        ],
    );
    json(
        db,
        &[
            "beneficiary",
            "create",
            "--office",
            "1",
            "--name",
            "Lena Weber",
            "--language",
            "de",
            "--birth-date",
            "1949-03-14",
        ],
    );
    let mandate = json(
        db,
        &[
            "mandate",
            "create",
            "--beneficiary",
            "1",
            "--kind",
            "tutelle",
            "--start",
            "2026-01-01",
            "--court",
            "Tribunal d'arrondissement de Luxembourg",
            "--case-number",
            "TUT 2026/9",
            "--jurisdiction",
            "lu",
            "--receipt-threshold",
            "300.00",
        ],
    );
    assert_eq!(mandate[0]["kind"], "tutelle");
    let book = json(
        db,
        &[
            "book",
            "create",
            "--beneficiary",
            "1",
            "--opened-on",
            "2026-01-01",
            "--bank",
            "LU280019400644750000=1200.00=Compte courant",
            "--debt",
            "Cofidis=800.00",
            "--cash",
            "15.50",
        ],
    );
    assert_eq!(book["book"]["id"], 1);
    assert!(book["opening_entry"].is_number());
}
