//! A database failure during an import batch (a full disk, a lost connection: here a trigger that
//! refuses one file's record) gives the whole batch up, on SQLite and PostgreSQL: every file of
//! it, those accepted before the failure included, is left out, and the failure is told at the
//! first step that waits for the failed write, at the latest at the commit.

use super::{IBAN, hundred_credits, january, line, statement, stored};
use crate::common::{self, TestDb, now, open_case};
use gestio::service::ServiceError;
use gestio::service::import::{ImportBatch, ImportOptions};

const OTHER_IBAN: &str = "LU120010001234567891";

/// Makes the database refuse to record the file named `poison.xml`.
async fn poison(db: &TestDb) {
    let statements = if db.backend == "sqlite" {
        vec![
            "CREATE TRIGGER poison BEFORE INSERT ON statement_imports WHEN NEW.file_name = 'poison.xml' \
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
        ]
    } else {
        vec![
            "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN \
             IF NEW.file_name = 'poison.xml' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER poison BEFORE INSERT ON statement_imports FOR EACH ROW EXECUTE FUNCTION poison()",
        ]
    };
    for statement in statements {
        common::raw_sql(db, statement).await.expect(statement);
    }
}

fn batch_failed(error: &ServiceError) -> bool {
    matches!(error, ServiceError::ImportBatchFailed(reason) if reason.contains("poisoned"))
        && error.to_string().contains("nothing of this batch of files was saved")
}

crate::backend_tests! {
    async fn a_failure_at_the_commit_saves_none_of_the_batch(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let before = stored(&store, &case).await;
        poison(&db).await;
        let february = statement(IBAN, "2026-02", 2, ("1830.00", "2026-02-01"), ("2700.00", "2026-02-28"), &[line("870.00", "2026-02-02", Some("REF-5"), "CNS")]);
        let mut batch = ImportBatch::begin(&store).await.unwrap();
        let options = ImportOptions::default();
        batch.import("january.xml", january().as_bytes(), options, "test", now()).await.unwrap();
        // Checked and accepted: its record waits to be written with the batch.
        batch.import("poison.xml", february.as_bytes(), options, "test", now()).await.unwrap();
        let commit = batch.commit().await.unwrap_err();
        assert!(batch_failed(&commit), "{commit}");
        assert_eq!(stored(&store, &case).await, before, "January went with the batch");
    }

    async fn a_failure_in_a_write_during_the_batch_gives_the_rest_of_it_up(db) {
        let store = db.store().await;
        let cases = [open_case(&store, "Ana Costa", IBAN).await, open_case(&store, "Rui Almeida", OTHER_IBAN).await];
        let before = [stored(&store, &cases[0]).await, stored(&store, &cases[1]).await];
        poison(&db).await;
        let mut batch = ImportBatch::begin(&store).await.unwrap();
        let options = ImportOptions::default();
        batch.import("poison.xml", hundred_credits(IBAN, 0).as_bytes(), options, "test", now()).await.unwrap();
        // 60 files of 100 lines: more than the batch keeps before writing (5,000 entries), so
        // the poisoned record is written, and refused, while the batch goes on.
        for number in 1..60 {
            let name = format!("{number}.xml");
            batch.import(&name, hundred_credits(IBAN, number).as_bytes(), options, "test", now()).await.unwrap();
        }
        // The failure shows at the first step that waits for that write: on PostgreSQL the first
        // file of an account new to the batch (read in the transaction), on SQLite (read beside
        // it) the next write at the latest, after another 5,000 entries. From then on every file
        // is refused.
        let mut first_refused = None;
        for number in 0..60 {
            let name = format!("other-{number}.xml");
            let text = hundred_credits(OTHER_IBAN, number);
            match batch.import(&name, text.as_bytes(), options, "test", now()).await {
                Ok(_) => assert!(first_refused.is_none(), "{name} was accepted after the batch failed"),
                Err(error) => {
                    assert!(batch_failed(&error), "{name}: {error}");
                    first_refused.get_or_insert(number);
                }
            }
        }
        let first_refused = first_refused.expect("the failed write is told before the batch's next write");
        if db.backend == "postgres" {
            assert_eq!(first_refused, 0, "on PostgreSQL a new account is read after the write");
        }
        let commit = batch.commit().await.unwrap_err();
        assert!(batch_failed(&commit), "{commit}");
        for (case, before) in cases.iter().zip(before) {
            assert_eq!(stored(&store, case).await, before, "nothing of the batch is saved");
        }
    }
}
