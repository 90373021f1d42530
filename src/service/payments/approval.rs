//! After a run is planned: its approval (the second pair of eyes) with its files, and what it
//! came to, files included, as stored.

use chrono::{DateTime, Utc};

use super::PaymentRefusal;
use super::export::write_files;
use super::run::{RunReport, report};
use crate::domain::ids::{OfficeId, PaymentFileId, PaymentRunId};
use crate::export::pain001::PainVersion;
use crate::service::ServiceResult;
use crate::storage::{FileRecord, Store, StoreError};

/// Approves a prepared run and writes its files. Under four eyes the approver must not be the
/// person who prepared it.
pub async fn approve_run(
    store: &Store,
    run: PaymentRunId,
    approver: &str,
    now: DateTime<Utc>,
) -> ServiceResult<RunReport> {
    crate::service::retrying_contention(|| approve_run_once(store, run, approver, now)).await
}

async fn approve_run_once(
    store: &Store,
    run: PaymentRunId,
    approver: &str,
    now: DateTime<Utc>,
) -> ServiceResult<RunReport> {
    let mut tx = store.begin_write().await?;
    let record = tx.run(run).await?;
    if record.state != crate::domain::payment_state::RunState::Prepared {
        return Err(PaymentRefusal::AlreadyApproved { run: run.to_string() }.into());
    }
    let office = OfficeId::new(record.office_id);
    if tx.office_four_eyes(office).await? && record.prepared_by == approver {
        return Err(PaymentRefusal::SameApprover {
            run: run.to_string(),
            author: record.prepared_by,
        }
        .into());
    }
    if !tx.approve_run(run, approver, now).await? {
        return Err(PaymentRefusal::AlreadyApproved { run: run.to_string() }.into());
    }
    let format = PainVersion::parse(&record.format).ok_or_else(|| StoreError::Corrupt {
        what: "payment run",
        id: run.to_string(),
        detail: format!("unknown format {}", record.format),
    })?;
    write_files(&mut tx, run, format, now).await?;
    let report = report(&mut tx, run).await?;
    tx.commit().await?;
    Ok(report)
}

pub async fn run_report(store: &Store, run: PaymentRunId) -> ServiceResult<RunReport> {
    let mut tx = store.begin_read().await?;
    let report = report(&mut tx, run).await?;
    tx.commit().await?;
    Ok(report)
}

/// A payment file as produced, checked against its hash and its seal: a file changed in the
/// database (another IBAN, another amount) is refused, never handed to the bank.
pub async fn payment_file(store: &Store, file: PaymentFileId) -> ServiceResult<(FileRecord, Vec<u8>)> {
    let mut tx = store.begin_read().await?;
    let (record, content) = tx.file_content(file).await?;
    crate::service::integrity::check_payment_file(&mut tx, &record, &content).await?;
    tx.commit().await?;
    Ok((record, content))
}
