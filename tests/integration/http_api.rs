//! The HTTP service, spawned on port 0 with a fresh database and spoken to over HTTP.

use crate::common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

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

/// Office, beneficiary, mandate and a book with one bank account holding 1000.00 EUR.
async fn open_book(app: &mut TestApp) -> i64 {
    let office = gestio::service::parties::create_office(
        &app.store,
        &gestio::domain::party::NewOffice::new("Office social Esch", "LU").unwrap(),
        common::now(),
    )
    .await
    .unwrap();
    app.sign_in_supervisor(office.id).await;
    let office = json!({ "id": office.id });
    // Courts are the instance administrator's; the office picks one from the list.
    crate::common::court(&app.store, "Tribunal d'arrondissement").await;
    let (status, courts) = get(app, "/api/v1/courts").await;
    assert_eq!(status, StatusCode::OK, "{courts}");
    let court = courts[0]["id"].clone();
    let (status, person) = post(
        app,
        "/api/v1/beneficiaries",
        json!({ "office_id": office["id"], "name": "Rui Almeida", "language": "pt", "birth_date": "1961-05-02" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{person}");
    let (status, mandate) = post(
        app,
        "/api/v1/mandates",
        json!({
            "beneficiary_id": person["id"], "kind": "curatelle", "start": "2026-01-01", "court_id": court,
            "case_number": "TUT 2026/77", "jurisdiction": "lu", "receipt_threshold": { "amount": "300.00", "currency": "EUR" }
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{mandate}");
    assert_eq!(
        mandate["receipt_threshold"],
        json!({ "amount": "300.00", "currency": "EUR" })
    );
    let (status, opened) = post(
        app,
        "/api/v1/books",
        json!({
            "beneficiary_id": person["id"], "currency": "EUR", "opened_on": "2026-01-01",
            "banks": [{ "iban": "LU28 0019 4006 4475 0000", "balance": "1000.00" }],
            "debts": [{ "creditor": "Cofidis", "amount": "250.00" }]
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    opened["book"]["id"].as_i64().unwrap()
}

/// Announces a 2 MiB body without sending it: the answer must come from the header alone. (Sending
/// it races the server closing the connection after its 413.)
async fn announce_oversized_body(app: &TestApp) -> String {
    announce_body(app, "/api/v1/beneficiaries", 2 * 1024 * 1024).await
}

async fn announce_body(app: &TestApp, path: &str, bytes: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {bytes}\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = vec![0; 512];
    let read = stream.read(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer[..read]).into_owned()
}

fn balance_of(trial: &Value, code: &str) -> Value {
    trial["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["code"] == code)
        .unwrap()["balance"]
        .clone()
}

crate::backend_tests! {
    async fn health_and_readiness_answer_and_every_response_has_a_request_id(db) {
        let app = TestApp::spawn(&db).await;
        let response = app.client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().contains_key("x-request-id"));
        let response = app.client.get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.text().await.unwrap(), "ready");
    }

    async fn an_entry_posted_through_the_api_moves_the_balances_and_can_be_reversed(db) {
        let mut app = TestApp::spawn(&db).await;
        let book = open_book(&mut app).await;
        let (status, entry) = post(
            &app,
            &format!("/api/v1/books/{book}/entries"),
            json!({
                "date": "2026-02-03", "description": "Rent February", "receipt": "2026-014",
                "postings": [{ "account_code": "6000", "amount": "650.00" }, { "account_code": "1100", "amount": "-650.00" }]
            }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{entry}");
        assert_eq!(entry["postings"][0]["amount"], json!({ "amount": "650.00", "currency": "EUR" }));
        assert_eq!(entry["hash"].as_str().unwrap().len(), 64);
        let (_, trial) = get(&app, &format!("/api/v1/books/{book}/balance")).await;
        assert_eq!(balance_of(&trial, "1100"), json!({ "amount": "350.00", "currency": "EUR" }));
        assert_eq!(balance_of(&trial, "2001"), json!({ "amount": "-250.00", "currency": "EUR" }));
        let (_, trial_before) = get(&app, &format!("/api/v1/books/{book}/balance?at=2026-01-31")).await;
        assert_eq!(balance_of(&trial_before, "1100"), json!({ "amount": "1000.00", "currency": "EUR" }));
        let (status, reversal) = post(&app, &format!("/api/v1/entries/{}/reversal", entry["id"]), json!({ "date": "2026-02-04" })).await;
        assert_eq!(status, StatusCode::CREATED, "{reversal}");
        assert_eq!(reversal["reverses"], entry["id"]);
        let (status, again) = post(&app, &format!("/api/v1/entries/{}/reversal", entry["id"]), json!({})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{again}");
        let (_, entries) = get(&app, &format!("/api/v1/books/{book}/entries?from=2026-02-01")).await;
        assert_eq!(entries.as_array().unwrap().len(), 2);
        let (_, verification) = get(&app, &format!("/api/v1/books/{book}/verification")).await;
        assert_eq!(verification["problems"], json!([]));
        assert_eq!(verification["entries_checked"], 3);
    }

    async fn the_entries_api_pages_by_fifty_and_links_the_next_page(db) {
        let mut app = TestApp::spawn(&db).await;
        let book = open_book(&mut app).await;
        for day in 0..55 {
            let date = common::date("2026-02-01") + chrono::Days::new(day);
            let (status, entry) = post(
                &app,
                &format!("/api/v1/books/{book}/entries"),
                json!({ "date": date.to_string(), "description": format!("Groceries {day}"),
                        "postings": [{ "account_code": "6000", "amount": "1.00" }, { "account_code": "1100", "amount": "-1.00" }] }),
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{entry}");
        }
        // The opening entry and 55 more: a first page of 50 that names the second.
        let response = app.client.get(app.url(&format!("/api/v1/books/{book}/entries"))).send().await.unwrap();
        let link = response.headers()["link"].to_str().unwrap().to_owned();
        let first: Value = response.json().await.unwrap();
        assert_eq!(first.as_array().unwrap().len(), 50);
        let last = first[49]["sequence"].as_i64().unwrap();
        let next = format!("/api/v1/books/{book}/entries?after={last}&limit=50");
        assert_eq!(link, format!("<{next}>; rel=\"next\""));
        let response = app.client.get(app.url(&next)).send().await.unwrap();
        assert!(response.headers().get("link").is_none(), "the last page links no further");
        let second: Value = response.json().await.unwrap();
        assert_eq!(second.as_array().unwrap().len(), 6);
        assert_eq!(second[5]["description"], "Groceries 54");
    }

    async fn errors_are_problem_json_that_say_what_was_wrong(db) {
        let mut app = TestApp::spawn(&db).await;
        let book = open_book(&mut app).await;
        let response = app.client.get(app.url("/api/v1/books/999")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["detail"], "book 999 does not exist");
        let (status, problem) = get(&app, "/api/v1/books/abc").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        let entries = format!("/api/v1/books/{book}/entries");
        let (status, problem) = post(
            &app,
            &entries,
            json!({ "date": "2026-02-03", "description": "Rent", "postings": [
                { "account_code": "6000", "amount": "650.00" }, { "account_code": "1100", "amount": "-649.99" }] }),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["detail"], "the entry was refused: the postings do not balance in EUR: they sum to 0.01 EUR, not zero");
        let (status, problem) = post(
            &app,
            &entries,
            json!({ "date": "2026-02-03", "description": "Rent", "postings": [
                { "account_code": "6000", "amount": 650.0 }, { "account_code": "1100", "amount": "-650.00" }] }),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a JSON number is never taken as an amount: {problem}");
        assert!(problem["detail"].as_str().unwrap().contains("expected a string"), "{problem}");
        let (status, problem) = post(
            &app,
            &entries,
            json!({ "date": "2026-02-03", "description": "Rent", "postings": [
                { "account_code": "6000", "amount": "10.005" }, { "account_code": "1100", "amount": "-10.005" }] }),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["detail"], "posting 1: '10.005' has more decimals than EUR has (2); amounts are never rounded");
        let (status, problem) = post(&app, "/api/v1/beneficiaries", json!({ "office_id": 1, "name": "X", "language": "fr", "extra": 1 })).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        let (status, problem) = post(&app, "/api/v1/beneficiaries", json!({ "office_id": 1, "name": "Y", "language": "it" })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["detail"], "'it' is not a supported language; use one of: fr, de, lb, pt, en, sv");
        assert!(announce_oversized_body(&app).await.starts_with("HTTP/1.1 413"), "bodies over 1 MiB are refused");
    }

    async fn the_caseload_page_lists_beneficiaries_with_their_money(db) {
        let mut app = TestApp::spawn(&db).await;
        open_book(&mut app).await;
        let response = app.client.get(app.url("/")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let page = response.text().await.unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("Rui Almeida"));
        assert!(page.contains("TUT 2026/77"));
        assert!(page.contains("1,000.00\u{a0}EUR"), "bank 1000.00 plus empty cash box");
        // Luxembourg's courts set their own date: until it is recorded, three months are assumed.
        assert!(page.contains("01/01/2026 – 31/12/2026, due 31/03/2027 (assumed, the court has not set it)"), "{page}");
    }

    async fn a_statement_uploaded_over_http_is_imported_once_and_its_lines_can_be_categorised(db) {
        let mut app = TestApp::spawn(&db).await;
        let book = open_book(&mut app).await;
        let sample = std::fs::read(format!("{}/samples/camt/bcee-maria-fernandes-2026-01.camt053.xml", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let upload = |body: Vec<u8>| {
            let request = app.client.post(app.url("/api/v1/imports?file_name=january.xml")).header("content-type", "application/xml").body(body);
            async move {
                let response = request.send().await.unwrap();
                let status = response.status();
                (status, response.json::<Value>().await.unwrap())
            }
        };
        let (status, summary) = upload(sample.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{summary}");
        assert_eq!(summary["statements"][0]["new"], 3);
        let (_, again) = upload(sample.clone()).await;
        assert_eq!((again["statements"][0]["new"].clone(), again["statements"][0]["already_booked"].clone()), (json!(0), json!(3)));
        let (_, imports) = get(&app, &format!("/api/v1/imports?book={book}")).await;
        assert_eq!(imports.as_array().unwrap().len(), 2);
        assert_eq!(imports[0]["file_name"], "january.xml");
        let (_, pending) = get(&app, &format!("/api/v1/books/{book}/lines?status=pending")).await;
        assert_eq!(pending.as_array().unwrap().len(), 1);
        let (_, gaps) = get(&app, &format!("/api/v1/books/{book}/gaps")).await;
        assert_eq!(gaps, json!([]));
        let (_, waiting) = get(&app, &format!("/api/v1/books/{book}/suspense")).await;
        assert_eq!(waiting.as_array().unwrap().len(), 6, "every part of the three lines waits: no rule yet");
        let first = &waiting[0];
        let path = format!("/api/v1/books/{book}/suspense/{}/{}", first["entry_id"], first["line_no"]);
        let (status, done) = post(&app, &path, json!({ "account_code": "4000", "make_rule": true })).await;
        assert_eq!(status, StatusCode::CREATED, "{done}");
        assert_eq!(done["rule"]["conditions"], "IBAN is LU580030123456789012");
        let (status, again) = post(&app, &path, json!({ "account_code": "4000" })).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{again}");
        let (status, garbage) = upload(b"<Document><BkToCstmrStmt><Stmt>".to_vec()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(garbage["detail"].as_str().unwrap().starts_with("january.xml: the file ends before the XML is complete"), "{garbage}");
        assert!(announce_body(&app, "/api/v1/imports", 200 * 1024 * 1024).await.starts_with("HTTP/1.1 413"), "a 200 MB upload");
        let (status, rule) = post(&app, "/api/v1/offices/1/rules", json!({ "name": "Rent", "counterparty_name": "agence", "category": "expense.housing" })).await;
        assert_eq!(status, StatusCode::CREATED, "{rule}");
        let (_, rules) = get(&app, "/api/v1/offices/1/rules").await;
        assert_eq!(rules.as_array().unwrap().len(), 2);
    }
}
