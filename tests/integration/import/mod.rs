//! Importing bank statements into the books, on SQLite and PostgreSQL: all or nothing, balances
//! checked, nothing booked twice, gaps recorded.

mod batch_failures;

use crate::common;

use common::{Case, eur, now, open_case};
use gestio::domain::money::Money;
use gestio::service::ServiceError;
use gestio::service::import::{ImportBatch, ImportOptions, ImportSummary, import_file};
use gestio::service::ledger::trial_balance;
use gestio::storage::Store;

const IBAN: &str = "LU280019400644750000";

/// A line of a test statement: amount (positive in, negative out), booking date, bank
/// reference, counterparty, remittance, status.
struct Line {
    amount: &'static str,
    date: &'static str,
    bank_ref: Option<&'static str>,
    name: &'static str,
    remittance: &'static str,
    status: &'static str,
}

fn line(amount: &'static str, date: &'static str, bank_ref: Option<&'static str>, name: &'static str) -> Line {
    Line {
        amount,
        date,
        bank_ref,
        name,
        remittance: "",
        status: "BOOK",
    }
}

/// A camt.053.001.02 statement of `iban` written for these tests.
fn statement(
    iban: &str,
    id: &str,
    sequence: u32,
    opening: (&str, &str),
    closing: (&str, &str),
    lines: &[Line],
) -> String {
    let balance = |code: &str, (amount, date): (&str, &str)| {
        let (indicator, amount) = match amount.strip_prefix('-') {
            Some(positive) => ("DBIT", positive),
            None => ("CRDT", amount),
        };
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>"
        )
    };
    let entries: String = lines
        .iter()
        .map(|line| {
            let (indicator, amount, party) = match line.amount.strip_prefix('-') {
                Some(positive) => ("DBIT", positive, "Cdtr"),
                None => ("CRDT", line.amount, "Dbtr"),
            };
            let reference = line.bank_ref.map(|reference| format!("<AcctSvcrRef>{reference}</AcctSvcrRef>")).unwrap_or_default();
            format!(
                "<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Sts>{}</Sts><BookgDt><Dt>{}</Dt></BookgDt>{reference}\
                 <NtryDtls><TxDtls><RltdPties><{party}><Nm>{}</Nm></{party}></RltdPties><RmtInf><Ustrd>{}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>",
                line.status, line.date, line.name, line.remittance
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>\
         <GrpHdr><MsgId>{id}</MsgId><CreDtTm>2026-03-01T00:00:00</CreDtTm></GrpHdr><Stmt><Id>{id}</Id><ElctrncSeqNb>{sequence}</ElctrncSeqNb>\
         <CreDtTm>2026-03-01T00:00:00</CreDtTm><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>{}{}{entries}</Stmt></BkToCstmrStmt></Document>",
        balance("OPBD", opening),
        balance("CLBD", closing)
    )
}

/// Statement `number` (0, 1, 2…) of `iban`: a day with 100 credits of 1.00, each with its own
/// bank reference, continuing statement `number - 1`.
fn hundred_credits(iban: &str, number: u32) -> String {
    let day = common::date("2026-01-02") + chrono::Days::new(u64::from(number));
    let entries: String = (0..100)
        .map(|index| {
            format!(
                "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>{day}</Dt></BookgDt>\
                 <AcctSvcrRef>R{number}-{index}</AcctSvcrRef></Ntry>"
            )
        })
        .collect();
    let balance = |code: &str, units: u32| {
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{units}.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>"
        )
    };
    format!(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>\
         <GrpHdr><MsgId>M{number}</MsgId><CreDtTm>2026-03-01T00:00:00</CreDtTm></GrpHdr><Stmt><Id>S{number}</Id><ElctrncSeqNb>{}</ElctrncSeqNb>\
         <CreDtTm>2026-03-01T00:00:00</CreDtTm><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>{}{}{entries}</Stmt></BkToCstmrStmt></Document>",
        number + 1,
        balance("OPBD", 1000 + 100 * number),
        balance("CLBD", 1000 + 100 * (number + 1))
    )
}

