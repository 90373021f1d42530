//! Finding 8 (low-medium): someone with write access to the database rewrote a whole chain (+100.00
//! inside a filed period), or deleted the newest entry and reset the head, and `verify` passed; a
//! pain.001 with another IBAN was served as is. Chain heads are now sealed with a key kept outside
//! the database, filings' heads are checked against the chain, and stored files against their
//! hashes whenever they are served.

use gestio::domain::chain::{ChainFields, entry_hash};
use gestio::domain::ids::BookId;
use gestio::domain::ledger::JournalEntry;
use gestio::domain::money::Money;
use gestio::service::verify::verify;
use gestio::storage::EntryFilter;

use super::{get, two_offices};
use crate::common::{TestApp, TestDb, raw_sql};

/// Drops the triggers that refuse changes to `tables`, as an intruder with database access would.
async fn drop_guards(db: &TestDb, tables: &[&str]) {
    for table in tables {
        let statements: Vec<String> = if db.backend == "sqlite" {
            vec![
                format!("DROP TRIGGER IF EXISTS {table}_are_append_only_update"),
                format!("DROP TRIGGER IF EXISTS {table}_are_append_only_delete"),
                format!("DROP TRIGGER IF EXISTS {table}_is_append_only_update"),
                format!("DROP TRIGGER IF EXISTS {table}_is_append_only_delete"),
            ]
        } else {
            vec![
                format!("DROP TRIGGER IF EXISTS {table}_are_append_only ON {table}"),
                format!("DROP TRIGGER IF EXISTS {table}_is_append_only ON {table}"),
            ]
        };
        for statement in statements {
            raw_sql(db, &statement).await.expect(&statement);
        }
    }
}

async fn all_entries(app: &TestApp, book: BookId) -> Vec<JournalEntry> {
    let mut tx = app.store.begin_read().await.unwrap();
    let entries = tx.entries(book, EntryFilter::default()).await.unwrap();
    tx.commit().await.unwrap();
    entries
}

/// Rewrites every hash of `entries` from the first one on, as anyone who knows the public chain
/// rule can, and points the book's head at the new last hash.
async fn rechain(db: &TestDb, book: BookId, entries: &mut [JournalEntry]) {
    let mut previous = entries[0].previous_hash.clone();
    for entry in entries.iter_mut() {
        entry.previous_hash.clone_from(&previous);
        entry.hash = entry_hash(&previous, &ChainFields::of_entry(entry));
        let sql = format!(
            "UPDATE entries SET previous_hash = '{}', hash = '{}' WHERE id = {}",
            entry.previous_hash, entry.hash, entry.id
        );
        raw_sql(db, &sql).await.unwrap();
        previous.clone_from(&entry.hash);
    }
    let last = entries.last().unwrap();
    let sql = format!(
        "UPDATE books SET head_sequence = {}, head_hash = '{}' WHERE id = {book}",
        last.sequence, last.hash
    );
    raw_sql(db, &sql).await.unwrap();
}

async fn problems(app: &TestApp, book: BookId) -> Vec<String> {
    verify(&app.store, Some(book)).await.unwrap().remove(0).problems
}

