//! Attaching a receipt or invoice to an entry, and reading it back.

use chrono::{DateTime, Utc};

use super::ServiceResult;
use super::filings::sha256_hex;
use crate::domain::evidence::{EvidenceFile, check};
use crate::domain::ids::{BookId, EntryId, EvidenceId};
use crate::storage::{NewEvidence, Store};

/// Attaches `content` to `entry` after checking its size and its type (from the content).
/// A receipt may arrive after its period was filed: the filed account keeps what it had.
pub async fn attach(
    store: &Store,
    entry: EntryId,
    file_name: &str,
    content: &[u8],
    added_by: &str,
    now: DateTime<Utc>,
) -> ServiceResult<EvidenceFile> {
    let mut attached = attach_files(store, entry, &[(file_name, content)], added_by, now).await?;
    Ok(attached.remove(0))
}

/// Attaches several files to `entry` in one transaction: every file is checked first, and one
/// refused file keeps all of them out, so a person uploading three receipts never wonders which
/// of them went in.
pub async fn attach_files(
    store: &Store,
    entry: EntryId,
    files: &[(&str, &[u8])],
    added_by: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<EvidenceFile>> {
    let media_types = files
        .iter()
        .map(|(file_name, content)| check(file_name, content))
        .collect::<Result<Vec<_>, _>>()?;
    let mut tx = store.begin_write().await?;
    let found = tx.entry(entry).await?;
    let mut attached = Vec::with_capacity(files.len());
    for ((file_name, content), media_type) in files.iter().zip(media_types) {
        let sha256 = sha256_hex(content);
        let id = tx
            .insert_evidence(&NewEvidence {
                book: found.book_id,
                entry,
                file_name: file_name.trim(),
                media_type,
                content,
                sha256: &sha256,
                added_at: now,
                added_by,
            })
            .await?;
        attached.push(tx.evidence_content(id).await?.1);
    }
    tx.commit().await?;
    Ok(attached)
}

pub async fn evidence_files(store: &Store, book: BookId) -> ServiceResult<Vec<EvidenceFile>> {
    let mut tx = store.begin_read().await?;
    tx.book(book).await?;
    let files = tx.evidence_files(book).await?;
    tx.commit().await?;
    Ok(files)
}

/// One file with its content and the book it belongs to, checked against its hash and its seal:
/// a file changed in the database is refused, never served.
pub async fn evidence_content(store: &Store, id: EvidenceId) -> ServiceResult<(BookId, EvidenceFile, Vec<u8>)> {
    let mut tx = store.begin_read().await?;
    let (book, file, content) = tx.evidence_content(id).await?;
    super::integrity::check_evidence(&mut tx, book, &file, &content).await?;
    tx.commit().await?;
    Ok((book, file, content))
}