/// January: pension in, rent out, two identical cash withdrawals without a bank reference.
fn january() -> String {
    statement(
        IBAN,
        "2026-01",
        1,
        ("1000.00", "2026-01-01"),
        ("1830.00", "2026-01-31"),
        &[
            line("1650.00", "2026-01-02", Some("REF-1"), "CNAP"),
            line("-780.00", "2026-01-05", Some("REF-2"), "Agence Sud"),
            line("-20.00", "2026-01-09", None, "Bancomat"),
            line("-20.00", "2026-01-09", None, "Bancomat"),
            Line {
                status: "PDNG",
                ..line("-99.00", "2026-01-31", None, "Pending card payment")
            },
        ],
    )
}

async fn import(store: &Store, name: &str, text: &str) -> Result<ImportSummary, ServiceError> {
    import_file(store, name, text.as_bytes(), ImportOptions::default(), "test", now()).await
}

async fn balance(store: &Store, case: &Case, code: &str) -> Money {
    let trial = trial_balance(store, case.book, None).await.unwrap();
    trial.lines.iter().find(|line| line.code == code).unwrap().balance
}

/// Rows in the import tables and the book's chain length: all must stay put after a refusal.
async fn stored(store: &Store, case: &Case) -> (i64, i64, i64) {
    let mut tx = store.begin_read().await.unwrap();
    let (booked, others) = tx.line_counts(case.book).await.unwrap();
    (tx.book(case.book).await.unwrap().head_sequence, booked, others)
}

async fn refused(store: &Store, case: &Case, name: &str, text: &str) -> String {
    let before = stored(store, case).await;
    let error = import(store, name, text)
        .await
        .expect_err("the import should be refused");
    assert_eq!(
        stored(store, case).await,
        before,
        "a refused import saved something: {error}"
    );
    error.to_string()
}

