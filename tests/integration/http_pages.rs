//! The pages each role starts on, in the user's language: the beneficiary's portal, the court's
//! filed accounts with the review form, the supervisors' audit log.

use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp};
use crate::http_access::world::set_up;

/// A browser-like client signed in as `login`: the page, and the session's CSRF token.
async fn page(app: &TestApp, login: &str, path: &str, language: &str) -> (StatusCode, String, String) {
    let session = app.session(login, PASSWORD).await.unwrap();
    let response = session
        .client()
        .get(app.url(path))
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap(), session.csrf_token)
}

crate::backend_tests! {
    async fn supervisors_add_users_assign_books_and_disable_within_their_office(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("supervisor", PASSWORD).await.unwrap();
        let client = session.client();
        let csrf = session.csrf_token.as_str();
        let person = ids.person.to_string();
        let added = client.post(app.url("/admin/users")).form(&[("csrf", csrf), ("login", "maria.bis"), ("name", "Maria"),
            ("role", "beneficiary"), ("password", "another long passphrase"), ("beneficiary", person.as_str())]).send().await.unwrap();
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        assert!(app.session("maria.bis", "another long passphrase").await.is_ok(), "the new user signs in");
        let short = client.post(app.url("/admin/users")).form(&[("csrf", csrf), ("login", "paul"), ("name", "Paul"),
            ("role", "counsellor"), ("password", "short")]).send().await.unwrap();
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let short = short.text().await.unwrap();
        assert!(short.contains("at least 12 characters") && short.contains(r#"aria-describedby="user-error""#), "{short}");
        assert!(short.contains(r#"value="paul""#) && short.contains(r#"value="Paul""#), "what was typed is kept: {short}");
        assert!(short.contains(&format!(r#"<option value="{person}">Maria Fernandes</option>"#)), "the person picked by name: {short}");

        // A counsellor who forgot their password gets a new one from the supervisor.
        let before = app.session("counsellor", PASSWORD).await.unwrap().client();
        let weak = client.post(app.url(&format!("/admin/users/{}/password", ids.counsellor)))
            .form(&[("csrf", csrf), ("password", "short")]).send().await.unwrap();
        assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(weak.text().await.unwrap().contains(&format!(r#"id="password-error-{}""#, ids.counsellor)));
        let reset = client.post(app.url(&format!("/admin/users/{}/password", ids.counsellor)))
            .form(&[("csrf", csrf), ("password", "a brand new passphrase for Sandra")]).send().await.unwrap();
        assert_eq!(reset.headers()["location"], "/admin/users?done=password");
        assert_eq!(before.get(app.url("/api/v1/books")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED, "the old sessions end");
        assert!(app.session("counsellor", PASSWORD).await.is_err());
        let reset_back = client.post(app.url(&format!("/admin/users/{}/password", ids.counsellor)))
            .form(&[("csrf", csrf), ("password", PASSWORD)]).send().await.unwrap();
        assert_eq!(reset_back.status(), StatusCode::SEE_OTHER);

        let counsellor = app.session("counsellor", PASSWORD).await.unwrap().client();
        let other_book = (ids.book.get() + 1).to_string();
        // Asked once before the changes, so the server has the session in memory: the changes
        // below must reach it at once all the same.
        assert_eq!(counsellor.get(app.url(&format!("/api/v1/books/{other_book}"))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let assigned = client.post(app.url(&format!("/admin/users/{}/assignments", ids.counsellor)))
            .form(&[("csrf", csrf), ("book", other_book.as_str())]).send().await.unwrap();
        assert_eq!(assigned.status(), StatusCode::SEE_OTHER);
        assert_eq!(counsellor.get(app.url(&format!("/api/v1/books/{other_book}"))).send().await.unwrap().status(), StatusCode::OK);
        let disabled = client.post(app.url(&format!("/admin/users/{}/disabled", ids.counsellor)))
            .form(&[("csrf", csrf), ("disabled", "true")]).send().await.unwrap();
        assert_eq!(disabled.status(), StatusCode::SEE_OTHER);
        assert_eq!(counsellor.get(app.url("/api/v1/books")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED, "disabling ends the session");

        let elsewhere = crate::common::open_case(&app.store, "Ana Costa", "LU44 0010 0098 7654 3210").await;
        app.add_user(elsewhere.office, "outsider", gestio::domain::access::Role::Counsellor, crate::common::Tie::None, &[]).await;
        let outsider = app.store.begin_read().await.unwrap().user_by_login("outsider").await.unwrap().0.id;
        let foreign = client.post(app.url(&format!("/admin/users/{outsider}/disabled")))
            .form(&[("csrf", csrf), ("disabled", "true")]).send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::NOT_FOUND, "another office's users do not exist here");
        let (status, page_text, _) = page(&app, "supervisor", "/admin/users", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page_text.contains("maria.bis") && !page_text.contains("outsider"), "{page_text}");
        assert!(page_text.contains("reads the money of Maria Fernandes"), "what each user is linked to: {page_text}");
    }

    async fn each_role_starts_on_its_own_page_in_its_language(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;

        let (status, portal, _) = page(&app, "maria", "/", "de").await;
        assert_eq!(status, StatusCode::OK);
        assert!(portal.contains(r#"<html lang="pt">"#), "a beneficiary reads in their case's language, not the browser's");
        assert!(portal.contains("Os seus extratos mensais") && portal.contains("novembro de 2026"), "{portal}");
        assert!(portal.contains(&format!("/statements/{}/2026-", ids.book)), "{portal}");
        assert!(portal.contains(&format!("/api/v1/filings/{}/pdf", ids.filing)), "the filed account: {portal}");

        let (_, supervisor, _) = page(&app, "supervisor", "/", "en").await;
        assert!(supervisor.contains(r#"<a href="/payments">1 payment run waits for your approval</a>"#), "{supervisor}");
        let (_, counsellor, _) = page(&app, "counsellor", "/", "en").await;
        assert!(!counsellor.contains("waits for your approval"), "approving is the supervisor's");

        let (status, court, _) = page(&app, "greffe-lux", "/", "fr-LU,fr;q=0.9").await;
        assert_eq!(status, StatusCode::OK);
        assert!(court.contains(r#"<html lang="fr">"#) && court.contains("Comptes déposés au tribunal"), "{court}");
        assert!(court.contains("Maria Fernandes") && court.contains(&format!("/api/v1/filings/{}/bundle", ids.filing)));
        assert!(court.contains(&format!(r#"<label for="remarks-{}">"#, ids.filing)));

        let (status, caseload, _) = page(&app, "counsellor", "/", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(caseload.contains("Maria Fernandes") && !caseload.contains("Jean-Paul Schmit"));
        assert!(caseload.contains(r##"<a class="skip" href="#main">Skip to content</a>"##));
    }

    async fn the_court_reviews_from_its_page_and_a_bad_review_comes_back_to_its_field(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let session = app.session("greffe-lux", PASSWORD).await.unwrap();
        let client = session.client();
        let path = app.url(&format!("/court/filings/{}/review", ids.filing));
        let empty = [("csrf", session.csrf_token.as_str()), ("verdict", "remarks"), ("remarks", "  ")];
        let refused = client.post(&path).form(&empty).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        let field = format!(r#"aria-describedby="remarks-error-{}""#, ids.filing);
        assert!(refused.contains(&field) && refused.contains("role=\"alert\""), "{refused}");
        let unconfirmed = [("csrf", session.csrf_token.as_str()), ("verdict", "approved")];
        let unconfirmed = client.post(&path).form(&unconfirmed).send().await.unwrap();
        assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY, "a review is sent on purpose");
        assert!(unconfirmed.text().await.unwrap().contains("Nothing was recorded"));
        let remarks = [("csrf", session.csrf_token.as_str()), ("verdict", "remarks"), ("remarks", "Justificatif du loyer de mai manquant"), ("confirm", "yes")];
        let (_, before, _) = page(&app, "counsellor", "/", "en").await;
        assert!(!before.contains("The court made remarks"), "{before}");
        let done = client.post(&path).form(&remarks).send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let (_, caseload, _) = page(&app, "counsellor", "/", "en").await;
        assert!(caseload.contains("The court made remarks on the last account"), "the remarks are on the counsellor's to-do: {caseload}");
        let approved = [("csrf", session.csrf_token.as_str()), ("verdict", "approved"), ("confirm", "yes")];
        assert_eq!(client.post(&path).form(&approved).send().await.unwrap().status(), StatusCode::SEE_OTHER);
        let filing = gestio::service::filings::filing(&app.store, gestio::domain::ids::FilingId::new(ids.filing)).await.unwrap();
        assert_eq!(filing.review.unwrap().verdict, gestio::domain::filing::Verdict::Approved, "the latest review");
        let (_, answered, _) = page(&app, "counsellor", "/", "en").await;
        assert!(!answered.contains("The court made remarks"), "a later approval answers them");
        let (_, to_review, _) = page(&app, "greffe-lux", "/", "en").await;
        assert!(to_review.contains("No account waits for your review."), "reviewed accounts leave the list to review: {to_review}");
        let (_, found, _) = page(&app, "greffe-lux", "/?show=all&q=tut+2024", "en").await;
        assert!(found.contains(&format!(r#"href="/court/filings/{}""#, ids.filing)), "found by its case number: {found}");
        let (_, none, _) = page(&app, "greffe-lux", "/?show=all&q=nobody", "en").await;
        assert!(none.contains("No filed account matches."), "{none}");
        let (status, opened, _) = page(&app, "greffe-lux", &format!("/court/filings/{}", ids.filing), "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(opened.contains("Entries and their receipts") && opened.contains("/api/v1/evidence/"), "{opened}");
        let (_, court, _) = page(&app, "greffe-lux", "/?show=reviewed", "en").await;
        // The approval does not hide the remarks before it: the history shows both, in order.
        let history = court.split_once("Reviews so far").expect("the history is shown").1;
        let remarks_at = history.find("Remarks: Justificatif du loyer de mai manquant").expect("the remarks kept");
        assert!(remarks_at < history.find("Approved").expect("the approval"), "{court}");
    }

    async fn supervisors_search_the_audit_log_and_others_may_not(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let (status, _, _) = page(&app, "other-counsellor", &format!("/api/v1/books/{}", ids.book), "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, log, _) = page(&app, "supervisor", "/audit?kind=denied", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(log.contains(&format!("GET /api/v1/books/{}", ids.book)), "the refusal is in the log: {log}");
        assert!(!log.contains("read the case"), "only denials were asked for");
        assert!(log.contains("was refused (GET /api/v1/books/"), "a refusal in words: {log}");
        let (status, log, _) = page(&app, "supervisor", &format!("/audit?book={}", ids.book), "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(log.contains("was refused"));
        // A change in words, with the person's and the case's names, in the office's local time.
        let counsellor = app.session("counsellor", crate::common::PASSWORD).await.unwrap();
        let attempt = counsellor.client().post(app.url(&format!("/payments/runs/{}/cancellation", ids.book_run)))
            .form(&[("csrf", counsellor.csrf_token.as_str()), ("confirm", "yes")]).send().await.unwrap();
        assert_eq!(attempt.status(), StatusCode::SEE_OTHER);
        let _ = page(&app, "counsellor", &format!("/case/{}", ids.book), "en").await;
        let (_, log, _) = page(&app, "supervisor", "/audit", "fr").await;
        assert!(log.contains(&format!("a annulé le lot de paiement {}", ids.book_run)), "{log}");
        assert!(!log.contains("a lu le dossier —"), "reads are not what the log shows first: {log}");
        assert!(log.contains("Qui a lu quoi") && log.contains("a lu Maria Fernandes"), "reads summed up per person and day: {log}");
        let (status, _, _) = page(&app, "counsellor", "/audit", "en").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }

    async fn users_choose_their_language_and_change_their_own_password(db) {
        let app = TestApp::spawn(&db).await;
        set_up(&app).await;
        let session = app.session("counsellor", PASSWORD).await.unwrap();
        let client = session.client();
        let csrf = session.csrf_token.as_str();
        let chosen = client.post(app.url("/profile/language")).form(&[("csrf", csrf), ("language", "de")]).send().await.unwrap();
        assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
        let start = client.get(app.url("/")).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(start.contains(r#"<html lang="de">"#), "the profile's language wins over the browser's");
        let unknown = client.post(app.url("/profile/language")).form(&[("csrf", csrf), ("language", "it")]).send().await.unwrap();
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let browser = client.post(app.url("/profile/language")).form(&[("csrf", csrf), ("language", "")]).send().await.unwrap();
        assert_eq!(browser.status(), StatusCode::SEE_OTHER);
        let start = client.get(app.url("/")).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(start.contains(r#"<html lang="fr">"#), "back to the browser's language");

        let new = "a brand new long passphrase";
        let change = |current: &'static str, repeated: &'static str| [("csrf", csrf), ("current", current), ("new", new), ("repeated", repeated)];
        let wrong = client.post(app.url("/profile/password")).form(&change("not my password", new)).send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let wrong = wrong.text().await.unwrap();
        assert!(wrong.contains("current password is not right") && wrong.contains(r#"aria-describedby="password-error""#), "{wrong}");
        let differs = client.post(app.url("/profile/password")).form(&change(PASSWORD, "something else entirely")).send().await.unwrap();
        assert_eq!(differs.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(app.session("counsellor", PASSWORD).await.is_ok(), "refused changes change nothing");
        let changed = client.post(app.url("/profile/password")).form(&change(PASSWORD, new)).send().await.unwrap();
        assert_eq!(changed.status(), StatusCode::SEE_OTHER);
        assert_eq!(client.get(app.url("/api/v1/books")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED, "this session ended too");
        assert!(app.session("counsellor", PASSWORD).await.is_err());
        assert!(app.session("counsellor", new).await.is_ok());
    }

    async fn the_caseload_counts_what_needs_doing_as_the_case_pages_list_it(db) {
        let app = TestApp::spawn(&db).await;
        let ids = set_up(&app).await;
        let store = &app.store;
        let office = store.begin_read().await.unwrap().offices().await.unwrap()[0].id;
        let maria = crate::common::Case { office, book: ids.book, accounts: Vec::new() };
        crate::common::assert_dashboard_is_fresh(store, &maria, "the demo").await;
        // Two new lines that no rule knows: they wait on suspense.
        let statement = crate::browser::november_statement();
        let options = gestio::service::import::ImportOptions::default();
        gestio::service::import::import_file(store, "maria.xml", statement.as_bytes(), options, "test", crate::common::now())
            .await
            .unwrap();
        // The same statement again, numbered 13: its lines are known, but it skips number 12 and
        // opens at 100.00 where the account closed at 130.00, so two gaps stay open.
        let again = statement.replace("<ElctrncSeqNb>11<", "<ElctrncSeqNb>13<").replace("-2026-11<", "-2026-11-again<");
        gestio::service::import::import_file(store, "again.xml", again.as_bytes(), options, "test", crate::common::now())
            .await
            .unwrap();
        let shown = crate::common::assert_dashboard_is_fresh(store, &maria, "the imports").await.attention;
        assert_eq!(shown.to_categorise, 2, "the two new lines wait");
        assert!(shown.open_gaps > 0, "the skipped statement left a gap open");
        let mut tx = store.begin_read().await.unwrap();
        let office = tx.offices().await.unwrap()[0].id;
        let attention: std::collections::HashMap<_, _> = tx.caseload(Some(office), None).await.unwrap().into_iter()
            .filter_map(|case| Some((case.book?.id, case.attention)))
            .collect();
        let books = tx.books(Some(office)).await.unwrap();
        let (mut waiting, mut gaps_open) = (0, 0);
        for book in &books {
            let counted = attention.get(&book.id).copied().unwrap_or_default();
            let lines = gestio::service::categorise::suspense(store, book.id).await.unwrap().len() as i64;
            let gaps = tx.open_gaps(Some(book.id)).await.unwrap().len() as i64;
            let exported = tx.exported_orders(Some(book.id)).await.unwrap().len() as i64;
            assert_eq!((counted.to_categorise, counted.open_gaps, counted.on_the_way), (lines, gaps, exported), "book {}", book.id);
            waiting += lines;
            gaps_open += gaps;
        }
        let runs = tx.runs_of_office(office, 100).await.unwrap();
        tx.commit().await.unwrap();
        assert!(waiting > 0, "the demo office has lines waiting, so the count is tested on something");
        assert!(gaps_open > 0, "the demo office has open gaps, so their count is tested on something");
        for book in &books {
            let latest = runs.iter().filter(|run| run.book_id.is_none_or(|id| id == book.id.get())).map(|run| run.id).max();
            let held = match latest {
                Some(run) => gestio::service::payments::run_report(store, gestio::domain::ids::PaymentRunId::new(run)).await.unwrap()
                    .holds.iter().filter(|hold| hold.book_id == book.id.get()).count() as i64,
                None => 0,
            };
            assert_eq!(attention.get(&book.id).copied().unwrap_or_default().held, held, "held in the latest run of book {}", book.id);
        }
        let only = [ids.book.get()];
        let mut tx = store.begin_read().await.unwrap();
        let mine = tx.caseload(Some(office), Some(&only)).await.unwrap();
        assert!(tx.caseload(Some(office), Some(&[])).await.unwrap().is_empty(), "an empty list matches no book");
        tx.commit().await.unwrap();
        assert_eq!(mine.len(), 1, "only the book asked for");
        assert_eq!(mine[0].book.as_ref().map(|book| book.id), Some(ids.book));
        assert_eq!(mine[0].attention, attention[&ids.book], "the same counts whether asked alone or with the office");

        let lines = attention.get(&ids.book).copied().unwrap_or_default().to_categorise;
        let (status, caseload, _) = page(&app, "counsellor", "/", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(lines, 2, "the statement's two new lines wait in Maria's book");
        assert!(caseload.contains(&format!(r##"<a href="/case/{}#suspense">2 lines to categorise</a>"##, ids.book)), "{caseload}");
        // Gaps resolved by hand in the database, from another connection: the dashboard follows.
        let resolved = crate::common::raw_sql(&db, &format!(
            "UPDATE statement_gaps SET resolved_at = '2026-11-24 09:00:00+00' WHERE resolved_at IS NULL \
             AND account_id IN (SELECT id FROM accounts WHERE book_id = {})", ids.book)).await.unwrap();
        assert!(resolved > 0);
        let shown = crate::common::assert_dashboard_is_fresh(store, &maria, "the gaps resolved").await.attention;
        assert_eq!(shown.open_gaps, 0);
    }
}
