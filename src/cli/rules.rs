//! `gestio rule add|list|test` and `gestio suspense list|categorise`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::output::{json, optional, table};
use super::parties::JsonFlag;
use super::statements::read_bounded;
use super::{Context, now};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, EntryId, OfficeId};
use crate::domain::money::{Currency, Money};
use crate::import::rules::{Conditions, Direction, RuleTarget, pattern};
use crate::service::categorise::{self as use_case, RULE_PRIORITY_DEFAULT, RuleView};

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Add a categorisation rule: lines matching every condition given go to the target.
    Add(Box<RuleAddArgs>),
    /// List the rules that apply to an office's books, or to one book, in the order they are tried.
    List {
        #[arg(long)]
        office: OfficeId,
        #[arg(long)]
        book: Option<BookId>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Show where each line of a bank file would go under a book's rules, without importing it.
    Test {
        #[arg(long)]
        book: BookId,
        file: PathBuf,
        #[command(flatten)]
        output: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct RuleAddArgs {
    #[arg(long)]
    office: OfficeId,
    /// Only for this book (otherwise for every book of the office).
    #[arg(long)]
    book: Option<BookId>,
    /// A name that says what the rule is for, e.g. "Pension CNAP".
    #[arg(long)]
    name: String,
    /// Lower runs first.
    #[arg(long, default_value_t = RULE_PRIORITY_DEFAULT)]
    priority: i64,
    /// The counterparty's IBAN.
    #[arg(long)]
    iban: Option<String>,
    /// Text the counterparty's name contains (any letter case).
    #[arg(long)]
    name_contains: Option<String>,
    /// Text the remittance information contains (any letter case).
    #[arg(long)]
    remittance_contains: Option<String>,
    /// A regular expression the remittance information matches (any letter case).
    #[arg(long)]
    remittance_pattern: Option<String>,
    /// The start of the bank transaction code, e.g. PMNT/RCDT.
    #[arg(long)]
    bank_code: Option<String>,
    /// The smallest amount, without sign, with two decimals, e.g. 100.00.
    #[arg(long)]
    min: Option<String>,
    /// The largest amount, without sign.
    #[arg(long)]
    max: Option<String>,
    /// in (money received) or out (money paid).
    #[arg(long)]
    direction: Option<String>,
    /// Target: an account code of the book (needs --book).
    #[arg(long, conflicts_with = "category", required_unless_present = "category")]
    account: Option<String>,
    /// Target: a report category, e.g. income.pension (the book's account of that category).
    #[arg(long)]
    category: Option<String>,
    #[command(flatten)]
    output: JsonFlag,
}

impl RuleAddArgs {
    fn conditions(&self) -> anyhow::Result<Conditions> {
        let amount = |text: &Option<String>| -> anyhow::Result<Option<i64>> {
            Ok(text
                .as_deref()
                .map(|text| Money::parse(text, Currency::EUR))
                .transpose()?
                .map(Money::minor))
        };
        Ok(Conditions {
            counterparty_iban: self
                .iban
                .as_deref()
                .map(crate::domain::iban::Iban::parse)
                .transpose()?
                .map(|iban| iban.electronic().to_owned()),
            counterparty_name: self.name_contains.clone(),
            remittance_contains: self.remittance_contains.clone(),
            remittance_pattern: self.remittance_pattern.as_deref().map(pattern).transpose()?,
            bank_code: self.bank_code.clone(),
            amount_min_minor: amount(&self.min).context("--min")?,
            amount_max_minor: amount(&self.max).context("--max")?,
            direction: self.direction.as_deref().map(Direction::parse).transpose()?,
        })
    }

    fn target(&self) -> anyhow::Result<RuleTarget> {
        Ok(match (&self.account, &self.category) {
            (Some(code), _) => RuleTarget::Account(code.clone()),
            (None, Some(category)) => RuleTarget::Category(ReportCategory::parse(category)?),
            (None, None) => anyhow::bail!("give --account or --category"),
        })
    }
}

pub async fn rule(context: &Context, command: RuleCommand) -> anyhow::Result<ExitCode> {
    match command {
        RuleCommand::Add(args) => {
            let view = use_case::add_rule(
                &context.store,
                args.office,
                args.book,
                &args.name,
                args.priority,
                args.conditions()?,
                args.target()?,
                &context.author,
                now(),
            )
            .await?;
            print_rules(&[view], args.output.json)
        }
        RuleCommand::List { office, book, output } => {
            print_rules(&use_case::rules(&context.store, office, book).await?, output.json)
        }
        RuleCommand::Test { book, file, output } => {
            let name = file.display().to_string();
            let bytes = read_bounded(&file).with_context(|| name.clone())?;
            let trials = use_case::test_rules(&context.store, book, &bytes)
                .await
                .with_context(|| name.clone())?;
            if output.json {
                json(&trials)?;
            } else {
                let mut rows = vec![
                    ["LINE", "PART", "DATE", "AMOUNT", "COUNTERPARTY", "ACCOUNT", "RULE"]
                        .map(String::from)
                        .to_vec(),
                ];
                rows.extend(trials.iter().map(|trial| {
                    vec![
                        trial.line.to_string(),
                        trial.part.to_string(),
                        optional(trial.date),
                        trial.amount.to_string(),
                        optional(trial.counterparty.clone()),
                        trial.account.clone(),
                        trial.rule.clone().unwrap_or_else(|| "none: suspense".into()),
                    ]
                }));
                table(&rows);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_rules(rules: &[RuleView], as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        json(rules)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = vec![
        ["ID", "PRIORITY", "BOOK", "NAME", "WHEN", "TARGET"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(rules.iter().map(|rule| {
        let target = match &rule.target {
            RuleTarget::Account(code) => format!("account {code}"),
            RuleTarget::Category(category) => category.to_string(),
        };
        vec![
            rule.id.to_string(),
            rule.priority.to_string(),
            optional(rule.book),
            rule.name.clone(),
            rule.conditions.clone(),
            target,
        ]
    }));
    table(&rows);
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum SuspenseCommand {
    /// Imported lines (or parts of them) still waiting on suspense for a category.
    List {
        #[arg(long)]
        book: BookId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Move a suspense posting to its account with a correcting entry.
    Categorise {
        #[arg(long)]
        book: BookId,
        /// The imported entry, as `suspense list` shows it.
        #[arg(long)]
        entry: EntryId,
        /// The posting's line in that entry, as `suspense list` shows it.
        #[arg(long)]
        line: i64,
        /// The target account's code, e.g. 4000.
        #[arg(long)]
        account: String,
        /// Also make a rule: the same counterparty goes to this account from now on.
        #[arg(long)]
        make_rule: bool,
        #[command(flatten)]
        output: JsonFlag,
    },
}

pub async fn suspense(context: &Context, command: SuspenseCommand) -> anyhow::Result<ExitCode> {
    match command {
        SuspenseCommand::List { book, output } => {
            let items = use_case::suspense(&context.store, book).await?;
            if output.json {
                json(&items)?;
            } else {
                let mut rows = vec![
                    ["ENTRY", "LINE", "DATE", "AMOUNT", "COUNTERPARTY", "REMITTANCE"]
                        .map(String::from)
                        .to_vec(),
                ];
                for item in &items {
                    // The suspense posting mirrors the money's move: show the money's.
                    let amount = Money::from_minor(-item.amount_minor, Currency::parse(&item.currency)?).to_string();
                    rows.push(vec![
                        item.entry_id.to_string(),
                        item.line_no.to_string(),
                        item.entry_date.to_string(),
                        amount,
                        optional(item.counterparty_name.clone()),
                        item.remittance.clone().unwrap_or_else(|| item.description.clone()),
                    ]);
                }
                table(&rows);
            }
        }
        SuspenseCommand::Categorise {
            book,
            entry,
            line,
            account,
            make_rule,
            output,
        } => {
            let done = use_case::categorise(
                &context.store,
                book,
                entry,
                line,
                &account,
                make_rule,
                &context.author,
                now(),
            )
            .await?;
            if output.json {
                json(&done)?;
            } else {
                println!("entry {} moves the line to account {account}", done.entry.id);
                if let Some(rule) = &done.rule {
                    println!("rule {} added: {} → account {account}", rule.id, rule.conditions);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
