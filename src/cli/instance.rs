//! `gestio court add|list`, `gestio admin add` and `gestio seal adopt`: what sits above the offices. Courts are records
//! that mandates and court staff point at; the instance's administrator keeps them in the web
//! application. The command line is the operator's, who may do the same.

use std::process::ExitCode;

use clap::Subcommand;

use super::output::{json, optional, table};
use super::parties::JsonFlag;
use super::users::read_password;
use super::{Context, now};
use crate::domain::access::Role;
use crate::domain::court::{Court, NewCourt};
use crate::domain::mandate::Jurisdiction;
use crate::domain::party::Language;
use crate::domain::user::NewUser;
use crate::service::passwords::PasswordWork;
use crate::service::{courts, users};

#[derive(Debug, Subcommand)]
pub enum CourtCommand {
    /// Record a court, as it is written on judgments.
    Add {
        #[arg(long)]
        name: String,
        /// lu, fr, de or generic: the layout its periodic accounts follow by default.
        #[arg(long)]
        jurisdiction: String,
        /// Its postal address.
        #[arg(long)]
        address: Option<String>,
        #[command(flatten)]
        output: JsonFlag,
    },
    /// Every court, with the id mandates and court users name.
    List(JsonFlag),
}

pub async fn court(context: &Context, command: CourtCommand) -> anyhow::Result<ExitCode> {
    let (found, as_json) = match command {
        CourtCommand::Add {
            name,
            jurisdiction,
            address,
            output,
        } => {
            let court = NewCourt::new(&name, Jurisdiction::parse(&jurisdiction)?, address.as_deref())?;
            (
                vec![courts::add_court(&context.store, &court, now()).await?],
                output.json,
            )
        }
        CourtCommand::List(output) => (courts::courts(&context.store).await?, output.json),
    };
    if as_json {
        json(&found)?;
    } else {
        print_courts(&found);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_courts(found: &[Court]) {
    let mut rows = vec![["ID", "NAME", "JURISDICTION", "ADDRESS"].map(String::from).to_vec()];
    rows.extend(found.iter().map(|court| {
        vec![
            court.id.to_string(),
            court.name.clone(),
            court.jurisdiction.code().to_owned(),
            optional(court.address.clone()),
        ]
    }));
    table(&rows);
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Add an administrator of the instance: keeps the courts and adds their staff in the web
    /// application; belongs to no office and sees no book. The password is read as for `user add`.
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        /// The interface language: fr, de, en, pt, lb, sv.
        #[arg(long)]
        language: Option<String>,
    },
}

pub async fn admin(context: &Context, command: AdminCommand) -> anyhow::Result<ExitCode> {
    let AdminCommand::Add { login, name, language } = command;
    let administrator = NewUser {
        office: None,
        login,
        display_name: name,
        role: Role::Administrator,
        language: language.as_deref().map(Language::parse).transpose()?,
        beneficiary: None,
        court: None,
    };
    let password = read_password()?;
    let created = users::add_user(
        &context.store,
        &PasswordWork::default(),
        administrator,
        &password,
        now(),
    )
    .await?;
    println!("user {} (administrator, {})", created.login, created.display_name);
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Subcommand)]
pub enum SealCommand {
    /// Seal what was written before sealing began (chain heads, filings, evidence, payment
    /// files), once, after upgrading: each only if it still verifies. See `gestio verify`.
    Adopt(JsonFlag),
}

pub async fn seal(context: &Context, command: SealCommand) -> anyhow::Result<ExitCode> {
    let SealCommand::Adopt(output) = command;
    let adoption = crate::service::sealing::adopt(&context.store).await?;
    if output.json {
        json(&adoption)?;
    } else {
        println!(
            "sealed: {} chain heads, {} filings, {} evidence files, {} payment files",
            adoption.books, adoption.filings, adoption.evidence, adoption.payment_files
        );
        for refused in &adoption.refused {
            println!("NOT SEALED: {refused}");
        }
    }
    Ok(if adoption.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
