//! The caseload's one query per dashboard, on SQLite and PostgreSQL: each person with their book,
//! the mandate in force last and the money held; people without a book only in an office-wide
//! list; and the dashboard's memory of cases, which must follow every change (the tests of
//! imports, payments and filings check it after theirs).

use crate::common::{assert_dashboard_is_fresh, date, eur, now, open_case, raw_sql};
use gestio::domain::ids::BeneficiaryId;
use gestio::domain::mandate::{Jurisdiction, MandateInput, MandateKind, NewMandate, PeriodRule};
use gestio::domain::party::{Language, NewBeneficiary};
use gestio::service::caseload::caseload;
use gestio::service::parties;

const IBAN: &str = "LU280019400644750000";

crate::backend_tests! {
    async fn each_case_has_its_book_the_mandate_started_last_and_its_money(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let mut tx = store.begin_read().await.unwrap();
        let person = tx.book(case.book).await.unwrap().beneficiary_id;
        tx.commit().await.unwrap();
        // Recorded after open_case's tutelle of 2026-01-01: one that started later, then one that
        // started earlier (a higher id, an older start), so only the start can pick the later one.
        let mut later = None;
        for (number, start) in [("CUR 2026/7", "2026-06-01"), ("CUR 2024/2", "2024-03-01")] {
            // Every optional field set, so the whole mandate must come back as it was stored.
            let input = MandateInput {
                court: Some(crate::common::court(&store, "Tribunal d'arrondissement de Diekirch").await),
                case_number: Some(number),
                judge: Some("Mme Weber"),
                end: Some(date("2029-05-31")),
                receipt_threshold: Some(eur("150.00")),
                agreement: Some("Budget agreed with the tutor, signed 2026-05-20"),
            };
            let mandate = NewMandate::new(person, MandateKind::Curatelle, date(start), PeriodRule::CalendarYear, Jurisdiction::Lu, input).unwrap();
            let created = parties::create_mandate(&store, &mandate, now()).await.unwrap();
            later.get_or_insert(created);
        }
        let newcomer = NewBeneficiary::new(case.office, "Rui Almeida", Language::Pt, Some(date("1958-02-14")), Some("Rua do Sol 4, 4410 Esch"), date("2026-11-23")).unwrap();
        let newcomer = parties::create_beneficiary(&store, &newcomer, now()).await.unwrap();

        let office = caseload(&store, Some(case.office), None).await.unwrap();
        assert_eq!(office.len(), 2, "the person without a book is in the office's list");
        let ana = &office[0];
        assert_eq!(ana.book.as_ref().map(|book| book.id), Some(case.book));
        let mandate = ana.mandate.as_ref().unwrap();
        assert_eq!((mandate.kind, mandate.start), (MandateKind::Curatelle, date("2026-06-01")));
        assert_eq!(ana.mandate, later, "the whole mandate, each field as stored");
        let mut tx = store.begin_read().await.unwrap();
        assert_eq!(ana.book.as_ref(), Some(&tx.book(case.book).await.unwrap()), "the whole book, each field as stored");
        tx.commit().await.unwrap();
        assert_eq!(ana.money, Some(eur("1020.00")), "1000.00 in the bank and 20.00 in the cash box; the debt is not money");
        let rui = &office[1];
        assert_eq!(rui.beneficiary, newcomer, "the whole person, each field as stored");
        assert!(rui.book.is_none() && rui.mandate.is_none() && rui.money.is_none());

        let mine = caseload(&store, Some(case.office), Some(&[case.book])).await.unwrap();
        assert_eq!(mine.len(), 1, "a list of books leaves out the people without one");
        assert_eq!(mine[0].beneficiary.id, person);
        assert!(caseload(&store, Some(case.office), Some(&[])).await.unwrap().is_empty());
        let elsewhere = open_case(&store, "Other office", "LU120010001234567891").await;
        assert!(caseload(&store, Some(elsewhere.office), Some(&[case.book])).await.unwrap().is_empty(), "another office's book is not in this office's list");
    }

    async fn the_planner_statistics_change_no_answer(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let before = caseload(&store, Some(case.office), Some(&[case.book])).await.unwrap();
        store.gather_statistics().await.unwrap();
        let after = caseload(&store, Some(case.office), Some(&[case.book])).await.unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].money, Some(eur("1020.00")));
        assert_eq!(format!("{after:?}"), format!("{before:?}"));
    }

    async fn the_dashboard_memory_follows_changes_made_behind_the_server_back(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let opened = assert_dashboard_is_fresh(&store, &case, "opening the book").await;
        let person = opened.beneficiary.id.get();
        // Changes gestio does not make itself, made from another connection as an administrator
        // with database access would: the database's triggers must still mark the book changed.
        let by_hand = |sql: String| {
            let db = &db;
            async move { assert_eq!(raw_sql(db, &sql).await, Ok(1), "{sql}") }
        };
        by_hand(format!("UPDATE beneficiaries SET name = 'Ana Maria Costa' WHERE id = {person}")).await;
        assert_eq!(assert_dashboard_is_fresh(&store, &case, "renaming the person").await.beneficiary.name, "Ana Maria Costa");
        by_hand(format!("UPDATE mandates SET judge = 'M. Schmit' WHERE beneficiary_id = {person}")).await;
        let judged = assert_dashboard_is_fresh(&store, &case, "changing the judge").await;
        assert_eq!(judged.mandate.and_then(|mandate| mandate.court).map(|court| court.judge), Some(Some("M. Schmit".into())));
        let cash = case.accounts.iter().find(|account| account.category.code() == "asset.cash").unwrap().id.get();
        by_hand(format!("UPDATE accounts SET category = 'asset.receivable' WHERE id = {cash}")).await;
        assert_eq!(assert_dashboard_is_fresh(&store, &case, "the cash box made a receivable").await.money_minor, 100_000);
        by_hand(format!("UPDATE accounts SET category = 'asset.cash' WHERE id = {cash}")).await;
        assert_eq!(assert_dashboard_is_fresh(&store, &case, "the cash box again").await.money_minor, 102_000);

        let input = MandateInput { court: Some(crate::common::court(&store, crate::common::LUXEMBOURG_COURT).await), case_number: Some("CUR 2026/9"), ..MandateInput::default() };
        let later = NewMandate::new(BeneficiaryId::new(person), MandateKind::Curatelle, date("2026-09-01"), PeriodRule::CalendarYear, Jurisdiction::Lu, input).unwrap();
        let later = parties::create_mandate(&store, &later, now()).await.unwrap();
        assert_eq!(assert_dashboard_is_fresh(&store, &case, "a new mandate").await.mandate, Some(later.clone()));
        by_hand(format!("DELETE FROM mandates WHERE id = {}", later.id)).await;
        assert_eq!(assert_dashboard_is_fresh(&store, &case, "deleting the mandate").await.mandate.map(|mandate| mandate.kind), Some(MandateKind::Tutelle));
    }

    async fn a_server_reads_books_and_cases_ahead_and_still_follows_changes(db) {
        let writer = db.store().await;
        let case = open_case(&writer, "Ana Costa", IBAN).await;
        let other = open_case(&writer, "Rui Almeida", "LU120010001234567891").await;
        // A server starting on the database: a Store of its own.
        let server = db.store().await;
        assert_eq!(server.keep_in_memory().await.unwrap(), (2, 2), "both books and both cases");
        assert_eq!(assert_dashboard_is_fresh(&server, &other, "reading ahead").await.money_minor, 102_000);
        let person = assert_dashboard_is_fresh(&server, &case, "reading ahead").await.beneficiary.id;
        assert_eq!(raw_sql(&db, &format!("UPDATE beneficiaries SET name = 'Ana Maria Costa' WHERE id = {person}")).await, Ok(1));
        assert_eq!(assert_dashboard_is_fresh(&server, &case, "renaming the person").await.beneficiary.name, "Ana Maria Costa");
    }
}
