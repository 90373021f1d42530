//! `gestio statement inspect`: what a bank file says, without touching any database.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::output::{json, optional, table};
use crate::import::STATEMENT_BYTES_MAX;
use crate::import::csv::{CsvProfile, built_in_profile};
use crate::import::statement::StatementFacts;

/// How to read a bank CSV export: a built-in profile by name, or a profile file.
#[derive(Debug, Clone, Args)]
pub struct ProfileArgs {
    /// A built-in CSV profile: bcee, sparkasse, banque-postale or swedbank.
    #[arg(long, conflicts_with = "profile_file")]
    profile: Option<String>,
    /// A CSV profile file (TOML, shaped like those in samples/csv-profiles/).
    #[arg(long)]
    profile_file: Option<PathBuf>,
}

impl ProfileArgs {
    pub fn load(&self) -> anyhow::Result<Option<CsvProfile>> {
        match (&self.profile, &self.profile_file) {
            (Some(name), _) => built_in_profile(name)
                .map(Some)
                .ok_or_else(|| anyhow::anyhow!("--profile {name}: not a built-in profile; use bcee, sparkasse, banque-postale or swedbank, or --profile-file")),
            (None, Some(path)) => {
                let text = std::fs::read_to_string(path).with_context(|| format!("--profile-file {}", path.display()))?;
                Ok(Some(CsvProfile::parse(&text).map_err(|reason| anyhow::anyhow!("--profile-file {}: {reason}", path.display()))?))
            }
            (None, None) => Ok(None),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum StatementCommand {
    /// Parse bank files (camt.052/053/054 in any version, or CSV exports with a profile) and show each statement's account,
    /// balances, entries and whether opening + booked credits − booked debits = closing.
    Inspect {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        profile: ProfileArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct FileStatement {
    file: String,
    #[serde(flatten)]
    facts: StatementFacts,
}

#[derive(Serialize)]
struct Inspection {
    statements: Vec<FileStatement>,
}

pub fn statement(command: StatementCommand) -> anyhow::Result<ExitCode> {
    let StatementCommand::Inspect {
        files,
        profile,
        json: as_json,
    } = command;
    let profile = profile.load()?;
    let options = crate::service::import::ImportOptions {
        csv_profile: profile.as_ref(),
        ..Default::default()
    };
    let mut statements = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let bytes = read_bounded(path).with_context(|| name.clone())?;
        let file = crate::service::import::parse_file(&name, &bytes, options)?;
        statements.extend(file.statements.iter().map(|statement| FileStatement {
            file: name.clone(),
            facts: statement.facts(&file.message_type),
        }));
    }
    if as_json {
        json(&Inspection { statements })?;
    } else {
        print_table(&statements);
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a file, refusing one over the statement size limit before reading it whole.
pub(super) fn read_bounded(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let size = std::fs::metadata(path).context("cannot read the file")?.len();
    if usize::try_from(size).map_or(true, |size| size > STATEMENT_BYTES_MAX) {
        return Err(crate::import::ImportError::TooLarge {
            bytes: usize::try_from(size).unwrap_or(usize::MAX),
        }
        .into());
    }
    std::fs::read(path).context("cannot read the file")
}

fn print_table(statements: &[FileStatement]) {
    let mut rows = vec![
        [
            "FILE",
            "TYPE",
            "STATEMENT",
            "ACCOUNT",
            "OPENING",
            "CLOSING",
            "ENTRIES",
            "RECONCILES",
        ]
        .map(String::from)
        .to_vec(),
    ];
    rows.extend(statements.iter().map(|statement| {
        let facts = &statement.facts;
        let balance = |fact: &Option<crate::import::statement::BalanceFact>| {
            fact.as_ref()
                .map(|fact| format!("{} {}", fact.amount, facts.account_currency.as_deref().unwrap_or("")))
                .unwrap_or_else(|| "-".into())
        };
        vec![
            statement.file.clone(),
            facts.message_type.clone(),
            optional(facts.id.clone()),
            optional(facts.account_iban.clone().or_else(|| facts.account_other_id.clone())),
            balance(&facts.opening_booked),
            balance(&facts.closing_booked),
            facts.entries.to_string(),
            match facts.reconciles {
                Some(true) => "yes".into(),
                Some(false) => "NO".into(),
                None => "-".into(),
            },
        ]
    }));
    table(&rows);
}
