//! `gestio user add|passwd|disable|enable|assign|withdraw|list`: the people who sign in. A password is read
//! from `GESTIO_PASSWORD` when set (for scripts), else from one line of standard input, and never
//! from the command line, where other users of the machine could see it.

use std::io::BufRead as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;

use super::output::{json, optional, table};
use super::{Context, now};
use crate::domain::access::Role;
use crate::domain::ids::{BeneficiaryId, BookId, OfficeId};
use crate::domain::party::Language;
use crate::domain::user::{NewUser, User, UserError};
use crate::service::passwords::PasswordWork;
use crate::service::{courts, users};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user: supervisor, counsellor or beneficiary (with --beneficiary) of an office;
    /// or court staff (with --court, the court's id or name from `gestio court list`, and no
    /// office); or an administrator of the instance (no office).
    Add {
        #[arg(long)]
        office: Option<OfficeId>,
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        beneficiary: Option<BeneficiaryId>,
        /// The court of court staff: its id, or its name as recorded.
        #[arg(long)]
        court: Option<String>,
        /// The interface language: fr, de, en, pt, lb, sv.
        #[arg(long)]
        language: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set a new password.
    Passwd { login: String },
    /// Stop a user from signing in.
    Disable { login: String },
    /// Let a disabled user sign in again.
    Enable { login: String },
    /// Assign a book to a counsellor.
    Assign {
        login: String,
        #[arg(long)]
        book: BookId,
    },
    /// Take a book back from a counsellor: their access ends at their next request.
    Withdraw {
        login: String,
        #[arg(long)]
        book: BookId,
    },
    /// Every user.
    List {
        #[arg(long)]
        json: bool,
    },
}

/// The password from `GESTIO_PASSWORD`, else the first line of standard input.
pub(super) fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("GESTIO_PASSWORD") {
        return Ok(password);
    }
    eprintln!(
        "password (at least {} characters), then Enter:",
        crate::domain::user::PASSWORD_LENGTH_MIN
    );
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub async fn user(context: &Context, command: UserCommand) -> anyhow::Result<ExitCode> {
    let changed = match command {
        UserCommand::Add {
            office,
            login,
            name,
            role,
            beneficiary,
            court,
            language,
            json: as_json,
        } => {
            let court = match court.as_deref() {
                None => None,
                Some(text) => Some(
                    courts::find(&context.store, text)
                        .await?
                        .ok_or_else(|| {
                            anyhow::anyhow!("no court is recorded as '{text}': see `gestio court list`, or add it with `gestio court add`")
                        })?
                        .id,
                ),
            };
            let new = NewUser {
                office,
                login,
                display_name: name,
                role: Role::parse(&role).ok_or(UserError::UnknownRole(role))?,
                language: language.as_deref().map(Language::parse).transpose()?,
                beneficiary,
                court,
            };
            let password = read_password()?;
            let created = users::add_user(&context.store, &PasswordWork::default(), new, &password, now()).await?;
            if as_json {
                return json(&created).map(|()| ExitCode::SUCCESS);
            }
            created
        }
        UserCommand::Passwd { login } => {
            users::set_password(&context.store, &PasswordWork::default(), &login, &read_password()?).await?
        }
        UserCommand::Disable { login } => users::set_disabled(&context.store, &login, true).await?,
        UserCommand::Enable { login } => users::set_disabled(&context.store, &login, false).await?,
        UserCommand::Assign { login, book } => users::assign(&context.store, &login, book, now()).await?,
        UserCommand::Withdraw { login, book } => users::withdraw(&context.store, &login, book).await?,
        UserCommand::List { json: as_json } => {
            let found = users::users(&context.store, None).await?;
            if as_json {
                return json(&found).map(|()| ExitCode::SUCCESS);
            }
            list(&found);
            return Ok(ExitCode::SUCCESS);
        }
    };
    println!(
        "user {} ({}, {}){}",
        changed.login,
        changed.role.code(),
        changed.display_name,
        if changed.disabled { ", disabled" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

fn list(found: &[User]) {
    let mut rows = vec![
        ["LOGIN", "NAME", "ROLE", "OFFICE", "BENEFICIARY", "COURT", "DISABLED"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(found.iter().map(|user| {
        vec![
            user.login.clone(),
            user.display_name.clone(),
            user.role.code().to_owned(),
            optional(user.office),
            optional(user.beneficiary),
            optional(user.court),
            if user.disabled { "yes" } else { "no" }.to_owned(),
        ]
    }));
    table(&rows);
}
