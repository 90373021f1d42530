//! The periodic account for the court, laid out per jurisdiction from one `PeriodicAccount`:
//!
//! - `lu`, `fr` — *compte de gestion*: A Ressources, B Dépenses, C Balance, D Comptes (each
//!   account's opening and closing against the bank), then debts and the list of entries;
//! - `de` — *Rechnungslegung*: A Abrechnung (1 Anfangsbestand + 2 Einnahmen − 3 Ausgaben =
//!   4 Endbestand), B Vermögensübersicht, and the Belegliste with running receipt numbers;
//! - `generic` — the same facts in plain order.
//!
//! Every layout ends with corrections of earlier periods, the checks a clerk makes, and a
//! signature block.

use crate::domain::mandate::Jurisdiction;
use crate::domain::money::Currency;
use crate::domain::party::Language;
use crate::domain::report::ReportData;
use crate::service::reports::PeriodicAccount;

use super::document::{Document, Field, Section, Signature, Table};
use super::locale::Locale;

/// The language a court reads: French in Luxembourg and France, German in Germany, else English.
pub fn court_language(jurisdiction: Jurisdiction) -> Language {
    match jurisdiction {
        Jurisdiction::Lu | Jurisdiction::Fr => Language::Fr,
        Jurisdiction::De => Language::De,
        Jurisdiction::Generic => Language::En,
    }
}

/// The account's document in `layout` (default: the mandate's jurisdiction) and `language`
/// (default: the court's language for the layout).
pub fn document_for(
    account: &PeriodicAccount,
    layout: Option<Jurisdiction>,
    language: Option<Language>,
) -> Result<(Jurisdiction, Language, Document), crate::domain::mandate::MandateError> {
    let layout = match layout {
        Some(layout) => layout,
        None => Jurisdiction::parse(&account.header.jurisdiction)?,
    };
    let language = language.unwrap_or_else(|| court_language(layout));
    let document = account_document(account, layout, &Locale::new(language));
    Ok((layout, language, document))
}

/// Builds the account's document in `jurisdiction`'s layout and `locale`'s language.
pub fn account_document(account: &PeriodicAccount, jurisdiction: Jurisdiction, locale: &Locale) -> Document {
    let words = Words {
        locale,
        currency: account.data.currency,
    };
    let data = &account.data;
    let mut sections = match jurisdiction {
        Jurisdiction::Lu | Jurisdiction::Fr => vec![
            lettered("A", words.receipts(data)),
            lettered("B", words.disbursements(data)),
            lettered("C", words.summary(data, false)),
            lettered("D", words.accounts(account)),
            words.debts(data),
            words.budget(account),
            words.entries(data),
            words.evidence(account),
        ],
        Jurisdiction::De => vec![
            lettered("A", words.summary(data, true)),
            lettered("B", words.assets(account)),
            words.budget(account),
            words.entries(data),
            words.evidence(account),
        ],
        Jurisdiction::Generic => vec![
            words.summary(data, false),
            words.receipts(data),
            words.disbursements(data),
            words.accounts(account),
            words.debts(data),
            words.budget(account),
            words.entries(data),
            words.evidence(account),
        ],
    };
    sections.retain(|section| !section.tables.iter().all(|table| table.rows.is_empty()) || !section.notes.is_empty());
    sections.push(words.corrections(data));
    sections.push(words.checks(account));
    Document {
        lang: locale.tag(),
        title: locale.label(&format!("account-title-{}", jurisdiction.code())),
        subtitle: Some(account.header.beneficiary.clone()),
        fields: words.fields(account),
        sections,
        signature: Some(Signature {
            certify: locale.label("signature-certify"),
            place_date: locale.label("signature-place-date"),
            signer_role: locale.label("signature-tutor"),
            signer: None,
        }),
        page_label: locale.label("page"),
        page_of_label: locale.label("page-of"),
    }
}

fn lettered(letter: &str, mut section: Section) -> Section {
    section.heading = format!("{letter}. {}", section.heading);
    section
}

