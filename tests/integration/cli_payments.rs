//! Creditor payments from the command line, on both backends: creditor, schedules, a run that
//! writes its pain.001 into a folder, four eyes, the file again byte for byte, debts, forecast.

use crate::support::cli as cli_support;
use crate::support::xsd;

use chrono::{Datelike, Days, Months, NaiveDate};
use cli_support::{fails, json, ok, set_up_case};
use gestio::domain::calendar::Calendar;

/// The first day of next month, by the machine's clock: the command line runs payments from
/// today on, so the schedules and runs here start there.
fn next_month() -> NaiveDate {
    let today = chrono::Local::now().date_naive();
    today.with_day(1).unwrap() + Months::new(1)
}

crate::backend_tests! {
    async fn a_counsellor_pays_rent_and_a_debt_instalment_from_the_command_line(db) {
        set_up_case(&db);
        let first = next_month();
        let start = first.to_string();
        let landlord = ok(&db, &[
            "creditor", "add", "--office", "1", "--name", "Résidence Les Tilleuls & Cie", "--iban", "LU120010001234567891",
            "--street", "Rue de Hollerich", "--building", "12", "--postcode", "L-1740", "--town", "Luxembourg", "--country", "LU",
            "--remittance", "Loyer",
        ]);
        assert!(landlord.starts_with("creditor 1 added"), "{landlord}");
        ok(&db, &["creditor", "add", "--office", "1", "--name", "Cofidis", "--iban", "FR1420041010050500013M02606", "--town", "Paris", "--country", "FR"]);
        ok(&db, &["schedule", "add", "--book", "1", "--creditor", "1", "--amount", "750.00", "--category", "expense.housing", "--day", "1", "--start", &start, "--priority", "1"]);
        ok(&db, &["schedule", "add", "--book", "1", "--creditor", "2", "--amount", "300.00", "--account", "2001", "--until-repaid", "--day", "1", "--start", &start, "--priority", "4", "--remittance", "RF18 5390 0754 7034"]);
        let schedules = json(&db, &["schedule", "list", "--book", "1"]);
        assert_eq!(schedules.as_array().map(Vec::len), Some(2));

        let folder = tempfile::tempdir().unwrap();
        let out = folder.path().to_str().unwrap();
        let report = json(&db, &["pay", "run", "--office", "1", "--date", &start, "--out", out]);
        assert_eq!(report["orders"].as_array().map(Vec::len), Some(2), "{report}");
        assert_eq!(report["holds"].as_array().map(Vec::len), Some(0), "1200.00 pays 750.00 and 300.00");
        let name = format!("{}.xml", report["files"][0]["message_id"].as_str().unwrap());
        let written = std::fs::read(folder.path().join(&name)).unwrap();
        if let Some(schemas) = xsd::schemas() {
            for schema in xsd::schemas_for("pain.001.001.09") {
                xsd::validate(&schemas, &schema, &written).unwrap_or_else(|report| panic!("{schema}: {report}"));
            }
        }
        let again = folder.path().join("again.xml");
        ok(&db, &["pay", "file", "1", "--out", again.to_str().unwrap()]);
        assert_eq!(std::fs::read(again).unwrap(), written, "downloading again gives the same bytes");

        ok(&db, &["pay", "settings", "--book", "1", "--reserve", "100.00"]);
        let debts = json(&db, &["debt", "list", "--book", "1"]);
        assert_eq!(debts[0]["on_the_way_minor"], 30_000, "{debts}");
        // The second month's payments take the balance below the reserve, on their bank day.
        let below = Calendar::Target2.roll_forward(first + Months::new(1));
        let forecast = ok(&db, &["forecast", "--book", "1", "--today", &(first - Days::new(8)).to_string(), "--days", "45"]);
        assert!(forecast.contains(&format!("first day below the reserve: {below}")), "{forecast}");
        // Late: the bank has not shown them past the matching window after their execution day.
        let executed = Calendar::Target2.roll_forward(first);
        let late_on = Calendar::Target2.add_business_days(executed, 6);
        let late = ok(&db, &["pay", "late", "--today", &late_on.to_string()]);
        assert_eq!(late.lines().count(), 3, "a header and both orders: {late}");
    }

    async fn four_eyes_from_the_command_line(db) {
        set_up_case(&db);
        ok(&db, &["creditor", "add", "--office", "1", "--name", "Enovos", "--iban", "LU120010001234567891", "--town", "Luxembourg", "--country", "LU", "--category", "expense.energy"]);
        // No --category: the creditor's default (expense.energy) is used.
        let day = next_month().to_string();
        ok(&db, &["schedule", "add", "--book", "1", "--creditor", "1", "--amount", "90.00", "--every", "once", "--start", &day]);
        let schedules = json(&db, &["schedule", "list", "--book", "1"]);
        assert_eq!(schedules[0]["target"], serde_json::json!({ "category": "expense.energy" }), "{schedules}");
        ok(&db, &["pay", "settings", "--office", "1", "--four-eyes", "true"]);
        let prepared = ok(&db, &["--author", "anne", "pay", "run", "--office", "1", "--date", &day]);
        assert!(prepared.contains("waiting for approval by a second person: gestio pay approve 1"), "{prepared}");
        let no_target = fails(&db, &["creditor", "add", "--office", "1", "--name", "X", "--iban", "LU120010001234567891", "--town", "L", "--country", "LU", "--category", "expense.nothing"]);
        assert!(no_target.contains("expense.nothing"), "{no_target}");
        let refused = fails(&db, &["--author", "anne", "pay", "approve", "1"]);
        assert!(refused.contains("requires a second person"), "{refused}");
        let approved = ok(&db, &["--author", "bernard", "pay", "approve", "1"]);
        assert!(approved.contains("approved") && approved.contains("1 transfers"), "{approved}");
    }
}
