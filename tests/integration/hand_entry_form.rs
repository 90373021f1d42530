//! The form for an entry typed by hand: what was typed comes back with the message by its field;
//! a decimal comma in French; the entry lands on its page to attach the receipt; a filed period
//! is corrected by an adjustment dated after it, naming the entry it corrects.

use gestio::domain::access::Role;
use gestio::domain::ledger::EntrySource;
use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp, Tie, date, open_case};

const IBAN: &str = "LU280019400644750000";

crate::backend_tests! {
    async fn a_counsellor_posts_an_entry_by_hand_and_corrects_a_filed_period_by_an_adjustment(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Maria Fernandes", IBAN).await;
        app.add_user(case.office, "sandra", Role::Counsellor, Tie::None, &[case.book]).await;
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let post = |fields: Vec<(&'static str, String)>| {
            let client = client.clone();
            let url = app.url(&format!("/case/{}/entries", case.book));
            let mut form = fields;
            form.push(("csrf", csrf.clone()));
            async move {
                let response = client.post(url).header("accept-language", "fr").form(&form).send().await.unwrap();
                let location = response.headers().get("location").map(|value| value.to_str().unwrap().to_owned());
                (response.status(), location, response.text().await.unwrap())
            }
        };
        let form = client.get(app.url(&format!("/case/{}/entries/new", case.book))).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(form.contains("Une nouvelle écriture") && form.contains("1000 Cash box") && !form.contains("Correcting"), "{form}");

        let rent = |description: &str, amount: &str, from: &str| vec![
            ("date", "2026-10-05".to_owned()), ("description", description.to_owned()), ("amount", amount.to_owned()),
            ("from", from.to_owned()), ("to", "6000".to_owned()), ("receipt", "Q-2026-10".to_owned()),
        ];
        let (status, _, page) = post(rent("", "780,00", "1000")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Dites en quelques mots ce qui s&#39;est passé."), "{page}");
        assert!(page.contains(r#"value="780,00""#) && page.contains(r#"value="Q-2026-10""#), "what was typed is kept: {page}");
        assert!(page.contains(r#"aria-describedby="description-error""#));
        let (status, _, page) = post(rent("Loyer payé en espèces", "780,00", "6000")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("choisissez deux comptes différents"), "{page}");
        let (status, _, page) = post(rent("Loyer payé en espèces", "780,005", "1000")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(r#"aria-describedby="amount-error""#), "{page}");

        let (status, location, _) = post(rent("Loyer payé en espèces", "1.780,00", "1000")).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let location = location.unwrap();
        assert!(location.ends_with("?posted=1#evidence"), "{location}");
        let entry_page = client.get(app.url(&location.replace("#evidence", ""))).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(entry_page.contains("L&#39;écriture a été enregistrée"), "{entry_page}");
        let balances = gestio::service::ledger::trial_balance(&app.store, case.book, None).await.unwrap();
        let balance = |code: &str| balances.lines.iter().find(|line| line.code == code).unwrap().balance.minor();
        assert_eq!((balance("1000"), balance("6000")), (2_000 - 178_000, 178_000), "the cash box had 20.00");
        let entries = app.store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap();
        let posted = entries.iter().find(|entry| entry.description == "Loyer payé en espèces").unwrap().clone();
        assert_eq!((posted.source, posted.receipt.as_deref()), (EntrySource::Manual, Some("Q-2026-10")));

        // October is filed: its rent is corrected in November, naming the entry.
        gestio::service::ledger::lock_book(&app.store, case.book, date("2026-10-31")).await.unwrap();
        let filed_page = client.get(app.url(&format!("/case/{}/entries/{}", case.book, posted.id))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(filed_page.contains(&format!("/case/{}/entries/new?corrects={}", case.book, posted.id)), "{filed_page}");
        let correction = |day: &str, corrects: String| vec![
            ("date", day.to_owned()), ("description", "Loyer : 1 000,00 de trop".to_owned()), ("amount", "1000".to_owned()),
            ("from", "6000".to_owned()), ("to", "1000".to_owned()), ("corrects", corrects),
        ];
        let (status, _, page) = post(correction("2026-10-20", posted.id.to_string())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(r#"aria-describedby="date-error""#) && page.contains("2026-10-31"), "dated inside the filed period: {page}");
        let (status, _, page) = post(correction("2026-11-05", "nine".to_owned())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(r#"aria-describedby="corrects-error""#), "{page}");
        let (status, _, _) = post(correction("2026-11-05", posted.id.to_string())).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let entries = app.store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap();
        let adjustment = entries.iter().find(|entry| entry.source == EntrySource::Adjustment).unwrap();
        assert_eq!(adjustment.source_ref.as_deref(), Some(format!("entry {} of 2026-10-05", posted.id).as_str()));
        assert_eq!(adjustment.date, date("2026-11-05"));
    }
}
