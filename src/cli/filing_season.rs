//! `gestio report file-due`: the filing season. Every account of an office due by a date is
//! filed, several at a time; each refusal is printed with its book and the rest go in.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::output::table;
use super::{Context, now};
use crate::domain::ids::OfficeId;
use crate::service::filing_season::{DueAccount, accounts_due, file_accounts};

#[derive(Debug, Args)]
pub struct FileDueArgs {
    #[arg(long)]
    office: OfficeId,
    /// File the accounts whose period ended on or before this date (e.g. 2026-12-31); a period
    /// that has not ended yet is never filed.
    #[arg(long)]
    through: NaiveDate,
    /// Accounts filed at the same time; typesetting takes one core each. Default: the cores.
    #[arg(long)]
    parallel: Option<usize>,
    /// List the accounts due without filing them.
    #[arg(long)]
    dry_run: bool,
}

pub async fn file_due(context: &Context, args: &FileDueArgs) -> anyhow::Result<ExitCode> {
    let today = now().date_naive();
    let due = accounts_due(&context.store, args.office, args.through, today).await?;
    if due.is_empty() {
        println!(
            "no account of office {} whose period has ended is due by {}",
            args.office, args.through
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = vec![
        ["BOOK", "BENEFICIARY", "FROM", "TO", "DUE", "FILED"]
            .map(String::from)
            .to_vec(),
    ];
    if args.dry_run {
        rows.extend(due.iter().map(|account| row(account, "not yet (dry run)".to_owned())));
        table(&rows);
        return Ok(ExitCode::SUCCESS);
    }
    let parallel = args
        .parallel
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |cores| cores.get()));
    let started = std::time::Instant::now();
    let outcomes = file_accounts(&context.store, due, &context.author, now(), parallel).await;
    let refused = outcomes.iter().filter(|outcome| outcome.filed.is_err()).count();
    rows.extend(outcomes.iter().map(|outcome| {
        let filed = match &outcome.filed {
            Ok(filing) => format!("filing {}", filing.id),
            Err(error) => format!("REFUSED: {error}"),
        };
        row(&outcome.account, filed)
    }));
    table(&rows);
    println!(
        "{} filed, {refused} refused, in {:.1} s ({parallel} at a time)",
        outcomes.len() - refused,
        started.elapsed().as_secs_f64()
    );
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One account's line of the table, with what became of it.
fn row(account: &DueAccount, filed: String) -> Vec<String> {
    vec![
        account.book.to_string(),
        account.beneficiary.clone(),
        account.period.from.to_string(),
        account.period.to.to_string(),
        account.due.to_string(),
        filed,
    ]
}
