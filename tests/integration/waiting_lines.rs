//! The waiting lines on the case page: fifty a page, found by words, amount and direction, moved
//! one by one or many at once, with a message after each change and nothing half-done.

use gestio::domain::access::Role;
use gestio::service::import::{ImportOptions, import_file};
use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp, Tie, now, open_case};

const IBAN: &str = "LU280019400644750000";

/// A statement of 60 lines: 40 payments to Creos of 12.34 and 20 of 650.00 rent in and out.
pub(crate) fn statement() -> String {
    let line = |number: usize| {
        let (amount, side, party) = match number {
            0..40 => ("12.34", "DBIT", "Creos Luxembourg"),
            40..50 => ("650.00", "DBIT", "Agence immobiliere Lux"),
            _ => ("650.00", "CRDT", "Caisse nationale d'assurance pension"),
        };
        let role = if side == "DBIT" { "Cdtr" } else { "Dbtr" };
        format!(
            "<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{side}</CdtDbtInd><Sts>BOOK</Sts>\
             <BookgDt><Dt>2026-10-{:02}</Dt></BookgDt><AcctSvcrRef>W{number}</AcctSvcrRef>\
             <NtryDtls><TxDtls><RltdPties><{role}><Nm>{party}</Nm></{role}></RltdPties></TxDtls></NtryDtls></Ntry>",
            number % 28 + 1
        )
    };
    let entries: String = (0..60).map(line).collect();
    format!(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>W</Id>\
         <Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>{entries}</Stmt></BkToCstmrStmt></Document>"
    )
}

