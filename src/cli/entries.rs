//! `gestio entry|balance`: posting, listing, showing and reversing entries; the trial balance.

use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::{json, table};
use super::parties::JsonFlag;
use super::{Context, now, today};
use crate::domain::ids::{BookId, EntryId};
use crate::domain::ledger::{EntryDraft, EntrySource, JournalEntry, Posting};
use crate::domain::money::Money;
use crate::service::ledger as use_case;
use crate::storage::EntryFilter;

#[derive(Debug, Subcommand)]
pub enum EntryCommand {
    /// Post an entry: at least two postings ACCOUNT_CODE=AMOUNT that sum to zero
    /// (debits positive, credits negative).
    Add(Box<EntryAddArgs>),
    /// List a book's entries in posting order.
    List {
        #[arg(long)]
        book: BookId,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        /// Only entries after this chain position (paging).
        #[arg(long)]
        after: Option<i64>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Show one entry with its postings and hashes.
    Show {
        id: EntryId,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Reverse an entry: post its mirror image, dated today unless --date is given.
    Reverse {
        id: EntryId,
        #[arg(long)]
        date: Option<NaiveDate>,
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        output: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct EntryAddArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long)]
    date: NaiveDate,
    #[arg(long)]
    description: String,
    /// ACCOUNT_CODE=AMOUNT, e.g. 6000=650.00 and 1100=-650.00. Repeat for each posting.
    #[arg(long = "posting", required = true)]
    postings: Vec<String>,
    /// manual (default) or adjustment (a correction of a locked period).
    #[arg(long, default_value = "manual")]
    source: String,
    /// The receipt or voucher number of the evidence.
    #[arg(long)]
    receipt: Option<String>,
    /// A reference from outside (invoice number, letter…).
    #[arg(long = "ref", conflicts_with = "corrects")]
    source_ref: Option<String>,
    /// The locked entry this adjustment corrects (implies --source adjustment); the next
    /// account lists the correction with it.
    #[arg(long)]
    corrects: Option<crate::domain::ids::EntryId>,
    #[command(flatten)]
    output: JsonFlag,
}

async fn draft_from(context: &Context, args: &EntryAddArgs) -> anyhow::Result<EntryDraft> {
    let source = match EntrySource::parse(&args.source) {
        Some(_) if args.corrects.is_some() => EntrySource::Adjustment,
        Some(source @ (EntrySource::Manual | EntrySource::Adjustment)) => source,
        _ => bail!(
            "--source {}: use manual or adjustment (other sources are set by imports, payments and reversals)",
            args.source
        ),
    };
    let accounts = context.store.begin_read().await?.accounts(args.book).await?;
    let postings = args
        .postings
        .iter()
        .map(|text| {
            let (code, amount) = text
                .split_once('=')
                .ok_or_else(|| anyhow!("--posting {text}: write ACCOUNT_CODE=AMOUNT, e.g. 6000=650.00"))?;
            let account = accounts
                .iter()
                .find(|account| account.code == code.trim())
                .ok_or_else(|| {
                    anyhow!(
                        "--posting {text}: book {} has no account {code}; see `gestio account list --book {}`",
                        args.book,
                        args.book
                    )
                })?;
            let amount = Money::parse(amount, account.currency).with_context(|| format!("--posting {text}"))?;
            Ok(Posting {
                account_id: account.id,
                amount,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let source_ref = match args.corrects {
        Some(corrected) => Some(use_case::correction_reference(&context.store, args.book, corrected).await?),
        None => args.source_ref.clone(),
    };
    Ok(EntryDraft {
        book_id: args.book,
        date: args.date,
        description: args.description.clone(),
        source,
        source_ref,
        receipt: args.receipt.clone(),
        author: context.author.clone(),
        reverses: None,
        postings,
    })
}

pub async fn entry(context: &Context, command: EntryCommand) -> anyhow::Result<ExitCode> {
    let (entries, as_json) = match command {
        EntryCommand::Add(args) => {
            let draft = draft_from(context, &args).await?;
            (
                vec![use_case::post_entry(&context.store, draft, now()).await?],
                args.output.json,
            )
        }
        EntryCommand::List {
            book,
            from,
            to,
            after,
            limit,
            output,
        } => {
            let mut tx = context.store.begin_read().await?;
            tx.book(book).await?;
            let filter = EntryFilter {
                from,
                to,
                after_sequence: after,
                limit: Some(limit),
            };
            (tx.entries(book, filter).await?, output.json)
        }
        EntryCommand::Show { id, output } => (vec![context.store.begin_read().await?.entry(id).await?], output.json),
        EntryCommand::Reverse {
            id,
            date,
            reason,
            output,
        } => {
            let date = date.unwrap_or_else(today);
            let reversal =
                use_case::reverse_entry(&context.store, id, date, &context.author, reason.as_deref(), now()).await?;
            (vec![reversal], output.json)
        }
    };
    if as_json {
        json(&entries)?;
    } else {
        print_entries(&entries);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_entries(entries: &[JournalEntry]) {
    for entry in entries {
        println!(
            "entry {} (#{} of book {})  {}  {}  [{}]{}",
            entry.id,
            entry.sequence,
            entry.book_id,
            entry.date,
            entry.description,
            entry.source,
            entry.reverses.map(|id| format!(" reverses {id}")).unwrap_or_default()
        );
        for posting in &entry.postings {
            println!(
                "    account {:>6}  {:>16}",
                posting.account_id,
                posting.amount.to_string()
            );
        }
    }
}

#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[arg(long)]
    book: BookId,
    /// The balance at the end of this day (default: now).
    #[arg(long)]
    at: Option<NaiveDate>,
    #[command(flatten)]
    output: JsonFlag,
}

pub async fn balance(context: &Context, args: &BalanceArgs) -> anyhow::Result<ExitCode> {
    let trial = use_case::trial_balance(&context.store, args.book, args.at).await?;
    if args.output.json {
        json(&trial)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = vec![
        ["CODE", "KIND", "CATEGORY", "BALANCE", "NAME"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(trial.lines.iter().filter(|line| !line.balance.is_zero()).map(|line| {
        vec![
            line.code.clone(),
            line.kind.as_str().to_owned(),
            line.category.to_string(),
            format!("{:>16}", line.balance.to_string()),
            line.name.clone(),
        ]
    }));
    table(&rows);
    for (currency, total) in trial.totals()? {
        println!("total {currency}: {}", total.amount_text());
    }
    Ok(ExitCode::SUCCESS)
}
