//! The supervisors' settings page: four eyes for payment runs, and each case's reserve and
//! overdrafts, typed with a decimal comma, all saved or none.

use gestio::domain::ids::OfficeId;
use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

async fn four_eyes(app: &TestApp, office: OfficeId) -> bool {
    app.store
        .begin_read()
        .await
        .unwrap()
        .office_four_eyes(office)
        .await
        .unwrap()
}

crate::backend_tests! {
    async fn a_supervisor_sets_four_eyes_reserves_and_overdrafts_in_the_browser(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("supervisor", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let page = client.get(app.url("/admin/settings")).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Réglages") && page.contains(r#"name="required" type="checkbox" value="yes" checked"#), "{page}");
        assert!(page.contains("Maria Fernandes") && page.contains("overdraft-1100"), "{page}");

        let off = client.post(app.url("/admin/settings/four-eyes")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
        assert_eq!(off.status(), StatusCode::SEE_OTHER);
        assert!(!four_eyes(&app, ids.office).await);
        let saved = client.get(app.url("/admin/settings?saved=1")).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(saved.contains("Les réglages ont été enregistrés."), "{saved}");

        let case = format!("/admin/settings/books/{}", ids.book);
        let post = |fields: Vec<(&'static str, &'static str)>| {
            let client = client.clone();
            let url = app.url(&case);
            let mut form: Vec<(&str, String)> = fields.into_iter().map(|(key, value)| (key, value.to_owned())).collect();
            form.push(("csrf", csrf.clone()));
            async move {
                let response = client.post(url).header("accept-language", "fr").form(&form).send().await.unwrap();
                (response.status(), response.text().await.unwrap())
            }
        };
        let reserve = || async { app.store.begin_read().await.unwrap().book_reserve(ids.book).await.unwrap() };
        let (status, refused) = post(vec![("reserve", "150,00"), ("overdraft-1100", "beaucoup")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("« beaucoup » n&#39;est pas un montant"), "{refused}");
        assert_eq!(reserve().await, 0, "nothing saved");
        let (status, _) = post(vec![("reserve", "150,00"), ("overdraft-1100", "-5")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(reserve().await, 0, "a negative overdraft saves nothing");
        let (status, _) = post(vec![("reserve", "1.150,00"), ("overdraft-1100", "200")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(reserve().await, 115_000);
        let accounts = app.store.begin_read().await.unwrap().accounts(ids.book).await.unwrap();
        let bank = accounts.iter().find(|account| account.code == "1100").unwrap().id;
        assert_eq!(app.store.begin_read().await.unwrap().account_overdraft(bank).await.unwrap(), 20_000);

        let counsellor = app.session("counsellor", PASSWORD).await.unwrap();
        let refused = counsellor.client().get(app.url("/admin/settings")).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
}
