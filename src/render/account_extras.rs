//! The parts of the account beyond the ledger's figures: the budget plan against actual, the
//! evidence attached, and the opening against the previous filed account.

use crate::service::reports::PeriodicAccount;

use super::account::Words;
use super::document::Section;

impl Words<'_> {
    /// Planned against actual by category; empty when the book has no plan.
    pub(super) fn budget(&self, account: &PeriodicAccount) -> Section {
        let mut table = self.columns(&[
            ("column-category", false),
            ("column-planned", true),
            ("column-actual", true),
            ("column-difference", true),
        ]);
        if account.budget.iter().any(|row| row.planned != 0) {
            for row in &account.budget {
                table.row(vec![
                    self.locale.category(row.category),
                    self.amount(row.planned),
                    self.amount(row.actual),
                    self.amount(row.difference()),
                ]);
            }
        }
        Section::new(self.label("section-budget")).table(table)
    }

    /// The files attached to the period's entries, by receipt number.
    pub(super) fn evidence(&self, account: &PeriodicAccount) -> Section {
        let mut table = self.columns(&[
            ("column-receipt-number", true),
            ("column-date", false),
            ("column-description", false),
            ("column-file", false),
        ]);
        for file in &account.evidence {
            let Some(entry) = account.data.entries.iter().find(|entry| entry.entry == file.entry) else {
                continue;
            };
            table.row(vec![
                entry.receipt_number.to_string(),
                self.locale.date(entry.date),
                entry.description.clone(),
                file.file_name.clone(),
            ]);
        }
        Section::new(self.label("section-evidence")).table(table)
    }

    /// The note on this account's opening against the previous filed account's closing.
    pub(super) fn opening_note(&self, account: &PeriodicAccount, section: Section) -> Section {
        let check = &account.opening_check;
        match check.previous_period_to {
            None => section.note(self.label("check-opening-first"), false),
            Some(previous) if check.differences.is_empty() => section.note(
                format!("{} {}.", self.label("check-opening-ok"), self.locale.date(previous)),
                false,
            ),
            Some(previous) => {
                let listed: Vec<String> = check
                    .differences
                    .iter()
                    .map(|(code, expected, found)| {
                        format!("{code} ({} / {})", self.amount(*expected), self.amount(*found))
                    })
                    .collect();
                section.note(
                    format!(
                        "{} {}: {}",
                        self.label("check-opening-differs"),
                        self.locale.date(previous),
                        listed.join(", ")
                    ),
                    true,
                )
            }
        }
    }
}
