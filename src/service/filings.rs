//! Filing a periodic account with the court: the account is rendered as PDF and data, both are
//! stored with their SHA-256 and the book's chain head, and the period is locked — all in one
//! db transaction. Then the court's review, and the filed account as one bundle to download.

use std::io::Write as _;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::ServiceResult;
use super::reports::account_in;
use crate::domain::filing::{Filing, FilingError, Review, Verdict, check_can_file, check_period};
use crate::domain::ids::{BookId, EvidenceId, FilingId};
use crate::domain::mandate::Jurisdiction;
use crate::domain::party::Language;
use crate::domain::report::Period;
use crate::render::account::document_for;
use crate::storage::{NewFiling, Store, StoreError};

/// How many times a filing reads and typesets the account again when entries arrive meanwhile.
const FILING_ATTEMPTS: u32 = 3;

pub struct FilingRequest<'a> {
    pub book: BookId,
    pub period: Period,
    /// Default: the mandate's jurisdiction.
    pub layout: Option<Jurisdiction>,
    /// Default: the court's language for the layout.
    pub language: Option<Language>,
    pub filed_by: &'a str,
    pub now: DateTime<Utc>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Files the account of `request.period`: stores the PDF and the account's data with their
/// hashes and the chain head, and locks the book through the period's end. A period that ends
/// inside what is locked already is refused.
pub async fn file_account(store: &Store, request: &FilingRequest<'_>) -> ServiceResult<Filing> {
    // The account is read and typeset outside the write transaction: on SQLite that transaction
    // holds the database's one write lock, and typesetting takes a third of a second in which
    // every import, payment and audit record would wait. Under the lock, the book must still be
    // as it was read (same chain head, same lock); if an entry came in meanwhile, start again.
    for _ in 0..FILING_ATTEMPTS {
        let mut tx = store.begin_read().await?;
        let read = tx.book(request.book).await?;
        let reported_through = tx.reported_through(read.id).await?;
        check_period(request.period, request.now.date_naive(), reported_through)?;
        check_can_file(request.period, read.locked_through)?;
        let account = account_in(&mut tx, read.id, request.period).await?;
        tx.commit().await?;
        let (layout, language, document) = document_for(&account, request.layout, request.language)?;
        let data_json = serde_json::to_string_pretty(&account).expect("BUG: the account serialises to JSON");
        let pdf = crate::render::pdf::pdf_in_turn(document).await?;
        let data_sha256 = sha256_hex(data_json.as_bytes());
        let pdf_sha256 = sha256_hex(&pdf);

        let mut tx = store.begin_write().await?;
        let book = tx.lock_book(request.book).await?;
        if book.head_sequence != read.head_sequence || book.locked_through != read.locked_through {
            continue;
        }
        let id = tx
            .insert_filing(&NewFiling {
                book: book.id,
                period: request.period,
                layout,
                language: language.code(),
                data_json: &data_json,
                data_sha256: &data_sha256,
                pdf: &pdf,
                pdf_sha256: &pdf_sha256,
                chain_sequence: book.head_sequence,
                chain_hash: &book.head_hash,
                filed_at: request.now,
                filed_by: request.filed_by,
            })
            .await?;
        tx.set_locked_through(book.id, request.period.to).await?;
        let filing = tx.filing(id).await?;
        tx.commit().await?;
        return Ok(filing);
    }
    Err(FilingError::BookKeptChanging {
        book: request.book,
        attempts: FILING_ATTEMPTS,
    }
    .into())
}

/// The court's reviews of a filed account, oldest first.
pub async fn reviews(store: &Store, filing: FilingId) -> ServiceResult<Vec<Review>> {
    let mut tx = store.begin_read().await?;
    let reviews = tx.reviews(filing).await?;
    tx.commit().await?;
    Ok(reviews)
}

/// Records the court's review of a filed account.
pub async fn review_filing(
    store: &Store,
    filing: FilingId,
    verdict: Verdict,
    remarks: Option<String>,
    reviewed_by: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Filing> {
    let review = Review::new(verdict, remarks, now, reviewed_by.to_owned())?;
    let mut tx = store.begin_write().await?;
    tx.filing(filing).await?;
    tx.insert_review(filing, &review).await?;
    let filing = tx.filing(filing).await?;
    tx.commit().await?;
    Ok(filing)
}

pub async fn filings(store: &Store, book: BookId) -> ServiceResult<Vec<Filing>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let filings = tx.filings(book).await?;
    tx.commit().await?;
    Ok(filings)
}

/// A filed account's record and the court's latest review, without its documents.
pub async fn filing(store: &Store, id: FilingId) -> ServiceResult<Filing> {
    let mut tx = store.begin_read().await?;
    let filing = tx.filing(id).await?;
    tx.commit().await?;
    Ok(filing)
}

/// A filed account as stored: the record, its PDF and its data, each checked against the hash
/// taken at filing.
pub struct FiledDocuments {
    pub filing: Filing,
    pub pdf: Vec<u8>,
    pub data_json: String,
}

pub async fn filed_documents(store: &Store, id: FilingId) -> ServiceResult<FiledDocuments> {
    let mut tx = store.begin_read().await?;
    let filing = tx.filing(id).await?;
    let (pdf, data_json) = tx.filing_content(id).await?;
    super::integrity::check_filing(&mut tx, &filing, &pdf, &data_json).await?;
    tx.commit().await?;
    Ok(FiledDocuments { filing, pdf, data_json })
}

