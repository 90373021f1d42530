//! The batch's db transaction, and the write running on it while the next files are checked.
//!
//! Checking a file (rules, chain hashes, the duplicate check) needs the database only the first
//! time the batch meets a book or an account; writing what the files decided is SQLite's work,
//! on its own thread. Done in turn, each waited for the other and the machine's second core sat
//! idle; here a write runs as a task of its own while the batch goes on checking, and whatever
//! needs the transaction (the next write, the commit) first waits for that write. So the
//! statements still run one at a time and in order.
//!
//! The batch's reads are of rows it has not written yet (the first time it meets a book or an
//! account; the cache keeps what it writes). Where the store allows it (SQLite, whose write lock
//! the batch holds for the whole database), they go through a connection beside the transaction
//! and do not wait for the write; otherwise through the transaction, after the write.

use std::ops::{Deref, DerefMut};

use tokio::task::JoinHandle;

use super::pending::{HeadMove, PendingWrites};
use crate::domain::book::Book;
use crate::domain::ids::BookId;
use crate::service::ServiceResult;
use crate::storage::{Store, Tx};

/// Where a read of rows the batch has not written goes: beside the transaction, or in it.
pub(super) enum Reads<'a> {
    Beside(Tx),
    Within(&'a mut Tx),
}

impl Deref for Reads<'_> {
    type Target = Tx;

    fn deref(&self) -> &Tx {
        match self {
            Reads::Beside(tx) => tx,
            Reads::Within(tx) => tx,
        }
    }
}

impl DerefMut for Reads<'_> {
    fn deref_mut(&mut self) -> &mut Tx {
        match self {
            Reads::Beside(tx) => tx,
            Reads::Within(tx) => tx,
        }
    }
}

pub(super) struct Writer {
    store: Store,
    /// The transaction, when no write holds it.
    idle: Option<Tx>,
    running: Option<JoinHandle<(Tx, ServiceResult<()>)>>,
}

impl Writer {
    pub fn new(store: &Store, tx: Tx) -> Writer {
        Writer {
            store: store.clone(),
            idle: Some(tx),
            running: None,
        }
    }

    /// A connection to read rows the batch has not written (see the module's comment).
    pub async fn reads(&mut self) -> ServiceResult<Reads<'_>> {
        match self.store.try_read_beside_write().await? {
            Some(beside) => Ok(Reads::Beside(beside)),
            None => Ok(Reads::Within(self.tx().await?)),
        }
    }

    /// Locks `book` for the batch (on its first use) and reads it.
    pub async fn lock_book(&mut self, book: BookId) -> ServiceResult<Book> {
        match self.store.try_read_beside_write().await? {
            // Where reads may go beside it, the batch's transaction locks every book already.
            Some(mut beside) => Ok(beside.book(book).await?),
            None => Ok(self.tx().await?.lock_book(book).await?),
        }
    }

    /// The transaction, once the write running on it (if any) has finished.
    async fn tx(&mut self) -> ServiceResult<&mut Tx> {
        self.finish().await?;
        Ok(self
            .idle
            .as_mut()
            .expect("BUG: a finished write gives the transaction back"))
    }

    /// Starts writing `pending` (after the write running, if any) and returns without waiting.
    pub async fn start(&mut self, pending: PendingWrites, heads: Vec<HeadMove>) -> ServiceResult<()> {
        let mut tx = self.take().await?;
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

    /// Takes the transaction, once the write running on it (if any) has finished.
    async fn take(&mut self) -> ServiceResult<Tx> {
        self.finish().await?;
        Ok(self
            .idle
            .take()
            .expect("BUG: a finished write gives the transaction back"))
    }

    /// Waits for the last write and commits.
    pub async fn commit(mut self) -> ServiceResult<()> {
        Ok(self.take().await?.commit().await?)
    }
}
