//! gestio: budget-management and guardianship accounting for social offices and tutors.
//!
//! The guided tour, from the inside out:

/// Pure types and rules: money, IBANs, accounts, entries and their invariants, mandates.
pub mod domain;
