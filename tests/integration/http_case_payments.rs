//! A case's payments page: schedules, debts and their plans, and the forms that add a creditor,
//! a schedule or a debt, each refusal coming back by its own form.

use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

async fn page_text(client: &reqwest::Client, url: String) -> (StatusCode, String) {
    let response = client.get(url).header("accept-language", "en").send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn post(client: &reqwest::Client, url: String, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let response = client
        .post(url)
        .header("accept-language", "en")
        .form(fields)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

crate::backend_tests! {
    async fn a_counsellor_adds_a_creditor_a_schedule_and_a_debt_from_the_page(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let client = session.client();
        let csrf = session.csrf_token.as_str();
        let base = format!("/case/{}", ids.book);

        let creditor = |iban| vec![("csrf", csrf), ("name", "Creos Luxembourg"), ("iban", iban), ("town", "Strassen"), ("country", "LU")];
        let (status, refused) = post(&client, app.url(&format!("{base}/creditors")), &creditor("LU28 0019 4006 4475 0001")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("IBAN") && refused.contains(r#"aria-describedby="creditor-error""#), "{refused}");
        assert!(!refused.contains(r#"id="schedule-error""#), "the refusal is shown by its own form only");
        let (status, _) = post(&client, app.url(&format!("{base}/creditors")), &creditor("LU28 0019 4006 4475 0000")).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, page) = page_text(&client, app.url(&format!("{base}/payments"))).await;
        let option = regex::Regex::new(r#"<option value="(\d+)">Creos Luxembourg</option>"#).unwrap();
        let creos = option.captures(&page).expect("the new creditor can be paid")[1].to_owned();

        let schedule = |amount, instalments| vec![("csrf", csrf), ("creditor", creos.as_str()), ("amount", amount), ("every", "monthly"),
            ("day", "5"), ("start", "2026-12-01"), ("end", "2027-11-30"), ("instalments", instalments), ("priority", "2"), ("account", "6100")];
        let (status, refused) = post(&client, app.url(&format!("{base}/schedules")), &schedule("45.005", "")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains(r#"id="schedule-error""#) && refused.contains("45.005"), "{refused}");
        let (status, refused) = post(&client, app.url(&format!("{base}/schedules")), &schedule("45.00", "12")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("at most one of an end date, a number of instalments"), "{refused}");
        let (status, text) = post(&client, app.url(&format!("{base}/schedules")), &schedule("45.00", "")).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{text}");

        let debt = [("csrf", csrf), ("creditor", "Cetrel"), ("amount", "120.00"), ("date", "2026-11-20")];
        let (status, _) = post(&client, app.url(&format!("{base}/debts")), &debt).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, page) = page_text(&client, app.url(&format!("{base}/payments"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Creos Luxembourg") && page.contains("monthly (5)"), "{page}");
        assert!(page.contains("Cetrel") && page.contains("120.00"), "{page}");
        assert!(page.contains("100.00\u{a0}EUR, monthly (15)"), "the Cofidis plan with its own rhythm: {page}");

        // A German counsellor types amounts the German way.
        let debt = [("csrf", csrf), ("creditor", "Inkasso Nord"), ("amount", "1.234,56"), ("date", "2026-11-20")];
        let response = client.post(app.url(&format!("{base}/debts"))).header("accept-language", "de").form(&debt).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", response.text().await.unwrap());
        let (_, page) = page_text(&client, app.url(&format!("{base}/payments"))).await;
        assert!(page.contains("Inkasso Nord") && page.contains("1,234.56"), "read as 1,234.56: {page}");

        // The rent is paid otherwise for a while: its schedule is stopped, then started again.
        let schedules = app.store.begin_read().await.unwrap().schedules(ids.book, false).await.unwrap();
        let rent = schedules.iter().find(|schedule| schedule.active).unwrap().id;
        let state = format!("{base}/schedules/{rent}/state");
        let response = client.post(app.url(&state)).form(&[("csrf", csrf), ("active", "false")]).send().await.unwrap();
        assert_eq!(response.headers()["location"], format!("{base}/payments?done=stopped#schedules"));
        let active = |id| {
            let store = app.store.clone();
            let book = ids.book;
            async move { store.begin_read().await.unwrap().schedules(book, true).await.unwrap().iter().any(|schedule| schedule.id == id) }
        };
        assert!(!active(rent).await, "no run plans it");
        let (_, stopped) = page_text(&client, app.url(&format!("{base}/payments?done=stopped"))).await;
        assert!(stopped.contains("The payments were stopped") && stopped.contains("Start them again"), "{stopped}");
        let response = client.post(app.url(&state)).form(&[("csrf", csrf), ("active", "true")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(active(rent).await);
        let other = (ids.book.get() + 1).to_string();
        let foreign = client.post(app.url(&format!("/case/{other}/schedules/{rent}/state"))).form(&[("csrf", csrf), ("active", "false")]).send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::NOT_FOUND, "another case's page does not reach this schedule");
    }

    async fn a_schedule_pays_only_a_creditor_the_case_may_pay_and_beneficiaries_only_read(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let elsewhere = crate::common::open_case(&app.store, "Ana Costa", "LU44 0010 0098 7654 3210").await;
        let foreign = gestio::domain::creditor::NewCreditor {
            office_id: elsewhere.office,
            book_id: None,
            name: "Elsewhere".into(),
            iban: gestio::domain::iban::Iban::parse("LU28 0019 4006 4475 0000").unwrap(),
            bic: None,
            address: gestio::domain::creditor::PostalAddress::new(None, None, None, "Esch", "LU").unwrap(),
            default_target: None,
            default_remittance: None,
        };
        let foreign = gestio::service::payments::add_creditor(&app.store, &foreign, crate::common::now()).await.unwrap();
        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let foreign_id = foreign.id.to_string();
        let fields = [("csrf", session.csrf_token.as_str()), ("creditor", foreign_id.as_str()), ("amount", "10.00"),
            ("every", "once"), ("start", "2026-12-01")];
        let (status, _) = post(&session.client(), app.url(&format!("/case/{}/schedules", ids.book)), &fields).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another office's creditor is not known here");

        let (status, page) = page_text(&app.client_of("maria").await, app.url(&format!("/case/{}/payments", ids.book))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Scheduled payments") && !page.contains("/schedules\""), "a beneficiary reads, without forms: {page}");
    }
}
