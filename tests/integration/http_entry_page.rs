//! An entry's page: its postings and receipts, attaching receipts (all of them or none), and
//! reversing it; and the case page's date filter that leads there.

use gestio::domain::ids::{BookId, EntryId};
use gestio::service::evidence::evidence_files;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

async fn text_of(client: &reqwest::Client, url: String) -> (StatusCode, String) {
    let response = client.get(url).header("accept-language", "en").send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

fn upload(csrf: &str, files: &[(&str, &[u8])]) -> Form {
    files
        .iter()
        .fold(Form::new().text("csrf", csrf.to_owned()), |form, (name, bytes)| {
            form.part("files", Part::bytes(bytes.to_vec()).file_name(name.to_string()))
        })
}

async fn evidence_count(app: &TestApp, book: BookId) -> usize {
    evidence_files(&app.store, book).await.unwrap().len()
}

crate::backend_tests! {
    async fn a_counsellor_attaches_receipts_all_or_none_and_reverses_an_entry(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let client = session.client();
        let csrf = session.csrf_token.as_str();
        let entry_path = format!("/case/{}/entries/{}", ids.book, ids.entry);

        let (status, page) = text_of(&client, app.url(&entry_path)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("recu.png") && page.contains(&format!("/api/v1/evidence/{}", ids.evidence)), "{page}");
        assert!(page.contains("Reverse this entry") && page.contains(r#"for="reversal-date""#), "{page}");

        let before = evidence_count(&app, ids.book).await;
        let mixed = upload(csrf, &[("loyer.png", PNG), ("notes.txt", b"not a receipt")]);
        let refused = client.post(app.url(&format!("{entry_path}/evidence"))).multipart(mixed).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("notes.txt") && refused.contains("is not a PDF, JPEG or PNG"), "{refused}");
        assert!(refused.contains(r#"aria-describedby="evidence-error""#), "the error is tied to the field: {refused}");
        assert_eq!(evidence_count(&app, ids.book).await, before, "one refused file keeps the others out");
        let again = upload(csrf, &[("recu-bis.png", PNG)]);
        let refused = client.post(app.url(&format!("{entry_path}/evidence"))).multipart(again).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "the receipt already attached, under another name");
        assert!(refused.text().await.unwrap().contains("already attached"));

        let second = [PNG, b"\0"].concat();
        let both = upload(csrf, &[("loyer.png", &second), ("quittance.png", &[PNG, b"\0\0"].concat())]);
        let attached = client.post(app.url(&format!("{entry_path}/evidence"))).multipart(both).send().await.unwrap();
        assert_eq!(attached.status(), StatusCode::SEE_OTHER);
        assert_eq!(evidence_count(&app, ids.book).await, before + 2);
        let (_, page) = text_of(&client, app.url(&entry_path)).await;
        assert!(page.contains("loyer.png") && page.contains("quittance.png"), "{page}");

        let locked = [("csrf", csrf), ("date", "2026-06-15"), ("reason", "wrong account")];
        let refused = client.post(app.url(&format!("{entry_path}/reversal"))).form(&locked).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a date inside the filed period");
        let refused = refused.text().await.unwrap();
        assert!(refused.contains(r#"aria-describedby="reversal-error""#), "{refused}");
        let garbled = [("csrf", csrf), ("date", "15/11/2026"), ("reason", "")];
        let refused = client.post(app.url(&format!("{entry_path}/reversal"))).form(&garbled).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("is not a date"));

        let open = [("csrf", csrf), ("date", "2026-11-21"), ("reason", "wrong account")];
        let reversed = client.post(app.url(&format!("{entry_path}/reversal"))).form(&open).send().await.unwrap();
        assert_eq!(reversed.status(), StatusCode::SEE_OTHER);
        let location = reversed.headers()["location"].to_str().unwrap().to_owned();
        let (status, reversal) = text_of(&client, app.url(&location)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(reversal.contains("Reverses") && reversal.contains(&entry_path), "{reversal}");
        assert!(!reversal.contains("Reverse this entry"), "a reversal is not reversed again");
        let (_, original) = text_of(&client, app.url(&entry_path)).await;
        assert!(original.contains(r#"id="reversed-by""#) && !original.contains("Reverse this entry"), "{original}");
    }

    async fn an_entry_is_found_only_under_its_own_book_and_read_without_forms(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let supervisor = app.client_of("supervisor").await;
        let other_book = BookId::new(ids.book.get() + 1);
        let (status, _) = text_of(&supervisor, app.url(&format!("/case/{other_book}/entries/{}", ids.entry))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another book's path does not reach this entry");
        let (status, _) = text_of(&supervisor, app.url(&format!("/case/{}/entries/{}", ids.book, EntryId::new(999_999)))).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        let maria = app.client_of("maria").await;
        let (status, page) = text_of(&maria, app.url(&format!("/case/{}/entries/{}", ids.book, ids.entry))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("recu.png") && !page.contains("name=\"csrf\" value=\"\"") && !page.contains("/reversal"), "{page}");
        assert!(!page.contains(r#"enctype="multipart/form-data""#), "a beneficiary reads, and attaches nothing");
    }

    async fn the_case_page_finds_entries_by_words_amount_and_account_and_shows_the_signs_people_read(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let client = app.client_of("counsellor").await;
        let rows = |page: &str| -> Vec<String> {
            let listed = page.split_once(r#"id="entries""#).unwrap().1;
            listed.split("<tr><td>").skip(1).map(|row| row.split("</tr>").next().unwrap().to_owned()).collect()
        };
        let (_, rent) = text_of(&client, app.url(&format!("/case/{}?words=loyer", ids.book))).await;
        let found = rows(&rent);
        assert!(!found.is_empty() && found.iter().all(|row| row.contains("Loyer")), "{found:?}");
        let (_, by_amount) = text_of(&client, app.url(&format!("/case/{}?sum=1,685.20", ids.book))).await;
        let found = rows(&by_amount);
        assert!(!found.is_empty() && found.iter().all(|row| row.contains("1,685.20")), "{found:?}");
        let (_, by_account) = text_of(&client, app.url(&format!("/case/{}?account=6500", ids.book))).await;
        let found = rows(&by_account);
        assert!(!found.is_empty() && found.iter().all(|row| row.contains("6500")), "{found:?}");
        assert!(by_account.contains(r#"<option value="6500" selected>"#), "the form keeps the account asked for");
        let (_, unread) = text_of(&client, app.url(&format!("/case/{}?sum=lots", ids.book))).await;
        assert!(unread.contains(r#"aria-describedby="entries-sum-error""#) && unread.contains("Write an amount"), "{unread}");

        // People read income and debts as positive amounts; the accountant's signs a click away.
        let (_, people) = text_of(&client, app.url(&format!("/case/{}", ids.book))).await;
        let pension = |page: &str| page.split("<td>4000</td>").nth(1).unwrap().split("</tr>").next().unwrap().to_owned();
        assert!(!pension(&people).contains('-'), "{}", pension(&people));
        assert!(people.contains("1100 → ") || people.contains(" → 1100"), "entries as money moving from one account to another");
        let (_, accounting) = text_of(&client, app.url(&format!("/case/{}?signs=accounting", ids.book))).await;
        assert!(pension(&accounting).contains('-'), "{}", pension(&accounting));
        assert!(accounting.contains("Show the amounts as read"), "and back");
    }

    async fn the_case_page_filters_entries_by_date_and_links_each_to_its_page(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let client = app.client_of("counsellor").await;
        let (status, all) = text_of(&client, app.url(&format!("/case/{}?from=&to=", ids.book))).await;
        assert_eq!(status, StatusCode::OK, "empty date fields mean no filter: {all}");
        assert!(all.contains(&format!("/case/{}/entries/", ids.book)) && all.contains("Older entries"), "the newest fifty, and a way to older ones: {all}");
        let (_, june) = text_of(&client, app.url(&format!("/case/{}?from=2026-06-01&to=2026-06-30", ids.book))).await;
        assert!(june.contains("<td>01/06/2026</td>") && !june.contains("<td>01/05/2026</td>") && !june.contains("<td>01/07/2026</td>"), "{june}");
        let (status, none) = text_of(&client, app.url(&format!("/case/{}?from=2030-01-01&to=", ids.book))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!none.replace(&format!("/case/{}/entries/new", ids.book), "").contains(&format!("/case/{}/entries/", ids.book)), "no entry after 2030: {none}");
        assert!(none.contains(r#"value="2030-01-01""#), "the form keeps the dates asked for");
        let (status, _) = text_of(&client, app.url(&format!("/case/{}?from=soon", ids.book))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
}
