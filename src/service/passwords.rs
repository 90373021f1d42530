//! Password work: argon2id hashing and checking, bounded and throttled.
//!
//! Argon2id costs tens of milliseconds of a core and 19 MiB by design. Unbounded, 300 concurrent
//! password checks took a server to 1 GB and made every other user wait seconds. So checks run on
//! at most one blocking thread per core, a few more wait their turn, and the rest are told at once
//! to come back (503). Every try of a password (signing in, confirming the current password) also
//! goes through the throttle, counted before the work starts.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use chrono::{DateTime, Utc};
use tokio::sync::Semaphore;

use super::{ServiceError, ServiceResult};
use crate::domain::session::{FAILURES_PER_ADDRESS, FAILURES_PER_LOGIN, SignInThrottle, TryOutcome};

/// Password checks waiting for a core, per core, beyond which a request is refused at once.
const WAITING_PER_CORE_MAX: usize = 4;

/// At most one argon2 computation per core; a bounded number waiting.
pub struct PasswordWork {
    cores: Arc<Semaphore>,
    /// Computations running or waiting.
    admitted: AtomicUsize,
    admitted_max: usize,
}

impl Default for PasswordWork {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        PasswordWork::new(cores)
    }
}

impl PasswordWork {
    pub fn new(cores: usize) -> PasswordWork {
        let cores = cores.max(1);
        PasswordWork {
            cores: Arc::new(Semaphore::new(cores)),
            admitted: AtomicUsize::new(0),
            admitted_max: cores * (1 + WAITING_PER_CORE_MAX),
        }
    }

    /// Runs `work` on a blocking thread when a core is free; `Busy` when too many wait already.
    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> ServiceResult<T> {
        if self.admitted.fetch_add(1, Ordering::SeqCst) >= self.admitted_max {
            self.admitted.fetch_sub(1, Ordering::SeqCst);
            return Err(ServiceError::Busy);
        }
        let outcome = async {
            let _core = self
                .cores
                .clone()
                .acquire_owned()
                .await
                .expect("BUG: the password semaphore is never closed");
            tokio::task::spawn_blocking(work)
                .await
                .expect("BUG: password hashing panicked")
        }
        .await;
        self.admitted.fetch_sub(1, Ordering::SeqCst);
        Ok(outcome)
    }

    /// The argon2id hash (PHC string) of `password`.
    pub async fn hash(&self, password: &str) -> ServiceResult<String> {
        let password = password.to_owned();
        self.run(move || {
            Argon2::default()
                .hash_password(password.as_bytes())
                .map(|hash| hash.to_string())
        })
        .await?
        .map_err(|error| ServiceError::Password(error.to_string()))
    }

    /// Whether `password` matches `stored`; with no stored hash (an unknown login), a decoy is
    /// checked so that the answer takes as long as for a wrong password.
    pub async fn verifies(&self, password: &str, stored: Option<String>) -> ServiceResult<bool> {
        let password = password.to_owned();
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DECOY_HASH.clone());
        let matches = self
            .run(move || {
                PasswordHash::new(&stored)
                    .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            })
            .await?;
        Ok(known && matches)
    }
}

/// A hash of nothing anyone knows, checked when the login does not exist.
static DECOY_HASH: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(b"gestio decoy: no user has this password")
        .expect("BUG: hashing a constant cannot fail")
        .to_string()
});

/// The throttle and the bounded work together: what a server checks passwords through.
#[derive(Default)]
pub struct PasswordGuard {
    throttle: Mutex<SignInThrottle>,
    pub work: PasswordWork,
}

/// A try of a password, counted by the throttle until it is finished.
pub struct PasswordTry<'a> {
    guard: &'a PasswordGuard,
    login_key: String,
    address_key: String,
    finished: bool,
}

impl PasswordGuard {
    /// Begins a try of `login`'s password from `address`; `None` when the login or the address
    /// has used up its tries for now.
    pub fn begin(&self, login: &str, address: &str, now: DateTime<Utc>) -> Option<PasswordTry<'_>> {
        let login_key = format!("login:{}", login.trim().to_lowercase());
        let address_key = format!("address:{address}");
        let keys = [
            (login_key.as_str(), FAILURES_PER_LOGIN),
            (address_key.as_str(), FAILURES_PER_ADDRESS),
        ];
        // The lock is let go before a try exists: a try dropped under it would wait for it.
        let open = self.lock().begin(&keys, now);
        open.then(|| PasswordTry {
            guard: self,
            login_key,
            address_key,
            finished: false,
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SignInThrottle> {
        self.throttle.lock().expect("BUG: the sign-in throttle was poisoned")
    }
}

impl PasswordTry<'_> {
    /// Ends the try: a failure counts against the login and the address, a success forgives the
    /// login's failures.
    pub fn finish(mut self, outcome: TryOutcome) {
        self.end(outcome);
    }

    fn end(&mut self, outcome: TryOutcome) {
        if !self.finished {
            self.finished = true;
            let keys = [self.login_key.as_str(), self.address_key.as_str()];
            self.guard.lock().finish(&keys, outcome, &self.login_key);
        }
    }
}

impl Drop for PasswordTry<'_> {
    /// A try that ended without a verdict (the work was refused, the database failed) still
    /// gives back its place; it counts as nothing.
    fn drop(&mut self) {
        self.end(TryOutcome::Unchecked);
    }
}
