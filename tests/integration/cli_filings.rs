//! Filing, the court's review, downloads and the beneficiary's statement from the command line,
//! on both backends, on the demo office.

use crate::support::cli as cli_support;

use chrono::{Datelike, Months};
use cli_support::{fails, json, ok};
use gestio::domain::money::Currency;
use gestio::domain::party::Language;
use gestio::render::locale::Locale;
use serde_json::Value;

/// Last month (the demo's entries run up to today): "2026-10".
fn last_month() -> String {
    let previous = chrono::Utc::now()
        .date_naive()
        .checked_sub_months(Months::new(1))
        .unwrap();
    format!("{}-{:02}", previous.year(), previous.month())
}

fn sha256_file(path: &std::path::Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

fn pdf_text(path: &std::path::Path) -> Option<String> {
    match std::process::Command::new("pdftotext").arg(path).arg("-").output() {
        Ok(output) => Some(String::from_utf8(output.stdout).unwrap()),
        Err(_) if std::env::var_os("CI").is_some() => panic!("pdftotext is missing (apt-get install poppler-utils)"),
        Err(_) => {
            eprintln!("\n*** PDF TEXT NOT CHECKED: pdftotext is missing (apt-get install poppler-utils) ***\n");
            None
        }
    }
}

crate::backend_tests! {
    async fn an_account_is_filed_reviewed_and_downloaded_as_filed(db) {
        ok(&db, &["demo", "--no-serve"]);
        let folder = tempfile::tempdir().unwrap();
        let season = ok(&db, &["report", "file-due", "--office", "1", "--through", "2020-12-31", "--dry-run"]);
        assert!(season.contains("no account of office 1 whose period has ended is due by 2020-12-31"), "{season}");
        let filed = json(&db, &["report", "file", "--book", "1", "--from", "2026-01-01", "--to", "2026-06-30"]);
        let filing = filed["id"].as_i64().unwrap().to_string();
        assert_eq!(filed["period"]["to"], "2026-06-30");
        let books = json(&db, &["book", "list"]);
        assert_eq!(books[0]["locked_through"], "2026-06-30");

        let error = fails(&db, &["report", "file", "--book", "1", "--from", "2026-06-01", "--to", "2026-07-31"]);
        assert!(error.contains("overlaps what is filed and locked through 2026-06-30"), "{error}");
        let error = fails(&db, &["report", "approve", "--filing", &filing, "--remarks", " "]);
        assert!(error.contains("remarks need their text"), "{error}");
        let reviewed = json(&db, &["report", "approve", "--filing", &filing, "--remarks", "Joindre les relevés de mars"]);
        assert_eq!(reviewed["review"]["verdict"], "remarks");
        json(&db, &["report", "approve", "--filing", &filing, "--approved"]);
        let listed = json(&db, &["report", "filings", "--book", "1"]);
        assert_eq!(listed[0]["review"]["verdict"], "approved");

        let pdf = folder.path().join("filed.pdf");
        ok(&db, &["report", "download", "--filing", &filing, "--part", "pdf", "--out", pdf.to_str().unwrap()]);
        assert_eq!(sha256_file(&pdf), filed["pdf_sha256"].as_str().unwrap(), "the download is what was filed");
        let data = folder.path().join("filed.json");
        ok(&db, &["report", "download", "--filing", &filing, "--part", "json", "--out", data.to_str().unwrap()]);
        assert_eq!(sha256_file(&data), filed["data_sha256"].as_str().unwrap());
        let account: Value = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
        if let Some(text) = pdf_text(&pdf) {
            let french = Locale::new(Language::Fr);
            let currency = Currency::parse(account["data"]["currency"].as_str().unwrap()).unwrap();
            for report in account["data"]["accounts"].as_array().unwrap() {
                for field in ["opening", "closing"] {
                    let figure = french.amount(report[field].as_i64().unwrap(), currency);
                    assert!(text.contains(&figure), "the PDF lacks {field} {figure}");
                }
            }
        }
        let bundle = folder.path().join("filed.zip");
        ok(&db, &["report", "download", "--filing", &filing, "--part", "bundle", "--out", bundle.to_str().unwrap()]);
        let archive = zip::ZipArchive::new(std::fs::File::open(&bundle).unwrap()).unwrap();
        assert!(archive.file_names().any(|name| name.unwrap() == "SHA256SUMS"));
    }

    async fn the_entry_list_as_a_workbook_keeps_amounts_as_numbers(db) {
        ok(&db, &["demo", "--no-serve"]);
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("entries.xlsx");
        ok(&db, &["report", "account", "--book", "1", "--year", "2026", "--format", "xlsx", "--out", path.to_str().unwrap()]);
        let account: Value = serde_json::from_str(&ok(&db, &["report", "account", "--book", "1", "--year", "2026", "--format", "json"])).unwrap();
        let entries = account["data"]["entries"].as_array().unwrap();
        let cells = sheet_cells(&path);
        let amounts: Vec<&(String, Option<String>, String)> =
            cells.iter().filter(|(reference, _, _)| reference.starts_with('E') && reference != "E1").collect();
        assert_eq!(amounts.len(), entries.len(), "one amount per entry");
        for ((_, kind, value), entry) in amounts.iter().zip(entries) {
            assert_eq!(*kind, None, "an amount is a number cell, not text");
            let minor = entry["amount"].as_i64().unwrap();
            let written = rust_decimal::Decimal::from_str_exact(value).unwrap();
            assert_eq!(written, rust_decimal::Decimal::new(minor, 2), "entry {}", entry["receipt_number"]);
        }
        let error = fails(&db, &["report", "account", "--book", "1", "--year", "2026", "--format", "xlsx"]);
        assert!(error.contains("add --out FILE.xlsx"), "{error}");
    }

    async fn the_monthly_statement_speaks_the_persons_language_with_a_chart(db) {
        ok(&db, &["demo", "--no-serve"]);
        let month = last_month();
        let folder = tempfile::tempdir().unwrap();
        let data: Value = serde_json::from_str(&ok(
            &db,
            &["report", "statement", "--book", "1", "--month", &month, "--format", "json"],
        ))
        .unwrap();
        let currency = Currency::parse(data["currency"].as_str().unwrap()).unwrap();
        let spent: i64 = data["money_out"].as_array().unwrap().iter().map(|pair| pair[1].as_i64().unwrap()).sum();
        assert!(spent > 0, "the demo spends money every month: {data}");
        let expected = [
            ("fr", "Votre argent", "L'argent qui est sorti"),
            ("de", "Ihr Geld", "Geld, das ausgegeben wurde"),
            ("en", "Your money", "Money that went out"),
            ("pt", "O seu dinheiro", "Dinheiro que saiu"),
        ];
        for (code, title, out_heading) in expected {
            let path = folder.path().join(format!("statement-{code}.html"));
            ok(&db, &["report", "statement", "--book", "1", "--month", &month, "--lang", code, "--out", path.to_str().unwrap()]);
            let page = std::fs::read_to_string(&path).unwrap();
            let locale = Locale::new(Language::parse(code).unwrap());
            assert!(page.contains(&format!("<html lang=\"{code}\">")), "{code}");
            assert!(page.contains(title) && page.contains(&askama_escape(out_heading)), "{code}: {page}");
            assert!(page.contains(&locale.money(spent, currency)), "{code}: total out");
            assert!(page.contains("role=\"img\"") && page.contains("<desc"), "{code}: the chart is described");
            assert!(!page.contains("[statement-"), "{code}: a label is missing");
        }
        let pdf = folder.path().join("statement.pdf");
        ok(&db, &["report", "statement", "--book", "1", "--month", &month, "--format", "pdf", "--lang", "pt", "--out", pdf.to_str().unwrap()]);
        if let Some(text) = pdf_text(&pdf) {
            assert!(text.contains("O seu dinheiro"), "{text}");
            assert!(text.contains(&Locale::new(Language::Pt).amount(spent, currency)), "{text}");
        }
        // This month's statement lists next month's payments, Maria's pocket money among them, in
        // her own language (Portuguese) when none is asked for.
        let today = chrono::Utc::now().date_naive();
        let this_month = format!("{}-{:02}", today.year(), today.month());
        let path = folder.path().join("this-month.html");
        ok(&db, &["report", "statement", "--book", "1", "--month", &this_month, "--out", path.to_str().unwrap()]);
        let page = std::fs::read_to_string(&path).unwrap();
        assert!(page.contains("<html lang=\"pt\">") && page.contains("Pagamentos do próximo mês"), "{page}");
        assert!(page.contains("Maria Fernandes (compte personnel) (dinheiro de bolso)"), "{page}");
        assert!(page.contains("Agence Immobilière Sud"), "{page}");
        let error = fails(&db, &["report", "statement", "--book", "1", "--month", "January"]);
        assert!(error.contains("write the month as YYYY-MM"), "{error}");
    }
}

/// The cells of the first sheet of an XLSX file: (reference, type attribute, value).
fn sheet_cells(path: &std::path::Path) -> Vec<(String, Option<String>, String)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let cell =
        regex::Regex::new(r#"<c r="([A-Z]+[0-9]+)"(?: s="[0-9]+")?(?: t="([a-z]+)")?>(?:<v>([^<]*)</v>)?"#).unwrap();
    cell.captures_iter(&xml)
        .map(|found| {
            (
                found[1].to_owned(),
                found.get(2).map(|kind| kind.as_str().to_owned()),
                found.get(3).map_or(String::new(), |value| value.as_str().to_owned()),
            )
        })
        .collect()
}

/// The text as askama's HTML escaping writes it (apostrophes become `&#39;`).
fn askama_escape(text: &str) -> String {
    text.replace('\'', "&#39;")
}
