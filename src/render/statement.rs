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
    let mut month = locale.month(statement.period.from.year(), statement.period.from.month());
    if let Some(day) = statement.so_far {
        month = locale.label_with("statement-so-far", &[("month", month), ("date", locale.date(day))]);
    }
    let (nothing_in, nothing_out, end) = if statement.so_far.is_some() {
        (
            "statement-nothing-in-yet",
            "statement-nothing-out-yet",
            "statement-end-so-far",
        )
    } else {
        ("statement-nothing-in", "statement-nothing-out", "statement-end")
    };
    let mut sections = vec![
        by_category(locale, "statement-in", nothing_in, &statement.money_in, &money),
        money_out(locale, statement, nothing_out, &money),
        Section::new(locale.label("statement-left"))
            .note(
                format!("{} {}.", locale.label("statement-start"), money(statement.opening)),
                false,
            )
            .note(
                format!("{} {}.", locale.label(end), money(statement.closing)),
                statement.closing < 0,
            ),
    ];
    if statement.so_far.is_some() {
        sections.push(payments(
            locale,
            "statement-still-due",
            "statement-nothing-still-due",
            &statement.still_due,
            &money,
        ));
    }
    sections.push(payments(
        locale,
        "statement-coming",
        "statement-nothing-coming",
        &statement.upcoming,
        &money,
    ));
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
        table.row(vec![category_in_words(locale, *category), money(*amount)]);
    }
    let total: i64 = amounts.iter().map(|(_, amount)| amount).sum();
    table.row(vec![locale.label("total"), money(total)]).total();
    section.table(table)
}

/// Money out by category, with a bar chart of the same figures above the table.
fn money_out(
    locale: &Locale,
    statement: &BeneficiaryStatement,
    nothing: &str,
    money: &dyn Fn(i64) -> String,
) -> Section {
    let mut section = by_category(locale, "statement-out", nothing, &statement.money_out, money);
    let largest = statement.money_out.iter().map(|(_, amount)| *amount).max().unwrap_or(0);
    if let Some((top_category, top_amount)) = statement.money_out.first()
        && largest > 0
    {
        section.chart = Some(Chart {
            title: locale.label("statement-chart-title"),
            description: format!(
                "{} {} ({}).",
                locale.label("statement-chart-description"),
                category_in_words(locale, *top_category),
                money(*top_amount)
            ),
            bars: statement
                .money_out
                .iter()
                .map(|(category, amount)| {
                    let share = (amount.max(&0) * 1000 / largest) as u32;
                    (category_in_words(locale, *category), money(*amount), share)
                })
                .collect(),
        });
    }
    section
}

/// A category as the person reads it: money the office has not sorted yet is "not yet sorted",
/// never the office's suspense account.
fn category_in_words(locale: &Locale, category: crate::domain::account::ReportCategory) -> String {
    if category == crate::domain::account::ReportCategory::Suspense {
        locale.label("statement-not-sorted")
    } else {
        locale.category(category)
    }
}

/// Payments to come, each payee and amount once with its dates (four weekly pocket moneys are
/// one row: "04/12, 11/12, 18/12, 25/12 · 4 × 60,00 EUR").
fn payments(
    locale: &Locale,
    heading: &str,
    nothing: &str,
    planned: &[crate::service::statement::UpcomingPayment],
    money: &dyn Fn(i64) -> String,
) -> Section {
    let section = Section::new(locale.label(heading));
    if planned.is_empty() {
        return section.note(locale.label(nothing), false);
    }
    let mut groups: Vec<(&crate::service::statement::UpcomingPayment, Vec<chrono::NaiveDate>)> = Vec::new();
    for payment in planned {
        match groups
            .iter_mut()
            .find(|(first, _)| first.payee == payment.payee && first.amount == payment.amount)
        {
            Some((_, dates)) => dates.push(payment.date),
            None => groups.push((payment, vec![payment.date])),
        }
    }
    let mut table = Table::new(&[
        (locale.label("column-date"), false),
        (locale.label("column-payee"), false),
        (locale.label("column-amount"), true),
    ]);
    for (payment, dates) in groups {
        let payee = if payment.pocket_money {
            format!("{} ({})", payment.payee, locale.label("statement-pocket-money"))
        } else {
            payment.payee.clone()
        };
        let days = dates
            .iter()
            .map(|date| locale.date(*date))
            .collect::<Vec<_>>()
            .join(", ");
        let amount = match dates.len() {
            1 => money(payment.amount),
            count => format!("{count} × {}", money(payment.amount)),
        };
        table.row(vec![days, payee, amount]);
    }
    section.table(table)
}
