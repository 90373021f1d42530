//! The beneficiary's monthly statement as a document in plain words: money in, money out with a
//! chart, what is left, and next month's payments.

use chrono::Datelike;

use crate::domain::party::Language;
use crate::service::statement::BeneficiaryStatement;

use super::document::{Chart, Document, Field, Section, Table};
use super::locale::{DOCUMENT_LANGUAGES, Locale};

/// The language a statement is written in for a person who reads `language`: their own when
/// gestio has its words, else the nearest one it has (Luxembourgish readers get French, the
/// language their office writes to them in; others English).
pub fn statement_language(language: Language) -> Language {
    if DOCUMENT_LANGUAGES.contains(&language) {
        return language;
    }
    match language {
        Language::Lb => Language::Fr,
        _ => Language::En,
    }
}

pub fn statement_document(statement: &BeneficiaryStatement, locale: &Locale) -> Document {
    let currency = statement.currency;
    let money = |minor: i64| locale.money(minor, currency);
    let month = locale.month(statement.period.from.year(), statement.period.from.month());
    let mut sections = vec![
        by_category(
            locale,
            "statement-in",
            "statement-nothing-in",
            &statement.money_in,
            &money,
        ),
        money_out(locale, statement, &money),
        Section::new(locale.label("statement-left"))
            .note(
                format!("{} {}.", locale.label("statement-start"), money(statement.opening)),
                false,
            )
            .note(
                format!("{} {}.", locale.label("statement-end"), money(statement.closing)),
                statement.closing < 0,
            ),
        coming(locale, statement, &money),
    ];
    if statement.budget.iter().any(|row| row.planned != 0) {
        let mut table = Table::new(&[
            (locale.label("column-category"), false),
            (locale.label("column-planned"), true),
            (locale.label("column-actual"), true),
        ]);
        for row in &statement.budget {
            table.row(vec![
                locale.category(row.category),
                money(row.planned),
                money(row.actual),
            ]);
        }
        sections.push(Section::new(locale.label("statement-budget")).table(table));
    }
    Document {
        lang: locale.tag(),
        title: format!("{} — {month}", locale.label("statement-title")),
        subtitle: Some(statement.beneficiary.clone()),
        fields: vec![
            Field {
                label: locale.label("field-period"),
                value: format!(
                    "{} {} {}",
                    locale.date(statement.period.from),
                    locale.label("field-to"),
                    locale.date(statement.period.to)
                ),
            },
            Field {
                label: locale.label("field-office"),
                value: statement.office.clone(),
            },
        ],
        sections,
        signature: None,
        page_label: locale.label("page"),
        page_of_label: locale.label("page-of"),
    }
}

/// A table of amounts by category with its total, or a sentence when there is none.
fn by_category(
    locale: &Locale,
    heading: &str,
    nothing: &str,
    amounts: &[(crate::domain::account::ReportCategory, i64)],
    money: &dyn Fn(i64) -> String,
) -> Section {
    let section = Section::new(locale.label(heading));
    if amounts.is_empty() {
        return section.note(locale.label(nothing), false);
    }
    let mut table = Table::new(&[
        (locale.label("column-category"), false),
        (locale.label("column-amount"), true),
    ]);
    for (category, amount) in amounts {
        table.row(vec![locale.category(*category), money(*amount)]);
    }
    let total: i64 = amounts.iter().map(|(_, amount)| amount).sum();
    table.row(vec![locale.label("total"), money(total)]).total();
    section.table(table)
}

/// Money out by category, with a bar chart of the same figures above the table.
fn money_out(locale: &Locale, statement: &BeneficiaryStatement, money: &dyn Fn(i64) -> String) -> Section {
    let mut section = by_category(
        locale,
        "statement-out",
        "statement-nothing-out",
        &statement.money_out,
        money,
    );
    let largest = statement.money_out.iter().map(|(_, amount)| *amount).max().unwrap_or(0);
    if let Some((top_category, top_amount)) = statement.money_out.first()
        && largest > 0
    {
        section.chart = Some(Chart {
            title: locale.label("statement-chart-title"),
            description: format!(
                "{} {} ({}).",
                locale.label("statement-chart-description"),
                locale.category(*top_category),
                money(*top_amount)
            ),
            bars: statement
                .money_out
                .iter()
                .map(|(category, amount)| {
                    let share = (amount.max(&0) * 1000 / largest) as u32;
                    (locale.category(*category), money(*amount), share)
                })
                .collect(),
        });
    }
    section
}

fn coming(locale: &Locale, statement: &BeneficiaryStatement, money: &dyn Fn(i64) -> String) -> Section {
    let section = Section::new(locale.label("statement-coming"));
    if statement.upcoming.is_empty() {
        return section.note(locale.label("statement-nothing-coming"), false);
    }
    let mut table = Table::new(&[
        (locale.label("column-date"), false),
        (locale.label("column-payee"), false),
        (locale.label("column-amount"), true),
    ]);
    for payment in &statement.upcoming {
        let payee = if payment.pocket_money {
            format!("{} ({})", payment.payee, locale.label("statement-pocket-money"))
        } else {
            payment.payee.clone()
        };
        table.row(vec![locale.date(payment.date), payee, money(payment.amount)]);
    }
    section.table(table)
}
