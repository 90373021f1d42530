//! Finding 13: PostgreSQL answered 500 to 16 of 384 concurrent office-wide payment runs, on
//! deadlocks. Serialization failures and deadlocks are tried again a bounded number of times.

use serde_json::json;

use super::two_offices;
use crate::common::TestApp;

crate::backend_tests! {
    async fn concurrent_office_wide_payment_runs_never_answer_500(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let supervisor = app.client_of("supervisor").await;
        let mut runs = tokio::task::JoinSet::new();
        for day in 0..24 {
            let (client, url) = (supervisor.clone(), app.url("/api/v1/payment-runs"));
            let date = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap() + chrono::Days::new(day);
            let body = json!({ "office_id": ids.office, "date": date });
            runs.spawn(async move {
                let response = client.post(url).json(&body).send().await.unwrap();
                (response.status().as_u16(), response.text().await.unwrap())
            });
        }
        let answers = runs.join_all().await;
        let failed: Vec<_> = answers.iter().filter(|(status, _)| *status >= 500).collect();
        assert!(failed.is_empty(), "{} of 24 runs failed: {failed:?}", failed.len());
    }
}
