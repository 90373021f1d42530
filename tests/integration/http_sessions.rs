//! Signing in and out: the cookie, timeouts, sign-out and disabling, the throttle, CSRF, the
//! headers every answer carries, the sign-in page, and the audit log's records.

use gestio::domain::access::Role;
use gestio::domain::audit::{AuditKind, AuditQuery, AuditRecord};
use gestio::domain::session::FAILURES_PER_ADDRESS;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{self, PASSWORD, TestApp, TestDb, Tie, open_case, raw_sql};

const IBAN: &str = "LU28 0019 4006 4475 0000";

/// An app with one case and its counsellor, "marie".
async fn app_with_counsellor(db: &TestDb) -> (TestApp, common::Case) {
    let app = TestApp::spawn(db).await;
    let case = open_case(&app.store, "Rui Almeida", IBAN).await;
    app.add_user(case.office, "marie", Role::Counsellor, Tie::None, &[case.book])
        .await;
    (app, case)
}

/// Signs in with a wrong password, as if through a proxy that forwarded for `forwarded`.
async fn sign_in_from(app: &TestApp, login: &str, forwarded: &str) -> StatusCode {
    reqwest::Client::new()
        .post(app.url("/api/v1/session"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({ "login": login, "password": "wrong" }))
        .send()
        .await
        .unwrap()
        .status()
}

async fn books_status(app: &TestApp, client: &reqwest::Client) -> StatusCode {
    client.get(app.url("/api/v1/books")).send().await.unwrap().status()
}

crate::backend_tests! {
    async fn a_wrong_password_and_an_unknown_login_get_the_same_answer(db) {
        let (app, _) = app_with_counsellor(&db).await;
        let answer = |login: &'static str, password: &'static str| {
            let app = &app;
            async move {
                let response = reqwest::Client::new().post(app.url("/api/v1/session"))
                    .json(&json!({ "login": login, "password": password })).send().await.unwrap();
                (response.status(), response.text().await.unwrap())
            }
        };
        let wrong_password = answer("marie", "not her password at all").await;
        let unknown_login = answer("nobody-here", "not her password at all").await;
        assert_eq!(wrong_password.0, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong_password, unknown_login);
        assert!(wrong_password.1.contains("the login or the password is wrong"));
    }

    async fn the_session_cookie_is_strict_and_new_at_each_sign_in(db) {
        let (app, _) = app_with_counsellor(&db).await;
        let response = reqwest::Client::new().post(app.url("/api/v1/session"))
            .json(&json!({ "login": "marie", "password": PASSWORD })).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("__Host-gestio-session="), "{cookie}");
        for attribute in ["Path=/", "HttpOnly", "SameSite=Strict", "Secure"] {
            assert!(cookie.split("; ").any(|part| part == attribute), "{attribute} missing from {cookie}");
        }
        assert!(!cookie.contains("Domain"), "a __Host- cookie has no Domain");
        let first = app.session("marie", PASSWORD).await.unwrap();
        let second = app.session("marie", PASSWORD).await.unwrap();
        assert_ne!(first.cookie, second.cookie);
        assert_ne!(first.csrf_token, second.csrf_token);
        assert_eq!(books_status(&app, &first.client()).await, StatusCode::OK);
        assert_eq!(books_status(&app, &second.client()).await, StatusCode::OK);
        let stored = raw_sql(&db, "UPDATE sessions SET user_id = user_id WHERE length(token_sha256) = 64").await.unwrap();
        assert_eq!(stored, 3, "three sessions, each stored by the hash of its token");
    }

    async fn signing_out_disabling_and_a_new_password_end_sessions(db) {
        let (app, _) = app_with_counsellor(&db).await;
        let session = app.session("marie", PASSWORD).await.unwrap();
        let client = session.client();
        let response = client.delete(app.url("/api/v1/session")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert!(response.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
        assert_eq!(books_status(&app, &client).await, StatusCode::UNAUTHORIZED);

        let client = app.client_of("marie").await;
        gestio::service::users::set_disabled(&app.store, "marie", true).await.unwrap();
        assert_eq!(books_status(&app, &client).await, StatusCode::UNAUTHORIZED);
        assert_eq!(app.session("marie", PASSWORD).await.err(), Some(StatusCode::UNAUTHORIZED), "disabled users cannot sign in");
        gestio::service::users::set_disabled(&app.store, "marie", false).await.unwrap();

        let client = app.client_of("marie").await;
        gestio::service::users::set_password(&app.store, &Default::default(), "marie", "a brand new passphrase").await.unwrap();
        assert_eq!(books_status(&app, &client).await, StatusCode::UNAUTHORIZED);
        assert!(app.session("marie", "a brand new passphrase").await.is_ok());
    }

    async fn a_session_ends_when_idle_and_after_a_working_day(db) {
        let (app, _) = app_with_counsellor(&db).await;
        let idle = app.client_of("marie").await;
        let long = app.client_of("marie").await;
        assert_eq!(books_status(&app, &idle).await, StatusCode::OK);
        // Both sessions were opened now; move one's last use, and the other's start, back.
        let (idle_minutes, day_hours) = if db.backend == "sqlite" {
            ("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-31 minutes')", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-11 hours')")
        } else {
            ("now() - interval '31 minutes'", "now() - interval '11 hours'")
        };
        raw_sql(&db, &format!("UPDATE sessions SET last_seen_at = {idle_minutes} WHERE created_at = (SELECT min(created_at) FROM sessions)")).await.unwrap();
        raw_sql(&db, &format!("UPDATE sessions SET created_at = {day_hours} WHERE created_at = (SELECT max(created_at) FROM sessions)")).await.unwrap();
        // The server believes a session it read for a few seconds; these times changed behind
        // its back, as time itself never does.
        tokio::time::sleep(gestio::service::session_cache::SESSION_CACHE_TTL.to_std().unwrap()).await;
        assert_eq!(books_status(&app, &idle).await, StatusCode::UNAUTHORIZED, "idle for 31 minutes");
        assert_eq!(books_status(&app, &long).await, StatusCode::UNAUTHORIZED, "opened 11 hours ago");
    }

    async fn sign_in_is_throttled_per_login(db) {
        let (app, _) = app_with_counsellor(&db).await;
        for _ in 0..5 {
            assert_eq!(app.session("marie", "guessing wrong again").await.err(), Some(StatusCode::UNAUTHORIZED));
        }
        assert_eq!(app.session("marie", PASSWORD).await.err(), Some(StatusCode::TOO_MANY_REQUESTS), "even the right password waits");
        assert_eq!(app.session("nobody", PASSWORD).await.err(), Some(StatusCode::UNAUTHORIZED), "other logins are not throttled");
    }

    async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_throttle(db) {
        let app = TestApp::spawn_behind(&db, &["127.0.0.1".parse().unwrap()]).await;
        for attempt in 0..FAILURES_PER_ADDRESS {
            let status = sign_in_from(&app, &format!("guess{attempt}"), "192.0.2.7, 198.51.100.1").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        assert_eq!(sign_in_from(&app, "guess-more", "198.51.100.1").await, StatusCode::TOO_MANY_REQUESTS);
        // The address the client wrote itself (left of the proxy's) does not count: same client.
        assert_eq!(sign_in_from(&app, "guess-more", "203.0.113.5, 198.51.100.1").await, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(sign_in_from(&app, "guess-more", "198.51.100.2").await, StatusCode::UNAUTHORIZED, "another client");
    }

    async fn without_a_trusted_proxy_a_forwarded_address_changes_nothing(db) {
        let app = TestApp::spawn(&db).await;
        for attempt in 0..FAILURES_PER_ADDRESS {
            let forwarded = format!("198.51.100.{attempt}");
            assert_eq!(sign_in_from(&app, &format!("guess{attempt}"), &forwarded).await, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(sign_in_from(&app, "guess-more", "198.51.100.200").await, StatusCode::TOO_MANY_REQUESTS, "one peer, one throttle");
    }

    async fn changes_need_the_csrf_token_and_our_own_origin(db) {
        let (app, case) = app_with_counsellor(&db).await;
        let session = app.session("marie", PASSWORD).await.unwrap();
        let path = app.url(&format!("/api/v1/books/{}/debts", case.book));
        let body = json!({ "creditor": "Banque", "amount": "10.00", "date": "2026-11-20" });
        let bare = reqwest::Client::new();
        let without = bare.post(&path).header("cookie", &session.cookie).json(&body).send().await.unwrap();
        assert_eq!(without.status(), StatusCode::FORBIDDEN);
        let wrong = bare.post(&path).header("cookie", &session.cookie).header("x-csrf-token", "0".repeat(64)).json(&body).send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
        let foreign = session.client().post(&path).header("origin", "https://evil.example").json(&body).send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
        let cross_site_sign_in = bare.post(app.url("/sign-in")).header("sec-fetch-site", "cross-site")
            .form(&[("login", "marie"), ("password", PASSWORD)]).send().await.unwrap();
        assert_eq!(cross_site_sign_in.status(), StatusCode::FORBIDDEN);
        let allowed = session.client().post(&path).json(&body).send().await.unwrap();
        assert_eq!(allowed.status(), StatusCode::CREATED);
    }

    async fn every_answer_carries_the_security_headers(db) {
        let (app, _) = app_with_counsellor(&db).await;
        for path in ["/api/v1/books", "/sign-in", "/healthz"] {
            let response = reqwest::Client::new().get(app.url(path)).send().await.unwrap();
            let headers = response.headers();
            let policy = headers["content-security-policy"].to_str().unwrap();
            assert!(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), "{path}: {policy}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["cache-control"], "no-store", "{path}");
            assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        }
    }

    async fn the_sign_in_page_signs_in_and_out(db) {
        let (app, _) = app_with_counsellor(&db).await;
        let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let anonymous = browser.get(app.url("/")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
        assert_eq!(anonymous.headers()["location"], "/sign-in");
        let page = browser.get(app.url("/sign-in")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains(r#"<label for="login">"#) && page.contains(r#"<label for="password">"#), "{page}");
        let refused = browser.post(app.url("/sign-in")).form(&[("login", "marie"), ("password", "wrong password here")]).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("role=\"alert\"") && refused.contains("aria-describedby=\"sign-in-error\""), "{refused}");
        let signed_in = browser.post(app.url("/sign-in")).form(&[("login", "marie"), ("password", PASSWORD)]).send().await.unwrap();
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
        let cookie = signed_in.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
        let caseload = browser.get(app.url("/")).header("cookie", &cookie).send().await.unwrap().text().await.unwrap();
        assert!(caseload.contains("Rui Almeida"), "{caseload}");
        let csrf = caseload.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let forged = browser.post(app.url("/sign-out")).header("cookie", &cookie).form(&[("csrf", "0".repeat(64))]).send().await.unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let signed_out = browser.post(app.url("/sign-out")).header("cookie", &cookie).form(&[("csrf", csrf)]).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
        let after = browser.get(app.url("/")).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(after.status(), StatusCode::SEE_OTHER, "the old cookie no longer works");
    }

    async fn reads_changes_and_refusals_are_in_the_audit_log_for_good(db) {
        let (app, case) = app_with_counsellor(&db).await;
        let other = open_case(&app.store, "Ana Costa", "LU12 0010 0012 3456 7891").await;
        let client = app.client_of("marie").await;
        let user = app.store.begin_read().await.unwrap().user_by_login("marie").await.unwrap().0.id;
        assert_eq!(client.get(app.url(&format!("/api/v1/books/{}/entries", case.book))).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(client.get(app.url(&format!("/api/v1/books/{}", other.book))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let records = gestio::service::sessions::search_audit(&app.store, &AuditQuery { user: Some(user), limit: 10, ..AuditQuery::default() }).await.unwrap();
        let kinds: Vec<_> = records.iter().map(|(_, record)| (record.kind, record.book, record.status)).collect();
        assert_eq!(kinds[0], (AuditKind::Denied, Some(other.book), 404), "{records:?}");
        assert_eq!(kinds[1], (AuditKind::Read, Some(case.book), 200), "{records:?}");
        assert_eq!(kinds[2], (AuditKind::SignIn, None, 200), "{records:?}");
        assert_eq!(records[1].1.route, format!("GET /api/v1/books/{}/entries", case.book));
        let anonymous = reqwest::Client::new().get(app.url("/api/v1/books")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let denied = gestio::service::sessions::search_audit(&app.store, &AuditQuery { kind: Some(AuditKind::Denied), limit: 10, ..AuditQuery::default() }).await.unwrap();
        assert!(denied.iter().any(|(_, record)| record.user.is_none() && record.status == 401), "{denied:?}");
        assert!(raw_sql(&db, "UPDATE audit_log SET status = 200").await.is_err(), "the audit log is append-only");
        assert!(raw_sql(&db, "DELETE FROM audit_log").await.is_err(), "the audit log is append-only");
    }

    async fn audit_records_written_together_are_stored_whole_and_in_order(db) {
        let (app, case) = app_with_counsellor(&db).await;
        let user = app.store.begin_read().await.unwrap().user_by_login("marie").await.unwrap().0.id;
        let at = |micros: i64| chrono::DateTime::from_timestamp_micros(1_900_000_000_000_000 + micros).unwrap();
        let records = [
            AuditRecord { at: at(1), user: Some(user), kind: AuditKind::Read, route: "GET /".to_owned(), book: Some(case.book), status: 200 },
            AuditRecord { at: at(2), user: None, kind: AuditKind::Denied, route: "GET /api/v1/books".to_owned(), book: None, status: 401 },
            AuditRecord { at: at(3), user: Some(user), kind: AuditKind::Change, route: "POST /api/v1/books/1/entries".to_owned(), book: None, status: 201 },
        ];
        let mut tx = app.store.begin_write().await.unwrap();
        tx.insert_audits(&[]).await.unwrap();
        tx.insert_audits(&records.iter().collect::<Vec<_>>()).await.unwrap();
        tx.commit().await.unwrap();
        let since = AuditQuery { from: Some(at(0)), limit: 10, ..AuditQuery::default() };
        let stored = app.store.begin_read().await.unwrap().audit(&since).await.unwrap();
        let mut newest_first: Vec<AuditRecord> = stored.iter().map(|(_, record)| record.clone()).collect();
        newest_first.reverse();
        assert_eq!(newest_first, records, "every field of every record, in the order given");
        assert!(stored.windows(2).all(|pair| pair[0].0 > pair[1].0), "ids follow the order given: {stored:?}");
    }
}
