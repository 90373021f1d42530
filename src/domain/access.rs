//! Who may do what with a book: the one function every page and API route asks (DESIGN §1, §8).
//!
//! - admin / supervisor: every book of their office, read and write, and the office's users;
//! - counsellor (tutor): the books assigned to them, read and write;
//! - beneficiary: their own book, read only;
//! - court staff: the books whose mandate names their court's record, in any office: the accounts
//!   filed with the court and their evidence, and the court's review of them; not the running
//!   ledger. Courts are compared by record, never by name;
//! - the instance's administrator: the courts and their staff, above the offices; no book.
//!
//! A user who may not read a book must not learn that it exists: callers answer "not found".

use serde::Serialize;

use super::ids::{BeneficiaryId, BookId, CourtId, OfficeId};

/// A role, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The instance's administrator: keeps the courts and adds their staff; belongs to no office.
    Administrator,
    Supervisor,
    Counsellor,
    Beneficiary,
    Court,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Supervisor,
        Role::Counsellor,
        Role::Beneficiary,
        Role::Court,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Supervisor => "supervisor",
            Role::Counsellor => "counsellor",
            Role::Beneficiary => "beneficiary",
            Role::Court => "court",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        let code = code.trim();
        Role::ALL.into_iter().find(|role| role.code() == code)
    }

    /// Whether users of this role belong to an office (its staff and its beneficiaries), as
    /// opposed to working above the offices (court staff, the administrator).
    pub fn has_office(self) -> bool {
        matches!(self, Role::Supervisor | Role::Counsellor | Role::Beneficiary)
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
    /// The office of its staff and beneficiaries; none for court staff and the administrator.
    pub office: Option<OfficeId>,
    pub role: Role,
    pub disabled: bool,
    /// Counsellors: the books assigned to them.
    pub assigned_books: Vec<BookId>,
    /// Beneficiaries: who they are.
    pub beneficiary: Option<BeneficiaryId>,
    /// Court staff: the court they work at.
    pub court: Option<CourtId>,
}

/// The book as the access rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookFacts {
    pub book: BookId,
    pub office: OfficeId,
    pub beneficiary: BeneficiaryId,
    /// The courts of the beneficiary's mandates.
    pub courts: Vec<CourtId>,
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
    if user.disabled || (user.role != Role::Court && user.office != Some(book.office)) {
        return Decision::Hidden;
    }
    let sees = match user.role {
        Role::Administrator => false,
        Role::Supervisor => true,
        Role::Counsellor => user.assigned_books.contains(&book.book),
        Role::Beneficiary => user.beneficiary == Some(book.beneficiary),
        Role::Court => user.court.is_some_and(|court| book.courts.contains(&court)),
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
    if user.disabled
        || user.office != Some(office)
        || matches!(user.role, Role::Beneficiary | Role::Court | Role::Administrator)
    {
        return Decision::Hidden;
    }
    match (user.role, action) {
        (Role::Supervisor, _) | (Role::Counsellor, Action::Read | Action::Write) => Decision::Allowed,
        _ => Decision::Forbidden,
    }
}

/// The rule for the courts and their staff: the instance's administrator's alone.
pub fn decide_instance(user: &Principal) -> Decision {
    if !user.disabled && user.role == Role::Administrator {
        Decision::Allowed
    } else {
        Decision::Hidden
    }
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
