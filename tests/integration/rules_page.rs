//! The rules page of a case: a rule made by mistake (rent booked as a pension) is found in words,
//! sent to the right account, applied to the waiting lines it matches, switched off so imports
//! leave its lines waiting, and deleted after a confirmation.

use gestio::domain::access::Role;
use gestio::service::categorise::suspense;
use gestio::service::import::{ImportOptions, import_file};
use reqwest::StatusCode;

use crate::common::{PASSWORD, TestApp, Tie, now, open_case};

const IBAN: &str = "LU280019400644750000";

/// One more month's rent, booked at the bank after the first statement.
fn november_rent() -> String {
    format!(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>N</Id>\
         <Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>\
         <Ntry><Amt Ccy=\"EUR\">650.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\
         <BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>N1</AcctSvcrRef>\
         <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Agence immobiliere Lux</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>\
         </Stmt></BkToCstmrStmt></Document>"
    )
}

crate::backend_tests! {
    async fn a_rule_made_by_mistake_is_found_put_right_applied_switched_off_and_deleted(db) {
        let app = TestApp::spawn(&db).await;
        let case = open_case(&app.store, "Maria Fernandes", IBAN).await;
        import_file(&app.store, "w.xml", crate::waiting_lines::statement().as_bytes(), ImportOptions::default(), "test", now()).await.unwrap();
        app.add_user(case.office, "sandra", Role::Counsellor, Tie::None, &[case.book]).await;
        let session = app.session("sandra", PASSWORD).await.unwrap();
        let (client, csrf) = (session.client(), session.csrf_token.clone());
        let get = |path: String| {
            let client = client.clone();
            let url = app.url(&path);
            async move { client.get(url).header("accept-language", "en").send().await.unwrap().text().await.unwrap() }
        };
        let act = |rule: i64, fields: Vec<(&'static str, &'static str)>| {
            let client = client.clone();
            let url = app.url(&format!("/case/{}/rules/{rule}", case.book));
            let mut form: Vec<(&str, String)> = fields.into_iter().map(|(key, value)| (key, value.to_owned())).collect();
            form.push(("csrf", csrf.clone()));
            async move {
                let response = client.post(url).header("accept-language", "en").form(&form).send().await.unwrap();
                let location = response.headers().get("location").map(|value| value.to_str().unwrap().to_owned());
                (response.status(), location, response.text().await.unwrap())
            }
        };

        // A rent line booked as a pension, and a rule made of the mistake.
        let rent = suspense(&app.store, case.book).await.unwrap().into_iter()
            .find(|item| item.counterparty_name.as_deref() == Some("Agence immobiliere Lux")).unwrap();
        let key = format!("{}-{}", rent.entry_id, rent.line_no);
        let made = client.post(app.url(&format!("/case/{}/suspense", case.book))).form(&[
            ("csrf", csrf.clone()), ("only", format!("{}:{}", rent.entry_id, rent.line_no)),
            (format!("target-{key}").leak(), "4000".to_owned()), (format!("rule-{key}").leak(), "yes".to_owned()),
        ]).send().await.unwrap();
        let location = made.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.contains("moved=1&rule="), "{location}");
        let case_page = get(location.replace("#suspense", "")).await;
        assert!(case_page.contains("A rule was made of it: apply it to the other waiting lines."), "{case_page}");

        let page = get(format!("/case/{}/rules", case.book)).await;
        assert!(page.contains("name contains “Agence immobiliere Lux”") && page.contains("4000 Pensions"), "{page}");
        assert!(page.contains("Book the 9 waiting lines it matches") && page.contains("this case"), "{page}");
        let rule = gestio::service::categorise::rules(&app.store, case.office, Some(case.book)).await.unwrap()[0].id;

        let (status, _, refused) = act(rule, vec![("action", "change"), ("target", "6000"), ("priority", "first")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("Write the order as a whole number"), "{refused}");
        let (status, location, _) = act(rule, vec![("action", "change"), ("target", "6000"), ("priority", "50")]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some(format!("/case/{}/rules?done=changed#rule-{rule}", case.book).as_str())));
        assert!(get(format!("/case/{}/rules?done=changed", case.book)).await.contains("6000 Rent and housing charges"));
        let (status, _, refused) = act(rule, vec![("action", "change"), ("target", "1900"), ("priority", "50")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "suspense is no place for a rule: {refused}");

        let (status, location, _) = act(rule, vec![("action", "apply")]).await;
        assert_eq!((status, location.unwrap().contains("done=applied&count=9")), (StatusCode::SEE_OTHER, true));
        assert!(get(format!("/case/{}/rules?done=applied&count=9", case.book)).await.contains("9 waiting lines were booked by the rule."));
        assert_eq!(suspense(&app.store, case.book).await.unwrap().len(), 50);

        // The mistaken line itself: undone, it waits again and the rule matches it.
        let entries = app.store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap();
        let mistake = entries.iter().find(|entry| entry.description.starts_with("Categorised as Pensions")).unwrap();
        gestio::service::ledger::reverse_entry(&app.store, mistake.id, crate::common::date("2026-10-30"), "test", None, now()).await.unwrap();
        assert!(get(format!("/case/{}/rules", case.book)).await.contains("Book the waiting line it matches"));
        let (status, _, _) = act(rule, vec![("action", "apply")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let balances = gestio::service::ledger::trial_balance(&app.store, case.book, None).await.unwrap();
        let balance = |code: &str| balances.lines.iter().find(|line| line.code == code).unwrap().balance.minor();
        assert_eq!((balance("6000"), balance("4000")), (10 * 65_000, 0), "the ten rents on rent, nothing left on pensions");

        // Switched off, it books nothing at import.
        let (status, _, _) = act(rule, vec![("action", "off")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let off = get(format!("/case/{}/rules?done=off", case.book)).await;
        assert!(off.contains("(switched off)") && off.contains("it books nothing until it is switched on"), "{off}");
        let summary = import_file(&app.store, "n.xml", november_rent().as_bytes(), ImportOptions::default(), "test", now()).await.unwrap();
        assert_eq!(summary.statements[0].categorised, 0, "a rule switched off decides nothing");
        let (status, _, _) = act(rule, vec![("action", "on")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        let (status, _, refused) = act(rule, vec![("action", "delete")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.contains("Tick the box to confirm that the rule should be deleted."));
        let (status, _, _) = act(rule, vec![("action", "delete"), ("confirm", "yes")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let gone = get(format!("/case/{}/rules?done=deleted", case.book)).await;
        assert!(gone.contains("The rule was deleted.") && gone.contains("No rule applies to this case yet."), "{gone}");
        let (status, _, _) = act(rule, vec![("action", "on")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