crate::backend_tests! {
    async fn a_chain_rewritten_without_the_key_does_not_verify(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        assert_eq!(problems(&app, ids.book).await, Vec::<String>::new());
        drop_guards(&db, &["entries", "postings"]).await;
        // +100.00 on both sides of a May entry, inside the filed May-June account.
        let mut entries = all_entries(&app, ids.book).await;
        let first_may = entries.iter()
            .position(|entry| entry.date.to_string().starts_with("2026-05") && entry.postings.len() == 2)
            .unwrap();
        let changed = &mut entries[first_may];
        for posting in &mut changed.postings {
            let cents = posting.amount.minor() + posting.amount.minor().signum() * 10_000;
            posting.amount = Money::from_minor(cents, posting.amount.currency());
        }
        for (line, posting) in changed.postings.iter().enumerate() {
            let sql = format!("UPDATE postings SET amount_minor = {} WHERE entry_id = {} AND line_no = {}", posting.amount.minor(), changed.id, line + 1);
            raw_sql(&db, &sql).await.unwrap();
            let sql = format!("UPDATE accounts SET balance_minor = balance_minor + {} WHERE id = {}", posting.amount.minor().signum() * 10_000, posting.account_id);
            raw_sql(&db, &sql).await.unwrap();
        }
        rechain(&db, ids.book, &mut entries[first_may..]).await;
        let found = problems(&app, ids.book).await;
        assert!(!found.is_empty(), "a rewritten chain verified");
    }

    async fn the_newest_entry_deleted_with_the_head_reset_does_not_verify(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        drop_guards(&db, &["entries", "postings", "evidence"]).await;
        let entries = all_entries(&app, ids.book).await;
        let (newest, before) = (&entries[entries.len() - 1], &entries[entries.len() - 2]);
        for posting in &newest.postings {
            let sql = format!("UPDATE accounts SET balance_minor = balance_minor - {} WHERE id = {}", posting.amount.minor(), posting.account_id);
            raw_sql(&db, &sql).await.unwrap();
        }
        for sql in [
            format!("DELETE FROM evidence WHERE entry_id = {}", newest.id),
            format!("DELETE FROM postings WHERE entry_id = {}", newest.id),
            format!("DELETE FROM entries WHERE id = {}", newest.id),
            format!("UPDATE books SET head_sequence = {}, head_hash = '{}' WHERE id = {}", before.sequence, before.hash, ids.book),
        ] {
            raw_sql(&db, &sql).await.unwrap();
        }
        let found = problems(&app, ids.book).await;
        assert!(!found.is_empty(), "a truncated chain verified");
    }

    async fn stored_files_that_changed_are_refused_when_asked_for(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        drop_guards(&db, &["payment_files", "evidence"]).await;
        let bytes = if db.backend == "sqlite" { "CAST(replace(CAST(content AS TEXT), 'LU', 'DE') AS BLOB)" }
            else { "convert_to(replace(convert_from(content, 'UTF8'), 'LU', 'DE'), 'UTF8')" };
        raw_sql(&db, &format!("UPDATE payment_files SET content = {bytes} WHERE id = {}", ids.payment_file)).await.unwrap();
        let supervisor = app.client_of("supervisor").await;
        let (status, body) = get(&app, &supervisor, &format!("/api/v1/payment-files/{}", ids.payment_file)).await;
        assert_eq!(status, 500, "a changed payment file was served: {}", &body[..body.len().min(200)]);
        assert!(body.contains("no longer matches"), "{body}");
        let tampered = if db.backend == "sqlite" { "CAST('tampered' AS BLOB)" } else { "convert_to('tampered', 'UTF8')" };
        raw_sql(&db, &format!("UPDATE evidence SET content = {tampered} WHERE id = {}", ids.evidence)).await.unwrap();
        let (status, body) = get(&app, &supervisor, &format!("/api/v1/evidence/{}", ids.evidence)).await;
        assert_eq!(status, 500, "changed evidence was served: {body}");
        assert!(body.contains("no longer matches"), "{body}");
    }

    async fn a_filing_whose_recorded_head_was_changed_does_not_verify(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        let before = verify(&app.store, Some(ids.book)).await.unwrap().remove(0);
        assert!(before.is_sound(), "{:?}", before.problems);
        assert_eq!(before.filed_heads.len(), 1, "the filing's head is confirmed by the chain");
        drop_guards(&db, &["filings"]).await;
        let entries = all_entries(&app, ids.book).await;
        let sql = format!("UPDATE filings SET chain_sequence = {}, chain_hash = '{}' WHERE id = {}", entries[2].sequence, entries[2].hash, ids.filing);
        raw_sql(&db, &sql).await.unwrap();
        let found = problems(&app, ids.book).await;
        assert!(found.iter().any(|problem| problem.contains(&format!("filing {}", ids.filing))), "{found:?}");
        assert!(found.iter().any(|problem| problem.contains("seal does not hold")), "{found:?}");
    }

    async fn a_database_opens_with_its_own_key_only(db) {
        let store = db.store().await;
        crate::common::open_case(&store, "Ana Costa", "LU120010001234567891").await;
        store.close().await;
        let other = gestio::domain::seal::SealKey::from_bytes([9; 32]);
        let refused = gestio::storage::Store::open(&db.url, other).await.err().expect("another key is refused");
        assert!(refused.to_string().contains("sealed with the key"), "{refused}");
        // Without its key file, the command line says where the key should be and opens nothing.
        let missing = db.key_file.with_extension("missing");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_gestio"))
            .args(["--database-url", &db.url, "--secret-file", missing.to_str().unwrap(), "verify"])
            .env_remove("GESTIO_SECRET")
            .output()
            .unwrap();
        let told = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success() && told.contains("does not exist"), "{told}");
        assert!(!missing.exists(), "no new key is made for a sealed database");
        let output = db.command().arg("verify").output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    }

    async fn records_from_before_sealing_are_reported_then_adopted_once_checked(db) {
        let app = TestApp::spawn(&db).await;
        let ids = two_offices(&app).await;
        // As a database written before sealing began: no seals anywhere.
        drop_guards(&db, &["seals"]).await;
        raw_sql(&db, "DELETE FROM seals").await.unwrap();
        raw_sql(&db, "UPDATE books SET head_seal = NULL").await.unwrap();
        let found = problems(&app, ids.book).await;
        assert!(found.iter().any(|problem| problem.contains("not sealed")), "{found:?}");
        let supervisor = app.client_of("supervisor").await;
        assert_eq!(get(&app, &supervisor, &format!("/api/v1/evidence/{}", ids.evidence)).await.0, 500, "an unsealed file is not served");
        // A broken chain is not adopted.
        drop_guards(&db, &["entries"]).await;
        raw_sql(&db, &format!("UPDATE entries SET description = 'changed' WHERE book_id = {} AND sequence = 1", ids.second.book)).await.unwrap();
        let output = db.command().args(["seal", "adopt"]).output().unwrap();
        let report = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(report.contains(&format!("NOT SEALED: book {}", ids.second.book)), "{report}");
        assert!(report.contains("sealed: 6 chain heads"), "the six demo books, not the broken one: {report}");
        assert_eq!(problems(&app, ids.book).await, Vec::<String>::new(), "Maria's book is sealed and sound again");
        assert_eq!(get(&app, &supervisor, &format!("/api/v1/evidence/{}", ids.evidence)).await.0, 200);
    }
}
