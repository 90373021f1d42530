//! Finding 3 (medium): 2,000 requests without a session grew the database from 14.5 to 140 MB,
//! one audit row each, with paths of 60 KB. Anonymous refusals are now counted in memory and
//! stored at most once per address and minute, their path cut to 512 bytes.

use gestio::domain::audit::AuditQuery;

use crate::common::{TestApp, open_case};

/// The audit log's rows and its longest route.
async fn audit_size(app: &TestApp) -> (usize, usize) {
    let mut tx = app.store.begin_read().await.unwrap();
    let query = AuditQuery {
        limit: 100_000,
        ..AuditQuery::default()
    };
    let records = tx.audit(&query).await.unwrap();
    tx.commit().await.unwrap();
    let longest = records.iter().map(|(_, record)| record.route.len()).max().unwrap_or(0);
    (records.len(), longest)
}

crate::backend_tests! {
    async fn requests_without_a_session_do_not_fill_the_audit_log(db) {
        let app = TestApp::spawn(&db).await;
        open_case(&app.store, "Ana Costa", "LU120010001234567891").await;
        let (rows_before, _) = audit_size(&app).await;
        let long = "x".repeat(8 * 1024);
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        for round in 0..300 {
            let path = if round % 2 == 0 { format!("/api/v1/books/1/{long}{round}") } else { "/api/v1/books".to_owned() };
            let response = client.get(app.url(&path)).send().await.unwrap();
            assert!(matches!(response.status().as_u16(), 401 | 404), "{}", response.status());
        }
        let (rows_after, longest) = audit_size(&app).await;
        assert!(rows_after - rows_before <= 2, "{} rows for 300 anonymous requests", rows_after - rows_before);
        assert!(longest <= 520, "a route of {longest} bytes was stored");
    }
}
