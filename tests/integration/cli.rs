//! The `gestio` binary, run as a user runs it, against a fresh database of each backend.

use crate::common;
use crate::support::cli as cli_support;

use std::process::{Command, Output};

use cli_support::{fails, gestio, json, ok, set_up_case};

use common::TestDb;
use serde_json::Value;

crate::backend_tests! {
    async fn a_counsellor_sets_up_a_case_posts_reverses_and_verifies_from_the_command_line(db) {
        set_up_case(&db);
        let entry = json(&db, &["entry", "add", "--book", "1", "--date", "2026-02-01", "--description", "Loyer février", "--posting", "6000=700.00", "--posting", "1100=-700.00", "--receipt", "F-2026-02"]);
        let entry_id = entry[0]["id"].as_i64().unwrap().to_string();
        let balance = json(&db, &["balance", "--book", "1"]);
        let bank = balance["lines"].as_array().unwrap().iter().find(|line| line["code"] == "1100").unwrap();
        assert_eq!(bank["balance"]["amount"], "500.00");
        let table = ok(&db, &["balance", "--book", "1"]);
        assert!(table.contains("total EUR: 0.00"), "{table}");
        let at_opening = json(&db, &["balance", "--book", "1", "--at", "2026-01-31"]);
        let bank = at_opening["lines"].as_array().unwrap().iter().find(|line| line["code"] == "1100").unwrap();
        assert_eq!(bank["balance"]["amount"], "1200.00");
        let reversal = json(&db, &["entry", "reverse", &entry_id, "--date", "2026-02-02", "--reason", "paid twice"]);
        assert_eq!(reversal[0]["reverses"].as_i64().unwrap().to_string(), entry_id);
        let listed = json(&db, &["entry", "list", "--book", "1", "--from", "2026-02-01"]);
        assert_eq!(listed.as_array().unwrap().len(), 2);
        let verified = ok(&db, &["verify"]);
        assert!(verified.contains("book 1: 3 entries, chain, seal, balances and stored files verified"), "{verified}");
        assert!(ok(&db, &["account", "list", "--book", "1"]).contains("LU28 0019 4006 4475 0000"));
        ok(&db, &["book", "lock", "1", "--through", "2026-01-31"]);
        let refused = fails(&db, &["entry", "add", "--book", "1", "--date", "2026-01-15", "--description", "Late", "--posting", "6000=1", "--posting", "1100=-1"]);
        assert!(refused.contains("inside the period locked through 2026-01-31"), "{refused}");
    }

    async fn mistakes_on_the_command_line_get_one_clear_line_and_exit_1(db) {
        set_up_case(&db);
        let unbalanced = fails(&db, &["entry", "add", "--book", "1", "--date", "2026-02-01", "--description", "Rent", "--posting", "6000=700.00", "--posting", "1100=-699.99"]);
        assert_eq!(unbalanced.trim(), "error: the entry was refused: the postings do not balance in EUR: they sum to 0.01 EUR, not zero");
        let unknown = fails(&db, &["entry", "add", "--book", "1", "--date", "2026-02-01", "--description", "Rent", "--posting", "6099=1", "--posting", "1100=-1"]);
        assert!(unknown.contains("book 1 has no account 6099"), "{unknown}");
        let rounding = fails(&db, &["entry", "add", "--book", "1", "--date", "2026-02-01", "--description", "Rent", "--posting", "6000=1.005", "--posting", "1100=-1.005"]);
        assert!(rounding.contains("'1.005' has more decimals than EUR has (2); amounts are never rounded"), "{rounding}");
        let iban = fails(&db, &["account", "create", "--book", "1", "--code", "1101", "--name", "Épargne", "--category", "asset.savings", "--iban", "LU290019400644750000"]);
        assert!(iban.contains("'LU290019400644750000' is not a valid IBAN"), "{iban}");
        assert!(fails(&db, &["book", "show", "99"]).contains("book 99 does not exist"));
        let court = fails(&db, &["mandate", "create", "--beneficiary", "1", "--kind", "curatelle", "--start", "2026-01-01"]);
        assert!(court.contains("a curatelle is a court measure: give the court and the case number"), "{court}");
        assert!(ok(&db, &["verify"]).contains("all sound"), "nothing half-saved");
    }

    async fn verify_names_a_tampered_entry_and_exits_1(db) {
        set_up_case(&db);
        json(&db, &["entry", "add", "--book", "1", "--date", "2026-02-01", "--description", "Loyer", "--posting", "6000=700.00", "--posting", "1100=-700.00"]);
        let (drop_trigger, update) = if db.backend == "sqlite" {
            ("DROP TRIGGER entries_are_append_only_update", "UPDATE entries SET entry_date = '2026-02-02' WHERE sequence = 2")
        } else {
            ("DROP TRIGGER entries_are_append_only ON entries", "UPDATE entries SET entry_date = '2026-02-02' WHERE sequence = 2")
        };
        tamper(&db, &[drop_trigger, update]).await;
        let output = gestio(&db, &["verify"]);
        assert_eq!(output.status.code(), Some(1));
        let report = String::from_utf8(output.stdout).unwrap();
        assert!(report.contains("book 1: BROKEN: entry 2 (number 2 of book 1) does not match its hash: it was changed after posting"), "{report}");
    }

    async fn the_demo_is_created_once_and_then_reused(db) {
        let first = ok(&db, &["demo", "--no-serve"]);
        assert!(first.contains("demo office created"), "{first}");
        assert!(first.contains("6 beneficiaries"), "{first}");
        assert!(first.contains("a bank statement fitting the demo's dates, to import (bank format bcee): demo-statements/bcee-demo-"), "{first}");
        let folder_of_db = db.key_file.parent().unwrap().join("demo-statements");
        assert_eq!(std::fs::read_dir(&folder_of_db).unwrap().count(), 1, "last month's statement written");
        assert!(!first.contains("a payment run of 0 orders"), "the demo pays rent and debts next month: {first}");
        let schedules = json(&db, &["schedule", "list", "--book", "1"]);
        assert_eq!(schedules.as_array().map(Vec::len), Some(4), "rent, energy, a debt plan and pocket money");
        let debts = json(&db, &["debt", "list", "--book", "1"]);
        assert_eq!(debts[0]["plans"][0]["active"], true, "the Cofidis plan pays on the 15th: {debts}");
        let folder = tempfile::tempdir().unwrap();
        let csv_path = folder.path().join("entries.csv");
        ok(&db, &["report", "account", "--book", "1", "--from", "2000-01-01", "--to", "2100-12-31", "--format", "csv", "--out", csv_path.to_str().unwrap()]);
        let report: serde_json::Value = serde_json::from_str(&ok(&db, &["report", "account", "--book", "1", "--from", "2000-01-01", "--to", "2100-12-31", "--format", "json"])).unwrap();
        let csv = std::fs::read_to_string(&csv_path).unwrap();
        assert_eq!(csv.lines().count(), report["data"]["entries"].as_array().unwrap().len() + 1, "{csv}");
        let accounts = report["data"]["accounts"].as_array().unwrap();
        assert!(accounts.len() >= 2 && report["header"]["case_number"] == "TUT 2024/1187", "{report}");
        let second = ok(&db, &["demo", "--no-serve"]);
        assert!(second.contains("reusing it"), "{second}");
        let mandates = json(&db, &["mandate", "list"]);
        let kinds: std::collections::BTreeSet<&str> = mandates.as_array().unwrap().iter().map(|mandate| mandate["kind"].as_str().unwrap()).collect();
        assert!(kinds.len() >= 6, "different mandate kinds: {kinds:?}");
        let people = json(&db, &["beneficiary", "list"]);
        let languages: std::collections::BTreeSet<&str> = people.as_array().unwrap().iter().map(|person| person["language"].as_str().unwrap()).collect();
        assert!(languages.len() >= 5, "{languages:?}");
        assert!(ok(&db, &["verify"]).contains("6 book(s) checked, all sound"));
        for book in 1..=6 {
            let trial = json(&db, &["balance", "--book", &book.to_string()]);
            let total: i64 = trial["lines"].as_array().unwrap().iter().map(|line| {
                line["balance"]["amount"].as_str().unwrap().replace('.', "").parse::<i64>().unwrap()
            }).sum();
            assert_eq!(total, 0, "book {book} balances");
        }
    }
}

