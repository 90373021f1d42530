//! `gestio evidence` (receipts attached to entries) and `gestio budget` (a book's budget plan).

use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Subcommand;

use super::output::{json, table};
use super::{Context, now};
use crate::domain::account::ReportCategory;
use crate::domain::ids::{BookId, EntryId, EvidenceId};
use crate::domain::money::Money;
use crate::service::{budget, evidence};

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Attach a receipt or invoice (PDF, JPEG or PNG, at most 10 MiB) to an entry.
    Attach {
        #[arg(long)]
        entry: EntryId,
        file: std::path::PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The evidence attached to a book's entries.
    List {
        #[arg(long)]
        book: BookId,
        #[arg(long)]
        json: bool,
    },
    /// Write one evidence file out as it was attached.
    Get {
        id: EvidenceId,
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

pub async fn evidence(context: &Context, command: EvidenceCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvidenceCommand::Attach {
            entry,
            file,
            json: as_json,
        } => {
            let content = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let name = file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let attached = evidence::attach(&context.store, entry, &name, &content, &context.author, now()).await?;
            if as_json {
                return json(&attached).map(|()| ExitCode::SUCCESS);
            }
            println!(
                "evidence {} ({}, {} bytes) attached to entry {entry}",
                attached.id,
                attached.media_type.code(),
                attached.size_bytes
            );
        }
        EvidenceCommand::List { book, json: as_json } => {
            let files = evidence::evidence_files(&context.store, book).await?;
            if as_json {
                return json(&files).map(|()| ExitCode::SUCCESS);
            }
            let mut rows = vec![["ID", "ENTRY", "FILE", "TYPE", "BYTES"].map(String::from).to_vec()];
            rows.extend(files.iter().map(|file| {
                vec![
                    file.id.to_string(),
                    file.entry.to_string(),
                    file.file_name.clone(),
                    file.media_type.code().to_owned(),
                    file.size_bytes.to_string(),
                ]
            }));
            table(&rows);
        }
        EvidenceCommand::Get { id, out } => {
            let (_, _, content) = evidence::evidence_content(&context.store, id).await?;
            std::fs::write(&out, content).with_context(|| format!("writing {}", out.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Plan a monthly amount for a category from a month on (e.g. --category expense.housing
    /// --monthly 650.00 --from 2026-01-01).
    Set {
        #[arg(long)]
        book: BookId,
        #[arg(long)]
        category: String,
        #[arg(long)]
        monthly: String,
        #[arg(long)]
        from: NaiveDate,
    },
    /// The book's plan lines.
    Show {
        #[arg(long)]
        book: BookId,
        #[arg(long)]
        json: bool,
    },
}

pub async fn budget(context: &Context, command: BudgetCommand) -> anyhow::Result<ExitCode> {
    match command {
        BudgetCommand::Set {
            book,
            category,
            monthly,
            from,
        } => {
            let category = ReportCategory::parse(&category)?;
            let currency = crate::service::ledger::book(&context.store, book).await?.currency;
            let monthly = Money::parse(&monthly, currency).with_context(|| format!("--monthly {monthly}"))?;
            let line = budget::plan(&context.store, book, category, monthly, from, now()).await?;
            println!(
                "book {book}: {} planned at {monthly} a month from {}",
                line.category.code(),
                line.valid_from
            );
        }
        BudgetCommand::Show { book, json: as_json } => {
            let lines = budget::plan_lines(&context.store, book).await?;
            if as_json {
                return json(&lines).map(|()| ExitCode::SUCCESS);
            }
            let currency = crate::service::ledger::book(&context.store, book).await?.currency;
            let mut rows = vec![["CATEGORY", "MONTHLY", "FROM"].map(String::from).to_vec()];
            rows.extend(lines.iter().map(|line| {
                vec![
                    line.category.code().to_owned(),
                    Money::from_minor(line.monthly, currency).to_string(),
                    line.valid_from.to_string(),
                ]
            }));
            table(&rows);
        }
    }
    Ok(ExitCode::SUCCESS)
}
