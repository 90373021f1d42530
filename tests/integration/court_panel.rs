//! The court panel of a case: an account is read with its checks before it is filed, a period
//! that cannot be filed is refused on the form (never a 500), and filing names its warnings.

use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

async fn filings_of(app: &TestApp, book: gestio::domain::ids::BookId) -> usize {
    gestio::service::filings::filings(&app.store, book).await.unwrap().len()
}

/// The value of the hidden field `name` in `page`.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let (_, after) = page
        .split_once(&marker)
        .unwrap_or_else(|| panic!("no field {name}: {page}"));
    after.split('"').next().unwrap().to_owned()
}

crate::backend_tests! {
    async fn an_account_is_previewed_with_its_checks_and_filed_only_with_its_warnings_confirmed(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let client = session.client();
        let csrf = session.csrf_token.as_str();
        let panel = |query: &str| app.url(&format!("/case/{}/court{query}", ids.book));

        let start = client.get(panel("")).send().await.unwrap();
        assert_eq!(start.status(), StatusCode::OK);
        let start = start.text().await.unwrap();
        assert!(start.contains("The next account due") && start.contains("Last month"), "{start}");
        assert!(start.contains(&format!("/api/v1/books/{}/statement?month=", ids.book)), "statements listed: {start}");

        // Reversed, not over: refused by the period's fields, in words.
        let reversed = client.get(panel("?from=2026-07-31&to=2026-07-01")).send().await.unwrap();
        assert_eq!(reversed.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let reversed = reversed.text().await.unwrap();
        assert!(reversed.contains("after its end") && reversed.contains(r#"aria-describedby="period-error""#), "{reversed}");
        let future = client.get(panel("?from=2026-07-01&to=2099-06-30")).send().await.unwrap();
        assert_eq!(future.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(future.text().await.unwrap().contains("has not passed yet"));

        let july = client.get(panel("?from=2026-07-01&to=2026-07-31")).send().await.unwrap();
        assert_eq!(july.status(), StatusCode::OK);
        let july = july.text().await.unwrap();
        assert!(july.contains("The account, before it is filed") && july.contains("format=pdf"), "{july}");
        assert!(july.contains("⚠"), "the demo's July has something to warn of: {july}");
        let confirmation = hidden(&july, "confirmation");
        assert!(!confirmation.is_empty());

        let before = filings_of(&app, ids.book).await;
        let send = |fields: Vec<(&'static str, String)>| {
            let mut fields = fields;
            fields.push(("csrf", csrf.to_owned()));
            client.post(app.url(&format!("/case/{}/filings", ids.book))).form(&fields).send()
        };
        let backwards = send(vec![("from", "2026-07-31".into()), ("to", "2026-07-01".into())]).await.unwrap();
        assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY, "a refusal, never a 500");
        let unconfirmed = send(vec![("from", "2026-07-01".into()), ("to", "2026-07-31".into()), ("confirmation", confirmation.clone())])
            .await.unwrap();
        assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.text().await.unwrap().contains("Nothing was filed"));
        let other_warnings = send(vec![("from", "2026-07-01".into()), ("to", "2026-07-31".into()),
            ("confirmation", "waiting-lines".into()), ("confirm", "yes".into())]).await.unwrap();
        assert_eq!(other_warnings.status(), StatusCode::UNPROCESSABLE_ENTITY, "confirmed for other warnings than shown");
        assert_eq!(filings_of(&app, ids.book).await, before, "nothing was filed");

        let filed = send(vec![("from", "2026-07-01".into()), ("to", "2026-07-31".into()),
            ("confirmation", confirmation), ("confirm", "yes".into())]).await.unwrap();
        assert_eq!(filed.status(), StatusCode::SEE_OTHER);
        let next = filed.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(next, format!("/case/{}/court?done=filed", ids.book));
        let filed = client.get(app.url(&next)).send().await.unwrap().text().await.unwrap();
        assert!(filed.contains("The account was filed and its period locked"), "{filed}");
        assert!(filed.contains("01/07/2026 – 31/07/2026"), "{filed}");
        assert_eq!(filings_of(&app, ids.book).await, before + 1);
    }
}
