//! The batch's db transaction, held by a task of its own so that writing one file's rows overlaps
//! with checking the next files.
//!
//! A profile of a large import showed the two halves taking turns: the batch checked files
//! (parsing them was already on a thread of its own), then waited while SQLite's worker wrote
//! what they booked, and so used one core of two. Now checking sends its reads here and waits
//! for their answers, and sends each accepted file's rows here without waiting: the jobs run in
//! the order they were sent, on the one db transaction, so a read sees every write sent before
//! it. A database error gives the batch up: the jobs after it are not run, and the next read,
//! file or commit reports it.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use super::pending::{ENTRIES_PER_WRITE, PendingWrites};
use crate::domain::ids::BookId;
use crate::service::{ServiceError, ServiceResult};
use crate::storage::{Store, Tx};

pub(super) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
type Job = Box<dyn for<'a> FnOnce(&'a mut WriterState) -> BoxFuture<'a, ()> + Send>;

/// Jobs waiting for the writer at most: enough to keep it busy while a large write runs, few
/// enough that the rows waiting stay a small part of the batch's memory.
const JOBS_WAITING_MAX: usize = 64;

const STOPPED: &str = "the import's writer stopped";

/// What the writer task owns: the db transaction and what waits to be written in it.
pub(super) struct WriterState {
    pub tx: Tx,
    /// What the accepted files of the batch wait to write.
    pub pending: PendingWrites,
    /// Each locked book's chain head as the database holds it (entries wait in `pending`).
    pub written_heads: HashMap<BookId, i64>,
}

impl WriterState {
    /// Takes in an accepted file's rows, and writes what waits once there is enough of it.
    pub async fn absorb(&mut self, writes: PendingWrites) -> ServiceResult<()> {
        self.pending.absorb(writes);
        if self.pending.entries() >= ENTRIES_PER_WRITE {
            self.pending.write(&mut self.tx, &mut self.written_heads).await?;
        }
        Ok(())
    }
}

/// The handle the batch sends its reads and writes through.
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
    task: JoinHandle<WriterState>,
    /// Why the batch was given up, once a job failed.
    failed: Arc<OnceLock<String>>,
}

impl Writer {
    /// Begins the batch's db transaction and starts the task that holds it.
    pub async fn start(store: &Store) -> ServiceResult<Writer> {
        let state = WriterState {
            tx: store.begin_write().await?,
            pending: PendingWrites::default(),
            written_heads: HashMap::new(),
        };
        let (jobs, mut received) = mpsc::channel::<Job>(JOBS_WAITING_MAX);
        let task = tokio::spawn(async move {
            let mut state = state;
            while let Some(job) = received.recv().await {
                job(&mut state).await;
            }
            state
        });
        Ok(Writer {
            jobs,
            task,
            failed: Arc::default(),
        })
    }

    /// Why the batch was given up, if it was.
    pub fn failure(&self) -> Option<ServiceError> {
        self.failed
            .get()
            .map(|reason| ServiceError::ImportBatchFailed(reason.clone()))
    }

    /// Runs `job` after every job sent before it, and returns its answer.
    pub async fn run<T, F>(&self, job: F) -> ServiceResult<T>
    where
        T: Send + 'static,
        F: for<'a> FnOnce(&'a mut WriterState) -> BoxFuture<'a, ServiceResult<T>> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.send(job, Some(reply)).await?;
        answer.await.map_err(|_| self.stopped())?
    }

    /// Sends `job` to run after every job sent before it, without waiting for it: a failure
    /// gives the batch up, and is reported by whatever the batch does next.
    pub async fn submit<F>(&self, job: F) -> ServiceResult<()>
    where
        F: for<'a> FnOnce(&'a mut WriterState) -> BoxFuture<'a, ServiceResult<()>> + Send + 'static,
    {
        self.send(job, None).await
    }

    async fn send<T, F>(&self, job: F, reply: Option<oneshot::Sender<ServiceResult<T>>>) -> ServiceResult<()>
    where
        T: Send + 'static,
        F: for<'a> FnOnce(&'a mut WriterState) -> BoxFuture<'a, ServiceResult<T>> + Send + 'static,
    {
        if let Some(failure) = self.failure() {
            return Err(failure);
        }
        let failed = Arc::clone(&self.failed);
        let job: Job = Box::new(move |state| {
            Box::pin(async move {
                let result = match failed.get() {
                    Some(reason) => Err(ServiceError::ImportBatchFailed(reason.clone())),
                    None => job(state).await,
                };
                match &result {
                    // A refusal is a file's, decided before anything of it is written.
                    Ok(_) | Err(ServiceError::Import(_)) => {}
                    Err(ServiceError::ImportBatchFailed(reason)) => {
                        let _ = failed.set(reason.clone());
                    }
                    // Any other error may have left the db transaction unusable.
                    Err(error) => {
                        let _ = failed.set(error.to_string());
                    }
                }
                if let Some(reply) = reply {
                    // A caller that stopped waiting has nobody to tell.
                    let _ = reply.send(result);
                }
            })
        });
        self.jobs.send(job).await.map_err(|_| self.stopped())
    }

    /// Waits for every job sent, then writes what still waits and commits.
    pub async fn commit(self) -> ServiceResult<()> {
        let Writer { jobs, task, failed } = self;
        drop(jobs);
        let mut state = task
            .await
            .map_err(|error| ServiceError::ImportBatchFailed(format!("{STOPPED}: {error}")))?;
        if let Some(reason) = failed.get() {
            return Err(ServiceError::ImportBatchFailed(reason.clone()));
        }
        state.pending.write(&mut state.tx, &mut state.written_heads).await?;
        Ok(state.tx.commit().await?)
    }

    fn stopped(&self) -> ServiceError {
        self.failure()
            .unwrap_or_else(|| ServiceError::ImportBatchFailed(STOPPED.to_owned()))
    }
}
