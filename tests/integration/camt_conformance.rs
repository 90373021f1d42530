//! Conformance: every camt file of the shared real-bank corpus, parsed, gives the facts its
//! `.expected.json` lists. The corpus is found at `GESTIO_CORPUS` (CI sets it), else at
//! `../shared/iso20022` beside the repository. Missing under CI is a failure; elsewhere the test
//! says loudly that it did not run.

use std::path::{Path, PathBuf};

use gestio::import::ImportError;
use gestio::import::camt;
use gestio::import::statement::StatementFacts;
use rust_decimal::Decimal;
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = match std::env::var("GESTIO_CORPUS") {
        Ok(folder) => manifest.join(folder),
        Err(_) => manifest.join("../shared/iso20022"),
    };
    if folder.join("samples").is_dir() {
        return Some(folder);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "the ISO 20022 corpus is missing at {}: CI must run the conformance test",
            folder.display()
        );
    }
    eprintln!(
        "\n*** CAMT CONFORMANCE NOT RUN: no corpus at {} (set GESTIO_CORPUS) ***\n",
        folder.display()
    );
    None
}

/// The corpus files of one kind with their expected facts, in name order.
fn samples(corpus: &Path, prefix: &str) -> Vec<(String, Vec<u8>, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(corpus.join("samples"))
        .expect("reading the corpus folder")
        .map(|entry| {
            entry
                .expect("a corpus entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with(prefix) && name.ends_with(".xml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let folder = corpus.join("samples");
            let expected = std::fs::read_to_string(folder.join(format!("{name}.expected.json"))).ok()?;
            let bytes = std::fs::read(folder.join(&name)).expect("reading a corpus file");
            Some((
                name,
                bytes,
                serde_json::from_str(&expected).expect("expected facts are JSON"),
            ))
        })
        .collect()
}

fn decimal(value: &Value) -> Option<Decimal> {
    value
        .as_str()
        .map(|text| Decimal::from_str_exact(text).expect("an expected amount"))
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// The corpus writes a balance dated by `DtTm` as the whole timestamp; gestio keeps its date
/// part (the day the balance is for), so that is what is compared.
fn day(value: &Value) -> Option<String> {
    value.as_str().map(|text| text.chars().take(10).collect())
}

/// Compares one statement's facts with the expected ones; returns what differs.
fn differences(
    facts: &StatementFacts,
    balances: &[gestio::import::statement::Balance],
    expected: &Value,
) -> Vec<String> {
    let mut found = Vec::new();
    let mut check = |field: &str, actual: String, wanted: String| {
        if actual != wanted {
            found.push(format!("{field}: parsed {actual}, expected {wanted}"));
        }
    };
    check("id", format!("{:?}", facts.id), format!("{:?}", text(&expected["id"])));
    check(
        "account_iban",
        format!("{:?}", facts.account_iban),
        format!("{:?}", text(&expected["account_iban"])),
    );
    check(
        "account_other_id",
        format!("{:?}", facts.account_other_id),
        format!("{:?}", text(&expected["account_other_id"])),
    );
    check(
        "account_currency",
        format!("{:?}", facts.account_currency),
        format!("{:?}", text(&expected["account_currency"])),
    );
    let wanted_balances: Vec<String> = expected["balances"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|balance| {
                    format!(
                        "{} {:?} {:?}",
                        balance["type"].as_str().unwrap_or(""),
                        decimal(&balance["amount"]),
                        day(&balance["date"])
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let parsed_balances: Vec<String> = balances
        .iter()
        .map(|balance| {
            format!(
                "{} {:?} {:?}",
                balance.code,
                Some(balance.amount),
                balance.date.map(|date| date.to_string())
            )
        })
        .collect();
    check(
        "balances",
        format!("{parsed_balances:?}"),
        format!("{wanted_balances:?}"),
    );
    for (field, parsed, wanted) in [
        ("opening_booked", &facts.opening_booked, &expected["opening_booked"]),
        ("closing_booked", &facts.closing_booked, &expected["closing_booked"]),
    ] {
        let parsed = parsed.as_ref().map(|fact| {
            format!(
                "{} {} {:?}",
                fact.code,
                fact.amount.normalize(),
                fact.date.map(|date| date.to_string())
            )
        });
        let wanted = (!wanted.is_null()).then(|| {
            format!(
                "{} {} {:?}",
                wanted["type"].as_str().unwrap_or(""),
                decimal(&wanted["amount"]).unwrap_or_default().normalize(),
                day(&wanted["date"])
            )
        });
        check(field, format!("{parsed:?}"), format!("{wanted:?}"));
    }
    check("entries", facts.entries.to_string(), expected["entries"].to_string());
    let by_status: serde_json::Map<String, Value> = facts
        .entries_by_status
        .iter()
        .map(|(status, count)| ((*status).to_owned(), Value::from(*count)))
        .collect();
    check(
        "entries_by_status",
        Value::Object(by_status).to_string(),
        expected["entries_by_status"].to_string(),
    );
    for (field, parsed) in [
        ("booked_credit_sum", facts.booked_credit_sum),
        ("booked_debit_sum", facts.booked_debit_sum),
    ] {
        let wanted = decimal(&expected[field]).unwrap_or_default();
        check(field, parsed.normalize().to_string(), wanted.normalize().to_string());
    }
    check(
        "reversal_entries",
        facts.reversal_entries.to_string(),
        expected["reversal_entries"].to_string(),
    );
    check(
        "tx_details",
        facts.tx_details.to_string(),
        expected["tx_details"].to_string(),
    );
    check(
        "reconciles",
        format!("{:?}", facts.reconciles),
        format!("{:?}", expected["reconciles"].as_bool()),
    );
    found
}

#[test]
fn every_camt_file_of_the_corpus_gives_its_expected_facts() {
    let Some(corpus) = corpus() else { return };
    let files = samples(&corpus, "camt.");
    assert!(
        files.len() >= 30,
        "the corpus holds {} camt files; expected at least 30",
        files.len()
    );
    let mut problems = Vec::new();
    for (name, bytes, expected) in &files {
        let file = match camt::parse(bytes) {
            Ok(file) => file,
            Err(error) => {
                problems.push(format!("{name}: not parsed: {error}"));
                continue;
            }
        };
        if file.message_type != expected["message_type"].as_str().unwrap_or_default() {
            problems.push(format!(
                "{name}: message type {} (expected {})",
                file.message_type, expected["message_type"]
            ));
        }
        if file.message_id != text(&expected["group_header"]["msg_id"]) {
            problems.push(format!(
                "{name}: message id {:?} (expected {})",
                file.message_id, expected["group_header"]["msg_id"]
            ));
        }
        let wanted = expected["statements"].as_array().cloned().unwrap_or_default();
        if file.statements.len() != wanted.len() {
            problems.push(format!(
                "{name}: {} statements (expected {})",
                file.statements.len(),
                wanted.len()
            ));
            continue;
        }
        for (index, (statement, wanted)) in file.statements.iter().zip(&wanted).enumerate() {
            let facts = statement.facts(&file.message_type);
            for difference in differences(&facts, &statement.balances, wanted) {
                problems.push(format!("{name}, statement {}: {difference}", index + 1));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences from the corpus:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_payment_file_of_the_corpus_is_refused_as_a_statement() {
    let Some(corpus) = corpus() else { return };
    let files = samples(&corpus, "pain.");
    assert!(!files.is_empty());
    for (name, bytes, _) in &files {
        let error = camt::parse(bytes).expect_err(name);
        assert!(matches!(error, ImportError::NotAStatement { .. }), "{name}: {error}");
    }
}
