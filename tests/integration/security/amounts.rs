//! Finding 11 (low): two entries of 5×10¹⁶ EUR made the court account show a negative total and
//! the dashboard answer 500. Amounts beyond the ceiling are refused with a named rejection, and no
//! figure wraps.

use serde_json::json;

use super::{detail, get, post_json};
use crate::common::{TestApp, open_case};
use gestio::domain::access::Role;

crate::backend_tests! {
    async fn amounts_beyond_the_ceiling_are_refused_and_nothing_wraps(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Ana Costa", "LU120010001234567891").await;
        app.add_user(case.office, "marie", Role::Counsellor, crate::common::Tie::None, &[case.book]).await;
        let client = app.client_of("marie").await;
        let path = format!("/api/v1/books/{}/entries", case.book);
        let huge = |amount: &str, negated: &str| json!({ "date": "2026-03-01", "description": "Huge",
            "postings": [ { "account_code": "6000", "amount": amount }, { "account_code": "1100", "amount": negated } ] });
        for _ in 0..2 {
            let (status, body) = post_json(&app, &client, &path, &huge("50000000000000000.00", "-50000000000000000.00")).await;
            assert_eq!(status, 422, "{body}");
            let told = detail(&body);
            assert!(told.contains("50000000000000000.00") && told.contains("100000000000.00"), "names the amount and the ceiling: {told}");
        }
        // The ceiling itself is accepted: 10¹³ cents.
        let (status, body) = post_json(&app, &client, &path, &huge("100000000000.00", "-100000000000.00")).await;
        assert_eq!(status, 201, "{body}");
        let (status, body) = get(&app, &client, "/").await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = get(&app, &client, &format!("/api/v1/books/{}/account?from=2026-01-01&to=2026-12-31", case.book)).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"expense.housing\":10000000000000"), "the largest amount is reported as it is: {body}");
    }
}
