//! Finding 10: a filing the caller may not see answered differently from one that does not exist
//! (145 of 145 probes told them apart). Every record named in a path answers a caller who may not
//! know it exactly as a record that does not exist: same status, same words but for the id.

use serde_json::json;

use super::two_offices;
use crate::common::TestApp;

const MISSING: i64 = 999_999;

crate::backend_tests! {
    async fn a_hidden_record_answers_exactly_as_a_missing_one(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let outsider = app.session("supervisor2", crate::common::PASSWORD).await.unwrap();
        let other_court = app.session("greffe-metz", crate::common::PASSWORD).await.unwrap();
        let routes: Vec<(&str, String, i64)> = vec![
            ("GET", "/api/v1/filings/{}".into(), ids.filing),
            ("GET", "/api/v1/filings/{}/pdf".into(), ids.filing),
            ("GET", "/api/v1/filings/{}/data".into(), ids.filing),
            ("GET", "/api/v1/filings/{}/bundle".into(), ids.filing),
            ("POST", "/api/v1/filings/{}/review".into(), ids.filing),
            ("POST", "/court/filings/{}/review".into(), ids.filing),
            ("GET", "/api/v1/evidence/{}".into(), ids.evidence),
            ("GET", "/api/v1/entries/{}".into(), ids.entry.get()),
            ("GET", "/api/v1/payment-runs/{}".into(), ids.book_run),
            ("GET", "/api/v1/payment-files/{}".into(), ids.payment_file),
            ("POST", "/api/v1/schedules/{}/authorisation".into(), ids.schedule),
            ("GET", "/api/v1/books/{}".into(), ids.book.get()),
            ("GET", "/api/v1/mandates/{}".into(), ids.mandate),
            ("GET", "/api/v1/beneficiaries/{}".into(), ids.person),
        ];
        let mut differing = Vec::new();
        for session in [&outsider, &other_court] {
            let client = session.client();
            for (method, template, id) in &routes {
                let answer = |id: i64| {
                    let path = app.url(&template.replace("{}", &id.to_string()));
                    let client = &client;
                    let token = session.csrf_token.clone();
                    async move {
                        let request = match *method {
                            "GET" => client.get(path),
                            _ if template.starts_with("/court") => client.post(path)
                                .form(&[("csrf", token.as_str()), ("verdict", "approved")]),
                            _ if template.ends_with("review") => client.post(path).json(&json!({ "verdict": "approved" })),
                            _ => client.post(path).json(&json!({ "reference": "JT 2026/5" })),
                        };
                        let response = request.send().await.unwrap();
                        let status = response.status().as_u16();
                        let content_type = response.headers().get("content-type").map(|value| value.to_str().unwrap().to_owned());
                        (status, content_type, crate::common::said(&response.text().await.unwrap()).replace(&id.to_string(), "N"))
                    }
                };
                let hidden = answer(*id).await;
                let missing = answer(MISSING).await;
                if hidden != missing || hidden.0 != 404 {
                    differing.push(format!("{method} {template}: hidden {hidden:?}, missing {missing:?}"));
                }
            }
        }
        assert!(differing.is_empty(), "{} routes tell a hidden record from a missing one:\n{}", differing.len(), differing.join("\n"));
    }
}
