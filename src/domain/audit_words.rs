//! An audit record as a sentence about a person and what they did ("filed an account for the
//! court"), from the route it records: the log keeps routes and ids, never names, and the page
//! puts the person's and the case's names around the action in the reader's language. A route
//! not named here is shown as itself.

use super::audit::{AuditKind, AuditRecord};

/// What a record says was done, as a label key (`web-audit-did-*`) and the ids it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditAction {
    /// `web-audit-did-{code}`.
    pub code: &'static str,
    /// The record a route names after the case, if any (an entry, a run, an import…).
    pub record: Option<String>,
}

/// Routes of changes, as method and path with `*` for an id, and what each does.
const CHANGES: &[(&str, &str)] = &[
    ("POST /case/*/filings", "filed"),
    ("POST /api/v1/books/*/filings", "filed"),
    ("POST /court/filings/*/review", "reviewed"),
    ("POST /api/v1/filings/*/review", "reviewed"),
    ("POST /import", "imported"),
    ("POST /api/v1/imports", "imported"),
    ("POST /import/drafts/*", "decided-import"),
    ("POST /case/*/imports/*/undo", "undid-import"),
    ("POST /case/*/suspense", "categorised"),
    ("POST /api/v1/books/*/suspense/*/*", "categorised"),
    ("POST /case/*/entries", "posted-entry"),
    ("POST /api/v1/books/*/entries", "posted-entry"),
    ("POST /case/*/entries/*/reversal", "reversed-entry"),
    ("POST /api/v1/entries/*/reversal", "reversed-entry"),
    ("POST /case/*/entries/*/evidence", "attached-receipt"),
    ("POST /api/v1/entries/*/evidence", "attached-receipt"),
    ("POST /case/*/rules/*", "changed-rule"),
    ("POST /payments/runs", "prepared-run"),
    ("POST /api/v1/payment-runs", "prepared-run"),
    ("POST /payments/runs/*/approval", "approved-run"),
    ("POST /api/v1/payment-runs/*/approval", "approved-run"),
    ("POST /payments/runs/*/cancellation", "cancelled-run"),
    ("POST /case/*/creditors", "changed-payments"),
    ("POST /case/*/schedules", "changed-payments"),
    ("POST /case/*/debts", "changed-payments"),
    ("POST /admin/users", "added-user"),
    ("POST /admin/users/*/assignments", "assigned-case"),
    ("POST /admin/users/*/withdrawals", "withdrew-case"),
    ("POST /admin/users/*/disabled", "changed-user"),
    ("POST /admin/settings/four-eyes", "changed-settings"),
    ("POST /admin/settings/books/*", "changed-settings"),
    ("POST /profile/password", "changed-password"),
    ("POST /profile/language", "changed-language"),
];

/// What `record` says was done.
pub fn action_of(record: &AuditRecord) -> AuditAction {
    let code = match record.kind {
        AuditKind::SignIn => "signed-in",
        AuditKind::SignInRefused => "sign-in-refused",
        AuditKind::SignOut => "signed-out",
        AuditKind::Denied => "was-refused",
        AuditKind::Read if record.route.contains("/case/") || record.route.contains("/books/") => "read-case",
        AuditKind::Read => "read-page",
        AuditKind::Change => CHANGES
            .iter()
            .find(|(pattern, _)| route_matches(pattern, &record.route))
            .map_or("changed", |(_, code)| code),
    };
    AuditAction {
        code,
        record: named_record(&record.route),
    }
}

/// Whether `route` ("POST /case/3/filings?x=1") has the shape of `pattern` ("POST /case/*/filings").
fn route_matches(pattern: &str, route: &str) -> bool {
    let route = route.split('?').next().unwrap_or(route);
    let (pattern_parts, route_parts): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), route.split('/').collect());
    pattern_parts.len() == route_parts.len()
        && pattern_parts
            .iter()
            .zip(&route_parts)
            .all(|(wanted, found)| *wanted == *found || (*wanted == "*" && !found.is_empty()))
}

/// The id a route names after its case ("POST /case/3/entries/12/reversal" names 12), or its
/// only id when it names no case ("POST /payments/runs/7/approval" names 7).
fn named_record(route: &str) -> Option<String> {
    let route = route.split('?').next().unwrap_or(route);
    let ids: Vec<&str> = route
        .split('/')
        .filter(|part| !part.is_empty() && part.chars().all(|character| character.is_ascii_digit()))
        .collect();
    let on_case = route.contains("/case/") || route.contains("/books/");
    match (on_case, ids.as_slice()) {
        (true, [_, record, ..]) => Some((*record).to_owned()),
        (false, [record, ..]) => Some((*record).to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn record(kind: AuditKind, route: &str) -> AuditRecord {
        AuditRecord {
            at: Utc::now(),
            user: Some(1),
            kind,
            route: route.to_owned(),
            book: None,
            status: 200,
        }
    }

    #[test]
    fn a_change_is_named_by_its_route_and_names_its_record() {
        let filed = action_of(&record(AuditKind::Change, "POST /case/3/filings"));
        assert_eq!((filed.code, filed.record), ("filed", None));
        let reversed = action_of(&record(AuditKind::Change, "POST /case/3/entries/12/reversal"));
        assert_eq!(
            (reversed.code, reversed.record.as_deref()),
            ("reversed-entry", Some("12"))
        );
        let approved = action_of(&record(AuditKind::Change, "POST /payments/runs/7/approval"));
        assert_eq!((approved.code, approved.record.as_deref()), ("approved-run", Some("7")));
        assert_eq!(
            action_of(&record(AuditKind::Change, "POST /somewhere/new")).code,
            "changed"
        );
        assert_eq!(action_of(&record(AuditKind::Read, "GET /case/3")).code, "read-case");
        assert_eq!(action_of(&record(AuditKind::SignIn, "POST /sign-in")).code, "signed-in");
    }

    #[test]
    fn every_change_named_here_has_a_shape_that_matches_itself() {
        for (pattern, _) in CHANGES {
            let example = pattern.replace('*', "5");
            assert!(route_matches(pattern, &example), "{pattern}");
        }
    }
}
