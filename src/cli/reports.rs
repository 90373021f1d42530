//! `gestio report account`: the periodic account of a book for a period — a plain summary on
//! the terminal, or the court's document (HTML in the jurisdiction's layout and language), JSON or
//! the entry list as CSV, written to a file.

use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use super::Context;
use super::output::{json, table};
use crate::domain::ids::BookId;
use crate::domain::mandate::Jurisdiction;
use crate::domain::money::Money;
use crate::domain::party::Language;
use crate::domain::report::Period;
use crate::render::account::{account_document, court_language};
use crate::render::locale::Locale;
use crate::service::reports::{PeriodicAccount, entries_csv, periodic_account};

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The periodic account for the court: per money account opening, receipts, disbursements,
    /// closing, checked against the bank; debts; entries with receipt numbers.
    Account(AccountArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A plain summary on the terminal.
    Summary,
    /// The court's document, printable (CSS @page), in the jurisdiction's layout.
    Html,
    /// Everything the document is made of, as data.
    Json,
    /// The entry list (`;`, UTF-8 with BOM, formula-safe).
    Csv,
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    #[arg(long)]
    book: BookId,
    /// A calendar year: 1 January to 31 December.
    #[arg(long, conflicts_with_all = ["from", "to"], required_unless_present_all = ["from", "to"])]
    year: Option<i32>,
    #[arg(long, requires = "to")]
    from: Option<NaiveDate>,
    #[arg(long, requires = "from")]
    to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "summary")]
    format: ReportFormat,
    /// Where to write the document; standard output when absent.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// The layout: lu, fr, de or generic (default: the mandate's jurisdiction).
    #[arg(long)]
    layout: Option<String>,
    /// The document's language: fr, de, en, pt (default: the court's).
    #[arg(long)]
    lang: Option<String>,
}

impl AccountArgs {
    fn period(&self) -> anyhow::Result<Period> {
        let (from, to) = match (self.year, self.from, self.to) {
            (Some(year), _, _) => (
                NaiveDate::from_ymd_opt(year, 1, 1).context("--year is out of range")?,
                NaiveDate::from_ymd_opt(year, 12, 31).context("--year is out of range")?,
            ),
            (None, Some(from), Some(to)) => (from, to),
            _ => anyhow::bail!("give --year, or --from and --to"),
        };
        anyhow::ensure!(from <= to, "--from {from} is after --to {to}");
        Ok(Period { from, to })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LedgerFormat {
    /// An hledger journal (`hledger -f FILE balance` recomputes every balance).
    Hledger,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long, value_enum, default_value = "hledger")]
    format: LedgerFormat,
    /// From this date, with the balances brought forward to it.
    #[arg(long)]
    from: Option<NaiveDate>,
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Where to write the journal; standard output when absent.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// `gestio export`: the book as a plain-text journal another program can check.
pub async fn export(context: &Context, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if let (Some(from), Some(to)) = (args.from, args.to) {
        anyhow::ensure!(from <= to, "--from {from} is after --to {to}");
    }
    let LedgerFormat::Hledger = args.format;
    let journal = crate::service::reports::hledger_journal(&context.store, args.book, args.from, args.to).await?;
    write_out(args.out.as_deref(), journal.as_bytes())
}

fn write_out(path: Option<&std::path::Path>, bytes: &[u8]) -> anyhow::Result<ExitCode> {
    match path {
        Some(path) => std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn report(context: &Context, command: &ReportCommand) -> anyhow::Result<ExitCode> {
    match command {
        ReportCommand::Account(args) => account(context, args).await,
    }
}

async fn account(context: &Context, args: &AccountArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.out.is_none() || args.format != ReportFormat::Summary,
        "--out writes a document: add --format html, json or csv (the summary prints on the terminal)"
    );
    let account = periodic_account(&context.store, args.book, args.period()?).await?;
    let bytes = match args.format {
        ReportFormat::Summary => {
            summary(&account);
            return Ok(ExitCode::SUCCESS);
        }
        ReportFormat::Json => {
            if args.out.is_none() {
                return json(&account).map(|()| ExitCode::SUCCESS);
            }
            serde_json::to_vec_pretty(&account)?
        }
        ReportFormat::Csv => entries_csv(&account),
        ReportFormat::Html => {
            let jurisdiction = match &args.layout {
                Some(layout) => Jurisdiction::parse(layout)?,
                None => Jurisdiction::parse(&account.header.jurisdiction)?,
            };
            let language = match &args.lang {
                Some(code) => Language::parse(code)?,
                None => court_language(jurisdiction),
            };
            let document = account_document(&account, jurisdiction, &Locale::new(language));
            crate::render::html(&document)?.into_bytes()
        }
    };
    write_out(args.out.as_deref(), &bytes)
}

fn summary(account: &PeriodicAccount) {
    let data = &account.data;
    let money = |minor: i64| Money::from_minor(minor, data.currency).to_string();
    let header = &account.header;
    println!("{} — {} ({})", header.office, header.beneficiary, header.measure);
    if let (Some(court), Some(case)) = (&header.court, &header.case_number) {
        println!("{court}, {case}");
    }
    println!("period {} to {}", data.period.from, data.period.to);
    let mut rows = vec![
        [
            "ACCOUNT",
            "OPENING",
            "RECEIPTS",
            "DISBURSEMENTS",
            "TRANSFERS",
            "CLOSING",
            "ADDS UP",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for report in &data.accounts {
        rows.push(vec![
            format!("{} {}", report.code, report.name),
            money(report.opening),
            money(report.receipts_total()),
            money(report.disbursements_total()),
            money(report.transfers_in - report.transfers_out),
            money(report.closing),
            if report.difference() == 0 {
                "yes".to_owned()
            } else {
                format!("NO ({})", money(report.difference()))
            },
        ]);
    }
    table(&rows);
    for check in &account.bank_checks {
        match (check.statement_minor, check.difference_minor) {
            (Some(statement), Some(0)) => {
                println!("{}: matches the bank's statement ({})", check.code, money(statement))
            }
            (Some(statement), Some(difference)) => {
                println!(
                    "{}: the bank's statement says {}, the books {} (difference {})",
                    check.code,
                    money(statement),
                    money(check.books_minor),
                    money(difference)
                )
            }
            _ => println!("{}: no bank statement in the period to compare with", check.code),
        }
    }
    let missing = data.entries.iter().filter(|entry| entry.evidence_missing).count();
    println!(
        "{} entries; {missing} above the receipt threshold without evidence; {} still to categorise; {} open gap(s)",
        data.entries.len(),
        money(data.suspense_at_end),
        account.open_gaps
    );
}
