//! Filing a periodic account, on SQLite and PostgreSQL: the snapshot (PDF and data with their
//! SHA-256 and the chain head), the period locked, the court's review, the next account's opening
//! checked against the filed closing, evidence and the bundle, and the budget plan.

use crate::common;

use std::io::Read as _;

use common::{Case, date, eur, now, open_case, raw_sql};
use gestio::domain::account::ReportCategory;
use gestio::domain::filing::{FilingError, Verdict};
use gestio::domain::ledger::{EntryDraft, EntryRejection, EntrySource, Posting};
use gestio::domain::party::Language;
use gestio::domain::report::Period;
use gestio::render::locale::Locale;
use gestio::service::ServiceError;
use gestio::service::filings::{
    FilingRequest, file_account, filed_documents, filing_bundle, review_filing, sha256_hex,
};
use gestio::service::ledger::post_entry;
use gestio::service::reports::periodic_account;
use gestio::service::{budget, evidence};

const IBAN: &str = "LU280019400644750000";
/// The smallest PNG header `infer` recognises.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

fn rent(case: &Case, day: &str, amount: &str) -> EntryDraft {
    EntryDraft {
        book_id: case.book,
        date: date(day),
        description: "Loyer janvier".into(),
        source: EntrySource::Manual,
        source_ref: None,
        receipt: None,
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

fn month(first: &str, last: &str) -> Period {
    Period {
        from: date(first),
        to: date(last),
    }
}

fn request(case: &Case, period: Period) -> FilingRequest<'static> {
    FilingRequest {
        book: case.book,
        period,
        layout: None,
        language: None,
        filed_by: "tutor",
        now: now(),
    }
}

/// The text of a PDF, by poppler's pdftotext (CI installs poppler-utils; elsewhere a loud skip).
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("account.pdf");
    std::fs::write(&path, pdf).unwrap();
    match std::process::Command::new("pdftotext").arg(&path).arg("-").output() {
        Ok(output) => {
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            Some(String::from_utf8(output.stdout).unwrap())
        }
        Err(_) if std::env::var_os("CI").is_some() => panic!("pdftotext is missing (apt-get install poppler-utils)"),
        Err(_) => {
            eprintln!("\n*** PDF TEXT NOT CHECKED: pdftotext is missing (apt-get install poppler-utils) ***\n");
            None
        }
    }
}

