//! Writing the audit log with group commit. Every request waits until its record is committed
//! (an answer whose record is not stored is withheld), but records arriving together share one
//! database transaction: one commit, one fsync, for all of them. Without that, a busy office's
//! reads would queue behind one SQLite commit each.

use tokio::sync::{mpsc, oneshot};

use super::{ServiceError, ServiceResult};
use crate::domain::audit::AuditRecord;
use crate::storage::{Store, StoreError};

const STOPPED: &str = "the audit log writer has stopped";

/// Records written in one transaction at most.
const BATCH_MAX: usize = 512;
/// Records waiting for the writer at most; a request beyond that waits for room.
const QUEUE_MAX: usize = 4096;

type Reply = oneshot::Sender<Result<(), String>>;

/// The handle requests record through; cheap to clone.
#[derive(Clone)]
pub struct AuditLog {
    sender: mpsc::Sender<(AuditRecord, Reply)>,
}

impl AuditLog {
    /// Starts the writer on the current tokio runtime.
    pub fn start(store: Store) -> AuditLog {
        let (sender, receiver) = mpsc::channel(QUEUE_MAX);
        tokio::spawn(write_batches(store, receiver));
        AuditLog { sender }
    }

    /// Returns once `record` is committed.
    pub async fn record(&self, record: AuditRecord) -> ServiceResult<()> {
        let (reply, committed) = oneshot::channel();
        self.sender
            .send((record, reply))
            .await
            .map_err(|_| ServiceError::Audit(STOPPED.to_owned()))?;
        match committed.await {
            Ok(outcome) => outcome.map_err(ServiceError::Audit),
            Err(_) => Err(ServiceError::Audit(STOPPED.to_owned())),
        }
    }
}

async fn write_batches(store: Store, mut receiver: mpsc::Receiver<(AuditRecord, Reply)>) {
    let mut batch = Vec::with_capacity(BATCH_MAX);
    while receiver.recv_many(&mut batch, BATCH_MAX).await > 0 {
        let outcome = write(&store, &batch).await.map_err(|error| error.to_string());
        for (_, reply) in batch.drain(..) {
            // A request that gave up waiting has nobody to tell.
            let _ = reply.send(outcome.clone());
        }
    }
}

async fn write(store: &Store, batch: &[(AuditRecord, Reply)]) -> Result<(), StoreError> {
    let records: Vec<&AuditRecord> = batch.iter().map(|(record, _)| record).collect();
    let mut tx = store.begin_write().await?;
    tx.insert_audits(&records).await?;
    tx.commit().await
}
