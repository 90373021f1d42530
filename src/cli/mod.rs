//! The command line: clap subcommands, each a thin layer over a use case.
//!
//! The clock is read here and passed down. Errors print one clear line and exit non-zero.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{DEFAULT_DATABASE_URL, DatabaseUrl, init_logging};
use crate::storage::Store;

mod admin;
mod books;
mod entries;
mod evidence;
mod filing_season;
mod filings;
mod imports;
mod instance;
mod output;
mod parties;
mod pay;
mod payments;
mod reports;
mod rules;
mod statements;
mod users;

#[derive(Debug, Parser)]
#[command(
    name = "gestio",
    version,
    about = "Budget-management and guardianship accounting: one double-entry book per beneficiary."
)]
pub struct Cli {
    /// Database: sqlite://FILE (created if missing) or postgres://USER@HOST/DATABASE.
    /// Defaults to sqlite://gestio.db (sqlite://gestio-demo.db for `demo`).
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// The sealing key's file (default: beside a SQLite database, `gestio.db.key`; `gestio.key`
    /// otherwise). `GESTIO_SECRET` may hold the key itself instead. Back it up with the database.
    #[arg(long, env = "GESTIO_SECRET_FILE", global = true)]
    pub secret_file: Option<std::path::PathBuf>,

    /// Who is recorded as the author of what this command posts.
    #[arg(long, env = "GESTIO_AUTHOR", global = true, default_value = "cli")]
    pub author: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database if needed and bring its schema up to date.
    Migrate,
    /// Serve the web application and the JSON API.
    Serve(admin::ServeArgs),
    /// Create a demo office with six beneficiaries and months of entries, then serve it.
    Demo(admin::DemoArgs),
    /// Offices: the organisations running gestio.
    #[command(subcommand)]
    Office(parties::OfficeCommand),
    /// Beneficiaries: the people whose money is managed.
    #[command(subcommand)]
    Beneficiary(parties::BeneficiaryCommand),
    /// Mandates: budget agreements and court measures.
    #[command(subcommand)]
    Mandate(parties::MandateCommand),
    /// Books: one ledger per beneficiary, opened with its inventory.
    #[command(subcommand)]
    Book(books::BookCommand),
    /// Accounts of a book's chart.
    #[command(subcommand)]
    Account(books::AccountCommand),
    /// Journal entries: add, list, show, reverse.
    #[command(subcommand)]
    Entry(entries::EntryCommand),
    /// Import bank statement files into the books: new lines go to suspense, to be categorised.
    Import(imports::ImportArgs),
    /// Categorisation rules: where imported bank lines go.
    #[command(subcommand)]
    Rule(rules::RuleCommand),
    /// Imported lines waiting on suspense for a category.
    #[command(subcommand)]
    Suspense(rules::SuspenseCommand),
    /// Bank statement files: inspect them without importing.
    #[command(subcommand)]
    Statement(statements::StatementCommand),
    /// Creditors: who the office pays on a beneficiary's behalf.
    #[command(subcommand)]
    Creditor(payments::CreditorCommand),
    /// Payment schedules: rent, energy, debt instalments, pocket money.
    #[command(subcommand)]
    Schedule(payments::ScheduleCommand),
    /// Incomes a book expects every month, for the forecast.
    #[command(subcommand)]
    Income(payments::IncomeCommand),
    /// Debts of a book and their progress.
    #[command(subcommand)]
    Debt(pay::DebtCommand),
    /// Payment runs: plan, approve, and write SEPA pain.001 files for the bank.
    #[command(subcommand)]
    Pay(pay::PayCommand),
    /// A book's money accounts day by day over the coming days.
    Forecast(pay::ForecastArgs),
    /// Documents for the court and the person: the periodic account.
    #[command(subcommand)]
    Report(reports::ReportCommand),
    /// People who sign in: add, passwd, disable, enable, assign, list.
    #[command(subcommand)]
    User(users::UserCommand),
    /// Receipts and invoices attached to entries.
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// A book's budget plan: expected monthly income and spending by category.
    #[command(subcommand)]
    Budget(evidence::BudgetCommand),
    /// A book as a plain-text journal (hledger) for an independent check of every balance.
    Export(reports::ExportArgs),
    /// The balance of every account of a book (trial balance).
    Balance(entries::BalanceArgs),
    /// Courts: the records mandates and court staff point at.
    #[command(subcommand)]
    Court(instance::CourtCommand),
    /// Administrators of the instance, above the offices: they keep the courts and their staff.
    #[command(subcommand)]
    Admin(instance::AdminCommand),
    /// Seals made with the key kept outside the database: adopt what predates them.
    #[command(subcommand)]
    Seal(instance::SealCommand),
    /// Recompute every book's hash chain and running totals, and check its sealed head, its filings
    /// and its stored files; exit 1 if anything is broken.
    Verify(admin::VerifyArgs),
}

