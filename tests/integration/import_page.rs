//! The import page as a counsellor uses it: a bank CSV with its bank's format, checked against
//! the book before booking (lines already booked by hand matched, not booked twice; an opening
//! balance that differs from the book needs a reason), the format remembered for the account,
//! the decision kept for its sender alone, and an import undone from the case's import list.

use gestio::domain::access::Role;
use gestio::domain::ids::{BookId, OfficeId};
use gestio::service::import::{ImportOptions, import_file, imports_of};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::common::{PASSWORD, TestApp, Tie, date, now};

/// The demo office as of 23 November 2026, with Maria's book and a counsellor for it.
async fn demo(app: &TestApp) -> (OfficeId, BookId) {
    gestio::service::demo::create_demo(&app.store, "test", date("2026-11-23"), now())
        .await
        .unwrap();
    let mut tx = app.store.begin_read().await.unwrap();
    let office = tx.offices().await.unwrap()[0].id;
    let book = tx.books(Some(office)).await.unwrap()[0].id;
    drop(tx);
    app.add_user(office, "sandra", Role::Counsellor, Tie::None, &[book])
        .await;
    app.add_user(office, "paul", Role::Counsellor, Tie::None, &[book]).await;
    (office, book)
}

/// Maria's current account.
async fn bank_account(app: &TestApp, book: BookId) -> i64 {
    let accounts = app.store.begin_read().await.unwrap().accounts(book).await.unwrap();
    accounts.iter().find(|account| account.iban.is_some()).unwrap().id.get()
}

