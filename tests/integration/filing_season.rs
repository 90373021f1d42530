//! The filing season: the accounts due by a date, filed several at a time, each on its own.

use gestio::service::filing_season::{accounts_due, file_accounts};

use crate::common::{TestApp, date};

crate::backend_tests! {
    async fn every_ended_account_due_is_filed_and_a_refusal_is_reported_by_book(db) {
        let app = TestApp::spawn(&db).await;
        // The season is in January: the demo's statements reach into it, so December is reported.
        let season: chrono::DateTime<chrono::Utc> = "2027-01-10T09:00:00Z".parse().unwrap();
        gestio::service::demo::create_demo(&app.store, "test", date("2027-01-10"), season).await.unwrap();
        let store = &app.store;
        let office = store.begin_read().await.unwrap().offices().await.unwrap()[0].id;
        let running = accounts_due(store, office, date("2026-12-31"), date("2026-11-23")).await.unwrap();
        assert!(running.is_empty(), "periods that have not ended are never offered: {running:?}");

        let january = date("2027-01-10");
        let due = accounts_due(store, office, date("2026-12-31"), january).await.unwrap();
        assert!(due.len() >= 4, "the demo's court measures: {due:?}");
        assert!(due.windows(2).all(|pair| pair[0].due <= pair[1].due), "by deadline");
        let outcomes = file_accounts(store, due.clone(), "season", season, 2).await;
        assert_eq!(outcomes.iter().map(|outcome| outcome.account.book).collect::<Vec<_>>(),
            due.iter().map(|account| account.book).collect::<Vec<_>>(), "outcomes in the order asked");
        for outcome in &outcomes {
            let filing = outcome.filed.as_ref().expect("filed");
            assert_eq!((filing.book, filing.period.to), (outcome.account.book, outcome.account.period.to));
        }
        assert!(accounts_due(store, office, date("2026-12-31"), january).await.unwrap().is_empty(), "nothing left due");

        let again = file_accounts(store, due.clone(), "season", season, 2).await;
        assert!(again.iter().all(|outcome| outcome.filed.as_ref().is_err_and(|error| error.to_string().contains("filed"))),
            "filing twice is refused, book by book: {:?}", again.iter().map(|outcome| outcome.filed.as_ref().err().map(ToString::to_string)).collect::<Vec<_>>());
    }
}
