//! Finding 4 (medium): about 20,100 half-sent requests used up every file handle of the server.
//! Request headers now have 10 s to arrive, and connections beyond a cap are answered 503 at once.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::TestApp;

/// Opens a connection to `app` and sends the start of a request, never its end.
async fn half_sent(app: &TestApp) -> tokio::net::TcpStream {
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestio\r\n")
        .await
        .unwrap();
    stream
}

crate::backend_tests! {
    async fn a_request_whose_headers_never_end_is_closed_after_ten_seconds(db) {
        let app = TestApp::spawn(&db).await;
        let mut stream = half_sent(&app).await;
        let started = Instant::now();
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "the half-sent request was still open after 20 s");
        let waited = started.elapsed();
        assert!(waited >= Duration::from_secs(9), "closed too soon: {waited:?}");
    }

    async fn connections_beyond_the_cap_are_answered_503_at_once_and_the_server_recovers(db) {
        let limits = gestio::http::ServeLimits { header_timeout: Duration::from_secs(2), connections_max: 8 };
        let app = TestApp::spawn_with(&db, &[], limits).await;
        let mut slow = Vec::new();
        for _ in 0..8 {
            slow.push(half_sent(&app).await);
        }
        // Let the server take them all before the one that should be refused.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let refused = reqwest::get(app.url("/healthz")).await.unwrap();
        assert_eq!(refused.status(), 503);
        assert_eq!(refused.headers()["retry-after"], "5");
        assert!(refused.text().await.unwrap().contains("try again in a moment"));
        // The half-sent requests time out and free their places.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let answered = reqwest::get(app.url("/healthz")).await.unwrap();
        assert_eq!(answered.status(), 200);
        drop(slow);
    }
}