async fn upload(
    client: &reqwest::Client,
    app: &TestApp,
    csrf: &str,
    choice: (&str, &str),
    file: (&str, Vec<u8>),
) -> (StatusCode, String) {
    let form = Form::new()
        .text("csrf", csrf.to_owned())
        .text("account", choice.0.to_owned())
        .text("profile", choice.1.to_owned())
        .part("files", Part::bytes(file.1).file_name(file.0.to_owned()));
    let response = client
        .post(app.url("/import"))
        .header("accept-language", "en")
        .multipart(form)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

/// The values of the page's ticked matches, and the draft its decision form is for.
fn decision_of(page: &str) -> (String, Vec<String>) {
    let draft = page
        .split("action=\"/import/drafts/")
        .nth(1)
        .expect("a decision form")
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let matches = page
        .split("name=\"match\" type=\"checkbox\" value=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect();
    (draft, matches)
}

async fn decide(
    client: &reqwest::Client,
    app: &TestApp,
    csrf: &str,
    draft: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, Option<String>) {
    let mut form: Vec<(String, String)> = fields
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect();
    form.push(("csrf".into(), csrf.to_owned()));
    let response = client
        .post(app.url(&format!("/import/drafts/{draft}")))
        .header("accept-language", "en")
        .form(&form)
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned());
    (response.status(), response.text().await.unwrap(), location)
}

fn entry_count(entries: &[gestio::domain::ledger::JournalEntry]) -> usize {
    entries.len()
}

crate::backend_tests! {
    async fn a_csv_statement_over_months_typed_by_hand_is_matched_not_booked_twice(db) {
        let app = TestApp::spawn(&db).await;
        let (office, book) = demo(&app).await;
        let account = bank_account(&app, book).await;
        let october = gestio::service::demo_statements::demo_statement(&app.store, office, date("2026-11-23")).await.unwrap().unwrap();
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let form = client.get(app.url("/import")).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(form.contains("Maria Fernandes — Compte courant BCEE (LU28…0000)") && form.contains(">BCEE (CSV)</option>"), "{form}");

        let before = entry_count(&app.store.begin_read().await.unwrap().entries(book, Default::default()).await.unwrap());
        let (status, page) = upload(&client, &app, &csrf, (&account.to_string(), "bcee"), (&october.file_name, october.bytes.clone())).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let (draft, matches) = decision_of(&page);
        assert_eq!(matches.len(), 7, "each bank item of October typed by hand is proposed: {page}");
        assert!(page.contains("Pension CNAP") && page.contains("Already booked by this entry") && !page.contains('⚠'), "{page}");
        assert!(imports_of(&app.store, book).await.unwrap().is_empty(), "nothing booked before the decision");

        let mut fields: Vec<(&str, &str)> = matches.iter().map(|value| ("match", value.as_str())).collect();
        fields.push(("decision", "book"));
        let (status, booked, _) = decide(&client, &app, &csrf, &draft, &fields).await;
        assert_eq!(status, StatusCode::OK, "{booked}");
        assert!(booked.contains("The file was imported.") && booked.contains("<td class=\"amount\">7</td>"), "{booked}");
        let after = entry_count(&app.store.begin_read().await.unwrap().entries(book, Default::default()).await.unwrap());
        assert_eq!(after, before + 1, "only the bank's fee is new; the matched lines are booked by the hand-made entries");
        let waiting = gestio::service::categorise::suspense(&app.store, book).await.unwrap();
        assert_eq!(waiting.len(), 1, "the fee waits to be categorised");

        // The same file again: every line is known; nothing is asked, nothing added.
        let (status, again) = upload(&client, &app, &csrf, (&account.to_string(), ""), (&october.file_name, october.bytes.clone())).await;
        assert_eq!(status, StatusCode::OK);
        assert!(again.contains("The file was imported.") && !again.contains("/import/drafts/"), "{again}");
        let last = entry_count(&app.store.begin_read().await.unwrap().entries(book, Default::default()).await.unwrap());
        assert_eq!(last, after, "nothing booked twice");
        // The account's bank format is remembered.
        let remembered = client.get(app.url(&format!("/import?account={account}"))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(remembered.contains(r#"<option value="bcee" selected>"#), "{remembered}");
    }

    async fn a_file_left_waiting_is_forgotten_after_a_day(db) {
        use gestio::service::import::drafts::{draft, keep_draft};
        let app = TestApp::spawn(&db).await;
        demo(&app).await;
        let user = gestio::domain::ids::UserId::new(app.store.begin_read().await.unwrap().user_by_login("sandra").await.unwrap().0.id);
        let day = chrono::Duration::hours(24);
        let two_days_ago = now() - day * 2;
        let old = keep_draft(&app.store, user, ("old.xml", b"<x/>"), (None, None), (two_days_ago, two_days_ago - day)).await.unwrap();
        assert!(draft(&app.store, user, old).await.is_ok(), "kept while it is young");
        let new = keep_draft(&app.store, user, ("new.xml", b"<x/>"), (None, None), (now(), now() - day)).await.unwrap();
        assert_ne!(old, new, "a draft's id is never given again: a form left open must not reach another file");
        assert!(draft(&app.store, user, old).await.is_err(), "forgotten by the next upload after a day");
        assert!(draft(&app.store, user, new).await.is_ok());
    }

    async fn an_opening_that_differs_needs_a_reason_and_a_draft_is_its_senders_alone(db) {
        let app = TestApp::spawn(&db).await;
        let (_, book) = demo(&app).await;
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let november = crate::browser::november_statement().into_bytes();
        let (status, page) = upload(&client, &app, &csrf, ("", ""), ("nov.xml", november.clone())).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("⚠ The statement starts on 16/11/2026 with"), "{page}");
        let (draft, matches) = decision_of(&page);
        assert!(matches.is_empty());

        let paul = app.session("paul", PASSWORD).await.unwrap();
        let (status, _, _) = decide(&paul.client(), &app, &paul.csrf_token, &draft, &[("decision", "book"), ("reason", "mine now")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another user's draft does not exist for them");

        let (status, refused, _) = decide(&client, &app, &csrf, &draft, &[("decision", "book")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("Say why the file should be booked") && refused.contains("aria-invalid=\"true\""), "{refused}");
        assert!(imports_of(&app.store, book).await.unwrap().is_empty(), "nothing booked without a reason");
        let (status, booked, _) = decide(&client, &app, &csrf, &draft, &[("decision", "book"), ("reason", "early November still to come")]).await;
        assert_eq!(status, StatusCode::OK, "{booked}");
        let imports = imports_of(&app.store, book).await.unwrap();
        assert_eq!(imports.len(), 1);
        assert_eq!(imports[0].forced_reason.as_deref(), Some("early November still to come"));
        let (status, _, _) = decide(&client, &app, &csrf, &draft, &[("decision", "book")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a decided draft is gone");

        // "Do not import" forgets the file.
        let mut other = november.clone();
        other.extend_from_slice(b"\n");
        let (_, page) = upload(&client, &app, &csrf, ("", ""), ("nov-again.xml", other)).await;
        assert!(page.contains("0 new lines") || page.contains('⚠'), "{page}");
        let (draft, _) = decision_of(&page);
        let (status, _, location) = decide(&client, &app, &csrf, &draft, &[("decision", "drop")]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/import?dropped=1")));
        let dropped = client.get(app.url("/import?dropped=1")).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(dropped.contains("The file was not imported; nothing of it was kept."), "{dropped}");
        assert_eq!(imports_of(&app.store, book).await.unwrap().len(), 1);
    }

    async fn an_import_is_undone_with_its_categorisations_and_the_file_imports_again(db) {
        let app = TestApp::spawn(&db).await;
        let (_, book) = demo(&app).await;
        let november = crate::browser::november_statement().into_bytes();
        let options = ImportOptions { force_reason: Some("test"), ..ImportOptions::default() };
        let bank = gestio::domain::ids::AccountId::new(bank_account(&app, book).await);
        let balance = |at| {
            let store = app.store.clone();
            async move {
                let trial = gestio::service::ledger::trial_balance(&store, book, at).await.unwrap();
                trial.lines.iter().find(|line| line.account_id == bank).unwrap().balance
            }
        };
        let before = balance(None::<chrono::NaiveDate>).await;
        import_file(&app.store, "nov.xml", &november, options, "test", now()).await.unwrap();
        let waiting = gestio::service::categorise::suspense(&app.store, book).await.unwrap();
        assert_eq!(waiting.len(), 2);
        gestio::service::categorise::categorise(&app.store, book, gestio::domain::ids::EntryId::new(waiting[0].entry_id), waiting[0].line_no, "6000", false, "test", now()).await.unwrap();
        assert_ne!(balance(None).await, before);

        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let list = client.get(app.url(&format!("/case/{book}/imports"))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(list.contains("nov.xml") && list.contains("Undo the import") && list.contains("In the books"), "{list}");
        let import = imports_of(&app.store, book).await.unwrap()[0].id;
        let undo = format!("/case/{book}/imports/{import}/undo");
        let unconfirmed = client.post(app.url(&undo)).header("accept-language", "en").form(&[("csrf", csrf.as_str())]).send().await.unwrap();
        assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.text().await.unwrap().contains("Tick the box to confirm"));
        let done = client.post(app.url(&undo)).form(&[("csrf", csrf.as_str()), ("confirm", "yes")]).send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert_eq!(done.headers()["location"], format!("/case/{book}/imports?undone=3"), "two lines and one categorisation reversed");
        let said = client.get(app.url(&format!("/case/{book}/imports?undone=3"))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(said.contains("The import was undone: 3 entries reversed.") && said.contains("Undone on"), "{said}");
        assert_eq!(balance(None).await, before, "the bank account is as before");
        assert!(gestio::service::categorise::suspense(&app.store, book).await.unwrap().is_empty(), "no line left waiting");
        let again = client.post(app.url(&undo)).header("accept-language", "en").form(&[("csrf", csrf.as_str()), ("confirm", "yes")]).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().await.unwrap().contains("was already undone"));

        let summary = import_file(&app.store, "nov.xml", &november, options, "test", now()).await.unwrap();
        assert_eq!(summary.statements[0].new, 2, "the same file imports again");
        assert_eq!(gestio::service::categorise::suspense(&app.store, book).await.unwrap().len(), 2);
        let verified = gestio::service::verify::verify(&app.store, Some(book)).await.unwrap();
        assert!(verified.iter().all(|result| result.is_sound()), "the chain holds");
    }

    async fn an_import_inside_a_filed_period_or_with_a_line_reopened_is_not_undone(db) {
        let app = TestApp::spawn(&db).await;
        let (_, book) = demo(&app).await;
        let options = ImportOptions { force_reason: Some("test"), ..ImportOptions::default() };
        import_file(&app.store, "nov.xml", crate::browser::november_statement().as_bytes(), options, "test", now()).await.unwrap();
        let import = gestio::domain::ids::ImportId::new(imports_of(&app.store, book).await.unwrap()[0].id);
        // A line categorised, then its categorisation undone: the line waits from the undoing entry.
        let line = gestio::service::categorise::suspense(&app.store, book).await.unwrap()[0].clone();
        let moved = gestio::service::categorise::categorise(&app.store, book, gestio::domain::ids::EntryId::new(line.entry_id), line.line_no, "6000", false, "test", now()).await.unwrap();
        let undone = gestio::service::ledger::reverse_entry(&app.store, moved.entry.id, date("2026-11-20"), "test", None, now()).await.unwrap();
        let refused = gestio::service::import::undo_import(&app.store, import, None, "test", now()).await.unwrap_err();
        assert!(refused.to_string().contains("categorisation of 1 line(s) of import"), "{refused}");
        let line = gestio::service::categorise::suspense(&app.store, book).await.unwrap().into_iter().find(|item| item.entry_id == undone.id.get()).unwrap();
        gestio::service::categorise::categorise(&app.store, book, undone.id, line.line_no, "6000", false, "test", now()).await.unwrap();
        assert!(gestio::service::import::undo_import(&app.store, import, None, "test", now()).await.is_err(), "still refused");
        assert_eq!(gestio::service::categorise::suspense(&app.store, book).await.unwrap().len(), 1, "nothing changed");

        // Without the reopened line, the filed period is what refuses.
        let options = ImportOptions { force_reason: Some("test"), ..ImportOptions::default() };
        let mut december = crate::browser::november_statement().replace("2026-11-16", "2026-12-16").replace("2026-11-17", "2026-12-17");
        december = december.replace("BCEE2026111600001", "BCEE2026121600001").replace("BCEE2026111700002", "BCEE2026121700002");
        import_file(&app.store, "dec.xml", december.as_bytes(), options, "test", now()).await.unwrap();
        gestio::service::ledger::lock_book(&app.store, book, date("2026-12-16")).await.unwrap();
        let december_import = gestio::domain::ids::ImportId::new(imports_of(&app.store, book).await.unwrap()[0].id);
        let refused = gestio::service::import::undo_import(&app.store, december_import, None, "test", now()).await.unwrap_err();
        assert!(refused.to_string().contains("filed with the court"), "{refused}");
    }
}
