//! When a signed-in session ends, and how often sign-in may be tried (DESIGN §8). Pure: the
//! caller passes the time.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

/// A session unused this long is over: a counsellor who walks away from the desk is signed out.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// However busy, a session lasts at most a working day.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(10);
/// `last_seen_at` is written at most this often, so that reading a page is not a database write.
pub const TOUCH_INTERVAL: Duration = Duration::seconds(60);

/// When a session was opened and last used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// Why a session is no longer valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    Idle,
    Absolute,
}

impl SessionTimes {
    pub fn opened(now: DateTime<Utc>) -> SessionTimes {
        SessionTimes {
            created_at: now,
            last_seen_at: now,
        }
    }

    /// `Err` once the session has been idle or open too long.
    pub fn check(&self, now: DateTime<Utc>) -> Result<(), SessionEnd> {
        if now - self.created_at >= ABSOLUTE_TIMEOUT {
            Err(SessionEnd::Absolute)
        } else if now - self.last_seen_at >= IDLE_TIMEOUT {
            Err(SessionEnd::Idle)
        } else {
            Ok(())
        }
    }

    /// Whether using the session now should be written down.
    pub fn needs_touch(&self, now: DateTime<Utc>) -> bool {
        now - self.last_seen_at >= TOUCH_INTERVAL
    }
}

/// Failed sign-ins allowed per login within one window.
pub const FAILURES_PER_LOGIN: u32 = 5;
/// Failed sign-ins allowed per network address within one window (an office shares one address).
pub const FAILURES_PER_ADDRESS: u32 = 30;
/// The window after whose end the counts start again.
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

/// Counts failed sign-ins per key (a login or an address) in fixed windows. Held in memory: after a
/// restart the counts start again, which costs an attacker a restart they cannot cause.
#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: HashMap<String, (DateTime<Utc>, u32)>,
}

impl SignInThrottle {
    /// Whether `key` may try again now, given at most `allowed` failures per window.
    pub fn allows(&self, key: &str, allowed: u32, now: DateTime<Utc>) -> bool {
        match self.failures.get(key) {
            Some((window_start, count)) if now - *window_start < FAILURE_WINDOW => *count < allowed,
            _ => true,
        }
    }

    pub fn record_failure(&mut self, key: &str, now: DateTime<Utc>) {
        let entry = self.failures.entry(key.to_owned()).or_insert((now, 0));
        if now - entry.0 >= FAILURE_WINDOW {
            *entry = (now, 0);
        }
        entry.1 += 1;
        // Forget finished windows now and then, so the map cannot grow without end.
        if self.failures.len() > 10_000 {
            self.failures.retain(|_, (start, _)| now - *start < FAILURE_WINDOW);
        }
    }

    /// A successful sign-in clears the login's count (never the address's).
    pub fn clear(&mut self, key: &str) {
        self.failures.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        "2026-11-23T08:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn a_session_ends_when_idle_and_after_a_working_day_however_busy() {
        let mut times = SessionTimes::opened(at(0));
        assert_eq!(times.check(at(29)), Ok(()));
        assert_eq!(times.check(at(30)), Err(SessionEnd::Idle));
        for minute in (20..600).step_by(20) {
            times.last_seen_at = at(minute);
            assert_eq!(times.check(at(minute + 1)), Ok(()), "minute {minute}");
        }
        times.last_seen_at = at(599);
        assert_eq!(times.check(at(600)), Err(SessionEnd::Absolute));
    }

    #[test]
    fn use_is_written_down_at_most_once_a_minute() {
        let times = SessionTimes::opened(at(0));
        assert!(!times.needs_touch(at(0) + Duration::seconds(59)));
        assert!(times.needs_touch(at(1)));
    }

    #[test]
    fn the_throttle_refuses_after_the_allowed_failures_until_the_window_ends() {
        let mut throttle = SignInThrottle::default();
        for _ in 0..FAILURES_PER_LOGIN {
            assert!(throttle.allows("marie", FAILURES_PER_LOGIN, at(1)));
            throttle.record_failure("marie", at(1));
        }
        assert!(!throttle.allows("marie", FAILURES_PER_LOGIN, at(14)));
        assert!(
            throttle.allows("paul", FAILURES_PER_LOGIN, at(14)),
            "other logins are not affected"
        );
        assert!(throttle.allows("marie", FAILURES_PER_LOGIN, at(16)));
        throttle.record_failure("marie", at(16));
        assert!(
            throttle.allows("marie", FAILURES_PER_LOGIN, at(16)),
            "a new window starts counting at one"
        );
        throttle.clear("marie");
        assert!(throttle.allows("marie", 1, at(16)));
    }
}