/// The filed account as one zip: the PDF, the data, the evidence files of its entries (named
/// by receipt number) and a SHA256SUMS list of them all.
pub async fn filing_bundle(store: &Store, id: FilingId) -> ServiceResult<Vec<u8>> {
    let documents = filed_documents(store, id).await?;
    let stem = format!("account-{}-{}", documents.filing.book, documents.filing.period.to);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (format!("{stem}.pdf"), documents.pdf.clone()),
        (format!("{stem}.json"), documents.data_json.clone().into_bytes()),
    ];
    let listed = filed_evidence(&documents.data_json).ok_or_else(|| StoreError::Corrupt {
        what: "filed account",
        id: id.to_string(),
        detail: "its data does not list its evidence and entries".to_owned(),
    })?;
    let mut tx = store.begin_read().await?;
    for (evidence, name) in listed {
        let (book, file, content) = tx.evidence_content(evidence).await?;
        super::integrity::check_evidence(&mut tx, book, &file, &content).await?;
        files.push((format!("evidence/{name}"), content));
    }
    tx.commit().await?;
    let sums: String = files
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", sha256_hex(bytes)))
        .collect();
    files.push(("SHA256SUMS".to_owned(), sums.into_bytes()));
    Ok(zip_files(&files))
}

/// The evidence the court was sent for `book`: every file listed in the snapshot of one of its
/// filed accounts. Court staff read these and no other (a receipt attached to an entry of a
/// period not yet filed is the office's alone).
pub async fn evidence_filed(store: &Store, book: BookId) -> ServiceResult<std::collections::BTreeSet<EvidenceId>> {
    let mut tx = store.begin_read().await?;
    let mut filed = std::collections::BTreeSet::new();
    for filing in tx.filings(book).await? {
        let (_, data_json) = tx.filing_content(filing.id).await?;
        let listed = filed_evidence(&data_json).ok_or_else(|| StoreError::Corrupt {
            what: "filed account",
            id: filing.id.to_string(),
            detail: "its data does not list its evidence and entries".to_owned(),
        })?;
        filed.extend(listed.into_iter().map(|(evidence, _)| evidence));
    }
    tx.commit().await?;
    Ok(filed)
}

/// The evidence listed in a filed account's data, each with a file name that starts with its
/// entry's receipt number: (evidence id, "0007-invoice.pdf").
fn filed_evidence(data_json: &str) -> Option<Vec<(EvidenceId, String)>> {
    let value: serde_json::Value = serde_json::from_str(data_json).ok()?;
    let entries = value["data"]["entries"].as_array()?;
    let receipt_of = |entry: i64| {
        entries
            .iter()
            .find(|found| found["entry"].as_i64() == Some(entry))
            .and_then(|found| found["receipt_number"].as_u64())
    };
    value["evidence"]
        .as_array()?
        .iter()
        .map(|file| {
            let id = file["id"].as_i64()?;
            let name = file["file_name"].as_str()?;
            let receipt = receipt_of(file["entry"].as_i64()?)?;
            Some((
                EvidenceId::new(id),
                format!("{receipt:04}-{id}-{}", safe_file_name(name)),
            ))
        })
        .collect()
}

/// A file name with nothing that could climb out of the bundle's folder or upset a file system.
fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|character| match character {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            other if other.is_control() => '_',
            other => other,
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_owned()
}

fn zip_files(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), options)
            .expect("BUG: writing a zip to memory cannot fail");
        writer
            .write_all(bytes)
            .expect("BUG: writing a zip to memory cannot fail");
    }
    writer
        .finish()
        .expect("BUG: writing a zip to memory cannot fail")
        .into_inner()
}

/// An entry of a filed account as the clerk reads it in the browser, with its receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledEntry {
    pub receipt_number: u64,
    pub date: chrono::NaiveDate,
    pub description: String,
    /// The money accounts' movement: positive in, negative out.
    pub amount_minor: i64,
    /// (evidence id, file name) of the receipts attached to it when it was filed.
    pub receipts: Vec<(EvidenceId, String)>,
    /// A disbursement above the judge's threshold filed without a receipt.
    pub receipt_missing: bool,
}

/// The filed account `id` as its snapshot lists it: its currency and its entries with their
/// receipts, checked against the filing's hash and seal first.
pub async fn filed_entries(
    store: &Store,
    id: FilingId,
) -> ServiceResult<(crate::domain::money::Currency, Vec<FiledEntry>)> {
    let documents = filed_documents(store, id).await?;
    let corrupt = || StoreError::Corrupt {
        what: "filed account",
        id: id.to_string(),
        detail: "its data does not list its entries".to_owned(),
    };
    let value: serde_json::Value = serde_json::from_str(&documents.data_json).map_err(|_| corrupt())?;
    let currency = value["data"]["currency"]
        .as_str()
        .and_then(|code| crate::domain::money::Currency::parse(code).ok())
        .ok_or_else(corrupt)?;
    let evidence = value["evidence"].as_array().cloned().unwrap_or_default();
    let entries = value["data"]["entries"].as_array().ok_or_else(corrupt)?;
    let listed = entries
        .iter()
        .map(|entry| {
            let entry_id = entry["entry"].as_i64()?;
            Some(FiledEntry {
                receipt_number: entry["receipt_number"].as_u64()?,
                date: entry["date"].as_str()?.parse().ok()?,
                description: entry["description"].as_str()?.to_owned(),
                amount_minor: entry["amount"].as_i64()?,
                receipts: evidence
                    .iter()
                    .filter(|file| file["entry"].as_i64() == Some(entry_id))
                    .filter_map(|file| {
                        Some((
                            EvidenceId::new(file["id"].as_i64()?),
                            file["file_name"].as_str()?.to_owned(),
                        ))
                    })
                    .collect(),
                receipt_missing: entry["evidence_missing"].as_bool().unwrap_or(false),
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(corrupt)?;
    Ok((currency, listed))
}
