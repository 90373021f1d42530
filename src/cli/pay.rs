//! `gestio pay run|approve|file|late`, `gestio debt list` and `gestio forecast`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::{json, table};
use super::parties::JsonFlag;
use super::{Context, now};
use crate::domain::ids::{BookId, OfficeId, PaymentFileId, PaymentRunId};
use crate::domain::money::{Currency, Money};
use crate::export::pain001::PainVersion;
use crate::service::payments::{self, RunReport, RunRequest};

#[derive(Debug, Subcommand)]
pub enum PayCommand {
    /// Plan the payments due by DATE, fund them by priority, and (without four eyes) write the
    /// pain.001 files into --out.
    Run(RunArgs),
    /// Approve a prepared run (four eyes: not by whoever prepared it) and write its files.
    Approve {
        run: PaymentRunId,
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Write a produced pain.001 file again, byte for byte.
    File {
        file: PaymentFileId,
        #[arg(long)]
        out: PathBuf,
    },
    /// Payment settings: four eyes for an office's runs, a book's reserve, an account's overdraft.
    Settings(SettingsArgs),
    /// Orders sent to the bank that no statement has shown within 5 business days.
    Late {
        #[arg(long)]
        book: Option<BookId>,
        /// The day to judge from (default: today).
        #[arg(long)]
        today: Option<NaiveDate>,
        #[command(flatten)]
        output: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    #[arg(long)]
    office: Option<OfficeId>,
    /// With --office: require a second person to approve every payment run (true or false).
    #[arg(long, requires = "office")]
    four_eyes: Option<bool>,
    /// With --office: the order priority classes are paid in when money is short, e.g. 1,3,2,4,5.
    #[arg(long, requires = "office")]
    priority_order: Option<String>,
    #[arg(long)]
    book: Option<BookId>,
    /// With --book: the amount no run may touch, e.g. 200.00.
    #[arg(long, requires = "book")]
    reserve: Option<String>,
    /// With --book: the account code whose overdraft is set with --overdraft.
    #[arg(long, requires_all = ["book", "overdraft"])]
    account: Option<String>,
    /// The overdraft agreed with the bank, e.g. 500.00.
    #[arg(long, requires = "account")]
    overdraft: Option<String>,
}

async fn settings(context: &Context, args: SettingsArgs) -> anyhow::Result<ExitCode> {
    use crate::service::payments::settings;
    if let (Some(office), Some(required)) = (args.office, args.four_eyes) {
        settings::set_four_eyes(&context.store, office, required).await?;
        println!(
            "office {office}: four eyes {}",
            if required { "required" } else { "not required" }
        );
    }
    if let (Some(office), Some(text)) = (args.office, &args.priority_order) {
        let order = crate::domain::schedule::PriorityOrder::parse(text)?;
        settings::set_priority_order(&context.store, office, Some(&order)).await?;
        println!("office {office}: priority classes paid in the order {}", order.text());
    }
    if let Some(book) = args.book {
        let currency = crate::service::ledger::book(&context.store, book).await?.currency;
        if let Some(text) = &args.reserve {
            let reserve = Money::parse(text, currency).with_context(|| format!("--reserve {text}"))?;
            settings::set_reserve(&context.store, book, reserve.minor()).await?;
            println!("book {book}: reserve {reserve}");
        }
        if let (Some(code), Some(text)) = (&args.account, &args.overdraft) {
            let limit = Money::parse(text, currency).with_context(|| format!("--overdraft {text}"))?;
            settings::set_overdraft(&context.store, book, code, limit.minor()).await?;
            println!("book {book}, account {code}: overdraft {limit}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The execution date wished (rolled to the next TARGET2 business day).
    #[arg(long)]
    date: NaiveDate,
    #[arg(long)]
    office: OfficeId,
    /// Only this book (default: every book of the office).
    #[arg(long)]
    book: Option<BookId>,
    /// pain.001.001.09 (default) or pain.001.001.03.
    #[arg(long, default_value = "pain.001.001.09")]
    format: String,
    /// The folder the files are written into.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    output: JsonFlag,
}

pub async fn pay(context: &Context, command: PayCommand) -> anyhow::Result<ExitCode> {
    match command {
        PayCommand::Run(args) => {
            let format = PainVersion::parse(&args.format)
                .ok_or_else(|| anyhow::anyhow!("--format {}: use pain.001.001.09 or pain.001.001.03", args.format))?;
            let request = RunRequest {
                office: args.office,
                book: args.book,
                date: args.date,
                format,
                author: &context.author,
            };
            let report = payments::run_payments(&context.store, request, now()).await?;
            finish(context, &report, args.out.as_deref(), args.output.json).await
        }
        PayCommand::Approve { run, out, output } => {
            let report = payments::approve_run(&context.store, run, &context.author, now()).await?;
            finish(context, &report, out.as_deref(), output.json).await
        }
        PayCommand::Settings(args) => settings(context, args).await,
        PayCommand::File { file, out } => {
            let (record, bytes) = payments::payment_file(&context.store, file).await?;
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            println!(
                "{} written to {} (sha256 {})",
                record.message_id,
                out.display(),
                record.sha256
            );
            Ok(ExitCode::SUCCESS)
        }
        PayCommand::Late { book, today, output } => {
            let today = today.unwrap_or_else(|| now().date_naive());
            let late = payments::orders_not_executed(&context.store, book, today).await?;
            if output.json {
                return json(&late).map(|()| ExitCode::SUCCESS);
            }
            let mut rows = vec![
                ["ORDER", "BOOK", "END TO END", "EXECUTION", "AMOUNT"]
                    .map(String::from)
                    .to_vec(),
            ];
            for order in late {
                rows.push(vec![
                    order.id.to_string(),
                    order.book_id.to_string(),
                    order.end_to_end_id.clone(),
                    order.execution_date.to_string(),
                    amount(order.amount_minor, &order.currency),
                ]);
            }
            table(&rows);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn amount(minor: i64, currency: &str) -> String {
    Currency::parse(currency).map_or_else(
        |_| format!("{minor} {currency}"),
        |currency| Money::from_minor(minor, currency).to_string(),
    )
}

/// Writes the run's files into `out` and prints what was ordered, what was held and why.
async fn finish(
    context: &Context,
    report: &RunReport,
    out: Option<&std::path::Path>,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    if let Some(folder) = out {
        std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        for file in &report.files {
            let (_, bytes) = payments::payment_file(&context.store, PaymentFileId::new(file.id)).await?;
            let path = folder.join(format!("{}.xml", file.message_id));
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        }
    }
    if as_json {
        return json(report).map(|()| ExitCode::SUCCESS);
    }
    let run = &report.run;
    println!(
        "payment run {} for {} ({}): {}",
        run.id, run.execution_date, run.format, run.state
    );
    let mut rows = vec![
        ["ORDERED", "BOOK", "SCHEDULE", "DUE", "AMOUNT", "END TO END"]
            .map(String::from)
            .to_vec(),
    ];
    for order in &report.orders {
        rows.push(vec![
            order.id.to_string(),
            order.book_id.to_string(),
            order.schedule_id.to_string(),
            order.due_date.to_string(),
            amount(order.amount_minor, &order.currency),
            order.end_to_end_id.clone(),
        ]);
    }
    table(&rows);
    if !report.holds.is_empty() {
        let mut rows = vec![
            ["HELD", "BOOK", "SCHEDULE", "DUE", "AMOUNT", "WHY"]
                .map(String::from)
                .to_vec(),
        ];
        for hold in &report.holds {
            rows.push(vec![
                String::new(),
                hold.book_id.to_string(),
                hold.schedule_id.to_string(),
                hold.due_date.to_string(),
                amount(hold.amount_minor, &hold.currency),
                hold.reason.clone(),
            ]);
        }
        table(&rows);
    }
    for file in &report.files {
        let place = out.map_or_else(String::new, |folder| format!(" in {}", folder.display()));
        println!(
            "file {} {}: {} transfers{place}",
            file.id, file.message_id, file.transfers
        );
    }
    if run.state == crate::domain::payment_state::RunState::Prepared {
        println!("waiting for approval by a second person: gestio pay approve {}", run.id);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum DebtCommand {
    /// Record a debt found after the opening inventory: a debt account of its own, owed against
    /// opening equity. Pay it with `schedule add --account <code> --until-repaid`.
    Add {
        #[arg(long)]
        book: BookId,
        /// Who is owed.
        #[arg(long)]
        creditor: String,
        #[arg(long)]
        amount: String,
        /// The day it is recorded on.
        #[arg(long)]
        date: NaiveDate,
    },
    /// Every debt of a book: owed, repaid, left, on its way, and the plans paying it.
    List {
        #[arg(long)]
        book: BookId,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn debt(context: &Context, command: DebtCommand) -> anyhow::Result<ExitCode> {
    let (book, output) = match command {
        DebtCommand::Add {
            book,
            creditor,
            amount,
            date,
        } => {
            let currency = crate::service::ledger::book(&context.store, book).await?.currency;
            let amount = Money::parse(&amount, currency).with_context(|| format!("--amount {amount}"))?;
            let account =
                payments::add_debt(&context.store, book, &creditor, amount, date, &context.author, now()).await?;
            println!(
                "debt account {} ({}) added to book {book}: {amount} owed",
                account.code, account.name
            );
            return Ok(ExitCode::SUCCESS);
        }
        DebtCommand::List { book, output } => (book, output),
    };
    let views = payments::debts(&context.store, book).await?;
    if output.json {
        return json(&views).map(|()| ExitCode::SUCCESS);
    }
    let currency = crate::service::ledger::book(&context.store, book).await?.currency;
    let money = |minor: i64| Money::from_minor(minor, currency).to_string();
    let mut rows = vec![
        ["ACCOUNT", "NAME", "OWED", "REPAID", "LEFT", "ON ITS WAY", "PLAN"]
            .map(String::from)
            .to_vec(),
    ];
    for view in views {
        let plan = view.plans.first().map_or_else(
            || "none".to_owned(),
            |plan| {
                format!(
                    "schedule {} ({}, {})",
                    plan.schedule,
                    money(plan.instalment_minor),
                    if plan.active { "active" } else { "ended" }
                )
            },
        );
        rows.push(vec![
            view.code,
            view.name,
            money(view.owed_minor),
            money(view.repaid_minor),
            money(view.remaining_minor),
            money(view.on_the_way_minor),
            plan,
        ]);
    }
    table(&rows);
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct ForecastArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long, default_value_t = 90)]
    days: u32,
    /// The first day (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    #[command(flatten)]
    output: JsonFlag,
}

pub async fn forecast(context: &Context, args: &ForecastArgs) -> anyhow::Result<ExitCode> {
    let today = args.today.unwrap_or_else(|| now().date_naive());
    let report = payments::forecast(&context.store, args.book, today, args.days).await?;
    if args.output.json {
        return json(&report).map(|()| ExitCode::SUCCESS);
    }
    let money = |minor: i64| Money::from_minor(minor, report.currency).to_string();
    for account in &report.accounts {
        println!(
            "{} {} — reserve {}",
            account.code,
            account.name,
            money(report.reserve_minor)
        );
        let days = &account.forecast.days;
        // Only the days the balance moves, to keep 90 days readable.
        let mut rows = vec![vec!["DATE".to_owned(), "BALANCE".to_owned()]];
        for (index, day) in days.iter().enumerate() {
            if index == 0 || days[index - 1].balance != day.balance || index == days.len() - 1 {
                rows.push(vec![day.date.to_string(), money(day.balance)]);
            }
        }
        table(&rows);
        match &account.forecast.first_shortfall {
            Some(day) => println!("first day below the reserve: {} ({})", day.date, money(day.balance)),
            None => println!("never below the reserve in the next {} days", args.days),
        }
    }
    Ok(ExitCode::SUCCESS)
}
