//! Finding 2 (medium): court staff downloaded a receipt of an October entry when only earlier
//! months were filed. They see exactly the evidence a filing's snapshot lists.

use gestio::domain::report::Period;
use gestio::service::{evidence, filings};
use gestio::storage::EntryFilter;

use super::{get, two_offices};
use crate::common::{TestApp, date, now};
use crate::http_access::routes::PNG;

crate::backend_tests! {
    async fn court_staff_read_only_the_evidence_listed_in_what_was_filed(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        // A July receipt, attached before July is filed: the July account lists it.
        let mut tx = app.store.begin_read().await.unwrap();
        let july = EntryFilter { from: Some(date("2026-07-01")), to: Some(date("2026-07-31")), ..EntryFilter::default() };
        let july_entry = tx.entries(ids.book, july).await.unwrap()[0].id;
        tx.commit().await.unwrap();
        let filed_receipt = evidence::attach(&app.store, july_entry, "loyer-juillet.png", PNG, "test", now()).await.unwrap().id.get();
        let request = filings::FilingRequest {
            book: ids.book,
            period: Period { from: date("2026-07-01"), to: date("2026-07-31") },
            layout: None,
            language: None,
            filed_by: "test",
            now: now(),
        };
        filings::file_account(&app.store, &request).await.unwrap();

        let court = app.client_of("greffe-lux").await;
        let (status, body) = get(&app, &court, &format!("/api/v1/evidence/{filed_receipt}")).await;
        assert_eq!(status, 200, "a receipt the court was sent: {body}");
        // The receipt of the demo's newest entry was never filed.
        let (status, body) = get(&app, &court, &format!("/api/v1/evidence/{}", ids.evidence)).await;
        assert_eq!(status, 404, "a receipt outside what was filed: {body}");
        assert!(body.contains(&format!("evidence {} does not exist", ids.evidence)), "{body}");
        let (status, body) = get(&app, &court, &format!("/api/v1/books/{}/evidence", ids.book)).await;
        assert_eq!(status, 200, "{body}");
        let listed: Vec<i64> = serde_json::from_str::<serde_json::Value>(&body).unwrap().as_array().unwrap()
            .iter().map(|file| file["id"].as_i64().unwrap()).collect();
        assert_eq!(listed, vec![ids.filed_evidence, filed_receipt], "the court's list holds what was filed only");
        // The office still reads every receipt.
        let counsellor = app.client_of("counsellor").await;
        assert_eq!(get(&app, &counsellor, &format!("/api/v1/evidence/{}", ids.evidence)).await.0, 200);
    }
}