/// Labels and figures in the reader's language.
pub(super) struct Words<'a> {
    pub(super) locale: &'a Locale,
    pub(super) currency: Currency,
}

impl Words<'_> {
    pub(super) fn label(&self, key: &str) -> String {
        self.locale.label(key)
    }

    pub(super) fn amount(&self, minor: i64) -> String {
        self.locale.amount(minor, self.currency)
    }

    pub(super) fn columns(&self, columns: &[(&str, bool)]) -> Table {
        let labelled: Vec<(String, bool)> = columns
            .iter()
            .map(|(key, numeric)| (self.label(key), *numeric))
            .collect();
        Table::new(&labelled)
    }

    fn fields(&self, account: &PeriodicAccount) -> Vec<Field> {
        let header = &account.header;
        let period = account.data.period;
        let mut fields = vec![
            (
                "field-period",
                Some(format!(
                    "{} {} {}",
                    self.locale.date(period.from),
                    self.label("field-to"),
                    self.locale.date(period.to)
                )),
            ),
            ("field-beneficiary", Some(header.beneficiary.clone())),
            (
                "field-measure",
                Some(self.label(&format!("measure-{}", header.measure.replace('_', "-")))),
            ),
            ("field-court", header.court.clone()),
            ("field-case-number", header.case_number.clone()),
            ("field-judge", header.judge.clone()),
            ("field-office", Some(header.office.clone())),
            ("field-currency", Some(self.currency.code().to_owned())),
            (
                "field-ledger",
                Some(format!(
                    "{} · {}",
                    account.ledger.sequence,
                    crate::domain::chain::grouped_hash(&account.ledger.hash)
                )),
            ),
        ];
        fields.retain(|(_, value)| value.is_some());
        fields
            .into_iter()
            .map(|(key, value)| Field {
                label: self.label(key),
                value: value.unwrap_or_default(),
            })
            .collect()
    }

    fn by_category(
        &self,
        heading: &str,
        amounts: &std::collections::BTreeMap<crate::domain::account::ReportCategory, i64>,
    ) -> Section {
        let mut table = self.columns(&[("column-category", false), ("column-amount", true)]);
        for (category, amount) in amounts {
            table.row(vec![self.locale.category(*category), self.amount(*amount)]);
        }
        table
            .row(vec![self.label("total"), self.amount(amounts.values().sum())])
            .total();
        Section::new(self.label(heading)).table(table)
    }

    fn receipts(&self, data: &ReportData) -> Section {
        self.by_category("section-receipts", &data.receipts_by_category())
    }

    fn disbursements(&self, data: &ReportData) -> Section {
        self.by_category("section-disbursements", &data.disbursements_by_category())
    }

    /// Opening + receipts − disbursements = closing; with `detailed`, the receipts and
    /// disbursements by category beneath their totals, numbered 1 to 4 (the German Abrechnung).
    fn summary(&self, data: &ReportData, detailed: bool) -> Section {
        let mut table = self.columns(&[("column-category", false), ("column-amount", true)]);
        let numbered = |number: u8, key: &str| {
            if detailed {
                format!("{number}. {}", self.label(key))
            } else {
                self.label(key)
            }
        };
        let receipts = data.receipts_by_category();
        let disbursements = data.disbursements_by_category();
        let receipts_total: i64 = receipts.values().sum();
        let disbursements_total: i64 = disbursements.values().sum();
        table.row(vec![numbered(1, "summary-opening"), self.amount(data.opening_total())]);
        table.row(vec![
            format!("+ {}", numbered(2, "section-receipts")),
            self.amount(receipts_total),
        ]);
        if detailed {
            for (category, amount) in &receipts {
                table
                    .row(vec![self.locale.category(*category), self.amount(*amount)])
                    .indent();
            }
        }
        table.row(vec![
            format!("− {}", numbered(3, "section-disbursements")),
            self.amount(disbursements_total),
        ]);
        if detailed {
            for (category, amount) in &disbursements {
                table
                    .row(vec![self.locale.category(*category), self.amount(*amount)])
                    .indent();
            }
        }
        let computed = data.opening_total() + receipts_total - disbursements_total;
        table
            .row(vec![
                format!("= {}", numbered(4, "summary-closing-computed")),
                self.amount(computed),
            ])
            .total();
        let actual = data.closing_total();
        table.row(vec![self.label("summary-closing-actual"), self.amount(actual)]);
        if computed != actual {
            table
                .row(vec![self.label("column-difference"), self.amount(actual - computed)])
                .warning(true);
        }
        Section::new(self.label("section-summary")).table(table)
    }

    /// Each money account: opening, receipts, disbursements, own transfers, closing, the bank.
    fn accounts(&self, account: &PeriodicAccount) -> Section {
        let mut table = self.columns(&[
            ("column-account", false),
            ("column-opening", true),
            ("section-receipts", true),
            ("section-disbursements", true),
            ("column-transfers", true),
            ("column-closing", true),
            ("column-bank", true),
            ("column-difference", true),
        ]);
        for report in &account.data.accounts {
            let bank = account.bank_checks.iter().find(|check| check.code == report.code);
            let statement = bank.and_then(|check| check.statement_minor);
            let difference = bank
                .and_then(|check| check.difference_minor)
                .filter(|difference| *difference != 0);
            table
                .row(vec![
                    format!("{} {}", report.code, report.name),
                    self.amount(report.opening),
                    self.amount(report.receipts_total()),
                    self.amount(report.disbursements_total()),
                    self.amount(report.transfers_in - report.transfers_out),
                    self.amount(report.closing),
                    statement.map_or_else(|| "—".to_owned(), |minor| self.amount(minor)),
                    difference.map_or_else(String::new, |minor| self.amount(minor)),
                ])
                .warning(difference.is_some() || report.difference() != 0);
        }
        let data = &account.data;
        table
            .row(vec![
                self.label("total"),
                self.amount(data.opening_total()),
                self.amount(data.accounts.iter().map(|report| report.receipts_total()).sum()),
                self.amount(data.accounts.iter().map(|report| report.disbursements_total()).sum()),
                self.amount(
                    data.accounts
                        .iter()
                        .map(|report| report.transfers_in - report.transfers_out)
                        .sum(),
                ),
                self.amount(data.closing_total()),
                String::new(),
                String::new(),
            ])
            .total();
        Section::new(self.label("section-accounts")).table(table)
    }

    /// The German Vermögensübersicht: each account and debt at the start and end.
    fn assets(&self, account: &PeriodicAccount) -> Section {
        let data = &account.data;
        let mut table = self.columns(&[
            ("column-account", false),
            ("column-at-start", true),
            ("column-at-end", true),
        ]);
        for report in &data.accounts {
            table.row(vec![
                format!("{} {}", report.code, report.name),
                self.amount(report.opening),
                self.amount(report.closing),
            ]);
        }
        for debt in &data.debts {
            table.row(vec![
                format!("{} {}", debt.code, debt.name),
                self.amount(-debt.at_start),
                self.amount(-debt.at_end),
            ]);
        }
        let owed_start: i64 = data.debts.iter().map(|debt| debt.at_start).sum();
        let owed_end: i64 = data.debts.iter().map(|debt| debt.at_end).sum();
        table
            .row(vec![
                self.label("total"),
                self.amount(data.opening_total() - owed_start),
                self.amount(data.closing_total() - owed_end),
            ])
            .total();
        Section::new(self.label("section-assets")).table(table)
    }

    fn debts(&self, data: &ReportData) -> Section {
        let mut table = self.columns(&[
            ("column-account", false),
            ("column-at-start", true),
            ("column-increased", true),
            ("column-repaid", true),
            ("column-at-end", true),
        ]);
        for debt in &data.debts {
            table.row(vec![
                format!("{} {}", debt.code, debt.name),
                self.amount(debt.at_start),
                self.amount(debt.increased),
                self.amount(debt.repaid),
                self.amount(debt.at_end),
            ]);
        }
        Section::new(self.label("section-debts")).table(table)
    }
}
