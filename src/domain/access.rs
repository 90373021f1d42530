//! Who may do what with a book: the one function every page and API route asks (DESIGN §1, §8).
//!
//! - admin / supervisor: every book of their office, read and write, and the office's users;
//! - counsellor (tutor): the books assigned to them, read and write;
//! - beneficiary: their own book, read only;
//! - court staff: the books whose mandate is before their court, in any office: the accounts filed
//!   with the court and their evidence, and the court's review of them; not the running ledger.
//!
//! A user who may not read a book must not learn that it exists: callers answer "not found".

use serde::Serialize;

use super::ids::{BeneficiaryId, BookId, OfficeId};

/// A role, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Supervisor,
    Counsellor,
    Beneficiary,
    Court,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Supervisor, Role::Counsellor, Role::Beneficiary, Role::Court];

    pub fn code(self) -> &'static str {
        match self {
            Role::Supervisor => "supervisor",
            Role::Counsellor => "counsellor",
            Role::Beneficiary => "beneficiary",
            Role::Court => "court",
        }
    }

    /// `admin` is accepted as the supervisor's other name: the office's administrator.
    pub fn parse(code: &str) -> Option<Role> {
        match code.trim() {
            "admin" => Some(Role::Supervisor),
            other => Role::ALL.into_iter().find(|role| role.code() == other),
        }
    }
}

/// What a user wants to do with a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// See the book: balances, entries, statements, accounts, evidence.
    Read,
    /// See what was filed with the court: the filed accounts, their documents and evidence.
    ReadFiled,
    /// Change it: import, categorise, post, pay, file.
    Write,
    /// Record the court's approval or remarks on a filed account.
    Review,
    /// Run the office: its users, its settings, approving payment runs (the second pair of eyes).
    Administer,
}

/// The user as the access rule needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub office: OfficeId,
    pub role: Role,
    pub disabled: bool,
    /// Counsellors: the books assigned to them.
    pub assigned_books: Vec<BookId>,
    /// Beneficiaries: who they are.
    pub beneficiary: Option<BeneficiaryId>,
    /// Court staff: the court they work at, as named on mandates.
    pub court: Option<String>,
}

/// The book as the access rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookFacts {
    pub book: BookId,
    pub office: OfficeId,
    pub beneficiary: BeneficiaryId,
    /// The courts named on the beneficiary's mandates.
    pub courts: Vec<String>,
}

/// The answer: allowed, or refused in a way that does or does not reveal the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Allowed,
    /// The user may see the book but not do this (403).
    Forbidden,
    /// The user may not know the book exists (404).
    Hidden,
}

/// The one rule: may `user` do `action` with `book`?
pub fn decide(user: &Principal, action: Action, book: &BookFacts) -> Decision {
    // Court staff work for the court, not for an office: they see its mandates in every office.
    if user.disabled || (user.role != Role::Court && user.office != book.office) {
        return Decision::Hidden;
    }
    let sees = match user.role {
        Role::Supervisor => true,
        Role::Counsellor => user.assigned_books.contains(&book.book),
        Role::Beneficiary => user.beneficiary == Some(book.beneficiary),
        Role::Court => user
            .court
            .as_ref()
            .is_some_and(|court| book.courts.iter().any(|named| same_court(named, court))),
    };
    if !sees {
        return Decision::Hidden;
    }
    let allowed = matches!(
        (user.role, action),
        (_, Action::ReadFiled)
            | (Role::Supervisor | Role::Counsellor | Role::Beneficiary, Action::Read)
            | (Role::Supervisor | Role::Counsellor, Action::Write)
            | (Role::Court, Action::Review)
    );
    if allowed {
        Decision::Allowed
    } else {
        Decision::Forbidden
    }
}

/// Whether the rule looks at a book's courts for `user`: for court staff only. A book's other
/// facts (its office and its person) never change, so the server keeps them once read; the courts
/// change with the mandates, and are read again for every decision this says needs them.
pub fn needs_courts(user: &Principal) -> bool {
    user.role == Role::Court
}

/// The rule for what belongs to an office rather than to one book: its creditors, rules, payment
/// runs and settings, and the people it has not yet opened a book for. Its staff read and write
/// them; only supervisors administer; beneficiaries and court staff do not see the office's side.
pub fn decide_office(user: &Principal, action: Action, office: OfficeId) -> Decision {
    if user.disabled || user.office != office || matches!(user.role, Role::Beneficiary | Role::Court) {
        return Decision::Hidden;
    }
    match (user.role, action) {
        (Role::Supervisor, _) | (Role::Counsellor, Action::Read | Action::Write) => Decision::Allowed,
        _ => Decision::Forbidden,
    }
}

/// Court names compare without regard to case or surrounding space: they are typed by people.
fn same_court(left: &str, right: &str) -> bool {
    left.trim().to_lowercase() == right.trim().to_lowercase()
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
