//! `gestio creditor add|list`, `gestio schedule add|list|authorise` and `gestio income add`.

use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::{json, optional, table};
use super::parties::JsonFlag;
use super::{Context, now};
use crate::domain::creditor::{Bic, NewCreditor, PaymentTarget, PostalAddress, Remittance};
use crate::domain::iban::Iban;
use crate::domain::ids::{AccountId, BookId, CreditorId, OfficeId, ScheduleId};
use crate::domain::money::Money;
use crate::domain::schedule::{ExpectedIncome, Frequency};
use crate::service::{ledger, payments};

#[derive(Debug, Subcommand)]
pub enum CreditorCommand {
    /// Add a creditor of the office (shared by its books), or of one book with --book.
    Add(Box<CreditorArgs>),
    /// List the office's creditors (and one book's own with --book).
    List {
        #[arg(long)]
        office: OfficeId,
        #[arg(long)]
        book: Option<BookId>,
        #[command(flatten)]
        output: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct CreditorArgs {
    #[arg(long)]
    office: OfficeId,
    #[arg(long)]
    book: Option<BookId>,
    #[arg(long)]
    name: String,
    #[arg(long)]
    iban: String,
    #[arg(long)]
    bic: Option<String>,
    #[arg(long)]
    street: Option<String>,
    #[arg(long)]
    building: Option<String>,
    #[arg(long)]
    postcode: Option<String>,
    #[arg(long)]
    town: String,
    /// ISO 3166 two-letter code, e.g. LU.
    #[arg(long)]
    country: String,
    /// Default remittance text, or an RF creditor reference.
    #[arg(long)]
    remittance: Option<String>,
    /// Where its payments are booked unless a schedule says otherwise: a category…
    #[arg(long, conflicts_with = "account")]
    category: Option<String>,
    /// …or an account code (a debt: 2001).
    #[arg(long)]
    account: Option<String>,
}

pub async fn creditor(context: &Context, command: CreditorCommand) -> anyhow::Result<ExitCode> {
    match command {
        CreditorCommand::Add(args) => {
            let address = PostalAddress::new(
                args.street.as_deref(),
                args.building.as_deref(),
                args.postcode.as_deref(),
                &args.town,
                &args.country,
            )?;
            let creditor = NewCreditor {
                office_id: args.office,
                book_id: args.book,
                name: NewCreditor::check_name(&args.name)?,
                iban: Iban::parse(&args.iban)?,
                bic: args.bic.as_deref().map(Bic::parse).transpose()?,
                address,
                default_target: match (&args.category, &args.account) {
                    (None, None) => None,
                    (category, account) => Some(PaymentTarget::from_words(category.as_deref(), account.as_deref())?),
                },
                default_remittance: args.remittance.as_deref().map(Remittance::parse).transpose()?,
            };
            let stored = payments::add_creditor(&context.store, &creditor, now()).await?;
            println!("creditor {} added: {}", stored.id, stored.name);
        }
        CreditorCommand::List { office, book, output } => {
            let creditors = payments::creditors(&context.store, office, book).await?;
            if output.json {
                return json(&creditors).map(|()| ExitCode::SUCCESS);
            }
            let mut rows = vec![["ID", "NAME", "IBAN", "TOWN", "BOOK"].map(String::from).to_vec()];
            for creditor in creditors {
                rows.push(vec![
                    creditor.id.to_string(),
                    creditor.name,
                    creditor.iban.masked(),
                    format!("{} {}", creditor.address.country, creditor.address.town),
                    optional(creditor.book_id),
                ]);
            }
            table(&rows);
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Schedule a payment of a book: once, weekly, monthly, quarterly or yearly.
    Add(Box<ScheduleArgs>),
    /// List a book's schedules.
    List {
        #[arg(long)]
        book: BookId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Record the judge's authorisation for a schedule whose payments need it.
    Authorise {
        schedule: ScheduleId,
        /// The authorisation's reference (order number and date).
        #[arg(long)]
        reference: String,
    },
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long)]
    creditor: CreditorId,
    /// The amount of each payment, e.g. 650.00.
    #[arg(long)]
    amount: String,
    /// The category it is booked on (expense.housing…), or --account; neither: the creditor's default.
    #[arg(long, conflicts_with = "account")]
    category: Option<String>,
    /// The account code it is booked on, e.g. 2001 for a debt.
    #[arg(long)]
    account: Option<String>,
    /// once | weekly | monthly | quarterly | yearly
    #[arg(long, default_value = "monthly")]
    every: String,
    /// The day: of the month (1–31 or "last"), or of the week for weekly (mon…sun).
    #[arg(long, default_value = "1")]
    day: String,
    #[arg(long)]
    start: NaiveDate,
    /// The last due date.
    #[arg(long, conflicts_with_all = ["instalments", "until_repaid"])]
    end: Option<NaiveDate>,
    #[arg(long, conflicts_with = "until_repaid")]
    instalments: Option<u32>,
    /// A debt plan: stop once the debt account (--account) is repaid.
    #[arg(long)]
    until_repaid: bool,
    /// Remittance text or RF reference (else the creditor's default).
    #[arg(long)]
    remittance: Option<String>,
    /// 1 housing, 2 energy and water, 3 health, 4 debts under a plan, 5 other.
    #[arg(long, default_value_t = 5)]
    priority: u8,
    /// The judge must authorise these payments; they are held until `schedule authorise`.
    #[arg(long)]
    needs_authorisation: bool,
    /// The paying account's id (default: the book's first bank account).
    #[arg(long)]
    from_account: Option<AccountId>,
}

fn frequency(every: &str, day: &str) -> anyhow::Result<Frequency> {
    Ok(Frequency::parse(every, day)?)
}

pub async fn schedule(context: &Context, command: ScheduleCommand) -> anyhow::Result<ExitCode> {
    match command {
        ScheduleCommand::Add(args) => {
            // One reading for the command line, the API and the pages: the same refusals.
            let schedule = payments::ScheduleInput {
                creditor: args.creditor,
                amount: &args.amount,
                category: args.category.as_deref(),
                account: args.account.as_deref(),
                every: &args.every,
                day: Some(&args.day),
                start: args.start,
                end: args.end,
                instalments: args.instalments,
                until_repaid: args.until_repaid,
                remittance: args.remittance.as_deref(),
                priority: Some(args.priority),
                needs_authorisation: args.needs_authorisation,
                from_account: args.from_account,
            }
            .read(&context.store, args.book)
            .await?;
            let stored = payments::add_schedule(&context.store, schedule, now()).await?;
            println!("schedule {} added to book {}", stored.id, stored.details.book_id);
        }
        ScheduleCommand::List { book, output } => {
            let schedules = payments::schedules(&context.store, book).await?;
            if output.json {
                return json(&schedules).map(|()| ExitCode::SUCCESS);
            }
            let mut rows = vec![
                ["ID", "CREDITOR", "AMOUNT", "EVERY", "START", "PRIORITY", "ACTIVE"]
                    .map(String::from)
                    .to_vec(),
            ];
            for schedule in schedules {
                let details = &schedule.details;
                rows.push(vec![
                    schedule.id.to_string(),
                    details.creditor_id.to_string(),
                    details.amount.to_string(),
                    serde_json::to_value(details.frequency)?["every"]
                        .as_str()
                        .unwrap_or("-")
                        .to_owned(),
                    details.start.to_string(),
                    details.priority.get().to_string(),
                    if schedule.active { "yes" } else { "no" }.to_owned(),
                ]);
            }
            table(&rows);
        }
        ScheduleCommand::Authorise { schedule, reference } => {
            payments::authorise_schedule(&context.store, schedule, &reference).await?;
            println!("schedule {schedule}: authorisation {reference} recorded");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum IncomeCommand {
    /// Declare an income the book expects every month, for the forecast.
    Add {
        #[arg(long)]
        book: BookId,
        /// The money account's id it arrives on.
        #[arg(long)]
        account: AccountId,
        #[arg(long)]
        name: String,
        #[arg(long)]
        amount: String,
        /// The day of the month (1–31 or "last").
        #[arg(long)]
        day: String,
        #[arg(long)]
        start: NaiveDate,
        #[arg(long)]
        end: Option<NaiveDate>,
    },
}

pub async fn income(context: &Context, command: IncomeCommand) -> anyhow::Result<ExitCode> {
    let IncomeCommand::Add {
        book,
        account,
        name,
        amount,
        day,
        start,
        end,
    } = command;
    let found = ledger::book(&context.store, book).await?;
    let Frequency::Monthly { day } = frequency("monthly", &day)? else {
        unreachable!("monthly gives a monthly frequency")
    };
    let income = ExpectedIncome {
        id: 0,
        book_id: book,
        account,
        name,
        amount: Money::parse(&amount, found.currency).with_context(|| format!("--amount {amount}"))?,
        day,
        start,
        end,
    };
    let id = payments::add_expected_income(&context.store, &income, now()).await?;
    println!("expected income {id} added to book {book}");
    Ok(ExitCode::SUCCESS)
}