crate::backend_tests! {
    async fn waiting_lines_are_paged_found_and_moved_one_by_one_or_together(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Maria Fernandes", IBAN).await;
        import_file(&app.store, "w.xml", statement().as_bytes(), ImportOptions::default(), "test", now()).await.unwrap();
        app.add_user(case.office, "sandra", Role::Counsellor, Tie::None, &[case.book]).await;
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let client = session.client();
        let page = |query: &'static str| {
            let client = client.clone();
            let url = app.url(&format!("/case/{}{query}", case.book));
            async move { client.get(url).header("accept-language", "en").send().await.unwrap().text().await.unwrap() }
        };
        let lines = |text: &str| text.matches(r#"<tr class="line">"#).count();

        let first = page("").await;
        assert_eq!(lines(&first), 50, "a page of fifty");
        assert!(!first.contains("<td>6900</td>") && first.contains("more accounts, at zero"), "accounts at zero hidden: {first}");
        assert!(first.contains("<td>1100</td>") && first.contains("<td>1900</td>"), "money and suspense shown");
        assert!(page("?accounts=all").await.contains("<td>6900</td>"), "and shown when asked");
        assert!(!first.contains("Creos Luxembourg — Creos Luxembourg"), "each thing the bank said once: {first}");
        // Entries newest first, paged both ways: the opening entry and 60 lines, 50 a page.
        let entry_links = |text: &str| {
            text.matches(&format!(r#"<a href="/case/{}/entries/"#, case.book)).count()
                - text.matches(&format!(r#"<a href="/case/{}/entries/new"#, case.book)).count()
        };
        assert_eq!(entry_links(&first), 50);
        let listed = first.split_once(r#"id="entries""#).unwrap().1;
        assert!(listed.find("28/10/2026").unwrap() < listed.find("27/10/2026").unwrap(), "the newest first: {listed}");
        let older = first.split(r#"<a href=""#).find(|part| part.contains("Older entries")).unwrap().split('"').next().unwrap().replace("&amp;", "&");
        assert!(older.contains("?before=") && !first.contains("Newer entries"), "{older}");
        let oldest = client.get(app.url(&older)).send().await.unwrap().text().await.unwrap();
        assert_eq!(entry_links(&oldest), 11);
        assert!(oldest.contains("Newer entries") && !oldest.contains("Older entries"));
        assert!(first.contains("Lines 1–50 of 60") && first.contains("waiting=50#suspense"), "{first}");
        let second = page("?waiting=50").await;
        assert_eq!(lines(&second), 10);
        assert!(second.contains("Lines 51–60 of 60") && second.contains("waiting=0#suspense"));
        assert_eq!(lines(&page("?q=creos").await), 40, "found by the counterparty's words");
        assert_eq!(lines(&page("?amount=650,00").await), 20, "a decimal comma");
        assert_eq!(lines(&page("?amount=650&direction=in").await), 10, "money in only");
        let none = page("?q=nobody").await;
        assert!(none.contains("No waiting line matches this search."), "{none}");

        // The bulk move: every picked line, or none.
        let csrf = session.csrf_token.clone();
        let waiting = gestio::service::categorise::suspense(&app.store, case.book).await.unwrap();
        let creos: Vec<String> = waiting.iter().filter(|item| item.counterparty_name.as_deref() == Some("Creos Luxembourg"))
            .map(|item| format!("pick-{}-{}", item.entry_id, item.line_no)).collect();
        let mut fields: Vec<(String, String)> = creos.iter().map(|name| (name.clone(), "yes".to_owned())).collect();
        fields.push(("csrf".into(), csrf.clone()));
        fields.push(("bulk".into(), "yes".into()));
        let unchosen = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&fields).send().await.unwrap();
        assert_eq!(unchosen.status(), StatusCode::UNPROCESSABLE_ENTITY, "no account chosen");
        assert!(unchosen.text().await.unwrap().contains("nothing was moved"));
        let mut to_suspense = fields.clone();
        to_suspense.push(("bulk_target".into(), "1900".into()));
        let refused = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&to_suspense).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "suspense is no category");
        assert_eq!(gestio::service::categorise::suspense(&app.store, case.book).await.unwrap().len(), 60, "nothing half-moved");
        fields.push(("bulk_target".into(), "6100".into()));
        let moved = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&fields).send().await.unwrap();
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        assert_eq!(moved.headers()["location"], format!("/case/{}?moved=40#suspense", case.book));
        assert!(page("?moved=40").await.contains("40 lines were moved to their account."));
        assert_eq!(gestio::service::categorise::suspense(&app.store, case.book).await.unwrap().len(), 20);

        // One line by its own button, to its own account.
        let rent = gestio::service::categorise::suspense(&app.store, case.book).await.unwrap()[0].clone();
        let key = format!("{}-{}", rent.entry_id, rent.line_no);
        let one = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&[
            ("csrf", csrf.clone()), ("only", format!("{}:{}", rent.entry_id, rent.line_no)), (format!("target-{key}").leak(), "6000".to_owned()),
        ]).send().await.unwrap();
        assert_eq!(one.status(), StatusCode::SEE_OTHER);
        assert_eq!(gestio::service::categorise::suspense(&app.store, case.book).await.unwrap().len(), 19);
        // The other lines of the same counterparty are suggested the account this one went to;
        // lines nobody placed before get no suggestion.
        assert_eq!(rent.counterparty_name.as_deref(), Some("Caisse nationale d'assurance pension"), "the earliest line left");
        let suggested = page("?direction=in").await;
        assert_eq!(suggested.matches(r#"<option value="6000" selected>"#).count(), 9, "{suggested}");
        let rents = page("?direction=out").await;
        let suggested_rows = rents.split(r#"<tr class="line">"#).skip(1).filter(|row| row.split("</tr>").next().unwrap_or_default().contains(" selected>")).count();
        assert_eq!(suggested_rows, 0, "the rents: no suggestion");
    }

    async fn an_undone_categorisation_puts_the_line_back_to_be_booked_again(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Maria Fernandes", IBAN).await;
        import_file(&app.store, "w.xml", statement().as_bytes(), ImportOptions::default(), "test", now()).await.unwrap();
        app.add_user(case.office, "sandra", Role::Counsellor, Tie::None, &[case.book]).await;
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let waiting = || async { gestio::service::categorise::suspense(&app.store, case.book).await.unwrap() };
        let imported: Vec<i64> = waiting().await.iter().map(|item| item.entry_id).collect();
        let rent = waiting().await.into_iter().find(|item| item.counterparty_name.as_deref() == Some("Agence immobiliere Lux")).unwrap();
        let key = format!("{}-{}", rent.entry_id, rent.line_no);
        let moved = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&[
            ("csrf", csrf.clone()), ("only", format!("{}:{}", rent.entry_id, rent.line_no)), (format!("target-{key}").leak(), "6100".to_owned()),
        ]).send().await.unwrap();
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        assert_eq!(waiting().await.len(), 59);
        let categorisation = app.store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap()
            .into_iter().find(|entry| entry.source_ref.as_deref().is_some_and(|reference| reference.starts_with("categorise:"))).unwrap();

        // Booked to energy by mistake: undone from the entry's page.
        let entry_page = client.get(app.url(&format!("/case/{}/entries/{}", case.book, categorisation.id))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(entry_page.contains("Undo the categorisation"), "{entry_page}");
        let undone = client.post(app.url(&format!("/case/{}/entries/{}/reversal", case.book, categorisation.id)))
            .form(&[("csrf", csrf.as_str()), ("date", "2026-10-20")]).send().await.unwrap();
        assert_eq!(undone.status(), StatusCode::SEE_OTHER);
        assert_eq!(undone.headers()["location"], format!("/case/{}?reopened=1#suspense", case.book));
        let page = client.get(app.url(&format!("/case/{}?reopened=1&q=immobiliere", case.book))).header("accept-language", "en").send().await.unwrap().text().await.unwrap();
        assert!(page.contains("The categorisation was undone: the line waits here again"), "{page}");
        let back = waiting().await;
        assert_eq!(back.len(), 60, "the line waits again");
        let again = back.iter().find(|item| !imported.contains(&item.entry_id));
        let again = again.expect("the line waits, described by the bank's words").clone();
        assert_eq!((&again.description, &again.counterparty_name, again.amount_minor), (&rent.description, &rent.counterparty_name, rent.amount_minor));
        let dashboard = crate::common::assert_dashboard_is_fresh(&app.store, &case, "the undone categorisation").await;
        assert_eq!(dashboard.attention.to_categorise, 60, "the caseload counts it");

        // Booked to rent this time; and that can be undone too, as often as needed.
        gestio::service::categorise::categorise(&app.store, case.book, gestio::domain::ids::EntryId::new(again.entry_id), again.line_no, "6000", false, "test", now()).await.unwrap();
        assert_eq!(waiting().await.len(), 59);
        let housing = gestio::service::ledger::trial_balance(&app.store, case.book, None).await.unwrap();
        let balance = |code: &str| housing.lines.iter().find(|line| line.code == code).unwrap().balance.minor();
        assert_eq!((balance("6000"), balance("6100")), (65_000, 0), "rent on rent, nothing left on energy");
        let second = app.store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap().into_iter()
            .filter(|entry| entry.source_ref.as_deref().is_some_and(|reference| reference.starts_with("categorise:"))).max_by_key(|entry| entry.id).unwrap();
        gestio::service::ledger::reverse_entry(&app.store, second.id, crate::common::date("2026-10-21"), "test", None, now()).await.unwrap();
        let third = waiting().await.into_iter().find(|item| !imported.contains(&item.entry_id) && item.entry_id != again.entry_id).expect("waits a third time");
        assert_eq!(third.counterparty_name.as_deref(), Some("Agence immobiliere Lux"));
    }
}
