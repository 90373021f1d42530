//! The audit log's records (DESIGN §8): who read or changed which book, when, and what was refused.
//! Records name routes and ids, never names, IBANs or amounts.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::ids::BookId;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Read,
    Change,
    /// Refused: not signed in, not allowed, or a book the user may not know about.
    Denied,
    SignIn,
    SignInRefused,
    SignOut,
}

impl AuditKind {
    pub const ALL: [AuditKind; 6] = [
        AuditKind::Read,
        AuditKind::Change,
        AuditKind::Denied,
        AuditKind::SignIn,
        AuditKind::SignInRefused,
        AuditKind::SignOut,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditKind::Read => "read",
            AuditKind::Change => "change",
            AuditKind::Denied => "denied",
            AuditKind::SignIn => "sign_in",
            AuditKind::SignInRefused => "sign_in_refused",
            AuditKind::SignOut => "sign_out",
        }
    }

    pub fn parse(code: &str) -> Option<AuditKind> {
        AuditKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The kind of a request: refused by the access rule (or not signed in), else a change when
    /// its method changes things (whether or not it then succeeded: the status says), else a read.
    pub fn of_request(changes: bool, refused: bool) -> AuditKind {
        match (refused, changes) {
            (true, _) => AuditKind::Denied,
            (false, true) => AuditKind::Change,
            (false, false) => AuditKind::Read,
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    /// None when nobody was signed in.
    pub user: Option<i64>,
    pub kind: AuditKind,
    /// The method and the route, with ids: `GET /api/v1/books/3/entries`.
    pub route: String,
    pub book: Option<BookId>,
    pub status: u16,
}

/// What a supervisor searches the log for; every field narrows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Records of the office's users or books.
    pub office: Option<super::ids::OfficeId>,
    pub user: Option<i64>,
    pub book: Option<BookId>,
    pub kind: Option<AuditKind>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Records with an id below this one (paging back from the newest).
    pub before: Option<i64>,
    pub limit: u32,
    /// Leaves reads out: what people changed comes first, their reads are summed up apart.
    pub except_reads: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_denials_whatever_the_method() {
        assert_eq!(AuditKind::of_request(false, false), AuditKind::Read);
        assert_eq!(AuditKind::of_request(true, false), AuditKind::Change);
        assert_eq!(AuditKind::of_request(true, true), AuditKind::Denied);
        assert_eq!(AuditKind::of_request(false, true), AuditKind::Denied);
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::parse(kind.code()), Some(kind));
        }
    }
}
