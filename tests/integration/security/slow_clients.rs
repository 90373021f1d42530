//! Finding 4 (medium): about 20,100 half-sent requests used up every file handle of the server.
//! Request headers now have 10 s to arrive, and connections beyond a cap, or beyond a cap per
//! client address, are answered 503 at once.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::TestApp;

/// Opens a connection to `app` and sends the start of a request, never its end.
async fn half_sent(app: &TestApp) -> tokio::net::TcpStream {
    half_sent_from(app, "127.0.0.1").await
}

/// As [`half_sent`], from the loopback address `from` (any of 127.0.0.0/8 on Linux).
async fn half_sent_from(app: &TestApp, from: &str) -> tokio::net::TcpStream {
    let mut stream = connect_from(app, from).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestio\r\n")
        .await
        .unwrap();
    stream
}

async fn connect_from(app: &TestApp, from: &str) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket
        .connect(app.address.trim_start_matches("http://").parse().unwrap())
        .await
        .unwrap()
}

/// A whole GET of /healthz from `from`: the status line the server answers.
async fn status_from(app: &TestApp, from: &str) -> String {
    let mut stream = connect_from(app, from).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestio\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

crate::backend_tests! {
    async fn a_connection_left_idle_after_its_request_is_closed_after_ten_seconds(db) {
        let app = TestApp::spawn(&db).await;
        let mut stream = connect_from(&app, "127.0.0.1").await;
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: gestio\r\n\r\n").await.unwrap();
        let mut buffer = [0_u8; 4096];
        let read = stream.read(&mut buffer).await.unwrap();
        assert!(buffer[..read].starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&buffer[..read]));
        let started = Instant::now();
        let closed = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut buffer)).await;
        assert!(matches!(closed, Ok(Ok(0))), "the idle connection was still open after 20 s: {closed:?}");
        assert!(started.elapsed() >= Duration::from_secs(9), "closed too soon: {:?}", started.elapsed());
    }

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
        let limits = gestio::http::ServeLimits { header_timeout: Duration::from_secs(2), connections_max: 8, connections_per_address_max: 64 };
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

    async fn one_address_cannot_take_every_place_others_are_still_served(db) {
        let limits = gestio::http::ServeLimits { header_timeout: Duration::from_secs(10), connections_max: 64, connections_per_address_max: 4 };
        let app = TestApp::spawn_with(&db, &[], limits).await;
        let mut slow = Vec::new();
        for _ in 0..4 {
            slow.push(half_sent_from(&app, "127.0.0.2").await);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(status_from(&app, "127.0.0.2").await, "HTTP/1.1 503 Service Unavailable", "the fifth from one address");
        assert_eq!(status_from(&app, "127.0.0.1").await, "HTTP/1.1 200 OK", "another address is served");
        drop(slow);
    }
}
