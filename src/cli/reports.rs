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
use crate::export::ledger_text::Dialect;
use crate::render::account::{court_language, document_for};
use crate::render::locale::Locale;
use crate::service::reports::{PeriodicAccount, entries_csv, periodic_account};

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The periodic account for the court: per money account opening, receipts, disbursements,
    /// closing, checked against the bank; debts; entries with receipt numbers.
    Account(AccountArgs),
    /// The beneficiary's monthly statement in their language: money in and out by category,
    /// what is left, next month's payments, a chart of spending.
    Statement(StatementArgs),
    /// File the account with the court: store its PDF and data with their SHA-256 and the
    /// book's chain head, and lock the period.
    File(super::filings::FileArgs),
    /// File every account of an office due by a date (the filing season), several at a time;
    /// a refused account is reported and the others are filed.
    FileDue(super::filing_season::FileDueArgs),
    /// A book's filed accounts and the court's reviews.
    Filings(super::filings::FilingsArgs),
    /// Record the court's review of a filed account: approved, or remarks.
    Approve(super::filings::ApproveArgs),
    /// A filed account exactly as filed: its PDF, its data, or a zip with the evidence.
    Download(super::filings::DownloadArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A plain summary on the terminal.
    Summary,
    /// The court's document, printable (CSS @page), in the jurisdiction's layout.
    Html,
    /// The court's document as PDF (A4, fonts embedded, page X of Y).
    Pdf,
    /// Everything the document is made of, as data.
    Json,
    /// The entry list (`;`, UTF-8 with BOM, formula-safe).
    Csv,
    /// The entry list as a workbook: dates as dates, amounts as numbers.
    Xlsx,
}

/// A reporting period: a calendar year, or two dates.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// A calendar year: 1 January to 31 December.
    #[arg(long, conflicts_with_all = ["from", "to"], required_unless_present_all = ["from", "to"])]
    year: Option<i32>,
    #[arg(long, requires = "to")]
    from: Option<NaiveDate>,
    #[arg(long, requires = "from")]
    to: Option<NaiveDate>,
}

impl PeriodArgs {
    pub fn period(&self) -> anyhow::Result<Period> {
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

/// The layout and language of a court document.
#[derive(Debug, Args)]
pub struct LayoutArgs {
    /// The layout: lu, fr, de or generic (default: the mandate's jurisdiction).
    #[arg(long)]
    layout: Option<String>,
    /// The document's language: fr, de, en, pt (default: the court's).
    #[arg(long)]
    lang: Option<String>,
}

impl LayoutArgs {
    pub fn layout(&self) -> anyhow::Result<Option<Jurisdiction>> {
        Ok(self.layout.as_deref().map(Jurisdiction::parse).transpose()?)
    }

    pub fn language(&self) -> anyhow::Result<Option<Language>> {
        Ok(self.lang.as_deref().map(Language::parse).transpose()?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatementFormat {
    Html,
    Pdf,
    Json,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    #[arg(long)]
    book: BookId,
    /// The month, as 2026-01.
    #[arg(long)]
    month: String,
    #[arg(long, value_enum, default_value = "html")]
    format: StatementFormat,
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// The statement's language: fr, de, en, pt (default: the person's).
    #[arg(long)]
    lang: Option<String>,
}

async fn statement(context: &Context, args: &StatementArgs) -> anyhow::Result<ExitCode> {
    use crate::render::statement::{statement_document, statement_language};
    use crate::service::statement::{month_period, monthly_statement};
    let period = args
        .month
        .split_once('-')
        .and_then(|(year, month)| month_period(year.parse().ok()?, month.parse().ok()?))
        .with_context(|| format!("--month {}: write the month as YYYY-MM, e.g. 2026-01", args.month))?;
    let statement = monthly_statement(&context.store, args.book, period, crate::cli::today()).await?;
    let language = match &args.lang {
        Some(code) => Language::parse(code)?,
        None => statement_language(Language::parse(&statement.language)?),
    };
    let document = statement_document(&statement, &Locale::new(language));
    let bytes = match args.format {
        StatementFormat::Json => serde_json::to_vec_pretty(&statement)?,
        StatementFormat::Html => crate::render::html(&document)?.into_bytes(),
        StatementFormat::Pdf => {
            anyhow::ensure!(args.out.is_some(), "a PDF is not for the terminal: add --out FILE.pdf");
            crate::render::pdf::pdf(&document)?
        }
    };
    write_out(args.out.as_deref(), &bytes)
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    #[arg(long)]
    book: BookId,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long, value_enum, default_value = "summary")]
    format: ReportFormat,
    /// Where to write the document; standard output when absent.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    #[command(flatten)]
    layout: LayoutArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LedgerFormat {
    /// An hledger journal (`hledger -f FILE balance` recomputes every balance).
    Hledger,
    /// A beancount ledger (`bean-check FILE` validates it, `bean-report`/`bean-query` recompute).
    Beancount,
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
    let dialect = match args.format {
        LedgerFormat::Hledger => Dialect::Hledger,
        LedgerFormat::Beancount => Dialect::Beancount,
    };
    let journal =
        crate::service::reports::ledger_journal(&context.store, args.book, dialect, args.from, args.to).await?;
    write_out(args.out.as_deref(), journal.as_bytes())
}

pub(super) fn write_out(path: Option<&std::path::Path>, bytes: &[u8]) -> anyhow::Result<ExitCode> {
    match path {
        Some(path) => std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn report(context: &Context, command: &ReportCommand) -> anyhow::Result<ExitCode> {
    match command {
        ReportCommand::Account(args) => account(context, args).await,
        ReportCommand::Statement(args) => statement(context, args).await,
        ReportCommand::File(args) => super::filings::file(context, args).await,
        ReportCommand::FileDue(args) => super::filing_season::file_due(context, args).await,
        ReportCommand::Filings(args) => super::filings::list(context, args).await,
        ReportCommand::Approve(args) => super::filings::approve(context, args).await,
        ReportCommand::Download(args) => super::filings::download(context, args).await,
    }
}

async fn account(context: &Context, args: &AccountArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.out.is_none() || args.format != ReportFormat::Summary,
        "--out writes a document: add --format html, pdf, xlsx, json or csv (the summary prints on the terminal)"
    );
    let account = periodic_account(&context.store, args.book, args.period.period()?).await?;
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
        ReportFormat::Xlsx => {
            anyhow::ensure!(
                args.out.is_some(),
                "a workbook is not for the terminal: add --out FILE.xlsx"
            );
            let language = match args.layout.language()? {
                Some(language) => language,
                None => court_language(Jurisdiction::parse(&account.header.jurisdiction)?),
            };
            crate::render::account_xlsx::entries_xlsx(&account, &Locale::new(language))?
        }
        ReportFormat::Html | ReportFormat::Pdf => {
            let (_, _, document) = document_for(&account, args.layout.layout()?, args.layout.language()?)?;
            if args.format == ReportFormat::Pdf {
                anyhow::ensure!(args.out.is_some(), "a PDF is not for the terminal: add --out FILE.pdf");
                crate::render::pdf::pdf(&document)?
            } else {
                crate::render::html(&document)?.into_bytes()
            }
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
