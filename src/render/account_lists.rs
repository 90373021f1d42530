//! The account's lists and checks: every entry with its receipt number, the corrections of
//! earlier periods, and the checks a clerk makes, each as a sentence.

use crate::domain::report::ReportData;
use crate::service::reports::PeriodicAccount;

use super::account::Words;
use super::document::{Section, Table};

impl Words<'_> {
    fn entry_table(&self, data: &ReportData, corrections: bool) -> Table {
        let mut table = self.columns(&[
            ("column-receipt-number", true),
            ("column-date", false),
            ("column-description", false),
            ("column-category", false),
            ("column-in", true),
            ("column-out", true),
            ("column-note", false),
        ]);
        for entry in data.entries.iter().filter(|entry| !corrections || entry.correction) {
            let mut notes = Vec::new();
            if entry.evidence_missing {
                notes.push(self.label("flag-evidence-missing"));
            }
            if entry.correction {
                notes.push(match &entry.corrects {
                    Some(corrected) => format!("{} ({corrected})", self.label("flag-correction")),
                    None => self.label("flag-correction"),
                });
            }
            let transfer = entry.amount == 0;
            if transfer {
                notes.push(self.label("flag-own-transfer"));
            }
            let (money_in, money_out) = if transfer {
                (String::new(), String::new())
            } else if entry.amount > 0 {
                (self.amount(entry.amount), String::new())
            } else {
                (String::new(), self.amount(-entry.amount))
            };
            table
                .row(vec![
                    entry.receipt_number.to_string(),
                    self.locale.date(entry.date),
                    entry.description.clone(),
                    match entry.category {
                        Some(category) => self.locale.category(category),
                        None if transfer => String::new(),
                        None => self.label("uncategorised"),
                    },
                    money_in,
                    money_out,
                    notes.join(", "),
                ])
                .warning(entry.evidence_missing);
        }
        table
    }

    pub(super) fn entries(&self, data: &ReportData) -> Section {
        Section::new(self.label("section-entries")).table(self.entry_table(data, false))
    }

    pub(super) fn corrections(&self, data: &ReportData) -> Section {
        let table = self.entry_table(data, true);
        let section = Section::new(self.label("section-corrections"));
        if table.rows.is_empty() {
            section.note(self.label("check-none"), false)
        } else {
            section.table(table)
        }
    }

    /// What a clerk checks, each as a sentence; problems are warnings.
    pub(super) fn checks(&self, account: &PeriodicAccount) -> Section {
        let data = &account.data;
        let mut section = Section::new(self.label("section-checks"));
        let unbalanced: Vec<&str> = data
            .accounts
            .iter()
            .filter(|report| report.difference() != 0)
            .map(|report| report.code.as_str())
            .collect();
        section = if unbalanced.is_empty() {
            section.note(self.label("check-identity-ok"), false)
        } else {
            section.note(
                format!("{} {}", self.label("check-identity-failed"), unbalanced.join(", ")),
                true,
            )
        };
        let differing: Vec<String> = account
            .bank_checks
            .iter()
            .filter(|check| check.difference_minor.is_some_and(|difference| difference != 0))
            .map(|check| format!("{} ({})", check.code, self.amount(check.difference_minor.unwrap_or(0))))
            .collect();
        let unmatched: Vec<&str> = account
            .bank_checks
            .iter()
            .filter(|check| check.statement_minor.is_none())
            .map(|check| check.code.as_str())
            .collect();
        if !differing.is_empty() {
            section = section.note(
                format!("{} {}", self.label("check-bank-differs"), differing.join(", ")),
                true,
            );
        }
        if !unmatched.is_empty() {
            section = section.note(
                format!("{} {}", self.label("check-bank-no-statement"), unmatched.join(", ")),
                true,
            );
        }
        if differing.is_empty() && unmatched.is_empty() {
            section = section.note(self.label("check-bank-ok"), false);
        }
        section = self.opening_note(account, section);
        let missing = data.entries.iter().filter(|entry| entry.evidence_missing).count();
        let counted = [
            (
                "check-suspense",
                self.amount(data.suspense_at_end),
                data.suspense_at_end != 0,
            ),
            (
                "check-gaps",
                self.locale.count(account.open_gaps),
                account.open_gaps != 0,
            ),
            ("check-evidence", self.locale.count(missing), missing != 0),
        ];
        for (key, figure, problem) in counted {
            let figure = if problem { figure } else { self.label("check-none") };
            section = section.note(format!("{}: {figure}", self.label(key)), problem);
        }
        section
    }
}
