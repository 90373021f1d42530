//! The ledger on a real database, on SQLite and on PostgreSQL: opening, posting, reversing,
//! locking, immutability enforced by the database, and verification of the hash chain.

use crate::common;

use common::{Case, date, eur, now, open_case, raw_sql};
use gestio::domain::ids::EntryId;
use gestio::domain::ledger::{EntryDraft, EntryRejection, EntrySource, Posting};
use gestio::domain::money::Money;
use gestio::service::ServiceError;
use gestio::service::ledger::{close_account, lock_book, post_entries, post_entry, reverse_entry, trial_balance};
use gestio::service::verify::verify;
use gestio::storage::{Store, StoreError};

const IBAN: &str = "LU280019400644750000";

fn rent(case: &Case, day: &str, amount: &str) -> EntryDraft {
    EntryDraft {
        book_id: case.book,
        date: date(day),
        description: "Rent".into(),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: Some("R-1".into()),
        author: "test".into(),
        reverses: None,
        postings: vec![
            Posting {
                account_id: case.account("6000").id,
                amount: eur(amount),
            },
            Posting {
                account_id: case.account("1100").id,
                amount: eur(amount).checked_neg().unwrap(),
            },
        ],
    }
}

async fn balance_of(store: &Store, case: &Case, code: &str) -> Money {
    let trial = trial_balance(store, case.book, None).await.unwrap();
    trial.lines.iter().find(|line| line.code == code).unwrap().balance
}

