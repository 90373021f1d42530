//! Finding 5 (medium): a schedule sent with another office's creditor id was refused with the
//! creditor's name ("Maria Fernandes (compte personnel)"). An id in a body that the caller may
//! not know about is answered as missing, with no name, exactly as an id that does not exist.

use serde_json::json;

use super::{detail, post_json, two_offices};
use crate::common::TestApp;
use crate::http_access::world::SECRET_NAME;

crate::backend_tests! {
    async fn ids_of_another_office_in_a_body_are_answered_as_missing_without_names(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let second = &ids.second;
        let foreign = second.creditor;
        let foreign_account = second.account;
        let client = app.client_of("supervisor").await;
        let schedule = |creditor: i64| json!({ "creditor_id": creditor, "amount": "10.00", "every": "monthly",
            "day": "5", "start": "2027-01-01" });
        let income = |account: i64| json!({ "account_id": account, "name": "Pension", "amount": "10.00",
            "day": "1", "start": "2027-01-01" });
        let with_paying_account = |account: i64| json!({ "creditor_id": ids.creditor, "amount": "10.00",
            "every": "monthly", "day": "5", "start": "2027-01-01", "category": "expense.other", "from_account": account });
        let cases = [
            ("schedules", schedule(foreign), schedule(999_999), "creditor"),
            ("incomes", income(foreign_account), income(999_999), "account"),
            ("schedules", with_paying_account(foreign_account), with_paying_account(999_999), "account"),
        ];
        let digits = regex::Regex::new(r"\d+").unwrap();
        for (route, known_elsewhere, missing, what) in cases {
            let path = format!("/api/v1/books/{}/{route}", ids.book);
            let (status, body) = post_json(&app, &client, &path, &known_elsewhere).await;
            let (missing_status, missing_body) = post_json(&app, &client, &path, &missing).await;
            assert_eq!(status, 404, "{route} with another office's {what}: {body}");
            assert!(!body.contains(SECRET_NAME) && !body.contains("Ana"), "{body}");
            assert_eq!(missing_status, 404, "{missing_body}");
            let (told, missing_told) = (detail(&body), detail(&missing_body));
            assert!(told.starts_with(&format!("{what} ")) && told.ends_with(" does not exist"), "{told}");
            assert_eq!(digits.replace_all(&told, "N"), digits.replace_all(&missing_told, "N"), "a known id answers as a missing one");
        }
    }
}
