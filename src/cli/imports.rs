//! `gestio import`: book bank files into the beneficiaries' books.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;

use super::output::{json, table};
use super::statements::{ProfileArgs, read_bounded};
use super::{Context, now};
use crate::domain::ids::BookId;
use crate::import::csv::CsvProfile;
use crate::service::import::{ImportBatch, ImportOptions, ImportSummary, PreparedFile};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// camt.052, camt.053 or camt.054 files, any version. Each file is imported whole or not at all.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Only import into this book (the statement's IBAN must be one of its accounts).
    #[arg(long)]
    book: Option<BookId>,
    #[command(flatten)]
    profile: ProfileArgs,
    /// The account's IBAN, for CSV exports that do not carry it on their rows.
    #[arg(long)]
    account_iban: Option<String>,
    /// Import statements whose balances do not add up, recording this reason.
    #[arg(long)]
    force_reason: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// Files per db transaction: each file is still all or nothing (checked whole before it is
/// written), but the disk is waited for once per batch, not once per file.
const FILES_PER_BATCH: usize = 200;

pub async fn import(context: &Context, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let profile = args.profile.load()?;
    let options = ImportOptions {
        book: args.book,
        force_reason: args.force_reason.as_deref(),
        csv_profile: profile.as_ref(),
        account_iban: args.account_iban.as_deref(),
        writable_books: None,
        ..ImportOptions::default()
    };
    let mut summaries = Vec::with_capacity(args.files.len());
    // Files of the batches committed so far: what stays if a later batch fails.
    let mut committed = 0;
    let mut batch = ImportBatch::begin(&context.store).await?;
    // Drawn on a terminal only: indicatif hides itself when standard error is not one.
    let progress = indicatif::ProgressBar::new(args.files.len() as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise}")
            .expect("BUG: the progress template is valid"),
    );
    let mut prepared = prepare_in_background(args.files.clone(), profile.clone());
    while let Some(file) = prepared.recv().await {
        progress.inc(1);
        let result = match file {
            Ok(file) => batch
                .import_prepared(file, options, &context.author, now())
                .await
                .map_err(anyhow::Error::from),
            Err(error) => Err(error),
        };
        match result {
            Ok(summary) => summaries.push(summary),
            Err(error) => {
                progress.finish_and_clear();
                // The files before this one are kept, so nobody imports them twice by hand; a
                // database failure takes their batch with it.
                let kept = match batch.commit().await {
                    Ok(()) => summaries.len(),
                    Err(_) => committed,
                };
                if kept > 0 {
                    eprintln!("the first {kept} file(s) were imported; the others were not");
                }
                return Err(error);
            }
        }
        if batch.files() == FILES_PER_BATCH {
            if let Err(error) = batch.commit().await {
                progress.finish_and_clear();
                if committed > 0 {
                    eprintln!("the first {committed} file(s) were imported; the others were not");
                }
                return Err(error.into());
            }
            committed = summaries.len();
            batch = ImportBatch::begin(&context.store).await?;
        }
    }
    batch.commit().await?;
    progress.finish_and_clear();
    if args.json {
        json(&summaries)?;
    } else {
        print_summaries(&summaries);
    }
    Ok(ExitCode::SUCCESS)
}

/// Files parsed ahead, in order.
const FILES_AHEAD: usize = 4;

/// Reads and parses `files` in order on a thread of their own, a few files ahead of the import:
/// parsing then overlaps with the database writes on a second core, and memory stays bounded.
/// The thread stops at the first file it cannot read or parse, or when the import stops taking.
fn prepare_in_background(
    files: Vec<PathBuf>,
    profile: Option<CsvProfile>,
) -> tokio::sync::mpsc::Receiver<anyhow::Result<PreparedFile>> {
    let (sender, receiver) = tokio::sync::mpsc::channel(FILES_AHEAD);
    std::thread::spawn(move || {
        let options = ImportOptions {
            csv_profile: profile.as_ref(),
            ..ImportOptions::default()
        };
        for path in files {
            let name = path.display().to_string();
            let file = read_bounded(&path)
                .with_context(|| name.clone())
                .and_then(|bytes| Ok(PreparedFile::new(&name, &bytes, options)?));
            let failed = file.is_err();
            if sender.blocking_send(file).is_err() || failed {
                return;
            }
        }
    });
    receiver
}

fn print_summaries(summaries: &[ImportSummary]) {
    let mut rows = vec![
        [
            "FILE",
            "STATEMENT",
            "BOOK",
            "ACCOUNT",
            "NEW",
            "ALREADY BOOKED",
            "NOT BOOKED",
            "BALANCES",
            "GAPS",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for summary in summaries {
        for statement in &summary.statements {
            rows.push(vec![
                summary.file.clone(),
                statement.statement.clone(),
                statement.book.to_string(),
                statement.account.clone(),
                if statement.copy {
                    "copy: nothing added".into()
                } else {
                    statement.new.to_string()
                },
                statement.already_booked.to_string(),
                statement.not_booked.to_string(),
                match statement.reconciles {
                    Some(true) => "add up".into(),
                    Some(false) => "DO NOT ADD UP (forced)".into(),
                    None => "-".into(),
                },
                if statement.gaps.is_empty() {
                    "-".into()
                } else {
                    statement.gaps.join("; ")
                },
            ]);
        }
    }
    table(&rows);
}