async fn tamper(db: &TestDb, statements: &[&str]) {
    for statement in statements {
        common::raw_sql(db, statement).await.expect(statement);
    }
}

/// Runs gestio in a fresh folder with no database: `statement inspect` must not need or make one.
fn inspect(arguments: &[&str]) -> Output {
    let folder = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_gestio"))
        .current_dir(folder.path())
        .args(["statement", "inspect"])
        .args(arguments)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!folder.path().join("gestio.db").exists(), "inspect created a database");
    output
}

fn sample(name: &str) -> String {
    format!("{}/samples/camt/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn inspect_prints_the_facts_of_a_statement_as_json_without_a_database() {
    let output = inspect(&[&sample("bcee-maria-fernandes-2026-01.camt053.xml"), "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let facts: Value = serde_json::from_slice(&output.stdout).unwrap();
    let statement = &facts["statements"][0];
    assert_eq!(statement["message_type"], "camt.053.001.08");
    assert_eq!(statement["account_iban"], "LU280019400644750000");
    assert_eq!(
        statement["opening_booked"],
        serde_json::json!({ "type": "OPBD", "amount": "1240.55", "date": "2026-01-01" })
    );
    assert_eq!(statement["closing_booked"]["amount"], "1880.46");
    assert_eq!(statement["entries"], 4);
    assert_eq!(
        statement["entries_by_status"],
        serde_json::json!({ "BOOK": 3, "PDNG": 1 })
    );
    assert_eq!(statement["booked_credit_sum"], "1685.20");
    assert_eq!(statement["booked_debit_sum"], "1045.29");
    assert_eq!(statement["tx_details"], 7);
    assert_eq!(statement["reconciles"], true);
}

#[test]
fn inspect_names_an_unreadable_file_and_exits_non_zero() {
    let folder = tempfile::tempdir().unwrap();
    let cut = folder.path().join("cut.xml");
    let full = std::fs::read(sample("bcee-maria-fernandes-2026-01.camt053.xml")).unwrap();
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let output = inspect(&[cut.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("cut.xml") && error.contains("it may have been cut off"),
        "{error}"
    );
    let output = inspect(&["/nonexistent/statement.xml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("/nonexistent/statement.xml: cannot read the file")
    );
}

#[test]
fn every_command_and_subcommand_has_help() {
    let commands: &[&[&str]] = &[
        &[],
        &["migrate"],
        &["serve"],
        &["demo"],
        &["balance"],
        &["verify"],
        &["office"],
        &["office", "create"],
        &["office", "list"],
        &["office", "show"],
        &["beneficiary", "create"],
        &["beneficiary", "list"],
        &["beneficiary", "show"],
        &["mandate", "create"],
        &["mandate", "list"],
        &["mandate", "show"],
        &["book", "create"],
        &["book", "list"],
        &["book", "show"],
        &["book", "lock"],
        &["account", "create"],
        &["account", "list"],
        &["account", "show"],
        &["entry", "add"],
        &["entry", "list"],
        &["entry", "show"],
        &["entry", "reverse"],
    ];
    for command in commands {
        let output = Command::new(env!("CARGO_BIN_EXE_gestio"))
            .args(*command)
            .arg("--help")
            .output()
            .unwrap();
        assert!(output.status.success(), "{command:?} --help");
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Usage: gestio"), "{command:?}: {help}");
    }
}
