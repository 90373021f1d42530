//! A `gestio import` killed with SIGKILL halfway loses whole files only: after it, every imported
//! file has all its lines, the books verify, and importing again completes. On both backends.

use crate::common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestDb, open_case};

const IBAN: &str = "LU280019400644750000";
const FILES: usize = 400;
const LINES_PER_FILE: usize = 40;

/// Statement `number` (one a day from 2026-01-01): `LINES_PER_FILE` lines of 1.00 out, each with
/// its own bank reference, opening where the previous one closed.
fn statement(number: usize) -> String {
    let day = common::date("2026-01-01") + chrono::Days::new(number as u64);
    let opening = 100_000 - (number * LINES_PER_FILE) as i64;
    let closing = opening - LINES_PER_FILE as i64;
    let amount = |minor: i64| format!("{}.{:02}", minor / 100, minor % 100);
    let entries: String = (0..LINES_PER_FILE)
        .map(|line| {
            format!(
                "<Ntry><Amt Ccy=\"EUR\">0.01</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>{day}</Dt></BookgDt>\
                 <AcctSvcrRef>R{number}-{line}</AcctSvcrRef></Ntry>"
            )
        })
        .collect();
    format!(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S{number}</Id>\
         <Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>\
         <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>\
         <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>\
         {entries}</Stmt></BkToCstmrStmt></Document>",
        amount(opening),
        amount(closing)
    )
}

fn gestio(db: &TestDb, arguments: &[String]) -> Command {
    let mut command = db.command();
    command.args(arguments);
    command
}

/// Lines stored per imported file name.
async fn lines_per_file(db: &TestDb) -> HashMap<String, i64> {
    let sql = "SELECT i.file_name, CAST(COUNT(l.id) AS BIGINT) FROM statement_imports i \
               JOIN bank_statements s ON s.import_id = i.id LEFT JOIN statement_lines l ON l.statement_id = s.id GROUP BY i.file_name";
    let rows: Vec<(String, i64)> = if db.backend == "sqlite" {
        sqlx::query_as(sql)
            .fetch_all(&sqlx::SqlitePool::connect(&db.url).await.unwrap())
            .await
            .unwrap()
    } else {
        sqlx::query_as(sql)
            .fetch_all(&sqlx::PgPool::connect(&db.url).await.unwrap())
            .await
            .unwrap()
    };
    rows.into_iter().collect()
}

fn write_files(folder: &Path) -> Vec<String> {
    (0..FILES)
        .map(|number| {
            let path = folder.join(format!("statement-{number:04}.xml"));
            std::fs::write(&path, statement(number)).unwrap();
            path.display().to_string()
        })
        .collect()
}

crate::backend_tests! {
    async fn an_import_killed_halfway_keeps_whole_files_only_and_can_be_run_again(db) {
        let store = db.store().await;
        open_case(&store, "Ana Costa", IBAN).await;
        store.close().await;
        let folder = tempfile::tempdir().unwrap();
        let files = write_files(folder.path());
        let mut arguments = vec!["import".to_owned()];
        arguments.extend(files.iter().cloned());
        let mut child = gestio(&db, &arguments).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        // Kill it once some files are in but before all are: poll what is committed.
        let started = Instant::now();
        loop {
            let done = lines_per_file(&db).await.len();
            if done > 0 || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        let after_kill = lines_per_file(&db).await;
        assert!(!status.success(), "the import finished before it could be killed; make it larger");
        assert!(after_kill.len() < FILES, "all {FILES} files were in before the kill");
        for (file, lines) in &after_kill {
            assert_eq!(*lines, LINES_PER_FILE as i64, "{file} is half-imported");
        }
        let verified = gestio(&db, &["verify".to_owned()]).output().unwrap();
        assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stdout));
        let again = gestio(&db, &arguments).output().unwrap();
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        let complete = lines_per_file(&db).await;
        assert_eq!(complete.len(), FILES);
        assert!(complete.values().all(|lines| *lines == LINES_PER_FILE as i64));
        let balance = gestio(&db, &["balance".to_owned(), "--book".to_owned(), "1".to_owned(), "--json".to_owned()]).output().unwrap();
        let trial: serde_json::Value = serde_json::from_slice(&balance.stdout).unwrap();
        let bank = trial["lines"].as_array().unwrap().iter().find(|line| line["code"] == "1100").unwrap();
        let expected = gestio::domain::money::Money::from_minor(100_000 - (FILES * LINES_PER_FILE) as i64, gestio::domain::money::Currency::EUR);
        assert_eq!(bank["balance"]["amount"], expected.amount_text().as_str(), "every line booked once");
    }
}