crate::backend_tests! {
    async fn opening_a_book_creates_the_standard_chart_and_books_the_inventory_against_equity(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        for code in ["1000", "1100", "1900", "2000", "2001", "3000", "4000", "4200", "6000", "6400"] {
            case.account(code);
        }
        assert_eq!(case.account("1100").iban.as_ref().unwrap().electronic(), IBAN);
        assert_eq!(balance_of(&store, &case, "1100").await, eur("1000.00"));
        assert_eq!(balance_of(&store, &case, "1000").await, eur("20.00"));
        assert_eq!(balance_of(&store, &case, "2001").await, eur("-500.00"));
        assert_eq!(balance_of(&store, &case, "3000").await, eur("-520.00"));
        let mut tx = store.begin_read().await.unwrap();
        let opening = tx.entries(case.book, Default::default()).await.unwrap();
        assert_eq!(opening.len(), 1);
        assert_eq!(opening[0].source, EntrySource::Opening);
        assert_eq!(opening[0].date, date("2026-01-01"));
    }

    async fn a_beneficiary_has_one_book_only(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let book = store.begin_read().await.unwrap().book(case.book).await.unwrap();
        let inventory = gestio::domain::opening::OpeningInventory::new(date("2026-02-01"), book.currency, vec![], eur("0"), vec![]).unwrap();
        let error = gestio::service::ledger::open_book(&store, book.beneficiary_id, &inventory, "test", now()).await.unwrap_err();
        assert!(error.to_string().contains("one person, one book"), "{error}");
    }

    async fn posting_and_reversing_keeps_the_trial_balance_at_zero_and_restores_every_balance(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let before = trial_balance(&store, case.book, None).await.unwrap();
        let entry = post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap();
        assert_eq!(entry.sequence, 2);
        assert_eq!(balance_of(&store, &case, "1100").await, eur("350.00"));
        assert!(trial_balance(&store, case.book, None).await.unwrap().is_balanced());
        let reversal = reverse_entry(&store, entry.id, date("2026-02-04"), "test", Some("wrong tenant"), now()).await.unwrap();
        assert_eq!(reversal.reverses, Some(entry.id));
        assert_eq!(reversal.source, EntrySource::Reversal);
        assert_eq!(reversal.description, format!("Reversal of entry {}: wrong tenant", entry.id));
        assert_eq!(trial_balance(&store, case.book, None).await.unwrap(), before);
    }

    async fn an_entry_is_reversed_at_most_once(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let entry = post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap();
        let reversal = reverse_entry(&store, entry.id, date("2026-02-04"), "test", None, now()).await.unwrap();
        let error = reverse_entry(&store, entry.id, date("2026-02-05"), "test", None, now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Entry(EntryRejection::AlreadyReversed { by, .. }) if by == reversal.id), "{error}");
        assert_eq!(error.to_string(), format!("the entry was refused: entry {} was already reversed by entry {}", entry.id, reversal.id));
    }

    async fn posting_inside_a_locked_period_is_refused_and_the_lock_never_moves_back(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let entry = post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap();
        lock_book(&store, case.book, date("2026-03-31")).await.unwrap();
        let error = post_entry(&store, rent(&case, "2026-03-31", "10.00"), now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Entry(EntryRejection::InsideLockedPeriod { .. })), "{error}");
        post_entry(&store, rent(&case, "2026-04-01", "10.00"), now()).await.unwrap();
        let error = lock_book(&store, case.book, date("2026-01-31")).await.unwrap_err();
        assert_eq!(error.to_string(), format!("book {} is already locked through 2026-03-31; a lock never moves back", case.book));
        // A mistake inside the locked period is corrected by a reversal dated in the open one.
        let error = reverse_entry(&store, entry.id, date("2026-03-15"), "test", None, now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Entry(EntryRejection::InsideLockedPeriod { .. })), "{error}");
        reverse_entry(&store, entry.id, date("2026-04-02"), "test", None, now()).await.unwrap();
    }

    async fn an_emptied_account_can_be_closed_and_then_refuses_postings(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let error = close_account(&store, case.book, "2001").await.unwrap_err();
        assert_eq!(error.to_string(), "account 2001 still holds -500.00 EUR: move it to another account before closing this one");
        let mut repay = rent(&case, "2026-02-10", "500.00");
        repay.postings[0].account_id = case.account("2001").id;
        post_entry(&store, repay, now()).await.unwrap();
        let closed = close_account(&store, case.book, "2001").await.unwrap();
        assert!(closed.closed);
        let mut after = rent(&case, "2026-02-11", "1.00");
        after.postings[0].account_id = case.account("2001").id;
        let error = post_entry(&store, after, now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Entry(EntryRejection::ClosedAccount { .. })), "{error}");
        let listed = store.begin_read().await.unwrap().accounts(case.book).await.unwrap();
        assert!(listed.iter().any(|account| account.code == "2001" && account.closed));
    }

    async fn a_refused_entry_in_a_batch_saves_nothing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let mut unbalanced = rent(&case, "2026-02-04", "10.00");
        unbalanced.postings[0].amount = eur("10.01");
        let error = post_entries(&store, case.book, vec![rent(&case, "2026-02-03", "650.00"), unbalanced], now()).await.unwrap_err();
        assert_eq!(error.to_string(), "the entry was refused: the postings do not balance in EUR: they sum to 0.01 EUR, not zero");
        let book = store.begin_read().await.unwrap().book(case.book).await.unwrap();
        assert_eq!(book.head_sequence, 1, "only the opening entry");
        assert_eq!(balance_of(&store, &case, "1100").await, eur("1000.00"));
    }

    async fn the_balance_at_a_date_counts_only_entries_up_to_that_day(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        post_entries(&store, case.book, vec![rent(&case, "2026-02-03", "650.00"), rent(&case, "2026-03-03", "100.00")], now()).await.unwrap();
        let at = |day: &'static str| {
            let store = store.clone();
            let book = case.book;
            async move { trial_balance(&store, book, Some(date(day))).await.unwrap() }
        };
        let bank = |trial: &gestio::domain::balance::TrialBalance| trial.lines.iter().find(|line| line.code == "1100").unwrap().balance;
        assert_eq!(bank(&at("2025-12-31").await), eur("0"));
        assert_eq!(bank(&at("2026-02-03").await), eur("350.00"));
        assert_eq!(bank(&at("2026-03-02").await), eur("350.00"));
        assert_eq!(bank(&at("2026-12-31").await), eur("250.00"));
        assert!(at("2026-02-03").await.is_balanced());
        let now_from_totals = trial_balance(&store, case.book, None).await.unwrap();
        assert_eq!(now_from_totals, at("2026-12-31").await, "the running totals agree with the postings summed");
        let missing = gestio::domain::ids::BookId::new(case.book.get() + 1000);
        match trial_balance(&store, missing, None).await {
            Err(ServiceError::Store(StoreError::NotFound { what: "book", .. })) => {}
            other => panic!("a missing book is named: {other:?}"),
        }
    }

    async fn concurrent_writers_to_one_book_keep_one_unbroken_chain(db) {
        let store = db.store().await;
        let case = std::sync::Arc::new(open_case(&store, "Ana Costa", IBAN).await);
        let mut writers = Vec::new();
        for writer in 0..4 {
            let (store, case) = (store.clone(), case.clone());
            writers.push(tokio::spawn(async move {
                for index in 0..10 {
                    let day = format!("2026-02-{:02}", 1 + (writer * 10 + index) % 28);
                    post_entry(&store, rent(&case, &day, "1.00"), now()).await.unwrap();
                }
            }));
        }
        for writer in writers {
            writer.await.unwrap();
        }
        let results = verify(&store, Some(case.book)).await.unwrap();
        assert!(results[0].is_sound(), "{:?}", results[0].problems);
        assert_eq!(results[0].entries_checked, 41);
        assert_eq!(balance_of(&store, &case, "1100").await, eur("960.00"));
    }

    async fn the_database_refuses_raw_updates_and_deletes_of_entries_and_postings(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap();
        for sql in [
            "UPDATE postings SET amount_minor = amount_minor + 1",
            "DELETE FROM postings",
            "UPDATE entries SET description = 'changed'",
            "DELETE FROM entries",
        ] {
            let error = raw_sql(&db, sql).await.expect_err(sql);
            assert!(error.contains("append-only"), "{sql}: {error}");
        }
        let results = verify(&store, Some(case.book)).await.unwrap();
        assert!(results[0].is_sound());
    }

    async fn the_database_keeps_a_book_with_its_person_and_office_for_good(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let other = open_case(&store, "Rui Almeida", "LU120010001234567891").await;
        let book = case.book.get();
        for (sql, refusal) in [
            (format!("UPDATE books SET office_id = {} WHERE id = {book}", other.office), "stays with its person and office"),
            (format!("UPDATE books SET beneficiary_id = beneficiary_id + 1 WHERE id = {book}"), "stays with its person and office"),
            (format!("DELETE FROM books WHERE id = {book}"), "books are kept"),
        ] {
            let error = raw_sql(&db, &sql).await.expect_err(&sql);
            assert!(error.contains(refusal), "{sql}: {error}");
        }
        // The book's other columns still change as the ledger needs.
        assert_eq!(raw_sql(&db, &format!("UPDATE books SET locked_through = '2026-01-31' WHERE id = {book}")).await, Ok(1));
    }

    async fn tampering_behind_the_triggers_back_is_found_by_verify_which_names_the_entry(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let tampered = post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap();
        post_entry(&store, rent(&case, "2026-03-03", "650.00"), now()).await.unwrap();
        let drop_trigger = if db.backend == "sqlite" {
            "DROP TRIGGER entries_are_append_only_update"
        } else {
            "DROP TRIGGER entries_are_append_only ON entries"
        };
        raw_sql(&db, drop_trigger).await.unwrap();
        let changed = raw_sql(&db, &format!("UPDATE entries SET description = 'Rent (cheaper)' WHERE id = {}", tampered.id)).await.unwrap();
        assert_eq!(changed, 1);
        let results = verify(&store, Some(case.book)).await.unwrap();
        assert_eq!(
            results[0].problems,
            vec![format!("entry {} (number 2 of book {}) does not match its hash: it was changed after posting", tampered.id, case.book)]
        );
        assert_eq!(results[0].entries_checked, 2, "stops at the first broken entry");
    }

    async fn a_changed_amount_is_found_by_verify_in_the_entry_and_in_the_running_total(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let tampered: EntryId = post_entry(&store, rent(&case, "2026-02-03", "650.00"), now()).await.unwrap().id;
        let drop_trigger = if db.backend == "sqlite" {
            "DROP TRIGGER postings_are_append_only_update"
        } else {
            "DROP TRIGGER postings_are_append_only ON postings"
        };
        raw_sql(&db, drop_trigger).await.unwrap();
        raw_sql(&db, &format!("UPDATE postings SET amount_minor = 6500 WHERE entry_id = {tampered} AND line_no = 1")).await.unwrap();
        let results = verify(&store, None).await.unwrap();
        let problems = &results[0].problems;
        assert!(problems[0].starts_with(&format!("entry {tampered} (book {}) fails its checks", case.book)), "{problems:?}");
        assert!(problems[0].contains("do not balance in EUR"), "{problems:?}");
        assert!(problems.iter().any(|problem| problem.contains("account 6000 shows a balance of 650.00 EUR but its postings add up to 65.00 EUR")), "{problems:?}");
        let error = store.begin_read().await.unwrap().entry(tampered).await.unwrap_err();
        assert!(matches!(error, StoreError::Corrupt { .. }), "reading a tampered entry is refused: {error}");
    }
}
