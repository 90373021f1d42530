//! Finding 12: PostgreSQL answered 500 to a NUL byte in text (6 of 8 routes, sign-in included).
//! Text with a NUL byte is bad input on both backends: 400 or 422, never 500, nothing stored.

use gestio::domain::access::Role;
use serde_json::json;

use super::post_json;
use crate::common::{TestApp, Tie, open_case};

crate::backend_tests! {
    async fn a_nul_byte_in_text_is_bad_input_on_both_backends(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Ana Costa", "LU120010001234567891").await;
        app.add_user(case.office, "marie", Role::Counsellor, Tie::None, &[case.book]).await;
        let anonymous = reqwest::Client::new();
        let (status, body) = post_json(&app, &anonymous, "/api/v1/session", &json!({ "login": "ma\u{0}rie", "password": "x" })).await;
        assert!(matches!(status, 400 | 422), "sign-in: {status} {body}");
        let response = anonymous.post(app.url("/sign-in")).form(&[("login", "ma\u{0}rie"), ("password", "x")]).send().await.unwrap();
        assert!(matches!(response.status().as_u16(), 400 | 422), "sign-in page: {}", response.status());

        let client = app.client_of("marie").await;
        let entry = json!({ "date": "2026-03-01", "description": "Loyer\u{0}mars",
            "postings": [ { "account_code": "6000", "amount": "10.00" }, { "account_code": "1100", "amount": "-10.00" } ] });
        let (status, body) = post_json(&app, &client, &format!("/api/v1/books/{}/entries", case.book), &entry).await;
        assert!(matches!(status, 400 | 422), "an entry: {status} {body}");
        assert!(body.contains("NUL"), "says what is wrong: {body}");
        let person = json!({ "office_id": case.office, "name": "Nul\u{0}Person", "language": "fr" });
        let supervisor = { app.add_user(case.office, "chef", Role::Supervisor, Tie::None, &[]).await; app.client_of("chef").await };
        let (status, body) = post_json(&app, &supervisor, "/api/v1/beneficiaries", &person).await;
        assert!(matches!(status, 400 | 422), "a person: {status} {body}");
        let mut tx = app.store.begin_read().await.unwrap();
        assert_eq!(tx.beneficiaries(Some(case.office)).await.unwrap().len(), 1, "nothing was stored");
        tx.commit().await.unwrap();
    }
}
