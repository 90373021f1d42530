//! The batch's db transaction, and the write running on it while the next files are checked.
//!
//! Checking a file (rules, chain hashes, the duplicate check) needs the database only the first
//! time the batch meets a book or an account; writing what the files decided is SQLite's work,
//! on its own thread. Done in turn, each waited for the other and the machine's second core sat
//! idle; here a write runs as a task of its own while the batch goes on checking, and whatever
//! needs the transaction (a read, the next write, the commit) first waits for that write. So the
//! statements still run one at a time and in order, and every read sees what was written before.

use tokio::task::JoinHandle;

use super::pending::{HeadMove, PendingWrites};
use crate::service::ServiceResult;
use crate::storage::Tx;

pub(super) struct Writer {
    /// The transaction, when no write holds it.
    idle: Option<Tx>,
    running: Option<JoinHandle<(Tx, ServiceResult<()>)>>,
}

impl Writer {
    pub fn new(tx: Tx) -> Writer {
        Writer {
            idle: Some(tx),
            running: None,
        }
    }

    /// The transaction, once the write running on it (if any) has finished.
    pub async fn tx(&mut self) -> ServiceResult<&mut Tx> {
        self.finish().await?;
        Ok(self
            .idle
            .as_mut()
            .expect("BUG: a finished write gives the transaction back"))
    }

    /// Starts writing `pending` (after the write running, if any) and returns without waiting.
    pub async fn start(&mut self, pending: PendingWrites, heads: Vec<HeadMove>) -> ServiceResult<()> {
        self.finish().await?;
        let mut tx = self
            .idle
            .take()
            .expect("BUG: a finished write gives the transaction back");
        self.running = Some(tokio::spawn(async move {
            let written = pending.write(&mut tx, &heads).await;
            (tx, written)
        }));
        Ok(())
    }

    /// Waits for the write running, if any; its error is the batch's.
    async fn finish(&mut self) -> ServiceResult<()> {
        let Some(running) = self.running.take() else {
            return Ok(());
        };
        let (tx, written) = match running.await {
            Ok(done) => done,
            // A panic in the write is a bug: let it carry on here.
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        };
        self.idle = Some(tx);
        written
    }

    /// Waits for the last write and commits.
    pub async fn commit(mut self) -> ServiceResult<()> {
        self.finish().await?;
        let tx = self
            .idle
            .take()
            .expect("BUG: a finished write gives the transaction back");
        Ok(tx.commit().await?)
    }
}