crate::backend_tests! {
    async fn a_statement_books_its_new_lines_on_suspense_and_keeps_pending_ones_for_display(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let summary = import(&store, "january.xml", &january()).await.unwrap();
        let statement = &summary.statements[0];
        assert_eq!((statement.new, statement.already_booked, statement.not_booked), (4, 0, 1));
        assert_eq!(statement.reconciles, Some(true));
        assert_eq!(balance(&store, &case, "1100").await, eur("1830.00"), "opening inventory 1000.00 + 830.00");
        assert_eq!(balance(&store, &case, "1900").await, eur("-830.00"));
        assert_eq!(stored(&store, &case).await, (5, 4, 1));
        let entries = store.begin_read().await.unwrap().entries(case.book, Default::default()).await.unwrap();
        assert_eq!(entries[1].source_ref.as_deref(), Some("REF-1"));
        assert_eq!(entries[1].description, "CNAP");
        assert!(gestio::service::verify::verify(&store, Some(case.book)).await.unwrap()[0].is_sound());
    }

    async fn the_same_file_twice_adds_nothing_and_identical_lines_stay_two(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        import(&store, "january.xml", &january()).await.unwrap();
        let again = import(&store, "january-again.xml", &january()).await.unwrap();
        let statement = &again.statements[0];
        assert_eq!((statement.new, statement.already_booked), (0, 4));
        assert!(statement.gaps.is_empty(), "the same statement again is no gap: {:?}", statement.gaps);
        assert_eq!(balance(&store, &case, "1100").await, eur("1830.00"));
        assert_eq!(stored(&store, &case).await.1, 4, "both 20.00 withdrawals of 9 January are booked, once each");
    }

    async fn an_overlapping_statement_books_only_what_is_new(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        import(&store, "january.xml", &january()).await.unwrap();
        let overlapping = statement(
            IBAN, "2026-01-09..02-10", 2, ("1870.00", "2026-01-09"), ("2700.00", "2026-02-10"),
            &[
                line("-20.00", "2026-01-09", None, "Bancomat"),
                line("-20.00", "2026-01-09", None, "Bancomat"),
                line("1650.00", "2026-02-02", Some("REF-3"), "CNAP"),
                line("-780.00", "2026-02-05", Some("REF-4"), "Agence Sud"),
            ],
        );
        let summary = import(&store, "overlap.xml", &overlapping).await.unwrap();
        assert_eq!((summary.statements[0].new, summary.statements[0].already_booked), (2, 2));
        assert!(summary.statements[0].gaps.is_empty(), "an overlap is no gap");
        assert_eq!(balance(&store, &case, "1100").await, eur("2700.00"));
    }

    async fn balances_that_do_not_add_up_are_refused_unless_a_reason_is_given(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let wrong = january().replace("1830.00", "1830.10");
        let error = refused(&store, &case, "wrong.xml", &wrong).await;
        assert_eq!(
            error,
            "wrong.xml, statement 2026-01: opening 1000.00 + booked credits 1650.00 − booked debits 820.00 does not equal \
             the closing balance 1830.10 (difference -0.10); ask the bank for a corrected statement, or import it with a reason to record it as it is"
        );
        let options = ImportOptions { force_reason: Some("bank confirmed by phone: closing misprinted"), ..ImportOptions::default() };
        let summary = import_file(&store, "wrong.xml", wrong.as_bytes(), options, "test", now()).await.unwrap();
        assert_eq!(summary.statements[0].reconciles, Some(false));
        assert_eq!(summary.statements[0].new, 4);
    }

    async fn an_unknown_account_a_foreign_currency_and_an_amount_finer_than_a_cent_are_refused(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let unknown = january().replace(IBAN, "DE89370400440532013000");
        assert_eq!(
            refused(&store, &case, "de.xml", &unknown).await,
            "de.xml, statement 2026-01: no book has a bank account with IBAN DE89370400440532013000; add it to the beneficiary's book first (gestio account create --category asset.bank --iban …)"
        );
        let francs = january().replace("<Ccy>EUR</Ccy>", "<Ccy>CHF</Ccy>");
        assert_eq!(
            refused(&store, &case, "chf.xml", &francs).await,
            "chf.xml, statement 2026-01: the statement is in CHF, but account 1100 is kept in EUR"
        );
        let fine = january().replace(">780.00<", ">780.005<").replace("1830.00", "1829.995");
        let error = refused(&store, &case, "fine.xml", &fine).await;
        assert!(error.contains("'780.005' has more decimals than EUR has (2); amounts are never rounded"), "{error}");
        let negative = january().replace(">780.00<", ">-780.00<");
        let error = refused(&store, &case, "negative.xml", &negative).await;
        assert!(error.starts_with("negative.xml: line 1, Document/BkToCstmrStmt/Stmt/Ntry/Amt: an amount must not be negative"), "{error}");
        let cut = january();
        let error = refused(&store, &case, "cut.xml", &cut[..cut.len() / 2]).await;
        assert!(error.starts_with("cut.xml:"), "{error}");
        let pain = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>"#;
        assert!(refused(&store, &case, "pain.xml", pain).await.contains("this is a pain.001 payment file, not a bank statement"));
    }

    async fn a_statement_marked_as_a_copy_adds_nothing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let copy = january().replace("<Acct>", "<CpyDplctInd>DUPL</CpyDplctInd><Acct>");
        let summary = import(&store, "copy.xml", &copy).await.unwrap();
        assert!(summary.statements[0].copy);
        assert_eq!(stored(&store, &case).await, (1, 0, 0));
    }

    async fn a_statement_that_does_not_continue_the_previous_one_is_imported_with_a_gap(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        import(&store, "january.xml", &january()).await.unwrap();
        let march = statement(IBAN, "2026-03", 3, ("1900.00", "2026-03-01"), ("2770.00", "2026-03-31"), &[line("870.00", "2026-03-02", Some("REF-9"), "CNS")]);
        let summary = import(&store, "march.xml", &march).await.unwrap();
        assert_eq!(
            summary.statements[0].gaps,
            vec![
                "the opening balance 1900.00 EUR is not the previous statement's closing balance 1830.00 EUR".to_owned(),
                "statement number 2 is missing (this one is number 3)".to_owned(),
            ]
        );
        let gaps = store.begin_read().await.unwrap().open_gaps(Some(case.book)).await.unwrap();
        assert_eq!(gaps.len(), 2);
        assert_eq!((gaps[0].kind.as_str(), gaps[0].expected.as_str(), gaps[0].found.as_str()), ("opening_differs", "1830.00 EUR", "1900.00 EUR"));
    }

    async fn a_file_refused_within_a_batch_leaves_the_others_and_the_chain_whole(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let february = statement(IBAN, "2026-02", 2, ("1830.00", "2026-02-01"), ("2700.00", "2026-02-28"), &[line("870.00", "2026-02-02", Some("REF-5"), "CNS")]);
        // A second statement, for an account gestio does not know, refuses the whole file after
        // its first statement has been booked.
        let stranger = statement("LU120010001234567891", "X", 1, ("0.00", "2026-02-01"), ("0.00", "2026-02-28"), &[]);
        let start = stranger.find("<Stmt>").unwrap();
        let end = stranger.find("</Stmt>").unwrap() + "</Stmt>".len();
        let two_statements = february.replace("</Stmt>", &format!("</Stmt>{}", &stranger[start..end]));
        let march = statement(IBAN, "2026-03", 3, ("1830.00", "2026-03-01"), ("2700.00", "2026-03-31"), &[line("870.00", "2026-03-02", Some("REF-9"), "CNS")]);
        let mut batch = ImportBatch::begin(&store).await.unwrap();
        let options = ImportOptions::default();
        batch.import("january.xml", january().as_bytes(), options, "test", now()).await.unwrap();
        let error = batch.import("february.xml", two_statements.as_bytes(), options, "test", now()).await.unwrap_err();
        assert!(error.to_string().contains("LU120010001234567891"), "{error}");
        let summary = batch.import("march.xml", march.as_bytes(), options, "test", now()).await.unwrap();
        batch.commit().await.unwrap();
        // March follows January, since February was taken back: only the sequence number is missing.
        assert_eq!(summary.statements[0].gaps, vec!["statement number 2 is missing (this one is number 3)".to_owned()]);
        assert_eq!(stored(&store, &case).await.1, 5, "January's four booked lines and March's one");
        let results = gestio::service::verify::verify(&store, Some(case.book)).await.unwrap();
        assert!(results.iter().all(|result| result.is_sound()), "{results:?}");
        assert_eq!(balance(&store, &case, "1100").await, eur("2700.00"));
    }

    async fn a_batch_over_two_books_writes_in_parts_and_books_each_line_once(db) {
        const OTHER_IBAN: &str = "LU120010001234567891";
        let store = db.store().await;
        let cases = [open_case(&store, "Ana Costa", IBAN).await, open_case(&store, "Rui Almeida", OTHER_IBAN).await];
        // 60 statements of 100 lines: more than the batch keeps before writing (5,000 entries).
        let files: Vec<(String, String)> = (0..30)
            .flat_map(|number| [(IBAN, number), (OTHER_IBAN, number)])
            .map(|(iban, number)| (format!("{iban}-{number}.xml"), hundred_credits(iban, number)))
            .collect();
        let mut batch = ImportBatch::begin(&store).await.unwrap();
        let options = ImportOptions::default();
        for (name, text) in &files {
            let summary = batch.import(name, text.as_bytes(), options, "test", now()).await.unwrap();
            assert_eq!((summary.statements[0].new, summary.statements[0].gaps.len()), (100, 0), "{name}");
        }
        // The first file again, while its lines may still wait to be written: nothing new.
        let again = batch.import("again.xml", files[0].1.as_bytes(), options, "test", now()).await.unwrap();
        assert_eq!((again.statements[0].new, again.statements[0].already_booked), (0, 100));
        batch.commit().await.unwrap();
        for case in &cases {
            assert_eq!(stored(&store, case).await.1, 3000);
            assert_eq!(balance(&store, case, "1100").await, eur("4000.00"), "1000.00 opening + 3000 × 1.00");
            assert_eq!(balance(&store, case, "1900").await, eur("-3000.00"), "every line waits on suspense");
        }
        let results = gestio::service::verify::verify(&store, None).await.unwrap();
        assert!(results.iter().all(|result| result.is_sound()), "{results:?}");
        assert!(store.begin_read().await.unwrap().open_gaps(None).await.unwrap().is_empty());
    }

    async fn a_line_dated_before_the_book_opened_or_in_a_locked_period_refuses_the_file(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let old = january().replace("2026-01-05", "2025-12-30");
        let error = refused(&store, &case, "old.xml", &old).await;
        assert!(error.contains("the entry is dated 2025-12-30, before the book was opened on 2026-01-01"), "{error}");
        gestio::service::ledger::lock_book(&store, case.book, common::date("2026-01-31")).await.unwrap();
        let error = refused(&store, &case, "january.xml", &january()).await;
        assert!(error.contains("inside the period locked through 2026-01-31"), "{error}");
    }

    async fn statement_lines_are_append_only_in_the_database(db) {
        let store = db.store().await;
        open_case(&store, "Ana Costa", IBAN).await;
        import(&store, "january.xml", &january()).await.unwrap();
        let error = common::raw_sql(&db, "UPDATE statement_lines SET amount_minor = 1").await.unwrap_err();
        assert!(error.contains("append-only"), "{error}");
        let error = common::raw_sql(&db, "DELETE FROM statement_lines").await.unwrap_err();
        assert!(error.contains("append-only"), "{error}");
        // Undoing an import withdraws its lines: that one flag may go from false to true, once.
        let error = common::raw_sql(&db, "UPDATE statement_lines SET withdrawn = TRUE, remittance = 'x'").await.unwrap_err();
        assert!(error.contains("append-only"), "{error}");
        assert!(common::raw_sql(&db, "UPDATE statement_lines SET withdrawn = TRUE").await.unwrap() > 0);
        let error = common::raw_sql(&db, "UPDATE statement_lines SET withdrawn = FALSE").await.unwrap_err();
        assert!(error.contains("withdrawn once") || error.contains("append-only"), "{error}");
    }

    async fn a_bank_csv_export_imports_through_its_profile_and_twice_adds_nothing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let profile = gestio::import::csv::built_in_profile("bcee").unwrap();
        let bytes = std::fs::read(format!("{}/samples/csv/bcee-maria-fernandes-2026-02.csv", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let options = ImportOptions { csv_profile: Some(&profile), ..ImportOptions::default() };
        let summary = import_file(&store, "bcee.csv", &bytes, options, "test", now()).await.unwrap();
        assert_eq!(summary.format, "csv:bcee");
        assert_eq!((summary.statements[0].new, summary.statements[0].reconciles), (5, Some(true)));
        assert_eq!(balance(&store, &case, "1100").await, eur("1715.21"), "1000.00 + the month's 715.21");
        let again = import_file(&store, "bcee.csv", &bytes, options, "test", now()).await.unwrap();
        assert_eq!((again.statements[0].new, again.statements[0].already_booked), (0, 5));
        let error = import(&store, "bcee.csv", std::str::from_utf8(&bytes).unwrap_or("Compte;Date")).await.unwrap_err();
        assert!(error.to_string().contains("this is not an ISO 20022 statement; for a bank CSV export, name its profile"), "{error}");
    }

    async fn a_csv_export_without_its_account_is_imported_with_the_iban_given(db) {
        let store = db.store().await;
        let iban = "FR1420041010050500013M02606";
        let case = open_case(&store, "Sophie Martin", iban).await;
        let profile = gestio::import::csv::built_in_profile("banque-postale").unwrap();
        let bytes = std::fs::read(format!("{}/samples/csv/banque-postale-sophie-martin-2026-03.csv", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let without = ImportOptions { csv_profile: Some(&profile), ..ImportOptions::default() };
        let error = import_file(&store, "bp.csv", &bytes, without, "test", now()).await.unwrap_err();
        assert_eq!(error.to_string(), "bp.csv, statement #1: the file does not say which account it is for; give the account's IBAN (--account-iban)");
        let with = ImportOptions { account_iban: Some(iban), ..without };
        let summary = import_file(&store, "bp.csv", &bytes, with, "test", now()).await.unwrap();
        assert_eq!(summary.statements[0].new, 4);
        assert_eq!(balance(&store, &case, "1100").await, eur("1645.05"), "1000.00 + 1254.05 − 609.00");
    }

    async fn two_imports_of_the_same_file_at_once_book_each_line_once(db) {
        let store = db.store().await;
        let case = open_case(&store, "Ana Costa", IBAN).await;
        let first = tokio::spawn({
            let store = store.clone();
            async move { import(&store, "a.xml", &january()).await.map(|summary| summary.statements[0].new) }
        });
        let second = tokio::spawn({
            let store = store.clone();
            async move { import(&store, "b.xml", &january()).await.map(|summary| summary.statements[0].new) }
        });
        let (first, second) = (first.await.unwrap().unwrap(), second.await.unwrap().unwrap());
        assert_eq!(first + second, 4, "one import booked the four lines, the other found them booked");
        assert_eq!(stored(&store, &case).await.1, 4);
        assert_eq!(balance(&store, &case, "1100").await, eur("1830.00"));
    }
}
