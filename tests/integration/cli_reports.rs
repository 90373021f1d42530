//! The court's account from the command line, on both backends: every demo book in every
//! jurisdiction's layout, in the court's language, with the figures of the account's data.

use crate::common;
use crate::support::cli as cli_support;

use cli_support::{fails, ok};
use gestio::domain::money::Currency;
use gestio::domain::party::Language;
use gestio::render::locale::Locale;
use serde_json::Value;

fn account_json(db: &common::TestDb, book: &str) -> Value {
    serde_json::from_str(&ok(
        db,
        &[
            "report", "account", "--book", book, "--year", "2026", "--format", "json",
        ],
    ))
    .unwrap()
}

fn html(db: &common::TestDb, book: &str, extra: &[&str]) -> String {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("account.html");
    let mut arguments = vec![
        "report",
        "account",
        "--book",
        book,
        "--year",
        "2026",
        "--format",
        "html",
        "--out",
        path.to_str().unwrap(),
    ];
    arguments.extend_from_slice(extra);
    assert_eq!(ok(db, &arguments), "", "the document goes to the file");
    std::fs::read_to_string(path).unwrap()
}

fn sum(values: &Value, field: &str) -> i64 {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|value| value[field].as_i64().unwrap())
        .sum()
}

crate::backend_tests! {
    async fn every_demo_book_renders_in_every_layout_with_its_figures(db) {
        ok(&db, &["demo", "--no-serve"]);
        let layouts = [
            ("lu", Language::Fr, ["Compte de gestion", "A. Ressources", "B. Dépenses", "C. Balance", "D. Comptes"]),
            ("fr", Language::Fr, ["Compte de gestion", "A. Ressources", "B. Dépenses", "C. Balance", "Liste des opérations"]),
            ("de", Language::De, ["Rechnungslegung", "A. Abrechnung", "B. Vermögensübersicht", "Belegliste", "4. Endbestand"]),
            ("generic", Language::En, ["Account of management", "Summary", "Receipts", "Disbursements", "List of entries"]),
        ];
        for book in ["1", "2", "3", "4", "5", "6"] {
            let account = account_json(&db, book);
            let currency = Currency::parse(account["data"]["currency"].as_str().unwrap()).unwrap();
            let opening = sum(&account["data"]["accounts"], "opening");
            let closing = sum(&account["data"]["accounts"], "closing");
            let entries = account["data"]["entries"].as_array().unwrap().len();
            for (layout, language, headings) in &layouts {
                let page = html(&db, book, &["--layout", layout]);
                let locale = Locale::new(*language);
                assert!(page.contains(&format!("<html lang=\"{}\">", language.code())), "book {book} {layout}");
                for heading in headings {
                    assert!(page.contains(heading), "book {book} {layout} lacks {heading}");
                }
                for figure in [opening, closing] {
                    let text = locale.amount(figure, currency);
                    assert!(page.contains(&text), "book {book} {layout} lacks the figure {text}");
                }
                // One row per entry in the list: its receipt number is the first cell.
                let last = format!("<td class=\"number\">{entries}</td>");
                assert!(entries == 0 || page.contains(&last), "book {book} {layout}: entry {entries} is listed");
                assert!(!page.contains("[account-") && !page.contains("[column-"), "every label is translated");
            }
        }
    }

    async fn the_court_language_and_layout_follow_the_mandate(db) {
        ok(&db, &["demo", "--no-serve"]);
        let mandates: Value = serde_json::from_str(&ok(&db, &["mandate", "list", "--json"])).unwrap();
        let books: Value = serde_json::from_str(&ok(&db, &["book", "list", "--json"])).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for mandate in mandates.as_array().unwrap() {
            let book = books.as_array().unwrap().iter().find(|book| book["beneficiary_id"] == mandate["beneficiary_id"]).unwrap();
            let page = html(&db, &book["id"].to_string(), &[]);
            let jurisdiction = mandate["jurisdiction"].as_str().unwrap();
            seen.insert(jurisdiction);
            match jurisdiction {
                "de" => assert!(page.contains("<html lang=\"de\">") && page.contains("Belegliste"), "{mandate}"),
                "lu" | "fr" => assert!(page.contains("<html lang=\"fr\">") && page.contains("D. Comptes"), "{mandate}"),
                _ => assert!(page.contains("<html lang=\"en\">") && page.contains("Account of management"), "{mandate}"),
            }
        }
        assert_eq!(seen.len(), 4, "the demo has a mandate in each jurisdiction: {seen:?}");
        let portuguese = html(&db, "1", &["--layout", "generic", "--lang", "pt"]);
        assert!(portuguese.contains("Lista de movimentos") && portuguese.contains("Verificações"), "a reader of Portuguese");
        let refused = fails(&db, &["report", "account", "--book", "1", "--year", "2026", "--format", "html", "--layout", "xx"]);
        assert!(refused.contains("lu fr de generic"), "{refused}");
        let nowhere = fails(&db, &["report", "account", "--book", "1", "--year", "2026", "--out", "account.txt"]);
        assert!(nowhere.contains("--format html, pdf, xlsx, json or csv"), "{nowhere}");
    }
}
