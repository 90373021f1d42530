//! `gestio report`: the periodic account of a book for a period, as JSON or a plain summary.

use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;

use super::Context;
use super::output::{json, table};
use super::parties::JsonFlag;
use crate::domain::ids::BookId;
use crate::domain::money::Money;
use crate::domain::report::Period;
use crate::service::reports::{entries_csv, periodic_account};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long)]
    from: NaiveDate,
    #[arg(long)]
    to: NaiveDate,
    /// Also write the entry list as CSV (`;`, UTF-8 with BOM, formula-safe) to this file.
    #[arg(long)]
    csv: Option<std::path::PathBuf>,
    #[command(flatten)]
    output: JsonFlag,
}

pub async fn report(context: &Context, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.from <= args.to, "--from {} is after --to {}", args.from, args.to);
    let account = periodic_account(
        &context.store,
        args.book,
        Period {
            from: args.from,
            to: args.to,
        },
    )
    .await?;
    if let Some(path) = &args.csv {
        std::fs::write(path, entries_csv(&account)).with_context(|| format!("writing {}", path.display()))?;
    }
    if args.output.json {
        return json(&account).map(|()| ExitCode::SUCCESS);
    }
    let data = &account.data;
    let money = |minor: i64| Money::from_minor(minor, data.currency).to_string();
    let header = &account.header;
    println!("{} — {} ({})", header.office, header.beneficiary, header.measure);
    if let (Some(court), Some(case)) = (&header.court, &header.case_number) {
        println!("{court}, {case}");
    }
    println!("period {} to {}", args.from, args.to);
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
    Ok(ExitCode::SUCCESS)
}
