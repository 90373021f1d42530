//! `gestio report file|filings|approve|download`: filing an account with the court, the court's
//! review, and the filed account exactly as filed.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::output::{json, optional, table};
use super::reports::{LayoutArgs, PeriodArgs, write_out};
use super::{Context, now};
use crate::domain::filing::{Filing, Verdict};
use crate::domain::ids::{BookId, FilingId};
use crate::service::filings::{FilingRequest, file_account, filed_documents, filing_bundle, filings, review_filing};

#[derive(Debug, Args)]
pub struct FileArgs {
    #[arg(long)]
    book: BookId,
    #[command(flatten)]
    period: PeriodArgs,
    #[command(flatten)]
    layout: LayoutArgs,
    /// Print the filing as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct FilingsArgs {
    #[arg(long)]
    book: BookId,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("verdict").required(true).args(["approved", "remarks"])))]
pub struct ApproveArgs {
    #[arg(long)]
    filing: FilingId,
    /// The court approves the account.
    #[arg(long)]
    approved: bool,
    /// The court's remarks: what is to be explained or corrected.
    #[arg(long)]
    remarks: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FiledPart {
    /// The PDF as filed.
    Pdf,
    /// The account's data (JSON) as filed.
    Json,
    /// A zip: the PDF, the data, the evidence files and SHA256SUMS.
    Bundle,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    #[arg(long)]
    filing: FilingId,
    #[arg(long, value_enum)]
    part: FiledPart,
    #[arg(long)]
    out: std::path::PathBuf,
}

pub async fn file(context: &Context, args: &FileArgs) -> anyhow::Result<ExitCode> {
    let filing = file_account(
        &context.store,
        &FilingRequest {
            book: args.book,
            period: args.period.period()?,
            layout: args.layout.layout()?,
            language: args.layout.language()?,
            filed_by: &context.author,
            now: now(),
        },
    )
    .await?;
    if args.json {
        return json(&filing).map(|()| ExitCode::SUCCESS);
    }
    println!(
        "filed account {} of book {} for {} to {}; the book is locked through {}",
        filing.id, filing.book, filing.period.from, filing.period.to, filing.period.to
    );
    println!("PDF SHA-256  {}", filing.pdf_sha256);
    println!("data SHA-256 {}", filing.data_sha256);
    println!("chain head   {} {}", filing.chain_sequence, filing.chain_hash);
    Ok(ExitCode::SUCCESS)
}

pub async fn list(context: &Context, args: &FilingsArgs) -> anyhow::Result<ExitCode> {
    let found = filings(&context.store, args.book).await?;
    if args.json {
        return json(&found).map(|()| ExitCode::SUCCESS);
    }
    let mut rows = vec![
        ["ID", "FROM", "TO", "LAYOUT", "FILED", "BY", "REVIEW"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(found.iter().map(|filing| {
        vec![
            filing.id.to_string(),
            filing.period.from.to_string(),
            filing.period.to.to_string(),
            filing.layout.code().to_owned(),
            filing.filed_at.date_naive().to_string(),
            filing.filed_by.clone(),
            review_text(filing),
        ]
    }));
    table(&rows);
    Ok(ExitCode::SUCCESS)
}

fn review_text(filing: &Filing) -> String {
    optional(filing.review.as_ref().map(|review| match &review.remarks {
        Some(remarks) => format!("{}: {remarks}", review.verdict.code()),
        None => review.verdict.code().to_owned(),
    }))
}

pub async fn approve(context: &Context, args: &ApproveArgs) -> anyhow::Result<ExitCode> {
    let verdict = if args.approved {
        Verdict::Approved
    } else {
        Verdict::Remarks
    };
    let filing = review_filing(
        &context.store,
        args.filing,
        verdict,
        args.remarks.clone(),
        &context.author,
        now(),
    )
    .await?;
    if args.json {
        return json(&filing).map(|()| ExitCode::SUCCESS);
    }
    println!("filed account {}: {}", filing.id, review_text(&filing));
    Ok(ExitCode::SUCCESS)
}

pub async fn download(context: &Context, args: &DownloadArgs) -> anyhow::Result<ExitCode> {
    let bytes = match args.part {
        FiledPart::Pdf => filed_documents(&context.store, args.filing).await?.pdf,
        FiledPart::Json => filed_documents(&context.store, args.filing)
            .await?
            .data_json
            .into_bytes(),
        FiledPart::Bundle => filing_bundle(&context.store, args.filing).await?,
    };
    write_out(Some(&args.out), &bytes)
}
