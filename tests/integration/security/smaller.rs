//! The probe's smaller findings: an assignment could not be withdrawn; an office could register
//! an IBAN another office's book holds (which broke that office's imports); a client's
//! `x-request-id` was trusted as sent; a payment run accepted an execution date in the past.

use serde_json::json;

use super::{detail, get, post_form, post_json, two_offices};
use crate::common::TestApp;

crate::backend_tests! {
    async fn withdrawing_an_assignment_ends_the_counsellors_access_at_once(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let counsellor = app.client_of("counsellor").await;
        let book = format!("/api/v1/books/{}", ids.book);
        assert_eq!(get(&app, &counsellor, &book).await.0, 200);
        let (status, body) = post_form(&app, "supervisor", &format!("/admin/users/{}/withdrawals", ids.counsellor),
            &[("book", &ids.book.to_string())]).await;
        assert_eq!(status, 303, "{body}");
        assert_eq!(get(&app, &counsellor, &book).await.0, 404, "the session still reached the book");
        let (status, _) = post_form(&app, "supervisor", &format!("/admin/users/{}/withdrawals", ids.counsellor),
            &[("book", &ids.book.to_string())]).await;
        assert_eq!(status, 404, "a second withdrawal finds nothing to withdraw");
    }

    async fn an_iban_another_office_holds_is_refused_clearly(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let second = &ids.second;
        let supervisor2 = app.client_of("supervisor2").await;
        let account = json!({ "code": "1101", "name": "Compte", "category": "asset.bank", "iban": "LU28 0019 4006 4475 0000" });
        let (status, body) = post_json(&app, &supervisor2, &format!("/api/v1/books/{}/accounts", second.book), &account).await;
        assert_eq!(status, 409, "{body}");
        let told = detail(&body);
        assert!(told.contains("LU28 0019 4006 4475 0000") && told.contains("already"), "{told}");
        assert!(!told.contains("Maria"), "the refusal names nobody: {told}");
    }

    async fn a_request_id_sent_by_the_client_is_kept_only_when_well_formed(db) {
        let app = TestApp::spawn(&db).await;
        let client = reqwest::Client::new();
        let hostile = format!("<script>{}", "x".repeat(300));
        let response = client.get(app.url("/healthz")).header("x-request-id", &hostile).send().await.unwrap();
        let given = response.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_ne!(given, hostile);
        assert!(given.len() <= 64 && given.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{given}");
        let response = client.get(app.url("/healthz")).header("x-request-id", "proxy-4f2a-0007").send().await.unwrap();
        assert_eq!(response.headers()["x-request-id"], "proxy-4f2a-0007");
    }

    async fn a_payment_run_refuses_an_execution_date_in_the_past(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let supervisor = app.client_of("supervisor").await;
        let (status, body) = post_json(&app, &supervisor, "/api/v1/payment-runs",
            &json!({ "office_id": ids.office, "book_id": ids.book, "date": "2020-01-02" })).await;
        assert_eq!(status, 422, "{body}");
        assert!(detail(&body).contains("2020-01-02"), "{body}");
    }
}
