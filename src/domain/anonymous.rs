//! Requests without a session, refused: counted, and stored in the audit log at most once per
//! address and minute. The audit log is append-only and kept for years; one row per anonymous
//! request let anyone grow it without end (2,000 requests took a database from 14.5 to 140 MB).
//! What people with a session do is still written one request at a time. Pure: the caller
//! passes the time.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

/// Addresses remembered within one minute; beyond, that minute's other addresses are only counted.
const ADDRESSES_PER_MINUTE_MAX: usize = 10_000;

/// The longest route kept in an audit record, in bytes: paths name ids, and no route of gestio is
/// near this long; a longer one was made up by whoever sent it.
pub const AUDITED_ROUTE_BYTES_MAX: usize = 512;

/// What a minute of anonymous refusals came to, told when the next minute begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinuteOfRefusals {
    pub minute: i64,
    pub refused: u64,
    pub addresses: usize,
}

/// The refusals of the current minute.
#[derive(Debug, Default)]
pub struct AnonymousRefusals {
    minute: i64,
    refused: u64,
    addresses: HashSet<String>,
}

impl AnonymousRefusals {
    /// Counts a refusal of a request from `address`; true when it is the address's first this
    /// minute, and so is to be stored. The second value is the minute just ended, if this
    /// refusal began a new one and the last had any.
    pub fn count(&mut self, address: &str, now: DateTime<Utc>) -> (bool, Option<MinuteOfRefusals>) {
        let minute = now.timestamp().div_euclid(60);
        let mut ended = None;
        if minute != self.minute {
            if self.refused > 0 {
                ended = Some(MinuteOfRefusals {
                    minute: self.minute,
                    refused: self.refused,
                    addresses: self.addresses.len(),
                });
            }
            self.minute = minute;
            self.refused = 0;
            self.addresses.clear();
        }
        self.refused += 1;
        let first = self.addresses.len() < ADDRESSES_PER_MINUTE_MAX && self.addresses.insert(address.to_owned());
        (first, ended)
    }
}

/// `route` cut to [`AUDITED_ROUTE_BYTES_MAX`] bytes, on a character boundary.
pub fn audited_route(route: &str) -> &str {
    if route.len() <= AUDITED_ROUTE_BYTES_MAX {
        return route;
    }
    let mut end = AUDITED_ROUTE_BYTES_MAX;
    while !route.is_char_boundary(end) {
        end -= 1;
    }
    &route[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `seconds` after the start of a minute (1,800,000,000 is a multiple of 60).
    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn an_address_is_stored_once_a_minute_and_every_refusal_counted() {
        let mut refusals = AnonymousRefusals::default();
        assert_eq!(refusals.count("10.0.0.1", at(0)), (true, None));
        assert_eq!(refusals.count("10.0.0.1", at(30)), (false, None));
        assert_eq!(refusals.count("10.0.0.2", at(59)), (true, None));
        let (first, ended) = refusals.count("10.0.0.1", at(60));
        assert!(first, "a new minute");
        assert_eq!(ended.map(|minute| (minute.refused, minute.addresses)), Some((3, 2)));
    }

    #[test]
    fn long_routes_are_cut_on_a_character_boundary() {
        let long = format!("GET /{}", "é".repeat(400));
        let cut = audited_route(&long);
        assert!(cut.len() <= AUDITED_ROUTE_BYTES_MAX && long.starts_with(cut));
        assert_eq!(audited_route("GET /api/v1/books/1"), "GET /api/v1/books/1");
    }
}
