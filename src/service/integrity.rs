//! Whether what is stored is still what was written: a stored file against the hash taken when it
//! was written and against its seal (see `domain::seal`). Files are checked every time they are
//! served, and a changed one is refused loudly rather than handed to a bank or a court; `verify`
//! runs the same checks over everything.

use super::filings::sha256_hex;
use super::{ServiceError, ServiceResult};
use crate::domain::evidence::EvidenceFile;
use crate::domain::filing::Filing;
use crate::domain::ids::{BookId, PaymentFileId};
use crate::domain::seal::SealedFields;
use crate::storage::{FileRecord, Tx};

/// Evidence file `file` of `book`, with `content` as read.
pub async fn check_evidence(tx: &mut Tx, book: BookId, file: &EvidenceFile, content: &[u8]) -> ServiceResult<()> {
    let what = "evidence file";
    check_content(what, file.id.get(), content, &file.sha256)?;
    let fields = SealedFields::evidence(file.id, book, file.entry, &file.sha256);
    check_seal(tx, what, file.id.get(), &fields).await
}

/// Payment file `record`, with `content` as read.
pub async fn check_payment_file(tx: &mut Tx, record: &FileRecord, content: &[u8]) -> ServiceResult<()> {
    let what = "payment file";
    check_content(what, record.id, content, &record.sha256)?;
    let fields = SealedFields::payment_file(
        PaymentFileId::new(record.id),
        record.run_id,
        &record.message_id,
        &record.sha256,
    );
    check_seal(tx, what, record.id, &fields).await
}

/// Filed account `filing`, with its PDF and data as read.
pub async fn check_filing(tx: &mut Tx, filing: &Filing, pdf: &[u8], data_json: &str) -> ServiceResult<()> {
    let what = "filed account";
    check_content(what, filing.id.get(), pdf, &filing.pdf_sha256)?;
    check_content(what, filing.id.get(), data_json.as_bytes(), &filing.data_sha256)?;
    check_seal(tx, what, filing.id.get(), &SealedFields::filing(filing)).await
}

fn check_content(what: &'static str, id: i64, content: &[u8], expected: &str) -> ServiceResult<()> {
    let found = sha256_hex(content);
    if found != expected {
        return Err(ServiceError::Tampered {
            what,
            id,
            detail: format!("its content hashes to {found}, not to {expected} as when it was written"),
        });
    }
    Ok(())
}

async fn check_seal(tx: &mut Tx, what: &'static str, id: i64, fields: &SealedFields) -> ServiceResult<()> {
    let detail = match tx.stored_seal(fields.kind, id).await? {
        Some(seal) if tx.seal_holds(fields, &seal) => return Ok(()),
        Some(_) => "its seal does not hold: it was changed without the instance's key".to_owned(),
        None => "it has no seal: it was written before sealing began (`gestio seal adopt` seals those once), or \
                 its seal was removed"
            .to_owned(),
    };
    Err(ServiceError::Tampered { what, id, detail })
}