crate::backend_tests! {
    async fn a_filed_account_is_a_verifiable_snapshot_and_locks_its_period(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let rent_entry = post_entry(&store, rent(&case, "2026-01-05", "650.00"), now()).await.unwrap();
        let receipt = evidence::attach(&store, rent_entry.id, "bail janvier.png", PNG, "tutor", now()).await.unwrap();
        let housing = ReportCategory::parse("expense.housing").unwrap();
        budget::plan(&store, case.book, housing, eur("600.00"), date("2026-01-01"), now()).await.unwrap();
        let january = month("2026-01-01", "2026-01-31");

        assert_eq!(common::assert_dashboard_is_fresh(&store, &case, "the rent").await.filed_through, None);
        let filing = file_account(&store, &request(&case, january)).await.unwrap();
        let book = gestio::service::ledger::book(&store, case.book).await.unwrap();
        assert_eq!(book.locked_through, Some(date("2026-01-31")));
        let dashboard = common::assert_dashboard_is_fresh(&store, &case, "filing January").await;
        assert_eq!(dashboard.filed_through, Some(date("2026-01-31")));
        assert_eq!((filing.chain_sequence, filing.chain_hash.as_str()), (book.head_sequence, book.head_hash.as_str()));

        // Downloaded, the PDF and the data hash to what was recorded at filing.
        let documents = filed_documents(&store, filing.id).await.unwrap();
        assert_eq!(sha256_hex(&documents.pdf), filing.pdf_sha256);
        assert_eq!(sha256_hex(documents.data_json.as_bytes()), filing.data_sha256);
        assert!(documents.pdf.starts_with(b"%PDF-"));
        let data: serde_json::Value = serde_json::from_str(&documents.data_json).unwrap();
        let bank = data["data"]["accounts"].as_array().unwrap().iter().find(|account| account["code"] == "1100").unwrap();
        let closing = bank["closing"].as_i64().unwrap();
        assert_eq!(closing, eur("350.00").minor(), "1000.00 opening − 650.00 rent");
        assert_eq!(data["budget"][0]["planned"].as_i64(), Some(eur("600.00").minor()));
        assert_eq!(data["budget"][0]["actual"].as_i64(), Some(eur("650.00").minor()));
        assert_eq!(data["evidence"][0]["file_name"], "bail janvier.png");
        assert_eq!((data["ledger"]["sequence"].as_i64(), data["ledger"]["hash"].as_str()), (Some(filing.chain_sequence), Some(filing.chain_hash.as_str())),
            "the account says which ledger it was made from");
        if let Some(text) = pdf_text(&documents.pdf) {
            let printed = gestio::domain::chain::grouped_hash(&filing.chain_hash);
            assert!(text.contains(&printed[..17]), "the court's copy prints the ledger's head: {text}");
            let french = Locale::new(Language::Fr);
            assert!(text.contains("Compte de gestion"), "{text}");
            assert!(text.contains(&french.amount(eur("650.00").minor(), gestio::domain::money::Currency::EUR)), "{text}");
            assert!(text.contains(&french.amount(closing, gestio::domain::money::Currency::EUR)), "{text}");
            assert!(text.contains("bail janvier.png"), "the evidence is listed: {text}");
            assert!(text.contains("Page 1"), "{text}");
        }

        // The period is closed to new entries and to a second filing.
        let error = post_entry(&store, rent(&case, "2026-01-20", "10.00"), now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Entry(EntryRejection::InsideLockedPeriod { .. })), "{error}");
        let error = file_account(&store, &request(&case, january)).await.unwrap_err();
        assert!(matches!(error, ServiceError::Filing(FilingError::AlreadyLocked { .. })), "{error}");
        let overlapping = month("2026-01-15", "2026-02-28");
        assert!(file_account(&store, &request(&case, overlapping)).await.is_err());

        // The court: remarks need their text; then an approval is recorded.
        let error = review_filing(&store, filing.id, Verdict::Remarks, None, "clerk", now()).await.unwrap_err();
        assert!(matches!(error, ServiceError::Filing(FilingError::RemarksWithoutText)), "{error}");
        review_filing(&store, filing.id, Verdict::Remarks, Some("Joindre le bail".into()), "clerk", now()).await.unwrap();
        let reviewed = review_filing(&store, filing.id, Verdict::Approved, None, "clerk", now()).await.unwrap();
        assert_eq!(reviewed.review.unwrap().verdict, Verdict::Approved);

        // The next account opens where the filed one closed.
        let february = periodic_account(&store, case.book, month("2026-02-01", "2026-02-28")).await.unwrap();
        assert_eq!(february.opening_check.previous_period_to, Some(date("2026-01-31")));
        assert!(february.opening_check.differences.is_empty(), "{:?}", february.opening_check);

        // A correction of the locked rent goes into February as an adjustment naming it, and shows
        // in February's corrections; an entry outside the locked period cannot be "corrected".
        let reference = gestio::service::ledger::correction_reference(&store, case.book, rent_entry.id).await.unwrap();
        assert_eq!(reference, format!("entry {} of 2026-01-05", rent_entry.id));
        let mut correction = rent(&case, "2026-02-02", "-50.00");
        correction.source = EntrySource::Adjustment;
        correction.source_ref = Some(reference.clone());
        let posted = post_entry(&store, correction, now()).await.unwrap();
        assert!(gestio::service::ledger::correction_reference(&store, case.book, posted.id).await.is_err());
        let february = periodic_account(&store, case.book, month("2026-02-01", "2026-02-28")).await.unwrap();
        let corrected = february.data.entries.iter().find(|entry| entry.correction).unwrap();
        assert_eq!(corrected.corrects.as_deref(), Some(reference.as_str()));
        let document = gestio::render::account::account_document(
            &february,
            gestio::domain::mandate::Jurisdiction::Generic,
            &Locale::new(Language::En),
        );
        let corrections = document.sections.iter().find(|section| section.heading == "Corrections of earlier periods").unwrap();
        assert!(corrections.tables[0].rows[0].cells.last().unwrap().contains(&reference));

        // The bundle: PDF, data, the receipt named by its receipt number, and their checksums.
        let bundle = filing_bundle(&store, filing.id).await.unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundle)).unwrap();
        let names: Vec<String> = archive.file_names().map(|name| name.unwrap().into_owned()).collect();
        let stem = format!("account-{}-2026-01-31", case.book);
        let evidence_name = format!("evidence/0001-{}-bail janvier.png", receipt.id);
        for expected in [format!("{stem}.pdf"), format!("{stem}.json"), evidence_name.clone(), "SHA256SUMS".into()] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        let mut sums = String::new();
        archive.by_name("SHA256SUMS").unwrap().read_to_string(&mut sums).unwrap();
        assert!(sums.contains(&format!("{}  {stem}.pdf", filing.pdf_sha256)), "{sums}");
        let mut png = Vec::new();
        archive.by_name(&evidence_name).unwrap().read_to_end(&mut png).unwrap();
        assert_eq!(png, PNG);

        // What was filed stays as filed, whoever asks the database.
        assert!(raw_sql(&db, "UPDATE filings SET filed_by = 'someone else'").await.is_err());
        assert!(raw_sql(&db, "DELETE FROM filing_reviews").await.is_err());
        assert!(raw_sql(&db, "DELETE FROM evidence").await.is_err());
    }

    async fn entries_arriving_while_the_account_is_typeset_never_make_a_filing_disagree_with_its_chain(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        post_entry(&store, rent(&case, "2026-01-05", "650.00"), now()).await.unwrap();
        // Another counsellor keeps booking February while January is filed: the filing is typeset
        // outside the write lock, so it must notice and start again, or give up by name.
        let writer = {
            let store = store.clone();
            let draft = rent(&case, "2026-02-03", "1.00");
            tokio::spawn(async move {
                for _ in 0..20 {
                    post_entry(&store, draft.clone(), now()).await.unwrap();
                    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                }
            })
        };
        let filed = file_account(&store, &request(&case, month("2026-01-01", "2026-01-31"))).await;
        writer.await.unwrap();
        match filed {
            Ok(filing) => {
                let mut tx = store.begin_read().await.unwrap();
                let chain = tx.entries(case.book, gestio::storage::EntryFilter::default()).await.unwrap();
                tx.commit().await.unwrap();
                let head = chain.iter().find(|entry| entry.sequence == filing.chain_sequence).expect("the recorded head is in the chain");
                assert_eq!(head.hash, filing.chain_hash, "the filing records the chain it was made from");
                let documents = gestio::service::filings::filed_documents(&store, filing.id).await.unwrap();
                let data: serde_json::Value = serde_json::from_str(&documents.data_json).unwrap();
                assert_eq!(data["data"]["entries"].as_array().unwrap().len(), 1, "January's one entry");
            }
            Err(error) => assert!(error.to_string().contains("entries kept arriving in book"), "{error}"),
        }
    }

    async fn a_second_filing_reports_an_opening_that_differs_from_the_filed_closing(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        post_entry(&store, rent(&case, "2026-01-05", "650.00"), now()).await.unwrap();
        file_account(&store, &request(&case, month("2026-01-01", "2026-01-31"))).await.unwrap();
        // February's account skips a week of entries: its opening is not January's closing.
        post_entry(&store, rent(&case, "2026-02-03", "50.00"), now()).await.unwrap();
        let account = periodic_account(&store, case.book, month("2026-02-08", "2026-02-28")).await.unwrap();
        assert_eq!(
            account.opening_check.differences,
            vec![(case.account("1100").code.clone(), eur("350.00").minor(), eur("300.00").minor())]
        );
        let document = gestio::render::account::account_document(
            &account,
            gestio::domain::mandate::Jurisdiction::Generic,
            &Locale::new(Language::En),
        );
        let html = gestio::render::html(&document).unwrap();
        assert!(html.contains("Opening differs from the closing of the account filed"), "{html}");
    }

    async fn the_caseload_shows_the_next_account_due_by_the_courts_rule_or_an_assumed_one(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let due = |cases: &[gestio::service::caseload::Case]| cases[0].account_due.unwrap();
        let before = due(&gestio::service::caseload::caseload(&store, None, None).await.unwrap());
        assert_eq!((before.period.to, before.due, before.assumed), (date("2026-12-31"), date("2027-03-31"), true));
        let mandate = {
            let mut tx = store.begin_read().await.unwrap();
            tx.mandates(None).await.unwrap()[0].id
        };
        let mut tx = store.begin_write().await.unwrap();
        assert_eq!(tx.set_account_due_months(mandate, Some(4)).await.unwrap().account_due_months, Some(4));
        tx.commit().await.unwrap();
        let recorded = due(&gestio::service::caseload::caseload(&store, None, None).await.unwrap());
        assert_eq!((recorded.due, recorded.assumed), (date("2027-04-30"), false));
        let in_january = FilingRequest { now: "2027-01-05T09:00:00Z".parse().unwrap(), ..request(&case, month("2026-01-01", "2026-12-31")) };
        file_account(&store, &in_january).await.unwrap();
        let next = due(&gestio::service::caseload::caseload(&store, None, None).await.unwrap());
        assert_eq!((next.period.from, next.period.to, next.due), (date("2027-01-01"), date("2027-12-31"), date("2028-04-30")));
    }

    async fn evidence_is_checked_from_its_content_and_refused_whole(db) {
        let store = db.store().await;
        let case = open_case(&store, "Maria Fernandes", IBAN).await;
        let entry = post_entry(&store, rent(&case, "2026-01-05", "650.00"), now()).await.unwrap();
        let error = evidence::attach(&store, entry.id, "invoice.pdf", b"<html><script>x</script>", "tutor", now())
            .await
            .unwrap_err();
        assert!(error.to_string().contains("not a PDF, JPEG or PNG"), "{error}");
        assert!(evidence::evidence_files(&store, case.book).await.unwrap().is_empty());
        evidence::attach(&store, entry.id, "scan.png", PNG, "tutor", now()).await.unwrap();
        let error = evidence::attach(&store, entry.id, "again.png", PNG, "tutor", now()).await.unwrap_err();
        assert!(error.to_string().contains("attached already"), "{error}");
        let (book, file, content) = evidence::evidence_content(
            &store,
            evidence::evidence_files(&store, case.book).await.unwrap()[0].id,
        )
        .await
        .unwrap();
        assert_eq!((book, file.file_name.as_str(), content.as_slice()), (case.book, "scan.png", PNG));
        let error = evidence::attach(&store, gestio::domain::ids::EntryId::new(999_999), "scan.png", PNG, "t", now())
            .await
            .unwrap_err();
        assert!(error.to_string().contains("does not exist"), "{error}");
    }
}
