//! The payments API over HTTP, on both backends: creditor, schedule, run, the file download
//! byte for byte, four eyes answered as a conflict, debts, forecast and late orders.

use crate::common;

use common::{TestApp, open_case};
use reqwest::StatusCode;
use serde_json::{Value, json};

const IBAN: &str = "LU280019400644750000";

async fn post(app: &TestApp, path: &str, body: Value) -> (StatusCode, Value) {
    let response = app.client.post(app.url(path)).json(&body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

crate::backend_tests! {
    async fn a_payment_run_through_the_api(db) {
        let mut app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Rui Almeida", IBAN).await;
        app.sign_in_supervisor(case.office).await;
        let (office, book) = (case.office.get(), case.book.get());
        let (status, creditor) = post(&app, &format!("/api/v1/offices/{office}/creditors"), json!({
            "name": "Luxlait Énergie", "iban": "LU120010001234567891", "town": "Bissen", "country": "LU", "postcode": "L-7766",
            "category": "expense.energy"
        })).await;
        assert_eq!(status, StatusCode::CREATED, "{creditor}");
        let (status, refused) = post(&app, &format!("/api/v1/offices/{office}/creditors"), json!({
            "name": "Nobody", "iban": "LU00 0000", "town": "Bissen", "country": "LU"
        })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(refused["detail"].as_str().unwrap().contains("not a valid IBAN"));
        let (status, schedule) = post(&app, &format!("/api/v1/books/{book}/schedules"), json!({
            "creditor_id": creditor["id"], "amount": "120.00", "every": "monthly", "day": "5",
            "start": "2026-12-01", "priority": 2
        })).await;
        assert_eq!(status, StatusCode::CREATED, "{schedule}");
        let (status, bad) = post(&app, &format!("/api/v1/books/{book}/schedules"), json!({
            "creditor_id": creditor["id"], "amount": "120.005", "category": "expense.energy", "every": "fortnightly", "start": "2026-12-01"
        })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");

        let (status, _) = post(&app, &format!("/api/v1/offices/{office}/payment-settings"), json!({ "four_eyes": true })).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, run) = post(&app, "/api/v1/payment-runs", json!({ "office_id": office, "date": "2026-12-05" })).await;
        assert_eq!(status, StatusCode::CREATED, "{run}");
        assert_eq!(run["run"]["state"], "prepared");
        // The API author prepared it: approving as the same author is a conflict.
        let (status, conflict) = post(&app, &format!("/api/v1/payment-runs/{}/approval", run["run"]["id"]), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{conflict}");
        let (status, _) = post(&app, &format!("/api/v1/offices/{office}/payment-settings"), json!({ "four_eyes": false })).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, approved) = post(&app, &format!("/api/v1/payment-runs/{}/approval", run["run"]["id"]), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{approved}");
        let file_id = approved["files"][0]["id"].as_i64().unwrap();
        let first = app.client.get(app.url(&format!("/api/v1/payment-files/{file_id}"))).send().await.unwrap();
        assert_eq!(first.headers()["content-type"], "application/xml");
        let first = first.bytes().await.unwrap();
        let second = app.client.get(app.url(&format!("/api/v1/payment-files/{file_id}"))).send().await.unwrap().bytes().await.unwrap();
        assert_eq!(first, second);
        assert!(String::from_utf8_lossy(&first).contains("<Nm>Luxlait Energie</Nm>"));
        let (status, shown) = get(&app, &format!("/api/v1/payment-runs/{}", run["run"]["id"])).await;
        assert_eq!((status, shown["orders"][0]["state"].as_str()), (StatusCode::OK, Some("exported")));

        let (status, forecast) = get(&app, &format!("/api/v1/books/{book}/forecast?today=2026-11-23&days=20")).await;
        assert_eq!(status, StatusCode::OK, "{forecast}");
        let (status, added) = post(&app, &format!("/api/v1/books/{book}/debts"), json!({ "creditor": "Garage", "amount": "99.90", "date": "2026-11-20" })).await;
        assert_eq!((status, added["code"].as_str()), (StatusCode::CREATED, Some("2002")), "{added}");
        let (status, debts) = get(&app, &format!("/api/v1/books/{book}/debts")).await;
        assert_eq!((status, debts[0]["owed_minor"].as_i64()), (StatusCode::OK, Some(50_000)));
        let (status, late) = get(&app, "/api/v1/payment-orders/late?today=2026-12-31").await;
        assert_eq!((status, late.as_array().map(Vec::len)), (StatusCode::OK, Some(1)));
        let (status, _) = get(&app, "/api/v1/payment-files/999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn a_run_shows_whom_it_pays_and_from_what_and_is_cancelled_before_approval(db) {
        let app = TestApp::spawn(&db).await;
        let ids = crate::http_access::world::set_up(&app).await;
        let session = app.session("counsellor", common::PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let page = |path: String| {
            let client = client.clone();
            let url = app.url(&path);
            async move { client.get(url).header("accept-language", "en").send().await.unwrap().text().await.unwrap() }
        };
        let run = page(format!("/payments/runs/{}", ids.book_run)).await;
        assert!(run.contains("Agence Immobilière Sud (…7891)") && run.contains("waiting for approval"), "{run}");
        assert!(run.contains("Paying accounts") && run.contains("Left after") && run.contains(r#"id="run-total""#), "{run}");
        let before = gestio::service::payments::run_report(&app.store, gestio::domain::ids::PaymentRunId::new(ids.book_run)).await.unwrap();

        let cancel = format!("/payments/runs/{}/cancellation", ids.book_run);
        let unconfirmed = client.post(app.url(&cancel)).header("accept-language", "en").form(&[("csrf", csrf.as_str())]).send().await.unwrap();
        assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.text().await.unwrap().contains("Tick the box to confirm that the run should be cancelled."));
        let done = client.post(app.url(&cancel)).form(&[("csrf", csrf.as_str()), ("confirm", "yes")]).send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert_eq!(done.headers()["location"], format!("/payments?cancelled={}", ids.book_run));
        assert!(page(format!("/payments?cancelled={}", ids.book_run)).await.contains("The run was cancelled"));
        assert!(gestio::service::payments::run_report(&app.store, gestio::domain::ids::PaymentRunId::new(ids.book_run)).await.is_err());

        // The same payments are planned again by the next run.
        let again = gestio::service::payments::run_payments(&app.store, gestio::service::payments::RunRequest {
            office: ids.office, book: Some(ids.book), date: common::date("2027-01-04"),
            format: gestio::export::pain001::PainVersion::V09, author: "counsellor",
        }, common::now()).await.unwrap();
        assert_eq!(again.orders.len(), before.orders.len());
        assert!(!again.orders.is_empty());

        // A supervisor approves the run their page showed, never another one.
        let supervisor = app.session("supervisor", common::PASSWORD).await.unwrap();
        let approval = format!("/payments/runs/{}/approval", again.run.id);
        let stale = supervisor.client().post(app.url(&approval)).header("accept-language", "en")
            .form(&[("csrf", supervisor.csrf_token.as_str()), ("seen", "1:100")]).send().await.unwrap();
        assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(stale.text().await.unwrap().contains("nothing was approved"));
        let shown = supervisor.client().get(app.url(&format!("/payments/runs/{}", again.run.id))).send().await.unwrap().text().await.unwrap();
        let seen = shown.split(r#"name="seen" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
        let approved = supervisor.client().post(app.url(&approval))
            .form(&[("csrf", supervisor.csrf_token.as_str()), ("seen", seen.as_str())]).send().await.unwrap();
        assert_eq!(approved.status(), StatusCode::SEE_OTHER);

        // An approved run has written its files: it is not cancelled.
        let supervisor = app.session("supervisor", common::PASSWORD).await.unwrap();
        let refused = supervisor.client().post(app.url(&format!("/payments/runs/{}/cancellation", ids.office_run)))
            .header("accept-language", "en").form(&[("csrf", supervisor.csrf_token.as_str()), ("confirm", "yes")]).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("already approved"));
    }
}
