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

/// Counts tries of a password per key (a login or an address) in fixed windows. A try is counted
/// when it begins, before the password is hashed: concurrent tries see each other, so twenty at
/// once get five checks, not twenty. Held in memory: after a restart the counts start again,
/// which costs an attacker a restart they cannot cause.
#[derive(Debug, Default)]
pub struct SignInThrottle {
    windows: HashMap<String, Window>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: DateTime<Utc>,
    /// Tries that failed in this window.
    failures: u32,
    /// Tries begun and not yet finished.
    in_flight: u32,
}

/// How a try of a password ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TryOutcome {
    Failed,
    /// The right password: the login's failures are forgiven (never the address's).
    Succeeded,
    /// No verdict (the server was too busy to check, or failed): the try counts as nothing.
    Unchecked,
}

impl SignInThrottle {
    /// Begins a try for each `(key, allowed failures)`, if every key may try now: each counts the
    /// try at once. Returns false, counting nothing, when any key has used up its window.
    pub fn begin(&mut self, keys: &[(&str, u32)], now: DateTime<Utc>) -> bool {
        let open = keys.iter().all(|(key, allowed)| match self.windows.get(*key) {
            Some(window) if now - window.start < FAILURE_WINDOW => window.failures + window.in_flight < *allowed,
            _ => true,
        });
        if !open {
            return false;
        }
        for (key, _) in keys {
            let window = self.windows.entry((*key).to_owned()).or_insert(Window {
                start: now,
                failures: 0,
                in_flight: 0,
            });
            if now - window.start >= FAILURE_WINDOW {
                *window = Window {
                    start: now,
                    failures: 0,
                    in_flight: window.in_flight,
                };
            }
            window.in_flight += 1;
        }
        self.forget_finished_windows(now);
        true
    }

    /// Ends the tries [`SignInThrottle::begin`] began for `keys`; `forgiven` is the key whose
    /// failures a success clears (the login).
    pub fn finish(&mut self, keys: &[&str], outcome: TryOutcome, forgiven: &str) {
        for key in keys {
            if let Some(window) = self.windows.get_mut(*key) {
                window.in_flight = window.in_flight.saturating_sub(1);
                match outcome {
                    TryOutcome::Failed => window.failures += 1,
                    TryOutcome::Succeeded if *key == forgiven => window.failures = 0,
                    TryOutcome::Succeeded | TryOutcome::Unchecked => {}
                }
            }
        }
    }

    /// Forgets finished windows now and then, so the map cannot grow without end.
    fn forget_finished_windows(&mut self, now: DateTime<Utc>) {
        if self.windows.len() > 10_000 {
            self.windows
                .retain(|_, window| window.in_flight > 0 || now - window.start < FAILURE_WINDOW);
        }
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
        let keys = [("marie", FAILURES_PER_LOGIN)];
        for _ in 0..FAILURES_PER_LOGIN {
            assert!(throttle.begin(&keys, at(1)));
            throttle.finish(&["marie"], TryOutcome::Failed, "marie");
        }
        assert!(!throttle.begin(&keys, at(14)));
        assert!(
            throttle.begin(&[("paul", FAILURES_PER_LOGIN)], at(14)),
            "other logins are not affected"
        );
        assert!(throttle.begin(&keys, at(16)), "a new window");
        throttle.finish(&["marie"], TryOutcome::Failed, "marie");
        assert!(throttle.begin(&keys, at(16)), "a new window starts counting at one");
        throttle.finish(&["marie"], TryOutcome::Succeeded, "marie");
        for _ in 0..FAILURES_PER_LOGIN {
            assert!(throttle.begin(&keys, at(17)), "a success forgives the login's failures");
            throttle.finish(&["marie"], TryOutcome::Failed, "marie");
        }
    }

    #[test]
    fn tries_are_counted_when_they_begin_so_concurrent_ones_see_each_other() {
        let mut throttle = SignInThrottle::default();
        let keys = [
            ("login:marie", FAILURES_PER_LOGIN),
            ("address:10.0.0.1", FAILURES_PER_ADDRESS),
        ];
        let begun = (0..20).filter(|_| throttle.begin(&keys, at(1))).count();
        assert_eq!(begun, FAILURES_PER_LOGIN as usize, "twenty at once, five checked");
        // One of them was right: the login is forgiven, the address keeps its count.
        throttle.finish(
            &["login:marie", "address:10.0.0.1"],
            TryOutcome::Succeeded,
            "login:marie",
        );
        assert!(
            throttle.begin(&keys, at(2)),
            "the others are still in flight, but a slot came free"
        );
        assert!(!throttle.begin(&keys, at(2)));
        let address_only = [("address:10.0.0.1", 5)];
        assert!(
            !throttle.begin(&address_only, at(2)),
            "five tries from the address are in flight"
        );
    }
}
