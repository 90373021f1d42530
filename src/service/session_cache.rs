//! A short memory of live sessions, so a request does not read its session, user and
//! assignments from the database again when the same session asked a moment ago.
//!
//! Those three reads were a third of a dashboard request's database round trips. An entry is
//! believed for [`SESSION_CACHE_TTL`] at most; this server forgets it at once when it signs the
//! session out or changes the user (disabled, password, language, assignments). A change made
//! elsewhere — `gestio user disable` on the command line, another server on the same database —
//! takes effect within the TTL. Timeouts are still checked on every request against the session's
//! own times, and the idle time is still written down as before.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use super::sessions::SignedIn;
use crate::domain::session::SessionTimes;

/// How long a session read from the database is believed without reading it again.
pub const SESSION_CACHE_TTL: Duration = Duration::seconds(5);
/// The most sessions kept; past it the memory starts again empty (an office has far fewer).
const SESSIONS_KEPT_MAX: usize = 10_000;

struct Kept {
    signed_in: SignedIn,
    times: SessionTimes,
    read_at: DateTime<Utc>,
}

/// Live sessions by their token's hash.
#[derive(Default)]
pub struct SessionCache {
    kept: Mutex<HashMap<String, Kept>>,
}

impl SessionCache {
    /// The session of `hash` if it was read less than the TTL before `now`.
    pub fn get(&self, hash: &str, now: DateTime<Utc>) -> Option<(SignedIn, SessionTimes)> {
        let kept = self.lock();
        let entry = kept.get(hash)?;
        let age = now - entry.read_at;
        (age >= Duration::zero() && age < SESSION_CACHE_TTL).then(|| (entry.signed_in.clone(), entry.times))
    }

    pub fn put(&self, hash: String, signed_in: SignedIn, times: SessionTimes, now: DateTime<Utc>) {
        let mut kept = self.lock();
        if kept.len() >= SESSIONS_KEPT_MAX && !kept.contains_key(&hash) {
            kept.clear();
        }
        kept.insert(
            hash,
            Kept {
                signed_in,
                times,
                read_at: now,
            },
        );
    }

    /// Records that the session was seen (and written down as seen) at `now`.
    pub fn touched(&self, hash: &str, now: DateTime<Utc>) {
        if let Some(entry) = self.lock().get_mut(hash) {
            entry.times.last_seen_at = now;
        }
    }

    pub fn forget_session(&self, hash: &str) {
        self.lock().remove(hash);
    }

    /// Forgets every session of `user`, whose rights or state just changed.
    pub fn forget_user(&self, user: i64) {
        self.lock().retain(|_, entry| entry.signed_in.user.id != user);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Kept>> {
        self.kept.lock().expect("BUG: the session cache was poisoned")
    }
}
