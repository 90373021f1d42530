//! Sealing what was written before sealing began: `gestio seal adopt`, run once by the operator
//! after upgrading. Nothing is adopted without a check: a book's chain must verify, a stored file
//! must match the hash taken when it was written. The server never adopts on its own: anyone who
//! can write to the database could otherwise remove a seal and have the server seal what they
//! changed. So after the upgrade, an unsealed record is reported by `verify`, and only the
//! operator, who holds the key, decides to seal it.

use serde::Serialize;

use super::ServiceResult;
use super::filings::sha256_hex;
use crate::domain::ids::{BookId, EvidenceId, PaymentFileId};
use crate::domain::seal::SealedFields;
use crate::storage::{Store, Tx, Unsealed};

/// What adopting sealed, and what it refused to seal, with why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Adoption {
    pub books: usize,
    pub filings: usize,
    pub evidence: usize,
    pub payment_files: usize,
    pub refused: Vec<String>,
}

/// What has no seal yet (the server warns at start when something has none).
pub async fn unsealed(store: &Store) -> ServiceResult<Unsealed> {
    let mut tx = store.begin_read().await?;
    let found = tx.unsealed().await?;
    tx.commit().await?;
    Ok(found)
}

/// Seals every record written before sealing began that still checks out, in one db
/// transaction.
pub async fn adopt(store: &Store) -> ServiceResult<Adoption> {
    let mut tx = store.begin_write().await?;
    let unsealed = tx.unsealed().await?;
    let mut adoption = Adoption::default();
    for book in unsealed.books {
        match chain_head_if_sound(&mut tx, book).await? {
            Ok((sequence, hash)) => {
                tx.seal_book_head(book, sequence, &hash).await?;
                adoption.books += 1;
            }
            Err(why) => adoption.refused.push(format!("book {book}: {why}")),
        }
    }
    for id in unsealed.filings {
        let filing = tx.filing(id).await?;
        let (pdf, data_json) = tx.filing_content(id).await?;
        if sha256_hex(&pdf) == filing.pdf_sha256 && sha256_hex(data_json.as_bytes()) == filing.data_sha256 {
            tx.insert_seal(&SealedFields::filing(&filing), id.get()).await?;
            adoption.filings += 1;
        } else {
            adoption
                .refused
                .push(format!("filing {id}: its documents do not match their hashes"));
        }
    }
    for id in unsealed.evidence {
        adoption.evidence += usize::from(adopt_evidence(&mut tx, id, &mut adoption.refused).await?);
    }
    for id in unsealed.payment_files {
        adoption.payment_files += usize::from(adopt_payment_file(&mut tx, id, &mut adoption.refused).await?);
    }
    tx.commit().await?;
    Ok(adoption)
}

async fn adopt_evidence(tx: &mut Tx, id: EvidenceId, refused: &mut Vec<String>) -> ServiceResult<bool> {
    let (book, file, content) = tx.evidence_content(id).await?;
    if sha256_hex(&content) != file.sha256 {
        refused.push(format!("evidence file {id}: its content does not match its hash"));
        return Ok(false);
    }
    tx.insert_seal(&SealedFields::evidence(id, book, file.entry, &file.sha256), id.get())
        .await?;
    Ok(true)
}

async fn adopt_payment_file(tx: &mut Tx, id: PaymentFileId, refused: &mut Vec<String>) -> ServiceResult<bool> {
    let (record, content) = tx.file_content(id).await?;
    if sha256_hex(&content) != record.sha256 {
        refused.push(format!("payment file {id}: its content does not match its hash"));
        return Ok(false);
    }
    let fields = SealedFields::payment_file(id, record.run_id, &record.message_id, &record.sha256);
    tx.insert_seal(&fields, id.get()).await?;
    Ok(true)
}

/// The book's head, when its whole chain verifies up to it; else why not.
async fn chain_head_if_sound(tx: &mut Tx, book: BookId) -> ServiceResult<Result<(i64, String), String>> {
    let head = tx.book(book).await?;
    let mut problems = Vec::new();
    let (_, walked) = super::verify::walk_chain(tx, book, &mut Default::default(), &mut problems).await?;
    if let Some(problem) = problems.pop() {
        return Ok(Err(problem));
    }
    Ok(
        match walked.and_then(|verifier| verifier.finish(head.head_sequence, &head.head_hash)) {
            Ok(()) => Ok((head.head_sequence, head.head_hash)),
            Err(broken) => Err(broken.to_string()),
        },
    )
}