/// Parses the command line, runs the command, and turns the outcome into an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(dispatch(cli));
    // Work handed to threads (a document being typeset) is not waited for past this.
    runtime.shutdown_timeout(STOP_WAIT);
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// How long a stopping command waits for work still running on other threads.
const STOP_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let is_server = matches!(cli.command, Command::Serve(_) | Command::Demo(_));
    init_logging(if is_server {
        "gestio=info,tower_http=info"
    } else {
        "warn"
    });
    if let Command::Statement(command) = cli.command {
        // Parsing only: no database is opened or created.
        return statements::statement(command);
    }
    if let Command::Demo(args) = &cli.command {
        let url = DatabaseUrl::new(
            cli.database_url
                .clone()
                .unwrap_or_else(|| crate::config::DEMO_DATABASE_URL.to_owned()),
        );
        return admin::demo(url, args, &cli.author, cli.secret_file.as_deref()).await;
    }
    let url = DatabaseUrl::new(
        cli.database_url
            .clone()
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
    );
    let work_limit = is_server.then_some(crate::http::REQUEST_TIMEOUT);
    let store = open_store(&url, cli.secret_file.as_deref(), work_limit).await?;
    let context = Context {
        store,
        author: cli.author,
    };
    let code = match cli.command {
        Command::Migrate => {
            println!("database {url} is up to date");
            ExitCode::SUCCESS
        }
        Command::Serve(args) => admin::serve(context.store.clone(), url, &args).await?,
        Command::Demo(_) | Command::Statement(_) => unreachable!("handled above"),
        Command::Office(command) => parties::office(&context, command).await?,
        Command::Beneficiary(command) => parties::beneficiary(&context, command).await?,
        Command::Mandate(command) => parties::mandate(&context, command).await?,
        Command::Book(command) => books::book(&context, command).await?,
        Command::Account(command) => books::account(&context, command).await?,
        Command::Entry(command) => entries::entry(&context, command).await?,
        Command::Balance(args) => entries::balance(&context, &args).await?,
        Command::Verify(args) => admin::verify(&context, &args).await?,
        Command::Import(args) => imports::import(&context, &args).await?,
        Command::Rule(command) => rules::rule(&context, command).await?,
        Command::Suspense(command) => rules::suspense(&context, command).await?,
        Command::Creditor(command) => payments::creditor(&context, command).await?,
        Command::Schedule(command) => payments::schedule(&context, command).await?,
        Command::Income(command) => payments::income(&context, command).await?,
        Command::Debt(command) => pay::debt(&context, command).await?,
        Command::Pay(command) => pay::pay(&context, command).await?,
        Command::Forecast(args) => pay::forecast(&context, &args).await?,
        Command::Report(args) => reports::report(&context, &args).await?,
        Command::Export(args) => reports::export(&context, &args).await?,
        Command::User(command) => users::user(&context, command).await?,
        Command::Court(command) => instance::court(&context, command).await?,
        Command::Admin(command) => instance::admin(&context, command).await?,
        Command::Seal(command) => instance::seal(&context, command).await?,
        Command::Evidence(command) => evidence::evidence(&context, command).await?,
        Command::Budget(command) => evidence::budget(&context, command).await?,
    };
    context.store.close().await;
    Ok(code)
}

/// Opens the database with its sealing key: the key of a database already sealed, or a new one
/// for a database never sealed (see `secret`).
pub(crate) async fn open_store(
    url: &DatabaseUrl,
    secret_file: Option<&std::path::Path>,
    work_limit: Option<std::time::Duration>,
) -> anyhow::Result<Store> {
    use anyhow::Context as _;
    let store = Store::connect_bounded(url.expose(), work_limit)
        .await
        .with_context(|| format!("opening the database {url}"))?;
    store
        .migrate()
        .await
        .with_context(|| format!("bringing the database {url} up to date"))?;
    let recorded = store.recorded_key_id().await?;
    let key = crate::secret::KeySource::for_database(url, secret_file).key(recorded.as_deref())?;
    Ok(store.sealed_with(key).await?)
}

/// What every command gets: the store and who is acting.
pub(crate) struct Context {
    pub store: Store,
    pub author: String,
}

pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
