//! A browser that meets an error gets a page in the reader's language with a way back — never
//! the API's JSON, never a blank page — while the API keeps answering problem+json.

use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

/// The status, content type and text of `path` as a browser asks for it.
async fn browse(client: &reqwest::Client, app: &TestApp, path: &str, language: &str) -> (StatusCode, String, String) {
    let response = client
        .get(app.url(path))
        .header("accept", "text/html")
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
    (response.status(), kind, response.text().await.unwrap())
}

/// An error page: HTML in `lang`, with `title`, no JSON and no Rust names.
fn assert_error_page(kind: &str, text: &str, lang: &str, title: &str) {
    assert!(kind.starts_with("text/html"), "{kind}: {text}");
    assert!(text.contains(&format!(r#"<html lang="{lang}">"#)), "{text}");
    assert!(text.contains(&format!("<h1>{title}</h1>")), "{text}");
    assert!(
        !text.contains(r#""status""#) && !text.contains("about:blank"),
        "no problem JSON: {text}"
    );
    assert!(
        !text.contains("::") && !text.contains("Error {"),
        "no Rust names: {text}"
    );
}

crate::backend_tests! {
    async fn a_browser_meets_errors_as_pages_in_its_language_with_a_way_back(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let anonymous = reqwest::Client::new();
        let (status, kind, text) = browse(&anonymous, &app, "/nope", "de-DE,de;q=0.9").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_error_page(&kind, &text, "de", "Seite nicht gefunden");
        assert!(text.contains(r#"href="/sign-in""#), "a way on for someone not signed in: {text}");

        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let counsellor = session.client();
        let (status, kind, text) = browse(&counsellor, &app, "/nope", "fr-LU").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_error_page(&kind, &text, "fr", "Page introuvable");
        assert!(text.contains(r#"href="/""#) && text.contains(">Page d’accueil<"), "{text}");
        assert!(text.contains(r#"<nav aria-label="Menu">"#), "the menu stays: {text}");

        // Another office's case does not exist for this counsellor: the same page, no name.
        let foreign = ids.book.get() + 1;
        let (status, kind, text) = browse(&counsellor, &app, &format!("/case/{foreign}"), "pt-PT").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_error_page(&kind, &text, "pt", "Página não encontrada");
        let (status, kind, text) = browse(&counsellor, &app, "/case/abc", "en").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_error_page(&kind, &text, "en", "The request could not be read");

        // A form sent without its token: refused, said as a page, with the way back it came from.
        let response = counsellor
            .post(app.url(&format!("/case/{}/filings", ids.book)))
            .header("accept-language", "de")
            .header("referer", app.url(&format!("/case/{}", ids.book)))
            .form(&[("csrf", "wrong"), ("from", "2026-01-01"), ("to", "2026-01-31")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
        let text = response.text().await.unwrap();
        assert_error_page(&kind, &text, "de", "Nicht erlaubt");
        assert!(text.contains(&format!(r#"href="/case/{}""#, ids.book)), "back to the case: {text}");

        // The API keeps its problem documents.
        let response = counsellor.get(app.url("/api/v1/books/999999")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()["content-type"], "application/problem+json");
    }
}
